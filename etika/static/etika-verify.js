/* Verify a certificate, in the browser: the same checks, in the same order, as
 * autograder/certificates/payload.py `verify`. The keys and revocations come from
 * _static/etika-certificate-keys.js (written by the site build); nothing is fetched or sent. */
(function () {
  "use strict";
  var PREFIX = "EA1";
  var SIGNATURE_CHARS = 86;
  var FIELDS = ["i", "k", "n", "p", "c", "v", "d", "l"];
  // The vendored verifier sits beside this script; it is loaded only when WebCrypto lacks Ed25519.
  var HERE = document.currentScript ? document.currentScript.src : "";
  var FALLBACK = HERE.replace(/etika-verify\.js(\?.*)?$/, "etika-ed25519-noble.js");
  var fallback = null;

  function loadFallback() {
    if (!fallback) fallback = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = FALLBACK;
      script.onload = function () {
        if (window.etikaNobleEd25519) resolve(window.etikaNobleEd25519);
        else reject(new Error("no verifier"));
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return fallback;
  }

  /* true or false; null when this browser can check no Ed25519 signature at all */
  function ed25519(publicKey, signature, message) {
    var subtle = window.crypto && crypto.subtle;
    var native = subtle
      ? subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]).then(
          function (key) { return subtle.verify({ name: "Ed25519" }, key, signature, message); })
      : Promise.reject(new Error("no WebCrypto"));
    return native.catch(function () {
      return loadFallback().then(function (noble) {
        // strict RFC 8032 checks, as the grader's `cryptography` makes them
        return noble.verifyAsync(signature, message, publicKey, { zip215: false });
      });
    }).catch(function () { return null; });
  }

  function clean(text) {
    text = text.replace(/\s+/g, "");
    var hash = text.lastIndexOf("#");
    return hash >= 0 ? text.slice(hash + 1) : text;
  }

  function unb64(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("base64url");
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function check(code, data) {
    code = clean(code);
    if (!code) return Promise.resolve({ status: "empty" });
    var parts = code.split(".");
    if (parts[0] !== PREFIX || parts.length > 3 || parts.length < 2 || !parts[1])
      return Promise.resolve({ status: "damaged" });
    if (parts.length === 2 || parts[2].length < SIGNATURE_CHARS)
      return Promise.resolve({ status: "truncated" });
    var fields, signature;
    try {
      fields = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(unb64(parts[1])));
      signature = unb64(parts[2]);
    } catch (e) {
      return Promise.resolve({ status: "damaged" });
    }
    if (!fields || typeof fields !== "object" || signature.length !== 64 ||
        FIELDS.some(function (f) { return !(f in fields); }))
      return Promise.resolve({ status: "damaged" });
    if (!data.keys.length) return Promise.resolve({ status: "nokeys" });
    var key = data.keys.filter(function (k) { return k.key_id === fields.k; })[0];
    if (!key) return Promise.resolve({ status: "unknown_key", fields: fields });
    var signed = new TextEncoder().encode(parts[0] + "." + parts[1]);
    return ed25519(unb64(key.public_key), signature, signed).then(function (ok) {
      if (ok === null) return { status: "unsupported" };
      if (!ok) return { status: "bad_signature", fields: fields };
      var gone = data.revocations.filter(function (r) { return r.id === fields.i; })[0];
      if (gone) return { status: gone.status || "revoked", fields: fields, revocation: gone };
      return { status: "valid", fields: fields };
    });
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] || "—"; });
  }

  function longDate(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso || "—";
    var date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    // day month year, as the paper prints it (en-GB: "2 December 2026"; id: "2 Desember 2026")
    var locale = lang === "id" ? "id-ID" : "en-GB";
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
  }

  function show(form, result, words) {
    var box = form.querySelector(".etika-verify-result");
    var lang = form.getAttribute("data-lang");
    box.textContent = "";
    box.className = "etika-verify-result etika-verify-" + (result.status === "valid" ? "ok" : "no");
    var head = document.createElement("p");
    head.className = "etika-verify-verdict";
    var f = result.fields || {};
    if (result.status === "valid") {
      head.textContent = words.valid;
      box.appendChild(head);
      var dl = document.createElement("dl");
      [["name", f.n], ["programme", f.p], ["cohort", f.c], ["venue", f.v],
       ["date", longDate(f.d, lang)], ["id", f.i]].forEach(function (row) {
        var dt = document.createElement("dt");
        dt.textContent = words[row[0]];
        var dd = document.createElement("dd");
        dd.textContent = row[1] || "—";  // text, never HTML: a name cannot inject markup
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      box.appendChild(dl);
      var note = document.createElement("p");
      note.textContent = words.compare;
      box.appendChild(note);
      return;
    }
    head.textContent = words.invalid + (f.i ? " " + words.id + ": " + f.i + "." : "");
    box.appendChild(head);
    var why = document.createElement("p");
    var r = result.revocation || {};
    why.textContent = format(words[result.status] || words.damaged, {
      on: longDate(r.on, lang), reason: r.reason, by: r.by
    });
    box.appendChild(why);
  }

  function init(form) {
    var words = JSON.parse(form.querySelector(".etika-verify-words").textContent);
    var input = form.querySelector("textarea");
    var data = window.etikaCertificates || { keys: [], revocations: [] };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(input.value, data).then(function (result) { show(form, result, words); });
    });
    // a phone's camera opened verify.html#EA1...: the code stays in the phone (after '#')
    if (location.hash.indexOf("#" + PREFIX + ".") === 0) {
      input.value = decodeURIComponent(location.hash.slice(1));
      check(input.value, data).then(function (result) { show(form, result, words); });
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.etika-verify"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
