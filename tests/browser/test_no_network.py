"""The built site asks no other host for anything: it must work offline and on an intranet."""

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.helpers import search

# Every request a reader's browser makes, the search index's included.
pytestmark = pytest.mark.real_search

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))


def test_every_page_loads_with_no_request_to_another_host(context, built_site, site_url):
    foreign: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: foreign.append(request.url) if urlparse(request.url).hostname not in LOCAL_HOSTS and not request.url.startswith(("data:", "blob:")) else None)
    # A request still open when the next page is opened is aborted by that navigation (material's search worker
    # may start fetching its index after the network went quiet); any other failure is one.
    context.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}") if request.failure != "net::ERR_ABORTED" else None)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    pages = _pages(built_site)
    assert len(pages) >= 10
    for path in pages:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator("article h1").count() == 1, path
    assert foreign == []
    assert failed == []
    assert errors == []


def test_instant_navigation_and_search_make_no_foreign_requests(context, site_url):
    foreign: list[str] = []
    context.on("request", lambda request: foreign.append(request.url) if urlparse(request.url).hostname not in LOCAL_HOSTS else None)
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.get_by_role("link", name="question bank").first.click()
    page.wait_for_url("**/coaching/questions/")
    page.locator("li.pb-question").nth(79).wait_for(state="attached")  # instant navigation swaps the page in after the address changes
    page.keyboard.press("/")
    search(page, "champion")
    assert foreign == []
