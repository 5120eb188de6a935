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


def _expected_targets(bootcamp: dict) -> dict[str, str]:
    """Target id → the text the planner's figures give it."""
    planner = bootcamp["activity_planner"]
    ids = [stage["id"] for stage in planner["stages"]]
    counts = planner_oracle.expected(planner).counts
    weeks = planner_oracle.exact(planner["weeks_in_period"])
    units = {"per day": (weeks * planner_oracle.exact(planner["selling_days_per_week"]), "day"), "per week": (weeks, "week")}
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
                expected[target["id"]] = f"{counts[index]:,} a {planner['period']}"
            else:
                expected[target["id"]] = planner_oracle.pace(counts[index], *units[wanted["show"]])[1]
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
    # The example's figures are round, as a team would set them.
    assert expected == {"dials-per-day": "20 a day", "conversations-per-day": "4 a day", "meetings-per-week": "4 a week", "qualified-per-week": "2 a week", "conversation-to-meeting": "1 in 5"}


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
    # 6 deals, 24 qualified, 48 meetings as before; 192 conversations and 960 calls instead of 240 and 1,200.
    assert expected == {"dials-per-day": "16 a day", "conversations-per-day": "3.2 a day", "meetings-per-week": "4 a week", "qualified-per-week": "2 a week", "conversation-to-meeting": "1 in 4"}
    assert _planner_rows(article)[0][1:] == ["", "960", "80", "16"]


def test_the_planner_says_when_its_activity_pays_off(built_site):
    # A leader with a ten-week cycle must not read the plan as "make these calls this quarter, win this quarter".
    planner = data("bootcamp")["activity_planner"]
    weeks, period = planner["sales_cycle_weeks"], planner["period"]
    said = " ".join(content(page(built_site, "prospecting")).select_one("form[data-planner] [data-sales-cycle]").get_text().split())
    assert f"Deals take about {weeks} weeks from the first conversation to the signature" in said
    assert f"the deals today's calls start close about {weeks} weeks later" in said
    assert f"Plan a {period}'s pace {weeks} weeks before it starts" in said


def test_without_javascript_the_planner_says_what_its_weekly_calls_leave_for_each_in_the_calling_blocks(built_site):
    """The handbook's 100 calls a week in five 08:30–10:30 blocks: six minutes for each, worked out here from the
    calling times in the data (the browser test drives a figure no rep could make)."""
    times = data("bootcamp")["calling_times"]
    block = sum((-1, 1)[index] * (int(t[:2]) * 60 + int(t[3:])) for index, t in enumerate((times["block"]["starts"], times["block"]["ends"])))
    line = content(page(built_site, "prospecting")).select_one("[data-block-pace]")
    days = len(times["days"])
    assert " ".join(line.get_text().split()) == f"At 100 a week, the calling blocks (2 h on each of {days} days a week) leave {block * days * 60 // 100 // 60} min for each."
    assert block == 120 and days == 5 and not line.has_attr("hidden")
