/* hoptac: small progressive enhancements shared by every page (the pages work without it). */
(function () {
  "use strict";
  // A select marked data-autosubmit submits its form when changed (the button stays for
  // keyboard and no-JS users).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("select[data-autosubmit]") && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
  });
  // After an htmx swap, move focus to an error summary when there is one.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var errors = event.detail.target.querySelector("[role=alert]");
    if (errors) { errors.focus(); }
  });
})();
