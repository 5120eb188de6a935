"""The built search index (search/search_index.json, read as material's search reads it) holds the handbook and
not the site's interface: each coaching question is its own entry on the question bank, and no button,
filter, status line or line link reaches it. Expectations come from the built pages and the YAML."""

import html
import json
import re
from collections import defaultdict

from macros.search_index import item_entries
from tests.helpers import content, data, page, plain

# What a reader operates or is told by the site rather than by the handbook, found in a built page.
UI = "button, select, [aria-live], [role=status], a.pb-source"


def _index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _count(needle: str, haystack: str) -> int:
    """How often `needle` stands as words in `haystack`; the index runs a list's options together
    ("Any situationSkill gap"), so a capital may end a word too."""
    return len(re.findall(rf"(?<!\w){re.escape(needle)}(?![a-z0-9])", haystack))


def _interface(article) -> list:
    """The elements of a page that are the interface: its controls, status lines and line links, and the labels
    of its filters and search boxes (a checkbox's label is the handbook's item, so it stays)."""
    elements = article.select(UI)
    for label in article.select("label[for]"):
        field = article.find(id=label["for"])
        if field is not None and (field.name == "select" or field.get("type") == "search"):
            elements.append(label)
    return elements


def test_no_interface_words_reach_the_search_index(built_site):
    by_page = defaultdict(list)
    for entry in _index(built_site):
        by_page[entry["location"].split("#")[0]].append(entry)
    leaks = []
    for url, entries in by_page.items():
        article = content(page(built_site, url or "index.html"))
        interface = _interface(article)
        words_of_interface = {" ".join(part.get_text(" ").split()) for element in interface for part in element.select("option") or [element]} - {""}
        indexed = " ".join(_text(entry["title"]) + " " + _text(entry["text"]) for entry in entries)
        for element in interface:
            element.decompose()
        handbook = " ".join(article.get_text(" ").split())
        # A word of the interface may also be the handbook's ("Coach" is a filter's option and a mode), so
        # the index may hold it only as often as the page's own text does.
        leaks += [(url, words) for words in sorted(words_of_interface) if _count(words, indexed) > _count(words, handbook)]
    assert leaks == []


def test_each_question_is_one_entry_at_its_anchor_on_the_bank_and_in_no_other_entry(built_site):
    entries = _index(built_site)
    for question in data("coaching_questions")["questions"]:
        text = plain(question["text"])
        own = [entry for entry in entries if entry["location"] == f"coaching/questions/#{question['id']}"]
        assert [_text(entry["title"]) for entry in own] == [text]
        assert plain(question["why"]) in _text(own[0]["text"])
        assert [entry["location"] for entry in entries if text in _text(entry["text"])] == [], question["id"]


def test_a_marked_item_is_an_entry_titled_by_its_first_paragraph_without_its_interface():
    html_in = (
        '<ol><li id="other"><abbr title="a data-search-entry>">Not marked</abbr>, whatever its attributes say</li>\n'
        '<li class="q" id="ask-first" data-search-exclude data-search-entry data-stage="commit">\n'
        '<p>What will <abbr title="a term">you</abbr> do &lt;first&gt;?</p>\n'
        '<p>Why it <em>works</em>: <code>a &amp; b</code>.</p>\n'
        '<ul><li>Nested</li></ul>\n'
        '<p><span>Coach</span> <a data-search-exclude href="x">line 80</a></p>\n'
        "</li></ol>"
    )
    assert item_entries(html_in, "coaching/questions/", ["Questions"]) == [
        {
            "location": "coaching/questions/#ask-first",
            "title": "What will you do &lt;first&gt;?",
            "text": "<p>Why it works: <code>a &amp; b</code>.</p> <ul><li>Nested</li></ul> <p>Coach </p>",
            "tags": ["Questions"],
        }
    ]


def test_a_role_plays_buyer_brief_stays_out_of_search(built_site):
    """The rep practising must not meet the buyer's hidden brief in a search result (a rep searching
    "discount" read "Take any discount offered early"); the rep's own brief stays findable."""
    indexed = " ".join(_text(entry["title"]) + " " + _text(entry["text"]) for entry in _index(built_site))
    for play in data("role_plays")["role_plays"]:
        for care in play["buyer"]["cares_about"]:
            assert plain(care) not in indexed, play["id"]
        assert plain(play["buyer"]["gives_way_when"]) not in indexed, play["id"]
        assert plain(play["rep"]["you_know"][0]) in indexed, play["id"]


def test_the_editing_guide_ranks_below_the_pages_reps_and_managers_use(built_site):
    """A rep searching "first meeting" or "discount" met "Change this handbook" among the first results: its
    entries (and its two pages of recipes') weigh half of any other page's, so a word it shares with them lists it after them."""
    boosts = defaultdict(set)
    for entry in _index(built_site):
        boosts[entry["location"].split("#")[0]].add(entry.get("boost", 1))
    assert [boosts.pop(page) for page in ("editing/", "editing-content/", "editing-tools/")] == [{0.5}] * 3
    assert set().union(*boosts.values()) == {1}
