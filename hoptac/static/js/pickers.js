/* Locality pickers (web/widgets.py LocalitySelect): list only the units valid on the record's
   date, and filter them by typed text with accents and case ignored ("hai phong" finds
   "Hải Phòng"). Without this script the select lists every unit and the server checks. */
(function () {
  "use strict";
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function isoDate(value) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value || "");
    if (m) { return m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2); }
    return /^\d{4}-\d{2}-\d{2}$/.test(value || "") ? value : "";
  }
  function setup(select) {
    if (select.dataset.pickerReady) { return; }
    select.dataset.pickerReady = "1";
    var search = document.createElement("input");
    search.type = "search";
    search.className = "picker-search";
    search.setAttribute("aria-label", (select.labels && select.labels[0] ? select.labels[0].textContent.trim() + " – " : "") + (document.documentElement.lang === "en" ? "type to filter" : "gõ để lọc"));
    search.placeholder = document.documentElement.lang === "en" ? "Type to filter…" : "Gõ để lọc…";
    select.parentNode.insertBefore(search, select);
    var dateInput = select.dataset.dateField && select.form
      ? select.form.querySelector("[name='" + select.dataset.dateField + "']") : null;
    function apply() {
      var text = fold(search.value.trim());
      var on = dateInput ? isoDate(dateInput.value) : "";
      Array.prototype.forEach.call(select.options, function (opt) {
        if (!opt.value) { return; }
        var valid = !on || ((!opt.dataset.from || opt.dataset.from <= on) &&
                            (!opt.dataset.to || on <= opt.dataset.to));
        var match = !text || fold(opt.textContent).indexOf(text) !== -1;
        var show = (valid && match) || opt.selected;
        opt.hidden = !show;
        opt.disabled = !show;
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (g) {
        g.hidden = !Array.prototype.some.call(g.children, function (o) { return !o.hidden; });
      });
    }
    search.addEventListener("input", apply);
    search.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        var first = Array.prototype.find.call(select.options, function (o) { return o.value && !o.hidden; });
        if (first) { select.value = first.value; select.dispatchEvent(new Event("change", { bubbles: true })); }
      }
    });
    if (dateInput) { dateInput.addEventListener("change", apply); dateInput.addEventListener("input", apply); }
    apply();
  }
  function init(root) {
    (root || document).querySelectorAll("select[data-locality-picker]").forEach(setup);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
})();
