/* Playbook.ramp: a new rep on the ramp plan (data/ramp.yml), as the 1:1 planner records their first day (a
   start record of the rep: kind "start", tool "ramp", dated that day) and each milestone's review (the 1:1 marked
   as it: a one-to-one record whose data says milestone: its id), and the team view reads them. Day 1 is the
   first day; a milestone of day N is reviewed on the first day + N - 1, or the next working day, moved on by
   each working day the rep is away after the first day (Playbook.timeAway.dueBy, as a 1:1 is): a review never
   falls on a Saturday, and a fortnight's leave in the first month moves the day-30 review (a sales leader).

     KIND, TOOL                         the start record's kind and tool
     SOON                               how many days before its day a review may be marked on a 1:1, and the
                                        team view counts it as coming up: a day-30 review's checks (a first
                                        meeting joined, two calls heard) take booking, and a week's notice is
                                        too late (a sales leader)
     start(records)                     the rep's start record among `records` (the one saved last), or null
     milestones(root)                   the ramp plan's milestones as a page lists them ([data-ramp-milestones]):
                                        [{id, day, href, name, figures, activity, looks, ifBehind, checks}] in
                                        the plan's order (figures: its activity figures as one text; activity,
                                        looks, checks: the elements holding each figure, each line of what good
                                        looks like, each way the manager checks; ifBehind: the element holding
                                        what to do if the rep is behind, or null)
     day(first, date)                   the day of the ramp plan `date` falls on
     opened(on, date)                   whether a review due `on` may be held at `date`: less than SOON days ahead
     reviews(list, first, records, date)  the rep's milestone reviews at `date`: {each: [{milestone, on, moved,
                                        meeting}] (on: the day it is due; moved: later than its day, for the rep's
                                        time away; meeting: the 1:1 marked as its review, {date, held, outcome:
                                        "on-track", "behind" or null}, or null),
                                        next: of those after the last one held, the latest opened by `date`, else
                                        the first (a review never recorded doesn't hold up the next: a sales
                                        leader), or null once the last is held; passed: those before next and
                                        after the last held, not recorded as held; last: the last one; ends: the
                                        day the rep leaves the ramp plan, AFTER days after the last review is
                                        held, Infinity until it is (a sales leader: the day-90 review, where
                                        targets and often probation are decided, dropped off unheld)} */
(function (Playbook) {
  "use strict";

  var KIND = "start";
  var TOOL = "ramp";
  var SOON = 14;
  /* days a rep stays listed after the last review is held */
  var AFTER = 14;

  /* the one saved last: two files merged may each hold one (a checker: the later-dated won) */
  function start(records) {
    return records.filter(function (record) { return record.kind === KIND && record.tool === TOOL; })
      .reduce(function (last, record) { return !last || String(record.saved || "") >= String(last.saved || "") ? record : last; }, null);
  }

  function milestones(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-ramp-milestones] li"), function (li) {
      var figures = li.querySelector("[data-figures]");
      function all(selector) { return Array.prototype.slice.call(li.querySelectorAll(selector)); }
      return { id: li.dataset.id, day: Number(li.dataset.day), href: li.dataset.href, name: li.querySelector("[data-name]").textContent.trim(), figures: figures ? figures.textContent.trim() : "", activity: all("[data-figure]"), looks: all("[data-looks]"), ifBehind: li.querySelector("[data-if-behind]"), checks: all("[data-check]") };
    });
  }

  function day(first, date) {
    return Playbook.dates.number(date) - Playbook.dates.number(first) + 1;
  }

  /* The day a milestone of day `number` is reviewed, given the rep's `records` (their time away moves it). */
  function reviewOn(first, number, records) {
    return Playbook.timeAway.dueBy(first, records || [], number - 1);
  }

  /* The 1:1s marked as a milestone's review, by its id: the held one where several are (the latest), else the
     latest still to be held; none before the first day (a first day changed later leaves such marks behind). */
  function marked(records, first) {
    var found = {};
    records.forEach(function (record) {
      var id = record.kind === "one-to-one" && record.data ? record.data.milestone : null;
      if (typeof id !== "string" || record.date < first) return;
      var meeting = { date: record.date, held: Playbook.commitments.held(record), outcome: record.data.milestone_outcome || null };
      var was = Object.prototype.hasOwnProperty.call(found, id) ? found[id] : null;
      if (!was || meeting.held > was.held || (meeting.held === was.held && meeting.date > was.date)) found[id] = meeting;
    });
    return found;
  }

  function opened(on, date) {
    return Playbook.dates.number(on) - Playbook.dates.number(date) < SOON;
  }

  function reviews(list, first, records, date) {
    var meetings = marked(records, first);
    var last = -1;
    var each = list.map(function (milestone, index) {
      var on = reviewOn(first, milestone.day, records);
      var meeting = Object.prototype.hasOwnProperty.call(meetings, milestone.id) ? meetings[milestone.id] : null;
      if (meeting && meeting.held) last = index;
      return { milestone: milestone, on: on, moved: on !== reviewOn(first, milestone.day, []), meeting: meeting };
    });
    var after = each.slice(last + 1);
    var open = after.filter(function (review) { return opened(review.on, date); });
    var next = open.length ? open[open.length - 1] : after[0] || null;
    var end = each[each.length - 1];
    return { each: each, next: next, passed: next ? after.slice(0, after.indexOf(next)) : [], last: end,
             ends: next || !end ? Infinity : Playbook.dates.number(end.meeting.date) + AFTER };
  }

  Playbook.ramp = { KIND: KIND, TOOL: TOOL, SOON: SOON, opened: opened, start: start, milestones: milestones, day: day, reviews: reviews };
})((window.Playbook = window.Playbook || { widgets: [] }));
