/* Playbook.calendar: one calendar event as an .ics file (RFC 5545), made and downloaded in the browser.
   Times are "floating" local times (no TZID): the event is at that hour wherever the reader's calendar is,
   which is what a manager picking a date and time on their own machine means, and needs no time-zone table.

     event({uid, start: Date, minutes, summary, description})   the file's text, CRLF lines folded at 75 octets
     download(text, name)                                        saves it as a .ics download */
(function (Playbook) {
  "use strict";

  function pad(number) {
    return ("0" + number).slice(-2);
  }

  function local(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) + "T" + pad(date.getHours()) + pad(date.getMinutes()) + "00";
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

  function event(details) {
    var end = new Date(details.start.getTime() + details.minutes * 60000);
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Playbook handbook//1:1 planner//EN",
      "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT",
      "UID:" + details.uid,
      "DTSTAMP:" + utc(new Date()),
      "DTSTART:" + local(details.start),
      "DTEND:" + local(end),
      "SUMMARY:" + escapeText(details.summary),
      "DESCRIPTION:" + escapeText(details.description),
      "END:VEVENT",
      "END:VCALENDAR"
    ].map(fold).join("\r\n") + "\r\n";
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

  Playbook.calendar = { event: event, download: download };
})((window.Playbook = window.Playbook || { widgets: [] }));
