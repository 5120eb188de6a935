"""The deal review, ramp plan, objections and when-coaching-stalls files cannot contradict themselves or the
files they point into: each rule is broken once in a copy of the example, and the one problem it gives is
reported at the line and column a leader must edit, in plain words."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.handbook import Project, validate
from tests.conftest import ROOT, run_validate
from tests.helpers import position_in, problems_of, replace_once


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    root = tmp_path / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    return root


def _at(file: str, text: str, needle: str, offset: int = 0) -> str:
    """`data/FILE:LINE:COL: ` of the first `needle` in `text`, `offset` characters into it."""
    start = text.index(needle) + offset
    line_start = text.rfind("\n", 0, start) + 1
    return f"data/{file}:{text.count(chr(10), 0, start) + 1}:{start - line_start + 1}: "


def _one_problem(root: Path, file: str, old: str, new: str, needle: str, offset: int, says: str) -> None:
    text = replace_once(root, file, old, new)
    problems = problems_of(root)
    assert len(problems) == 1, problems
    assert problems[0].startswith(_at(file, text, needle, offset)), problems
    assert says in problems[0], problems


# (file, old text, new text, where the problem is: needle and offset into it, what the message says)
BROKEN_REFERENCES = {
    "rhythm-meeting-rated-with-unknown-form": (
        "rhythm.yml", "rated_with: ride-along", "rated_with: joint-call", "joint-call", 0,
        "unknown assessment 'joint-call' (expected one of the ids in data/assessments.yml: "),
    "forecast-rule-unknown-stage": (
        "deal_review.yml", "stage_at_least: negotiation", "stage_at_least: negotiations", "negotiations", 0,
        "unknown CRM stage 'negotiations' (did you mean 'negotiation'? expected one of the ids in data/deal_review.yml: discovery, qualified, proposal, negotiation)"),
    "forecast-rule-unknown-category": (
        "deal_review.yml", "applies_to: [commit, best-case, pipeline]", "applies_to: [commit, best-case, upside]", "upside", 0,
        "unknown forecast category 'upside' (expected one of the ids in data/deal_review.yml: commit, best-case, pipeline)"),
    "forecast-rule-unknown-element": (
        "deal_review.yml", "needs: [decision-criteria, economic-buyer]", "needs: [decision-criterion, economic-buyer]", "decision-criterion", 0,
        "unknown qualification element 'decision-criterion'"),
    "exit-criterion-unknown-element": (
        "deal_review.yml", "elements: [metrics]\n      - id: alternatives-known", "elements: [margin]\n      - id: alternatives-known", "[margin]", 1,
        "unknown qualification element 'margin'"),
    "question-unknown-element": (
        "deal_review.yml", "elements: [competition]\n      - id: how-a-rival", "elements: [rivals]\n      - id: how-a-rival", "[rivals]", 1,
        "unknown qualification element 'rivals'"),
    "unknown-situation": (
        "deal_review.yml", "situation: deal-at-risk", "situation: budget-frozen", "budget-frozen", 0,
        "unknown situation 'budget-frozen' (expected one of the ids in data/coaching_questions.yml"),
    "unknown-planner-stage": (
        "deal_review.yml", "planner_stage: qualified", "planner_stage: qualified-deals", "qualified-deals", 0,
        "unknown activity planner stage 'qualified-deals' (did you mean 'qualified'? expected one of the ids in data/bootcamp.yml: calls, conversations, meetings, qualified, wins)"),
    "ramp-unknown-step": (
        "ramp.yml", "bootcamp_steps: [qualify-and-book, begin-discovery]", "bootcamp_steps: [qualify-and-book, start-discovery]", "start-discovery", 0,
        "unknown boot-camp step 'start-discovery' (did you mean 'begin-discovery'? expected one of the ids in data/bootcamp.yml: analyse-territory, account-plan"),
    "ramp-unknown-week": (
        "ramp.yml", "bootcamp_weeks: [week-1, week-2, week-3, week-4]", "bootcamp_weeks: [week-1, week-2, week-3, week-5]", "week-5", 0,
        "unknown boot-camp week 'week-5' (expected one of the ids in data/bootcamp.yml: week-1, week-2, week-3, week-4)"),
    "ramp-unknown-planner-stage": (
        "ramp.yml", "{stage: qualified, show: per week, share: 0.5}", "{stage: opportunities, show: per week, share: 0.5}", "stage: opportunities", len("stage: "),
        "unknown activity planner stage 'opportunities'"),
    "objections-unknown-week": (
        "objections.yml", "practise_in: [week-2, week-3, week-4]", "practise_in: [week-2, week-3, week-4, week-6]", "week-6", 0,
        "unknown boot-camp week 'week-6'"),
    "objections-unknown-element": (
        "objections.yml", "elements: [identify-pain]\n    role_play: send-me-something\n", "elements: [interest]\n    role_play: send-me-something\n", "[interest]", 1,
        "unknown qualification element 'interest' (expected one of the ids in data/deal_review.yml: metrics, economic-buyer"),
    "stalls-unknown-mode": (
        "when_coaching_stalls.yml", "    mode: push\n", "    mode: shove\n", "shove", 0,
        "unknown mode 'shove' (expected one of the ids in data/dilemma.yml: coach, push, step-back)"),
}


@pytest.mark.parametrize("name", BROKEN_REFERENCES)
def test_an_id_pointing_nowhere_is_reported_at_its_value(handbook: Path, name: str):
    file, old, new, needle, offset, says = BROKEN_REFERENCES[name]
    _one_problem(handbook, file, old, new, needle, offset, says)


def test_a_framework_element_no_exit_criterion_tests_is_reported_at_its_id(handbook: Path):
    _one_problem(
        handbook, "deal_review.yml", "        elements: [competition]\n      - id: close-plan-agreed", "      - id: close-plan-agreed",
        "- id: competition", len("- id: "), "no stage's exit criteria test the qualification element 'competition'")


def test_a_more_certain_category_letting_deals_in_earlier_than_a_less_certain_one_is_refused(handbook: Path):
    old = "      applies_to: [pipeline]\n      stage_at_least: qualified\n"
    text = replace_once(handbook, "deal_review.yml", old, old.replace("qualified", "negotiation"))
    problems = problems_of(handbook)
    pipeline_line = text[: text.index("applies_to: [pipeline]")].count("\n") + 2
    assert problems == [
        _at("deal_review.yml", text, "stage_at_least: proposal", len("stage_at_least: "))
        + f"'best-case' is listed above 'pipeline', so it is the more certain category, but it lets deals in from stage 'proposal', "
        f"earlier than 'pipeline' does ('negotiation', line {pipeline_line}); raise this stage or reorder the categories"]


def test_a_rule_asking_for_evidence_no_earlier_stage_gives_is_refused(handbook: Path):
    old = "      applies_to: [pipeline]\n      stage_at_least: qualified\n"
    _one_problem(
        handbook, "deal_review.yml", old, old + "      needs: [champion]\n", "needs: [champion]", len("needs: ["),
        "rule 'pipeline-is-qualified' asks for evidence of 'champion', but no exit criterion of the stages a deal passes before 'qualified' gives it")


def test_two_crm_stages_claiming_one_planner_stage_are_refused(handbook: Path):
    old = "    name: Proposal\n"
    text = replace_once(handbook, "deal_review.yml", old, old + "    planner_stage: qualified\n")
    problems = problems_of(handbook)
    first = text[: text.index("planner_stage: qualified")].count("\n") + 1
    assert problems == [
        _at("deal_review.yml", text, "    name: Proposal\n    planner_stage: qualified", len("    name: Proposal\n    planner_stage: "))
        + f"the activity planner stage 'qualified' is already given to a CRM stage on line {first}; a planner stage counts deals from one CRM stage on"]


def test_swapping_the_framework_names_every_place_that_used_a_removed_element(handbook: Path):
    """A team replaces MEDDICC with BANT: each exit criterion, rule, question and objection still naming a MEDDICC
    element is listed at its line, and each BANT element no stage tests yet, so the leader works down one list."""
    path = handbook / "data" / "deal_review.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("qualification:\n"), text.index("forecast:\n")
    bant = (
        "qualification:\n  name: BANT\n  source: Developed at IBM.\n  why: Four questions for every first call.\n  elements:\n"
        + "".join(f"    - id: {element}\n      name: {element.title()}\n      question: What about {element}?\n      evidence: Notes.\n" for element in ("budget", "authority", "need", "timing"))
    )
    path.write_text(text[:start] + bant + text[end:], encoding="utf-8")
    problems = problems_of(handbook)
    meddicc = ("metrics", "economic-buyer", "decision-criteria", "decision-process", "identify-pain", "champion", "competition")
    used = 0
    for file in ("deal_review.yml", "objections.yml"):
        lines = (handbook / "data" / file).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            found = re.search(r"(elements|needs): \[(.*)\]", line)
            for element in found.group(2).split(", ") if found else []:
                used += 1
                assert any(problem.startswith(f"data/{file}:{number}:") and f"unknown qualification element '{element}'" in problem for problem in problems), (file, number, element)
    untested = [problem for problem in problems if "no stage's exit criteria test" in problem]
    assert len(untested) == 4
    assert used > 20 and len(problems) == used + len(untested)
    assert all(element in meddicc for problem in problems for element in re.findall(r"unknown qualification element '([^']+)'", problem))


def test_a_boot_camp_step_due_at_two_milestones_is_refused(handbook: Path):
    _one_problem(
        handbook, "ramp.yml", "bootcamp_steps: [qualify-and-book, begin-discovery]", "bootcamp_steps: [qualify-and-book, begin-discovery, account-plan]",
        "account-plan]", 0, "the boot-camp step 'account-plan' is already due by 'day-30'; a step's outputs fall due at one milestone")


def test_an_activity_share_that_falls_is_refused(handbook: Path):
    _one_problem(
        handbook, "ramp.yml", "{stage: conversations, show: per day, share: 0.8}\n      - {stage: meetings, show: per week, share: 0.5}",
        "{stage: conversations, show: per day, share: 0.3}\n      - {stage: meetings, show: per week, share: 0.5}",
        "share: 0.3}", len("share: "), "conversations per day falls to 0.3 from 0.4 at 'day-30'; a ramp only goes up, so give at least 0.4")


def test_milestones_out_of_order_are_refused(handbook: Path):
    text = replace_once(handbook, "ramp.yml", "    day: 60\n", "    day: 25\n")
    problems = problems_of(handbook)
    assert _at("ramp.yml", text, "day: 25", len("day: ")) + "milestone 'day-60' is on day 25, not after the milestone above it (day 30); list milestones in order of day" in problems
    # the sentences still naming day 60 are reported too, as for any milestone moved
    assert all("milestone 'day-60' is on day 25" in problem or "names a day of the ramp plan" in problem for problem in problems), problems


def test_hr_brought_in_only_at_the_last_step_is_refused(handbook: Path):
    text = replace_once(handbook, "when_coaching_stalls.yml", "    hr: true\n", "")
    problems = problems_of(handbook)
    assert problems == [
        _at("when_coaching_stalls.yml", text, "- id: close-the-plan", 2)
        + "HR must take part in a step before the last one ('close-the-plan'), so no decision about a rep's job is taken without them; mark that step 'hr: true'"]


def test_the_example_passes_every_rule():
    _, problems = validate(Project(ROOT))
    assert problems == []


# A figure the ramp plan measures a new rep against ("full target of 20 a day") is the activity target the planner
# works out: a leader following the README typed "25 a day" over the calls target and got a valid handbook
# stating both figures.


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
    """The handbook holds to the rule for every team that plans its own ramp: each (stage, show) a ramp milestone
    measures is a target."""
    teams = sorted(folder for folder in (ROOT / "data" / "teams").glob("*") if (folder / "ramp.yml").exists() and (folder / "bootcamp.yml").exists())
    for folder in (ROOT / "data", *teams):
        ramp = yaml.safe_load((folder / "ramp.yml").read_text(encoding="utf-8"))
        bootcamp = yaml.safe_load((folder / "bootcamp.yml").read_text(encoding="utf-8"))
        ramp = ramp.get("replace", ramp)
        bootcamp = bootcamp.get("replace", bootcamp)
        measured = {(a["stage"], a["show"]) for milestone in ramp["milestones"] for a in milestone.get("activity", [])}
        targets = {(t["from_planner"]["stage"], t["from_planner"]["show"]) for d in bootcamp["activity_targets"]["dimensions"] for t in d["targets"] if "from_planner" in t}
        assert measured <= targets, f"{folder}: {measured - targets}"


def test_a_milestone_moved_to_another_day_leaves_no_sentence_naming_the_old_one(project):
    """A leader's case: the last milestone moved from day 90 to day 120, and validation passed while the ramp
    plan, the onboarding page and the boot camp still named a day-90 review. Each sentence that
    still names day 90 is reported; a day past the last milestone (a horizon, such as "by day 180") is not."""
    replace_once(project, "ramp.yml", "    day: 90\n", "    day: 120\n")
    milestones = position_in(project, "ramp.yml", "milestones:").split(":")[0]
    problems = problems_of(project)
    said = f"names a day of the ramp plan that none of its milestones is on (30, 60, 120: data/ramp.yml, line {milestones}); write one of those days, or move the milestone there"
    stale = [problem for problem in problems if said in problem]
    assert stale and len(stale) == len(problems), problems
    # (the glossary's floor no longer names a day: it said "first 90 days" while the plan's floors run past day 90)
    assert {problem.split(":")[0] for problem in stale} >= {"data/ramp.yml", "data/onboarding.yml", "data/bootcamp.yml"}
    assert all(re.search(r": '(?:.*day[- ]90|first 90 days|day 30, 60 and 90)'", problem, re.IGNORECASE) for problem in stale), stale
    # a list of days is read too (the ramp plan's first sentence), and the milestone's own id, kept, is not a sentence
    assert [problem for problem in stale if "'day 30, 60 and 90'" in problem and problem.startswith("data/ramp.yml:")], stale
    ids = [number for number, line in enumerate((project / "data" / "ramp.yml").read_text(encoding="utf-8").splitlines(), 1) if line.strip() == "- id: day-90"]
    assert ids and not [problem for problem in stale if problem.startswith(f"data/ramp.yml:{ids[0]}:")], stale


def test_a_moved_milestone_or_renamed_level_is_named_where_the_pages_say_it_too(project):
    """A leader's case: after the day-90 milestone moved to day 120, the ramp page's heading and navigation title
    still read "Your first 90 days", and the prospecting and home pages (English and German) still named a
    day-90 review; after "Problem solver" was renamed "Consultant", the levels page's intro still said "Below
    Problem solver". Validation names each, in the page's own file and line, or mkdocs.yml's."""
    replace_once(project, "ramp.yml", "    day: 90\n", "    day: 120\n")
    replace_once(project, "levels.yml", "    name: Problem solver\n", "    name: Consultant\n")
    printed = run_validate(project).stdout
    for page, said in (("docs/ramp-plan.md", "'first 90 days'"), ("docs/prospecting.md", "'day-90'"), ("docs/index.md", "'day-90'"), ("docs/index.de.md", "'Tag 90'"), ("docs/editing.md", "'day 30, 60 and 90'")):
        line, column = position_in_page(project / page, said.strip("'"))
        assert f"{page}:{line}:{column}: {said} names a day of the ramp plan that none of its milestones is on (30, 60, 120: " in printed, page
    assert re.search(r"mkdocs\.yml:\d+:1: the navigation title \"Your first 90 days: the ramp plan\": 'first 90 days' names a day", printed), printed
    name_line = position_in(project, "levels.yml", "name: Consultant").split(":")[0]
    renamed = f"names the level 'problem-solver' by its old name; it is called 'Consultant' now (data/levels.yml, line {name_line}): write that name"
    intro = [line for line in printed.splitlines() if line.startswith("data/levels.yml:") and renamed in line]
    assert len(intro) == 1 and all(": 'Problem solver' names" in line for line in intro), printed
    assert "day-60" not in printed and "'Solution seller'" not in printed  # the days and names still right are left alone


def position_in_page(page: Path, needle: str) -> tuple[int, int]:
    """The line and column of the first `needle` in a page's file."""
    text = page.read_text(encoding="utf-8")
    start = text.index(needle)
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
