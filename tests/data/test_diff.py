"""`python -m macros diff BASE_REF`: what a change does to the handbook's data, in a leader's words, on real
git histories built from the example handbook (a clean change, and a change that breaks files)."""

import copy
import sys
from pathlib import Path

import pytest

from macros.crossrefs import ID_SCOPES
from macros.diff import LISTS, FileChanges
from tests.conftest import copy_project, run
from tests.helpers import data

GIT = ["git", "-c", "user.name=Test Leader", "-c", "user.email=leader@example.com", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]
HEADING = "### What this change does to the handbook"

NEW_QUESTIONS = """\
  - id: what-changed-since-forecast
    text: "What has changed in this deal since last week's forecast?"
    stage: diagnose
    situations: [deal-at-risk]
    modes: [coach]
    levels: [solution-seller]
    why: "Ties the deal review to the forecast call the rep has just made."
  - id: who-else-knows
    text: "Who else at the customer knows this deal is stuck?"
    stage: diagnose
    situations: [deal-at-risk]
    modes: [coach, push]
    levels: [problem-solver]
    why: "Finds out whether the rep is the only one who has noticed."
  - id: done-by-friday
    text: "What will you have done by Friday, and how will I know?"
    stage: commit
    situations: [activity-slipping]
    modes: [push]
    levels: [order-taker]
    why: "Agrees the evidence for next week's check-in."
"""


def git(project: Path, *args: str) -> None:
    result = run([*GIT, *args], project)
    assert result.returncode == 0, result.stderr


def new_history(root: Path) -> Path:
    """A copy of the example handbook in a fresh git repository with one commit."""
    project = copy_project(root)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The example handbook")
    return project


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def diff(project: Path, *args: str):
    return run([sys.executable, "-m", "macros", "diff", *args], project)


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> Path:
    """A second commit of the kind a leader's pull request makes."""
    project = new_history(tmp_path_factory.mktemp("changed"))
    questions = project / "data" / "coaching_questions.yml"
    questions.write_text(questions.read_text(encoding="utf-8") + NEW_QUESTIONS, encoding="utf-8")
    edit(project, "coaching_questions.yml", 'for the customer?"\n    stage: prepare\n', 'for the customer?"\n    stage: diagnose\n')
    edit(project, "coaching_questions.yml",
         '    text: "Which parts of a sales conversation feel easier than they did a month ago?"\n    stage: follow-up\n    situations: [new-rep]\n',
         '    text: "Which part of a sales call feels easier than a month ago?"\n    stage: follow-up\n    situations: [new-rep, skill-gap]\n')
    edit(project, "charter.yml", "as if it were your own business.", "as if it were a business you own.")
    edit(project, "charter.yml", "a year from now", "twelve months from now")
    edit(project, "levels.yml", "      - id: first-with-launches\n        text: Brings the customer a new product that suits them within weeks of its launch.\n        coaching_questions: [worth-buyers-hour]\n", "")
    edit(project, "checklists.yml", "      - id: last-commitments\n", "      - id: check-the-calendar\n        text: Check the rep's calendar for next week's first meetings.\n      - id: last-commitments\n")
    edit(project, "assessments.yml", "        to: 40\n", "        to: 35\n")
    edit(project, "assessments.yml", "      - from: 40\n", "      - from: 35\n")
    edit(project, "bootcamp.yml", "  revenue_target: 260000\n", "  revenue_target: 360000\n")
    git(project, "commit", "-q", "-a", "-m", "A leader's change")
    return project


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A second commit that breaks the charter's YAML, drops required level fields and deletes a file."""
    project = new_history(tmp_path_factory.mktemp("broken"))
    edit(project, "charter.yml", "leader: Sam Rivera", "\tleader: Sam Rivera")
    edit(project, "levels.yml", '    customer_view: "Someone I call when I already know what I want and just need a price and a delivery date."\n', "")
    edit(project, "levels.yml", "    name: Product expert\n    summary: >-\n", "    name: Product expert\n    about: >-\n")
    (project / "data" / "printing.yml").unlink()
    git(project, "commit", "-q", "-a", "-m", "A broken change")
    return project


def test_a_leaders_change_is_summarised_file_by_file(changed):
    result = diff(changed, "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        HEADING,
        "",
        "- `data/charter.yml`",
        "  - Changed the charter's purpose",
        "  - Changed the charter value 'Ownership': meaning",
        "- `data/coaching_questions.yml`",
        "  - Added 3 coaching questions (stage: Diagnose ×2, Commit ×1): 'What has changed in this deal since last week's forecast?',"
        " 'Who else at the customer knows this deal is stuck?', 'What will you have done by Friday, and how will I know?'",
        "  - Moved the coaching question 'What would a great outcome from tomorrow's call look like…' from Prepare to Diagnose",
        "  - Changed the coaching question 'Which part of a sales call feels easier than a month ago?': text, situations",
        "- `data/bootcamp.yml`",
        "  - Changed the boot camp's activity planner: revenue target",
        "- `data/levels.yml`",
        "  - Removed the behaviour 'Brings the customer a new product that suits them within…' from level 2 (Product expert)",
        "- `data/checklists.yml`",
        "  - Added the item 'Check the rep's calendar for next week's first meetings.' to the checklist 'Coaching 1:1 preparation'",
        "- `data/assessments.yml`",
        "  - Changed the self-assessment 'Manager or coach?': bands",
    ]
    assert result.stderr == ""


def test_no_change_says_so(changed):
    result = diff(changed, "HEAD")
    assert (result.returncode, result.stdout) == (0, f"{HEADING}\n\nNo changes to the handbook's data.\n")


def test_files_that_do_not_validate_are_named_and_the_rest_still_described(broken):
    result = diff(broken, "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        HEADING,
        "",
        "- `data/charter.yml`",
        "  - data/charter.yml has 1 problem and cannot be read, so its changes are not listed; run `make validate`",
        "- `data/levels.yml`",
        "  - data/levels.yml has 3 problems; run `make validate` to see where",
        "  - Changed level 1 (Order taker): customer view",
        "  - Changed level 2 (Product expert): about, summary",
        "- `data/printing.yml`",
        "  - data/printing.yml has 1 problem; run `make validate` to see where",
        "  - This file was deleted",
        "  - Removed 2 PDFs: 'Onboarding pack', 'Coaching questions'",
    ]
    assert "Traceback" not in result.stderr


def test_problems_at_the_base_ref_are_named_too(broken):
    result = diff(broken, "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        HEADING,
        "",
        "No changes to the handbook's data.",
        "",
        "- `data/charter.yml`",
        "  - data/charter.yml has 1 problem and cannot be read, so its changes are not listed; run `make validate`",
        "  - data/charter.yml could not be read at `HEAD`",
        "- `data/levels.yml`",
        "  - data/levels.yml has 3 problems; run `make validate` to see where",
        "  - data/levels.yml had 3 problems at `HEAD`",
        "- `data/printing.yml`",
        "  - data/printing.yml has 1 problem; run `make validate` to see where",
        "  - data/printing.yml had 1 problem at `HEAD`",
    ]


@pytest.mark.parametrize("ref", ["no-such-branch", "HEAD~5", "-x"])
def test_an_unknown_ref_exits_2_with_one_line(changed, ref):
    result = diff(changed, "--", ref)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"unknown git ref '{ref}' (expected a branch, tag or commit")
    assert result.stderr.count("\n") == 1


def test_a_folder_outside_git_exits_2_with_one_line(tmp_path):
    project = copy_project(tmp_path)
    result = diff(project, "main")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"{project} is not in a git repository, so there is no 'main' to compare with\n")


def test_items_are_matched_by_id_not_by_position_or_text():
    old = {"values": [{"id": "ownership", "name": "Ownership"}, {"id": "candour", "name": "Candour"}]}
    new = {"values": [{"id": "candour", "name": "Candour"}, {"id": "ownership", "name": "Owning it"}]}
    assert FileChanges("charter", old, new).sentences() == ["Reordered the charter values", "Changed the charter value 'Owning it': name"]


def test_every_list_with_ids_has_a_name_a_leader_uses():
    patterns = {(name, tuple("*" if part == "each" else part for part in pattern)) for name, scope in ID_SCOPES for pattern in scope}
    assert patterns <= set(LISTS)


def test_changes_to_the_deal_review_and_the_objections_are_named_in_a_leaders_words():
    review = data("deal_review")
    changed = copy.deepcopy(review)
    changed["forecast"]["rules"] = [rule for rule in changed["forecast"]["rules"] if rule["id"] != "slipped-twice"]
    changed["stages"][1]["exit_criteria"][0]["in_the_crm"] = "The criteria in the opportunity."
    assert FileChanges("deal_review", review, changed).sentences() == [
        "Changed the exit criterion 'The buyer has told you how they will compare the options…' in the CRM stage 'Qualified': in the crm",
        "Removed the forecast rule 'A commit deal whose close date has moved twice goes back to…'",
    ]
    objections = data("objections")
    added = copy.deepcopy(objections)
    added["objections"].append({"id": "tried-before", "name": "We tried something like this and it failed"})
    assert FileChanges("objections", objections, added).sentences() == ["Added the objection 'We tried something like this and it failed'"]
