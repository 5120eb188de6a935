"""A leader's mistake in a page's macros is reported at docs/FILE.md:LINE:COL by `python -m macros validate`,
beside the data's problems and in the same form, and by the build with no traceback, keeping the last good site."""

import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.project import copy_project
from tests.conftest import ROOT, run, run_build, run_validate
from tests.helpers import with_value

WEEK = '{{ checklist("new-rep-first-week") }}'


@dataclass
class PageMistake:
    page: str
    old: str  # text in the example page
    new: str  # what the leader wrote instead; its first line holds the mistake
    column: int
    says: str  # the start of the message the leader reads


MISTAKES = {
    "typo-in-id": PageMistake("onboarding.md", WEEK, '{{ checklist("new-rep-first-weak") }}', 14,
                              "unknown checklist 'new-rep-first-weak' (did you mean 'new-rep-first-week'? expected one of: "
                              "bootcamp-daily, bootcamp-weekly, new-rep-first-week, before-a-new-rep-starts, first-meeting-plan, one-to-one-prep, charter-review)"),
    "unknown-macro": PageMistake("onboarding.md", WEEK, 'Tick the checklist as you go: {{ checklsit("new-rep-first-week") }}', 34,
                                 "unknown macro 'checklsit' (did you mean 'checklist'? expected one of: checklist, "),
    "missing-argument": PageMistake("onboarding.md", WEEK, "{{ checklist() }}", 4,
                                    "checklist() needs the checklist's id (expected {{ checklist(\"bootcamp-daily\") }}, with one of: bootcamp-daily, "),
    "unknown-keyword": PageMistake("onboarding.md", WEEK, '{{ checklist(id="new-rep-first-week") }}', 14,
                                   "checklist() has no argument 'id' (expected {{ checklist(\"bootcamp-daily\") }})"),
    "extra-argument": PageMistake("levels.md", "{{ levels() }}", '{{ levels("all") }}', 11, "levels() takes no arguments (expected {{ levels() }})"),
    "no-brackets": PageMistake("levels.md", "{{ levels() }}", "{{ levels }}", 4, "the macro 'levels' needs brackets (expected {{ levels() }}"),
    "id-without-quotes": PageMistake("onboarding.md", WEEK, "{{ checklist(new-rep-first-week) }}", 14,
                                     "the checklist's id must be in double quotes (expected {{ checklist(\"new-rep-first-week\") }})"),
    "id-of-the-wrong-kind": PageMistake("onboarding.md", WEEK, '{{ checklist("ride-along") }}', 14,
                                        "'ride-along' is a self-assessment, not a checklist (place it with {{ self_assessment(\"ride-along\") }}; "
                                        "the checklists are: bootcamp-daily, "),
    "jinja-syntax-error": PageMistake("onboarding.md", WEEK, '{{ checklist("new-rep-first-week") }', 1,
                                      "macro syntax error: unexpected '}' (a macro is written {{ name() }} or {{ name(\"id\") }}: two braces each side"),
    "unclosed-braces": PageMistake("onboarding.md", WEEK, '{{ checklist("new-rep-first-week")\n\nAsk your manager about anything unclear.', 1,
                                   "macro syntax error: '{{' is not closed (end the macro with '}}' on the same line)"),
    "curly-quotes": PageMistake("onboarding.md", WEEK, "Your list: {{ checklist(“new-rep-first-week”) }}", 25,
                                "macro syntax error: unexpected char '“' (a curly quote: type the id between straight double quotes)"),
}


def _make(project: Path, mistake: PageMistake, page: str | None = None) -> str:
    """Writes the mistake into the project's copy of its page (or into a new page, a copy with the mistake);
    returns where it is, `docs/PAGE:LINE:COL: `."""
    text = (project / "docs" / mistake.page).read_text(encoding="utf-8")
    assert mistake.old in text, mistake.old
    text = text.replace(mistake.old, mistake.new, 1)
    page = page or mistake.page
    (project / "docs" / page).write_text(text, encoding="utf-8")
    line = text.splitlines().index(mistake.new.splitlines()[0]) + 1
    return f"docs/{page}:{line}:{mistake.column}: "


@pytest.fixture(scope="module")
def validated(tmp_path_factory) -> tuple[dict[str, str], list[str]]:
    """One `validate` run on a copy of the example with one new page per mistake (each a copy of the page the
    mistake is made in): where each mistake is, and the lines printed. The copy has one team and one language, so
    each mistake is reported once (tests/data/test_teams.py covers a page's problem in one team's handbook, and
    tests/data/test_broken_files.py one a translation repeats)."""
    project = copy_project(tmp_path_factory.mktemp("page-mistakes") / "handbook")
    (project / "data" / "teams.yml").unlink()
    shutil.rmtree(project / "data" / "teams", ignore_errors=True)  # a handbook of one team may have none
    (project / "data" / "languages.yml").unlink()
    shutil.rmtree(project / "data" / "languages", ignore_errors=True)
    for translated in (project / "docs").rglob("*.de.md"):
        translated.unlink()
    (project / "docs" / "mistakes").mkdir()
    locations = {kind: _make(project, mistake, f"mistakes/{kind}.md") for kind, mistake in MISTAKES.items()}
    result = run_validate(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.startswith(f"{len(MISTAKES)} problem"), result.stderr
    return locations, result.stdout.splitlines()


@pytest.mark.parametrize("kind", MISTAKES)
def test_page_mistake_is_reported_at_its_line_and_column_by_validate(validated, kind: str):
    locations, lines = validated
    reported = [line for line in lines if line.startswith(f"docs/mistakes/{kind}.md:")]
    assert len(reported) == 1, lines
    assert reported[0].startswith(locations[kind] + MISTAKES[kind].says), reported[0]


def test_page_problems_are_github_annotations_beside_the_data_problems_sorted(project: Path):
    location = _make(project, MISTAKES["unknown-macro"])
    charter = project / "data" / "charter.yml"
    charter.write_text(charter.read_text(encoding="utf-8").replace("    meaning:", "    meanign:", 1), encoding="utf-8")

    result = run_validate(project, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(",")[0] for line in lines] == ["::error file=data/charter.yml"] * 2 + ["::error file=docs/onboarding.md"]
    line = location.split(":")[1]
    assert lines[-1].startswith(f"::error file=docs/onboarding.md,line={line},col=34::unknown macro 'checklsit' (did you mean")
    assert re.match(r"3 problem", result.stderr)


def test_pages_that_use_what_the_build_gives_them_are_valid(project: Path):
    (project / "docs" / "extra.md").write_text(
        "---\nowner: Sales ops\n---\n\n"
        "# Extra\n\n{{ config.site_name }}: {{ page.title }}, kept by {{ owner }}.\n\n"
        '{% set first = "bootcamp-daily" %}{{ checklist(first) }}\n'
        '{% for id in ["bootcamp-weekly", "charter-review"] %}{{ loop.index }}. {{ checklist(id) }}{% endfor %}\n'
        "{{- self_assessment(\n    assessment_id=\"ride-along\") -}}\n\n"
        "Written as text: {% raw %}{{ checklsit( {% endraw %} and {#custom-anchor} {: #kept }\n",
        encoding="utf-8")
    (project / "docs" / "as-written.md").write_text("---\nrender_macros: false\n---\n\n{{ checklsit( shown as typed\n", encoding="utf-8")

    result = run_validate(project)
    assert result.returncode == 0, result.stdout
    # Nothing but what the German translation does not cover yet (warnings, macros/languages.py).
    assert [line for line in result.stdout.splitlines() if ": warning: " not in line] == []


def test_a_mkdocs_yml_that_does_not_parse_is_one_located_problem(project: Path):
    """The pages are read with mkdocs.yml's settings (its `extra` names); when mkdocs cannot read the file,
    `validate` says where, as it does for the data, instead of a traceback."""
    settings = project / "mkdocs.yml"
    settings.write_text(with_value(settings.read_text(encoding="utf-8"), "site_name", "[Our Playbook"), encoding="utf-8")

    result = run_validate(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == ["mkdocs.yml:1:12: YAML syntax error: expected ',' or ']', but got ':'"]


def test_the_example_pages_have_no_problems():
    from macros.handbook import Project
    from macros.site_settings import read_site_settings
    from macros.wiring import check_handbook

    settings, problems = read_site_settings(Project(ROOT))
    assert problems == []
    handbook, problems = check_handbook(Project(ROOT), settings)
    assert handbook is not None
    assert problems == []


def test_build_reports_a_wrong_id_without_a_traceback_and_keeps_the_last_good_site(project: Path):
    location = _make(project, MISTAKES["typo-in-id"])
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")

    result = run([sys.executable, "-m", "macros", "build", "--site", "site"], project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert location + MISTAKES["typo-in-id"].says in output
    assert "Traceback" not in output
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"


def test_mkdocs_build_reports_an_unclosed_macro_without_a_traceback(project: Path, tmp_path: Path):
    location = _make(project, MISTAKES["unclosed-braces"])

    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert location + MISTAKES["unclosed-braces"].says in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()
