/* The calls of one day on a form with a day field (a ride-along watches one or two customer meetings): once the
   day shown has more than one, a row of buttons above the form, one per call, named by its number and the first
   note typed about it (the account), the call shown pressed. Pressing another hands its number to `open(call)`,
   which shows that call's answers: the first call's next-day ratings stay within reach after a second is rated.
   A second row names the earlier days' calls still open (data-stays-open-days) whose next-day ratings
   (data-rated-next-day) are not all given, and hands the one pressed to `reopen(date, call)`: a call started the
   day after leaves the last one's CRM and recap within reach. A role-play rubric (data-runs) has no day field: its
   row is the day's runs, each scored on its own, so a run done again beside the first shows what changed.
   Without JS there is no history, so no rows. */
(function (Playbook) {
  "use strict";

  /* Enough of a note to tell two calls apart on a button. */
  var ABOUT_MOST = 40;

  Playbook.assessmentCalls = function (form, open, reopen) {
    var runs = form.hasAttribute("data-runs");
    if (!form.querySelector("[data-note-kind=date]") && !runs) return { show: function () { return 1; } };
    var about = form.querySelector("[data-note]:not([data-note-kind])");
    var later = Array.prototype.map.call(form.querySelectorAll("fieldset[data-rated-next-day]"), function (box) { return box.dataset.statement; });
    var days = +form.dataset.staysOpenDays || 0;
    var row = buttonRow();
    var waiting = buttonRow();
    var place = form.querySelector("[data-assessment-open]");
    if (place) place.after(row, waiting);
    else form.prepend(row, waiting);

    function buttonRow() {
      var made = document.createElement("p");
      made.className = "pb-assessment__calls pb-screen-only";
      made.setAttribute("role", "group");
      made.hidden = true;
      return made;
    }

    function aboutNote(record) {
      var text = about && record && record.data.notes && record.data.notes[about.dataset.note];
      text = typeof text === "string" ? text.trim().replace(/\s+/g, " ") : "";
      return text.length > ABOUT_MOST ? text.slice(0, ABOUT_MOST - 1) + "\u2026" : text;
    }

    /* The earlier days' calls still open with a next-day rating not given, oldest first; not those of the day
       shown, which its own row names. */
    function stillOpen(records, date) {
      if (!later.length || !days) return [];
      var today = Playbook.workspace.today();
      var since = Playbook.assessmentOpen.since(form);
      return records.filter(function (record) {
        var answers = record.data.answers || {};
        return record.date >= since && record.date < today && record.date !== date && later.some(function (id) { return !answers[id]; });
      });
    }

    function showWaiting(records, date) {
      var open = stillOpen(records, date);
      var focused = waiting.contains(document.activeElement);
      waiting.textContent = "";
      waiting.hidden = !open.length;
      if (waiting.hidden) return;
      var words = Playbook.t("assessment.calls_still_open");
      waiting.setAttribute("aria-label", words);
      waiting.append(words, " ");
      open.forEach(function (record, index) {
        var calls = records.filter(function (other) { return other.date === record.date; }).length;
        var day = Playbook.workspace.dayOf(record, "long-weekday", calls);
        var text = aboutNote(record);
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = text ? Playbook.t("assessment.call_still_open", { day: day, about: text }) : day;
        button.addEventListener("click", function () { reopen(record.date, record.call || 1); });
        waiting.append(button, " ");
        if (focused && !index) button.focus();
      });
    }

    function named(record, call) {
      var text = aboutNote(record);
      if (runs) return Playbook.t("assessment.run_number", { call: call });
      return text ? Playbook.t("assessment.call_about", { call: call, about: text }) : Playbook.t("assessment.call_number", { call: call });
    }

    return {
      /* The row for `date`'s calls saved in `records` and the one shown (`call`, 1 for the first), saved yet or not,
         and the row of earlier calls still open; returns how many calls the day has. */
      show: function (records, date, call) {
        showWaiting(records, date);
        var day = records.filter(function (record) { return record.date === date; });
        var calls = day.map(function (record) { return record.call || 1; });
        if (calls.indexOf(call) < 0) calls.push(call);
        calls.sort(function (a, b) { return a - b; });
        var focused = row.contains(document.activeElement);
        row.textContent = "";
        row.hidden = calls.length < 2;
        if (row.hidden) return calls.length;
        var when = { day: Playbook.dates.day(date, "long-weekday") };
        var words = runs ? Playbook.t("assessment.runs_that_day", when) : Playbook.t("assessment.calls_that_day", when);
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
