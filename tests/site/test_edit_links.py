"""Edit links lead leaders from a page or an item to the data file and line it comes from, and pages say
when their content last changed, from git history when there is one."""

import os
import re
import subprocess

from mkdocs.utils.yaml import yaml_load

from macros.project import copy_project
from tests.conftest import ROOT, run_build
from tests.helpers import content, data, page

# mkdocs' own loader: mkdocs.yml uses its !ENV tag.
CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
REPO = CONFIG["repo_url"]


def _line_of_id(file: str, item_id: str) -> int:
    lines = (ROOT / "data" / file).read_text(encoding="utf-8").splitlines()
    (number,) = [n for n, line in enumerate(lines, 1) if re.fullmatch(rf"\s*- id: {re.escape(item_id)}", line)]
    return number


def test_a_page_made_from_data_edits_its_data_file_and_a_plain_page_its_markdown(built_site):
    edit = page(built_site, "charter").select_one("a[rel=edit]")
    assert edit["href"] == f"{REPO}/edit/main/data/charter.yml"
    assert page(built_site, "").select_one("a[rel=edit]")["href"] == f"{REPO}/edit/main/docs/index.md"


def test_every_question_value_and_level_links_to_its_own_line_in_the_editor_view(built_site):
    """One class keeps every such link to the editor view (tests/browser/test_editor_view.py shows it)."""
    questions = content(page(built_site, "coaching/questions"))
    links = questions.select("a.pb-source")
    assert len(links) == len(data("coaching_questions")["questions"])
    assert all("pb-for-editors" in link["class"] for link in links)
    for question in data("coaching_questions")["questions"]:
        link = questions.find(id=question["id"]).select_one("a.pb-source")
        assert link["href"] == f"{REPO}/blob/main/data/coaching_questions.yml#L{_line_of_id('coaching_questions.yml', question['id'])}"
    charter = content(page(built_site, "charter"))
    for value in data("charter")["values"]:
        link = charter.find(id=value["id"]).select_one("a.pb-source")
        assert link["href"].endswith(f"data/charter.yml#L{_line_of_id('charter.yml', value['id'])}")
    levels = content(page(built_site, "levels"))
    for level in data("levels")["levels"]:
        link = levels.find(id=level["id"]).find_next("a", class_="pb-source")
        assert link["href"].endswith(f"data/levels.yml#L{_line_of_id('levels.yml', level['id'])}")


def _git(project, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Leader", "GIT_AUTHOR_EMAIL": "leader@example.com",
           "GIT_COMMITTER_NAME": "Leader", "GIT_COMMITTER_EMAIL": "leader@example.com"}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T10:00:00", "GIT_COMMITTER_DATE": f"{date}T10:00:00"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_pages_show_when_their_data_or_page_last_changed(tmp_path):
    project = copy_project(tmp_path / "handbook")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "First version", date="2026-01-10")
    levels = project / "data" / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("Order taker", "Order handler", 1), encoding="utf-8")
    _git(project, "commit", "-q", "-am", "Rename the first level", date="2026-03-05")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr

    levels_page = page(project / "site", "levels")
    assert levels_page.select_one(".pb-page-sources time")["datetime"] == "2026-03-05"
    assert "changed 2026-03-05" in levels_page.find("style", media="print").string
    charter_sources = page(project / "site", "charter").select_one(".pb-page-sources")
    assert charter_sources.time["datetime"] == "2026-01-10"
    assert " ".join(charter_sources.p.get_text().split()).startswith("From data/charter.yml · changed 2026-01-10")
    assert [code.get_text() for code in charter_sources.select(".pb-for-editors code")] == ["data/charter.yml", "docs/charter.md"]


def test_a_build_without_git_history_has_no_dates_but_works(edited_site):
    """The session's edited copy (tests/leader_edits.py) has no git history, as one unpacked from a tarball."""
    sources = page(edited_site, "levels").select_one(".pb-page-sources")
    assert sources.time is None
    assert " ".join(sources.p.get_text().split()).startswith("From data/levels.yml · Show editing links")
    assert "Made from" in sources.select_one(".pb-for-editors").get_text()
