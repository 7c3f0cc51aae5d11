/* Etika AI self-check quiz: tells screen readers what the feedback says.
   The feedback itself is shown without JavaScript (CSS, input:checked); this script only copies
   the feedback of the answer just chosen into the question's aria-live region, so that it is
   announced. etika.quiz embeds it once per quiz, bound to that quiz's own element. */
(function (root) {
  if (!root || root.dataset.etikaQuiz === "ready") return;
  root.dataset.etikaQuiz = "ready";
  function visible(el) {
    return el && getComputedStyle(el).display !== "none";
  }
  root.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.tagName !== "INPUT") return;
    var question = input.closest("fieldset");
    var live = question && question.querySelector(".etika-live");
    if (!live) return;
    var parts = [];
    if (input.checked) {
      var feedback = input.parentElement.querySelector(".etika-feedback");
      if (feedback) parts.push(feedback.textContent.trim());
    }
    ["etika-missed", "etika-complete"].forEach(function (name) {
      var note = question.querySelector("." + name);
      if (visible(note)) parts.push(note.textContent.trim());
    });
    live.textContent = "";
    // A new text node after a tick, so that the same words are announced again.
    window.setTimeout(function () { live.textContent = parts.join(" "); }, 50);
  });
})(document.getElementById("__QUIZ_ID__"));
