/* A glossary term's definition (abbr[data-term], macros/inline_markdown.py) shown beside it when the pointer rests on
   it or it has the focus (Tab, or a tap, as tabindex makes it focusable). One tooltip for the page and listeners on
   the document, so a page with fifty terms costs nothing until a reader reaches one: material's content.tooltips,
   which did this before, set up a tooltip per titled element on every page load. As WCAG 1.4.13 asks, Escape hides
   it, the pointer can move onto it, and it stays while the reader is on the term. Without JS, the browser shows
   the title on hover. While shown, the term's title is held aside so the browser's own tooltip doesn't double it. */
(function (Playbook) {
  "use strict";

  var TERM = "abbr[data-term]";
  var GAP = 6; // px between the term and its tooltip
  var MARGIN = 8; // px kept free at the window's edges
  var LINGER = 350; // ms the tooltip stays after the pointer leaves the term, so the pointer can reach it
  var tip = null;
  var shownFor = null;
  var line = null; // the line box of the term it sits by (a term can wrap onto two lines)
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
        if (event.relatedTarget !== shownFor) leave();
      });
      // On a phone it covers the next lines: a tap on it puts it away.
      tip.addEventListener("pointerup", function (event) { if (event.pointerType !== "mouse") hide(); });
      document.body.append(tip);
    }
    return tip;
  }

  /* The line of `term` the pointer at (x, y) is on, else (no pointer, or between lines) its first line. */
  function lineOf(term, x, y) {
    var lines = Array.prototype.slice.call(term.getClientRects());
    return lines.filter(function (box) {
      return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
    })[0] || lines[0] || term.getBoundingClientRect();
  }

  /* Below the term's line, or above it where the window has no room below; starting at the term, within the
     window's width. Measured at the window's corner, so the last place doesn't narrow it. */
  function place() {
    var box = line;
    tip.style.left = tip.style.top = "0px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.max(MARGIN, Math.min(box.left, document.documentElement.clientWidth - MARGIN - width));
    var above = box.bottom + GAP + height > window.innerHeight && box.top - GAP - height >= 0;
    tip.classList.toggle("pb-term-tip--above", above);
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = (above ? box.top - GAP - height : box.bottom + GAP) + window.scrollY + "px";
  }

  function show(term, x, y) {
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
    line = lineOf(term, x, y);
    place();
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

  /* The pointer has left: the focused term's tooltip, if a term has the focus, else none. */
  function leave() {
    var focused = termAt(document.activeElement);
    if (focused === shownFor) return;
    hide();
    if (focused) show(focused);
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
      if (term) show(term, event.clientX, event.clientY);
    });
    document.addEventListener("mouseout", function (event) {
      // Left the term for anything but its tooltip: gone after a moment, so the pointer can cross the gap.
      if (shownFor && termAt(event.target) === shownFor && event.relatedTarget !== tip && termAt(event.relatedTarget) !== shownFor) {
        clearTimeout(hiding);
        hiding = setTimeout(leave, LINGER);
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
    // A term in a checklist's label: a tap or click explains it rather than ticking the box.
    document.addEventListener("click", function (event) {
      var term = termAt(event.target);
      if (term && term.closest("label")) {
        event.preventDefault();
        term.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && shownFor) hide();
    });
    // A phone's address bar coming and going resizes the window: the tooltip follows its term.
    window.addEventListener("resize", function () {
      if (shownFor) {
        line = lineOf(shownFor);
        place();
      }
    });
  }

  Playbook.widgets.push({
    init: function () {
      hide(); // a page reached by instant navigation: the last page's term is gone
      listen();
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
