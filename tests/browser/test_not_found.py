"""A wrong address, as a host answers it (its 404 page), read as a person does: the search, filled with the
words of the address, goes to material's search with them; without JS the three doors remain."""

import pytest
from playwright.sync_api import expect

from tests.helpers import RESULTS_FOR

# Its search goes to material's: the whole index.
pytestmark = pytest.mark.real_search

MISSING = "coaching/objection-handling/"


def _open_missing_address(browser, site_url, built_site, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.route(site_url + MISSING, lambda route: route.fulfill(status=404, path=built_site / "404.html", content_type="text/html"))
    page.goto(site_url + MISSING)
    return context, page


def test_the_404_search_looks_for_the_words_of_the_missing_address(browser, site_url, built_site, axe):
    context, page = _open_missing_address(browser, site_url, built_site, True)
    expect(page.get_by_role("heading", name="This page isn't here")).to_be_visible()
    words = page.get_by_role("searchbox", name="Search the handbook for")
    expect(words).to_have_value("objection handling")
    assert axe(page, "article") == []
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_function(RESULTS_FOR, arg="objection handling")
    expect(page.locator(".md-search-result__list a").first).to_be_visible()
    context.close()


def test_without_javascript_the_404_page_still_has_the_three_doors(browser, site_url, built_site):
    context, page = _open_missing_address(browser, site_url, built_site, False)
    for door in ("I sell", "I manage", "I edit this handbook"):  # the site test checks they are the home page's
        expect(page.get_by_text(door, exact=True)).to_be_visible()
    expect(page.get_by_role("article").get_by_role("link", name="Change this handbook")).to_be_visible()
    expect(page.get_by_role("search", name="Search the handbook")).to_be_hidden()
    context.close()
