"""`python -m macros diff BASE_REF` (`make diff`): what a change does to the handbook's data, pages and navigation,
in a leader's words, on real git histories built from the example handbook (a clean change, a change that breaks
files, and a change to the site's name, navigation and pages)."""

import copy
import shutil
import sys
from pathlib import Path

import pytest

from macros.crossrefs import ID_SCOPES
from macros.diff import LISTS, FileChanges
from macros.page_diff import LIST_WORDS, ONE_ITEM_TOOLS, TOOLS, page_changes
from macros.project import copy_project
from macros.settings_diff import navigation_changes
from macros.site_files import NavEntry, Site
from macros.wiring import every_macro
from tests.conftest import ROOT, run
from tests.helpers import NEEDS_SECOND_LANGUAGE, NEEDS_SECOND_TEAM, data, needs, replace_in, site_name, yaml_text
from tests.site.test_planner_matches_targets import _expected_targets

GIT = ["git", "-c", "user.name=Test Leader", "-c", "user.email=leader@example.com", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]
HEADING = "### What this change does to the handbook"
TEAM = data("charter")["team"]
TARGET = data("bootcamp")["activity_planner"]["revenue_target"]
NEW_TARGET = TARGET * 3 // 2  # half as much again

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
    replace_in(project / "data" / name, old, new)


def diff(project: Path, *args: str):
    return run([sys.executable, "-m", "macros", "diff", *args], project)


def _behaviour_block(project: Path, behaviour: str) -> str:
    """A behaviour's lines in the copy's levels.yml, as a leader deleting it selects them: its id to the next item."""
    text = (project / "data" / "levels.yml").read_text(encoding="utf-8")
    start = text.index(f"      - id: {behaviour}\n")
    ends = [at for at in (text.find("\n      - id: ", start + 1), text.find("\n    next_level:", start)) if at >= 0]
    return text[start:min(ends) + 1]


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
    edit(project, "charter.yml", "as if they were your own business.", "as if it were a business you own.")
    edit(project, "charter.yml", "a year from now", "twelve months from now")
    edit(project, "levels.yml", _behaviour_block(project, "first-with-launches"), "")
    edit(project, "checklists.yml", "      - id: last-commitments\n", "      - id: check-the-calendar\n        text: Check the rep's calendar for next week's first meetings.\n      - id: last-commitments\n")
    edit(project, "assessments.yml", "        to: 40\n", "        to: 35\n")
    edit(project, "assessments.yml", "      - from: 40\n", "      - from: 35\n")
    edit(project, "bootcamp.yml", f"  revenue_target: {TARGET}\n", f"  revenue_target: {NEW_TARGET}\n")
    git(project, "commit", "-q", "-a", "-m", "A leader's change")
    return project


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A second commit that breaks the charter's YAML, drops required level fields and deletes a file."""
    project = new_history(tmp_path_factory.mktemp("broken"))
    edit(project, "charter.yml", "\nleader: ", "\n\tleader: ")
    edit(project, "levels.yml", '    customer_view: "Someone I call when I already know what I want and just need a price and a delivery date."\n', "")
    edit(project, "levels.yml", "    name: Product expert\n    summary: >-\n", "    name: Product expert\n    about: >-\n")
    (project / "data" / "printing.yml").unlink()
    git(project, "commit", "-q", "-a", "-m", "A broken change")
    return project


def _targets_moved(bootcamp: dict, new_target) -> list[str]:
    """The summary's line for what `new_target` does to the activity targets the planner works out (by
    tests/planner_oracle.py), if it changes any."""
    moved = copy.deepcopy(bootcamp)
    moved["activity_planner"]["revenue_target"] = new_target
    old, new = _expected_targets(bootcamp), _expected_targets(moved)
    activities = {target["id"]: target["activity"] for dimension in bootcamp["activity_targets"]["dimensions"] for target in dimension["targets"]}
    figures = [f"{activities[target]}: {figure} → {new[target]}" for target, figure in old.items() if new[target] != figure]
    return ["  - The activity targets the planner works out: " + "; ".join(figures)] if figures else []


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)  # the summary names the teams and languages a change reaches
def test_a_leaders_change_is_summarised_file_by_file(changed):
    result = diff(changed, "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        HEADING,
        "",
        "- Which teams this reaches",
        "  - Every team (Field sales and Key accounts): `data/charter.yml`, `data/coaching_questions.yml`, `data/bootcamp.yml`, `data/levels.yml`, `data/checklists.yml` and `data/assessments.yml`",
        "  - Key accounts has its own version of `data/charter.yml`, `data/coaching_questions.yml`, `data/bootcamp.yml`, `data/levels.yml`, `data/checklists.yml` and `data/assessments.yml` (in `data/teams/key-accounts/`): what it replaces or removes there stays as it is",
        "- Which languages this reaches",
        "  - The Deutsch site shows its own translation of `data/charter.yml`, `data/levels.yml` and `data/assessments.yml` (in `data/languages/de/`):"
        " make the same change there, or, for an item, id or figure, that site shows the English file until you do",
        "- `data/charter.yml`",
        "  - Changed the charter's purpose: \"…each of you sells better a year from now than you do today,…\""
        " → \"…each of you sells better twelve months from now than you do today,…\"",
        "  - Changed the charter value 'Ownership': meaning \"…forecast are yours to run as if they were your own business.\" → \"…forecast are yours to run as if it were a business you own.\"",
        "- `data/coaching_questions.yml`",
        "  - Added 3 coaching questions (stage: Diagnose ×2, Commit ×1): 'What has changed in this deal since last week's forecast?',"
        " 'Who else at the customer knows this deal is stuck?', 'What will you have done by Friday, and how will I know?'",
        "  - Moved the coaching question 'What would a great outcome from tomorrow's call look like…' from Prepare to Diagnose",
        "  - Changed the coaching question 'Which part of a sales call feels easier than a month ago?':"
        " text \"Which parts of a sales conversation feel easier than they did a month…\" → \"Which part of a sales call feels easier than a month ago?\"",
        "  - Changed the coaching question 'Which part of a sales call feels easier than a month ago?': situations added \"skill-gap\"",
        "- `data/bootcamp.yml`",
        f"  - Changed the boot camp's activity planner: revenue target {TARGET} → {NEW_TARGET}",
        # For the example's 240000 → 360000, by hand: half the target from prospecting, 120,000 → 180,000 at 20,000 a
        # deal is 6 → 9 wins; at the example's rates (0.25, 0.5, 0.2, 0.2) 24 → 36 qualified, 48 → 72 meetings,
        # 240 → 360 conversations and 1,200 → 1,800 calls a quarter of 12 weeks of 5 days: "Outbound calls: 20 a day
        # → 30 a day; Live conversations with a prospect: 4 a day → 6 a day; First meetings booked: 4 a week → 6 a
        # week; New opportunities that reach the Qualified stage (Discovery's exit criteria met): 2 a week → 3 a week".
        *_targets_moved(data("bootcamp"), NEW_TARGET),
        "- `data/levels.yml`",
        "  - Removed the behaviour 'Within a month of each launch, tells this customer about…' from level 2 (Product expert)",
        "- `data/checklists.yml`",
        "  - Added the item 'Check the rep's calendar for next week's first meetings.' to the checklist 'Coaching 1:1 preparation'",
        "- `data/assessments.yml`",
        "  - Changed the self-assessment 'Manager or coach?': bands 'Mostly managing' to 40 → 35",
        "  - Changed the self-assessment 'Manager or coach?': bands 'Coaching some of the time' from 40 → 35",
    ]
    assert result.stderr == ""


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)  # the summary names the teams and languages a change reaches
def test_a_change_to_a_translation_reaches_its_language_only(tmp_path):
    project = new_history(tmp_path)
    replace_in(project / "data" / "languages" / "de" / "charter.yml", "name: Verantwortung", "name: Eigenverantwortung")
    git(project, "commit", "-q", "-a", "-m", "A translator's change")
    result = diff(project, "HEAD~1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  - Only the Deutsch site: `data/languages/de/charter.yml`" in lines
    assert not [line for line in lines if "shows its own translation" in line]
    assert "- `data/languages/de/charter.yml`" in lines
    assert any("name \"Verantwortung\" → \"Eigenverantwortung\"" in line for line in lines)


def test_no_change_says_so(changed):
    result = diff(changed, "HEAD")
    assert (result.returncode, result.stdout) == (0, f"{HEADING}\n\nNo changes to the handbook's data, pages, navigation or site name.\n")


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)  # the summary names the teams and languages a change reaches
def test_files_that_do_not_validate_are_named_and_the_rest_still_described(broken):
    result = diff(broken, "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        HEADING,
        "",
        "- Which teams this reaches",
        "  - Every team (Field sales and Key accounts): `data/levels.yml` and `data/printing.yml`",
        "  - Key accounts has its own version of `data/levels.yml` (in `data/teams/key-accounts/`): what it replaces or removes there stays as it is",
        "- Which languages this reaches",
        "  - The Deutsch site shows its own translation of `data/levels.yml` (in `data/languages/de/`):"
        " make the same change there, or, for an item, id or figure, that site shows the English file until you do",
        "- `data/charter.yml`",
        "  - data/charter.yml has 1 problem and cannot be read, so its changes are not listed; run `make validate`",
        "- `data/levels.yml`",
        "  - data/levels.yml has 3 problems; run `make validate` to see where",
        "  - Changed level 1 (Order taker): customer view \"Someone I call when I already know what I want and just need a price…\" → (none)",
        "  - Changed level 2 (Product expert): about (none) → \"Knows the catalogue inside out and is the person customers ring for…\"",
        "  - Changed level 2 (Product expert): summary \"Knows the catalogue inside out and is the person customers ring for…\" → (none)",
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
        "No changes to the handbook's data, pages, navigation or site name.",
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
    assert FileChanges("charter", old, new).sentences() == ["Reordered the charter values", "Changed the charter value 'Owning it': name \"Ownership\" → \"Owning it\""]


def test_every_list_with_ids_has_a_name_a_leader_uses():
    patterns = {(name, tuple("*" if part == "each" else part for part in pattern)) for name, scope in ID_SCOPES for pattern in scope}
    assert patterns <= set(LISTS)


def test_changes_to_the_deal_review_and_the_objections_are_named_in_a_leaders_words():
    review = data("deal_review")
    changed = copy.deepcopy(review)
    changed["forecast"]["rules"] = [rule for rule in changed["forecast"]["rules"] if rule["id"] != "slipped-twice"]
    changed["stages"][1]["exit_criteria"][0]["in_the_crm"] = "The criteria in the opportunity."
    assert FileChanges("deal_review", review, changed).sentences() == [
        "Changed the exit criterion 'The buyer has told you how they will compare the options…' in the CRM stage 'Qualified':"
        " in the crm \"The criteria listed in \\*Decision criteria\\*, with the date and the…\" → \"The criteria in the opportunity.\"",
        "Removed the forecast rule 'A commit deal whose close date has moved twice goes back to…'",
    ]
    objections = data("objections")
    added = copy.deepcopy(objections)
    added["objections"].append({"id": "goes-to-tender", "name": "We have to put this out to tender"})
    assert FileChanges("objections", objections, added).sentences() == ["Added the objection 'We have to put this out to tender'"]


# ---------------------------------------------------------------- values, the site's name and navigation, pages


@pytest.fixture(scope="module")
def site_change(tmp_path_factory) -> list[str]:
    """The summary, line by line, of a commit changing what leaders change most after data: the charter's team
    and a value rewritten over two lines; the site's name and navigation (with mkdocs.yml now using tags such as
    `!ENV`); a checklist on a page swapped for another; two tools on a page swapped round; a page's text; a new
    page."""
    project = new_history(tmp_path_factory.mktemp("site"))
    edit(project, "charter.yml", f"team: {TEAM}\n", f"team: {yaml_text(TEAM + ' Europe')}\n")
    edit(project, "charter.yml", "    meaning: Your territory, pipeline and forecast are yours to run as if they were your own business.\n",
         "    meaning: |\n      Your territory, pipeline and forecast are yours to run.\n      Run them as if they were your own business.\n")
    settings = project / "mkdocs.yml"
    replace_in(settings, f"site_name: {site_name()}\n", f"site_name: {yaml_text(site_name() + ' Europe')}\n")
    replace_in(settings, "  - pymdownx.superfences\n", "  - pymdownx.superfences\n  - pymdownx.emoji:\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n")
    replace_in(settings, "      - Objection handling: coaching/objections.md\n", "")
    replace_in(settings, "      - Team charter: charter.md\n", "      - Team charter: charter.md\n      - Objection handling: coaching/objections.md\n")
    replace_in(settings, "      - Question bank: coaching/questions.md\n", "      - Question bank: coaching/questions.md\n      - Forecast call: coaching/forecast-call.md\n")
    replace_in(settings, "  - Glossary: glossary.md\n", "")
    replace_in(settings, "  - Checklists: checklists.md\n", "  - Checklists and forms: checklists.md\n")
    (project / "docs" / "coaching" / "forecast-call.md").write_text('# Forecast call\n\nBefore the call:\n\n{{ self_assessment("manager-or-coach") }}\n', encoding="utf-8")
    replace_in(project / "docs" / "onboarding.md", '{{ checklist("new-rep-first-week") }}', '{{ checklist("one-to-one-prep") }}')
    replace_in(project / "docs" / "charter.md", "Who leads this team, how, and", "Who leads this team and how, and")
    questions = project / "docs" / "coaching" / "questions.md"
    replace_in(questions, "{{ question_explorer() }}", "{{ questions_by_stage() }}")
    replace_in(questions, "{{ questions_by_stage() }}\n\n{{ questions_by_stage() }}", "{{ questions_by_stage() }}\n\n{{ question_explorer() }}")
    replace_in(project / "docs" / "editing-tools.md", '{% raw %}`{{ checklist("before-a-price-increase") }}`', '{% raw %}`{{ checklist("after-a-lost-deal") }}`')
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "A leader's change to the site")
    result = diff(project, "HEAD~1")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


def group(lines: list[str], name: str) -> list[str]:
    """The lines listed under one file or folder of the summary."""
    start = lines.index(f"- `{name}`") + 1
    end = next((index for index in range(start, len(lines)) if not lines[index].startswith("  - ")), len(lines))
    return [line.removeprefix("  - ") for line in lines[start:end]]


def test_a_changed_field_shows_its_old_and_new_value(site_change):
    assert f"Changed the charter's team: \"{TEAM}\" → \"{TEAM} Europe\"" in group(site_change, "data/charter.yml")


def test_a_value_written_over_several_lines_stays_on_one_line(site_change):
    assert group(site_change, "data/charter.yml")[1] == (
        "Changed the charter value 'Ownership': meaning \"…forecast are yours to run as if they were your own…\""
        " → \"…forecast are yours to run. ⏎ Run them as if they were your own…\""
    )
    assert all(line.startswith(("###", "- ", "  - ")) for line in site_change if line)


def test_the_site_name_and_navigation_changes_are_listed_in_the_navigations_words(site_change):
    assert group(site_change, "mkdocs.yml") == [
        f"Changed the site name: \"{site_name()}\" → \"{site_name()} Europe\"",
        "Added 'Forecast call' (docs/coaching/forecast-call.md) to the navigation under Coaching",
        "Removed 'Glossary' (docs/glossary.md) from the navigation",
        "Moved 'Objection handling' (docs/coaching/objections.md) in the navigation from Coaching to Start here",
        "Renamed 'Checklists' to 'Checklists and forms' in the navigation (docs/checklists.md)",
    ]


def test_tools_placed_in_and_removed_from_pages_and_edited_text_are_listed_page_by_page(site_change):
    assert group(site_change, "docs/") == [
        "Edited the text of 'Team charter' (docs/charter.md)",
        "Added the page 'Forecast call' (docs/coaching/forecast-call.md), showing the self-assessment 'Manager or coach?'",
        "Rearranged the tools on 'Question bank' (docs/coaching/questions.md)",
        "Edited the text of 'Change the tools and targets' (docs/editing-tools.md)",
        "Placed the checklist 'Coaching 1:1 preparation' on 'Your first 30 days' (docs/onboarding.md)",
        "Removed the checklist 'New rep's first week' from 'Your first 30 days' (docs/onboarding.md)",
    ]


def test_every_macro_a_page_can_call_has_a_name_a_leader_uses():
    """Every macro the build registers (tests/data/test_page_macros.py checks the plugin gets exactly these)."""
    assert sorted(every_macro(None)) == sorted([*TOOLS, *ONE_ITEM_TOOLS, *LIST_WORDS])


@pytest.mark.parametrize("origin", [False, True])
def test_make_diff_compares_with_origin_main_or_else_main(tmp_path, origin):
    project = new_history(tmp_path)
    for part in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / part, project / part)
    (project / ".venv").mkdir()
    (project / ".venv" / ".installed").touch()  # installed, and newer than pyproject.toml
    if origin:
        git(project, "update-ref", "refs/remotes/origin/main", "HEAD")
    # --no-print-directory: under `make test`, a nested make would announce the folder it enters.
    planned = run(["make", "--no-print-directory", "--dry-run", "diff"], project)
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.splitlines() == [f".venv/bin/python -m macros diff '{'origin/main' if origin else 'main'}'"]
    chosen = run(["make", "--no-print-directory", "--dry-run", "diff", "BASE=HEAD~1"], project)
    assert chosen.stdout.splitlines() == [".venv/bin/python -m macros diff 'HEAD~1'"]


def test_a_renamed_section_is_one_line_and_a_new_order_is_noticed():
    old = [NavEntry("index.md", "Home", ()), NavEntry("a.md", "A", ("Coaching",)), NavEntry("b.md", "B", ("Coaching",)), NavEntry("c.md", "C", ())]
    new = [NavEntry("index.md", "Home", ()), NavEntry("b.md", "B", ("Coaching your team",)), NavEntry("a.md", "A", ("Coaching your team",)), NavEntry("c.md", "C", ())]
    assert navigation_changes(old, new) == ["Renamed the section 'Coaching' to 'Coaching your team' in the navigation", "Reordered the pages in the navigation"]


def test_a_page_whose_braces_do_not_parse_is_named_with_the_line():
    before = Site({}, {"deals.md": "# Deals\n\n{{ deal_review() }}\n"}, {})
    after = Site({}, {"deals.md": "# Deals\n\n{{ deal_review() }\n"}, {})
    assert page_changes(before, after) == ["Edited 'Deals' (docs/deals.md); its tools are not listed, as its `{{ … }}` on line 3 cannot be read (unexpected '}')"]


def test_front_matter_is_not_read_as_braces_and_a_line_is_the_files():
    before = Site({}, {"deals.md": "---\ntitle: \"{{ Deals }\"\n---\n\n# Deals\n\n{{ deal_review() }}\n"}, {})
    after = Site({}, {"deals.md": "---\ntitle: \"{{ Deals }\"\n---\n\n# Deals\n\n{{ deal_review() }\n"}, {})
    assert page_changes(before, after) == ["Edited '{{ Deals }' (docs/deals.md); its tools are not listed, as its `{{ … }}` on line 7 cannot be read (unexpected '}')"]


def test_a_page_the_macros_plugin_leaves_as_written_places_no_tools():
    text = "---\nrender_macros: false\n---\n\n# Writing macros\n\nWrite {}.\n"
    before = Site({}, {"macros.md": text.format('{{ checklist("first-call") }}')}, {})
    after = Site({}, {"macros.md": text.format('{{ checklist("charter-review") }}')}, {})
    assert page_changes(before, after) == ["Edited the text of 'Writing macros' (docs/macros.md)"]


def test_a_change_to_a_pages_front_matter_alone_is_an_edit():
    before = Site({}, {"deals.md": "---\ntags: [Deals]\n---\n\n# Deals\n\n{{ deal_review() }}\n"}, {})
    after = Site({}, {"deals.md": "---\ntags: [Deals, For managers]\n---\n\n# Deals\n\n{{ deal_review() }}\n"}, {})
    assert page_changes(before, after) == ["Edited the text of 'Deals' (docs/deals.md)"]


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)  # README's step 3 removes them
def test_readme_step_3_says_the_team_and_the_language_went_first_each_in_one_line(tmp_path):
    """A director's summary of README's step 3 ran to 100,000 characters of deleted files, one of them "changed"
    to another team's words, and the pull request's comment was cut before it said the team and the language
    were gone. The teams and languages lists come first; each folder removed is one line, and so are the
    language's pages."""
    from bench.adopter import one_team_one_language

    project = new_history(tmp_path)
    teams = [team for team in data("teams")["teams"] if not team.get("default")]
    languages = data("languages")["languages"][1:]
    pages = {language["code"]: sorted((project / "docs").rglob(f"*.{language['code']}.md")) for language in languages}
    one_team_one_language(project)
    result = diff(project, "HEAD~1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    files = [line for line in lines if line.startswith("- `")]
    assert set(files[:2]) == {"- `data/teams.yml`", "- `data/languages.yml`"}
    for team in teams:
        folder = f"data/teams/{team['id']}/"
        assert files.index(f"- `{folder}`") < len(teams) + len(languages) + 2
        said = lines[lines.index(f"- `{folder}`") + 1]
        assert said.startswith(f"  - This folder was deleted, with the {team['name']} team's own versions of `")
        assert not [line for line in files if line.startswith(f"- `{folder}") and line != f"- `{folder}`"]
    for language in languages:
        folder = f"data/languages/{language['code']}/"
        assert lines[lines.index(f"- `{folder}`") + 1].startswith(f"  - This folder was deleted, with the {language['name']} translations of `")
        assert f"  - Removed the {language['name']} site's {len(pages[language['code']])} pages (`docs/**/*.{language['code']}.md`)" in lines
        assert not [line for line in lines if line.startswith("  - Removed the page ") and line.endswith(f".{language['code']}.md)")]
    assert not [line for line in lines if "Every team" in line and "data/teams/" in line]
    assert len(result.stdout) < 60_000, "the pull request's comment holds it whole"
