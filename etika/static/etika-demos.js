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
  function pct(v) {
    return v === null || v === undefined || isNaN(v) ? "\u2014" : (100 * v).toFixed(1) + "%";
  }
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
    var h = "<table class='etika-metrics'><thead><tr><th scope='col'>" + esc(L["common.group"]) + "</th>";
    Object.keys(cols).forEach(function (g) { h += "<th scope='col'>" + esc(L[g] || g) + "</th>"; });
    h += "</tr></thead><tbody>";
    metrics.forEach(function (m) {
      h += "<tr><th scope='row'>" + esc(L["metric." + m]) + "</th>";
      Object.keys(cols).forEach(function (g) {
        h += '<td data-metric="' + m + '" data-group="' + g + '"' + (extra || "") + ">" + pct(cols[g][m]) + "</td>";
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
  function bars(L, blocks, series, alt, labelW) {
    var width = 320, barH = 12, gap = 10, block = series.length * barH + gap;
    var height = blocks.length * block + 24, plotW = width - labelW - 40;
    var s = '<svg class="etika-chart" viewBox="0 0 ' + width + " " + height + '" width="100%" role="img" aria-label="' +
      esc(alt) + '" ' + SVGNS + "><title>" + esc(alt) + "</title>";
    blocks.forEach(function (b, i) {
      var y0 = i * block;
      s += '<text x="0" y="' + (y0 + barH) + '" font-size="10">' + esc(b.label) + "</text>";
      series.forEach(function (name, j) {
        var v = b.values[name], ok = v !== null && v !== undefined && !isNaN(v);
        var w = ok ? Math.max(0, Math.min(1, v)) * plotW : 0, y = y0 + j * barH;
        s += '<rect x="' + labelW + '" y="' + y + '" width="' + w.toFixed(1) + '" height="' + (barH - 2) +
          '" fill="' + (COL[name] || "#777777") + '"/><text x="' + (labelW + w + 3).toFixed(1) + '" y="' +
          (y + barH - 3) + '" font-size="9">' + pct(ok ? v : null) + "</text>";
      });
    });
    var ly = height - 8;
    series.forEach(function (name, j) {
      var x = labelW + j * 90;
      s += '<rect x="' + x + '" y="' + (ly - 8) + '" width="10" height="10" fill="' + (COL[name] || "#777") +
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

  var RENDER = {
    threshold: function (root, d, rows) {
      var L = d.labels, metrics = ["selection_rate", "tpr", "fpr", "precision"];
      var per = ctl(root, "per_group").checked, label = ctl(root, "label").value;
      var shared = ctl(root, "shared"), fe = ctl(root, "female"), ma = ctl(root, "male");
      fe.disabled = ma.disabled = !per; shared.disabled = per;
      ["shared", "female", "male"].forEach(function (k) { setOutput(root, k, rangeValue(ctl(root, k)).toFixed(2)); });
      var tf = per ? rangeValue(fe) : rangeValue(shared), tm = per ? rangeValue(ma) : rangeValue(shared);
      var r = { female: find(rows, { label: label, threshold: tf, group: "female" }),
                male: find(rows, { label: label, threshold: tm, group: "male" }) };
      var gap = {};
      metrics.forEach(function (m) { gap[m] = Math.abs(r.female[m] - r.male[m]); });
      var blocks = metrics.map(function (m) { return { label: L["metric." + m], values: { female: r.female[m], male: r.male[m] } }; });
      return metricsTable(L, metrics, { female: r.female, male: r.male, gap: gap }) +
        "<div class='etika-cms'>" + confusion(L, "female", r.female) + confusion(L, "male", r.male) + "</div>" +
        bars(L, blocks, ["female", "male"], L.alt, 110);
    },
    proxy: function (root, d, rows) {
      var L = d.labels, thr = rangeValue(ctl(root, "threshold"));
      setOutput(root, "threshold", thr.toFixed(2));
      var models = ctl(root, "show_with").checked ? ["with_gender", "without_gender"] : ["without_gender"];
      var html = "", blocks = [];
      models.forEach(function (m) {
        var f = find(rows, { model: m, threshold: thr, group: "female" }).selection_rate;
        var male = find(rows, { model: m, threshold: thr, group: "male" }).selection_rate;
        html += "<h5>" + esc(L["proxy." + m]) + "</h5>" + metricsTable(L, ["selection_rate"],
          { female: { selection_rate: f }, male: { selection_rate: male }, gap: { selection_rate: male - f } },
          ' data-model="' + m + '"');
        blocks.push({ label: L["proxy." + m], values: { female: f, male: male } });
      });
      return html + bars(L, blocks, ["female", "male"], L.alt, 130);
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
