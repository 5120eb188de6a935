"""Each fact has one home: the site's name in mkdocs.yml, everything else a reader sees in data/. Pages name and
count what the data holds through macros, so a renamed site, a new checklist, a longer boot camp or a new part
of the onboarding pack shows on every page that mentions it, with no page edited."""

import re
from posixpath import normpath
from urllib.parse import urljoin

import pytest
import yaml

from macros.project import copy_project
from tests.conftest import ROOT, run_build
from tests.helpers import content, data, normalise, page, replace_in, site_name

# A name with characters that mean something in HTML and Markdown: the page must show it as typed.
NEW_NAME = "Harbour & Co *Sales* Handbook"
NEW_CHECKLIST = """
  - id: before-a-price-increase
    title: Before you announce a price increase
    items:
      - id: list-accounts
        text: List every account the increase affects.
"""
FIFTH_WEEK = """  - id: week-5
    name: "Week 5: The habit"
    focus: Keep the calling blocks going on your own, with the manager checking in.
    days:
      - day: Monday
        plan: Calling block, then a review of the week ahead with your manager.
cadence:
"""
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
# What the data holds a list of, as a page would count it: "six levels", "a four-week schedule".
COUNTED = ["level", "step", "week", "checklist", "milestone", "self-assessment", "debrief"]


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """One build of a handbook copy whose leader renamed the site, added a checklist and a fifth boot-camp
    week, and put the checklists page into the onboarding pack: the changed data files, and the site."""
    project = copy_project(tmp_path_factory.mktemp("one-home") / "handbook")
    replace_in(project / "mkdocs.yml", f"site_name: {site_name()}\n", f'site_name: "{NEW_NAME}"\n')
    checklists = project / "data" / "checklists.yml"
    checklists.write_text(checklists.read_text(encoding="utf-8") + NEW_CHECKLIST, encoding="utf-8")
    replace_in(project / "data" / "bootcamp.yml", "cadence:\n", FIFTH_WEEK)
    # the sentences that count the weeks, reworded as validation asks (macros/stated_counts.py)
    for file in ("bootcamp.yml", "glossary.yml"):
        path = project / "data" / file
        path.write_text(re.sub(r"\b([Ff])our weeks\b", lambda m: ("F" if m.group(1) == "F" else "f") + "ive weeks", path.read_text(encoding="utf-8")), encoding="utf-8")
    last_part = "        leave_out: [at-a-glance]\n"  # of the pack's last page, the ramp plan
    replace_in(project / "data" / "printing.yml", last_part, last_part + "      - page: checklists.md\n")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    changed = {name: yaml.safe_load((project / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in ("bootcamp", "checklists", "printing")}
    return changed, site


def _row(soup, first_cell: str):
    """The home page's "What is inside" row whose first cell reads `first_cell`."""
    rows = [row for row in content(soup).select("tr") if row.td and normalise(row.td.get_text(" ", strip=True)) == first_cell]
    assert len(rows) == 1, first_cell
    return rows[0].select("td")[1]


def _links(element, base: str) -> list[tuple[str, str]]:
    """(address from the site's root, link text) for each link in `element` of the page at `base`."""
    return [(_from_root(base, a["href"]), normalise(a.get_text(" ", strip=True))) for a in element.select("a[href]")]


def _from_root(base: str, href: str) -> str:
    address, _, anchor = urljoin(f"/{base}", href).partition("#")
    path = normpath(address).strip("/")
    return (f"{path}/" if path else "") + (f"#{anchor}" if anchor else "")


def _heading(element) -> str:
    """A heading's words, without the permalink mark after them."""
    for mark in element.select(".headerlink"):
        mark.extract()
    return normalise(element.get_text(" ", strip=True))


def _address(markdown_file: str, section: str | None = None) -> str:
    """Where MkDocs publishes a page of docs/ (directory URLs), from the site's root."""
    path = markdown_file.removesuffix(".md")
    path = path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"
    return path + (f"#{section}" if section else "")


def _checklists_listed(site) -> list[tuple[str, str]]:
    return _links(_row(page(site, ""), "Checklists"), "")


def _expected_checklists(checklists: dict) -> list[tuple[str, str]]:
    return [(f"checklists/#checklist-{found['id']}", found["title"]) for found in checklists["checklists"]]


def _pack_listed(site) -> list[tuple[str, str]]:
    contents = content(page(site, "onboarding")).select_one(".pb-printed-contents ol")
    assert contents is not None
    return _links(contents, "onboarding/")


def _expected_pack(site, printing: dict, name: str) -> list[tuple[str, str]]:
    """Each part of the onboarding pack, in order: where it is, and the title data/printing.yml gives it or,
    without one, the page's own title (its <title> less the site's name)."""
    pack = next(document for document in printing["documents"] if document["id"] == "onboarding-pack")
    expected = []
    for part in pack["pages"]:
        address = _address(part["page"], part.get("section"))
        own_title = page(site, address.split("#")[0].rstrip("/")).title.get_text().removesuffix(f" - {name}")
        expected.append((address, part.get("title") or own_title))
    return expected


def test_a_renamed_site_shows_its_new_name_in_the_home_heading_title_and_header(changed_site):
    _, site = changed_site
    home = page(site, "")
    assert _heading(content(home).h1) == NEW_NAME
    assert home.title.get_text() == NEW_NAME
    assert normalise(home.select_one(".md-header__topic").get_text(" ", strip=True)) == NEW_NAME
    assert page(site, "charter").title.get_text() == f"Team charter - {NEW_NAME}"


def test_a_checklist_added_to_the_data_is_listed_on_the_home_page(changed_site):
    changed, site = changed_site
    assert _checklists_listed(site) == _expected_checklists(changed["checklists"])
    assert _checklists_listed(site)[-1] == ("checklists/#checklist-before-a-price-increase", "Before you announce a price increase")


def test_a_fifth_boot_camp_week_is_counted_on_the_boot_camp_and_home_pages(changed_site):
    changed, site = changed_site
    assert len(changed["bootcamp"]["schedule"]) == 5
    headings = [_heading(h) for h in content(page(site, "bootcamp")).select("h2")]
    assert "Five weeks of boot camp" in headings
    assert "a five-week schedule" in normalise(_row(page(site, ""), "Prospecting boot camp").get_text(" ", strip=True))


def test_a_page_added_to_the_onboarding_pack_is_listed_on_the_onboarding_page(changed_site):
    changed, site = changed_site
    assert _pack_listed(site) == _expected_pack(site, changed["printing"], NEW_NAME)
    assert _pack_listed(site)[-1] == ("checklists/", "Checklists")


def test_the_home_page_lists_exactly_the_checklists_in_the_data(built_site):
    assert _checklists_listed(built_site) == _expected_checklists(data("checklists"))


def test_the_onboarding_page_lists_what_the_printed_pack_holds(built_site):
    assert _pack_listed(built_site) == _expected_pack(built_site, data("printing"), site_name())


def test_the_pages_take_the_site_name_from_mkdocs_yml():
    name = site_name()
    written = [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "docs").rglob("*.md")) if name in path.read_text(encoding="utf-8")]
    assert written == [], f"write {{{{ site_name() }}}} instead of '{name}' in {written}"


def test_the_pages_count_the_data_with_macros_rather_than_in_words():
    """"Six levels" or "a four-week schedule" written into a page goes stale when the data changes."""
    counted = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS)}|\d+)(?: (?:{'|'.join(COUNTED)})s|-(?:{'|'.join(COUNTED)}))\b", re.IGNORECASE)
    found = [f"{path.relative_to(ROOT).as_posix()}: {match.group()}" for path in sorted((ROOT / "docs").rglob("*.md")) for match in counted.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
