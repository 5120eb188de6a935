"""The boot camp as a calendar file (iCalendar, RFC 5545): each boot-camp day as a whole-day event, the calling
block every calling day and the weekly time every week, from the first calling block until the weeks after
boot camp that data/bootcamp.yml asks for.

The site's file starts on `next_boot_camp_starts` (a build cannot know which Monday a reader means, and a date
in data is one a leader chose and can see); the boot-camp page hands the same events to the browser
(`for_the_browser`), where calendar.js writes the same file from the date a rep picks.

The team's days off (data/rhythm.yml's public holidays) are left out of the calling block and the weekly time
(EXDATE), so no calendar books a calling block on Christmas Day; a boot-camp day's plan that falls on one stays,
for the manager to move.

Times are floating local times (no TZID, no VTIMEZONE), as calendar.js writes them for the 1:1: the block is at
8.30 wherever the rep's calendar is, data/bootcamp.yml names no time zone, and a browser has no time-zone rules
to write a VTIMEZONE from."""

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta

from .inline_markdown import InlineMarkdown
from .model import WEEKDAYS, Handbook

FILE = "bootcamp.ics"
PRODUCT = "-//Playbook handbook//Boot camp//EN"
# A UID is "bootcamp-<start date>-<event id>@" this: the same event of the same boot camp keeps its UID, so
# importing the file again updates it rather than adding a copy; another start date is another boot camp.
UID_DOMAIN = "playbook"
LINE_OCTETS = 75
# RFC 5545's two-letter days (3.3.10), by the day names data uses.
BYDAY = {"Monday": "MO", "Tuesday": "TU", "Wednesday": "WE", "Thursday": "TH", "Friday": "FR", "Saturday": "SA", "Sunday": "SU"}


@dataclass(frozen=True)
class Event:
    """One event, placed by days after the boot camp's first day, so any start date gives its dates."""

    id: str  # unique in the file
    day: int  # days after the first day of boot camp
    summary: str
    description: str
    starts: str | None = None  # "HH:MM"; None for a whole day
    ends: str | None = None
    repeat_on: tuple[str, ...] = ()  # the BYDAY days it repeats on each week
    count: int = 1  # how many times it takes place in all


def events(handbook: Handbook) -> list[Event]:
    """The boot camp's days in order, then the calling block and the weekly time."""
    bootcamp, words = handbook.bootcamp, handbook.words
    plain = InlineMarkdown().plain_text
    first = _weekday(bootcamp.schedule[0].days[0].day)

    def offset(week_index: int, day_name: str) -> int:
        return 7 * week_index + (_weekday(day_name) - first) % 7

    days = []
    for week_index, week in enumerate(bootcamp.schedule):
        for day in week.days:
            manager = "\n\n" + words.plain("bootcamp_calendar.the_manager", task=plain(day.manager.task)) if day.manager else ""
            days.append(Event(f"{week.id}-{day.day.lower()}", offset(week_index, day.day), words.plain("bootcamp_calendar.day_event", week=plain(week.name)), plain(day.plan) + manager))
    times, cadence = bootcamp.calling_times, bootcamp.cadence
    week_index = [week.id for week in bootcamp.schedule].index(times.first_block.week)
    from_day = offset(week_index, times.first_block.day)
    until = 7 * (len(bootcamp.schedule) + cadence.weeks_in_calendar_after_boot_camp)

    def repeating(event_id: str, summary: str, description: str, on: list[str], starts: str, ends: str) -> list[Event]:
        """The event on the days `on` from the first calling block to the calendar's end; none if it never falls
        in that time (a weekly time before the first block's weekday, with no weeks after boot camp)."""
        weekdays = {_weekday(name) for name in on}
        held = [day for day in range(from_day, until) if (first + day) % 7 in weekdays]
        return [Event(event_id, held[0], summary, description, starts, ends, tuple(BYDAY[name] for name in sorted(on, key=_weekday)), len(held))] if held else []

    rules = "\n\n".join(plain(rule.text) for rule in bootcamp.calling_blocks)
    block = repeating("calling-block", words.plain("bootcamp_calendar.calling_block"), rules + "\n\n" + _listed(handbook.checklists["bootcamp-daily"].title, cadence.daily, plain), times.days, times.block.starts, times.block.ends)
    weekly = cadence.weekly_time
    review = repeating("weekly-time", words.plain("bootcamp_calendar.weekly_cadence"), _listed(handbook.checklists["bootcamp-weekly"].title, cadence.weekly, plain), [weekly.day], weekly.starts, weekly.ends)
    return days + block + review


def _weekday(name: str) -> int:
    """0 for Monday to 6 for Sunday, as Python's date.weekday() counts."""
    return (WEEKDAYS.index(name) - 1) % 7


def _listed(title: str, items, plain) -> str:
    return title + ":\n" + "\n".join(f"- {plain(item.text)}" for item in items)


def calendar_text(events: list[Event], first_day: date, stamp: datetime, days_off: frozenset[date] = frozenset()) -> str:
    """The file's text: CRLF lines, each folded at 75 octets (RFC 5545 3.1)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN"]
    for event in events:
        lines += _event_lines(event, first_day, stamp, days_off)
    lines.append("END:VCALENDAR")
    return "".join(_folded(line) + "\r\n" for line in lines)


def _occurrences(event: Event, first: date) -> list[date]:
    """The days a repeating event takes place on: its first day, then each day of the week it repeats on, `count`
    times in all (RRULE's COUNT counts the days left out too)."""
    on = {_weekday(name) for name, code in BYDAY.items() if code in event.repeat_on}
    days, day = [], first
    while len(days) < event.count:
        if day.weekday() in on:
            days.append(day)
        day += timedelta(days=1)
    return days


def _event_lines(event: Event, first_day: date, stamp: datetime, days_off: frozenset[date]) -> list[str]:
    day = first_day + timedelta(days=event.day)
    lines = ["BEGIN:VEVENT", f"UID:bootcamp-{first_day.isoformat()}-{event.id}@{UID_DOMAIN}", f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}"]
    if event.starts is None:
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]
    else:
        lines += [f"DTSTART:{_local(day, event.starts)}", f"DTEND:{_local(day, event.ends)}"]
    if event.repeat_on:
        lines.append(f"RRULE:FREQ=WEEKLY;BYDAY={','.join(event.repeat_on)};COUNT={event.count}")
        lines += [f"EXDATE:{_local(off, event.starts)}" for off in _occurrences(event, day) if off in days_off]
    return lines + [f"SUMMARY:{_escaped(event.summary)}", f"DESCRIPTION:{_escaped(event.description)}", "END:VEVENT"]


def _local(day: date, hh_mm: str) -> str:
    """A floating local date-time (RFC 5545 3.3.5, form 1): no Z, no TZID."""
    return f"{datetime.combine(day, time.fromisoformat(hh_mm)):%Y%m%dT%H%M%S}"


def _escaped(text: str) -> str:
    """A TEXT value (3.3.11): backslash, semicolon and comma escaped, line breaks written as \\n."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _folded(line: str) -> str:
    """At most 75 octets a line, continuation lines starting with a space, never splitting a character."""
    parts, current, used = [], "", 0
    for character in line:
        size = len(character.encode("utf-8"))
        if used + size > LINE_OCTETS:
            parts.append(current)
            current, used = " ", 1
        current += character
        used += size
    return "\r\n".join(parts + [current])


def default_first_day(handbook: Handbook) -> date:
    """The first day of the site's file: the next boot camp's, from data."""
    return date.fromisoformat(handbook.bootcamp.next_boot_camp_starts)


def calendar_files(handbook: Handbook) -> dict[str, str]:
    """Site path → text of the calendar files the site offers. The default file's DTSTAMP is its start date at
    midnight UTC, not the build's clock, so the same data always builds the same file (calendars read DTSTAMP
    only to order the updates of an invitation, which this file is not)."""
    first_day = default_first_day(handbook)
    stamp = datetime.combine(first_day, time(), UTC)
    days_off = frozenset(date.fromisoformat(day.date) for day in handbook.rhythm.days_off)
    return {FILE: calendar_text(events(handbook), first_day, stamp, days_off)}


def for_the_browser(handbook: Handbook) -> dict:
    """What the boot-camp page gives calendar.js, as JSON, to write the same file from another start date."""
    first_day = handbook.bootcamp.schedule[0].days[0].day
    return {
        "product": PRODUCT,
        "uid_domain": UID_DOMAIN,
        "first_weekday": first_day,
        "first_weekday_number": WEEKDAYS.index(first_day),  # as JavaScript's Date.getDay() counts
        "days": 7 * len(handbook.bootcamp.schedule),  # how long it runs: the site's file is over after that
        "days_off": [day.date for day in handbook.rhythm.days_off],
        "events": [asdict(event) for event in events(handbook)],
    }
