"""Printing pages from the browser: the charter fits three pages, and a page printed with JS off is clean."""

import re

import pytest

from macros.static_server import serve_navigable
from tests.helpers import NEEDS_SECOND_LANGUAGE, NEEDS_SECOND_TEAM, data, needs, site_name
from tests.pdf.conftest import pdf_text


def _print(page, tmp_path, name: str, paper: str = "A4", raw: bool = False) -> str:
    path = tmp_path / f"{name}.pdf"
    page.pdf(path=path, format=paper)
    return pdf_text(path, raw=raw)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_charter_prints_on_three_pages_with_a_running_footer(context, site_url, tmp_path, paper):
    """Values, expectations, commitments, disagreements, setbacks and the review fit three pages at a readable
    size; why a team keeps a charter is for whoever adopts the handbook, and stays off the team's copy."""
    page = context.new_page()
    page.goto(site_url + "charter/")
    text = _print(page, tmp_path, "charter", paper)
    assert text.count("\f") <= 3
    assert f"{site_name()} · Team charter" in text
    assert re.search(r"Page 1 of [123]\b", text)
    assert "Setbacks" in text and "Why we keep a charter" not in text
    for value in data("charter")["values"]:
        assert value["name"] in text


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)
def test_a_german_page_numbers_its_pages_in_german(browser, languages_site, tmp_path):
    # The German reviewer's printout said "Page 1 of 6": the page numbers were English words in print.css.
    with serve_navigable(languages_site[0]) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "de/charter/")
        text = _print(page, tmp_path, "charta")
        context.close()
    assert re.search(r"Seite 1 von [1-9]\b", text) and "Page " not in text


def test_page_printed_with_javascript_off_has_no_screen_furniture(browser, site_url, tmp_path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "coaching/")
    text = _print(page, tmp_path, "coaching", raw=True)
    for furniture in ("Print this page", "Skip to content", "Search", "Change this handbook", "Reset"):
        assert furniture not in text
    # Web addresses are spelled out after the link text, since paper cannot be clicked.
    # (compared without whitespace: a long address wraps anywhere)
    expected = "The Dirty Secret of Effective Sales Coaching (https://hbr.org/2011/01/the-dirty-secret-of-effective)"
    assert "".join(expected.split()) in "".join(text.split())

    page.goto(site_url + "levels/")
    text = " ".join(_print(page, tmp_path, "levels").split())
    questions = {q["id"]: q for q in data("coaching_questions")["questions"]}
    # Each level's questions (those its behaviours name) sit in a collapsed <details>; on paper they are open.
    top = data("levels")["levels"][-1]
    named = [q for behaviour in top["behaviours"] for q in behaviour.get("coaching_questions", [])]
    assert named and all(" ".join(questions[q]["text"].split()) in text for q in named)
    context.close()


def test_ticked_checklist_items_print_ticked(context, site_url, tmp_path):
    page = context.new_page()
    page.goto(site_url + "checklists/")
    form = page.locator('form[data-checklist="charter-review"]')
    form.get_by_role("checkbox").first.check()
    page.emulate_media(media="print")
    form.screenshot(path=tmp_path / "checklist-print.png")
    assert form.get_by_role("checkbox").first.is_visible() and form.get_by_role("checkbox").first.is_checked()
    assert form.get_by_role("checkbox").nth(1).is_visible() and not form.get_by_role("checkbox").nth(1).is_checked()
    assert form.get_by_role("button").first.is_hidden()


def test_the_activity_targets_print_one_card_to_a_row(browser, site_url):
    """A sales leader's print of the prospecting page: the target cards printed three to a row, so "Customers you
    have" ran down a third of the page over three pages, two or three words a line. On paper each card takes the
    text's full width."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "prospecting/")
    page.set_viewport_size({"width": 720, "height": 1000})  # about an A4 page's text width
    page.emulate_media(media="print")
    grid = page.locator(".pb-targets").bounding_box()
    cards = [card.bounding_box() for card in page.locator(".pb-targets > .pb-card").all()]
    context.close()
    assert len(cards) == len(data("bootcamp")["activity_targets"]["dimensions"])
    assert all(abs(card["width"] - grid["width"]) < 2 for card in cards), (grid, cards)
