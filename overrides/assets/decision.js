/* Decision helper: totals the ticked signals' weights per mode and reveals the server-rendered result. */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("form[data-decision]:not([data-ready])").forEach(enhance);
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("decision", form.dataset.decision);
    var boxes = form.querySelectorAll("input[data-signal]");
    var ticked = (Playbook.load(key) || {}).ticked || {};
    boxes.forEach(function (box) {
      box.checked = ticked[box.dataset.signal] === true;
    });
    form.querySelector("[data-result]").hidden = false;

    function each(selector, action) {
      form.querySelectorAll(selector).forEach(action);
    }

    function update(announce) {
      var totals = {}, state = {};
      boxes.forEach(function (box) {
        var mode = box.dataset.mode;
        totals[mode] = (totals[mode] || 0) + (box.checked ? +box.dataset.weight : 0);
        if (box.checked) state[box.dataset.signal] = true;
      });
      var top = Math.max.apply(null, Object.values(totals));
      var leaders = Object.keys(totals).filter(function (mode) { return totals[mode] === top; });
      var outcome = !top ? "none" : leaders[1] ? "tie" : leaders[0];
      each("[data-total]", function (el) { el.textContent = totals[el.dataset.total]; });
      each("[data-reason]", function (el) { el.hidden = !state[el.dataset.reason]; });
      /* Totals shown: the tied modes under a tie, the other modes ticked under a winner. */
      each("[data-line]", function (el) {
        var total = totals[el.dataset.line];
        el.hidden = outcome === "tie" ? total !== top : !total;
      });
      each("[data-others]", function (el) { el.hidden = !el.querySelector("[data-line]:not([hidden])"); });
      each("[data-outcome]", function (el) { el.hidden = el.dataset.outcome !== outcome; });
      /* Announce the headline, not the whole result, and not on page load. */
      if (announce) {
        var parts = form.querySelectorAll('[data-outcome="' + outcome + '"] :is([data-headline], [data-line]:not([hidden]))');
        form.querySelector("[data-status]").textContent = [].map.call(parts, function (el) { return el.textContent; }).join(". ");
      }
      Playbook.save(key, { ticked: state });
    }

    form.addEventListener("change", update);
    /* "reset" fires before the boxes are cleared. */
    form.addEventListener("reset", function () { setTimeout(update, 0, true); });
    update();
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
