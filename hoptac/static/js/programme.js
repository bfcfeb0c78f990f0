/* hoptac programme pages: pick a person from the search results into the participant form. */
(function () {
  "use strict";
  // A form that comes back with its errors (400) or a refused stale edit (409) replaces the
  // section like a success does, so the message shows where the user is looking.
  if (window.htmx && htmx.config.responseHandling) {
    htmx.config.responseHandling.unshift({code: "400", swap: true, error: false},
                                         {code: "409", swap: true, error: false});
  }
  document.addEventListener("click", function (event) {
    var btn = event.target.closest && event.target.closest(".pick-person");
    if (!btn) { return; }
    var form = btn.closest("form");
    form.querySelector("input[name=person]").value = btn.dataset.personId;
    var name = form.querySelector("input[name=person_name]");
    name.value = btn.dataset.personName;
    btn.closest(".person-results").innerHTML = "";
    name.focus();
  });
  // Typing a new name forgets a person picked before.
  document.addEventListener("input", function (event) {
    if (event.target.name === "person_name" && event.target.form) {
      var id = event.target.form.querySelector("input[name=person]");
      if (id) { id.value = ""; }
    }
  });
  // A failed htmx request says so in place instead of being dropped silently.
  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 400 || xhr.status === 409) { return; }  // handled: the form came back
    var target = event.detail.target;
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.className = "field-error";
    p.textContent = (xhr.status === 403 ? "Không có quyền: " : "Lỗi " + xhr.status + ": ") +
      (xhr.responseText || "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 300);
    target.prepend(p);
  });
})();
