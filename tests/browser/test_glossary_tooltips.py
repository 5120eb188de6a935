"""A glossary term in the text explains itself as a reader reaches it: with the Tab key (and so a tap) as well
as the pointer, material's tooltip shows the definition from data/glossary.yml."""

import re

from playwright.sync_api import expect

from tests.helpers import data, plain


def _definition_of(word: str) -> str:
    """The definition of the term that lists `word` (its first letter in either case) among its forms."""
    for term in data("glossary")["terms"]:
        forms = term.get("appears_as") or [term["term"]]
        if any(word[:1].lower() + word[1:] == form[:1].lower() + form[1:] for form in forms):
            return " ".join(plain(term["definition"]).split())
    raise AssertionError(f"no glossary term lists '{word}'")


def test_tabbing_to_a_term_shows_its_definition_in_a_tooltip(context, site_url):
    page = context.new_page()
    page.goto(site_url + "charter/")
    term = page.locator("abbr.pb-term").first
    # The theme's scripts have set the page up (tooltips included) once ours have run: the Print action shows.
    page.locator("button[data-print]").first.wait_for(state="visible")
    for _ in range(200):  # Tab through the page's links and buttons until the first term has the focus
        page.keyboard.press("Tab")
        if term.evaluate("element => element === document.activeElement"):
            break
    assert term.evaluate("element => element === document.activeElement"), "the term was never reached with the Tab key"
    # Material notices focus a moment later (its focus watcher is debounced), then links the tooltip to the term.
    expect(term).to_have_attribute("aria-describedby", re.compile("."))
    tooltip_id = term.get_attribute("aria-describedby")
    tooltip = page.locator(f'[id="{tooltip_id}"]')
    tooltip.wait_for(state="visible")
    assert " ".join(tooltip.inner_text().split()) == _definition_of(term.inner_text())
