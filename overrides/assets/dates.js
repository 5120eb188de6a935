/* Playbook.dates: a day as the reader's language writes it (Intl), the one way every widget shows a date.
   Stored records and exported files keep ISO ("2026-05-12"); only the screen uses these.

     day(iso, style)   "YYYY-MM-DD" as text, or the text itself when it isn't a date; style ("short" when
                       left out):
                         "weekday"       "Tue 12 May" (the year added when it isn't this year's, and
                                         nothing else changed: "Mon 4 Jan 2027")
                         "plain"         "12 May" (the same rule for the year)
                         "long-weekday"  "Tuesday 12 May" (the same rule)
                         "full"          "Tuesday 12 May 2026": "long-weekday" always with its year
                         "long"          "12 May 2026"
                         "short"         "12 May 2026" with the month shortened ("12 May", "3 Mar")
     local(iso)        the Date of that day where the reader is (new Date("2026-05-12") is UTC midnight, the
                       day before west of Greenwich)
     number(iso)       the day as a whole number of days since 1 January 1970 (a Thursday), so days between
                       two dates are one subtraction, unchanged by a clock change between them
     iso(number)       that number back as "YYYY-MM-DD"
     of(date)          a Date's day where the reader is, as "YYYY-MM-DD"
     today()           the reader's local date, "YYYY-MM-DD": the one "today" every tool counts from

   The language: the first of the reader's own languages that is the page's language, so a British reader
   of an English page sees "Tue 12 May" and an American one "Tue, May 12"; a reader whose languages don't
   include the page's gets the page's, so a date never switches language mid-sentence. */
(function (Playbook) {
  "use strict";

  var STYLES = {
    weekday: { options: { weekday: "short", day: "numeric", month: "short" }, yearWhenOther: true },
    plain: { options: { day: "numeric", month: "long" }, yearWhenOther: true },
    "long-weekday": { options: { weekday: "long", day: "numeric", month: "long" }, yearWhenOther: true },
    long: { options: { day: "numeric", month: "long", year: "numeric" } },
    short: { options: { day: "numeric", month: "short", year: "numeric" } },
  };
  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

  /* Intl's formatters by style and language, made once a page: making one is the slow part. */
  var formats = Object.create(null);

  function language() {
    var page = (document.documentElement.lang || "").toLowerCase();
    var base = page.split("-")[0];
    var own = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]).filter(Boolean);
    var matching = own.filter(function (tag) { return !base || tag.toLowerCase().split("-")[0] === base; })[0];
    return matching || page || undefined;
  }

  function formatter(style, withYear) {
    var wanted = language();
    var key = style + (withYear ? "+year " : " ") + wanted;
    if (!formats[key]) {
      var options = Object.assign({}, STYLES[style].options);
      if (withYear) options.year = "numeric";
      try {
        formats[key] = new Intl.DateTimeFormat(wanted, options);
      } catch (error) {
        formats[key] = new Intl.DateTimeFormat(undefined, options); // a lang attribute Intl doesn't know
      }
    }
    return formats[key];
  }

  function local(iso) {
    var parts = ISO_DAY.exec(String(iso));
    return parts ? new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) : new Date(NaN);
  }

  /* The index of the literal directly after the weekday in `parts`, or null. */
  function afterWeekday(parts) {
    for (var i = 0; i < parts.length - 1; i += 1) {
      if (parts[i].type === "weekday") return parts[i + 1].type === "literal" ? i + 1 : null;
    }
    return null;
  }

  /* A date given its year keeps the mark this language puts after the weekday without one: en-GB writes
     "Mon 4 Jan" but, asked for the year too, "Mon, 4 Jan 2027", and a list of dates should read alike. */
  function withYearAlike(style, when) {
    var dated = formatter(style, true);
    if (!dated.formatToParts) return dated.format(when);
    var plain = formatter(style, false).formatToParts(when);
    var parts = dated.formatToParts(when);
    var mark = afterWeekday(plain);
    var at = afterWeekday(parts);
    if (mark !== null && at !== null) parts[at] = plain[mark];
    return parts.map(function (part) { return part.value; }).join("");
  }

  function day(iso, style) {
    var when = local(iso);
    if (isNaN(when.getTime())) return String(iso);
    if (style === "full") return withYearAlike("long-weekday", when);
    var chosen = STYLES[style] ? style : "short";
    var withYear = Boolean(STYLES[chosen].yearWhenOther) && when.getFullYear() !== new Date().getFullYear();
    return withYear ? withYearAlike(chosen, when) : formatter(chosen, false).format(when);
  }

  var DAY = 24 * 60 * 60 * 1000;

  function number(iso) {
    var parts = ISO_DAY.exec(String(iso));
    return parts ? Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) / DAY : NaN;
  }

  function isoOf(dayNumber) {
    return new Date(dayNumber * DAY).toISOString().slice(0, 10);
  }

  function pad(value) {
    return ("0" + value).slice(-2);
  }

  function of(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function today() {
    return of(new Date());
  }

  Playbook.dates = { day: day, local: local, number: number, iso: isoOf, of: of, today: today };
})((window.Playbook = window.Playbook || { widgets: [] }));
