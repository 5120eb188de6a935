/* Playbook.ramp: a new rep on the ramp plan (data/ramp.yml), as the 1:1 planner records their first day (a
   start record of the rep: kind "start", tool "ramp", dated that day) and the team view reads it. Day 1 is the
   first day; a milestone of day N falls on the first day + N - 1.

     KIND, TOOL             the start record's kind and tool
     start(records)         the rep's start record among `records` (the last one saved), or null
     milestones(root)       the ramp plan's milestones as a page lists them ([data-ramp-milestones]):
                            [{day, href, name, figures}] in the plan's order
     day(first, date)       the day of the ramp plan `date` falls on
     dateOf(first, day)     the date of the ramp plan's day `day`
     next(milestones, day)  the first milestone on or after `day`, or null past the last */
(function (Playbook) {
  "use strict";

  var KIND = "start";
  var TOOL = "ramp";

  function start(records) {
    return records.filter(function (record) { return record.kind === KIND && record.tool === TOOL; }).slice(-1)[0] || null;
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

  function dateOf(first, number) {
    return Playbook.dates.iso(Playbook.dates.number(first) + number - 1);
  }

  function next(list, number) {
    return list.filter(function (milestone) { return milestone.day >= number; })[0] || null;
  }

  Playbook.ramp = { KIND: KIND, TOOL: TOOL, start: start, milestones: milestones, day: day, dateOf: dateOf, next: next };
})((window.Playbook = window.Playbook || { widgets: [] }));
