/* Etika AI site shell: the menu and contents drawers by keyboard, and a colour-theme button
   that says which theme is on. Tapping already works without this script (each drawer is a
   checkbox its labels toggle); this makes the same labels behave as buttons for a keyboard
   and a screen reader: Enter or Space opens, Escape closes and returns focus. */
(function () {
  "use strict";

  function drawerToggles(box) {
    return document.querySelectorAll('label.etika-toggle[for="' + box.id + '"]');
  }

  function sync(box) {
    drawerToggles(box).forEach(function (label) {
      label.setAttribute("aria-expanded", box.checked ? "true" : "false");
    });
  }

  function drawerOf(box) {
    return document.getElementById(box.id === "__navigation" ? "etika-sidebar" : "etika-toc");
  }

  function closeOthers(box) {
    // One drawer at a time, as furo's layout expects.
    document.querySelectorAll("input.sidebar-toggle").forEach(function (other) {
      if (other !== box && other.checked) {
        other.checked = false;
        sync(other);
      }
    });
  }

  function open(box, opener) {
    closeOthers(box);
    box.checked = true;
    sync(box);
    box.etikaOpener = opener;
    // Keyboard only: focus the first link (not the search field, whose on-screen keyboard
    // would cover a phone's screen).
    var drawer = drawerOf(box);
    var first = drawer && drawer.querySelector(".sidebar-tree a[href], .toc-tree a[href]");
    if (first) {
      // After the drawer has become visible (it slides in with a CSS transition).
      window.setTimeout(function () { first.focus(); }, 50);
    }
  }

  function close(box) {
    box.checked = false;
    sync(box);
    if (box.etikaOpener) {
      box.etikaOpener.focus();
      box.etikaOpener = null;
    }
  }

  function setUpDrawers() {
    document.querySelectorAll("input.sidebar-toggle").forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) { closeOthers(box); }
        sync(box);
      });
      sync(box);
    });
    document.querySelectorAll("label.etika-toggle").forEach(function (label) {
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") { return; }
        event.preventDefault();
        var box = document.getElementById(label.htmlFor);
        if (box.checked) { close(box); } else { open(box, label); }
      });
      label.addEventListener("click", function () {
        var box = document.getElementById(label.htmlFor);
        box.etikaOpener = label;
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll("input.sidebar-toggle").forEach(function (box) {
        if (box.checked) { close(box); }
      });
    });
    // A link followed inside a drawer on the same page (a heading in "On this page") closes it.
    document.querySelectorAll("#etika-sidebar a[href], #etika-toc a[href]").forEach(function (a) {
      a.addEventListener("click", function () {
        document.querySelectorAll("input.sidebar-toggle").forEach(function (box) {
          box.checked = false;
          sync(box);
        });
      });
    });
  }

  function themeLabel(button) {
    var mode = document.body.dataset.theme || "auto";
    var words = button.dataset;
    button.setAttribute("aria-label", words.label + ": " + (words[mode] || words.auto) +
      ", " + words.change);
  }

  function setUpThemeButtons() {
    document.querySelectorAll("button.theme-toggle").forEach(function (button) {
      themeLabel(button);
      button.addEventListener("click", function () {
        // furo's own click handler changes the theme; read it once that has run.
        window.setTimeout(function () {
          document.querySelectorAll("button.theme-toggle").forEach(themeLabel);
        }, 0);
      });
    });
  }

  // A box that scrolls sideways on this screen (wide code, a wide table) must be reachable by
  // keyboard to be scrolled: it gets a tab stop and a name while, and only while, it scrolls.
  function markScrollBoxes() {
    var name = document.documentElement.lang === "id" ? "Kotak bergulir" : "Scrollable box";
    document.querySelectorAll("article pre, article .output, article .table-wrapper")
      .forEach(function (box) {
        var scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name);
          box.dataset.etikaScroll = "1";
        } else if (!scrolls && box.dataset.etikaScroll) {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
          delete box.dataset.etikaScroll;
        }
      });
  }

  function start() {
    setUpDrawers();
    setUpThemeButtons();
    markScrollBoxes();
    var pending = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(markScrollBoxes, 150);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
