/* Document review: from a fact to its evidence and back, keyboard shortcuts, focus after htmx
   swaps. The page works without it (plain anchors and form posts). */
(function () {
  "use strict";

  function factOf(id) { return document.getElementById("fact-" + id); }

  function markEvidence(factId) {
    document.querySelectorAll(".doc-text .current").forEach(function (el) { el.classList.remove("current"); });
    if (!factId) { return; }
    document.querySelectorAll(".doc-text [data-facts]").forEach(function (el) {
      if (el.dataset.facts.split(" ").indexOf(String(factId)) >= 0) { el.classList.add("current"); }
    });
  }

  function goToFact(id) {
    var card = factOf(id);
    if (!card) { return; }
    history.replaceState(null, "", "#fact-" + id);
    card.scrollIntoView({block: "center"});
    card.focus({preventScroll: true});
  }

  function goToEvidence(anchor) {
    var target = document.getElementById(anchor);
    if (!target) { return; }
    var factId = anchor.split("-")[1];
    markEvidence(factId);
    history.replaceState(null, "", "#" + anchor);
    target.scrollIntoView({block: "center"});
    // the anchor itself may be an empty marker: focus the highlighted link that follows it
    var link = target.matches("a") ? target : target.parentNode.querySelector("a.ev.current");
    if (link) { link.focus({preventScroll: true}); }
  }

  document.addEventListener("click", function (event) {
    var toEvidence = event.target.closest("a.to-evidence");
    if (toEvidence) {
      event.preventDefault();
      goToEvidence(toEvidence.getAttribute("href").slice(1));
      return;
    }
    var ev = event.target.closest(".doc-text a.ev, .doc-text mark.ev");
    if (ev) {
      event.preventDefault();
      goToFact(ev.dataset.target || ev.getAttribute("href").replace("#fact-", ""));
    }
  });

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("article.fact")); }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var t = event.target;
    if (t.closest && t.closest("input, textarea, select, [contenteditable]")) { return; }
    var card = t.closest ? t.closest("article.fact") : null;
    var list = cards();
    if (event.key === "j" || event.key === "k") {
      var i = card ? list.indexOf(card) : -1;
      var next = list[event.key === "j" ? i + 1 : Math.max(i - 1, 0)];
      if (next) { event.preventDefault(); goToFact(next.dataset.fact); }
      return;
    }
    if (!card) { return; }
    var selector = {a: ".act-accept", r: ".act-reject", e: ".act-edit", g: "a.to-evidence"}[event.key];
    var button = selector && card.querySelector(selector);
    if (button) { event.preventDefault(); button.click(); }
  });

  function focusRequested() {
    var panel = document.getElementById("facts-panel");
    var id = panel && panel.dataset.focus;
    var el = id && document.getElementById(id);
    if (el) {
      el.scrollIntoView({block: "center"});
      el.focus({preventScroll: true});
    }
  }

  function syncHighlights() {
    // keep the text's colours in step with the facts' states after a swap
    document.querySelectorAll("article.fact").forEach(function (card) {
      var state = Array.prototype.slice.call(card.classList).filter(function (c) { return c.indexOf("st-") === 0; })[0];
      document.querySelectorAll('.doc-text [data-target="' + card.dataset.fact + '"], .doc-text a.ev[href="#fact-' + card.dataset.fact + '"]').forEach(function (el) {
        el.className = el.className.replace(/\bst-\w+/, state);
      });
    });
  }

  document.body.addEventListener("htmx:afterSettle", function () { syncHighlights(); focusRequested(); });
  document.addEventListener("DOMContentLoaded", function () {
    var hash = location.hash.slice(1);
    if (hash.indexOf("span-") === 0) { markEvidence(hash.split("-")[1]); }
    if (hash.indexOf("fact-") === 0) { var c = document.getElementById(hash); if (c) { c.focus({preventScroll: true}); } }
  });
})();
