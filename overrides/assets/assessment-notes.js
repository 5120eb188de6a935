/* Notes kept with a scored form (who was observed, the buyer's words, the debrief): each a text box marked
   data-note with the key it is saved under. Saved, copied and downloaded with the answers; never scored. */
(function (Playbook) {
  "use strict";

  Playbook.assessmentNotes = function (form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("[data-note]"));

    function prompt(box) {
      var label = box.labels && box.labels[0];
      return label ? label.textContent.trim().replace(/\s+/g, " ") : box.dataset.note;
    }

    return {
      owns: function (node) { return boxes.indexOf(node) !== -1; },
      /* Filled notes by key, as saved in this browser. */
      values: function () {
        var saved = {};
        boxes.forEach(function (box) { if (box.value) saved[box.dataset.note] = box.value; });
        return saved;
      },
      restore: function (saved) {
        var notes = saved && saved.notes && typeof saved.notes === "object" ? saved.notes : {};
        boxes.forEach(function (box) {
          var text = notes[box.dataset.note];
          box.value = typeof text === "string" ? text : "";
        });
      },
      clear: function () { boxes.forEach(function (box) { box.value = ""; }); },
      /* Every note in page order, for the copy and the downloads. */
      list: function () {
        return boxes.map(function (box) { return { id: box.dataset.note, prompt: prompt(box), text: box.value }; });
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
