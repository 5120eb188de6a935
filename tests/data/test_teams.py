"""One handbook, several teams (macros/teams.py): a team's file adds, replaces and removes the organisation's items
by id, each mistake in it is reported at its line, `validate` checks every team, and the change summary names
the teams a change reaches. The merge is checked against an oracle written here from plain PyYAML values."""

import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from macros import render_cache
from macros.handbook import validate
from macros.project import Project, copy_project
from macros.render import render
from macros.teams import editor_schemas
from tests.conftest import ROOT, run, run_validate
from tests.helpers import NEEDS_SECOND_TEAM, data

pytestmark = NEEDS_SECOND_TEAM

TEAM = "key-accounts"
GIT = ["git", "-c", "user.name=Test Leader", "-c", "user.email=leader@example.com", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]


def plain(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def oracle(default: dict, changes: dict) -> dict:
    """The team's version of a file, from the rule in a leader's words: a top-level list of items with ids keeps
    its order, with replaced items in their place, changed ones in their place with the fields named replaced
    and the rest kept, removed ones gone and added ones at the end; any other value named under replace is
    replaced whole."""
    merged = dict(default)
    add, replace, change, remove = (changes.get(section) or {} for section in ("add", "replace", "change", "remove"))

    def of_items(value) -> bool:  # a list of items with ids (a list of texts, such as plan_contents, is a value)
        return isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value)

    for key, value in replace.items():
        if not of_items(value):
            merged[key] = value
    for key in {*add, *remove, *change, *(k for k, v in replace.items() if of_items(v))}:
        by_id = {item["id"]: item for item in replace.get(key, [])}
        changed = {item["id"]: item for item in change.get(key, [])}
        kept = [by_id.get(item["id"], {**item, **changed.get(item["id"], {})}) for item in default.get(key, []) if item["id"] not in remove.get(key, [])]
        merged[key] = kept + add.get(key, [])
    return merged


def test_a_teams_handbook_is_the_defaults_with_its_changes_by_id():
    documents, problems = validate(Project(ROOT, TEAM))
    assert problems == []
    changed = sorted((ROOT / "data" / "teams" / TEAM).glob("*.yml"))
    assert {path.stem for path in changed} >= {"charter", "bootcamp", "checklists", "onboarding"}
    for path in changed:
        assert documents[path.stem].value == oracle(plain(ROOT / "data" / path.name), plain(path)), path.name
    untouched = {path.stem for path in (ROOT / "data").glob("*.yml")} - {path.stem for path in changed}
    for stem in untouched:
        assert documents[stem].value == plain(ROOT / "data" / f"{stem}.yml"), stem


def test_the_example_adds_and_replaces_a_checklist():
    """Key accounts keeps every checklist (its own charter has its own review); removing is tested on copies below."""
    changes = plain(ROOT / "data" / "teams" / TEAM / "checklists.yml")
    assert {"add", "replace"} <= set(changes)
    ids = [item["id"] for item in validate(Project(ROOT, TEAM))[0]["checklists"].value["checklists"]]
    assert changes["replace"]["checklists"][0]["id"] in ids
    assert changes["add"]["checklists"][0]["id"] == ids[-1]


def test_the_default_team_is_the_organisations_data_alone():
    """field-sales changes nothing, so its handbook is the data files as written."""
    documents, problems = validate(Project(ROOT))
    assert problems == [] and not (ROOT / "data" / "teams" / "field-sales").exists()
    for stem, document in documents.items():
        assert document.value == plain(ROOT / "data" / f"{stem}.yml"), stem


def test_every_merged_value_keeps_the_file_and_line_it_was_written_at():
    """Each one-line text in the merged files is found where its position says: in the default file or the team's."""
    documents, _ = validate(Project(ROOT, TEAM))
    seen_team_file = 0
    for stem in ("charter", "checklists", "bootcamp", "onboarding", "levels", "assessments"):
        document = documents[stem]
        for path, text in document.texts():
            mark = document.where(path)
            line = (ROOT / document.file_at(path)).read_text(encoding="utf-8").splitlines()[mark.line - 1]
            written = line[mark.column - 1:]
            if written[:1] in (">", "|"):
                continue  # a folded text starts on the line below its marker
            assert written.lstrip("\"'").startswith(text[:30].split("\n")[0].rstrip()), (stem, path, document.file_at(path), mark)
            seen_team_file += document.file_at(path).startswith("data/teams/")
    assert seen_team_file > 50


def _with_team_file(project: Path, stem: str, text: str) -> Path:
    path = project / "data" / "teams" / TEAM / f"{stem}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _team_file_with(project: Path, stem: str, old: str, new: str) -> str:
    """The example team's file `stem` with `old` (which it holds) written as `new`, put in `project`; its text."""
    text = (ROOT / "data" / "teams" / TEAM / f"{stem}.yml").read_text(encoding="utf-8")
    changed = text.replace(old, new, 1)
    assert changed != text, old
    _with_team_file(project, stem, changed)
    return changed


def _line_of(text: str, needle: str) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, needle
    return lines[0]


def _problems(project: Path) -> list[str]:
    return [problem.as_text() for problem in validate(Project(project, TEAM))[1]]


CHANGES = """\
replace:
  checklists:
    - id: one-to-one-prepp
      title: Coaching 1:1 preparation
      items:
        - {id: look-back, text: Look up what the rep committed to last time.}
add:
  checklists:
    - id: charter-review
      title: Running the charter review
      items:
        - {id: book-it, text: Book an hour with the whole team.}
remove:
  checklists: [new-rep-first-wek]
"""


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory) -> tuple[list[str], str]:
    """A copy of the example whose key-accounts checklist changes name an id wrongly in each section."""
    project = copy_project(tmp_path_factory.mktemp("teams") / "handbook")
    _with_team_file(project, "checklists", CHANGES)
    return _problems(project), CHANGES


def test_an_id_to_replace_that_the_defaults_lack_is_reported_with_the_ids_there_are(mistaken):
    problems, text = mistaken
    line = _line_of(text, "one-to-one-prepp")
    ids = ", ".join(checklist["id"] for checklist in data("checklists")["checklists"])
    assert f"data/teams/{TEAM}/checklists.yml:{line}:11: data/checklists.yml has no 'one-to-one-prepp' in 'checklists' to replace (did you mean 'one-to-one-prep'? the ids there are: {ids}); to add a new one, list it under 'add'" in problems


def test_an_id_to_remove_that_the_defaults_lack_is_reported(mistaken):
    problems, text = mistaken
    line = _line_of(text, "new-rep-first-wek")
    assert any(p.startswith(f"data/teams/{TEAM}/checklists.yml:{line}:16: data/checklists.yml has no 'new-rep-first-wek' in 'checklists' to remove (did you mean 'new-rep-first-week'?") for p in problems), problems


def test_an_id_that_differs_only_in_its_number_gets_no_guess(tmp_path):
    """'day-45' is not a typo of 'day-30' or 'day-60': a guess would point the leader at another milestone."""
    project = copy_project(tmp_path / "handbook")
    text = "remove:\n  milestones: [day-45]\n"
    _with_team_file(project, "ramp", text)
    problems = _problems(project)
    assert f"data/teams/{TEAM}/ramp.yml:2:16: data/ramp.yml has no 'day-45' in 'milestones' to remove (the ids there are: day-30, day-60, day-90)" in problems, problems


def test_an_id_to_add_that_the_defaults_have_is_reported(mistaken):
    problems, text = mistaken
    line = _line_of(text, "id: charter-review")
    assert f"data/teams/{TEAM}/checklists.yml:{line}:11: data/checklists.yml already has 'charter-review' in 'checklists', so it cannot be added; to change it, list it under 'replace', or the fields that differ under 'change'" in problems


def test_nothing_else_is_reported_and_a_mistaken_file_is_not_merged(mistaken):
    problems, _ = mistaken
    assert len(problems) == 3, problems


def test_a_wrong_value_in_a_replaced_item_is_reported_at_the_teams_line(project):
    broken = _team_file_with(project, "checklists", "      title: New key-account rep's first week", "      title: 12")
    line = _line_of(broken, "title: 12")
    assert _problems(project) == [f"data/teams/{TEAM}/checklists.yml:{line}:14: 'replace' › 'checklists' › item 1 › 'title' must be text, found the number 12; put the value in double quotes to keep it as typed"]


def test_a_cross_reference_in_a_replaced_value_is_reported_at_the_teams_line(project):
    """The planner's pipeline stage must be one of its stages: checked on the merged file, reported in the team's."""
    broken = _team_file_with(project, "bootcamp", "    pipeline_stage: qualified", "    pipeline_stage: qualifed")
    line = _line_of(broken, "pipeline_stage: qualifed")
    assert _problems(project) == [f"data/teams/{TEAM}/bootcamp.yml:{line}:21: unknown funnel stage 'qualifed' (expected one of the activity planner's funnel stages: calls, conversations, meetings, qualified, wins)"]


def test_text_cut_short_by_a_comment_in_a_teams_file_is_reported_there(project):
    broken = _team_file_with(project, "checklists", "          text: Book the next review before you leave the room.", "          text: Book the next review #2 before you leave the room.")
    line = _line_of(broken, "#2 before")
    column = broken.splitlines()[line - 1].index("#2") + 1
    [problem] = _problems(project)
    assert problem.startswith(f"data/teams/{TEAM}/checklists.yml:{line}:{column}: this text is cut at \"#\"")


def test_a_research_finding_a_team_copies_must_say_what_the_organisations_says(project):
    """Key accounts replaces provoked luck whole, so its file copies the findings: a figure changed in the copy
    would put two figures for one fact on two teams' sites. A finding of the team's own, under a new id, is fine."""
    broken = _team_file_with(project, "bootcamp", 'figure: "5% off price, up to 50% off profit"', 'figure: "5% off price, up to 40% off profit"')
    assert "id: price-and-profit" in broken
    line, default_line = _line_of(broken, "up to 40% off profit"), _line_of((ROOT / "data" / "bootcamp.yml").read_text(encoding="utf-8"), "id: price-and-profit")
    assert _problems(project) == [
        f"data/teams/{TEAM}/bootcamp.yml:{line}:17: the research finding 'price-and-profit' says something else here than in data/bootcamp.yml "
        f"(line {default_line}), in its 'figure': a finding is the same fact on every team's site, so copy it word for word, or give a finding of the team's own a new id"
    ]
    _with_team_file(project, "bootcamp", broken.replace("id: price-and-profit", "id: price-and-profit-key-accounts", 1))
    assert _problems(project) == []


def test_a_changed_item_keeps_the_organisations_other_fields_and_their_later_edits(project):
    """Key accounts changes two levels' coaching words only: an edit the organisation makes later to one of those
    levels' behaviours reaches the team's site, and the team's words stay its own."""
    changes = plain(project / "data" / "teams" / TEAM / "levels.yml")
    assert set(changes) == {"change"}
    path = project / "data" / "levels.yml"
    text = path.read_text(encoding="utf-8")
    old = next(behaviour["text"] for behaviour in plain(path)["levels"][0]["behaviours"] if behaviour["id"] == "logs-every-contact")
    new = "Logs each call, meeting and order query in the CRM before the end of the day."
    assert text.count(old) == 1 and old != new
    path.write_text(text.replace(old, new), encoding="utf-8")
    documents, problems = validate(Project(project, TEAM))
    assert problems == []
    level = documents["levels"].value["levels"][0]
    assert new in [b["text"] for b in level["behaviours"]]
    assert level["coaching_focus"] == changes["change"]["levels"][0]["coaching_focus"] != plain(path)["levels"][0]["coaching_focus"]
    assert documents["levels"].value == oracle(plain(path), changes)


def test_a_mistake_in_a_changed_item_is_reported_at_the_teams_line(project):
    typo = _team_file_with(project, "levels", "      coaching_focus: >-\n        Step back", "      coachng_focus: >-\n        Step back")
    line = _line_of(typo, "coachng_focus")
    [problem] = _problems(project)
    assert problem.startswith(f"data/teams/{TEAM}/levels.yml:{line}:7: ") and "'coachng_focus'" in problem and "coaching_focus" in problem, problem
    nothing = (ROOT / "data" / "teams" / TEAM / "levels.yml").read_text(encoding="utf-8") + "    - id: product-expert\n"
    _with_team_file(project, "levels", nothing)
    [problem] = _problems(project)
    assert problem == f"data/teams/{TEAM}/levels.yml:{len(nothing.splitlines())}:11: 'product-expert' is listed under 'change' with nothing to change: add the fields the team words its own way, each whole, below its id, or remove it", problem


def test_a_default_value_the_team_keeps_is_still_reported_in_the_default_file(project):
    path = project / "data" / "checklists.yml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("    title: Coaching 1:1 preparation", "    title: 12", 1)
    path.write_text(broken, encoding="utf-8")
    line = _line_of(broken, "title: 12")
    item = [checklist["id"] for checklist in data("checklists")["checklists"]].index("one-to-one-prep") + 1
    assert f"data/checklists.yml:{line}:12: 'checklists' › item {item} › 'title' must be text, found the number 12; put the value in double quotes to keep it as typed" in _problems(project)


def test_validate_checks_every_team_and_names_the_team_a_problem_is_only_in(project):
    """key-accounts removing a checklist a page shows breaks only its handbook: the page's line, named with the team."""
    _with_team_file(project, "checklists", "remove:\n  checklists: [new-rep-first-week]\n")

    result = run_validate(project)

    assert result.returncode == 1
    line = _line_of((project / "docs" / "onboarding.md").read_text(encoding="utf-8"), '{{ checklist("new-rep-first-week") }}')
    [problem] = result.stdout.splitlines()
    assert problem.startswith(f"docs/onboarding.md:{line}:14: unknown checklist 'new-rep-first-week'")
    assert problem.endswith(" (in the key-accounts team's handbook)")


def test_validate_reports_a_problem_in_a_teams_file_as_it_is(project):
    _with_team_file(project, "onboarding", "replace:\n  intro: 12\n")

    result = run_validate(project)

    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"data/teams/{TEAM}/onboarding.yml:2:10: 'replace' › 'intro' must be text, found the number 12; put the value in double quotes to keep it as typed"]


def test_teams_yml_and_the_team_folders_agree(project):
    teams = project / "data" / "teams.yml"
    teams.write_text(teams.read_text(encoding="utf-8").replace("    name: Key accounts\n", "    name: Key accounts\n    default: true\n"), encoding="utf-8")
    shutil.copytree(project / "data" / "teams" / TEAM, project / "data" / "teams" / "key-acounts")
    problems = [problem.as_text() for problem in validate(Project(project))[1]]
    assert "data/teams.yml:10:14: mark exactly one team 'default: true': the team `make build` builds (2 are)" in problems
    assert "data/teams/key-acounts/:1:1: the folder is not a team in data/teams.yml (did you mean 'key-accounts'? the teams are: field-sales, key-accounts); add the team there or rename the folder" in problems


def test_an_unknown_team_is_refused_in_plain_words():
    problems = validate(Project(ROOT, "key-acounts"))[1]
    assert [problem.as_text() for problem in problems] == ["data/teams.yml:1:1: there is no team 'key-acounts' (did you mean 'key-accounts'? the teams are: field-sales, key-accounts)"]


def test_a_file_the_organisation_does_not_have_cannot_be_changed(project):
    _with_team_file(project, "checklist", "remove:\n  checklists: [charter-review]\n")
    assert [p for p in _problems(project) if "checklist.yml" in p] == [f"data/teams/{TEAM}/checklist.yml:1:1: a team can only change a file the organisation has, and there is no data/checklist.yml (did you mean 'checklists'? the files are: " + ", ".join(sorted(p.stem for p in (ROOT / "data").glob("*.yml") if p.stem != "teams")) + ")"]


def test_items_put_straight_under_replace_are_told_to_name_their_list_first(project):
    """A leader following the README's steps wrote the items under replace: without the list's name above them."""
    _with_team_file(project, "checklists", "replace:\n  - id: new-rep-first-week\n    title: First week\n")
    assert [p for p in _problems(project) if "checklists.yml" in p] == [
        f"data/teams/{TEAM}/checklists.yml:2:3: under 'replace:' first name the list the items belong to, on a line of its own and indented (checklists: for data/checklists.yml), then the items indented below that: replace: → checklists: → - id: …"
    ]


def test_the_editor_schemas_of_team_files_are_written_from_the_data_files_schemas():
    """data/schemas/teams/ is made by `python -m macros team-schemas`: run it after changing a data file's schema."""
    schemas = ROOT / "data" / "schemas"
    assert {path.name: path.read_text(encoding="utf-8") for path in (schemas / "teams").glob("*.schema.json")} == editor_schemas(schemas)
    charter = json.loads((schemas / "teams" / "charter.schema.json").read_text(encoding="utf-8"))
    assert charter["properties"]["replace"]["properties"]["expectations"]["items"] == {"$ref": "../charter.schema.json#/properties/expectations/items"}


def test_a_teams_site_prints_the_teams_documents(project):
    """The build prints and links the documents of the team's printing.yml, not only the organisation's."""
    from macros.site_build import _document_ids

    _with_team_file(project, "printing", "remove:\n  documents: [coaching-questions-card]\n")
    assert _document_ids(project, TEAM) == ["onboarding-pack"]
    assert _document_ids(project) == ["onboarding-pack", "coaching-questions-card"]


def test_an_item_a_team_wrote_links_to_its_line_in_the_teams_file(project, tmp_path):
    """The editor view's line links: a charter value the team replaces opens the team's file at its line."""
    path = project / "data" / "teams" / TEAM / "charter.yml"
    # Key accounts already replaces some values: the new one goes first in its list, and a value it keeps links to the default file.
    text = path.read_text(encoding="utf-8").replace("  values:\n", """  values:
    - id: curiosity
      name: Curiosity about the customer's business
      meaning: We learn how each account makes its money before we propose anything.
      in_practice:
        - We read each account's annual report and ask about it in the next meeting.
""", 1)
    path.write_text(text, encoding="utf-8")
    line = _line_of(text, "- id: curiosity")
    default_line = _line_of((project / "data" / "charter.yml").read_text(encoding="utf-8"), "- id: straight-with-customers")
    assert not render(Project(project, TEAM), tmp_path / "out").problems
    charter = (tmp_path / "out" / "docs" / "charter.md").read_text(encoding="utf-8")
    assert f'href="https://github.com/example/playbook/blob/main/data/teams/{TEAM}/charter.yml#L{line}" aria-label="This value in data/teams/{TEAM}/charter.yml, line {line}"' in charter
    assert f'href="https://github.com/example/playbook/blob/main/data/charter.yml#L{default_line}"' in charter


def test_the_render_cache_is_kept_per_team_and_keyed_by_it():
    assert Project(ROOT, TEAM).cache_dir != Project(ROOT).cache_dir
    assert render_cache.key(ROOT, {}, None, TEAM) != render_cache.key(ROOT, {}, None, None)


# ---------------------------------------------------------------- the change summary


def _git(repo: Path, *args: str) -> None:
    result = run([*GIT, *args], repo)
    assert result.returncode == 0, result.stderr


def test_the_change_summary_names_the_teams_a_change_reaches(project):
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "base")
    checklists = project / "data" / "checklists.yml"
    checklists.write_text(checklists.read_text(encoding="utf-8").replace("    title: Coaching 1:1 preparation", "    title: Before a 1:1"), encoding="utf-8")
    team = project / "data" / "teams" / TEAM / "checklists.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("      title: Before a quarterly business review", "      title: Before a business review"), encoding="utf-8")
    coaching = project / "data" / "coaching.yml"
    coaching.write_text(coaching.read_text(encoding="utf-8").replace("intro: >-\n", "intro: >-\n  Coaching first.\n", 1), encoding="utf-8")

    result = run([sys.executable, "-m", "macros", "diff", "main"], project)

    assert result.returncode == 0, result.stderr
    groups: dict[str, list[str]] = {}
    for line in result.stdout.splitlines()[2:]:
        if line.startswith("- "):
            groups[line[2:].strip("`")] = []
        else:
            groups[list(groups)[-1]].append(line.removeprefix("  - "))
    assert next(iter(groups)) == "Which teams this reaches"
    assert groups["Which teams this reaches"] == [
        "Every team (Field sales and Key accounts): `data/coaching.yml` and `data/checklists.yml`",
        f"Key accounts has its own version of `data/checklists.yml` (in `data/teams/{TEAM}/`): what it replaces or removes there stays as it is",
        f"Only Key accounts: `data/teams/{TEAM}/checklists.yml`",
    ]
    assert groups["data/checklists.yml"] == ["Changed the checklist 'Before a 1:1': title \"Coaching 1:1 preparation\" → \"Before a 1:1\""]
    assert groups[f"data/teams/{TEAM}/checklists.yml"] == [
        "Changed the checklist 'Before a business review': title \"Before a quarterly business review\" → \"Before a business review\"",
    ]


def test_a_team_not_yet_named_in_a_translation_keeps_its_name_in_the_language_menu(tmp_path):
    """A new leader's case: a third team added to data/teams.yml but not yet to the German data/languages/de/teams.yml
    vanished from the German sites' team menu, the Inside sales site's own included, though the warning said the
    site would show the file in the first language. The team stays, under its first-language name."""
    from macros.teams import listed_teams

    project = copy_project(tmp_path / "handbook")
    teams = project / "data/teams.yml"
    teams.write_text(teams.read_text(encoding="utf-8") + "  - id: inside-sales\n    name: Inside sales\n", encoding="utf-8")
    german = {team.id: team.name for team in listed_teams(project / "data", "de")}
    translated = {team["id"]: team["name"] for team in yaml.safe_load((project / "data/languages/de/teams.yml").read_text(encoding="utf-8"))["teams"]}
    assert german == translated | {"inside-sales": "Inside sales"}
    assert list(german) == [team["id"] for team in yaml.safe_load(teams.read_text(encoding="utf-8"))["teams"]]
