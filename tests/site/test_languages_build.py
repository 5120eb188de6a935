"""A site per language: `make build` builds the handbook in English into site/, `make build LANGUAGE=de` the German
handbook into site/de/, from a copy of the example with a little of it in German (tests/languages.py): the
pages in German where they are translated and in English where not, the tools' words in German, a language menu
that keeps the reader's page, and edit links to the file a German reader's page is made from."""

import json
import posixpath
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.helpers import NEEDS_SECOND_LANGUAGE, NEEDS_SECOND_TEAM, content, data, page
from macros.mkdocs_yml import read_as_mkdocs
from tests.languages import DESCRIPTION_DE, LANGUAGE, NAVIGATION_DE, PAGE, PURPOSE_DE

pytestmark = NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE


@pytest.fixture(scope="module")
def site(languages_site) -> Path:
    return languages_site[0]


def _url(name: str) -> str:
    """The address of docs/<name> in a site built with directory URLs: coaching/history/."""
    stem = name.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def _heading(site: Path, url: str) -> str:
    return content(page(site, url)).h1.get_text(strip=True).removesuffix("¶")


def _edit(site: Path, url: str) -> str:
    return page(site, url).select_one("a[href*='/edit/']")["href"]


def _script_words(site: Path, url: str, widget: str) -> dict:
    """The words the page's `widget` script file was given (macros/bundles.py writes them at its top)."""
    soup = page(site, url)
    [script] = [tag["src"] for tag in soup.select("script[src]") if f"widgets/{widget}." in tag["src"]]
    text = (site / url / script).resolve().read_text(encoding="utf-8")
    start = text.index("addWords(") + len("addWords(")
    return json.JSONDecoder().raw_decode(text, start)[0]


def _strings(path: Path) -> dict:
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {f"{group}.{key}": words for group, keys in table.items() for key, words in keys.items()}


def test_the_german_pages_say_they_are_german(site):
    assert page(site, f"{LANGUAGE}/bootcamp/").html["lang"] == LANGUAGE
    assert page(site, f"{LANGUAGE}/").html["lang"] == LANGUAGE
    assert page(site, "bootcamp/").html["lang"] == "en-GB"


def test_a_checklist_writes_its_words_in_german_without_js(site):
    """The line to write the date on, which paper shows: from the template, in the page's language."""
    write_in = lambda url: [" ".join(span.get_text(" ").split()) for span in content(page(site, url)).select(".pb-checklist__write-in")]
    german, english = write_in(f"{LANGUAGE}/prospecting/"), write_in("prospecting/")
    assert german and len(german) == len(english)
    assert set(german) <= {"Datum:", "Woche vom:"} and set(english) <= {"Date:", "Week of:"}
    assert [{"Datum:": "Date:", "Woche vom:": "Week of:"}[words] for words in german] == english


def test_the_checklists_script_carries_the_german_words_and_english_where_german_has_none(site):
    english = _strings(ROOT / "data" / "strings.yml")
    german = english | _strings(ROOT / "data" / "languages" / LANGUAGE / "strings.yml")
    ours = _script_words(site, f"{LANGUAGE}/prospecting/", "checklist")
    assert ours["checklist.reset"] == "Zurücksetzen"
    assert ours["checklist.count"] == "{done} von {total} erledigt"
    assert ours == {key: german[key] for key in ours}
    theirs = _script_words(site, "prospecting/", "checklist")
    assert theirs.keys() == ours.keys()
    assert theirs == {key: english[key] for key in theirs}


def test_the_language_menu_opens_the_same_page_in_the_other_language_both_ways(site):
    """On the home page and deep pages, translated or not, in both sites: each language's link opens the page the
    reader is on, in that language."""
    for name in ("index.md", "checklists.md", "coaching/one-to-one.md", PAGE):
        for language, folder in (("en-GB", ""), (LANGUAGE, f"{LANGUAGE}/")):
            here = folder + _url(name)
            links = {link["hreflang"]: link["href"] for link in page(site, here).select("a.md-select__link[hreflang]")}
            assert set(links) == {"en-GB", LANGUAGE}, here
            for target, prefix in (("en-GB", ""), (LANGUAGE, f"{LANGUAGE}/")):
                lands = posixpath.normpath(posixpath.join("/" + here, links[target])).lstrip("/")
                assert lands.rstrip("/") == (prefix + _url(name)).rstrip("/"), (here, target, links[target])
                assert (site / lands / "index.html").is_file(), (here, target)


def test_a_translated_page_shows_in_german_and_is_edited_there(site):
    url = _url(PAGE)
    assert _heading(site, f"{LANGUAGE}/{url}") == "Verlauf eines Reps"
    assert _heading(site, url) == "Rep history"
    assert _edit(site, f"{LANGUAGE}/{url}").endswith(f"/docs/{PAGE.replace('.md', f'.{LANGUAGE}.md')}")
    assert _edit(site, url).endswith(f"/docs/{PAGE}")


def test_a_page_not_translated_yet_shows_in_english(site):
    assert _heading(site, f"{LANGUAGE}/glossary/") == _heading(site, "glossary/") == "Glossary"


def test_a_page_not_translated_yet_says_so_and_is_marked_english_for_screen_readers(site):
    """A German reviewer: pages the German home page points to were English with no word of it, and read with
    the German voice, as <html lang="de"> said. The page says it is not translated yet, in German, and its
    content is marked as in the first language; a translated page, and the English site, say nothing."""
    first = yaml.safe_load((ROOT / "data" / "languages.yml").read_text(encoding="utf-8"))["languages"][0]
    words = yaml.safe_load((ROOT / "data" / "languages" / LANGUAGE / "strings.yml").read_text(encoding="utf-8"))["theme"]["in_first_language"]
    article = content(page(site, f"{LANGUAGE}/glossary/"))
    notice = article.select_one(".pb-first-language")
    # the language named as German names it (a German reviewer read "im Original (English)")
    assert LANGUAGE == "de" and first["code"].startswith("en-")
    assert notice.get_text() == words.replace("{language}", "Englisch")
    assert notice.find_parent(attrs={"lang": True})["lang"] == LANGUAGE
    marked = article.select_one(f'div[lang="{first["code"]}"]')
    assert marked.h1.get_text(strip=True).removesuffix("¶") == "Glossary"
    for url in (f"{LANGUAGE}/{_url(PAGE)}", "glossary/"):
        assert content(page(site, url)).select_one(".pb-first-language, div[lang]") is None, url


def test_a_translated_data_file_shows_in_german_and_is_edited_there(site):
    german, english = (" ".join(content(page(site, url)).get_text(" ").split()) for url in (f"{LANGUAGE}/charter/", "charter/"))
    assert PURPOSE_DE in german and PURPOSE_DE not in english
    assert _edit(site, f"{LANGUAGE}/charter/").endswith(f"/data/languages/{LANGUAGE}/charter.yml")
    assert _edit(site, "charter/").endswith("/data/charter.yml")
    # What the translation leaves as it is stays as written: a value's name.
    assert "Make our own luck" in german


def test_the_navigation_titles_are_german_where_translated(site):
    titles = lambda url: {" ".join(link.get_text(" ").split()) for link in page(site, url).select("nav.md-nav--primary a.md-nav__link")}
    german, english = titles(f"{LANGUAGE}/"), titles("")
    assert set(NAVIGATION_DE.values()) <= german
    assert not set(NAVIGATION_DE.values()) & english
    assert {"Glossary", "Self-assessments"} <= german & english


def test_the_german_site_describes_itself_in_german(site):
    description = lambda url: page(site, url).select_one('meta[name="description"]')["content"]
    assert description(f"{LANGUAGE}/") == description(f"{LANGUAGE}/bootcamp/") == DESCRIPTION_DE
    assert description("") == read_as_mkdocs(ROOT)[0]["site_description"]


def test_the_german_build_leaves_the_english_site_alone(languages_site):
    _, english, _ = languages_site
    first, after_german, _ = english
    assert first.keys() == after_german.keys()
    assert [name for name in first if first[name] != after_german[name]] == []


def test_rebuilding_the_english_site_keeps_the_german_one(languages_site):
    site, _, german = languages_site
    before, after = german
    assert (site / LANGUAGE / "index.html").is_file()
    assert before.keys() == after.keys()
    assert [name for name in before if before[name] != after[name]] == []


def test_a_sentence_that_opens_with_a_duration_keeps_it_as_the_language_writes_it(site):
    """The paper 1:1 form's intro opens with the meeting's length; Jinja's `capitalize` lowered German's "Min."."""
    rhythm = data("rhythm")
    hours, minutes = divmod(next(meeting["minutes"] for meeting in rhythm["meetings"] if meeting["id"] == rhythm["one_to_one"]["meeting"]), 60)
    length = " ".join([f"{hours} Std."] * bool(hours) + [f"{minutes} Min."] * bool(minutes))
    text = " ".join(content(page(site, f"{LANGUAGE}/coaching/plan-one-to-one/")).get_text(" ").split())
    assert length in text and length.lower() not in text



def test_the_skill_will_matrix_says_its_levels_in_the_sites_language(site):
    """A German reviewer read "Direct (Können low, Wollen low)": the matrix's levels are codes in the data, and
    are said in the site's words."""
    german = " ".join(content(page(site, f"{LANGUAGE}/coaching/dilemma/")).get_text(" ").split())
    english = " ".join(content(page(site, "coaching/dilemma/")).get_text(" ").split())
    assert "Können niedrig, Wollen niedrig" in german and "Können low" not in german and "Wollen high" not in german
    assert "low skill, low will" in english
