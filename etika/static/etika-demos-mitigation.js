/* Etika AI, mitigation chapter: the static views of its three demos (no network, no kernel).
 * Every state the controls can reach was rendered at build time from the chapter's tables
 * (etika/mitigation/views.py) and is embedded in the demo: this script only shows the state
 * the controls name, and speaks the strength slider's value. */
(function () {
  "use strict";
  function start(E) {
    var lib = E.lib, ctl = lib.ctl, rangeValue = lib.rangeValue, setOutput = lib.setOutput;
    function data(root) {
      if (!root.etikaMit) root.etikaMit = JSON.parse(root.querySelector("script.etika-demo-data").textContent);
      return root.etikaMit;
    }
    function levelText(v, root) {
      var d = data(root);
      return d.levels[ctl(root, "measure").value + "|" + ctl(root, "method").value][v];
    }
    function pick(key) {
      return function (root, d) {
        var s = d.states[key(root)];
        return { html: d.bodies[s[0]], status: s[1] };
      };
    }
    var setting = pick(function (root) {
      var level = rangeValue(ctl(root, "level"));
      setOutput(root, "level", levelText(level, root));
      return ctl(root, "measure").value + "|" + ctl(root, "method").value + "|" + level;
    });
    E.register("frontier", setting, { level: levelText });
    E.register("who_gains", setting, { level: levelText });
    E.register("which_label", pick(function (root) {
      return ctl(root, "label").value + "|" + ctl(root, "method").value;
    }));
  }
  if (window.etikaDemos && window.etikaDemos.register) start(window.etikaDemos);
  else document.addEventListener("DOMContentLoaded", function () { if (window.etikaDemos) start(window.etikaDemos); });
})();
