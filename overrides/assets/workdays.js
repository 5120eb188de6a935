/* Playbook.workdays: the team's working days (data/rhythm.yml working_days, less its days_off), so that a day a
   tool works out falls on a day the team works and days overdue are working days: a Friday deadline is one working
   day overdue on Monday, not three, and on Tuesday when Monday is a public holiday; a Thursday ride-along's
   next-day ratings can still be given on Monday. The tool that counts in them carries the weekdays as
   data-working-days (Sunday 0 to Saturday 6) and the days off as data-days-off ("YYYY-MM-DD", space-separated).
   Days are day numbers (Playbook.dates.number).

     working(day)           whether the team works on that day
     onOrAfter(day)         that day, or else the first working day after it
     onOrAfterIso(iso)      the same for a "YYYY-MM-DD" day, as one
     add(day, count)        the `count`th working day after the day (the day itself for 0)
     count(from, to)        the working days after `from` up to and including `to` (0 when `to` is not later)
     openSince(today, days) the earliest day whose form, kept open `days` days and on to the next working day,
                            is still open `today` */
(function (Playbook) {
  "use strict";

  var WEEK = 7;

  /* The team's week: `weekday(n)` whether it works that weekday, `off` its days off that fall on one, as day
     numbers, each once (a day listed twice must not be taken off twice). */
  function team() {
    var carrier = document.querySelector("[data-working-days]");
    if (!carrier) throw new Error("Playbook.workdays: no element on this page has data-working-days");
    var set = carrier.dataset.workingDays.split(" ").map(Number);
    var isWorking = function (number) { return set.indexOf(number) !== -1; };
    var off = (carrier.dataset.daysOff || "").split(" ").filter(Boolean).map(Playbook.dates.number)
      .filter(function (day, at, all) { return isFinite(day) && isWorking(weekday(day)) && all.indexOf(day) === at; });
    return { weekday: isWorking, off: off };
  }

  /* The team's days off after `from` up to and including `to`. */
  function offBetween(week, from, to) {
    return week.off.filter(function (day) { return day > from && day <= to; }).length;
  }

  function isWorkday(week, day) {
    return week.weekday(weekday(day)) && week.off.indexOf(day) === -1;
  }

  /* 1 January 1970, day 0, was a Thursday (4). */
  function weekday(day) {
    return ((day + 4) % WEEK + WEEK) % WEEK;
  }

  function working(day) {
    return isWorkday(team(), day);
  }

  function perWeek(isWorking) {
    var found = 0;
    for (var each = 0; each < WEEK; each += 1) if (isWorking(each)) found += 1;
    return found;
  }

  /* A day that is no number (a date mistyped in a hand-edited file) would never be a working day. */
  function checked(day) {
    if (!isFinite(day)) throw new Error("Playbook.workdays: " + day + " is not a day");
    return day;
  }

  function onOrAfter(day) {
    checked(day);
    var week = team();
    while (!isWorkday(week, day)) day += 1;
    return day;
  }

  function onOrAfterIso(iso) {
    return Playbook.dates.iso(onOrAfter(Playbook.dates.number(iso)));
  }

  /* Whole weeks first (any seven days hold every working weekday once, less the days off among them), then day
     by day: leave entered as years long costs a few steps. */
  function add(day, count) {
    var week = team();
    if (count <= 0) return day;
    var weeks = Math.floor((count - 1) / perWeek(week.weekday));
    count -= weeks * perWeek(week.weekday) - offBetween(week, day, day + weeks * WEEK);
    day += weeks * WEEK;
    while (count > 0) {
      day += 1;
      if (isWorkday(week, day)) count -= 1;
    }
    return day;
  }

  function count(from, to) {
    var week = team();
    if (to <= from) return 0;
    var weeks = Math.floor((to - from) / WEEK);
    var found = weeks * perWeek(week.weekday) - offBetween(week, from, from + weeks * WEEK);
    for (var day = from + weeks * WEEK + 1; day <= to; day += 1) if (isWorkday(week, day)) found += 1;
    return found;
  }

  /* A day is still open while no working day has passed since its last day: on a Monday, a Thursday's three days
     (to Sunday) run on to Monday. */
  function openSince(today, open) {
    var first = checked(today);
    while (!working(first - 1)) first -= 1;
    return first - open;
  }

  Playbook.workdays = { working: working, onOrAfter: onOrAfter, onOrAfterIso: onOrAfterIso, add: add, count: count, openSince: openSince };
})((window.Playbook = window.Playbook || { widgets: [] }));
