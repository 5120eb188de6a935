/* Playbook.timeAway: a rep's leave, as the Reps and saved answers page records it (an away record: dated the
   first day away, data.back the first day back), and what it means for the coaching rhythm. Leave pauses the
   rhythm: a rep away owes no 1:1 or ride-along, and the days away don't count towards the next one, so a week's
   holiday moves the next 1:1 a week later, and one sick day doesn't wipe out a 1:1 already overdue.

     KIND, TOOL                  the record's kind and tool
     periods(records)            [{from, back, record}] of a rep's records, by first day away
     awayOn(records, day)        the period the rep is away on `day`, or null
     dueBy(from, records, days)  the day the next meeting is due: `days` days after `from` (the last one, or the
                                 day the rep was added), not counting the days away in between
     awayBefore(records, from, day)  the first period starting after `from` and on or before `day`, or null:
                                 leave coming before a meeting due by `day` */
(function (Playbook) {
  "use strict";

  var KIND = "away";
  var TOOL = "time-away";

  function periods(records) {
    return records.filter(function (record) { return record.kind === KIND && record.tool === TOOL; })
      .map(function (record) { return { from: record.date, back: record.data.back, record: record }; })
      .sort(function (a, b) { return a.from < b.from ? -1 : a.from > b.from ? 1 : 0; });
  }

  function awayOn(records, day) {
    return periods(records).filter(function (period) { return period.from <= day && day < period.back; })[0] || null;
  }

  /* The days away as day numbers [first, last + 1), overlapping leave merged so no day counts twice. */
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

  /* Each span of leave after `from` that starts by the day due so far pushes that day on by its length: jumping
     span by span, so even leave entered as years long costs no more than one step. */
  function dueBy(from, records, days) {
    var start = Playbook.dates.number(from);
    var due = start + days;
    spans(records).forEach(function (span) {
      var first = Math.max(span[0], start + 1);
      if (first <= due && span[1] > first) due += span[1] - first;
    });
    return Playbook.dates.iso(due);
  }

  function awayBefore(records, from, day) {
    return periods(records).filter(function (period) { return period.from > from && period.from <= day; })[0] || null;
  }

  Playbook.timeAway = { KIND: KIND, TOOL: TOOL, periods: periods, awayOn: awayOn, dueBy: dueBy, awayBefore: awayBefore };
})((window.Playbook = window.Playbook || { widgets: [] }));
