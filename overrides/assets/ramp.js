/* Playbook.ramp: a new rep on the ramp plan (data/ramp.yml), as the 1:1 planner records their first day (a
   start record of the rep: kind "start", tool "ramp", dated that day) and the team view reads it. Day 1 is the
   first day; a milestone of day N is reviewed on the first day + N - 1, or the next working day, moved on by
   each working day the rep is away after the first day (Playbook.timeAway.dueBy, as a 1:1 is): a review never
   falls on a Saturday, and a fortnight's leave in the first month moves the day-30 review (a sales leader).

     KIND, TOOL                         the start record's kind and tool
     start(records)                     the rep's start record among `records` (the one saved last), or null
     milestones(root)                   the ramp plan's milestones as a page lists them ([data-ramp-milestones]):
                                        [{day, href, name, figures}] in the plan's order
     day(first, date)                   the day of the ramp plan `date` falls on
     reviewOn(first, day, records)      the day a milestone of day `day` is reviewed, given the rep's `records`
     upcoming(list, first, date, records)  the first milestone reviewed on or after `date`: {milestone, on, moved}
                                        (moved: later than its day, for the rep's time away), or null past the last */
(function (Playbook) {
  "use strict";

  var KIND = "start";
  var TOOL = "ramp";

  /* the one saved last: two files merged may each hold one (a checker: the later-dated won) */
  function start(records) {
    return records.filter(function (record) { return record.kind === KIND && record.tool === TOOL; })
      .reduce(function (last, record) { return !last || String(record.saved || "") >= String(last.saved || "") ? record : last; }, null);
  }

  function milestones(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-ramp-milestones] li"), function (li) {
      var figures = li.querySelector("[data-figures]");
      return { day: Number(li.dataset.day), href: li.dataset.href, name: li.querySelector("[data-name]").textContent.trim(), figures: figures ? figures.textContent.trim() : "" };
    });
  }

  function day(first, date) {
    return Playbook.dates.number(date) - Playbook.dates.number(first) + 1;
  }

  function reviewOn(first, number, records) {
    return Playbook.timeAway.dueBy(first, records || [], number - 1);
  }

  function upcoming(list, first, date, records) {
    for (var i = 0; i < list.length; i += 1) {
      var on = reviewOn(first, list[i].day, records);
      if (on >= date) return { milestone: list[i], on: on, moved: on !== reviewOn(first, list[i].day, []) };
    }
    return null;
  }

  Playbook.ramp = { KIND: KIND, TOOL: TOOL, start: start, milestones: milestones, day: day, reviewOn: reviewOn, upcoming: upcoming };
})((window.Playbook = window.Playbook || { widgets: [] }));
