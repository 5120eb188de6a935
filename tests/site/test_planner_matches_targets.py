"""The boot camp's activity targets and its activity planner agree, because the targets are the planner's figures.

The plan is worked out from the data with exact fractions by tests/planner_oracle.py, independently of
macros/planner.py, and compared with both tables in the built page; then a rate is changed in a copy of the
data and both move together.
"""

from fractions import Fraction
from pathlib import Path

import yaml

from tests import planner_oracle
from tests.conftest import run_build
from tests.helpers import content, data, page
from tests.site.test_rhythm_pages import _shown


def _expected_targets(bootcamp: dict) -> dict[str, str]:
    """Target id → the text the planner's figures give it: a week's or a day's as the planner's table shows it."""
    planner = bootcamp["activity_planner"]
    ids = [stage["id"] for stage in planner["stages"]]
    plan = planner_oracle.expected(planner)
    cells = {"per week": (3, "week"), "per day": (4, "day")}
    expected = {}
    for dimension in bootcamp["activity_targets"]["dimensions"]:
        for target in dimension["targets"]:
            wanted = target.get("from_planner")
            if not wanted:
                continue
            index = ids.index(wanted["stage"])
            if wanted["show"] == "conversion rate":
                one_in = 1 / planner_oracle.exact(planner["stages"][index]["conversion_rate"])
                expected[target["id"]] = f"1 in {one_in}" if one_in.denominator == 1 else f"{float(100 / one_in):g}%"
            elif wanted["show"] == "per period":
                expected[target["id"]] = f"{plan.counts[index]:,} a {planner['period']}"
            else:
                column, unit = cells[wanted["show"]]
                cell = plan.rows[index][column]
                expected[target["id"]] = cell if cell.startswith("1 every") else f"{cell} a {unit}"
    return expected


def _shown_targets(article) -> dict[str, str]:
    """Target id → the figure its row shows (without the "from the planner" link)."""
    cells = {row["id"]: row.select("td")[1] for row in article.select(".pb-targets tr[id]")}
    return {target: (cell.select_one("[data-handbook-figure]") or cell).get_text(strip=True) for target, cell in cells.items()}


def _planner_rows(article) -> list[list[str]]:
    return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in article.select("form[data-planner] tbody tr")]


def test_the_targets_are_the_planners_figures_for_the_handbooks_defaults(built_site):
    bootcamp = data("bootcamp")
    article = content(page(built_site, "prospecting"))
    expected = _expected_targets(bootcamp)
    shown = _shown_targets(article)
    assert {target_id: shown[target_id] for target_id in expected} == expected
    assert _planner_rows(article) == planner_oracle.expected(bootcamp["activity_planner"]).rows
    # As a leader checks the figures by hand: a week's times the weeks makes at least the period's, and a day's times
    # the selling days a week at least the week's (in the example, 20 calls a day × 5 = 100 a week, × 12 = 1,200).
    weeks, days = (planner_oracle.exact(bootcamp["activity_planner"][key]) for key in ("weeks_in_period", "selling_days_per_week"))
    for _, _, period, week, day in _planner_rows(article):
        if not week.startswith("1 every"):
            assert planner_oracle.exact(week) * weeks >= planner_oracle.exact(period), (period, week)
            assert day.startswith("1 every") or planner_oracle.exact(day) * days >= planner_oracle.exact(week), (week, day)


def test_the_funnel_multiplies_down_exactly_with_the_handbooks_defaults(built_site):
    rows = _planner_rows(content(page(built_site, "prospecting")))
    for above, below in zip(rows, rows[1:]):
        assert Fraction(above[2].replace(",", "")) * Fraction(below[1].rstrip("%")) / 100 == Fraction(below[2].replace(",", ""))


def test_changing_a_rate_in_data_moves_the_targets_and_the_planner_together(project: Path, tmp_path: Path):
    path = project / "data" / "bootcamp.yml"
    text = path.read_text(encoding="utf-8")
    meetings = "      name: Meetings booked\n      conversion_rate: 0.2\n"
    assert text.count(meetings) == 1
    path.write_text(text.replace(meetings, "      name: Meetings booked\n      conversion_rate: 0.25\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    bootcamp = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = content(page(site, "prospecting"))
    expected = _expected_targets(bootcamp)
    assert {target_id: _shown_targets(article)[target_id] for target_id in expected} == expected
    assert _planner_rows(article) == planner_oracle.expected(bootcamp["activity_planner"]).rows
    # The meetings and the stages below them as before; above them, four conversations a meeting and fewer calls (in
    # the example, 192 conversations and 960 calls instead of 240 and 1,200).
    before, after = (planner_oracle.expected(planner).counts for planner in (data("bootcamp")["activity_planner"], bootcamp["activity_planner"]))
    meetings = [stage["id"] for stage in bootcamp["activity_planner"]["stages"]].index("meetings")
    assert after[meetings:] == before[meetings:] and after[meetings - 1] == 4 * after[meetings] and after[0] < before[0]
    assert expected["conversation-to-meeting"] == "1 in 4"


def test_the_planner_says_when_its_activity_pays_off(built_site):
    # A leader with a ten-week cycle must not read the plan as "make these calls this quarter, win this quarter".
    planner = data("bootcamp")["activity_planner"]
    weeks, period = planner["sales_cycle_weeks"], planner["period"]
    said = " ".join(content(page(built_site, "prospecting")).select_one("form[data-planner] [data-sales-cycle]").get_text().split())
    assert f"Deals take about {weeks} weeks from the first conversation to the signature" in said
    assert f"the deals today's calls start close about {weeks} weeks later" in said
    assert f"Plan a {period}'s pace {weeks} weeks before it starts" in said


def test_without_javascript_the_planner_says_what_its_weekly_calls_leave_for_each_in_the_calling_blocks(built_site):
    """The handbook's calls a week in its calling blocks (in the example, 100 in five 08:30–10:30 blocks: six
    minutes for each), worked out here from the calling times in the data (the browser test drives a figure no rep
    could make)."""
    times = data("bootcamp")["calling_times"]
    block = sum((-1, 1)[index] * (int(t[:2]) * 60 + int(t[3:])) for index, t in enumerate((times["block"]["starts"], times["block"]["ends"])))
    line = content(page(built_site, "prospecting")).select_one("[data-block-pace]")
    days = len(times["days"])
    week = planner_oracle.expected(data("bootcamp")["activity_planner"]).rows[0][3]
    assert " ".join(line.get_text().split()) == f"At {week} a week, the calling blocks ({_shown(Fraction(block))} on each of {days} days a week) leave {planner_oracle.each_call(week, block * days)} for each."
    assert not line.has_attr("hidden")


def test_the_activity_floor_is_one_for_the_team_a_share_of_the_targets_it_sits_under(built_site):
    # A sales leader's case: the floor that triggers the charter's direct conversation was "agreed with your
    # manager", so 40 reps could have 40 floors. It is one share for the team of each rep's own weekly targets
    # (a second reviewer: a share of the example's figures sat above a rep's own smaller targets), shown here at
    # the targets above it. A new rep's: a week's share of a few meetings ("1 every 1.3 weeks") can't be kept in
    # any one week, so the floor is a whole number over its weeks: in the example 75% of 20 conversations and of
    # 4 first meetings a week over 4 weeks, 60 and 12.
    bootcamp = data("bootcamp")
    planner, floor = bootcamp["activity_planner"], bootcamp["activity_targets"]["floor"]
    ids = [stage["id"] for stage in planner["stages"]]
    plan = planner_oracle.expected(planner, {"existing_pipeline": "0"})  # the full pace: pipeline never lowers it
    share, weeks = planner_oracle.exact(floor["share"]), floor["over_weeks"]
    shown = []
    for wanted in floor["activity"]:
        index = ids.index(wanted["stage"])
        figure = f"{plan.rows[index][3]} a week"
        shown.append(f"{planner_oracle.floor_in_weeks(figure, Fraction(1), share, weeks)} ({planner['stages'][index]['name']})")
    text = " ".join(content(page(built_site, "prospecting")).select_one("#activity-floor").get_text().split())
    assert f"is {float(share * 100):g}% of the weekly pace their own target needs for each of these, counted over any {weeks} weeks worked running" in text, text
    assert f"At the targets above: {' and '.join(shown)}." in text, text
    assert f"a rep whose last {weeks} weeks worked fall under it has the direct conversation" in text, text
    assert all(wanted["show"] == "per week" for wanted in floor["activity"])  # a weekly pace, over weeks


def test_the_targets_say_what_the_planners_figures_assume_beside_them(built_site):
    """A sales leader's case: "20 calls a day" rests on the example's target, deal size and half the target from
    customers the team already has, stated only in the planner's fields further down; a new-business rep copying
    it plans half the activity they need. The targets say so, from the planner's data."""
    planner = data("bootcamp")["activity_planner"]
    said = " ".join(content(page(built_site, "prospecting")).select_one(".pb-targets__assume").get_text().split())
    share = float(Fraction(str(planner["share_not_from_prospecting"])) * 100)
    for figure in (f"{planner['revenue_target']:,} a {planner['period']}", f"{planner['average_deal_size']:,} on average",
                   f"{share:g}% of the target coming without prospecting, from {planner['comes_without_prospecting']}"):
        assert figure in said, (figure, said)
