"""Every free-text field of every data file, planted with HTML, script, event handlers, attribute lists and
Jinja (tests/planted.py), reaches the built site as the text a leader typed: never as markup, never run.
Links to javascript: in any of those fields are refused by validation, each on its own line."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

import macros.problems
from macros.handbook import Project, validate
from macros.project import copy_project
from tests.helpers import HAS_SECOND_LANGUAGE, HAS_SECOND_TEAM
from tests.planted import LINKS, PAYLOAD, line_of, plant

# Fields that no page of the site shows; where each one goes instead. Any other field must be shown.
NOT_ON_THE_SITE = {
    ("assessments.yml", "scales", "name"): "names an answer scale for leaders; pages show its points",
    ("printing.yml", "documents", "subtitle"): "printed on the PDF cover (tests/pdf)",
    ("printing.yml", "documents", "version"): "printed on the PDF cover (tests/pdf)",
}
# Text that only appears if a planted {% include %} or {{ config }} ran ("site_name" is not one: Change this
# handbook tells leaders where the site's name is set).
JINJA_RESULTS = ("markdown_extensions", "MkDocsConfig", "config_file_path")


def _shape(field) -> tuple:
    """The field's path without list positions: which kind of field it is."""
    return (field.file, *(key for key in field.path if isinstance(key, str)))


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")}


def test_a_script_link_in_any_field_is_refused_on_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(macros.problems, "MAX_PROBLEMS_PER_FILE", 10**6)  # every problem, not the first 100 of a file
    project = copy_project(tmp_path / "handbook")
    fields = plant(project, LINKS)
    _, problems = validate(Project(project))
    reported = {(problem.file, problem.line, problem.message.split(" is not allowed")[0]) for problem in problems}
    unreported = []
    for field in fields:
        place = (f"data/{field.file}", line_of(project, field))
        if not {(*place, "the link 'javascript:alert(1)'"), (*place, "the link 'JaVaScRiPt:alert(2)'")} <= reported:
            unreported.append(f"data/{field.file}:{line_of(project, field)} {field.path}")
    assert len(fields) > 500
    assert not unreported, f"{len(unreported)} field(s) let a javascript: link through:\n" + "\n".join(unreported)


def test_no_planted_markup_is_live_on_any_page(planted_site):
    site, _ = planted_site
    live = []
    for name, soup in _pages(site).items():
        for element in soup.find_all(True):
            handlers = [attribute for attribute in element.attrs if attribute.lower().startswith("on")]
            href = "".join(str(element.get("href", "")).split()).lower()
            planted_element = element.name in ("img", "b") or (element.name == "script" and "pwned" in element.get_text())
            if handlers or href.startswith("javascript:") or "-attr" in str(element.get("id", "")) or planted_element:
                live.append(f"{name}: {str(element)[:120]}")
    assert not live, "\n".join(live[:20])


def test_planted_jinja_never_runs(planted_site):
    site, _ = planted_site
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not [found for found in JINJA_RESULTS if found in text], path


def _readable(soup: BeautifulSoup) -> str:
    """A page's text and its attribute values (labels, and text the widgets show from data- attributes)."""
    values = [" ".join(map(str, value)) if isinstance(value, list) else str(value) for element in soup.find_all(True) for value in element.attrs.values()]
    return " ".join(" ".join([soup.get_text(" "), *values]).split())


def test_every_shown_field_reads_exactly_as_typed(planted_site):
    site, fields = planted_site
    texts = {name: _readable(soup) for name, soup in _pages(site).items()}
    everything = "\n".join(texts.values())
    not_shown, garbled = set(), []
    for field in fields:
        if not re.search(field.marker + r"\b", everything):
            not_shown.add(_shape(field))
            continue
        typed = " ".join(PAYLOAD.format(marker=field.marker).split())
        if not any(typed in text for text in texts.values()):
            garbled.append(f"data/{field.file} {field.path}")
    assert not garbled, f"{len(garbled)} field(s) do not read as typed:\n" + "\n".join(garbled[:20])
    # a handbook of one team, or in one language, has no menu to name them in
    menus = {("teams.yml", "teams", "name"): HAS_SECOND_TEAM, ("languages.yml", "languages", "name"): HAS_SECOND_LANGUAGE}
    assert not_shown == set(NOT_ON_THE_SITE) | {field for field, shown in menus.items() if not shown}, "fields no page shows changed; update NOT_ON_THE_SITE"
