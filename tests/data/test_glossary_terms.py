"""Glossary terms in data text: which words are marked, once per page, and a definition that stays text in
its tooltip. Inputs and the HTML they give side by side, then validation of the glossary file."""

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from macros.handbook import Project, validate
from macros.inline_markdown import InlineMarkdown
from macros.model import Term
from tests.data.test_properties import PROPERTY, SENTENCE_PIECES, _assert_harmless

TERMS = [
    Term("commit", "Commit", ["in commit", "into commit"], "The forecast category for deals you are sure of.", 1),
    Term("champion", "Champion", ["champion", "champions"], "Someone inside who wants you to win.", 2),
    Term("crm", "CRM", None, "The shared record of accounts and deals.", 3),
    Term("grow", "GROW", ["GROW", "GROW model"], "Goal, Reality, Options, Will.", 4),
    Term("one-to-one", "1:1", ["1:1", "1:1s"], "Your meeting with your manager, see [the charter](charter.md).", 5),
    Term("tier", "A/B/C tier", ["A/B/C tier", "tier", "top-tier"], "How much an account is worth pursuing.", 6),
]
CHAMPION = "<abbr class=\"pb-term\" data-term=\"champion\" tabindex=\"0\" title=\"Someone inside who wants you to win.\">{}</abbr>"


def _renderer() -> InlineMarkdown:
    return InlineMarkdown(glossary=TERMS)


def _marked(html: str) -> list[tuple[str, str]]:
    return [(abbr.get_text(), abbr["title"]) for abbr in BeautifulSoup(html, "html.parser").find_all("abbr")]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Find a champion early.", f"Find a {CHAMPION.format('champion')} early."),
        ("Champions sell for you.", f"{CHAMPION.format('Champions')} sell for you."),
        ("Find a **champion** early.", f"Find a <strong>{CHAMPION.format('champion')}</strong> early."),
        ("Ask your champion, then your champion's boss.", f"Ask your {CHAMPION.format('champion')}, then your champion's boss."),
    ],
)
def test_the_first_use_of_a_term_is_marked_with_its_definition(text, html):
    assert _renderer().render(text, "charter/") == html


@pytest.mark.parametrize(
    "text",
    [
        "Agree what you each commit to.",  # the everyday verb: only the listed phrases are jargon
        "The championship starts on Monday.",  # inside a longer word
        "A frontier account, a tiered list.",  # 'tier' inside words
        "Update the CRM-ready list.",  # a hyphenated word counts as one
        "Plants grow when watered.",  # GROW is written in capitals; only the first letter's case may differ
        "See [our champion](charter.md) first.",  # in a link
        "Type `CRM` in the box.",  # in code
        "Score 11:15 on the board.",  # not 1:1
    ],
)
def test_a_word_that_only_looks_like_a_term_is_left_alone(text):
    assert _marked(_renderer().render(text, "charter/")) == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("A deal goes into commit only when it is safe.", ["into commit"]),
        ("Tier them, then build plans for each top-tier account.", ["Tier"]),
        ("Use the GROW model in every 1:1s review.", ["GROW model", "1:1s"]),
        ("Put the A/B/C tier in the CRM's notes.", ["A/B/C tier", "CRM"]),
        ("Log it in the\nCRM today.", ["CRM"]),
    ],
)
def test_forms_are_matched_whole_and_the_longest_wins(text, marked):
    assert [found for found, _ in _marked(_renderer().render(text, "charter/"))] == marked


def test_a_term_is_marked_once_per_page_and_again_on_the_next_page():
    renderer = _renderer()
    first = renderer.render("Name the champion.", "charter/")
    again = renderer.render("Ask the champion and the CRM.", "charter/")
    next_page = renderer.render("Ask the champion.", "levels/")
    assert _marked(first) == [("champion", TERMS[1].definition)]
    assert [text for text, _ in _marked(again)] == ["CRM"]
    assert [text for text, _ in _marked(next_page)] == ["champion"]


def test_headings_and_link_text_can_ask_for_no_marks_without_using_up_the_first_use():
    renderer = _renderer()
    assert _marked(renderer.render("Champion", "charter/", explain=False)) == []
    assert _marked(renderer.render("Find a champion.", "charter/")) == [("champion", TERMS[1].definition)]


def test_a_tooltip_is_the_definition_as_plain_text():
    marked = _marked(_renderer().render("Book your 1:1.", "charter/"))
    assert marked == [("1:1", "Your meeting with your manager, see the charter.")]


HOSTILE = "<img src=x onerror=alert(1)> \"quoted\" {{ config }} {% include 'mkdocs.yml' %} {: #x onclick=alert(1) } & done"


def test_a_hostile_definition_stays_text_in_its_tooltip():
    term = Term("champion", "Champion", ["champion"], HOSTILE, 1)
    html = InlineMarkdown(glossary=[term]).render("Find a champion.", "charter/")
    _assert_harmless(html)
    assert not any(mark in html for mark in ("{{", "{%", "{:")), html  # not even inside the title attribute
    assert _marked(html) == [("champion", HOSTILE)]


def test_without_a_glossary_nothing_is_marked():
    assert InlineMarkdown().render("Find a champion in the CRM.", "charter/") == "Find a champion in the CRM."


sentence_with_terms = st.lists(
    st.one_of(st.sampled_from(["champion", "Champions", "CRM", "in commit", "1:1", "top-tier", "GROW model", "tier"]), st.sampled_from(SENTENCE_PIECES)),
    max_size=14,
).map(lambda parts: "A " + " ".join(parts))


@PROPERTY
@given(text=sentence_with_terms)
def test_the_plain_text_shortcut_agrees_with_markdown_when_terms_are_marked(text):
    assert _renderer().render(text, "charter/") == _renderer().render_with_markdown(text, "charter/")


def test_two_terms_listing_the_same_word_are_refused_where_the_second_lists_it(project):
    path = project / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8").replace("    appears_as: [close date, close dates]", "    appears_as: [close date, Pipeline]")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    first = next(number for number, content in enumerate(lines, 1) if "[close date, Pipeline]" in content)
    second = next(number for number, content in enumerate(lines, 1) if content == "    appears_as: [pipeline]")
    _, problems = validate(Project(project))
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("data/glossary.yml", second, f"'pipeline' already explains the term 'close-date' (line {first}); a word in the text can explain only one term"),
    ]


def test_a_glossary_term_without_a_definition_is_located(project):
    path = project / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(  - id: champion\n    term: Champion\n    appears_as: \[champion, champions\]\n)    definition: >-\n(      .*\n)+?(?=  - id:)", r"\1", text)
    path.write_text(text, encoding="utf-8")
    _, problems = validate(Project(project))
    line = text.splitlines().index("  - id: champion") + 1
    assert [(p.file, p.line) for p in problems] == [("data/glossary.yml", line)]
    assert "missing the required field 'definition'" in problems[0].message
