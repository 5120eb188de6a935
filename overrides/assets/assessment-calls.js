/* The calls of one day on a form with a day field (a ride-along watches one or two customer meetings): once the
   day shown has more than one, a row of buttons above the form, one per call, named by its number and the first
   note typed about it (the account), the call shown pressed. Pressing another hands its number to `open(call)`,
   which shows that call's answers: the first call's next-day ratings stay within reach after a second is rated.
   Without JS there is no history, so no row. */
(function (Playbook) {
  "use strict";

  /* Enough of a note to tell two calls apart on a button. */
  var ABOUT_MOST = 40;

  Playbook.assessmentCalls = function (form, open) {
    if (!form.querySelector("[data-note-kind=date]")) return { show: function () { return 1; } };
    var about = form.querySelector("[data-note]:not([data-note-kind])");
    var row = document.createElement("p");
    row.className = "pb-assessment__calls pb-screen-only";
    row.setAttribute("role", "group");
    row.hidden = true;
    var place = form.querySelector("[data-assessment-open]");
    if (place) place.after(row);
    else form.prepend(row);

    function named(record, call) {
      var text = about && record && record.data.notes && record.data.notes[about.dataset.note];
      text = typeof text === "string" ? text.trim().replace(/\s+/g, " ") : "";
      if (text.length > ABOUT_MOST) text = text.slice(0, ABOUT_MOST - 1) + "\u2026";
      return text ? Playbook.t("assessment.call_about", { call: call, about: text }) : Playbook.t("assessment.call_number", { call: call });
    }

    return {
      /* The row for `date`'s calls saved in `records` and the one shown (`call`, 1 for the first), saved yet or not;
         returns how many calls the day has. */
      show: function (records, date, call) {
        var day = records.filter(function (record) { return record.date === date; });
        var calls = day.map(function (record) { return record.call || 1; });
        if (calls.indexOf(call) < 0) calls.push(call);
        calls.sort(function (a, b) { return a - b; });
        var focused = row.contains(document.activeElement);
        row.textContent = "";
        row.hidden = calls.length < 2;
        if (row.hidden) return calls.length;
        var words = Playbook.t("assessment.calls_that_day", { day: Playbook.dates.day(date, "long-weekday") });
        row.setAttribute("aria-label", words);
        row.append(words, " ");
        calls.forEach(function (number) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button";
          button.textContent = named(day.filter(function (record) { return (record.call || 1) === number; })[0], number);
          button.setAttribute("aria-pressed", String(number === call));
          if (number !== call) button.addEventListener("click", function () { open(number); });
          row.append(button, " ");
          if (focused && number === call) button.focus();
        });
        return calls.length;
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
