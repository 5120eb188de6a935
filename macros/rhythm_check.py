"""Checks that keep the coaching rhythm (data/rhythm.yml) one a manager can keep, and stated in one place:
coaching time per rep within the range the data sets, the whole rhythm within the manager's share of a working
month, the 1:1's time boxes adding up to the 1:1 (one of them reading back last time's commitments, each that
takes questions long enough for one), the planner's advice lasting until the next 1:1, and no data text saying a
meeting is held more or less often, or for longer or shorter, than the rhythm says."""

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from . import meeting_time
from .loading import LocatedData, texts
from .model import WEEKDAYS, WORKING_DAYS_UNSAID
from .problems import Problem, quoted, readable

RHYTHM = "rhythm"
RHYTHM_PAGE = "coaching/rhythm.md"


def check_rhythm(documents: dict[str, LocatedData]) -> list[Problem]:
    """`documents` holds only files that passed their schema, keyed by file stem."""
    document = documents.get(RHYTHM)
    if document is None:
        return []
    problems = _range_order(document) + _week_of_month(document) + _coaching_hours(document) + _manager_share(document) + _agenda_adds_up(document)
    problems += _one_box_reads_back(document) + _one_box_agrees(document) + _a_question_fits(document) + _advised_box_has_situations(document) + _minutes_while_advised(document) + _advice_reaches_next_one_to_one(document)
    problems += _sooner_than_the_rhythm(document, documents.get("assessments")) + _questions_on_rated_forms(document, documents.get("assessments"))
    problems += _debrief_answers_to_next_one_to_one(document, documents.get("assessments"), documents.get("debriefs"))
    problems += _days_off(document) + _charter_review_longer(document, documents)
    for found in restatements(documents):
        if not found.agrees:
            problems.append(found.problem(documents))
    return problems


_SAYS_A_LONGER_MEETING = re.compile(r"\b(?:runs|book it for|booked for) (an hour|(\d+) minutes)\b", re.IGNORECASE)
_ABOUT_THE_QUARTERS_MEETING = re.compile(r"\bquarter|\busual length\b", re.IGNORECASE)


def _charter_review_longer(document: LocatedData, documents: dict[str, LocatedData]) -> list[Problem]:
    """The quarter's team meeting that reviews the charter runs longer than the weekly one: a text giving it a
    length no longer than the team meeting's `minutes` says it is longer when it is not (a leader made the weekly
    meeting an hour, and "once a quarter the meeting runs an hour" stayed)."""
    meeting = document.value.get("team_meeting")
    if not meeting:
        return []
    line = document.where(("team_meeting", "minutes")).line
    problems = []
    for other in documents.values():
        for path, text in other.texts():
            if not _ABOUT_THE_QUARTERS_MEETING.search(text):
                continue
            for match in _SAYS_A_LONGER_MEETING.finditer(text):
                said = 60 if match.group(2) is None else int(match.group(2))
                if said <= meeting["minutes"]:
                    problems.append(other.problem(path, f"{quoted(match.group(0))} gives the quarter's longer team meeting {said} minutes, but the weekly team meeting is already {meeting['minutes']} ({document.file}, line {line}); give the charter review more time than that, or change the weekly meeting's length there"))
    return problems


def _days_off(document: LocatedData) -> list[Problem]:
    """Each day off is a day of the calendar, listed once, on one of the team's working days: a holiday on a
    Saturday would change nothing, and is more likely a wrong date."""
    working = document.value.get("working_days", list(WORKING_DAYS_UNSAID))
    problems, seen = [], {}
    for index, day in enumerate(document.value.get("days_off", [])):
        path = ("days_off", index, "date")
        try:
            when = date.fromisoformat(day["date"])
        except ValueError:
            problems.append(document.problem(path, f"{quoted(day['date'])} is not a day of the calendar; check the month's length"))
            continue
        weekday = WEEKDAYS[when.isoweekday() % 7]
        if day["date"] in seen:
            problems.append(document.problem(path, f"{quoted(day['date'])} is listed as a day off already, on line {seen[day['date']]}; list each day once"))
        elif weekday not in working:
            problems.append(document.problem(path, f"{quoted(day['date'])} ({day['name']}) is a {weekday}, not one of the team's working days ({', '.join(working)}), so a day off there changes nothing; check the date, or take it out"))
        seen.setdefault(day["date"], document.where(path).line)
    return problems


def _sooner_than_the_rhythm(document: LocatedData, assessments: LocatedData | None) -> list[Problem]:
    """A band's again_within_days brings the next meeting rated with its form forward: the form must be one a
    meeting is rated with, and the days fewer than that meeting's, or the result would promise a date the team
    view never shows."""
    rated = _rated_forms(document, assessments)
    if rated is None:
        return []
    problems = []
    for index, form in enumerate(assessments.value["assessments"]):
        for band_index, band in enumerate(form.get("bands", [])):
            days = band.get("again_within_days")
            if days is None:
                continue
            where = ("assessments", index, "bands", band_index, "again_within_days")
            meeting = rated.get(form["id"])
            if meeting is None:
                problems.append(assessments.problem(where, f"form {quoted(form['id'])} rates no meeting of the coaching rhythm (no 'rated_with: {form['id']}' in data/rhythm.yml), so there is no next one to bring forward; remove 'again_within_days'"))
            elif days >= meeting_time.days_apart(meeting["how_often"]):
                problems.append(assessments.problem(where, f"{days} days is not sooner than the rhythm's {meeting['how_often']} {_in_a_sentence(meeting['name'])} (every {meeting_time.days_apart(meeting['how_often'])} days, {document.file_at(('meetings',))} line {document.where(('meetings', document.value['meetings'].index(meeting), 'how_often')).line}); give fewer days or remove 'again_within_days'"))
    return problems


def _rated_forms(document: LocatedData, assessments: LocatedData | None) -> dict | None:
    """The meetings rated with a form, by the form's id; None without the forms, or while a rated_with names no
    form (reported with the other references, crossrefs.py)."""
    if assessments is None:
        return None
    rated = {meeting["rated_with"]: meeting for meeting in document.value["meetings"] if "rated_with" in meeting}
    return rated if rated.keys() <= {form["id"] for form in assessments.value["assessments"]} else None


def _questions_on_rated_forms(document: LocatedData, assessments: LocatedData | None) -> list[Problem]:
    """Only the 1:1 after a meeting rated with a form (a ride-along) suggests its statements' coaching questions;
    on another form's statements they would never be asked."""
    rated = _rated_forms(document, assessments)
    if rated is None:
        return []
    return [
        assessments.problem(("assessments", index, "questions", number, "coaching_questions"), f"form {quoted(form['id'])} rates no meeting of the coaching rhythm (no 'rated_with: {form['id']}' in data/rhythm.yml), so the 1:1 planner never suggests these questions; remove 'coaching_questions'", at_key=True)
        for index, form in enumerate(assessments.value["assessments"]) if form["id"] not in rated
        for number, statement in enumerate(form.get("questions", [])) if "coaching_questions" in statement
    ]


def _debrief_answers_to_next_one_to_one(document: LocatedData, assessments: LocatedData | None, debriefs: LocatedData | None) -> list[Problem]:
    """The 1:1 planner brings a debrief's answer to the next 1:1 only from a meeting rated with a form (a
    ride-along) that ends with that debrief; on another debrief it would never be shown. Not while such a form
    names a debrief that isn't there: that one problem is the one to fix."""
    rated = _rated_forms(document, assessments)
    if rated is None or debriefs is None:
        return []
    ending = {form["debrief"] for form in assessments.value["assessments"] if form["id"] in rated and "debrief" in form}
    if not ending <= {debrief["id"] for debrief in debriefs.value["debriefs"]}:
        return []  # a form names a debrief that isn't there, reported with the other references (crossrefs.py)
    return [
        debriefs.problem(("debriefs", index, "prompts", number, "to_next_one_to_one"), f"debrief {quoted(debrief['id'])} ends no form a meeting of the coaching rhythm is rated with (a form with 'debrief: {debrief['id']}' and 'rated_with' in data/rhythm.yml), so the 1:1 planner never shows this answer; remove 'to_next_one_to_one'", at_key=True)
        for index, debrief in enumerate(debriefs.value["debriefs"]) if debrief["id"] not in ending
        for number, prompt in enumerate(debrief.get("prompts", [])) if prompt.get("to_next_one_to_one")
    ]


def _range_order(document: LocatedData) -> list[Problem]:
    hours = document.value["coaching_hours_per_rep"]
    if hours["at_least"] <= hours["at_most"]:
        return []
    return [document.problem(("coaching_hours_per_rep", "at_least"), f"'at_least' ({meeting_time.number(hours['at_least'])} hours) is more than 'at_most' ({meeting_time.number(hours['at_most'])} hours); the fewest hours must not be more than the most")]


def _week_of_month(document: LocatedData) -> list[Problem]:
    """A week of the month places a monthly meeting; on one held more or less often it would place nothing."""
    return [document.problem(("meetings", index, "week_of_month"), f"'week_of_month' places a monthly meeting in its week of the month, but this one is {meeting['how_often']}; remove 'week_of_month' or make 'how_often' monthly")
            for index, meeting in enumerate(document.value["meetings"]) if "week_of_month" in meeting and meeting["how_often"] != "monthly"]


def _a_month(meeting: dict, weeks_away: int) -> Fraction:
    return meeting_time.minutes_a_month(meeting["minutes"], meeting["how_often"], weeks_away)


def _per_rep(meetings: list[dict], weeks_away: int) -> Fraction:
    return sum((_a_month(meeting, weeks_away) for meeting in meetings), Fraction(0))


def _coaching_meetings(rhythm: dict) -> list[tuple[str, bool, int, str, int | None]]:
    """The meetings as meeting_time.strict_parts counts them."""
    return [(m["id"], m["counts_as_coaching"], m["minutes"], m["how_often"], m.get("coaching_part", {}).get("minutes")) for m in rhythm["meetings"]]


def _coaching_hours(document: LocatedData) -> list[Problem]:
    """Coaching time per rep inside the range: too little and skills don't move, too much and it isn't kept.
    Counted as the rhythm page's figure counts it: strictly, the time spent coaching the rep face to face, where
    the 1:1 marks its coaching boxes (a coach: a rhythm "within" the range only by counting the customer meetings
    a manager watches and the rest of the 1:1 gave each rep under two hours of coaching); else every coaching
    meeting whole. A weekly meeting is skipped in the manager's weeks away (meeting_time.times_a_year)."""
    rhythm = document.value
    hours = rhythm["coaching_hours_per_rep"]
    agenda = rhythm["one_to_one"]
    if agenda["meeting"] not in {m["id"] for m in rhythm["meetings"]}:
        return []  # its own problem: the strict count can't tell which meeting is the 1:1
    boxes = sum((box["minutes"] for box in agenda["boxes"] if box.get("coaching")), 0)
    meetings = _coaching_meetings(rhythm)
    away = rhythm.get("weeks_away_a_year", 0)
    strict = meeting_time.strict_parts(meetings, agenda["meeting"], boxes, away)
    names = {m["id"]: readable(m["name"]) for m in rhythm["meetings"]}
    if strict is None:
        counted = [(names[m["id"]], _a_month(m, away)) for m in rhythm["meetings"] if m["counts_as_coaching"]]
    else:
        what = {"boxes": "{}'s coaching boxes", "part": "{}'s coaching part", "whole": "{}"}
        counted = [(what[kind].format(names[id_]), minutes) for id_, kind, minutes in strict]
    coaching = sum((minutes for _, minutes in counted), Fraction(0))
    low, high = Fraction(str(hours["at_least"])) * 60, Fraction(str(hours["at_most"])) * 60
    if low <= coaching <= high or low > high:  # an upside-down range is reported on its own
        return []
    parts = ", ".join(f"{name} {meeting_time.duration(minutes)}" for name, minutes in counted) or "no meeting has counts_as_coaching: true"
    kind = "of coaching" if strict is None else "of coaching face to face"
    if away:  # said where the figures are, as the line a leader edits
        parts += f"; with the 1:1s of the {away} weeks in weeks_away_a_year (line {document.where(('weeks_away_a_year',)).line}) skipped"
    if coaching < low:
        more = "give the 1:1's coaching boxes more minutes, " if strict is not None else ""
        bound, side, advice = "at_least", "less than", f"{more}add a coaching meeting, or hold one longer or more often"
    else:
        bound, side, advice = "at_most", "more than", "shorten a coaching meeting or hold it less often"
    where = document.where(("coaching_hours_per_rep", bound)).line
    return [document.problem(("meetings",), f"each rep gets {meeting_time.duration(coaching)} {kind} a month ({parts}), {side} the {meeting_time.number(hours[bound])} hours set in coaching_hours_per_rep › {bound} (line {where}); {advice}, or change the range", at_key=True)]


def _manager_share(document: LocatedData) -> list[Problem]:
    """The whole rhythm, times the team, within the share of a working month the data allows: the meetings and
    the manager's time around them, since preparing, travelling and writing up come out of the same month."""
    rhythm = document.value
    away = rhythm.get("weeks_away_a_year", 0)
    around = sum((meeting_time.minutes_a_month(meeting["around_it_minutes"], meeting["how_often"], away) for meeting in rhythm["meetings"]), Fraction(0))
    per_rep = _per_rep(rhythm["meetings"], away) + around
    month = meeting_time.working_month_minutes(rhythm["working_hours_per_week"], away)
    share = per_rep * rhythm["team_size"] / month
    if share <= Fraction(str(rhythm["manager_share"]["at_most"])):
        return []
    where = document.where(("manager_share", "at_most")).line
    return [document.problem(("team_size",), (
        f"with {rhythm['team_size']} reps the rhythm takes {meeting_time.duration(per_rep * rhythm['team_size'])} of the manager's month "
        f"({meeting_time.duration(per_rep)} per rep, {meeting_time.duration(around)} of it around the meetings), {meeting_time.percent(share, 1)} of a working month of {meeting_time.duration(month)}, "
        f"more than the {meeting_time.number(rhythm['manager_share']['at_most'], 100)}% set in manager_share › at_most (line {where}); "
        "plan fewer or shorter meetings, or a smaller team per manager"
    ))]


def _agenda_adds_up(document: LocatedData) -> list[Problem]:
    """The 1:1's boxes fill the 1:1 exactly, so an agenda never promises more time than the rhythm gives."""
    rhythm = document.value
    agenda = rhythm["one_to_one"]
    meeting = next((m for m in rhythm["meetings"] if m["id"] == agenda["meeting"]), None)
    if meeting is None:
        return []  # an unknown meeting is reported by the cross-reference check
    total = sum(box["minutes"] for box in agenda["boxes"])
    if total == meeting["minutes"]:
        return []
    boxes = ", ".join(f"{box['id']} {box['minutes']}" for box in agenda["boxes"])
    index = rhythm["meetings"].index(meeting)
    where = document.where(("meetings", index, "minutes")).line
    return [document.problem(("one_to_one", "boxes"), f"the 1:1's time boxes add up to {total} minutes ({boxes}), but the {_in_a_sentence(meeting['name'])} lasts {meeting['minutes']} minutes in the rhythm (line {where}); make the boxes add up to {meeting['minutes']}, or change the meeting's minutes", at_key=True)]


def _one_box_reads_back(document: LocatedData) -> list[Problem]:
    """Last time's commitments are read back in exactly one box, so the planner knows where to list them."""
    if not any(box.get("reads_back_commitments") is True for box in document.value["one_to_one"]["boxes"]):
        return [document.problem(("one_to_one", "boxes"), "no time box has 'reads_back_commitments: true'; add it to the box where last time's commitments are read back (the planner lists them there)", at_key=True)]
    return _marked_once(document, "reads_back_commitments", "last time's commitments are read back in one box only")


def _one_box_agrees(document: LocatedData) -> list[Problem]:
    """The commitments are agreed in one box at most, so the planner records one box's lines as commitments."""
    return _marked_once(document, "agrees_commitments", "a 1:1's commitments are agreed in one box only")


def _marked_once(document: LocatedData, flag: str, why: str) -> list[Problem]:
    """Each box after the first with `flag: true`, reported at its flag with the first one's line."""
    boxes = document.value["one_to_one"]["boxes"]
    marked = [index for index, box in enumerate(boxes) if box.get(flag) is True]
    first = marked[0] if marked else None
    return [
        document.problem(("one_to_one", "boxes", index, flag), (
            f"box '{boxes[index]['id']}' and box '{boxes[first]['id']}' (line {document.where_key(('one_to_one', 'boxes', first, flag)).line}) "
            f"both have '{flag}: true'; {why}, so leave it on one of them"
        ), at_key=True)
        for index in marked[1:]
    ]


def _a_question_fits(document: LocatedData) -> list[Problem]:
    """Every box that takes the bank's questions has time for at least one, at the planner's minutes a question."""
    rhythm = document.value
    each = rhythm["one_to_one_planner"]["minutes_per_question"]
    where = document.where(("one_to_one_planner", "minutes_per_question")).line
    return [
        document.problem(("one_to_one", "boxes", index, "minutes"), (
            f"box '{box['id']}' takes questions but lasts {box['minutes']} minutes, less than the {each} minutes a question takes in "
            f"one_to_one_planner › minutes_per_question (line {where}), so no question fits; make the box longer, leave out its question_stages, "
            "or plan fewer minutes a question"
        ))
        for index, box in enumerate(rhythm["one_to_one"]["boxes"])
        if box.get("question_stages") and box["minutes"] < each
    ]


def _advised_box_has_situations(document: LocatedData) -> list[Problem]:
    """A box taking a mode's questions names the situations it takes them for: the advice must rest on one of them."""
    return [
        document.problem(("one_to_one", "boxes", index, "while_advised"), (
            f"box '{box['id']}' has 'while_advised' but no question_situations, so it would never take the mode's questions: they "
            "come to it only while the advice rests on one of its situations; add question_situations, or leave out while_advised"
        ), at_key=True)
        for index, box in enumerate(document.value["one_to_one"]["boxes"])
        if box.get("while_advised") and not box.get("question_situations")
    ]


def _minutes_while_advised(document: LocatedData) -> list[Problem]:
    """The boxes' minutes while an advice holds (a box's while_advised › box_minutes) name the 1:1's boxes, add up
    to the 1:1, leave each box that takes questions time for one, and keep each rep's coaching face to face at
    the least the rhythm plans for: a push month is a month of the rep's coaching too. Said only of an agenda whose
    usual minutes pass those rules, which are reported on their own."""
    rhythm = document.value
    agenda = rhythm["one_to_one"]
    meeting = next((m for m in rhythm["meetings"] if m["id"] == agenda["meeting"]), None)
    usual = {box["id"]: box["minutes"] for box in agenda["boxes"]}
    each = rhythm["one_to_one_planner"]["minutes_per_question"]
    problems = []
    for index, box in enumerate(agenda["boxes"]):
        changed = (box.get("while_advised") or {}).get("box_minutes")
        if not changed or meeting is None or sum(usual.values()) != meeting["minutes"]:
            continue
        path = ("one_to_one", "boxes", index, "while_advised", "box_minutes")
        unknown = [key for key in changed if key not in usual]
        problems += [document.problem(path + (key,), f"'{key}' is not a box of the 1:1 ({', '.join(usual)}); name a box by its id", at_key=True) for key in unknown]
        if unknown:
            continue
        minutes = {**usual, **changed}
        said = ", ".join(f"{key} {value}" for key, value in minutes.items())
        if sum(minutes.values()) != meeting["minutes"]:
            where = document.where(("meetings", rhythm["meetings"].index(meeting), "minutes")).line
            problems.append(document.problem(path, (
                f"while the advice holds the boxes add up to {sum(minutes.values())} minutes ({said}), but the 1:1 lasts {meeting['minutes']} "
                f"(line {where}); make them add up to {meeting['minutes']}"
            ), at_key=True))
            continue
        short = [other["id"] for other in agenda["boxes"] if (other.get("question_stages") or other is box) and minutes[other["id"]] < each]
        problems += [document.problem(path + (key,), (
            f"box '{key}' has {minutes[key]} minutes while the advice holds, less than the {each} minutes a question takes in "
            "one_to_one_planner › minutes_per_question, so none of its questions fits; give it more"
        )) for key in short if key in changed]
        problems += _coaching_while_advised(document, path, minutes)
    return problems


def _coaching_while_advised(document: LocatedData, path: tuple, minutes: dict[str, int]) -> list[Problem]:
    """Each rep's coaching face to face in a month the 1:1's boxes have `minutes`, held to the least of the range
    where the usual month reaches it."""
    rhythm = document.value
    agenda = rhythm["one_to_one"]
    meetings = _coaching_meetings(rhythm)

    def strict(box_minutes: dict[str, int]) -> tuple[int, Fraction | None]:
        boxes = sum((box_minutes[box["id"]] for box in agenda["boxes"] if box.get("coaching")), 0)
        parts = meeting_time.strict_parts(meetings, agenda["meeting"], boxes, rhythm.get("weeks_away_a_year", 0))
        return boxes, None if parts is None else sum((part for *_, part in parts), Fraction(0))

    hours = rhythm["coaching_hours_per_rep"]
    least = Fraction(str(hours["at_least"])) * 60
    _, usual = strict({box["id"]: box["minutes"] for box in agenda["boxes"]})
    boxes, coaching = strict(minutes)
    if usual is None or usual < least or hours["at_least"] > hours["at_most"] or coaching >= least:
        return []
    where = document.where(("coaching_hours_per_rep", "at_least")).line
    return [document.problem(path, (
        f"while the advice holds the 1:1's coaching boxes have {boxes} minutes, which gives each rep {meeting_time.duration(coaching)} of "
        f"coaching face to face in a month of it, less than the {meeting_time.number(rhythm['coaching_hours_per_rep']['at_least'])} hours set in "
        f"coaching_hours_per_rep › at_least (line {where}); give the coaching boxes more of the minutes"
    ), at_key=True)]


def _advice_reaches_next_one_to_one(document: LocatedData) -> list[Problem]:
    """The decision helper's advice lasts at least from one 1:1 to the next, or the planner could never use it."""
    rhythm = document.value
    planner = rhythm["one_to_one_planner"]
    meeting = next((m for m in rhythm["meetings"] if m["id"] == rhythm["one_to_one"]["meeting"]), None)
    if meeting is None:
        return []  # an unknown meeting is reported by the cross-reference check
    between = Fraction(meeting_time.WEEKS_A_YEAR, meeting_time.times_a_year(meeting["how_often"]))
    if planner["advice_lasts_weeks"] >= between:
        return []
    where = document.where(("meetings", rhythm["meetings"].index(meeting), "how_often")).line
    return [document.problem(("one_to_one_planner", "advice_lasts_weeks"), (
        f"advice_lasts_weeks is {planner['advice_lasts_weeks']}, but the {_in_a_sentence(meeting['name'])} is {meeting['how_often']} in the rhythm (line {where}), "
        f"so the decision helper's advice would lapse before the next 1:1; make it at least {math.ceil(between)}"
    ))]


# ---------------------------------------------------------------- meetings restated in other texts

_COUNT_WORDS = {"once": 1, "one": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MINUTE_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "forty": 40, "sixty": 60, "ninety": 90}
_PERIODS = {"week": 52, "fortnight": 26, "month": 12, "quarter": 4, "year": 1}
_COUNT = r"once|twice|one|two|three|four|five|six|\d+"
# How often or how long, as people write it: "weekly", "twice a month", "two calls a month", "every other
# week", "30-minute", "45 minutes", "an hour".
_SAYS = re.compile(
    r"\b(?:(?P<adjective>weekly|fortnightly|monthly|quarterly)"
    rf"|(?:(?P<count>{_COUNT})(?:\s+times)?\s+(?:[\w-]+\s+)?)?(?P<article>a|an|per|each|every)\s+(?P<period>week|fortnight|month|quarter|year)"
    r"|every\s+(?P<every>other|two|three|four|\d+)\s+(?P<periods>week|month)s?"
    rf"|(?P<minutes>\d+|{'|'.join(_MINUTE_WORDS)})[-\s]min(?:ute)?s?"
    r"|(?P<half_hour>half[-\s]an[-\s]hour|half-hour)"
    r"|(?P<hours>\d+|an|one|two|three|four)[-\s]hours?)\b",
    re.IGNORECASE,
)
# Every expression `_SAYS` finds holds one of these.
_TIME_WORDS = re.compile("week|fortnight|month|quarter|year|min|hour")
# Words that make a time a lead time, not the meeting's own: "ten minutes before each 1:1".
_LEAD_TIME = re.compile(r"\b(?:before|after|ahead|since|until|within|between)\b", re.IGNORECASE)
_MOST_WORDS_BETWEEN = 3
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n")


@dataclass(frozen=True)
class Restatement:
    """A data text saying how often or how long a meeting of the rhythm is."""

    file: str  # the file's stem
    path: tuple
    meeting: dict
    meeting_index: int
    words: str  # the words that say it, as written (links reduced to their text)
    kind: str  # "how often" (times a year) or "length" (minutes)
    stated: int | Fraction
    expected: int

    @property
    def agrees(self) -> bool:
        return self.stated == self.expected

    def problem(self, documents: dict[str, LocatedData]) -> Problem:
        line = documents[RHYTHM].where(("meetings", self.meeting_index, "how_often" if self.kind == "how often" else "minutes")).line
        said, has = (_how_often(self.stated), _how_often(self.expected)) if self.kind == "how often" else (f"{self.stated} minutes long", f"{self.expected} minutes long")
        return documents[self.file].problem(self.path, (
            f"{quoted(self.words)} says the {_in_a_sentence(self.meeting['name'])} is {said}, but the coaching rhythm has it {has} "
            f"(data/rhythm.yml, line {line}); link to [the coaching rhythm]({RHYTHM_PAGE}#{self.meeting['id']}) "
            "instead of saying how often or how long it is, or change the rhythm"
        ))


def _how_often(times_a_year: int | Fraction) -> str:
    named = {times: name for name, times in meeting_time.TIMES_A_YEAR.items()}
    if times_a_year in named:
        return named[times_a_year]
    monthly = Fraction(times_a_year, 12)
    if monthly.denominator != 1:
        return f"{times_a_year} times a year"
    return {2: "twice a month"}.get(monthly.numerator, f"{monthly} times a month")


def _in_a_sentence(name: str) -> str:
    """A meeting's name inside a sentence, on one line: 'Ride-along' reads 'ride-along'; '1:1' and 'QBR' stay
    as they are."""
    return readable(name[0].lower() + name[1:] if name[1:2].islower() else name)


def restatements(documents: dict[str, LocatedData]) -> list[Restatement]:
    """Every place a data text (in any file, this one included) pairs a meeting's name with how often or how
    long it is, within a few words, in one sentence."""
    rhythm = documents.get(RHYTHM)
    if rhythm is None:
        return []
    meetings = rhythm.value["meetings"]
    names = _meeting_names(meetings)
    if names is None:
        return []
    found = []
    for stem, document in documents.items():
        saying = {text for text in _with_time_words(document.value) if names.search(text) and _sayings(text, names)}
        # Where a text is found (rarely), the whole file is walked again to say where it is written.
        for path, text in document.texts() if saying else ():
            if text in saying:
                found += [Restatement(stem, path, meetings[index], index, words, kind, stated, _expected(meetings[index], kind)) for index, words, kind, stated in _sayings(text, names)]
    return found


def _expected(meeting: dict, kind: str) -> int:
    return meeting_time.times_a_year(meeting["how_often"]) if kind == "how often" else meeting["minutes"]


def _with_time_words(value) -> set[str]:
    """The texts of a data file that hold a word of time at all, found in one pass over them all joined: most
    hold none, and a handbook many times the example's size must still validate in seconds."""
    written = [text for _, text in texts(value)]
    starts = list(itertools.accumulate((len(text) + 1 for text in written), initial=0))
    joined = "\n".join(written).lower()
    return {written[bisect.bisect_right(starts, hit.start()) - 1] for hit in _TIME_WORDS.finditer(joined)}


def _meeting_names(meetings: list[dict]) -> re.Pattern | None:
    """One pattern for every meeting's name and other names, longest first (so 'development 1:1' is not read
    as the 1:1), each in a group named after the meeting's place in the list (`m2_5`: meeting 2, name 5), with
    an optional count in front: 'two ride-alongs'."""
    alternatives = []
    for index, meeting in enumerate(meetings):
        for name in [meeting["name"], *meeting.get("also_called", [])]:
            words = [re.escape(word) for word in re.split(r"[-\s]+", name) if word]
            if words:
                alternatives.append((len(name), index, r"[-\s]+".join(words)))
    if not alternatives:
        return None
    alternatives.sort(key=lambda alternative: -alternative[0])
    pattern = "|".join(f"(?P<m{index}_{n}>{words})" for n, (_, index, words) in enumerate(alternatives))
    return re.compile(rf"(?:\b(?P<name_count>{_COUNT})\s+)?(?<![\w:-])(?:{pattern})s?(?![\w:-])", re.IGNORECASE)


def _sayings(text: str, names: re.Pattern) -> list[tuple[int, str, str, int | Fraction]]:
    """(meeting index, the words, 'how often' or 'length', what they state) for each frequency or length in
    the text that stands within a few words of a meeting's name, in one sentence."""
    found = []
    readable = _LINK.sub(r"\1", text).replace("*", "")
    for sentence in _SENTENCE_END.split(readable):
        mentions = list(names.finditer(sentence))
        for says in _SAYS.finditer(sentence):
            mention = min(mentions, key=lambda m: _gap(sentence, says, m), default=None)
            if mention is None or _gap(sentence, says, mention) > _MOST_WORDS_BETWEEN:
                continue
            stated = _stated(says, mention)
            if stated is not None:
                start, end = min(says.start(), mention.start()), max(says.end(), mention.end())
                # The name's group is the last one matched: `m2_5` is meeting 2.
                index = int(mention.lastgroup[1:].split("_")[0])
                found.append((index, " ".join(sentence[start:end].split()), *stated))
    return found


def _gap(sentence: str, says: re.Match, mention: re.Match) -> int:
    """Words between the two, or more than the most allowed when a lead-time word stands between them."""
    if says.start() < mention.end() and mention.start() < says.end():
        return 0
    between = sentence[min(says.end(), mention.end()):max(says.start(), mention.start())]
    if _LEAD_TIME.search(between):
        return _MOST_WORDS_BETWEEN + 1
    return len(re.findall(r"[\w:'’-]+", between))


def _stated(says: re.Match, mention: re.Match) -> tuple[str, int | Fraction] | None:
    """('how often', times a year) or ('length', minutes) of what the words say; None when they say neither,
    as 'a month' alone does ('within a month'), unless a count goes with the meeting: 'one ride-along a month'."""
    group = says.groupdict()
    if group["adjective"]:
        return "how often", meeting_time.times_a_year(group["adjective"].lower())
    if group["period"]:
        count = group["count"] or mention.group("name_count")
        if group["article"].lower() in ("a", "an") and not count:
            return None
        return "how often", _number(count or "1", _COUNT_WORDS) * _PERIODS[group["period"].lower()]
    if group["every"]:
        every = 2 if group["every"].lower() == "other" else _number(group["every"], _COUNT_WORDS)
        return "how often", Fraction(_PERIODS[group["periods"].lower()], every)
    if group["minutes"]:
        return "length", _number(group["minutes"], _MINUTE_WORDS)
    if group["half_hour"]:
        return "length", 30
    return "length", 60 * _number(group["hours"], {**_COUNT_WORDS, "an": 1})


def _number(word: str, words: dict[str, int]) -> int:
    return int(word) if word.isdigit() else words[word.lower()]
