"""A research figure must say what kind of finding it is, who found it and when; a leader who leaves one out
or writes it wrongly is told where, in plain words."""

from pathlib import Path

import pytest

from macros.handbook import Project, validate
from tests.helpers import problems_of, replace_once

COACHING = "data/coaching.yml"


def _problems_after(project: Path, old: str, new: str) -> list[str]:
    """The coaching file's problems once `old` (which must occur once) is replaced by `new`."""
    replace_once(project, "coaching.yml", old, new)
    return problems_of(project, "coaching.yml")


def _line_of(project: Path, needle: str) -> int:
    lines = (project / COACHING).read_text(encoding="utf-8").splitlines()
    (line,) = [number for number, text in enumerate(lines, 1) if needle in text]
    return line


def test_the_example_findings_are_valid(project):
    _, problems = validate(Project(project))
    assert [problem for problem in problems if problem.file == COACHING] == []


@pytest.mark.parametrize(
    "old, new, says",
    [
        ("    kind: reported\n", "    kind: proof\n", "'kind' is 'proof' (expected one of: reported, correlation, case study, study, estimate)"),
        ("    year: 2011\n", "    year: last year\n", "'year' 'last year' is not valid (expected the year it was found or published, such as 2011, or 'not given' when the source gives no year)"),
        ("    year: 2011\n", "    year: 201\n", "'year' is 201 (expected at least 1900 and at most 2100)"),
    ],
)
def test_a_wrong_kind_or_year_is_reported_at_its_line(project, old, new, says):
    problems = _problems_after(project, old, new)
    line = _line_of(project, new.strip())
    assert len(problems) == 1 and problems[0].startswith(f"{COACHING}:{line}:") and problems[0].endswith(says), problems


def test_a_figure_without_who_found_it_is_reported(project):
    problems = _problems_after(project, "    who: CSO Insights\n", "")
    assert len(problems) == 1 and "is missing the required field 'who'" in problems[0], problems
