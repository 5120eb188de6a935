/* Playbook.timeAway: a rep's leave, as the Reps and saved answers page records it (an away record: dated the
   first day away, data.back the first day back), and what it means for the coaching rhythm. Leave pauses the
   rhythm: a rep away owes no 1:1 or ride-along, and the days away count neither towards the next one nor as
   days overdue, so a week's holiday moves the next 1:1 a week later, and one sick day doesn't wipe out a 1:1
   already overdue. Overlapping leave (sick on holiday) is one time away, back on the last day back. The
   manager's own leave is kept the same way, as the reader's ("me", MANAGER): it pauses the meetings with every
   rep, and the manager's own commitments, as a rep's leave does theirs.

     KIND, TOOL                  the record's kind and tool
     MANAGER                     whose records hold the manager's own leave
     periods(records)            [{from, back, record}] of a rep's records as entered, by first day away
     all(records)                every time away as [{from, back}], overlapping leave as one, earliest first
     awayOn(records, day)        {from, back} of the time away `day` falls in, or null
     dueBy(from, records, days)  the day the next meeting is due: `days` days after `from` (the last one, or the
                                 day the rep was added), on to the next working day (Playbook.workdays), and one
                                 working day later for each working day the rep is away before it
     daysPresent(records, from, to)  the working days after `from` up to `to` that the rep was not away (on a
                                 Saturday, up to Friday: Monday has not happened yet)
     overdueDays(records, due, to)  how late something due on `due` is on `to`: daysPresent, at least 1 once
                                 `due` has passed, 0 before
     awayAfter(records, from, day)  the first time away starting after `from` and on or before `day`, or null */
(function (Playbook) {
  "use strict";

  var KIND = "away";
  var TOOL = "time-away";
  var MANAGER = "me";

  function periods(records) {
    return records.filter(function (record) { return record.kind === KIND && record.tool === TOOL; })
      .map(function (record) { return { from: record.date, back: record.data.back, record: record }; })
      .sort(function (a, b) { return a.from < b.from ? -1 : a.from > b.from ? 1 : 0; });
  }

  /* The one definition of the days away: [first, first day back) as day numbers, leave that overlaps or runs
     on into more leave merged, so no day counts twice. */
  function spans(records) {
    var merged = [];
    periods(records).forEach(function (period) {
      var span = [Playbook.dates.number(period.from), Playbook.dates.number(period.back)];
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span);
    });
    return merged;
  }

  function asDates(span) {
    return { from: Playbook.dates.iso(span[0]), back: Playbook.dates.iso(span[1]) };
  }

  function all(records) {
    return spans(records).map(asDates);
  }

  function awayOn(records, day) {
    var number = Playbook.dates.number(day);
    var span = spans(records).filter(function (each) { return each[0] <= number && number < each[1]; })[0];
    return span ? asDates(span) : null;
  }

  /* Each span of leave after `from` that starts by the day due so far pushes that day on by the working days
     it covers (a Friday off moves a Tuesday 1:1 to Wednesday, not to Friday): jumping span by span, so even
     leave entered as years long costs no more than one step. */
  function dueBy(from, records, days) {
    var work = Playbook.workdays;
    var start = Playbook.dates.number(from);
    var due = work.onOrAfter(start + days);
    spans(records).forEach(function (span) {
      var first = Math.max(span[0], start + 1);
      if (first <= due && span[1] > first) due = work.add(due, work.count(first - 1, span[1] - 1));
    });
    return Playbook.dates.iso(due);
  }

  /* Counted up to `to` itself: on a Saturday, the working days so far (Monday's has not happened yet). */
  function daysPresent(records, from, to) {
    var work = Playbook.workdays;
    var start = Playbook.dates.number(from);
    var end = Playbook.dates.number(to);
    return spans(records).reduce(function (days, span) {
      var first = Math.max(span[0], start + 1);
      var back = Math.min(span[1], end + 1);
      return days - (back > first ? work.count(first - 1, back - 1) : 0);
    }, work.count(start, end));
  }

  /* How late something due on `due` is on `to`, as every page says it: the working days present since, and a
     day at least once its day has passed (due on Friday, on the Saturday). */
  function overdueDays(records, due, to) {
    return due < to ? Math.max(1, daysPresent(records, due, to)) : 0;
  }

  function awayAfter(records, from, day) {
    var after = Playbook.dates.number(from);
    var by = Playbook.dates.number(day);
    var span = spans(records).filter(function (each) { return each[0] > after && each[0] <= by; })[0];
    return span ? asDates(span) : null;
  }

  Playbook.timeAway = { KIND: KIND, TOOL: TOOL, MANAGER: MANAGER, periods: periods, all: all, awayOn: awayOn, dueBy: dueBy, daysPresent: daysPresent, overdueDays: overdueDays, awayAfter: awayAfter };
})((window.Playbook = window.Playbook || { widgets: [] }));
