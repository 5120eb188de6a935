/* The rep and the day of a form about one meeting, when its notes have them (a note's kind in the data): the
   rep's line shows the rep chosen in the picker, typed only under "Me"; the day's line is a date field holding
   the day the answers are saved under, so a ride-along written up on Monday still counts from Friday's call.
   A day changed is handed to `move(day)`, which moves the saved answers there, after any call saved that day
   (form.dataset.call then says which), or says why it can't (words), once the manager leaves the field or
   presses Enter: typed digit by digit, the field passes through days
   such as 23 October 0002 on the way. Only a day to come is refused as soon as it is typed: no day on the way to
   another is. Without JS both are lines to write on. */
(function (Playbook) {
  "use strict";

  /* How far back a call may be dated: further is taken for a slip in the year. */
  var EARLIEST_DAYS = 365;

  /* How long a form about one meeting keeps it open (data-stays-open-days): that many days after the meeting,
     and on to the next working day (Playbook.workdays), so a Thursday's ride-along still opens on Monday.
     until(form, day): the last day the meeting of `day` opens; since(form): the earliest meeting's day still
     open today. */
  Playbook.assessmentOpen = {
    until: function (form, day) {
      return Playbook.dates.iso(Playbook.workdays.onOrAfter(Playbook.dates.number(day) + (+form.dataset.staysOpenDays || 0)));
    },
    since: function (form) {
      return Playbook.dates.iso(Playbook.workdays.openSince(Playbook.dates.number(Playbook.workspace.today()), +form.dataset.staysOpenDays || 0));
    },
  };

  Playbook.assessmentDay = function (form, move) {
    var dayBox = form.querySelector("[data-note-kind=date]");
    var repBox = form.querySelector("[data-note-kind=rep]");
    var said = null;  /* the words beside the day field */
    var repHint = null;
    var shown = null;  /* the day the answers are saved under, as the field last showed it */
    var callSaid = "";  /* what the field says of the call shown, on a day of several */
    if (dayBox) {
      dayBox.type = "date";
      said = document.createElement("p");
      said.className = "pb-write-in__said pb-screen-only";
      said.id = dayBox.id + "-said";
      said.setAttribute("role", "status");
      dayBox.after(said);
      dayBox.setAttribute("aria-describedby", said.id);
      dayBox.addEventListener("blur", commit);
      dayBox.addEventListener("input", function () {
        if (dayBox.value > Playbook.workspace.today()) commit();
      });
      dayBox.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        commit();
      });
    }
    if (repBox) {
      repHint = document.createElement("p");
      repHint.className = "pb-write-in__hint pb-screen-only";
      repHint.id = repBox.id + "-picked";
      repHint.textContent = Playbook.t("assessment.rep_picked");
      repBox.after(repHint);
    }

    function commit() {
      var day = dayBox.value;
      if (day === shown) return;
      var today = Playbook.workspace.today();
      var why = !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) ? Playbook.t("assessment.give_day")
        : day > today ? Playbook.t("assessment.day_ahead")
        : day < Playbook.dates.iso(Playbook.dates.number(today) - EARLIEST_DAYS) ? Playbook.t("assessment.day_too_early")
        : move(day);
      if (!why) {
        shown = day;
        say(+form.dataset.call ? callSaid : Playbook.t("assessment.moved", { day: Playbook.dates.day(day, "long-weekday") }), false);
        return;
      }
      /* refused: the field shows again the day the answers are saved under, and the words say so */
      dayBox.value = shown;
      say(Playbook.t("assessment.day_kept", { why: why, day: Playbook.dates.day(shown, "long-weekday") }), true);
    }

    /* What the field says of `call` on a day of `total` calls: which it is, the others a press away ("" for one). */
    function callWords(day, call, total) {
      return total > 1 ? Playbook.t("assessment.call_of_day", { call: call, total: total, day: Playbook.dates.day(day, "long-weekday"), count: total - 1 }) : "";
    }

    /* Words beside the day field; `wrong`: they refuse the day typed (the field shows the one kept). */
    function say(words, wrong) {
      said.textContent = words;
      said.classList.toggle("pb-write-in__said--wrong", wrong);
    }

    return {
      owns: function (node) { return !!dayBox && node === dayBox; },
      /* The form showing the answers saved under `day` (and `call` of its `total`, when it has several), for the
         rep chosen. */
      show: function (day, call, total) {
        if (dayBox) {
          shown = day;
          dayBox.value = day;
          if (dayBox.max !== Playbook.workspace.today()) dayBox.max = Playbook.workspace.today();
          callSaid = callWords(day, call, total);
          say(callSaid, false);
        }
        if (repBox) {
          var rep = Playbook.workspace.whose(form);
          var picked = rep !== "me";
          if (picked) repBox.value = Playbook.workspace.name(rep);
          repBox.readOnly = picked;
          repHint.hidden = !picked;
          if (picked) repBox.setAttribute("aria-describedby", repHint.id);
          else repBox.removeAttribute("aria-describedby");
        }
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
