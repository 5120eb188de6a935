/* The level assessment's "Who is answering" and account (macros/templates/self_assessment.html): saved with the
   answers and in the record's result (rated_by, account; Playbook.levelRating reads them back), never scored.
   A form without them gives nothing. */
(function (Playbook) {
  "use strict";

  Playbook.assessmentRating = function (form) {
    var raters = Array.prototype.slice.call(form.querySelectorAll("[data-rated-by]"));
    var account = form.querySelector("[data-account]");

    return {
      present: raters.length > 0,
      owns: function (node) { return !!account && node === account; },
      /* Only what was given: a rater not picked and an empty account are left out, read as "not recorded". */
      values: function () {
        var given = {};
        var picked = raters.filter(function (radio) { return radio.checked; })[0];
        if (picked) given.rated_by = picked.value;
        var text = account ? account.value.replace(/\s+/g, " ").trim() : "";
        if (text) given.account = text;
        return given;
      },
      /* `saved`: a record's result, or the reader's own answers (which keep the fields beside them). */
      restore: function (saved) {
        var rating = Playbook.levelRating.of(saved);
        raters.forEach(function (radio) { radio.checked = radio.value === rating.rated_by; });
        if (account) account.value = rating.account || "";
      },
      clear: function () {
        raters.forEach(function (radio) { radio.checked = false; });
        if (account) account.value = "";
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
