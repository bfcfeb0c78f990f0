/* The phone's header menu (base.html): closed on a narrow screen, opened by its button.
   Sections marked data-fold-on-phone (a list's filters) start folded there too. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 640px)");
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  function set(open) {
    header.classList.toggle("menu-closed", !open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  if (header && button) {
    set(!narrow.matches);
    button.addEventListener("click", function () {
      set(header.classList.contains("menu-closed"));
    });
    narrow.addEventListener("change", function (e) { set(!e.matches); });
  }
  function fold(root) {
    if (!narrow.matches) { return; }
    root.querySelectorAll("details[data-fold-on-phone]").forEach(function (d) { d.open = false; });
  }
  fold(document);
  // A list's results come back by htmx with their own folded sections.
  document.addEventListener("htmx:afterSwap", function (e) { fold(e.target); });
})();
