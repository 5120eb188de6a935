"""The ramp plan's activity figures are shares of the activity planner's figures, never numbers of their own.

Expected figures are worked out here with exact fractions from data/bootcamp.yml and data/ramp.yml, through
tests/planner_oracle.py and independently of macros/planner.py: a milestone's figure a week or a day is its share
of the full target as the page shows it, rounded up the planner's way, so it multiplies back on the page (half of
"17 a week" is "8.5 a week"); a figure a period, or a full target of "1 every N days", is its share of the
period's whole number, rounded up to a whole number, then spread over weeks or days the planner's way. They are
compared with the built page; then the revenue target is halved in a copy and the ramp plan follows.
"""

from fractions import Fraction
from math import ceil

from tests import planner_oracle
from tests.helpers import content, data, page
from tests.leader_edits import data_of, uneven_share


def _phrase(planner: dict, count: int, show: str) -> str:
    weeks = planner_oracle.exact(planner["weeks_in_period"])
    if show == "per period":
        return f"{count:,} a {planner['period']}"
    if show == "per week":
        return planner_oracle.pace(count, weeks, "week")[1]
    return planner_oracle.pace(count, weeks * planner_oracle.exact(planner["selling_days_per_week"]), "day")[1]


def _expected(ramp: dict, planner: dict) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(milestone, stage, show) → (the milestone's figure, the full target)."""
    ids = [stage["id"] for stage in planner["stages"]]
    plan = planner_oracle.expected(planner)
    expected = {}
    for milestone in ramp["milestones"]:
        for activity in milestone.get("activity", []):
            index, show = ids.index(activity["stage"]), activity["show"]
            full = plan.counts[index]
            share = Fraction(str(activity["share"]))
            cell = {"per week": plan.rows[index][3], "per day": plan.rows[index][4]}.get(show)
            if cell is None or cell.startswith("1 every"):
                figure, as_shown = _phrase(planner, ceil(full * share), show), _phrase(planner, full, show)
            else:  # the planner's row as it reads: 140 calls a week is 28 a day, where 1,600 a quarter spread is 27
                unit = show.removeprefix("per ")
                figure = planner_oracle.pace(planner_oracle.exact(cell) * share, Fraction(1), unit)[1]
                as_shown = planner_oracle.pace(planner_oracle.exact(cell), Fraction(1), unit)[1]
            expected[milestone["id"], activity["stage"], show] = (figure, as_shown)
    return expected


def _number(phrase: str) -> Fraction:
    """The figure of "1,200 a quarter" or "8.5 a week"."""
    return Fraction(phrase.split(" a ")[0].replace(",", ""))


def _milestone_figures(article) -> dict[tuple[str, str, str], tuple[str, str]]:
    """What each milestone's activity list shows: its figure and, after "full target of", the full target."""
    shown = {}
    for heading in article.select("h2[id^=day-]"):
        for li in heading.find_next("div", class_="pb-milestone").select(".pb-milestone__activity li"):
            full = li.get_text(" ", strip=True).rsplit("full target of ", 1)[1]
            shown[heading["id"], li["data-stage"], li["data-show"]] = (li.strong.get_text(strip=True), full)
    return shown


def _overview(article) -> dict[tuple[str, str, str], tuple[str, str]]:
    """What the at-a-glance table shows, cell by cell, without the share in brackets."""
    milestones = [a["href"].lstrip("#") for a in article.select(".pb-ramp-glance thead a")]
    shown = {}
    for row in article.select(".pb-ramp-glance tbody tr[data-stage]"):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        for milestone, cell in zip(milestones, cells):
            if cell != "– not set":
                shown[milestone, row["data-stage"], row["data-show"]] = (cell.rsplit(" (", 1)[0], cells[-1])
    return shown


def test_the_ramp_plans_figures_are_shares_of_the_planners(built_site):
    ramp, planner = data("ramp"), data("bootcamp")["activity_planner"]
    article = content(page(built_site, "ramp-plan"))
    expected = _expected(ramp, planner)
    assert _milestone_figures(article) == expected
    assert _overview(article) == expected
    # As a manager reads the plan: the full target at a share of 1, and otherwise the share of the full target
    # beside it, rounded up to the figure's step (a whole number a period or above 10, else a tenth), as half of
    # the example's 20 calls a day is 10 a day at day 30.
    for milestone in ramp["milestones"]:
        for activity in milestone.get("activity", []):
            figure, full = expected[milestone["id"], activity["stage"], activity["show"]]
            share = Fraction(str(activity["share"]))
            if share == 1:
                assert figure == full
            elif "every" not in figure + full:
                least, shown = share * _number(full), _number(figure)
                assert least <= shown < least + (1 if activity["show"] == "per period" or shown > 10 else Fraction(1, 10)), (figure, share, full)


def test_the_full_targets_are_the_boot_camps_activity_targets(built_site):
    """Where a boot-camp target and a ramp row show the same planner figure, they read the same."""
    targets_page = content(page(built_site, "prospecting"))
    targets = {}
    for dimension in data("bootcamp")["activity_targets"]["dimensions"]:
        for target in dimension["targets"]:
            wanted = target.get("from_planner")
            if wanted and wanted["show"] != "conversion rate":
                cell = targets_page.select_one(f'tr[id="{target["id"]}"]').select("td")[1]
                targets[wanted["stage"], wanted["show"]] = cell.select_one("[data-handbook-figure]").get_text(strip=True)
    shown = _milestone_figures(content(page(built_site, "ramp-plan")))
    common = {(stage, show) for _, stage, show in shown} & set(targets)
    assert len(common) >= 3
    for (_, stage, show), (_, full) in shown.items():
        if (stage, show) in common:
            assert full == targets[stage, show]


def test_halving_the_revenue_target_moves_the_ramp_plan_with_the_planner(edited_site):
    """The revenue target halved, and a ramp share that does not divide the figure exactly, in the edited copy
    (tests/leader_edits.py): in the example, 0.3 of the 2 first meetings a week the page shows is 0.6 a week,
    where 0.3 of the quarter's meetings, rounded up and spread over its weeks, would give another figure."""
    planner = data_of(edited_site.parent, "bootcamp.yml")["activity_planner"]
    ramp = data_of(edited_site.parent, "ramp.yml")
    article = content(page(edited_site, "ramp-plan"))
    expected = _expected(ramp, planner)
    assert _milestone_figures(article) == expected
    meetings = planner_oracle.expected(planner).counts[[stage["id"] for stage in planner["stages"]].index("meetings")]
    spread = _phrase(planner, ceil(meetings * uneven_share(planner)), "per week")
    # the page takes the share of the week it shows, not of the quarter spread over the weeks
    assert _milestone_figures(article)["day-30", "meetings", "per week"][0] != spread


def test_a_new_reps_floor_at_each_milestone_is_a_whole_number_over_weeks_worked_from_the_figures_above(built_site):
    # A new rep's case: the ramp plan said only that the floor is "the team's share" of a milestone's figures, and
    # then gave it a week at a time: 75% of 1 meeting a week was "1 every 1.3 weeks", which no single week can
    # show, so a rep met it only by booking the full target; a director read "1.4 a day" beside a floor of
    # "5.1 a week", worked from the unrounded 1.36. Each floor is now a whole number over the floor's weeks,
    # worked from the figure the row above shows (1.6 a day × 5 days × 4 weeks × 75% is 24), and each milestone's
    # card, which the onboarding pack prints, says it.
    bootcamp, ramp = data("bootcamp"), data("ramp")
    planner, floor = bootcamp["activity_planner"], bootcamp["activity_targets"]["floor"]
    ids = [stage["id"] for stage in planner["stages"]]
    figures = _expected(ramp, planner)
    days, share, weeks = planner_oracle.exact(planner["selling_days_per_week"]), planner_oracle.exact(floor["share"]), floor["over_weeks"]
    article = content(page(built_site, "ramp-plan"))
    table = article.select_one("table.pb-ramp-glance")
    cards: dict[str, list[str]] = {}
    for wanted in floor["activity"]:
        name = planner["stages"][ids.index(wanted["stage"])]["name"]
        show = next(show for (_, stage, show) in figures if stage == wanted["stage"])  # the overview's row
        row = table.select_one(f'tr[data-floor-stage="{wanted["stage"]}"]')
        assert row.th.get_text(" ", strip=True) == f"Activity floor: {name} ({float(share * 100):g}% of the figures above, over {weeks} weeks, from the day all {weeks} come after the milestone)"
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        full = next(as_shown for (_, stage, each), (_, as_shown) in figures.items() if (stage, each) == (wanted["stage"], show))
        for milestone, cell in zip([*(m["id"] for m in ramp["milestones"]), None], cells):
            if milestone and (milestone, wanted["stage"], show) not in figures:
                assert cell == "– not set"
                continue
            figure = figures[milestone, wanted["stage"], show][0] if milestone else full
            expected = planner_oracle.floor_in_weeks(figure, days, share, weeks)
            assert cell == expected, (wanted["stage"], milestone, figure, cell, expected)
            if milestone:
                cards.setdefault(milestone, []).append(f"{expected} ({name})")
    for milestone, floors in cards.items():
        # from the day all the weeks the floor counts come after the milestone (a reviewer: a rep on plan was under
        # it the day after, the weeks counted being those of the ramp up to it)
        day = next(m["day"] for m in ramp["milestones"] if m["id"] == milestone) + 7 * weeks
        card = article.select_one(f"h2#{milestone}").find_next("div", class_="pb-milestone").select_one(".pb-milestone__floor")
        assert card.get_text(" ", strip=True) == f"Activity floor from day {day}: {' and '.join(floors)}."
