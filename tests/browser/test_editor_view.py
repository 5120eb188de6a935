"""Reader and editor views: a reader sees one Edit action per page and a quiet line saying where the page comes
from; a leader who ticks "Show editing links" (remembered) or opens a page with ?edit also sees, beside each
item, a link to its line in the data file, and every file the page is made from."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.helpers import data, navigate_and_wait
from tests.site.test_edit_links import REPO, _line_of_id

QUESTIONS = data("coaching_questions")["questions"]


def _line_links(page):
    """The per-item links to a line of the data that a reader can see (by class: a role query over a page of 111
    questions takes seconds each time it is retried)."""
    return page.locator("a.pb-source:visible")


def _quiet_line(page):
    return page.locator(".pb-page-sources p").first


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_reader_sees_one_edit_action_and_no_line_links(browser, site_url, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "coaching/questions/")
    assert page.locator(f"li#{QUESTIONS[0]['id']} a.pb-source").count() == 1  # in the page, not shown
    expect(_line_links(page)).to_have_count(0)
    edit = page.get_by_role("link", name="Edit this page")
    expect(edit).to_have_count(1)
    assert edit.get_attribute("href") == f"{REPO}/edit/main/data/coaching_questions.yml"
    expect(_quiet_line(page)).to_have_text(re.compile(r"^\s*From data/coaching_questions\.yml · changed \d{4}-\d{2}-\d{2}"))
    expect(page.get_by_text("Made from")).to_be_hidden()
    expect(page.get_by_role("checkbox", name="Show editing links")).to_have_count(1 if javascript else 0)
    context.close()


def test_show_editing_links_puts_each_items_line_beside_it_and_is_remembered(context, site_url, axe):
    page = context.new_page()
    page.goto(site_url + "coaching/questions/")
    page.get_by_role("checkbox", name="Show editing links").check()
    expect(_line_links(page)).to_have_count(len(QUESTIONS))
    shown = page.evaluate("""() => [...document.querySelectorAll('li.pb-question')].map(li => {
        const link = li.querySelector('a.pb-source');
        return [li.id, link.href, link.checkVisibility()];
    })""")
    lines = _lines_of_questions()
    expected = f"{REPO}/blob/main/data/coaching_questions.yml#L"
    assert shown == [[q["id"], f"{expected}{lines[q['id']]}", True] for q in sorted(QUESTIONS, key=_page_order)]
    expect(page.get_by_text("Made from")).to_be_visible()
    assert axe(page, ".pb-page-sources") == []

    values = data("charter")["values"]
    page.evaluate("window.playbookSameDocument = true")  # a page load would forget it
    navigate_and_wait(page, page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Team charter").click)
    assert page.evaluate("window.playbookSameDocument === true"), "instant navigation did not run"
    expect(_line_links(page)).to_have_count(len(values))  # the view holds across instant navigation
    page.reload()  # and across a page load
    expect(page.get_by_role("checkbox", name="Show editing links")).to_be_checked()
    expect(_line_links(page)).to_have_count(len(values))

    page.get_by_role("checkbox", name="Show editing links").uncheck()
    expect(_line_links(page)).to_have_count(0)
    page.reload()
    expect(page.get_by_role("checkbox", name="Show editing links")).not_to_be_checked()
    expect(_line_links(page)).to_have_count(0)


def test_an_address_with_edit_opens_the_editor_view_for_whoever_it_is_shared_with(context, site_url):
    page = context.new_page()
    page.goto(site_url + "levels/?edit")
    levels = data("levels")["levels"]
    expect(_line_links(page)).to_have_count(len(levels))
    first = page.get_by_role("link", name=f"This level in data/levels.yml, line {_line_of_id('levels.yml', levels[0]['id'])}", exact=True)
    expect(first).to_be_visible()
    page.goto(site_url + "glossary/")
    expect(_line_links(page)).to_have_count(len(data("glossary")["terms"]))


def test_a_blocked_storage_is_told_and_the_view_still_changes(browser, site_url):
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('blocked', 'SecurityError'); };")
    page = context.new_page()
    page.goto(site_url + "charter/")
    page.get_by_role("checkbox", name="Show editing links").check()
    expect(page.get_by_role("status").filter(has_text="doesn't let the handbook save")).to_be_visible()
    expect(_line_links(page)).to_have_count(len(data("charter")["values"]))
    context.close()


STAGES = [stage["id"] for stage in data("coaching_questions")["stages"]]


def _page_order(question) -> tuple[int, int]:
    """Questions appear on the page by stage, in the order the data lists them."""
    return STAGES.index(question["stage"]), QUESTIONS.index(question)


def _lines_of_questions() -> dict[str, int]:
    """Each question's line in the data file, read from the file's text (as test_edit_links does, for all at once)."""
    text = (ROOT / "data" / "coaching_questions.yml").read_text(encoding="utf-8").splitlines()
    return {match[1]: number for number, line in enumerate(text, 1) if (match := re.fullmatch(r"\s*- id: (\S+)", line))}
