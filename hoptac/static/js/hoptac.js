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
  // An htmx request that fails is never dropped silently: the reason the server gave (a
  // short fragment from hoptac.web.errors) or a generic message appears beside the control.
  var lang = document.documentElement.lang === "en" ? "en" : "vi";
  var TEXT = {
    vi: { network: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
          failed: "Không thực hiện được (lỗi %s). Hãy tải lại trang rồi thử lại." },
    en: { network: "The server could not be reached. Check the connection and try again.",
          failed: "That did not work (error %s). Reload the page and try again." }
  }[lang];
  function showError(elt, message) {
    var anchor = (elt && elt.closest && elt.closest("form, tr, li, section")) || elt || document.body;
    var box = anchor.querySelector && anchor.querySelector(":scope > .htmx-error");
    if (!box) {
      box = document.createElement("p");
      box.className = "htmx-error";
      box.setAttribute("role", "alert");
      box.tabIndex = -1;
      if (anchor.tagName === "TR") {
        var cell = anchor.lastElementChild || anchor;
        cell.appendChild(box);
      } else { anchor.appendChild(box); }
    }
    box.textContent = message;
    box.focus();
  }
  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var message = "";
    if (xhr && xhr.responseText) {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var reason = doc.querySelector(".htmx-error, #error-reason, [role=alert]");
      message = reason ? reason.textContent.trim() : "";
    }
    showError(event.detail.elt, message || TEXT.failed.replace("%s", xhr ? xhr.status : "?"));
  });
  document.body.addEventListener("htmx:sendError", function (event) {
    showError(event.detail.elt, TEXT.network);
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
