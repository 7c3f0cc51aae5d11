/* Etika AI static demos: no dependencies, no network requests.
 * Finds <div class="etika-demo" data-demo="..."> elements, reads the table embedded in their
 * <script type="application/json" class="etika-demo-data">, and redraws numbers, confusion
 * matrices and an SVG chart whenever a control changes. Same markup as etika/demos/render.py.
 */
(function () {
  "use strict";
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

  /* Charts: the same layout as etika/demos/charts.py, in real CSS pixels for width W (never
   * scaled by a viewBox, so text stays FONT px), text measured in the page's own font. */
  var FONT = 13, LINE = 17, ASCENT = 12, PAD = 2;
  var LIGHT = { female: "#C27400", male: "#0072B2", rural: "#D55E00", urban: "#009E73", gap: "#555555",
    axis: "#333333", threshold: "#333333", marker: "#595959", bg: "#ffffff" };
  var DASHES = { rural: "7,4", female: "7,3", male: "2,2", shared: "5,3" };
  var RATE_STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1], SHARE_STEPS = [0.05, 0.1, 0.25, 0.5];
  var SCORE_STEPS = [0.1, 0.2, 0.25, 0.5, 1];
  function colour(name) { return "var(--etika-" + name + "," + (LIGHT[name] || "#777777") + ")"; }
  function fill(name) { return ' style="fill:' + colour(name) + '"'; }
  var measureCtx = null, FAMILY = "sans-serif";
  function measure(text) {
    if (!measureCtx) measureCtx = document.createElement("canvas").getContext("2d");
    if (!measureCtx) return String(text).length * 0.7 * FONT;
    measureCtx.font = FONT + "px " + FAMILY;
    return measureCtx.measureText(String(text)).width + 1;
  }
  function wrapText(text, width) {
    var lines = [];
    String(text).split(/\s+/).forEach(function (word) {
      if (!word) return;
      if (lines.length && measure(lines[lines.length - 1] + " " + word) <= width) lines[lines.length - 1] += " " + word;
      else lines.push(word);
    });
    return lines.length ? lines : [""];
  }
  function r6(v) { return Math.round(v * 1e6) / 1e6; }
  function niceTop(peak, maxTicks, steps) {
    peak = Math.max(peak, 1e-9);
    for (var i = 0; i < steps.length; i++) {
      var n = Math.max(1, Math.ceil(peak / steps[i] - 1e-9));
      if (n + 1 <= maxTicks || i === steps.length - 1) {
        var ticks = [];
        for (var k = 0; k <= n; k++) ticks.push(r6(k * steps[i]));
        return { top: n * steps[i], ticks: ticks };
      }
    }
  }
  function fitTicks(top, steps, label, room) {
    for (var i = 0; i < steps.length; i++) {
      var n = Math.round(top / steps[i]), ticks = [], widest = 0;
      for (var k = 0; k <= n; k++) { ticks.push(r6(k * steps[i])); widest = Math.max(widest, measure(label(ticks[k]))); }
      if (room / n >= widest + 10) return ticks;
    }
    return [0, top];
  }
  function Svg(width, label, cls) { this.width = width; this.label = label; this.cls = cls || "etika-chart"; this.right = 0; this.parts = []; }
  Svg.prototype.text = function (x, baseline, text, anchor) {
    this.parts.push('<text x="' + x.toFixed(1) + '" y="' + baseline.toFixed(1) + '" font-size="' + FONT + '"' +
      (anchor && anchor !== "start" ? ' text-anchor="' + anchor + '"' : "") + ">" + esc(text) + "</text>");
  };
  Svg.prototype.lines = function (y, lines) {
    for (var i = 0; i < lines.length; i++) { this.text(PAD, y + ASCENT, lines[i]); y += LINE; }
    return y;
  };
  Svg.prototype.legend = function (y, items) {
    var x = PAD, self = this;
    items.forEach(function (it) {
      var w = 18 + measure(it[1]);
      if (x > PAD && x + w > self.width - PAD) { x = PAD; y += LINE; }
      self.parts.push('<g transform="translate(' + x.toFixed(1) + "," + (y + 2).toFixed(1) + ')">' + it[0] + "</g>");
      self.text(x + 18, y + ASCENT, it[1]);
      x += w + 14;
    });
    return y + LINE;
  };
  Svg.prototype.render = function (height, defs) {
    var w = Math.round(this.width), h = Math.ceil(height);
    return '<svg class="' + this.cls + '" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + " " + h +
      '" role="img" aria-label="' + esc(this.label) + '" ' + SVGNS + "><title>" + esc(this.label) + "</title>" +
      (defs || "") + this.parts.join("") + "</svg>";
  };
  Svg.prototype.yAxis = function (ticks, top, sy, left, bottom) {
    var self = this;
    ticks.forEach(function (v) { self.text(left - 6, sy(v) + 4.5, pct(v, 0), "end"); });
    this.parts.push('<path d="M' + left.toFixed(1) + "," + sy(top).toFixed(1) + "V" + bottom.toFixed(1) + "H" +
      (this.width - this.right).toFixed(1) + '" fill="none" style="stroke:' + colour("axis") + '"/>');
  };
  function widest(ticks, f) { return Math.max.apply(null, ticks.map(function (v) { return measure(f(v)); })); }
  function pct0(v) { return pct(v, 0); }

  /* blocks: [{label: text, values: {series: value}}]; series: [names]; labels of series in L.
   * Same figure as charts.bar_blocks_svg: block label lines, one bar row per series, legend. */
  function bars(L, blocks, series, alt, W) {
    var svg = new Svg(W, alt), plotW = Math.max(40, W - (measure(pct(1)) + 4 + PAD)), y = 0;
    blocks.forEach(function (b) {
      y = svg.lines(y, wrapText(b.label, W - 2 * PAD));
      series.forEach(function (name) {
        var v = b.values[name], ok = !missing(v), w = ok ? Math.max(0, Math.min(1, v)) * plotW : 0;
        svg.parts.push('<rect x="0" y="' + (y + 2).toFixed(1) + '" width="' + w.toFixed(1) + '" height="13"' + fill(name) + "/>");
        svg.text(w + 4, y + ASCENT, pct(ok ? v : null));
        y += LINE;
      });
      y += 6;
    });
    y = svg.legend(y, series.map(function (n) { return ['<rect width="12" height="12"' + fill(n) + "/>", L[n] || n]; }));
    return svg.render(y + 2);
  }

  function dash(name) { return DASHES[name] ? ' stroke-dasharray="' + DASHES[name] + '"' : ""; }

  /* Same figure as charts.line_chart_svg: y title, plot, x ticks, x title, legend. */
  function line(L, xs, series, markerX, alt, yLabel, xLabel, W) {
    var svg = new Svg(W, alt), y = svg.lines(0, wrapText(yLabel, W - 2 * PAD));
    var plotTop = y + 10, plotH = 150, bottom = plotTop + plotH, peak = 0.01;
    Object.keys(series).forEach(function (k) { series[k].forEach(function (v) { if (!missing(v) && v > peak) peak = v; }); });
    var yt = niceTop(peak, 6, RATE_STEPS), left = widest(yt.ticks, pct0) + 10;
    var x1 = Math.max.apply(null, xs), right = measure(pct0(x1)) / 2 + PAD, plotW = W - left - right;
    svg.right = right;
    function sx(x) { return left + x / x1 * plotW; }
    function sy(v) { return bottom - v / yt.top * plotH; }
    yt.ticks.slice(1).forEach(function (v) {
      svg.parts.push('<line x1="' + left.toFixed(1) + '" y1="' + sy(v).toFixed(1) + '" x2="' + (W - right).toFixed(1) +
        '" y2="' + sy(v).toFixed(1) + '" class="etika-grid"/>');
    });
    svg.yAxis(yt.ticks, yt.top, sy, left, bottom);
    fitTicks(x1, SHARE_STEPS, pct0, plotW).forEach(function (v) { svg.text(sx(v), bottom + 22, pct0(v), "middle"); });
    var mx = sx(markerX).toFixed(1), dots = "";
    svg.parts.push('<line x1="' + mx + '" y1="' + plotTop.toFixed(1) + '" x2="' + mx + '" y2="' + bottom.toFixed(1) +
      '" stroke-width="1.5" stroke-dasharray="3,3" style="stroke:' + colour("marker") + '"/>');
    Object.keys(series).forEach(function (name) {
      var vals = series[name], pts = [];
      xs.forEach(function (x, i) { if (!missing(vals[i])) pts.push(sx(x).toFixed(1) + "," + sy(vals[i]).toFixed(1)); });
      svg.parts.push('<polyline fill="none" stroke-width="2.5"' + dash(name) + ' style="stroke:' + colour(name) +
        '" points="' + pts.join(" ") + '"/>');
      var v = vals[xs.indexOf(markerX)];
      if (!missing(v)) {
        dots += '<circle cx="' + mx + '" cy="' + sy(v).toFixed(1) + '" r="4.5" stroke-width="1.5" style="fill:' +
          colour(name) + ";stroke:" + colour("bg") + '"/>';
      }
    });
    svg.parts.push(dots);
    y = svg.lines(bottom + 30, wrapText(xLabel, W - 2 * PAD));
    y = svg.legend(y + 4, Object.keys(series).map(function (name) {
      return ['<line x1="0" y1="6" x2="14" y2="6" stroke-width="2.5"' + dash(name) + ' style="stroke:' + colour(name) + '"/>', L[name]];
    }));
    return svg.render(y + 2);
  }

  var histCount = 0;
  /* Score distributions: women solid, men hatched, a dashed line per threshold
   * (lines: {shared: t} or {female: tf, male: tm}); same drawing as charts.histogram_svg. */
  function histogram(L, shares, lines, W) {
    var uid = "etika-hist-js-" + (++histCount), n = shares.female.length, keys = Object.keys(lines);
    var svg = new Svg(W, L["threshold.hist.alt"], "etika-chart etika-hist");
    var y = svg.lines(0, wrapText(L["threshold.hist.y"], W - 2 * PAD)), labelTop = y + 4;
    var plotTop = labelTop + keys.length * LINE + 6, plotH = 120, bottom = plotTop + plotH, peak = 0.01;
    ["female", "male"].forEach(function (g) { shares[g].forEach(function (v) { if (!missing(v) && v > peak) peak = v; }); });
    var yt = niceTop(peak, 5, RATE_STEPS), left = widest(yt.ticks, pct0) + 10;
    var right = measure(fmtThr(1)) / 2 + PAD, plotW = W - left - right, bw = plotW / n;
    svg.right = right;
    function sy(v) { return bottom - v / yt.top * plotH; }
    var defs = '<defs><pattern id="' + uid + '-hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">' +
      '<rect width="4" height="4" style="fill:' + colour("bg") + '"/><line x1="0" y1="0" x2="0" y2="4" stroke-width="2.5" style="stroke:' +
      colour("male") + '"/></pattern></defs>';
    var fills = { female: colour("female"), male: "url(#" + uid + "-hatch)" };
    ["female", "male"].forEach(function (g, j) {
      shares[g].forEach(function (v, i) {
        if (!v) return;
        svg.parts.push('<rect x="' + (left + i * bw + j * bw / 2).toFixed(1) + '" y="' + sy(v).toFixed(1) + '" width="' +
          (bw / 2).toFixed(1) + '" height="' + (bottom - sy(v)).toFixed(1) + '" stroke-width="0.75" style="fill:' + fills[g] +
          ";stroke:" + colour(g) + '"/>');
      });
    });
    svg.yAxis(yt.ticks, yt.top, sy, left, bottom);
    fitTicks(1, SCORE_STEPS, fmtThr, plotW).forEach(function (v) { svg.text(left + v * plotW, bottom + 22, fmtThr(v), "middle"); });
    keys.forEach(function (key, k) {
      var v = lines[key], x = left + v * plotW, text = fmtThr(v);
      if (key !== "shared") text = L[key] + " " + text;
      var tx = Math.max(PAD, Math.min(x + 4, W - measure(text) - PAD));
      svg.parts.push('<line class="etika-threshold-line" data-threshold-line="' + key + '" data-value="' + v + '" x1="' + x.toFixed(1) +
        '" y1="' + (plotTop - 4).toFixed(1) + '" x2="' + x.toFixed(1) + '" y2="' + bottom.toFixed(1) + '" stroke-width="2.5" stroke-dasharray="' +
        DASHES[key] + '" style="stroke:' + colour(key === "shared" ? "threshold" : key) + '"/>');
      svg.text(tx, labelTop + k * LINE + ASCENT, text);
    });
    y = svg.lines(bottom + 30, wrapText(L["threshold.hist.x"], W - 2 * PAD));
    var items = ["female", "male"].map(function (g) {
      return ['<rect x="0.5" y="0.5" width="12" height="12" stroke-width="1" style="fill:' + fills[g] + ";stroke:" + colour(g) + '"/>', L[g]];
    });
    items.push(['<line x1="0" y1="6" x2="14" y2="6" stroke-width="2.5" stroke-dasharray="5,3" style="stroke:' + colour("threshold") + '"/>',
      L["threshold.hist.line"]]);
    y = svg.legend(y + 4, items);
    return svg.render(y + 2, defs);
  }

  function fill1(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function lowerFirst(s) { return /^.[a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s; }
  /* Each demo: the body's HTML for width W and the status sentence (the widgets.*View.status). */
  var RENDER = {
    threshold: function (root, d, rows, W) {
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
      var v = { t: fmtThr(tf), tf: fmtThr(tf), tm: fmtThr(tm), f: pct(r.female.selection_rate),
                m: pct(r.male.selection_rate), gap: pp(gap.selection_rate) };
      return {
        html: (d.hist ? histogram(L, d.hist.shares[label], lines, W) : "") +
          metricsTable(L, metrics, { female: r.female, male: r.male, gap: gap }) +
          "<div class='etika-cms'>" + confusion(L, "female", r.female) + confusion(L, "male", r.male) + "</div>" +
          bars(L, blocks, ["female", "male"], L.alt, W),
        status: fill1(L[per ? "status.threshold.per_group" : "status.threshold.shared"], v)
      };
    },
    proxy: function (root, d, rows, W) {
      var L = d.labels, thr = rangeValue(ctl(root, "threshold"));
      setOutput(root, "threshold", fmtThr(thr));
      var both = ctl(root, "show_with").checked, models = both ? ["with_gender", "without_gender"] : ["without_gender"];
      var html = "", blocks = [], v = { t: fmtThr(thr) };
      ["with_gender", "without_gender"].forEach(function (m) {
        v[m] = pp(diff(find(rows, { model: m, threshold: thr, group: "male" }).selection_rate,
          find(rows, { model: m, threshold: thr, group: "female" }).selection_rate));
      });
      models.forEach(function (m) {
        var f = find(rows, { model: m, threshold: thr, group: "female" }).selection_rate;
        var male = find(rows, { model: m, threshold: thr, group: "male" }).selection_rate;
        html += "<h4>" + esc(L["proxy." + m]) + "</h4>" + metricsTable(L, ["selection_rate"],
          { female: { selection_rate: f }, male: { selection_rate: male }, gap: { selection_rate: diff(male, f) } },
          ' data-model="' + m + '"');
        blocks.push({ label: L["proxy." + m], values: { female: f, male: male } });
      });
      return { html: html + bars(L, blocks, ["female", "male"], L.alt, W),
               status: fill1(L[both ? "status.proxy.both" : "status.proxy.without"], v) };
    },
    representation: function (root, d, rows, W) {
      var L = d.labels, share = rangeValue(ctl(root, "share")), metric = ctl(root, "metric").value;
      setOutput(root, "share", shareText(share));
      var shares = JSON.parse(ctl(root, "share").getAttribute("data-values"));
      var cur = { urban: find(rows, { rural_share: share, group: "urban" }), rural: find(rows, { rural_share: share, group: "rural" }) };
      var series = {};
      ["urban", "rural"].forEach(function (g) {
        series[g] = shares.map(function (s) { return find(rows, { rural_share: s, group: g })[metric]; });
      });
      return {
        html: metricsTable(L, ["error_rate", "fpr", "fnr", "accuracy"], cur) +
          line(L, shares, series, share, L.alt, L["metric." + metric], L["representation.share"], W),
        status: fill1(L["status.representation"], { share: shareText(share), metric: lowerFirst(L["metric." + metric]),
          rural: pct(cur.rural[metric]), urban: pct(cur.urban[metric]) })
      };
    }
  };
  function shareText(v) { return Math.round(100 * v) + "%"; }
  /* What a slider's value is called (the <output> beside it, and its aria-valuetext). */
  var SLIDER_TEXT = {};  // control key -> function (value, root): its spoken text
  function sliderText(root, el) {
    var v = rangeValue(el), own = SLIDER_TEXT[el.getAttribute("data-control")];
    if (own) return own(v, root);
    return el.getAttribute("data-control") === "share" ? shareText(v) : fmtThr(v);
  }

  function init(root) {
    if (root.getAttribute("data-etika-ready")) return;
    var script = root.querySelector("script.etika-demo-data"), body = root.querySelector(".etika-demo-body");
    var status = root.querySelector("[data-status]"), render = RENDER[root.getAttribute("data-demo")];
    if (!script || !body || !render) return;
    var d = JSON.parse(script.textContent), rows = records(d), drawnWidth = 0;
    function width() {
      // Charts are laid out for the body's own width (CSS px), at most 560 px.
      var w = body.clientWidth || (root.parentNode && root.parentNode.clientWidth) || 320;
      return Math.max(200, Math.min(560, Math.floor(w)));
    }
    function draw(announce) {
      LANG = d.lang; PP = d.labels["unit.pp"] || "pp";
      FAMILY = getComputedStyle(body).fontFamily || "sans-serif";
      var sliders = root.querySelectorAll('input[type="range"]');
      for (var i = 0; i < sliders.length; i++) sliders[i].setAttribute("aria-valuetext", sliderText(root, sliders[i]));
      try {
        drawnWidth = width();
        var out = render(root, d, rows, drawnWidth);
        body.innerHTML = out.html;
        body.removeAttribute("data-error");
        if (announce && status) status.textContent = out.status;
      } catch (e) { body.setAttribute("data-error", String(e)); }
    }
    function update() { draw(true); }
    root.addEventListener("input", update);
    root.addEventListener("change", update);
    function resized() { if (width() !== drawnWidth) draw(false); }
    if (window.ResizeObserver) new ResizeObserver(resized).observe(body);
    else window.addEventListener("resize", resized);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { draw(false); });
    root.setAttribute("data-etika-ready", "1");
    draw(false);
  }

  function initAll() {
    var roots = document.querySelectorAll(".etika-demo[data-demo]");
    for (var i = 0; i < roots.length; i++) init(roots[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
  /* Registration hook: another chapter's script adds its demos' renderers (and the spoken
   * text of its sliders) without editing this file; it may use the helpers in lib. */
  function register(name, render, sliderTexts) {
    RENDER[name] = render;
    for (var k in sliderTexts || {}) SLIDER_TEXT[k] = sliderTexts[k];
    initAll();
  }
  window.etikaDemos = { init: initAll, register: register, lib: {
    esc: esc, fixed: fixed, pct: pct, fmtThr: fmtThr, records: records, find: find, ctl: ctl,
    rangeValue: rangeValue, setOutput: setOutput, measure: measure, wrapText: wrapText, Svg: Svg,
    colour: colour, fill1: fill1, lowerFirst: lowerFirst, LINE: LINE, PAD: PAD, ASCENT: ASCENT,
    setLang: function (lang) { LANG = lang; } } };
  var queued = window.etikaDemosQueue || [];
  for (var q = 0; q < queued.length; q++) register.apply(null, queued[q]);
})();
