"""Checks that keep the boot camp's times ones a calendar can hold, and stated in one place: every stretch of
time ends after it starts, meetings are booked after the calling block, the first block falls on a calling day
of its week, the next boot camp starts on the weekday of its first day, a week names each day once, the calling
block, the boot camp and the planner's selling days fit the team's working days (data/rhythm.yml), no data
text writes a time that `calling_times` or the cadence's `weekly_time` in data/bootcamp.yml does not have, a text
that books meetings from a time names `meetings_from`'s, and the handbook's own activity targets fit in its
calling blocks."""

import re
from datetime import date
from math import ceil

from .loading import LocatedData
from .meeting_time import duration
from .model import WEEKDAYS, WORKING_DAYS_UNSAID, Bootcamp
from .planner import tenths_in
from .problems import Problem, quoted

BOOTCAMP = "bootcamp"
# Stretches of time, by where they are written: (path to the mapping, what a leader calls it).
RANGES = [
    (("calling_times", "block"), "the calling block"),
    (("calling_times", "make_up"), "the make-up block"),
    (("cadence", "weekly_time"), "the weekly time"),
]
# A time of day as running text writes it: on the 24-hour clock after a word that says it is one ("from 8.30",
# "before 11.00", "at 15:30", not "than 1.32 million"), or with am or pm ("9am", "8.30 a.m."); a stretch is
# "from 8.30 to 10.30", "between 8.30 and 10.30" or "8.30–10.30" (not "1.25–1.50 million" or "£2.10–2.40").
_TWELVE_HOUR = r"(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])"
_TIME = rf"(?<![\d.:£$€])(?:{_TWELVE_HOUR}|(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:]?\d))"
_SAYS_A_TIME = re.compile(rf"(?:\b(?:from|to|at|before|after|until|till|by|between|and)\s+|(?=(?<![\d.:]){_TWELVE_HOUR}))({_TIME})", re.IGNORECASE)
_SAYS_A_STRETCH = [
    re.compile(rf"\bfrom\s+({_TIME})\s+(?:to|until|till)\s+({_TIME})", re.IGNORECASE),
    re.compile(rf"\bbetween\s+({_TIME})\s+and\s+({_TIME})", re.IGNORECASE),
    re.compile(rf"({_TIME})\s*[–—-]\s*({_TIME})(?!\s*(?:million|billion|bn|m\b|k\b|%))", re.IGNORECASE),
]
_DIGIT = re.compile(r"\d")
# When customer meetings are booked from: "book customer meetings from 11.00", "meetings are booked after 11.00".
_SAYS_MEETINGS_FROM = re.compile(rf"\bmeetings\s+(?:(?:are|can\s+be)\s+booked\s+)?(?:from|after)\s+({_TIME})", re.IGNORECASE)


def minutes(time: str) -> int:
    """Minutes since midnight of a time written "8.30", "08:30", "8:30", "9am" or "2.30 p.m."."""
    clock = time.lower().replace(".m.", "m").replace(" ", "")
    half = clock[-2:] if clock.endswith(("am", "pm")) else ""
    hours, _, rest = clock.removesuffix(half).replace(".", ":").partition(":")
    hour = int(hours) % 12 + (12 if half == "pm" else 0) if half else int(hours)
    return hour * 60 + int(rest or 0)


def written(time: str) -> str:
    """A time as the data writes it, "HH:MM", however the text wrote it."""
    return f"{minutes(time) // 60:02d}:{minutes(time) % 60:02d}"


def check_calling_times(documents: dict[str, LocatedData]) -> list[Problem]:
    """`documents` holds only files that passed their schema, keyed by file stem."""
    document = documents.get(BOOTCAMP)
    if document is None:
        return []
    problems = [problem for path, _ in RANGES for problem in _ends_after_start(document, path)]
    problems += _meetings_after_the_block(document) + _make_up_as_long(document) + _first_block_in_its_week(document) + _starts_on_the_first_day(document) + _each_day_once(document)
    problems += _on_working_days(document, documents.get("rhythm")) + _team_meeting_before_make_up(document, documents.get("rhythm"))
    problems += _daily_figures_on_calling_days(document) + _team_meeting_on_the_cadence_day(document, documents.get("rhythm"))
    for other in documents.values():
        problems += _times_in_texts(other, document) + _calling_days_in_texts(other, document)
    return problems


def check_blocks_hold_the_targets(bootcamp: Bootcamp, document: LocatedData) -> list[Problem]:
    """The planner's figures at the handbook's own data (the activity targets every rep reads) take no more of
    the calling blocks than a week of them holds: otherwise the page would set targets and, beside them, say
    they cannot be met. Reported at the revenue target, the figure a leader most often raises."""
    needed, held = bootcamp.block_minutes_needed, bootcamp.block_minutes_a_week
    if needed is None or needed <= held:
        return []
    planner = bootcamp.activity_planner
    taken = ", ".join(f"{tenths_in(step.week.tenths, 'en')} {stage.name.lower()} a week at {duration(stage.minutes_each)} each"
                      for stage, step in zip(planner.stages, planner.plan.steps) if stage.minutes_each and not step.week.every)
    block = document.where(("calling_times", "block")).line
    a_day = ceil(needed / bootcamp.block_days)
    return [document.problem(("activity_planner", "revenue_target"), (
        f"at the planner's figures a rep's week of calling takes {duration(needed)} ({taken}), more than the "
        f"{duration(held)} its calling blocks hold ({bootcamp.block_days} of {duration(bootcamp.calling_times.block.minutes)}, "
        f"'calling_times' › 'block', line {block}), so the activity targets could not be met in the block; lower the "
        f"target, raise what comes without prospecting where your renewals and inbound orders bring more ('share_not_from_prospecting', "
        f"line {document.where(('activity_planner', 'share_not_from_prospecting')).line}), "
        f"or make the block at least {duration(a_day)} long; change a conversion rate or 'minutes_each' only "
        "where your CRM or your reps' own timing shows other figures, never to make the target fit"))]


def _ends_after_start(document: LocatedData, path: tuple) -> list[Problem]:
    stretch = _at(document.value, path)
    if minutes(stretch["ends"]) > minutes(stretch["starts"]):
        return []
    line = document.where(path + ("starts",)).line
    return [document.problem(path + ("ends",), f"{_field(path + ('ends',))} is {quoted(stretch['ends'])}, not after 'starts' ({quoted(stretch['starts'])}, line {line}); a time in the calendar must end after it starts")]


def _meetings_after_the_block(document: LocatedData) -> list[Problem]:
    times = document.value["calling_times"]
    if minutes(times["meetings_from"]) >= minutes(times["block"]["ends"]):
        return []
    line = document.where(("calling_times", "block", "ends")).line
    return [document.problem(("calling_times", "meetings_from"), f"'meetings_from' is {quoted(times['meetings_from'])}, before the calling block ends ({quoted(times['block']['ends'])}, line {line}); book customer meetings from the end of the block or later")]


def _make_up_as_long(document: LocatedData) -> list[Problem]:
    """A rep who makes up the block in the afternoon makes up all of it: the make-up block is no shorter."""
    times = document.value["calling_times"]
    block, make_up = (minutes(times[key]["ends"]) - minutes(times[key]["starts"]) for key in ("block", "make_up"))
    if make_up >= block or make_up <= 0:
        return []  # one that ends before it starts is reported as that
    line = document.where(("calling_times", "block")).line
    return [document.problem(("calling_times", "make_up", "ends"), f"the make-up block lasts {duration(make_up)}, less than the calling block's {duration(block)} (line {line}); a rep who makes up the block calls for as long as it lasts, so end the make-up block {duration(block)} after it starts")]


def _team_meeting_before_make_up(document: LocatedData, rhythm: LocatedData | None) -> list[Problem]:
    """The team meeting follows the reps' weekly cadence (data/rhythm.yml says so), so on a calling day it ends
    before that afternoon's make-up block: a rep who made up the block would miss it (a director found Friday's
    meeting running into the block)."""
    value = document.value
    weekly = value["cadence"]["weekly_time"]
    meeting = rhythm.value.get("team_meeting") if rhythm else None
    if not meeting or weekly["day"] not in value["calling_times"]["days"]:
        return []
    ends = minutes(weekly["ends"]) + meeting["minutes"]
    make_up = value["calling_times"]["make_up"]
    if ends <= minutes(make_up["starts"]):
        return []
    latest = minutes(make_up["starts"]) - meeting["minutes"]
    return [document.problem(("cadence", "weekly_time", "ends"), f"the team meeting ({meeting['minutes']} minutes: {rhythm.file}, line {rhythm.where(('team_meeting', 'minutes')).line}) follows the weekly cadence, so on {weekly['day']}, a calling day, it would end at {ends // 60:02d}:{ends % 60:02d}, after the make-up block starts at {written(make_up['starts'])} (line {document.where(('calling_times', 'make_up')).line}); end the weekly cadence by {latest // 60:02d}:{latest % 60:02d}, or start the make-up block later")]


def _on_working_days(document: LocatedData, rhythm: LocatedData | None) -> list[Problem]:
    """The calling block and the boot camp's days fall on days the team works, and the planner counts no more
    selling days a week than there are working days."""
    working = rhythm.value.get("working_days", list(WORKING_DAYS_UNSAID)) if rhythm else list(WORKING_DAYS_UNSAID)
    said = f"the team's working days ({', '.join(working)}: 'working_days' in {rhythm.file}, line {rhythm.where(('working_days',)).line})" if rhythm and "working_days" in rhythm.value else f"the team's working days ({', '.join(working)}, as 'working_days' is left out of data/rhythm.yml)"
    value = document.value
    found = [(("calling_times", "days", index), f"{quoted(day)} is a calling day but not one of {said}; take it out, or add it there") for index, day in enumerate(value["calling_times"]["days"]) if day not in working]
    for week_index, week in enumerate(value["schedule"]):
        found += [(("schedule", week_index, "days", index, "day"), f"{quoted(day['day'])} in {week['id']} is not one of {said}; move the day's plan to a working day, or add the day there") for index, day in enumerate(week["days"]) if day["day"] not in working]
    weekly = value["cadence"]["weekly_time"]["day"]
    if weekly not in working:
        found.append((("cadence", "weekly_time", "day"), f"{quoted(weekly)}, the weekly cadence's day, is not one of {said}; pick one of those"))
    planner = value.get("activity_planner")
    if planner and planner["selling_days_per_week"] > len(working):
        found.append((("activity_planner", "selling_days_per_week"), f"'selling_days_per_week' is {planner['selling_days_per_week']}, more than {said}; a rep sells on no more days than the team works"))
    return [document.problem(path, message) for path, message in found]


def _team_meeting_on_the_cadence_day(document: LocatedData, rhythm: LocatedData | None) -> list[Problem]:
    """The team meeting follows the weekly cadence, so a day its 'when' names is the cadence's day (a leader who
    moved the cadence to Thursday kept the meeting "on Friday afternoon, straight after" it)."""
    meeting = rhythm.value.get("team_meeting") if rhythm else None
    if not meeting:
        return []
    day = document.value["cadence"]["weekly_time"]["day"]
    named = [weekday for weekday in WEEKDAYS if re.search(rf"\b{weekday}", meeting["when"])]
    if not named or named == [day]:
        return []
    line = document.where(("cadence", "weekly_time")).line
    return [rhythm.problem(("team_meeting", "when"), f"the team meeting is {quoted(meeting['when'])}, but the weekly cadence it follows is on {day} ({document.file_at(('cadence',))}, line {line}); name {day}, or move the cadence there")]


def _daily_figures_on_calling_days(document: LocatedData) -> list[Problem]:
    """A target shown a day is a week's figure spread over the planner's selling days; with fewer calling days than
    that, a rep who makes the day's figure on each calling day falls short of the week's (a leader who moved to
    four calling days kept "22 a day, 110 a week": 88 made)."""
    value = document.value
    planner = value.get("activity_planner")
    days = value["calling_times"]["days"]
    if not planner or len(days) >= planner["selling_days_per_week"]:
        return []
    daily = [target for dimension in value.get("activity_targets", {}).get("dimensions", []) for target in dimension["targets"]
             if target.get("from_planner", {}).get("show") == "per day"]
    if not daily:
        return []
    selling = document.where(("activity_planner", "selling_days_per_week")).line
    return [document.problem(("calling_times", "days"), (
        f"the calling block runs on {len(days)} days a week, but the activity targets show {daily[0]['from_planner']['stage']} a day, a "
        f"week's figure spread over the planner's {planner['selling_days_per_week']} selling days ('selling_days_per_week', "
        f"line {selling}): a rep who makes the day's figure on each calling day makes {len(days)} of those {planner['selling_days_per_week']} days' "
        f"worth; make 'selling_days_per_week' {len(days)}, or call on {planner['selling_days_per_week']} days"))]


def _first_block_in_its_week(document: LocatedData) -> list[Problem]:
    first = document.value["calling_times"]["first_block"]
    calling_days = document.value["calling_times"]["days"]
    if first["day"] not in calling_days:
        return [document.problem(("calling_times", "first_block", "day"), f"{quoted(first['day'])} is not one of the calling block's days (line {document.where(('calling_times', 'days')).line}: {', '.join(calling_days)}); pick one of those")]
    week = next((week for week in document.value["schedule"] if week["id"] == first["week"]), None)
    if week is None:
        return []  # an unknown week is reported by the cross-reference check
    days = [day["day"] for day in week["days"]]
    if first["day"] in days:
        return []
    return [document.problem(("calling_times", "first_block", "day"), f"{quoted(first['day'])} is not a day of {first['week']} in the schedule (line {document.where(('schedule', document.value['schedule'].index(week))).line}), which has {', '.join(days)}; pick one of those")]


def _starts_on_the_first_day(document: LocatedData) -> list[Problem]:
    """The calendar counts every day from the start date, so it must be the weekday week 1 begins on."""
    first_day = document.value["schedule"][0]["days"][0]["day"]
    try:
        starts = date.fromisoformat(document.value["next_boot_camp_starts"])
    except ValueError:
        return [document.problem(("next_boot_camp_starts",), f"{quoted(document.value['next_boot_camp_starts'])} is not a date in the calendar; check the day and the month")]
    weekday = WEEKDAYS[starts.isoweekday() % 7]
    if weekday == first_day:
        return []
    line = document.where(("schedule", 0, "days", 0, "day")).line
    return [document.problem(("next_boot_camp_starts",), f"{quoted(document.value['next_boot_camp_starts'])} is a {weekday}, but week 1 starts on a {first_day} (line {line}); start the boot camp on a {first_day}")]


def _each_day_once(document: LocatedData) -> list[Problem]:
    """The calendar places a day by its name, so a week names each day once."""
    problems = []
    for week_index, week in enumerate(document.value["schedule"]):
        first_line: dict[str, int] = {}
        for day_index, day in enumerate(week["days"]):
            path = ("schedule", week_index, "days", day_index, "day")
            if day["day"] in first_line:
                problems.append(document.problem(path, f"{quoted(day['day'])} is already a day of {week['id']} (line {first_line[day['day']]}); a week names each day once, so the calendar file can place it"))
            first_line.setdefault(day["day"], document.where(path).line)
    return problems


def _times_in_texts(document: LocatedData, bootcamp: LocatedData) -> list[Problem]:
    """A time written in a text is one the data has, and a stretch written "from … to …" is one of its
    stretches: a leader who moves the calling block changes it in one place, and validation finds the rest."""
    stretches = {(written(_at(bootcamp.value, path)["starts"]), written(_at(bootcamp.value, path)["ends"])): (path, name) for path, name in RANGES}
    meetings_from = written(bootcamp.value["calling_times"]["meetings_from"])
    times = {time for stretch in stretches for time in stretch} | {meetings_from}
    source = bootcamp.file_at(("calling_times",))  # a team's own file where it sets its times
    problems = []
    for path, text in document.texts():
        if not _DIGIT.search(text):  # every time has a digit, and most texts none: one quick scan skips them
            continue
        said = [match for pattern in _SAYS_A_STRETCH for match in pattern.finditer(text)]
        if not said and not _SAYS_A_TIME.search(text):
            continue
        reported = []  # a phrase already reported is not reported again time by time
        for match in _SAYS_MEETINGS_FROM.finditer(text):
            if written(match.group(1)) != meetings_from:  # another of the data's times is still the wrong one
                reported.append(match.span())
                problems.append(document.problem(path, f"{quoted(match.group(0))} books meetings from another time than {source} does: from {meetings_from} (line {bootcamp.where(('calling_times', 'meetings_from')).line}); write that time, or change 'meetings_from' there"))
        for match in sorted(said, key=lambda match: match.start()):
            stretch = (written(match.group(1)), written(match.group(2)))
            if stretch not in stretches and not any(start <= match.start() < end for start, end in reported):
                reported.append(match.span())
                problems.append(document.problem(path, f"{quoted(match.group(0))} is not a stretch of time {source} has: {_has(bootcamp, stretches)}; write one of those, or change the times there"))
        for match in _SAYS_A_TIME.finditer(text):
            if written(match.group(1)) not in times and not any(start <= match.start() < end for start, end in reported):
                problems.append(document.problem(path, f"{quoted(match.group(0))} is not a time {source} has: {_has(bootcamp, stretches)}, and meetings are booked from {meetings_from} (line {bootcamp.where(('calling_times', 'meetings_from')).line}); write one of those times, or change them there; a time of its own that no calendar entry holds, such as the team meeting's, can be said in words ('late morning', 'after lunch')"))
    return problems


_SAYS_CALLING_EVERY_WEEKDAY = re.compile(r"\b(calling block|calls together)\b(?:[^.]|\.\d)*\bevery weekday\b", re.IGNORECASE)
_SAYS_A_CALLING_BLOCK = re.compile(r"\bcalling block\b", re.IGNORECASE)


def _calling_days_in_texts(document: LocatedData, bootcamp: LocatedData) -> list[Problem]:
    """The calling days, like the times, are said in texts: a block "every weekday" while it runs on fewer, or a
    boot-camp day with a calling block on a day without one, is reported where it is written (a leader who
    moved to four calling days kept Friday's block in the schedule and the calendar file)."""
    days = bootcamp.value["calling_times"]["days"]
    line = bootcamp.where(("calling_times", "days")).line
    source = bootcamp.file_at(("calling_times",))
    problems = []
    if len(days) < len(WORKING_DAYS_UNSAID):
        problems += [document.problem(path, f"{quoted(match.group(0))} says the calling block runs every weekday, but {source} has it on {', '.join(days)} (line {line}); name those days, or change them there")
                     for path, text in document.texts() for match in [_SAYS_CALLING_EVERY_WEEKDAY.search(text)] if match]
    if document is bootcamp:
        for week_index, week in enumerate(document.value["schedule"]):
            for day_index, day in enumerate(week["days"]):
                if day["day"] not in days and _SAYS_A_CALLING_BLOCK.search(day["plan"]):
                    problems.append(document.problem(("schedule", week_index, "days", day_index, "plan"), f"{week['id']}'s {day['day']} has a calling block, but {day['day']} is not a calling day in {source} (line {line}); take the block out of this day's plan, or add the day there"))
    return problems


def _has(bootcamp: LocatedData, stretches: dict) -> str:
    said = [f"{name} from {starts} to {ends} (line {bootcamp.where(path).line})" for (starts, ends), (path, name) in stretches.items()]
    return ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]


def _field(path: tuple) -> str:
    return " › ".join(quoted(part) for part in path)


def _at(value, path: tuple):
    for part in path:
        value = value[part]
    return value
