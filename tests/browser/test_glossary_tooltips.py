"""A glossary term in the text explains itself as a reader reaches it: with the Tab key (and so a tap) as well
as the pointer, a tooltip shows the definition from data/glossary.yml (overrides/assets/term-tooltip.js), which
Escape hides and the pointer can move onto (WCAG 1.4.13); nothing is set up for it before a reader reaches a term."""

import re

from playwright.sync_api import expect

from tests.helpers import data, home_and_back_by_instant_navigation, plain


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
    # The page's scripts have set it up once the Print action shows.
    page.locator("button[data-print]").first.wait_for(state="visible")
    for _ in range(200):  # Tab through the page's links and buttons until the first term has the focus
        page.keyboard.press("Tab")
        if term.evaluate("element => element === document.activeElement"):
            break
    assert term.evaluate("element => element === document.activeElement"), "the term was never reached with the Tab key"
    expect(term).to_have_attribute("aria-describedby", re.compile("."))
    tooltip_id = term.get_attribute("aria-describedby")
    tooltip = page.locator(f'[id="{tooltip_id}"]')
    tooltip.wait_for(state="visible")
    assert " ".join(tooltip.inner_text().split()) == _definition_of(term.inner_text())
    # While the term has the focus, the pointer passing over the tooltip and away leaves it shown.
    tooltip.hover()
    page.mouse.move(0, 0)
    expect(tooltip).to_be_visible()
    page.keyboard.press("Shift+Tab")  # back to what came before: the next element may be another term
    expect(tooltip).to_be_hidden()


def _tooltip_of(term):
    return term.page.locator(f'[id="{term.get_attribute("aria-describedby")}"][role=tooltip]')


def _ready(page, address: str):
    page.goto(address)
    page.locator("button[data-print]").first.wait_for(state="visible")
    return page.locator("abbr.pb-term").first


def test_pointing_at_a_term_shows_its_definition_until_the_pointer_leaves_or_escape_is_pressed(context, site_url):
    page = context.new_page()
    term = _ready(page, site_url + "charter/")
    definition = _definition_of(term.inner_text())
    term.hover()
    expect(term).to_have_attribute("aria-describedby", re.compile("."))
    tooltip = _tooltip_of(term)
    expect(tooltip).to_be_visible()
    assert " ".join(tooltip.inner_text().split()) == definition
    # The browser's own tooltip would repeat it: the title is held aside while it shows.
    assert term.get_attribute("title") is None
    # The pointer can cross onto the tooltip (to read a long one) and it stays.
    tooltip.hover()
    expect(tooltip).to_be_visible()
    page.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()
    expect(term).to_have_attribute("title", definition)
    expect(term).not_to_have_attribute("aria-describedby", re.compile("."))
    term.hover()
    expect(_tooltip_of(term)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("[role=tooltip]")).to_be_hidden()


def test_a_tapped_term_shows_its_definition_within_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 700}, has_touch=True, is_mobile=True)
    page = context.new_page()
    term = _ready(page, site_url + "prospecting/")
    # The term furthest right on the page: its tooltip must still fit between the screen's edges.
    term = max(page.locator("abbr.pb-term").all(), key=lambda each: each.evaluate("term => term.getBoundingClientRect().right"))
    term.tap()
    tooltip = _tooltip_of(term)
    expect(tooltip).to_be_visible()
    box = tooltip.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 390, box
    page.locator("h1").tap()
    expect(tooltip).to_be_hidden()
    context.close()


def test_no_tooltip_is_set_up_before_a_reader_reaches_a_term_and_terms_work_after_instant_navigation(context, site_url):
    page = context.new_page()
    term = _ready(page, site_url + "prospecting/")
    terms = page.locator("abbr.pb-term").count()
    assert terms > 10
    # No tooltip element yet, and no term has listeners of its own (material's tooltips put two on each, page after
    # page): the document's listeners answer whichever term a reader reaches.
    assert page.locator("[role=tooltip], .md-tooltip, .md-tooltip2").count() == 0
    session = page.context.new_cdp_session(page)
    for index in range(terms):
        found = session.send("Runtime.evaluate", {"expression": f"document.querySelectorAll('abbr.pb-term')[{index}]"})
        assert session.send("DOMDebugger.getEventListeners", {"objectId": found["result"]["objectId"]})["listeners"] == []
    assert page.locator("abbr.pb-term:not([title])").count() == 0
    home_and_back_by_instant_navigation(page)
    term = page.locator("abbr.pb-term").first
    term.hover()
    tooltip = _tooltip_of(term)
    expect(tooltip).to_be_visible()
    assert " ".join(tooltip.inner_text().split()) == _definition_of(term.inner_text())


def test_a_term_in_a_checklist_item_explains_itself_without_ticking_the_box(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 700}, has_touch=True, is_mobile=True)
    page = context.new_page()
    _ready(page, site_url + "prospecting/")
    term = page.locator("form[data-checklist] label abbr.pb-term").first
    box = term.locator("xpath=ancestor::label").first.evaluate("label => label.control.id")
    term.tap()
    tooltip = _tooltip_of(term)
    expect(tooltip).to_be_visible()
    assert " ".join(tooltip.inner_text().split()) == _definition_of(term.inner_text())
    expect(page.locator(f'[id="{box}"]')).not_to_be_checked()
    # A tap on the tooltip puts it away.
    tooltip.tap()
    expect(tooltip).to_be_hidden()
    context.close()


def test_a_focused_terms_tooltip_outlasts_a_resize_and_the_pointer_passing_over_another_term(context, site_url):
    page = context.new_page()
    _ready(page, site_url + "prospecting/")
    first, second = page.locator("abbr.pb-term").first, page.locator("abbr.pb-term").last
    first.focus()
    expect(_tooltip_of(first)).to_be_visible()
    page.set_viewport_size({"width": 1000, "height": 700})
    expect(_tooltip_of(first)).to_be_visible()
    second.hover()
    expect(second).to_have_attribute("aria-describedby", re.compile("."))
    page.mouse.move(0, 0)
    expect(first).to_have_attribute("aria-describedby", re.compile("."))
    tooltip = _tooltip_of(first)
    expect(tooltip).to_be_visible()
    assert " ".join(tooltip.inner_text().split()) == _definition_of(first.inner_text())
