"""The activity planner's data rules and its rounding rule.

Data: targets worked out by the planner name real stages, existing pipeline sits at a real stage, and the
handbook's own figures are within the limits readers are held to; each problem is reported at the line a
leader must fix. Rounding: what macros/planner.py shows a week or a day multiplies back to the period's
figure, checked with exact fractions over many cases.
"""

from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.handbook import Project, validate
from macros.planner import Inputs, Pace, Written, pace, shown
from macros.project import ROOT
from macros.words import Words
from tests.helpers import problems_of, replace_once, with_value

BOOTCAMP = "data/bootcamp.yml"


def _problems_after(project: Path, old: str, new: str) -> list[str]:
    """The boot camp's problems once `old` (which must occur once) is replaced by `new`."""
    replace_once(project, "bootcamp.yml", old, new)
    return problems_of(project, "bootcamp.yml")


def _at(project: Path, needle: str, offset: int = 0) -> str:
    """file:line:column `offset` characters after where `needle` (which must occur once) starts."""
    lines = (project / BOOTCAMP).read_text(encoding="utf-8").splitlines()
    ((line, column),) = [(number, text.index(needle) + 1) for number, text in enumerate(lines, 1) if needle in text]
    return f"{BOOTCAMP}:{line}:{column + offset}"


def test_the_example_planner_and_targets_are_valid(project):
    _, problems = validate(Project(project))
    assert [problem.as_text() for problem in problems if problem.file == BOOTCAMP] == []


def test_a_target_from_an_unknown_stage_is_reported_at_the_stage(project):
    problems = _problems_after(project, "{stage: calls, show: per day}", "{stage: dials, show: per day}")
    assert problems == [f"{_at(project, 'stage: dials', offset=7)}: unknown funnel stage 'dials' (expected one of the activity planner's funnel stages: calls, conversations, meetings, qualified, wins)"]


def test_a_target_with_both_a_text_and_a_planner_figure_is_reported(project):
    problems = _problems_after(project, "          from_planner: {stage: calls, show: per day}\n", "          target: 40 a day\n          from_planner: {stage: calls, show: per day}\n")
    assert problems == [f"{_at(project, 'id: dials-per-day')}: activity target 'dials-per-day' needs either 'target' (the target in words) or 'from_planner' (a figure the activity planner works out), not both"]


def test_a_target_with_neither_is_reported(project):
    problems = _problems_after(project, "          from_planner: {stage: calls, show: per day}\n", "")
    assert problems == [f"{_at(project, 'id: dials-per-day')}: activity target 'dials-per-day' needs either 'target' (the target in words) or 'from_planner' (a figure the activity planner works out), not neither"]


def test_the_first_stage_has_no_conversion_rate_to_show(project):
    problems = _problems_after(project, "{stage: meetings, show: conversion rate}", "{stage: calls, show: conversion rate}")
    assert problems == [f"{_at(project, 'conversion rate}')}: 'calls' is the first funnel stage, so it has no conversion rate; show 'per day', 'per week' or 'per period', or choose a later stage"]


def test_an_unknown_figure_is_refused_by_the_schema(project):
    problems = _problems_after(project, "{stage: calls, show: per day}", "{stage: calls, show: per month}")
    (problem,) = problems
    assert problem.startswith(f"{_at(project, 'per month')}: ")
    assert problem.endswith("'show' is 'per month' (expected one of: per day, per week, per period, conversion rate)")


def test_pipeline_at_an_unknown_stage_is_reported(project):
    problems = _problems_after(project, "pipeline_stage: qualified", "pipeline_stage: proposal")
    assert problems == [f"{_at(project, 'proposal')}: unknown funnel stage 'proposal' (expected one of the activity planner's funnel stages: calls, conversations, meetings, qualified, wins)"]


def test_a_default_above_its_upper_limit_is_reported_at_the_default(project):
    path = project / BOOTCAMP
    path.write_text(with_value(path.read_text(encoding="utf-8"), "  revenue_target", 60000000), encoding="utf-8")
    problems = problems_of(project, "bootcamp.yml")
    assert problems == [f"{_at(project, '60000000')}: 'revenue_target' is 60,000,000, above its upper limit of 50,000,000 (upper_limits: revenue_target); lower the figure or raise the limit"]


def test_weeks_above_the_most_the_period_holds_are_reported(project):
    problems = _problems_after(project, "  weeks_in_period: 11\n", "  weeks_in_period: 15\n")
    assert problems == [f"{_at(project, 'weeks_in_period: 15', offset=17)}: 'weeks_in_period' is 15, above its upper limit of 14 (upper_limits: weeks_in_period); lower the figure or raise the limit"]


def _per_unit(shown: Pace) -> tuple[Fraction, Fraction]:
    """The least and the most exact pace a shown figure stands for: 3.1 is at least 3.0 and at most 3.1 (it was
    rounded up); 27 is at least 26 (above 10, rounded up to a whole number); "1 every 5.4 selling days" is at least 1 ÷ 5.5
    and at most 1 ÷ 5.4 (N was rounded down)."""
    figure = Fraction(shown.tenths, 10)
    if shown.every:
        assert figure >= 1
        return 1 / (figure + Fraction(1, 10)), 1 / figure
    assert figure == 0 or figure >= 1, shown
    if figure > 10:
        assert figure.denominator == 1, shown
        return figure - 1, figure
    return figure - Fraction(1, 10), figure


@settings(derandomize=True, database=None, max_examples=500, deadline=None)
@given(count=st.integers(min_value=0, max_value=10**7), tenths_of_units=st.integers(min_value=1, max_value=53 * 7 * 10))
def test_a_pace_multiplied_back_gives_the_period_figure_within_its_rounding(count, tenths_of_units):
    units = Fraction(tenths_of_units, 10)
    least, most = _per_unit(pace(count, units))
    exact = count / units
    assert least < exact <= most  # so shown × units reaches the period figure, and is at most one step above it


@settings(derandomize=True, database=None, max_examples=500, deadline=None)
@given(count=st.integers(min_value=0, max_value=10**6), weeks=st.integers(min_value=1, max_value=14), days_a_week=st.integers(min_value=1, max_value=7))
def test_a_weeks_selling_days_make_at_least_its_figure_and_no_more_than_a_step_over(count, weeks, days_a_week):
    """A rep's day plan must not fall short of their week's (a rep read 6.7 calls a day beside 34 a week: five
    days make 33.5); and the day, times the period's days, still reaches the period's figure."""
    inputs = Inputs(Fraction(1), Fraction(1), Fraction(weeks), Fraction(days_a_week), (), 0)
    week, day = shown(count, inputs, "per week"), shown(count, inputs, "per day")
    least, most = _per_unit(day)
    assert most * weeks * days_a_week >= count
    if not week.every:
        figure = Fraction(week.tenths, 10)
        assert least * days_a_week < figure <= most * days_a_week


@pytest.mark.parametrize(("count", "weeks", "week", "day"), [
    (400, 12, "33.5 a week", "6.7 a day"), (1200, 12, "100 a week", "20 a day"), (16, 12, "1.4 a week", "1 every 3.5 selling days"),
    (6, 12, "1 every 2 weeks", "1 every 10 selling days"),
])
def test_week_and_day_examples_a_leader_can_check(count, weeks, week, day):
    inputs = Inputs(Fraction(1), Fraction(1), Fraction(weeks), Fraction(5), (), 0)
    write = Written(Words(yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8")), "en-GB"))
    per_week, per_day = shown(count, inputs, "per week"), shown(count, inputs, "per day")
    assert write.words.plain("planner.every_weeks" if per_week.every else "planner.a_week", figure=write.tenths(per_week.tenths)) == week
    assert _as_the_page_writes_it(per_day) == day


def _as_the_page_writes_it(shown: Pace) -> str:
    """A day's figure in the English handbook's words (data/strings.yml), as the activity targets state it."""
    write = Written(Words(yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8")), "en-GB"))
    key = ("planner.every_day" if shown.tenths == 10 else "planner.every_days") if shown.every else "planner.a_day"
    return write.words.plain(key, figure=write.tenths(shown.tenths))


@pytest.mark.parametrize(("count", "units", "text"), [
    (2600, 65, "40 a day"), (520, 13, "40 a day"), (104, 65, "1.6 a day"), (13, 13, "1 a day"), (13, 65, "1 every 5 selling days"),
    (52, 65, "1 every 1.2 selling days"), (40, 13, "3.1 a day"), (12, 13, "1 every selling day"), (6, 13, "1 every 2.1 selling days"), (0, 13, "0 a day"),
    (12345, 1, "12,345 a day"), (123457, 10, "12,346 a day"), (1, 65, "1 every 65 selling days"),
    (1733, 65, "27 a day"), (650, 65, "10 a day"), (651, 65, "11 a day"), (649, 65, "10 a day"), (643, 65, "9.9 a day"),
])
def test_pace_examples_a_leader_can_check(count, units, text):
    assert _as_the_page_writes_it(pace(count, Fraction(units))) == text
