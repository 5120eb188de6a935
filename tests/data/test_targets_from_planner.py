"""A figure the ramp plan measures a new rep against ("full target of 20 a day") is the activity target the planner
works out, so a leader cannot type a different one beside it: a leader following the README replaced the calls
target's from_planner with "25 a day" and got a valid handbook stating both figures."""

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.helpers import problems_of, replace_once


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    root = tmp_path / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    return root


def _first_ramp_line(ramp: Path, stage: str, show: str) -> int:
    """The line of the first milestone activity naming `stage` and `show`, found here by reading the file."""
    return next(number for number, line in enumerate(ramp.read_text(encoding="utf-8").splitlines(), 1)
                if f"stage: {stage}," in line and f"show: {show}," in line)


def test_a_typed_target_for_a_figure_the_ramp_plan_uses_is_refused_with_how_to_change_it(handbook):
    text = replace_once(handbook, "bootcamp.yml", "          from_planner: {stage: calls, show: per day}\n", "          target: 25 a day\n")
    dimensions = next(number for number, line in enumerate(text.splitlines(), 1) if line.strip() == "dimensions:")  # its list starts below
    ramp = _first_ramp_line(handbook / "data" / "ramp.yml", "calls", "per day")
    assert problems_of(handbook) == [
        f"data/bootcamp.yml:{dimensions + 1}:5: the ramp plan (data/ramp.yml line {ramp}) measures a new rep against the full target for calls per day, "
        "but no activity target here takes it from the planner: give that target as 'from_planner: {stage: calls, show: per day}' rather than a "
        "typed figure, so both pages state one figure; to change the figure, change the planner's numbers under 'activity_planner' (its revenue "
        "target, deal size or a stage's conversion rate)"
    ]


def test_every_figure_each_ramp_plan_uses_is_a_target_from_the_planner():
    """The example holds to the rule for both teams: each (stage, show) a ramp milestone measures is a target."""
    for folder in (ROOT / "data", ROOT / "data" / "teams" / "key-accounts"):
        ramp = yaml.safe_load((folder / "ramp.yml").read_text(encoding="utf-8"))
        bootcamp = yaml.safe_load((folder / "bootcamp.yml").read_text(encoding="utf-8"))
        ramp = ramp.get("replace", ramp)
        bootcamp = bootcamp.get("replace", bootcamp)
        measured = {(a["stage"], a["show"]) for milestone in ramp["milestones"] for a in milestone.get("activity", [])}
        targets = {(t["from_planner"]["stage"], t["from_planner"]["show"]) for d in bootcamp["activity_targets"]["dimensions"] for t in d["targets"] if "from_planner" in t}
        assert measured <= targets, f"{folder}: {measured - targets}"
