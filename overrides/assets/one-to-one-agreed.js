/* Plan a 1:1's "Agreed last time" (one-to-one.js draws the rest of the page): each commitment from an earlier
   1:1 with its tick; while open, its other outcomes folded away, a new due date agreed (with what got in the
   way) or dropped (with why); once dropped, a Take back. Each change rewrites the record the commitment was
   made in, where it is known by its place in the list (commitments.js says what each field means), then has
   the page drawn again with the keyboard kept on that commitment.

     Playbook.agreedList(form, planner)  returns show(entries), which draws them in the form's
                                         [data-plan-agreed] list and hides [data-plan-agreed-none] unless there
                                         are none; what happened is said in [data-plan-status]. `planner` gives
                                         what the planner knows:
       day()                    the date of the 1:1 being planned
       save(date, data)         writes `data` as the rep's 1:1 record of `date`; false when it could not
       keep()                   writes the record of the 1:1 being planned as it stands, so its day is known as a
                                1:1's; false when it could not
       redraw()                 draws the whole page again
       describe(commitment, day), shownDay(iso), item(text), button(label, action)
                                the planner's own words and elements, so both lists read alike */
(function (Playbook) {
  "use strict";

  Playbook.agreedList = function (form, planner) {
    var status = form.querySelector("[data-plan-status]");
    /* The commitment just ticked after its due date: drawn with "Done on an earlier day?" open, so the day it was
       really done is asked for there and then (a rep's record read "2 working days after it was due" for work
       done on time, the question folded away). */
    var tickedLate = null;

    function today() {
      return Playbook.workspace.today();
    }

    /* The day a tick, a drop or a new date is recorded on: the 1:1's, or today when the manager looks ahead
       to a 1:1 still to come. A commitment closed on the day of a 1:1 was dealt with in it. */
    function actionDay() {
      return planner.day() < today() ? planner.day() : today();
    }

    function entryKey(entry) {
      return entry.record.date + "-" + entry.index;
    }

    /* A field with its label, for the ways to change a commitment; ids from the commitment's place. */
    function field(type, label, id) {
      var p = document.createElement("p");
      var input = document.createElement("input");
      input.type = type;
      input.id = id;
      var text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = label;
      p.append(text, " ", input);
      return { line: p, input: input };
    }

    /* An open commitment's other outcomes, folded away: done on an earlier day than the tick's, a new due date
       agreed, or dropped with why. Their buttons are described by the commitment's words (`said`, an id), so a
       screen reader says which. */
    function changes(entry, said) {
      var earlier = earlierDay(entry, said);
      var date = field("date", Playbook.t("plan_one_to_one.new_due_date"), "plan-new-due-" + entryKey(entry));
      var slip = field("text", Playbook.t("plan_one_to_one.slip_why"), "plan-slip-why-" + entryKey(entry));
      slip.input.maxLength = 300;
      slip.input.autocomplete = "off";
      var move = planner.button(Playbook.t("plan_one_to_one.agree_new_date"), function () { renegotiate(entry, date.input, slip.input.value.trim()); });
      move.setAttribute("aria-describedby", said);
      slip.line.append(" ", move);
      var why = field("text", Playbook.t("plan_one_to_one.drop_why"), "plan-drop-why-" + entryKey(entry));
      why.input.maxLength = 300;
      why.input.autocomplete = "off";
      var drop = planner.button(Playbook.t("plan_one_to_one.drop"), function () {
        var reason = why.input.value.trim();
        change(entry, function (commitment) {
          commitment.done = null;
          commitment.dropped = actionDay();
          if (reason) commitment.drop_reason = reason;
        }, Playbook.t("plan_one_to_one.dropped", { text: entry.commitment.text }));
      });
      drop.setAttribute("aria-describedby", said);
      why.line.append(" ", drop);
      return disclosure(Playbook.t("plan_one_to_one.change_summary"), [earlier.line, date.line, slip.line, why.line]);
    }

    /* A commitment's further outcomes, folded away under `title`. */
    function disclosure(title, lines) {
      var details = document.createElement("details");
      details.className = "pb-plan__change";
      var summary = document.createElement("summary");
      summary.textContent = title;
      details.append.apply(details, [summary].concat(lines));
      return details;
    }

    /* The day it was done, when earlier than the tick's: from the 1:1 it was agreed in up to the day of the
       change (actionDay: the 1:1's, when one already past is written up). */
    function earlierDay(entry, said) {
      var earlier = field("date", Playbook.t("plan_one_to_one.done_on_day"), "plan-done-on-" + entryKey(entry));
      earlier.input.min = entry.record.date;
      earlier.input.max = actionDay();
      var doneThen = planner.button(Playbook.t("plan_one_to_one.mark_done_then"), function () { doneOn(entry, earlier.input); });
      doneThen.setAttribute("aria-describedby", said);
      earlier.line.append(" ", doneThen);
      return earlier;
    }

    /* Counted at the 1:1 being planned: one ticked there was reported done there, not counted late. */
    function lateBy(commitment) {
      return Playbook.commitments.daysLate(commitment, Playbook.workspace.records(), Playbook.workspace.records({ rep: Playbook.timeAway.MANAGER }), planner.day());
    }

    /* A commitment from an earlier 1:1: open, with a tick and its other outcomes; done, with its tick to take
       back, and, when done after its due date (late, or reported done at a 1:1), a way to give
       the day it was really done; dropped, with a button to take that back.
       Each change rewrites the record it was made in. */
    function agreedItem(entry) {
      var commitment = entry.commitment;
      var now = Playbook.commitments.state(commitment);
      var words = Playbook.t("plan_one_to_one.agreed_on", { commitment: planner.describe(commitment, today(), planner.day()), day: planner.shownDay(entry.record.date) });
      var li = planner.item(now === "dropped" ? words : "");
      var said = "plan-said-" + entryKey(entry);
      if (Playbook.commitments.overdueBy(commitment, Playbook.workspace.records(), today(), Playbook.workspace.records({ rep: Playbook.timeAway.MANAGER }))) li.className = "pb-plan__overdue";
      if (now === "dropped") {
        var back = planner.button(Playbook.t("plan_one_to_one.take_back"), function () {
          change(entry, function (stored) {
            delete stored.dropped;
            delete stored.drop_reason;
          }, Playbook.t("plan_one_to_one.open_again", { text: commitment.text }));
        });
        back.id = "plan-back-" + entryKey(entry);
        li.firstChild.id = said;
        back.setAttribute("aria-describedby", said);
        li.append(" ", back);
        return li;
      }
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "plan-done-" + entryKey(entry);
      box.checked = now === "done";
      var label = document.createElement("label");
      label.htmlFor = box.id;
      label.id = said;
      label.textContent = words;
      li.firstChild.replaceWith(box, " ", label);
      box.addEventListener("change", function () {
        setDone(entry, box.checked ? actionDay() : null);
      });
      var pointer = now === "open" && Playbook.commitments.stalls(commitment, commitment.slips || 0, form);
      if (pointer) li.append(" ", pointer);
      if (now === "open") li.append(changes(entry, said));
      if (now === "done" && commitment.done > commitment.due) {
        var asked = li.appendChild(disclosure(Playbook.t("plan_one_to_one.done_earlier_summary"), [earlierDay(entry, said).line]));
        asked.open = tickedLate === entryKey(entry);
      }
      return li;
    }

    /* Rewrites the commitment's record with `edit` applied, says `said`, and keeps the keyboard on the
       commitment (its tick, or its Take back once dropped). */
    function change(entry, edit, said) {
      var data = JSON.parse(JSON.stringify(entry.record.data));
      edit(data.commitments[entry.index]);
      if (planner.save(entry.record.date, data)) status.textContent = said;
      planner.redraw();
      var again = document.getElementById("plan-done-" + entryKey(entry)) || document.getElementById("plan-back-" + entryKey(entry));
      if (again) again.focus();
    }

    /* Ticked after its due date, the words say where to give the day it was done if that was in time. Ticked at
       the 1:1, that 1:1's record is kept too, so the rep's history, reading the records alone, knows the tick came
       at a 1:1 (commitments.reportedAt). */
    function setDone(entry, done) {
      var said = { text: entry.commitment.text };
      if (done && done === planner.day()) planner.keep();
      var late = done && lateBy(Object.assign({}, entry.commitment, { done: done }));
      tickedLate = late ? entryKey(entry) : null;
      change(entry, function (commitment) { commitment.done = done; }, late ? Playbook.t("plan_one_to_one.marked_done_late", said) : done ? Playbook.t("plan_one_to_one.marked_done", said) : Playbook.t("plan_one_to_one.open_again", said));
    }

    /* Whether `problem` (words, or null) stops a change: then `input` is marked and focused and the words said. */
    function refused(input, problem) {
      if (!problem) return false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      status.textContent = problem;
      return true;
    }

    /* Done on the day the manager gives, when the rep did it before the 1:1 that hears of it: a tick alone
       dates it the tick's day, which would read as late whatever the rep did. It can have been done from the
       1:1 it was agreed in up to the tick's day. */
    function doneOn(entry, input) {
      var day = input.value;
      var problem = !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) ? Playbook.t("plan_one_to_one.give_done_day")
        : day < entry.record.date || day > actionDay() ? Playbook.t("plan_one_to_one.done_day_outside", { from: planner.shownDay(entry.record.date), to: planner.shownDay(actionDay()) }) : null;
      if (refused(input, problem)) return;
      change(entry, function (commitment) { commitment.done = day; }, Playbook.t("plan_one_to_one.marked_done_on", { day: planner.shownDay(day), text: entry.commitment.text }));
    }

    /* A new due date agreed: the old one kept in renegotiated, which counts a move to a later date as a slip,
       with what got in the way when the manager wrote it (`why`). */
    function renegotiate(entry, input, why) {
      var to = input.value;
      var problem = !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(to) ? Playbook.t("plan_one_to_one.give_new_date")
        : to === entry.commitment.due ? Playbook.t("plan_one_to_one.same_date")
        : to < actionDay() ? Playbook.t("plan_one_to_one.new_date_past", { day: planner.shownDay(actionDay()) }) : null;
      if (refused(input, problem)) return;
      change(entry, function (commitment) {
        var move = { from: commitment.due, to: to, on: actionDay() };
        if (why) move.why = why;
        commitment.renegotiated = (commitment.renegotiated || []).concat([move]);
        commitment.due = to;
      }, Playbook.t("plan_one_to_one.new_date_agreed", { day: planner.shownDay(to), text: entry.commitment.text }));
    }

    /* Draws `entries` ([{record, index, commitment}], from the planner's agreedBefore: the commitment a copy
       with its slips counted) in the list, or the line that says there is nothing. */
    return function show(entries) {
      var list = form.querySelector("[data-plan-agreed]");
      list.textContent = "";
      entries.forEach(function (entry) { list.append(agreedItem(entry)); });
      form.querySelector("[data-plan-agreed-none]").hidden = entries.length > 0;
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
