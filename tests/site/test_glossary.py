"""The glossary page holds every term with its definition, and each page explains a term the first time its
data text uses it: an <abbr> whose title is the definition, never inside a word, a link, a heading or code,
and with hostile glossary text shown as typed. Expectations come from data/glossary.yml read with PyYAML."""

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString

from macros.project import copy_project
from tests.conftest import run_build
from tests.helpers import content, data, normalise, page, plain
from tests.planted import PAYLOAD
from tests.site.test_every_field_is_inert import JINJA_RESULTS

# Data text that pages render with glossary marks: (page, CSS selector).
DATA_TEXT = [
    ("charter", ".pb-values li, .pb-expectations li, .pb-commitments li, .pb-steps li"),
    ("coaching/questions", ".pb-question__text, .pb-question__why"),
    ("levels", ".pb-behaviours li"),
    ("onboarding", "li[id]"),
    ("checklists", "form[data-checklist] label"),
]
NOT_MARKED_IN = ["a", "code", "h1", "h2", "h3", "h4", "h5", "h6"]


def _forms(term: dict) -> list[str]:
    return term.get("appears_as") or [term["term"]]


def _pattern(form: str) -> str:
    """A form as the glossary's editing help describes it: whole words, its first letter in either case."""
    first = f"[{re.escape(form[0].lower())}{re.escape(form[0].upper())}]"
    return first + r"\s+".join(map(re.escape, form[1:].split(" ")))


def _uses(text: str, terms: list[dict]) -> set[str]:
    """Ids of the terms `text` uses; a use inside a longer use of another term (qualified pipeline) is not one."""
    spans = [
        (match.start(), match.end(), term["id"])
        for term in terms
        for form in _forms(term)
        for match in re.finditer(rf"(?<![\w-]){_pattern(form)}(?![\w-])", text)
    ]
    return {term_id for start, end, term_id in spans if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)}


def _markable_text(element) -> str:
    """The element's text without the words in its links and code, which are never marked."""
    return "".join(text for text in element.find_all(string=True) if not text.find_parent(["a", "code"]))


def _tooltips(terms: list[dict]) -> dict[str, str]:
    return {term["id"]: normalise(plain(term["definition"])) for term in terms}


def _term_of(abbr, terms: list[dict]) -> dict:
    (term,) = [term for term in terms if any(re.fullmatch(_pattern(form), abbr.get_text()) for form in _forms(term))]
    return term


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): content(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")) for path in site.rglob("index.html")}


def test_every_term_is_on_the_glossary_page_with_its_definition_in_alphabetical_order(built_site):
    terms = data("glossary")["terms"]
    article = content(page(built_site, "glossary"))
    headings = article.select("h2")
    assert [h["id"] for h in headings] == [t["id"] for t in sorted(terms, key=lambda t: t["term"].casefold())]
    for term in terms:
        heading = article.select_one(f'h2[id="{term["id"]}"]')
        assert heading.find(string=True).strip() == term["term"]
        entry = heading.find_next_sibling("div")
        assert normalise(plain(term["definition"])) in normalise(entry.get_text(" ", strip=True))
        other_forms = [form for form in _forms(term) if form.casefold() != term["term"].casefold()]
        assert [q.get_text() for q in entry.select("q")] == other_forms
    assert len(terms) >= 30
    assert not article.select("abbr"), "the glossary page explains every term in full; it marks none"


def test_the_glossary_is_in_the_navigation_and_the_search_index(built_site):
    home = page(built_site, "")
    assert home.select_one('nav a[href="glossary/"]') is not None
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for term in data("glossary")["terms"]:
        assert f'"location":"glossary/#{term["id"]}"' in index.replace(" ", ""), term["id"]


def test_each_term_the_data_text_uses_is_explained_once_on_its_page(built_site):
    terms = data("glossary")["terms"]
    tooltips = _tooltips(terms)
    checked = 0
    for url, selector in DATA_TEXT:
        article = content(page(built_site, url))
        used = set().union(*(_uses(_markable_text(element), terms) for element in article.select(selector)))
        marks = {}
        for abbr in article.select("abbr.pb-term"):
            marks.setdefault(_term_of(abbr, terms)["id"], []).append(abbr["title"])
        for term_id in used:
            assert marks.get(term_id) == [tooltips[term_id]], f"{url}: {term_id} marked {marks.get(term_id)}"
        checked += len(used)
    assert checked >= 40


def test_every_mark_is_a_whole_visible_word_outside_links_headings_and_code_at_most_once_a_page(built_site):
    terms = data("glossary")["terms"]
    tooltips = _tooltips(terms)
    marked_pages = 0
    for name, article in _pages(built_site).items():
        abbrs = article.select("abbr.pb-term")
        marked_pages += bool(abbrs)
        ids = [_term_of(abbr, terms)["id"] for abbr in abbrs]
        assert len(ids) == len(set(ids)), f"{name}: a term marked twice"
        for abbr, term_id in zip(abbrs, ids):
            assert abbr["title"] == tooltips[term_id]
            assert abbr.get("tabindex") == "0", "a keyboard must be able to reach the tooltip"
            assert not abbr.find_parent(NOT_MARKED_IN), f"{name}: {abbr.parent}"
            assert not abbr.find_parent(attrs={"hidden": True}), f"{name}: the first use is hidden, so no reader sees it explained"
            before, after = abbr.previous_sibling, abbr.next_sibling
            assert not (isinstance(before, NavigableString) and re.search(r"[\w-]\Z", before)), f"{name}: {abbr.parent}"
            assert not (isinstance(after, NavigableString) and re.match(r"[\w-]", after)), f"{name}: {abbr.parent}"
    assert marked_pages >= 8


# A checklist whose description uses 'champion' inside a word, in a link, in code, and then as a word.
PROBE = """\
  - id: glossary-probe
    title: Probe
    description: "Recheck the championship table, the [champion map](charter.md) and `champion` notes, then ask the champion."
    items:
      - id: probe-item
        text: Nothing to explain here.
"""


@pytest.fixture(scope="module")
def hostile_glossary_site(tmp_path_factory) -> tuple[Path, str]:
    """The example with PAYLOAD (HTML, script, Jinja, attribute lists) as every term's definition and the
    probe checklist first on the checklists page, built with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("glossary") / "handbook")
    glossary_file = project / "data" / "glossary.yml"
    glossary = yaml.safe_load(glossary_file.read_text(encoding="utf-8"))
    for index, term in enumerate(glossary["terms"]):
        term["definition"] = PAYLOAD.format(marker=f"gl{index:03d}gl")
    glossary_file.write_text(yaml.safe_dump(glossary, sort_keys=False, allow_unicode=True, width=1_000_000), encoding="utf-8")
    checklists = project / "data" / "checklists.yml"
    checklists.write_text(checklists.read_text(encoding="utf-8").replace("checklists:\n", "checklists:\n" + PROBE, 1), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    champion = next(index for index, term in enumerate(glossary["terms"]) if term["id"] == "champion")
    return site, PAYLOAD.format(marker=f"gl{champion:03d}gl")


def test_a_term_inside_a_word_in_a_link_or_in_code_is_not_marked(hostile_glossary_site):
    site, champion_definition = hostile_glossary_site
    description = content(page(site, "checklists")).select_one("#checklist-glossary-probe .pb-checklist__description")
    marks = description.select("abbr")
    assert [(abbr.get_text(), abbr["title"]) for abbr in marks] == [("champion", champion_definition)]
    assert marks[0].previous_sibling.endswith("then ask the ")


def test_hostile_glossary_text_stays_text_in_every_tooltip(hostile_glossary_site):
    site, _ = hostile_glossary_site
    tooltips = 0
    for name, path in ((p.relative_to(site).as_posix(), p) for p in site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.find_all(True):
            assert not [attribute for attribute in element.attrs if attribute.lower().startswith("on")], f"{name}: {str(element)[:120]}"
            assert element.name not in ("img", "b") and "-attr" not in str(element.get("id", "")), f"{name}: {str(element)[:120]}"
            assert not (element.name == "script" and "pwned" in element.get_text()), name
        for abbr in soup.select("abbr.pb-term"):
            assert re.fullmatch(r"gl\d{3}gl", abbr["title"].split()[0])
            assert abbr["title"] == " ".join(PAYLOAD.format(marker=abbr["title"].split()[0]).split())
            tooltips += 1
        assert not [found for found in JINJA_RESULTS if found in html], name
    assert tooltips >= 8
