"""Dates the data gives as still to come (macros/upcoming.py): a leader opening `make validate` the day after the
charter's review, a few days into the boot camp, or weeks before the last public holiday listed is told at the
line what to update, as a warning that never stops the build. Each scenario sets its own today through
PLAYBOOK_TODAY; the expected days are counted here with Python's calendar, not by the check's code."""

from datetime import date, timedelta

import pytest

from macros.handbook import validate
from macros.project import Project
from tests.conftest import ROOT, TESTS_TODAY, run_validate
from tests.helpers import data


def _line(file: str, needle: str) -> int:
    """The line of `data/<file>` holding `needle`, which must occur once."""
    lines = (ROOT / "data" / file).read_text(encoding="utf-8").splitlines()
    (number,) = [number for number, text in enumerate(lines, 1) if needle in text]
    return number


def _warnings_on(monkeypatch, today: date, file: str) -> list[str]:
    """What `make validate` says of `data/<file>` of the example, on `today`."""
    monkeypatch.setenv("PLAYBOOK_TODAY", today.isoformat())
    _, problems = validate(Project(ROOT))
    found = [problem for problem in problems if problem.file == f"data/{file}"]
    assert all(problem.warning for problem in found), found
    return [problem.as_text() for problem in found]


REVIEW = date.fromisoformat(data("charter")["review"]["next_review"])
BOOT_CAMP = date.fromisoformat(data("bootcamp")["next_boot_camp_starts"])
LAST_DAY_OFF = max(date.fromisoformat(day["date"]) for day in data("rhythm").get("days_off", [{"date": "0001-01-01"}]))


def test_on_the_tests_day_nothing_in_the_example_has_gone_by(monkeypatch):
    today = date.fromisoformat(TESTS_TODAY)
    for file in ("charter.yml", "bootcamp.yml", "rhythm.yml"):
        assert _warnings_on(monkeypatch, today, file) == []


def test_the_day_after_the_charter_review_the_leader_is_told_to_hold_it_and_set_the_next(monkeypatch):
    line = _line("charter.yml", f'next_review: "{REVIEW.isoformat()}"')
    assert _warnings_on(monkeypatch, REVIEW, "charter.yml") == []  # due today is not late
    assert _warnings_on(monkeypatch, REVIEW + timedelta(days=1), "charter.yml") == [
        f"data/charter.yml:{line}:16: warning: the charter's next review was due on '{REVIEW.isoformat()}', 1 day ago: hold it, then set the date of the one after"
    ]


def test_ten_days_into_the_boot_camp_validate_still_passes_and_names_the_start_date(project, monkeypatch):
    # As a leader runs it, on a copy of the example: the command, its exit code and what it prints.
    monkeypatch.setenv("PLAYBOOK_TODAY", (BOOT_CAMP + timedelta(days=10)).isoformat())
    result = run_validate(project)
    assert result.returncode == 0, result.stdout + result.stderr
    line = _line("bootcamp.yml", "next_boot_camp_starts:")
    assert (
        f"data/bootcamp.yml:{line}:24: warning: the next boot camp started on '{BOOT_CAMP.isoformat()}', 10 days ago, and the boot camp page "
        "and its calendar file still offer it as the next one: set the next one's start"
    ) in result.stdout.splitlines()
    assert "none stops a build" in result.stderr


def test_a_mistyped_playbook_today_is_a_problem_in_plain_words_not_a_traceback(project, monkeypatch):
    monkeypatch.setenv("PLAYBOOK_TODAY", "2027-3-1")
    result = run_validate(project)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == ["PLAYBOOK_TODAY:1:1: '2027-3-1' is not a day written YYYY-MM-DD, such as 2027-03-01: set PLAYBOOK_TODAY so, or leave it out to check against today"]


@pytest.mark.skipif(LAST_DAY_OFF.year == 1, reason="this handbook lists no days off")
def test_the_leader_is_warned_two_months_before_the_last_day_off_listed_and_after_it(monkeypatch):
    line = _line("rhythm.yml", "days_off:")
    tail = ": after it the commitments, the 1:1 planner, the team view and the boot-camp calendar count public holidays as working days; add the coming months' days off"
    assert _warnings_on(monkeypatch, LAST_DAY_OFF - timedelta(days=60), "rhythm.yml") == []
    assert _warnings_on(monkeypatch, LAST_DAY_OFF - timedelta(days=59), "rhythm.yml") == [
        f"data/rhythm.yml:{line}:1: warning: the last day off listed is '{LAST_DAY_OFF.isoformat()}', 59 days from today{tail}"
    ]
    assert _warnings_on(monkeypatch, LAST_DAY_OFF + timedelta(days=3), "rhythm.yml") == [
        f"data/rhythm.yml:{line}:1: warning: every day off listed has passed (the last, '{LAST_DAY_OFF.isoformat()}', 3 days ago){tail}"
    ]


def test_a_date_gone_by_comes_before_what_a_translation_lacks_which_github_counts_in_one_annotation(project, monkeypatch):
    """GitHub shows only the first ten warnings of a step: a director found a day off gone by as the sixteenth
    annotation, under the pages German does not translate yet. Dates come first, and on GitHub what each
    translation lacks is one annotation with its count."""
    monkeypatch.setenv("PLAYBOOK_TODAY", (BOOT_CAMP + timedelta(days=10)).isoformat())
    printed = run_validate(project).stdout.splitlines()
    untranslated = [line for line in printed if "not translated for the" in line]
    dates = [line for line in printed if line not in untranslated]
    assert dates and printed == dates + untranslated
    annotations = run_validate(project, "--format", "github").stdout.splitlines()
    expected = []
    for line in dates:
        file, number, column, message = line.split(":", 3)
        expected.append(f"::warning file={file},line={number},col={column}::{message.removeprefix(' warning: ')}")
    for language in dict.fromkeys(line.split("not translated for the ", 1)[1].split(" site", 1)[0] for line in untranslated):
        lacking = [line for line in untranslated if f"not translated for the {language} site" in line]
        expected.append(f"::warning::{len(lacking)} things not translated for the {language} site yet, which shows them in the first language meanwhile: run make validate to list each, with the file to translate it in")
    assert annotations == expected
