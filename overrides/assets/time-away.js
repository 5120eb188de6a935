/* Playbook.timeAway: a rep's leave, as the Reps and saved answers page records it (an away record: dated the
   first day away, data.back the first day back), and what it means for the coaching rhythm. A rep away
   owes no 1:1 or ride-along; once back, the rhythm counts from the day back, as a manager books the first
   1:1 after a leave, not from a meeting held before it.

     KIND, TOOL                  the record's kind and tool
     periods(records)            [{from, back, record}] of a rep's records, by first day away
     awayOn(records, day)        the period the rep is away on `day`, or null
     lastBack(records, day)      the latest day back on or before `day`, or null
     countsFrom(last, records, day, added)  the day the rhythm counts from on `day`: the later of the last
                                 meeting and the last day back; with no meeting, the later of the day the
                                 rep was added (null when not known) and the last day back; null if none */
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

  function lastBack(records, day) {
    var backs = periods(records).map(function (period) { return period.back; }).filter(function (back) { return back <= day; }).sort();
    return backs.length ? backs[backs.length - 1] : null;
  }

  function later(a, b) {
    return !a ? b : !b ? a : a > b ? a : b;
  }

  function countsFrom(last, records, day, added) {
    return later(last || added || null, lastBack(records, day));
  }

  Playbook.timeAway = { KIND: KIND, TOOL: TOOL, periods: periods, awayOn: awayOn, lastBack: lastBack, countsFrom: countsFrom };
})((window.Playbook = window.Playbook || { widgets: [] }));
