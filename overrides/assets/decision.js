/* Decision helper: totals the ticked signals' weights per mode and reveals the server-rendered result, which
   decision.css keeps in view (beside the signals, or a sticky summary on a phone); the result copies as text
   and prints on its own. */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("form[data-decision]:not([data-ready])").forEach(enhance);
  }

  /* Each mode's total weight and the outcome: "none" before any tick, "tie" when the top total is shared. */
  function score(boxes) {
    var totals = {}, ticked = {};
    boxes.forEach(function (box) {
      var mode = box.dataset.mode;
      totals[mode] = (totals[mode] || 0) + (box.checked ? +box.dataset.weight : 0);
      if (box.checked) ticked[box.dataset.signal] = true;
    });
    var top = Math.max.apply(null, Object.values(totals));
    var leaders = Object.keys(totals).filter(function (mode) { return totals[mode] === top; });
    return { totals: totals, ticked: ticked, top: top, outcome: !top ? "none" : leaders[1] ? "tie" : leaders[0] };
  }

  /* The shown result as plain text for notes or an email: a line per heading and paragraph, "- " per item. */
  function asText(section) {
    return [].filter.call(section.querySelectorAll("h3, h4, p, li"), function (el) {
      return !el.closest("[hidden]");
    }).map(function (el) {
      var text = el.textContent.replace(/\s+/g, " ").trim();
      return el.tagName === "LI" ? "- " + text : el.tagName === "H4" ? "\n" + text : text;
    }).join("\n");
  }

  /* Print the helper alone (the ticked signals and the result), not the whole page. */
  function printAlone() {
    var root = document.documentElement;
    root.dataset.printAlone = "decision";
    window.addEventListener("afterprint", function () { delete root.dataset.printAlone; }, { once: true });
    window.print();
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("decision", form.dataset.decision);
    var boxes = form.querySelectorAll("input[data-signal]");
    var saved = (Playbook.load(key) || {}).ticked || {};
    var copyStatus = form.querySelector("[data-copy-status]");
    boxes.forEach(function (box) {
      box.checked = saved[box.dataset.signal] === true;
    });
    form.querySelector("[data-result]").hidden = false;

    function each(selector, action) {
      form.querySelectorAll(selector).forEach(action);
    }

    function shown() {
      return form.querySelector("[data-outcome]:not([hidden])");
    }

    function update(announce) {
      var now = score(boxes), totals = now.totals, outcome = now.outcome;
      each("[data-total]", function (el) { el.textContent = totals[el.dataset.total]; });
      each("[data-reason]", function (el) { el.hidden = !now.ticked[el.dataset.reason]; });
      /* Totals shown: the tied modes under a tie, the other modes ticked under a winner. */
      each("[data-line]", function (el) {
        var total = totals[el.dataset.line];
        el.hidden = outcome === "tie" ? total !== now.top : !total;
      });
      each("[data-others]", function (el) { el.hidden = !el.querySelector("[data-line]:not([hidden])"); });
      each("[data-outcome]", function (el) { el.hidden = el.dataset.outcome !== outcome; });
      each("[data-summary], [data-actions]", function (el) { el.hidden = outcome === "none"; });
      form.querySelector("[data-summary-headline]").textContent = shown().querySelector("[data-headline]").textContent;
      copyStatus.textContent = "";
      /* Announce the headline, not the whole result, and not on page load. */
      if (announce) {
        var parts = shown().querySelectorAll("[data-headline], [data-line]:not([hidden])");
        form.querySelector("[data-status]").textContent = [].map.call(parts, function (el) { return el.textContent; }).join(". ");
      }
      Playbook.save(key, { ticked: now.ticked });
    }

    form.querySelector("[data-copy]").addEventListener("click", function () {
      Playbook.copy(asText(shown()), copyStatus);
    });
    form.querySelector("[data-print-result]").addEventListener("click", printAlone);
    /* The summary's link goes to the result itself: material's instant navigation would take the click and
       not scroll, and focus there lets a keyboard or screen-reader user carry on from the result. */
    form.querySelector("[data-summary]").addEventListener("click", function (event) {
      event.preventDefault();
      var result = form.querySelector("[data-result]");
      result.scrollIntoView({ block: "start" });
      result.focus({ preventScroll: true });
    });
    form.addEventListener("change", update);
    /* "reset" fires before the boxes are cleared. */
    form.addEventListener("reset", function () { setTimeout(update, 0, true); });
    update();
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
