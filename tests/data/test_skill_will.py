"""The skill/will matrix and the modes cannot contradict each other: the example follows Landsberg's quadrants,
and validation refuses a quadrant sent to a mode that doesn't suit it (low skill to push), at its line."""

import shutil
from pathlib import Path

import pytest

from macros.handbook import Project, validate
from tests.conftest import ROOT
from tests.helpers import data

# Max Landsberg, The Tao of Coaching: (skill, will) → (approach, the handbook's mode).
LANDSBERG = {
    ("low", "low"): ("Direct", "coach"),
    ("low", "high"): ("Guide", "coach"),
    ("high", "low"): ("Excite", "push"),
    ("high", "high"): ("Delegate", "step-back"),
}


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    root = tmp_path / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    return root


def _problems(root: Path, edit) -> tuple[str, list[str]]:
    path = root / "data" / "dilemma.yml"
    text = edit(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    _, problems = validate(Project(root))
    return text, [problem.as_text() for problem in problems if problem.as_text().startswith("data/dilemma.yml")]


def _position(text: str, needle: str, offset: int = 0) -> str:
    start = text.index(needle) + offset
    line_start = text.rfind("\n", 0, start) + 1
    return f"data/dilemma.yml:{text.count(chr(10), 0, start) + 1}:{start - line_start + 1}: "


def test_the_example_matrix_follows_landsbergs_quadrants():
    quadrants = data("dilemma")["skill_will"]["quadrants"]
    assert {(q["skill"], q["will"]): (q["approach"], q["mode"]) for q in quadrants} == LANDSBERG
    assert len(quadrants) == len(LANDSBERG)


def test_no_low_skill_rep_is_pushed_and_every_mode_suits_the_quadrants_sent_to_it():
    dilemma = data("dilemma")
    modes = {mode["id"]: mode for mode in dilemma["modes"]}
    assert "low" not in modes["push"]["suits"]["skill"], "pushing a rep who doesn't know how backfires"
    for quadrant in dilemma["skill_will"]["quadrants"]:
        suits = modes[quadrant["mode"]]["suits"]
        assert quadrant["skill"] in suits["skill"] and quadrant["will"] in suits["will"], quadrant["id"]


def test_a_low_skill_quadrant_sent_to_push_is_refused_at_its_mode(handbook: Path):
    direct = "approach: Direct\n      mode: coach"
    text, problems = _problems(handbook, lambda text: text.replace(direct, direct.replace("coach", "push")))
    assert len(problems) == 1, problems
    location = _position(text, "approach: Direct\n      mode: push", len("approach: Direct\n      mode: "))
    assert problems[0].startswith(location), problems
    says = "quadrant 'low-skill-low-will' (low skill, low will) maps to push, but push suits only reps with high skill and low will"
    assert says in problems[0] and "map it to a mode that suits low skill and low will (coach)" in problems[0]


def test_the_same_skill_and_will_twice_in_the_matrix_is_refused(handbook: Path):
    guide = "    - id: low-skill-high-will\n      skill: low\n      will: high"
    text, problems = _problems(handbook, lambda text: text.replace(guide, guide.replace("will: high", "will: low")))
    location = _position(text, "    - id: low-skill-high-will", len("    - "))
    first_line = text[:text.index("- id: low-skill-low-will")].count("\n") + 1
    assert problems == [f"{location}the matrix already has a quadrant for low skill and low will (line {first_line}); each combination appears once"]


def test_a_mode_without_suits_is_refused(handbook: Path):
    text, problems = _problems(handbook, lambda text: text.replace("    suits:\n      skill: [high]\n      will: [low]\n", "", 1))
    assert len(problems) == 1 and "'suits'" in problems[0], problems


# ---------------------------------------------------------------- a live problem rules a mode out


def test_every_live_problem_rules_out_stepping_back_and_only_what_comes_first_rules_out_coaching():
    """The example's rule, as a sales leader reviewing it put it: stepping back is never the answer while a live
    problem in the deal or the rep's work is ticked, however proven the rep: every decisive coach or push signal,
    every one about a deal at risk, such as a step only the rep can take missing its date as the quarter closes
    (a manager's review), and a rep hurting the team or putting every loss down to luck, which the charter rules
    out (a sales leader's review); nothing rules out coaching or pushing. Each team's modes too: key accounts'
    copy of the push mode had dropped the charter's two (a second sales leader's review). And a rep who keeps
    asking what to do: leaning on the manager for answers needs coaching, not room (a third review)."""
    charter_breaches = {"affecting-the-team", "excuses-not-plans", "same-question-again"}
    # a deal at risk, on one contact or near its decision: each a live problem in a deal
    DEALS = {"deal-at-risk", "single-threaded", "deal-closing"}
    # Conduct that hurts the team, and activity below the floor that the rep's calls don't explain, come first
    # whatever the rep's tenure or skill: they rule coaching out too (a sales VP's review).
    first = {"affecting-the-team", "activity-slipped"}
    for team in [None] + [team["id"] for team in data("teams")["teams"]]:
        for mode in validate(Project(ROOT, team))[0]["dilemma"].value["modes"]:
            for signal in mode["signals"]:
                live = mode["id"] != "step-back" and (signal["weight"] == 3 or signal.get("situation") in DEALS or signal["id"] in charter_breaches)
                expected = ["coach", "step-back"] if signal["id"] in first else ["step-back"] if live else []
                assert signal.get("rules_out", []) == expected, (team, signal["id"])


def test_a_signal_that_rules_out_its_own_mode_or_an_unknown_one_is_refused_at_its_line(handbook):
    own = "        rules_out: [push]"

    def first_push_signal_rules_out_push(text: str) -> str:
        """The push mode's first signal that rules a mode out, made to rule out push itself."""
        start = text.index("  - id: push\n")
        at = text.index("        rules_out: [step-back]", start)
        return text[:at] + own + text[at + len("        rules_out: [step-back]"):]

    text, problems = _problems(handbook, first_push_signal_rules_out_push)
    assert problems == [_position(text, own, 20) + "a push signal cannot rule out push itself; name the other modes it rules out (coach, step-back)"]
    text, problems = _problems(handbook, lambda text: text.replace(own, "        rules_out: [stepback]"))
    assert len(problems) == 1 and problems[0].startswith(_position(text, "        rules_out: [stepback]", 20)) and "'stepback'" in problems[0], problems


def test_only_with_names_a_signal_of_its_own_mode_at_its_line(handbook):
    # A leader making stepping back need "brings decisions" by mistake names push's signal instead.
    wrong = "    only_with: [knows-but-not-doing]"
    text, problems = _problems(handbook, lambda text: text.replace("    only_with: [consistent-delivery]", wrong))
    own = [signal["id"] for signal in next(m for m in data("dilemma")["modes"] if m["id"] == "step-back")["signals"]]
    assert problems == [_position(text, wrong, 16) + f"'knows-but-not-doing' is not one of step-back's signals ({', '.join(own)}); name one of those"]
