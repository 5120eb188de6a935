"""The boot-camp cadence's week start: a day name from data/bootcamp.yml, checked where a leader types it."""

from pathlib import Path

import pytest

from macros.handbook import Project, validate
from macros.model import build_handbook

WEEK_START_LINE = "  week_starts_on: Monday\n"


def _with_week_start(project: Path, line: str) -> tuple[dict, list[str]]:
    path = project / "data" / "bootcamp.yml"
    text = path.read_text(encoding="utf-8")
    assert WEEK_START_LINE in text
    path.write_text(text.replace(WEEK_START_LINE, line), encoding="utf-8")
    documents, problems = validate(Project(project))
    return documents, [problem.as_text() for problem in problems if problem.as_text().startswith("data/bootcamp.yml")]


@pytest.mark.parametrize("typed", ["Mon", "monday", "Weekday"])
def test_a_week_start_that_is_not_a_day_name_is_reported_on_its_line(project, typed):
    text = (project / "data" / "bootcamp.yml").read_text(encoding="utf-8")
    line = text[: text.index(WEEK_START_LINE)].count("\n") + 1
    _, problems = _with_week_start(project, f"  week_starts_on: {typed}\n")
    column = len("  week_starts_on: ") + 1
    days = "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday"
    assert problems == [f"data/bootcamp.yml:{line}:{column}: 'cadence' › 'week_starts_on' is '{typed}' (expected one of: {days})"]


@pytest.mark.parametrize(("line", "expected"), [("  week_starts_on: Sunday\n", "Sunday"), ("", "Monday")])
def test_the_weekly_checklist_takes_its_week_start_from_data_and_monday_when_left_out(project, line, expected):
    documents, problems = _with_week_start(project, line)
    assert problems == []
    handbook = build_handbook(documents)
    weekly, daily = handbook.checklists["bootcamp-weekly"], handbook.checklists["bootcamp-daily"]
    assert (weekly.repeats, weekly.week_starts_on, daily.repeats) == ("week", expected, "day")
    # The widget counts days as JavaScript's Date.getDay() does: Sunday 0, Monday 1.
    assert weekly.week_start_number == {"Sunday": 0, "Monday": 1}[expected]


def test_checklists_from_the_checklists_file_repeat_only_as_their_starts_afresh_says(project):
    """`starts_afresh: before each 1:1` (the 1:1 preparation) belongs to the rep's next 1:1, `before each charter
    review` to the review on the charter's date; a list without starts_afresh keeps its ticks until reset."""
    documents, _ = validate(Project(project))
    handbook = build_handbook(documents)
    listed = {c.id: c for c in handbook.checklists.values() if c.file.endswith("checklists.yml")}
    said = {raw["id"]: raw.get("starts_afresh") for raw in documents["checklists"].value["checklists"]}
    assert said["one-to-one-prep"] == "before each 1:1" and said["charter-review"] == "before each charter review"
    assert any(value is None for value in said.values())
    for checklist_id, checklist in listed.items():
        assert checklist.repeats == {"every day": "day", "every week": "week", "before each 1:1": "one-to-one", "before each charter review": "charter-review", None: None}[said[checklist_id]], checklist_id
        assert checklist.week_starts_on == handbook.bootcamp.cadence.week_starts_on
