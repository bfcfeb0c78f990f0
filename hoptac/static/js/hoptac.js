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
  // A "Cancel" link marked data-back goes back in history (its href is the fallback); no
  // javascript: URL, which the Content-Security-Policy forbids.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
  // After an htmx swap, move focus to an error summary when there is one.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var errors = event.detail.target.querySelector("[role=alert]");
    if (errors) { errors.focus(); }
  });
})();
