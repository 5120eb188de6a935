"""Material's search as a reader uses it: a question's words find that question first, and its result opens the
question bank at the question."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.helpers import data, plain, search

# It searches: the whole index.
pytestmark = pytest.mark.real_search

QUESTIONS = {question["id"]: question for question in data("coaching_questions")["questions"]}

# question → words a manager remembers of it
REMEMBERED = {"what-customer-chose": "customer decide instead", "earned-lucky-break": "order referral blue"}


def test_a_questions_words_find_it_first_and_open_the_bank_at_it(context, site_url):
    page = context.new_page()
    bank_path = urlparse(site_url).path + "coaching/questions/"
    for question_id, words in REMEMBERED.items():
        text = plain(QUESTIONS[question_id]["text"])
        assert all(word in text.lower() for word in words.split())
        # Each search from a freshly loaded home page: searched again on the bank just after instant navigation
        # brought it there, the second search's results were once hidden before they could be clicked (a busy CI
        # machine; not seen otherwise), as if the first navigation's end had closed the search after it opened.
        page.goto(site_url)
        page.keyboard.press("/")
        search(page, words)
        links = page.locator(".md-search-result__item").first.locator("a.md-search-result__link")
        # the first result: the bank's page, then its best match, the question
        first, best = (urlparse(link) for link in links.evaluate_all("links => links.slice(0, 2).map(link => link.href)"))
        assert (first.path, first.fragment) == (bank_path, "")
        assert (best.path, best.fragment) == (bank_path, question_id)
        expect(links.nth(1)).to_contain_text(text)
        links.nth(1).click()
        page.wait_for_url(lambda url, target=(bank_path, question_id): (urlparse(url).path, urlparse(url).fragment) == target)
        expect(page.locator(f"li#{question_id}")).to_be_in_viewport()


def test_the_page_a_result_opens_marks_the_searched_words_not_letters_inside_other_words(context, site_url):
    """Material marks a searched word wherever its letters appear ("at" inside "what"); only words, or the
    start of words, stay marked."""
    page = context.new_page()
    page.goto(site_url + "coaching/questions/?h=at+risk")
    page.wait_for_function("document.querySelectorAll('mark[data-md-highlight]').length > 0")
    marks = page.locator("mark[data-md-highlight]").evaluate_all(
        "marks => marks.map(mark => [(mark.previousSibling && mark.previousSibling.nodeType === 3 ? mark.previousSibling.data : '').slice(-1), mark.textContent.toLowerCase()])")
    assert "at" in {word for _, word in marks} and any("risk" in word for _, word in marks)  # "at risk" is one mark
    assert [(before, word) for before, word in marks if before.isalnum()] == []
    assert "what" in page.locator("article").inner_text().lower()  # the page has words with "at" inside them


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_searched_words_in_the_results_read_in_both_schemes(browser, site_url, axe, scheme):
    """A rep on a phone: the best result's searched words were amber on white (1.4:1), the hardest thing in the
    list to read. axe's contrast rule over the open results, in each scheme."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    search(page, "deal at risk")
    marks = page.locator(".md-search-result mark")
    expect(marks.first).to_be_visible()
    assert axe(page, ".md-search-result", ["color-contrast"]) == []
    context.close()
