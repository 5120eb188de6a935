/* A glossary term's definition (abbr[data-term], macros/inline_markdown.py) shown beside it when the pointer rests on
   it or it has the focus (Tab, or a tap, as tabindex makes it focusable). One tooltip for the page and listeners on
   the document, so a page with fifty terms costs nothing until a reader reaches one: material's content.tooltips,
   which did this before, set up a tooltip per titled element on every page load. As WCAG 1.4.13 asks, Escape hides
   it, the pointer can move onto it, and it stays until the reader leaves the term. Without JS, the browser shows
   the title on hover. While shown, the term's title is held aside so the browser's own tooltip doesn't double it. */
(function (Playbook) {
  "use strict";

  var TERM = "abbr[data-term]";
  var GAP = 6; // px between the term and its tooltip
  var MARGIN = 8; // px kept free at the window's edges
  var tip = null;
  var shownFor = null;
  var hiding = 0;

  function tooltip() {
    if (!tip || !tip.isConnected) {
      tip = document.createElement("div");
      tip.id = "pb-term-tip";
      tip.className = "pb-term-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hiding); });
      tip.addEventListener("mouseleave", function (event) {
        if (event.relatedTarget !== shownFor && document.activeElement !== shownFor) hide();
      });
      document.body.append(tip);
    }
    return tip;
  }

  /* Below the term, or above it where the window has no room below; within the window's width. */
  function place(term) {
    var box = term.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.min(Math.max(MARGIN, box.left + box.width / 2 - width / 2), document.documentElement.clientWidth - MARGIN - width);
    var above = box.bottom + GAP + height > window.innerHeight && box.top - GAP - height >= 0;
    tip.classList.toggle("pb-term-tip--above", above);
    tip.style.left = Math.max(MARGIN, left) + window.scrollX + "px";
    tip.style.top = (above ? box.top - GAP - height : box.bottom + GAP) + window.scrollY + "px";
  }

  function show(term) {
    clearTimeout(hiding);
    if (shownFor === term) return;
    hide();
    var text = term.getAttribute("title");
    if (!text) return;
    tooltip().textContent = text;
    term.dataset.title = text;
    term.removeAttribute("title");
    term.setAttribute("aria-describedby", tip.id);
    tip.hidden = false;
    shownFor = term;
    place(term);
  }

  function hide() {
    clearTimeout(hiding);
    if (!shownFor) return;
    shownFor.setAttribute("title", shownFor.dataset.title);
    delete shownFor.dataset.title;
    shownFor.removeAttribute("aria-describedby");
    shownFor = null;
    if (tip) tip.hidden = true;
  }

  function termAt(node) {
    return node instanceof Element ? node.closest(TERM) : null;
  }

  var listening = false;

  function listen() {
    if (listening) return;
    listening = true;
    document.addEventListener("mouseover", function (event) {
      var term = termAt(event.target);
      if (term) show(term);
    });
    document.addEventListener("mouseout", function (event) {
      // Left the term for anything but its tooltip: gone after a moment, so the pointer can cross the gap.
      if (shownFor && termAt(event.target) === shownFor && event.relatedTarget !== tip && termAt(event.relatedTarget) !== shownFor && document.activeElement !== shownFor) {
        hiding = setTimeout(hide, 150);
      }
    });
    document.addEventListener("focusin", function (event) {
      var term = termAt(event.target);
      if (term) show(term);
      else if (event.target !== tip) hide();
    });
    document.addEventListener("focusout", function (event) {
      if (termAt(event.target) === shownFor && !(tip && tip.matches(":hover"))) hide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && shownFor) hide();
    });
    window.addEventListener("resize", hide);
  }

  Playbook.widgets.push({
    init: function () {
      hide(); // a page reached by instant navigation: the last page's term is gone
      listen();
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
