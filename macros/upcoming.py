"""Dates the data gives as still to come: the charter's next review, the next boot camp's start and the last public
holiday listed. A hosted handbook keeps saying them after they have passed, so validation warns, at their line, once
one has gone by (the days off a while before: after the last one every tool counts public holidays as working days).
Warnings, not problems: a date passing must never stop a team's build, only tell the leader what to update.
PLAYBOOK_TODAY (a YYYY-MM-DD date) sets the day the checks take as today: to see what will need updating by then,
and for the tests, whose results must not depend on the day they run."""

import os
from datetime import date

from .loading import LocatedData
from .problems import Problem, quoted

# Warn about the days off while the last one listed is fewer than this many days away: about two months, time to
# add the next ones before commitments and 1:1s are dated across a holiday the tools don't know.
DAYS_OFF_AHEAD = 60


def dates_gone_by(documents: dict[str, LocatedData]) -> list[Problem]:
    """`documents` holds only files that passed their schema (and their own date checks), keyed by file stem."""
    said = os.environ.get("PLAYBOOK_TODAY")
    try:
        today = date.fromisoformat(said) if said else date.today()
    except ValueError:
        return [Problem("PLAYBOOK_TODAY", 1, 1, f"{quoted(said)} is not a day written YYYY-MM-DD, such as 2027-03-01: set PLAYBOOK_TODAY so, or leave it out to check against today")]
    problems = []
    charter, bootcamp, rhythm = documents.get("charter"), documents.get("bootcamp"), documents.get("rhythm")
    if charter is not None:
        problems += _passed(charter, ("review", "next_review"), today, "the charter's next review was due on {when}, {days} ago: hold it, then set the date of the one after")
    if bootcamp is not None:
        problems += _passed(bootcamp, ("next_boot_camp_starts",), today, "the next boot camp started on {when}, {days} ago, and the boot camp page and its calendar file still offer it as the next one: set the next one's start")
    if rhythm is not None:
        problems += _days_off_running_out(rhythm, today)
    return problems


def _passed(document: LocatedData, path: tuple, today: date, message: str) -> list[Problem]:
    when = _day(document, path)
    if when is None or when >= today:
        return []
    return [document.problem(path, message.format(when=quoted(when.isoformat()), days=_days(today - when)), warning=True)]


def _days_off_running_out(document: LocatedData, today: date) -> list[Problem]:
    listed = [_day(document, ("days_off", index, "date")) for index in range(len(document.value.get("days_off", [])))]
    listed = [day for day in listed if day is not None]
    if not listed or (max(listed) - today).days >= DAYS_OFF_AHEAD:
        return []
    last = max(listed)
    if last < today:
        said = f"every day off listed has passed (the last, {quoted(last.isoformat())}, {_days(today - last)} ago)"
    else:
        said = f"the last day off listed is {quoted(last.isoformat())}, {_days(last - today)} from today"
    return [document.problem(("days_off",), f"{said}: after it the commitments, the 1:1 planner, the team view and the boot-camp calendar count public holidays as working days; add the coming months' days off", at_key=True, warning=True)]


def _day(document: LocatedData, path: tuple) -> date | None:
    """The date at `path`; None where it is not one (its own check reports that)."""
    value = document.value
    for step in path:
        value = value[step]
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _days(span) -> str:
    return "1 day" if span.days == 1 else f"{span.days} days"
