/* Etika AI, transparency chapter: the static views of its three demos (no network, no kernel).
 * Registers with etika-demos.js (window.etikaDemos.register) and draws from the rows embedded
 * in each demo, with the same markup and layout as etika/transparency/views.py. */
(function () {
  "use strict";
  function start(E) {
    var lib = E.lib, esc = lib.esc, fixed = lib.fixed, pct = lib.pct, fmtThr = lib.fmtThr,
      ctl = lib.ctl, rangeValue = lib.rangeValue, setOutput = lib.setOutput, find = lib.find,
      measure = lib.measure, wrapText = lib.wrapText, Svg = lib.Svg, colour = lib.colour,
      fill1 = lib.fill1, lowerFirst = lib.lowerFirst, LINE = lib.LINE, PAD = lib.PAD;

    function signed(v, digits) {
      var s = fixed(v, digits === undefined ? 2 : digits, 1);
      return s.charAt(0) === "\u2212" ? s : "+" + s;
    }
    function pdValue(feature, v) {
      return feature === "log_revenue" ? rupiah(Math.round(Math.exp(v) / 10000) * 10000) : fixed(v, 1, 1);
    }
    function rupiah(v) { return "Rp" + String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

    /* Same layout as views.signed_bars_svg. items: [[label, value, text]] */
    function signedBars(items, alt, W, title) {
      var svg = new Svg(W, alt), y = title ? svg.lines(0, wrapText(title, W - 2 * PAD)) : 0;
      var peak = 1e-9, valueW = 0;
      items.forEach(function (it) { peak = Math.max(peak, Math.abs(it[1])); valueW = Math.max(valueW, measure(it[2])); });
      valueW += 6;
      var half = Math.max(30, (W - 2 * valueW - 2 * PAD) / 2), mid = W / 2;
      items.forEach(function (it) {
        y = svg.lines(y, wrapText(it[0], W - 2 * PAD));
        var v = it[1], w = Math.abs(v) / peak * half, x = v >= 0 ? mid : mid - w;
        svg.parts.push('<rect x="' + x.toFixed(1) + '" y="' + (y + 2).toFixed(1) + '" width="' + w.toFixed(1) +
          '" height="13" style="fill:' + colour(v >= 0 ? "urban" : "rural") + '"/>');
        if (v >= 0) svg.text(mid + w + 4, y + 12, it[2]);
        else svg.text(mid - w - 4, y + 12, it[2], "end");
        // The zero line, beside the bar only: it never crosses a label.
        svg.parts.push('<line x1="' + mid.toFixed(1) + '" y1="' + y.toFixed(1) + '" x2="' + mid.toFixed(1) + '" y2="' +
          (y + LINE).toFixed(1) + '" style="stroke:' + colour("axis") + '"/>');
        y += LINE + 6;
      });
      return svg.render(y + 2);
    }

    function local(root, d, rows, W) {
      var L = d.labels, key = ctl(root, "applicant").value;
      var step = rangeValue(ctl(root, "revenue_step")), wait = rangeValue(ctl(root, "wait_years"));
      var mk = ctl(root, "marketplace").checked, urban = ctl(root, "urban").checked;
      setOutput(root, "revenue_step", d.step_text[step]);
      setOutput(root, "wait_years", String(wait));
      var r = find(rows, { applicant: key, revenue_step: step, marketplace: mk, wait_years: wait, urban: urban });
      var p = d.people[key], decision = L[r.approved ? "explain_local.approved" : "explain_local.refused"];
      var items = d.inputs.map(function (c) {
        var label = L["feature." + c] + (d.immutable.indexOf(c) >= 0 ? " (" + L["explain_local.cannot"] + ")" : "");
        return [label, r["c_" + c], signed(r["c_" + c])];
      });
      var html = "<p class='etika-story'>" + esc(p.story) + "</p>" +
        "<p><strong>" + esc(L["explain_local.score"]) + ": <span data-field='score'>" + fmtThr(r.score) +
        "</span></strong>. " + esc(L["explain_local.decision"]) + ": <strong data-field='decision'>" + esc(decision) +
        "</strong>. " + esc(L.threshold_note) + " " + esc(L["explain_local.revenue"]) + ": " + rupiah(r.revenue_idr) + ".</p>" +
        "<p data-field='verdict'>" + esc(p.verdict) + "</p>" +
        signedBars(items, L["explain_local.alt"], W, L["explain_local.contrib_title"]);
      return { html: html, status: fill1(L.status, { name: p.name, score: fmtThr(r.score), decision: decision.toLowerCase() }) };
    }

    function global(root, d, rows, W) {
      var L = d.labels, family = ctl(root, "family").value, seed = rangeValue(ctl(root, "seed"));
      setOutput(root, "seed", String(seed));
      var mine = rows.filter(function (r) { return r.family === family && r.seed === seed; });
      mine.sort(function (a, b) { return a.rank - b.rank; });
      var acc = fill1(L.accuracy, { accuracy: pct(mine[0].accuracy), auc: fmtThr(mine[0].auc) });
      var head = ["col.rank", "col.feature", "col.importance", "col.gender_auc"].map(function (k) {
        return "<th scope='col'>" + esc(L[k]) + "</th>"; }).join("");
      var body = mine.map(function (r) {
        return "<tr data-feature='" + r.feature + "'><td>" + r.rank + "</td><th scope='row'>" + esc(L["feature." + r.feature]) +
          "</th><td>" + fixed(r.importance, 3, 1) + "</td><td>" + fixed(r.gender_auc, 2, 1) + "</td></tr>";
      }).join("");
      var items = mine.map(function (r) { return [L["feature." + r.feature], r.importance, fixed(r.importance, 3, 1)]; });
      var top = mine[0].feature, pdRows = "";
      d.pd.forEach(function (p) {
        if (p[0] === family && p[1] === seed && p[2] === top) pdRows += "<tr><td>" + pdValue(top, p[3]) + "</td><td>" + fmtThr(p[4]) + "</td></tr>";
      });
      var html = "<p data-field='accuracy'>" + esc(acc) + "</p><table class='etika-metrics'><thead><tr>" + head +
        "</tr></thead><tbody>" + body + "</tbody></table>" + signedBars(items, L.alt, W, L.chart_title) +
        "<table class='etika-metrics'><caption>" + esc(fill1(L.pd_title, { feature: L["feature." + top].toLowerCase() })) +
        "</caption><thead><tr><th scope='col'>" + esc(L["pd.value"]) + "</th><th scope='col'>" + esc(L["pd.score"]) +
        "</th></tr></thead><tbody>" + pdRows + "</tbody></table>";
      var names = mine.slice(0, 3).map(function (r) { return lowerFirst(L["feature." + r.feature]); });
      return { html: html, status: fill1(L.status, { family: L["family." + family], seed: seed, auc: fmtThr(mine[0].auc),
        first: names[0], second: names[1], third: names[2] }) };
    }

    function card(root, d, rows) {
      var L = d.labels, audience = ctl(root, "audience").value;
      var mine = rows.filter(function (r) { return r.audience === audience && r.shown; });
      mine.sort(function (a, b) { return a.order - b.order; });
      var parts = mine.map(function (r) {
        return "<section data-section='" + r.section + "'><h4>" + esc(L["section." + r.section]) + "</h4><p>" +
          esc(d.texts[r.section]) + "</p>" + (r.section === "groups" ? d.groups : "") + "</section>";
      }).join("");
      return { html: "<article class='etika-card'><h4>" + esc(L.heading) + "</h4>" + parts + "</article>",
        status: fill1(L.status, { audience: L["audience." + audience], n: mine.length }) };
    }

    E.register("explain_local", local, {
      revenue_step: function (v, root) {
        if (!root.etikaStepText) root.etikaStepText = JSON.parse(root.querySelector("script.etika-demo-data").textContent).step_text;
        return root.etikaStepText[v];
      },
      wait_years: function (v) { return String(v); },
      seed: function (v) { return String(v); }
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("etika-printing");
      var done = document.querySelectorAll(".etika-print-me");
      for (var i = 0; i < done.length; i++) done[i].classList.remove("etika-print-me");
    });
    E.register("explain_global", global);
    E.register("model_card", card);
    document.addEventListener("click", function (ev) {
      var b = ev.target && ev.target.closest && ev.target.closest("[data-print]");
      if (!b) return;
      var root = b.closest(".etika-demo"), cardEl = root && root.querySelector(".etika-card");
      if (cardEl) cardEl.classList.add("etika-print-me");
      document.documentElement.classList.add("etika-printing");
      window.print();
    });
  }
  if (window.etikaDemos && window.etikaDemos.register) start(window.etikaDemos);
  else document.addEventListener("DOMContentLoaded", function () { if (window.etikaDemos) start(window.etikaDemos); });
})();
