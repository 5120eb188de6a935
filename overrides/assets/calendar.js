/* Playbook.calendar: calendar events as an .ics file (RFC 5545), made and downloaded in the browser.
   Times are "floating" local times (no TZID): the event is at that hour wherever the reader's calendar is,
   which is what a manager picking a date and time on their own machine means, and needs no time-zone table.
   macros/calendar_file.py writes the site's boot-camp file the same way; a test parses both.

     event({uid, start: Date, minutes, summary, description})   one event's file: text, CRLF lines folded at 75 octets
     calendar(product, events)                                  a file of several events (PRODID product), each
                                                                {uid, start: Date, end: Date, allDay, repeat, summary,
                                                                description}: allDay takes the dates of start and end
                                                                (the day after the last); repeat {days: ["MO", …],
                                                                count, except} repeats it weekly on those days, count
                                                                times, leaving out the Dates in except (EXDATE)
     download(text, name)                                        saves it as a .ics download */
(function (Playbook) {
  "use strict";

  function pad(number) {
    return ("0" + number).slice(-2);
  }

  function local(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) + "T" + pad(date.getHours()) + pad(date.getMinutes()) + "00";
  }

  function day(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate());
  }

  function utc(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.[0-9]+Z$/, "Z");
  }

  /* TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks written as \n. */
  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  function octets(character) {
    var code = character.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  /* A content line folded (3.1): at most 75 octets a line, continuation lines starting with a space, never
     splitting a character's UTF-8 bytes. */
  function fold(line) {
    var lines = [""];
    var used = 0;
    Array.from(line).forEach(function (character) {
      var size = octets(character);
      if (used + size > 75) {
        lines.push(" ");
        used = 1;
      }
      lines[lines.length - 1] += character;
      used += size;
    });
    return lines.join("\r\n");
  }

  function eventLines(details, stamp) {
    var lines = ["BEGIN:VEVENT", "UID:" + details.uid, "DTSTAMP:" + stamp];
    if (details.allDay) lines.push("DTSTART;VALUE=DATE:" + day(details.start), "DTEND;VALUE=DATE:" + day(details.end));
    else lines.push("DTSTART:" + local(details.start), "DTEND:" + local(details.end));
    if (details.repeat) {
      lines.push("RRULE:FREQ=WEEKLY;BYDAY=" + details.repeat.days.join(",") + ";COUNT=" + details.repeat.count);
      (details.repeat.except || []).forEach(function (off) { lines.push("EXDATE:" + local(off)); });
    }
    return lines.concat(["SUMMARY:" + escapeText(details.summary), "DESCRIPTION:" + escapeText(details.description), "END:VEVENT"]);
  }

  function calendar(product, events) {
    var stamp = utc(new Date());
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + product, "CALSCALE:GREGORIAN"];
    events.forEach(function (details) {
      lines = lines.concat(eventLines(details, stamp));
    });
    return lines.concat(["END:VCALENDAR"]).map(fold).join("\r\n") + "\r\n";
  }

  function event(details) {
    var end = new Date(details.start.getTime() + details.minutes * 60000);
    return calendar("-//Playbook handbook//1:1 planner//EN", [
      { uid: details.uid, start: details.start, end: end, summary: details.summary, description: details.description }
    ]);
  }

  function download(text, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  Playbook.calendar = { event: event, calendar: calendar, download: download };
})((window.Playbook = window.Playbook || { widgets: [] }));
