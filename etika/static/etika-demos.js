/* Etika AI static demos: no dependencies, no network requests.
 * Finds <div class="etika-demo" data-demo="..."> elements, reads the table embedded in their
 * <script type="application/json" class="etika-demo-data">, and redraws numbers, confusion
 * matrices and an SVG chart whenever a control changes. Same markup as etika/demos/render.py.
 */
(function () {
  "use strict";
  var COL = { female: "#E69F00", male: "#0072B2", rural: "#D55E00", urban: "#009E73", gap: "#555555" };
  var SVGNS = 'xmlns="http://www.w3.org/2000/svg"';

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  /* Number formats: the same algorithm as etika/demos/render.py (fixed, fmt_rate, fmt_pp,
   * fmt_threshold): floor(v * scale * 10^digits + 0.5) on the same double, decimal comma in
   * Indonesian, a true minus sign, an em dash when undefined. */
  var LANG = "en", PP = "pp";
  function missing(v) { return v === null || v === undefined || isNaN(v); }
  function fixed(v, digits, scale) {
    if (missing(v)) return "\u2014";
    var p = Math.pow(10, digits), n = Math.floor(v * ((scale || 1) * p) + 0.5);
    var sign = n < 0 ? "\u2212" : "";
    n = Math.abs(n);
    var whole = Math.floor(n / p), frac = String(n % p);
    while (frac.length < digits) frac = "0" + frac;
    return sign + whole + (digits ? (LANG === "id" ? "," : ".") + frac : "");
  }
  function pct(v, digits) {
    var s = fixed(v, digits === undefined ? 1 : digits, 100);
    return missing(v) ? s : s + "%";
  }
  function pp(v) { return missing(v) ? fixed(v, 1, 100) : fixed(v, 1, 100) + " " + PP; }
  function fmtThr(v) { return fixed(v, 2, 1); }
  function diff(a, b) { return missing(a) || missing(b) ? null : a - b; }
  function records(d) {
    return d.rows.map(function (r) {
      var o = {};
      d.columns.forEach(function (c, i) { o[c] = r[i]; });
      return o;
    });
  }
  function find(rows, crit) {
    for (var i = 0; i < rows.length; i++) {
      var ok = true;
      for (var k in crit) { if (rows[i][k] !== crit[k]) { ok = false; break; } }
      if (ok) return rows[i];
    }
    return null;
  }
  function ctl(root, key) { return root.querySelector('[data-control="' + key + '"]'); }
  function rangeValue(el) { return JSON.parse(el.getAttribute("data-values"))[+el.value]; }
  function setOutput(root, key, text) {
    var o = root.querySelector('[data-output="' + key + '"]');
    if (o) o.textContent = text;
  }

  function metricsTable(L, metrics, cols, extra) {
    var h = "<table class='etika-metrics'><thead><tr><th scope='col'><span class='etika-sr'>" + esc(L["common.group"]) + "</span></th>";
    Object.keys(cols).forEach(function (g) { h += "<th scope='col'>" + esc(L[g] || g) + "</th>"; });
    h += "</tr></thead><tbody>";
    metrics.forEach(function (m) {
      h += "<tr><th scope='row'>" + esc(L["metric." + m]) + "</th>";
      Object.keys(cols).forEach(function (g) {
        h += '<td data-metric="' + m + '" data-group="' + g + '"' + (extra || "") + ">" + (g === "gap" ? pp(cols[g][m]) : pct(cols[g][m])) + "</td>";
      });
      h += "</tr>";
    });
    return h + "</tbody></table>";
  }

  function confusion(L, g, r) {
    function cell(m) { return '<td data-metric="' + m + '" data-group="' + g + '">' + r[m] + "</td>"; }
    return "<table class='etika-cm' data-group='" + g + "'><caption>" +
      esc(L["cm.title"].replace("{group}", L[g])) + "</caption><tr><td></td><th scope='col'>" +
      esc(L["cm.approved"]) + "</th><th scope='col'>" + esc(L["cm.rejected"]) + "</th></tr>" +
      "<tr><th scope='row'>" + esc(L["cm.repaid"]) + "</th>" + cell("tp") + cell("fn") + "</tr>" +
      "<tr><th scope='row'>" + esc(L["cm.not_repaid"]) + "</th>" + cell("fp") + cell("tn") + "</tr></table>";
  }

  /* blocks: [{label: text, values: {series: value}}]; series: [names]; labels of series in L */
  function bars(L, blocks, series, alt) {
    /* labels above their bars, as render.bar_blocks_svg: long names fit a phone */
    var width = 320, barH = 12, gap = 8, labelH = 14, block = labelH + series.length * barH + gap;
    var height = blocks.length * block + 24, plotW = width - 50;
    var s = '<svg class="etika-chart" viewBox="0 0 ' + width + " " + height + '" width="100%" role="img" aria-label="' +
      esc(alt) + '" ' + SVGNS + "><title>" + esc(alt) + "</title>";
    blocks.forEach(function (b, i) {
      var y0 = i * block;
      s += '<text x="0" y="' + (y0 + 10) + '" font-size="10">' + esc(b.label) + "</text>";
      series.forEach(function (name, j) {
        var v = b.values[name], ok = v !== null && v !== undefined && !isNaN(v);
        var w = ok ? Math.max(0, Math.min(1, v)) * plotW : 0, y = y0 + labelH + j * barH;
        s += '<rect x="0" y="' + y + '" width="' + w.toFixed(1) + '" height="' + (barH - 2) +
          '" fill="' + (COL[name] || "#777777") + '"/><text x="' + (w + 3).toFixed(1) + '" y="' +
          (y + barH - 3) + '" font-size="9">' + pct(ok ? v : null) + "</text>";
      });
    });
    var ly = height - 8;
    series.forEach(function (name, j) {
      var x = j * 90;
      s += '<rect x="' + x + '" y="' + (ly - 8) + '" width="10" height="10" fill="' + (COL[name] || "#777777") +
        '"/><text x="' + (x + 14) + '" y="' + (ly + 1) + '" font-size="10">' + esc(L[name] || name) + "</text>";
    });
    return s + "</svg>";
  }

  function line(L, xs, series, markerX, alt, yLabel, xLabel) {
    var width = 320, height = 200, left = 40, bottom = 40, top = 10, right = 10, ymax = 0.05;
    Object.keys(series).forEach(function (k) {
      series[k].forEach(function (v) { if (v !== null && v > ymax) ymax = v; });
    });
    ymax = Math.ceil(ymax * 10) / 10;
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    function sx(x) { return left + (x - x0) / ((x1 - x0) || 1) * (width - left - right); }
    function sy(y) { return top + (1 - y / ymax) * (height - top - bottom); }
    var s = '<svg class="etika-chart" viewBox="0 0 ' + width + " " + height + '" width="100%" role="img" aria-label="' +
      esc(alt) + '" ' + SVGNS + "><title>" + esc(alt) + "</title>" +
      '<line x1="' + left + '" y1="' + sy(0).toFixed(1) + '" x2="' + (width - right) + '" y2="' + sy(0).toFixed(1) + '" stroke="#333"/>' +
      '<line x1="' + left + '" y1="' + top + '" x2="' + left + '" y2="' + sy(0).toFixed(1) + '" stroke="#333"/>';
    for (var k = 0; k < 5; k++) {
      var v = ymax * k / 4;
      s += '<text x="' + (left - 4) + '" y="' + (sy(v) + 3).toFixed(1) + '" font-size="9" text-anchor="end">' + pct(v) + "</text>";
    }
    [x0, (x0 + x1) / 2, x1].forEach(function (x) {
      s += '<text x="' + sx(x).toFixed(1) + '" y="' + (height - bottom + 12) + '" font-size="9" text-anchor="middle">' + pct(x) + "</text>";
    });
    s += '<text x="' + (left + width - right) / 2 + '" y="' + (height - 14) + '" font-size="10" text-anchor="middle">' +
      esc(xLabel) + '</text><text x="' + left + '" y="' + (height - 2) + '" font-size="10">' + esc(yLabel) + "</text>";
    var mx = sx(markerX).toFixed(1);
    s += '<line x1="' + mx + '" y1="' + top + '" x2="' + mx + '" y2="' + sy(0).toFixed(1) + '" stroke="#888" stroke-dasharray="3,3"/>';
    Object.keys(series).forEach(function (name) {
      var vals = series[name], pts = xs.map(function (x, i) { return sx(x).toFixed(1) + "," + sy(vals[i]).toFixed(1); });
      s += '<polyline fill="none" stroke="' + COL[name] + '" stroke-width="2" points="' + pts.join(" ") + '"/>' +
        '<text x="' + (sx(xs[xs.length - 1]) - 2).toFixed(1) + '" y="' + (sy(vals[vals.length - 1]) - 4).toFixed(1) +
        '" font-size="10" text-anchor="end" fill="' + COL[name] + '">' + esc(L[name]) + "</text>";
    });
    return s + "</svg>";
  }

  var histCount = 0;
  /* Score distributions: women solid, men hatched, a dashed line per threshold
   * (lines: {shared: t} or {female: tf, male: tm}); same drawing as render.histogram_svg. */
  function histogram(L, shares, lines) {
    var uid = "etika-hist-js-" + (++histCount), n = shares.female.length;
    var width = 320, left = 42, right = 10, top = 24, plotH = 110, height = top + plotH + 50;
    var plotW = width - left - right, bottom = top + plotH, peak = 0.05, bw = plotW / n;
    ["female", "male"].forEach(function (g) {
      shares[g].forEach(function (v) { if (v !== null && v > peak) peak = v; });
    });
    var ymax = Math.ceil(peak * 20 - 1e-9) / 20;
    function sy(v) { return bottom - v / ymax * plotH; }
    var alt = L["threshold.hist.alt"], fills = { female: COL.female, male: "url(#" + uid + "-hatch)" };
    var s = '<svg class="etika-chart etika-hist" viewBox="0 0 ' + width + " " + height + '" width="100%" role="img" aria-label="' +
      esc(alt) + '" ' + SVGNS + "><title>" + esc(alt) + "</title>" +
      '<defs><pattern id="' + uid + '-hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">' +
      '<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="' + COL.male +
      '" stroke-width="2.5"/></pattern></defs>';
    ["female", "male"].forEach(function (g, j) {
      shares[g].forEach(function (v, i) {
        if (!v) return;
        s += '<rect x="' + (left + i * bw + j * bw / 2).toFixed(1) + '" y="' + sy(v).toFixed(1) + '" width="' +
          (bw / 2).toFixed(1) + '" height="' + (bottom - sy(v)).toFixed(1) + '" fill="' + fills[g] +
          '" stroke="' + COL[g] + '" stroke-width="0.5"/>';
      });
    });
    s += '<line x1="' + left + '" y1="' + bottom + '" x2="' + (width - right) + '" y2="' + bottom + '" stroke="#333"/>' +
      '<line x1="' + left + '" y1="' + top + '" x2="' + left + '" y2="' + bottom + '" stroke="#333"/>';
    [0, ymax / 2, ymax].forEach(function (v) {
      s += '<text x="' + (left - 4) + '" y="' + (sy(v) + 3).toFixed(1) + '" font-size="9" text-anchor="end">' + pct(v) + "</text>";
    });
    [0, 0.25, 0.5, 0.75, 1].forEach(function (x) {
      s += '<text x="' + (left + x * plotW).toFixed(1) + '" y="' + (bottom + 12) + '" font-size="9" text-anchor="middle">' + fmtThr(x) + "</text>";
    });
    s += '<text x="' + (left + width - right) / 2 + '" y="' + (bottom + 26) + '" font-size="10" text-anchor="middle">' +
      esc(L["threshold.hist.x"]) + '</text><text x="2" y="' + (top - 5) + '" font-size="10">' + esc(L["threshold.hist.y"]) + "</text>";
    var styles = { shared: ["#333333", "5,3"], female: [COL.female, "7,3"], male: [COL.male, "2,2"] };
    Object.keys(lines).forEach(function (key, k) {
      var v = lines[key], x = left + v * plotW, end = v > 0.8, tx = end ? x - 3 : x + 3;
      s += '<line class="etika-threshold-line" data-threshold-line="' + key + '" data-value="' + v + '" x1="' + x.toFixed(1) +
        '" y1="' + (top - 2) + '" x2="' + x.toFixed(1) + '" y2="' + bottom + '" stroke="' + styles[key][0] +
        '" stroke-width="2" stroke-dasharray="' + styles[key][1] + '"/><text x="' + tx.toFixed(1) + '" y="' + (top + 8 + 10 * k) +
        '" font-size="9" text-anchor="' + (end ? "end" : "start") + '">' + fmtThr(v) + "</text>";
    });
    var ly = height - 6;
    ["female", "male"].forEach(function (g, j) {
      var x = left + j * 80;
      s += '<rect x="' + x + '" y="' + (ly - 9) + '" width="10" height="10" fill="' + fills[g] + '" stroke="' + COL[g] +
        '"/><text x="' + (x + 14) + '" y="' + ly + '" font-size="10">' + esc(L[g]) + "</text>";
    });
    var lx = left + 150;
    s += '<line x1="' + lx + '" y1="' + (ly - 4) + '" x2="' + (lx + 14) + '" y2="' + (ly - 4) +
      '" stroke="#333333" stroke-width="2" stroke-dasharray="5,3"/><text x="' + (lx + 18) + '" y="' + ly +
      '" font-size="10">' + esc(L["threshold.hist.line"]) + "</text>";
    return s + "</svg>";
  }

  var RENDER = {
    threshold: function (root, d, rows) {
      var L = d.labels, metrics = ["selection_rate", "tpr", "fpr", "precision"];
      var per = ctl(root, "per_group").checked, label = ctl(root, "label").value;
      var shared = ctl(root, "shared"), fe = ctl(root, "female"), ma = ctl(root, "male");
      fe.disabled = ma.disabled = !per; shared.disabled = per;
      ["shared", "female", "male"].forEach(function (k) { setOutput(root, k, fmtThr(rangeValue(ctl(root, k)))); });
      var tf = per ? rangeValue(fe) : rangeValue(shared), tm = per ? rangeValue(ma) : rangeValue(shared);
      var r = { female: find(rows, { label: label, threshold: tf, group: "female" }),
                male: find(rows, { label: label, threshold: tm, group: "male" }) };
      var gap = {};
      metrics.forEach(function (m) { var g = diff(r.female[m], r.male[m]); gap[m] = g === null ? null : Math.abs(g); });
      var blocks = metrics.map(function (m) { return { label: L["metric." + m], values: { female: r.female[m], male: r.male[m] } }; });
      var lines = per ? { female: tf, male: tm } : { shared: tf };
      return (d.hist ? histogram(L, d.hist.shares[label], lines) : "") +
        metricsTable(L, metrics, { female: r.female, male: r.male, gap: gap }) +
        "<div class='etika-cms'>" + confusion(L, "female", r.female) + confusion(L, "male", r.male) + "</div>" +
        bars(L, blocks, ["female", "male"], L.alt);
    },
    proxy: function (root, d, rows) {
      var L = d.labels, thr = rangeValue(ctl(root, "threshold"));
      setOutput(root, "threshold", fmtThr(thr));
      var models = ctl(root, "show_with").checked ? ["with_gender", "without_gender"] : ["without_gender"];
      var html = "", blocks = [];
      models.forEach(function (m) {
        var f = find(rows, { model: m, threshold: thr, group: "female" }).selection_rate;
        var male = find(rows, { model: m, threshold: thr, group: "male" }).selection_rate;
        html += "<h4>" + esc(L["proxy." + m]) + "</h4>" + metricsTable(L, ["selection_rate"],
          { female: { selection_rate: f }, male: { selection_rate: male }, gap: { selection_rate: diff(male, f) } },
          ' data-model="' + m + '"');
        blocks.push({ label: L["proxy." + m], values: { female: f, male: male } });
      });
      return html + bars(L, blocks, ["female", "male"], L.alt);
    },
    representation: function (root, d, rows) {
      var L = d.labels, share = rangeValue(ctl(root, "share")), metric = ctl(root, "metric").value;
      setOutput(root, "share", Math.round(100 * share) + "%");
      var shares = JSON.parse(ctl(root, "share").getAttribute("data-values"));
      var cur = { urban: find(rows, { rural_share: share, group: "urban" }), rural: find(rows, { rural_share: share, group: "rural" }) };
      var series = {};
      ["urban", "rural"].forEach(function (g) {
        series[g] = shares.map(function (s) { return find(rows, { rural_share: s, group: g })[metric]; });
      });
      return metricsTable(L, ["error_rate", "fpr", "fnr", "accuracy"], cur) +
        line(L, shares, series, share, L.alt, L["metric." + metric], L["representation.share"]);
    }
  };

  function init(root) {
    if (root.getAttribute("data-etika-ready")) return;
    var script = root.querySelector("script.etika-demo-data"), body = root.querySelector(".etika-demo-body");
    var render = RENDER[root.getAttribute("data-demo")];
    if (!script || !body || !render) return;
    var d = JSON.parse(script.textContent), rows = records(d);
    function update() {
      LANG = d.lang; PP = d.labels["unit.pp"] || "pp";
      try { body.innerHTML = render(root, d, rows); } catch (e) { body.setAttribute("data-error", String(e)); }
    }
    root.addEventListener("input", update);
    root.addEventListener("change", update);
    root.setAttribute("data-etika-ready", "1");
    update();
  }

  function initAll() {
    var roots = document.querySelectorAll(".etika-demo[data-demo]");
    for (var i = 0; i < roots.length; i++) init(roots[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
  window.etikaDemos = { init: initAll };
})();
