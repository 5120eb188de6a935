/* Playbook.commitments: what a 1:1's record means, defined once for the planner (one-to-one.js), the team view
   and the rep history: which 1:1s were held, what was written down, where each commitment stands, and how
   often it slipped.

   A commitment is kept, and changed, in the one-to-one record of the 1:1 it was agreed in (workspace.js):
     {text, owner: "rep" | "manager", due: date, done: null | date (false in version 1 files),
      dropped: date (optional: no longer relevant), drop_reason: text (optional),
      renegotiated: [{from: date, to: date, on: date, why: text (optional: what got in the way)}] (optional:
      each new due date agreed, the old kept)}
   A record's 1:1 was held when it says held: true (the planner's "Record this 1:1 as held", or a commitment
   added in it on its day or after). A record from before held existed counts as held when it has commitments:
   the planner wrote them only after a meeting. held: false says it was taken back, or is still to come.

   A commitment slips each time a due date passes unmet: on a day its due date is moved later, and at each
   later 1:1 it is carried into still open and past its due date. A 1:1 where it is moved counts once; one
   ticked done at a 1:1 was not carried past it (its done date is the day it was ticked, or the earlier day the
   manager gives as the day it was done; ticked at a 1:1 after its due date, it was reported done there, and is
   late only by the 1:1s it slipped at); one dropped at a 1:1 it came into overdue slipped there, and dropping
   it doesn't undo that.

     held(record)               true when the record's 1:1 took place
     notes(data)                what was written down in a 1:1, from its record's data: [{box, label, text}] in
                                the page's order, [] when nothing (workspace-file.js checks each note's shape)
     heldDates(records)         the dates of the held 1:1s among `records`, oldest first
     heldUpTo(records, day)     those on `day` or before it: the 1:1s a commitment can have slipped at by then,
                                as the planner, the team view and the rep history all count them
     state(commitment)          "open", "done" or "dropped"
     closed(commitment)         the date it was done or dropped, or null while open
     moves(commitment)          its renegotiations, oldest first ([] when none)
     reportedAt(commitment, records, meeting)  {first} for one done after its due date and ticked at a
                                1:1: its done date is a 1:1's (one of `records`, held or planned, or `meeting`, the
                                one being planned); `first` when no 1:1 held since the due date found it still
                                open. The day it was really done is not known, so it is not counted in working days
                                late (a weekly 1:1 comes after most due dates, and a rep read as late every time):
                                one carried open through a 1:1 says so by its slips. Else null.
     daysLate(commitment, records, manager, meeting)  how many working days after its due date it was done (0 when
                                on time, reported done at a 1:1 (reportedAt), or not done)
     overdueBy(commitment, records, day, manager)  how many working days it is overdue on `day` (0 when not
                                overdue or closed)
                                Both count the working days after the due date (time-away.js's overdueDays), at
                                least 1 once it has passed, not the days its owner was away
                                (`records`: the rep's, `manager`: the manager's own, time-away.js), as leave
                                pauses the rhythm's meetings: the manager's run on through the rep's leave. One
                                due while its owner is away falls due the day they are back, as a 1:1 does.
     wasDue(commitment, format, records, manager)
                                each due date it had before, `format`ted, with what got in the way when written:
                                missed when the new date was agreed once it was overdue (as overdueBy counts), else
                                moved
     list(records)              every commitment in `records`: [{record, index, commitment}], oldest 1:1 first
     agreed(records, date)      what "Agreed last time" shows at the 1:1 of `date`: the commitments of earlier
                                1:1s still open, and those closed since the last 1:1 held before it, to be
                                acknowledged there once; after it they stay only in the rep's history
     slips(entry, meetings)     how many times it slipped by the 1:1s of `meetings` (dates)
     times(count)               "once", "twice", "three times", … (count above 0)
     slipped(count)             the count as a manager says it: "slipped once", "slipped twice", "" for none
     stalls(commitment, count, root)  for a rep's commitment slipped at as many 1:1s as root's data-stalls-after
                                (data/when_coaching_stalls.yml's check_ins), a line pointing to when coaching isn't
                                working (its address data-stalls-url), as a node; else null. The same change not
                                happening at that many check-ins is where the handbook's path starts, once its cause
                                has been acted on (a manager's case: a rep under the floor slipped three times and no
                                tool said so); the manager's own slipping is not the rep's path (a reviewer). */
(function (Playbook) {
  "use strict";

  function commitmentsOf(record) {
    return Array.isArray(record.data.commitments) ? record.data.commitments : [];
  }

  function notes(data) {
    return data.write_in || [];
  }

  function held(record) {
    if (typeof record.data.held === "boolean") return record.data.held;
    return commitmentsOf(record).length > 0;
  }

  function heldDates(records) {
    return records.filter(held).map(function (record) { return record.date; }).sort();
  }

  function heldUpTo(records, day) {
    return heldDates(records).filter(function (date) { return date <= day; });
  }

  function state(commitment) {
    if (typeof commitment.dropped === "string") return "dropped";
    return typeof commitment.done === "string" ? "done" : "open";
  }

  function closed(commitment) {
    var now = state(commitment);
    return now === "dropped" ? commitment.dropped : now === "done" ? commitment.done : null;
  }

  function moves(commitment) {
    return Array.isArray(commitment.renegotiated) ? commitment.renegotiated.slice().sort(function (a, b) { return a.on < b.on ? -1 : a.on > b.on ? 1 : 0; }) : [];
  }
  /* A due day passed is a day late even when its owner has been away every working day since (due on the
     Friday before a fortnight's holiday), so the commitment stays listed, with the day they are back. */
  function daysAgainst(commitment, due, to, records, manager) {
    var owner = commitment.owner === "manager" ? manager || [] : records;
    /* due on a day off: due the next working day; due while its owner is away: due the working day they are back */
    var dueOn = Playbook.workdays.onOrAfterIso(due);
    var away = Playbook.timeAway.awayOn(owner, dueOn);
    var from = away ? Playbook.workdays.onOrAfterIso(away.back) : dueOn;
    return Playbook.timeAway.overdueDays(owner, from, to);
  }

  function reportedAt(commitment, records, meeting) {
    if (state(commitment) !== "done" || !(commitment.done > commitment.due)) return null;
    var oneToOnes = records.filter(function (record) { return record.kind === "one-to-one"; });
    var onADay = oneToOnes.some(function (record) { return record.date === commitment.done; }) || meeting === commitment.done;
    if (!onADay) return null;
    var carried = heldDates(oneToOnes).some(function (day) { return day > commitment.due && day < commitment.done; });
    return { first: !carried };
  }

  function daysLate(commitment, records, manager, meeting) {
    var late = state(commitment) === "done" && commitment.done > commitment.due && !reportedAt(commitment, records, meeting);
    return late ? daysAgainst(commitment, commitment.due, commitment.done, records, manager) : 0;
  }

  function overdueBy(commitment, records, day, manager) {
    return state(commitment) === "open" && commitment.due < day ? daysAgainst(commitment, commitment.due, day, records, manager) : 0;
  }

  function wasDue(commitment, format, records, manager) {
    return moves(commitment).map(function (move) {
      var words = { day: format(move.from), why: move.why };
      if (!move.why) return words.day;
      var missed = move.on > move.from && daysAgainst(commitment, move.from, move.on, records, manager) > 0;
      return missed ? Playbook.t("plan_one_to_one.was_due_because", words) : Playbook.t("plan_one_to_one.was_moved_because", words);
    });
  }


  function list(records) {
    var found = [];
    records.slice().sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; }).forEach(function (record) {
      commitmentsOf(record).forEach(function (commitment, index) { found.push({ record: record, index: index, commitment: commitment }); });
    });
    return found;
  }

  function agreed(records, date) {
    var before = records.filter(function (record) { return record.date < date; });
    var previous = heldDates(before).pop() || "";
    return list(before).filter(function (entry) {
      var at = closed(entry.commitment);
      return !at || at > previous;
    });
  }

  /* The due date it went into `day` with: a move made that day (at the 1:1) came after. */
  function dueGoingInto(commitment, day) {
    var later = moves(commitment).filter(function (move) { return move.on >= day; })[0];
    return later ? later.from : commitment.due;
  }

  function slips(entry, meetings) {
    var commitment = entry.commitment;
    var end = closed(commitment);
    var days = Object.create(null);
    moves(commitment).forEach(function (move) {
      if (move.to > move.from) days[move.on] = true;
    });
    meetings.forEach(function (day) {
      var carried = !end || end > day || (end === day && state(commitment) === "dropped");
      if (day > entry.record.date && carried && dueGoingInto(commitment, day) < day) days[day] = true;
    });
    return Object.keys(days).length;
  }

  /* Up to ten in words, as a manager says it; above, in figures. */
  function times(count) {
    var words = [
      "", Playbook.t("commitments.once"), Playbook.t("commitments.twice"), Playbook.t("commitments.three_times"),
      Playbook.t("commitments.four_times"), Playbook.t("commitments.five_times"), Playbook.t("commitments.six_times"),
      Playbook.t("commitments.seven_times"), Playbook.t("commitments.eight_times"), Playbook.t("commitments.nine_times"),
      Playbook.t("commitments.ten_times")
    ];
    return words[count] || Playbook.t("commitments.times", { count: count });
  }

  function slipped(count) {
    return count ? Playbook.t("commitments.slipped", { times: times(count) }) : "";
  }

  function stalls(commitment, count, root) {
    var after = Number(root.dataset.stallsAfter);
    if (commitment.owner !== "rep" || !after || count < after) return null;
    var line = document.createElement("span");
    var link = document.createElement("a");
    link.href = root.dataset.stallsUrl;
    link.textContent = Playbook.t("commitments.stalls_link");
    var words = Playbook.t("commitments.stalls", { link: "\u0000" }).split("\u0000");
    line.append(words[0], link, words.slice(1).join(""));
    return line;
  }

  Playbook.commitments = { stalls: stalls, held: held, notes: notes, heldDates: heldDates, heldUpTo: heldUpTo, state: state, closed: closed, moves: moves, wasDue: wasDue, reportedAt: reportedAt, daysLate: daysLate, overdueBy: overdueBy, list: list, agreed: agreed, slips: slips, times: times, slipped: slipped };
})((window.Playbook = window.Playbook || { widgets: [] }));
