"""Edits a leader makes to a copy of the example handbook, each to its own part of the data or the pages.

They are made together in one copy, built once per session (`edited_site` in tests/conftest.py), and each test
that needs a changed handbook checks its own edit there instead of building a copy of its own: a build costs
seconds, and no edit here touches what another's test reads. The copy has no git history, as one unpacked from
a tarball."""

from fractions import Fraction
from math import ceil
from pathlib import Path

import yaml

from tests import planner_oracle
from tests.conftest import ROOT
from tests.helpers import replace_in, with_value

# A checklist and a self-assessment added in YAML only (tests/browser/test_tools_from_data.py).
NEW_CHECKLIST = {
    "id": "quarterly-business-review",
    "title": "Quarterly business review",
    "items": [{"id": "pull-usage", "text": "Pull the account's usage for the quarter."},
              {"id": "three-outcomes", "text": "Write the three outcomes the customer got."},
              {"id": "book-next-qbr", "text": "Book the next review before you leave."}],
}
NEW_ASSESSMENT = {
    "id": "pipeline-hygiene",
    "title": "Is my pipeline honest?",
    "audience": "Reps, before the forecast call",
    "intro": "Rate your open opportunities as they stand today.",
    "scale": "out-of-three",
    "result_name": "Pipeline honesty",
    "answers_needed": 2,
    "questions": [{"id": "next-steps-dated", "text": "Every open deal has a dated next step.", "weight": 3},
                  {"id": "stale-closed", "text": "Deals with no activity for 30 days are closed as lost."}],
    "bands": [{"from": 0, "to": 60, "name": "Wishful", "meaning": "Clean it up before the call."},
              {"from": 60, "to": 100, "name": "Honest", "meaning": "Ready for the forecast call."}],
}
NEW_SCALE = {"id": "out-of-three", "name": "How true", "options": [{"value": 0, "label": "Not true"}, {"value": 3, "label": "True"}]}
# The "how often" scale moved to start at 1 (tests/browser/test_self_assessment.py).
SHIFTED_SCALE = "how-often"
# The weekly checklists start afresh on another day (tests/browser/test_checklist_periods.py).
WEEK_STARTS_ON = "Wednesday"
# Attribute lists in a page's Markdown (tests/site/test_page_syntax.py).
ANCHORED_PAGE = "editing.md"
ANCHORED_TEXT = "\n## Custom anchor {#custom-anchor}\n\nKept {#also-kept} here.\n"
# The revenue target halved, whatever it is (a bigger one would ask for more calls than the calling block holds,
# which validation refuses), and day 30's share of the meetings a week changed to one that does not divide the
# planner's figure exactly (tests/site/test_ramp_matches_planner.py).
RAMP_ROW, RAMP_SHARE = "{stage: meetings, show: per week, share: %s}", "0.25"


def data_of(project: Path, file: str) -> dict:
    """A data file of the edited copy, read with plain PyYAML."""
    return yaml.safe_load((project / "data" / file).read_text(encoding="utf-8"))


def _change_data(project: Path, file: str, change) -> None:
    value = data_of(project, file)
    change(value)
    (project / "data" / file).write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _add_tools(assessments: dict) -> None:
    assessments["scales"].append(NEW_SCALE)
    assessments["assessments"].append(NEW_ASSESSMENT)


def _shift_scale(assessments: dict) -> None:
    for option in next(scale for scale in assessments["scales"] if scale["id"] == SHIFTED_SCALE)["options"]:
        option["value"] += 1


def uneven_share(planner: dict) -> Fraction:
    """The first share from 0.3 up, in hundredths and below day 60's 0.5 (a ramp only goes up), whose part of the
    meetings a week the page shows differs from its part of the period's meetings spread over the weeks."""
    plan, index = planner_oracle.expected(planner), [stage["id"] for stage in planner["stages"]].index("meetings")
    week, weeks = planner_oracle.exact(plan.rows[index][3]), planner_oracle.exact(planner["weeks_in_period"])
    shares = (Fraction(hundredths, 100) for hundredths in range(30, 50))
    found = next((share for share in shares if planner_oracle.pace(week * share, Fraction(1), "week") != planner_oracle.pace(ceil(plan.counts[index] * share), weeks, "week")), None)
    assert found is not None, "no day-30 share from 0.30 to 0.49 tells the week's share from the quarter's spread over the weeks"
    return found


def make_edits(project: Path) -> None:
    """Every edit above, made in the copy at `project`."""
    _change_data(project, "checklists.yml", lambda value: value["checklists"].append(NEW_CHECKLIST))
    _change_data(project, "assessments.yml", _add_tools)
    _change_data(project, "assessments.yml", _shift_scale)
    first_day = yaml.safe_load((ROOT / "data" / "bootcamp.yml").read_text(encoding="utf-8"))["cadence"]["week_starts_on"]
    replace_in(project / "data" / "bootcamp.yml", f"week_starts_on: {first_day}", f"week_starts_on: {WEEK_STARTS_ON}")
    bootcamp = project / "data" / "bootcamp.yml"
    target = data_of(project, "bootcamp.yml")["activity_planner"]["revenue_target"]
    bootcamp.write_text(with_value(bootcamp.read_text(encoding="utf-8"), "  revenue_target", target // 2 if target % 2 == 0 else target / 2), encoding="utf-8")
    share = uneven_share(data_of(project, "bootcamp.yml")["activity_planner"])
    replace_in(project / "data" / "ramp.yml", RAMP_ROW % RAMP_SHARE, RAMP_ROW % f"{float(share):g}")
    page = project / "docs" / ANCHORED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + ANCHORED_TEXT, encoding="utf-8")
