// After a form is sent in place (htmx), move the focus to the message of the save, or to the
// first problem of a refused form, so that keyboard and screen-reader users land on the result.
document.addEventListener("htmx:afterSettle", function () {
  var target = document.querySelector("[role=alert], #score .flash");
  if (!target) { return; }
  target.setAttribute("tabindex", "-1");
  target.focus();
});
