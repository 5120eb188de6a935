/* The boot camp in a rep's calendar from the date they pick. The events come with the page (data-calendar,
   written by macros/calendar_file.py from the data the site's bootcamp.ics is made from), each placed by days
   after the first day; here they only get their dates, and Playbook.calendar writes the file. */
(function (Playbook) {
  "use strict";

  var dayOf = Playbook.dates.of;

  /* Counted in calendar days, not 24-hour steps, which a clock change would move off midnight. */
  function after(date, days) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  }

  function at(date, time) {
    var parts = time.split(":");
    return new Date(date.getFullYear(), date.getMonth(), date.getDate(), Number(parts[0]), Number(parts[1]));
  }

  var BYDAY = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

  /* A repeating event's days, walked from its first day, `count` in all. */
  function occurrences(event, day) {
    var days = [];
    for (var at = day; days.length < event.count; at = after(at, 1)) {
      if (event.repeat_on.indexOf(BYDAY[at.getDay()]) !== -1) days.push(at);
    }
    return days;
  }

  /* The team's days off a repeating event would fall on (macros/calendar_file.py leaves the same out). */
  function daysOff(calendar, event, day) {
    return occurrences(event, day).filter(function (at) { return calendar.days_off.indexOf(dayOf(at)) !== -1; });
  }

  /* The last day the file holds an event on, written YYYY-MM-DD. */
  function lastDay(calendar, first) {
    return calendar.events.map(function (event) {
      var day = after(first, event.day);
      return dayOf(event.repeat_on.length ? occurrences(event, day).pop() : day);
    }).sort().pop();
  }

  /* Said when the file runs past the last day off the handbook lists (data/rhythm.yml): the calling blocks
     after it are not kept off a public holiday the tools don't know of. */
  function pastDaysOff(calendar, first) {
    var listed = calendar.days_off.slice().sort().pop();
    if (!listed || lastDay(calendar, first) <= listed) return "";
    return Playbook.t("bootcamp_calendar.days_off_until", { day: Playbook.dates.day(listed, "long-weekday") });
  }

  function placed(calendar, first) {
    return calendar.events.map(function (event) {
      var day = after(first, event.day);
      var repeats = event.repeat_on.length > 0;
      return {
        uid: "bootcamp-" + dayOf(first) + "-" + event.id + "@" + calendar.uid_domain,
        start: event.starts ? at(day, event.starts) : day,
        end: event.starts ? at(day, event.ends) : after(day, 1),
        allDay: !event.starts,
        repeat: repeats ? { days: event.repeat_on, count: event.count, except: daysOff(calendar, event, day).map(function (off) { return at(off, event.starts); }) } : null,
        summary: event.summary,
        description: event.description
      };
    });
  }

  /* The weekday (0 Sunday … 6 Saturday, as Date.getDay() counts) named in the page's language: 1 January 2023
     was a Sunday. */
  function weekdayName(number) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { weekday: "long" }).format(new Date(2023, 0, 1 + number));
  }

  /* The days (as a sentence names them) whose plan, an event that doesn't repeat, falls on a team day off. */
  function plansOnDaysOff(calendar, events) {
    return events.filter(function (event) { return !event.repeat && calendar.days_off.indexOf(dayOf(event.start)) !== -1; })
      .map(function (event) { return Playbook.dates.day(dayOf(event.start), "long-weekday"); })
      .filter(function (day, index, all) { return all.indexOf(day) === index; });
  }

  /* The date picked, or why it can't start a boot camp, in the reader's words. */
  function firstDay(calendar, value) {
    var first = Playbook.dates.local(value);
    if (isNaN(first.getTime())) return { problem: Playbook.t("bootcamp_calendar.enter_date") };
    if (first.getDay() !== calendar.first_weekday_number) {
      return { problem: Playbook.t("bootcamp_calendar.wrong_weekday", { day: Playbook.dates.day(value, "long-weekday"), weekday: weekdayName(calendar.first_weekday_number) }) };
    }
    return { first: first };
  }

  /* The site's file is of the boot camp the handbook names; once that one is over, the file is hidden and the
     form offers the next day a boot camp can start on, so no one downloads weeks already gone. */
  function whenOver(form, calendar) {
    var today = Playbook.dates.local(Playbook.dates.today());
    var named = Playbook.dates.local(form.elements.start.defaultValue);  /* the handbook's, whatever a reload restored */
    if (isNaN(named.getTime()) || after(named, calendar.days) > today) return;
    var next = after(today, (calendar.first_weekday_number - today.getDay() + 7) % 7);
    var file = form.parentNode.querySelector("[data-bootcamp-file]");
    var note = form.querySelector("[data-bootcamp-over]");
    if (file) file.hidden = true;
    note.textContent = Playbook.t("bootcamp_calendar.over", { day: Playbook.dates.day(dayOf(named), "long-weekday"), weekday: weekdayName(calendar.first_weekday_number) });
    note.hidden = false;
    form.elements.start.value = dayOf(next);
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var calendar = JSON.parse(form.dataset.calendar);
    var status = form.querySelector("[data-bootcamp-calendar-status]");
    whenOver(form, calendar);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = firstDay(calendar, form.elements.start.value);
      if (picked.problem) {
        status.textContent = picked.problem;
        return;
      }
      var events = placed(calendar, picked.first);
      var text = Playbook.calendar.calendar(calendar.product, events);
      Playbook.calendar.download(text, "bootcamp-" + dayOf(picked.first) + ".ics");
      /* A day's plan (an event that doesn't repeat) on a day off stays in the file, where the rep sees it; the
         status says which, as the calling blocks leave those days out, and the first start day after it whose
         plans miss every day off listed. */
      var off = plansOnDaysOff(calendar, events);
      var clear = picked.first;
      while (off.length && plansOnDaysOff(calendar, placed(calendar, clear)).length) clear = after(clear, 7);
      status.textContent = Playbook.t("bootcamp_calendar.downloaded", { day: Playbook.dates.day(dayOf(picked.first), "long-weekday") })
        + (off.length ? Playbook.t("bootcamp_calendar.on_days_off", { count: off.length, days: Playbook.list(off), clear: Playbook.dates.day(dayOf(clear), "long-weekday"), weekday: weekdayName(calendar.first_weekday_number) }) : "")
        + pastDaysOff(calendar, picked.first);
    });
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form[data-bootcamp-calendar]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
