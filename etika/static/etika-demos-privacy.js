/* Etika AI, privacy chapter: the static views of its demos (no network, no kernel).
 * Each demo embeds its body as a template (from etika/privacy/views.py) and, for every setting
 * of its grid, the values filled into it and the status line; this script reads the controls,
 * picks the setting's cell and fills the template. */
(function () {
  "use strict";
  function start(E) {
    var ctl = E.lib.ctl, setOutput = E.lib.setOutput;
    function pick(root, d) {
      var key = d.keys.map(function (k) {
        var el = ctl(root, k);
        if (el.type === "checkbox") return el.checked ? "1" : "0";
        if (el.type === "range") {
          setOutput(root, k, d.texts[+el.value]);
          return String(+el.value);
        }
        return el.value;
      }).join("|");
      var cell = d.cells[key], values = cell[0];
      // The values were escaped in Python; the template is the Python body around them.
      var html = d.templates[values.length].replace(/@@(\d+)@@/g, function (m, i) { return values[+i]; });
      return { html: html, status: cell[1] };
    }
    function epsText(v, root) {
      var s = root.querySelector("script.etika-demo-data");
      return JSON.parse(s.textContent).texts[v];
    }
    E.register("linkage", pick);
    E.register("dp_noise", pick, { epsilon: epsText });
    E.register("membership", pick, { depth: epsText });
  }
  if (window.etikaDemos && window.etikaDemos.register) start(window.etikaDemos);
  else document.addEventListener("DOMContentLoaded", function () { if (window.etikaDemos) start(window.etikaDemos); });
})();
