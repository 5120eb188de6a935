/* Checklist widget: ticks saved in this browser, keyed by checklist id and item id from the data. */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("form[data-checklist]:not([data-ready])").forEach(enhance);
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("checklist", form.dataset.checklist);
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][data-item]"));
    var saved = Playbook.load(key) || {};
    var ticked = saved.ticked && typeof saved.ticked === "object" ? saved.ticked : {};
    boxes.forEach(function (box) {
      box.checked = ticked[box.dataset.item] === true;
    });

    var status = document.createElement("div");
    status.className = "pb-checklist__status";
    var progress = document.createElement("progress");
    progress.max = boxes.length;
    progress.setAttribute("aria-hidden", "true");
    var count = document.createElement("p");
    count.className = "pb-checklist__count";
    count.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button pb-checklist__reset";
    reset.textContent = "Reset";
    reset.setAttribute("aria-label", "Reset: untick every item in " + form.querySelector("legend").textContent);
    status.append(progress, count, reset);
    form.querySelector("fieldset").append(status);

    function update() {
      var state = {};
      var done = 0;
      boxes.forEach(function (box) {
        if (box.checked) {
          state[box.dataset.item] = true;
          done += 1;
        }
      });
      progress.value = done;
      count.textContent = done + " of " + boxes.length + " done";
      form.classList.toggle("pb-checklist--complete", done === boxes.length);
      Playbook.save(key, { ticked: state });
    }

    form.addEventListener("change", update);
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) {
        box.checked = false;
      });
      update();
      boxes[0].focus();
    });
    update();
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
