"""With hostile text in every free-text data field (tests/planted.py), no script from the data runs in a real
browser: not on load, not when the widgets show data text (results, advice, chosen questions), and not in
material's search results, which are built from the search index in the browser."""

import pytest

from macros.static_server import serve
from tests.helpers import search, widgets_ready

# Search results show data text too: the whole index.
pytestmark = pytest.mark.real_search

# Answer every statement, tick every box (material's own toggles aside), and ask for a random question:
# each widget then writes data text into the page.
DRIVE_WIDGETS = """() => {
  const answered = new Set();
  document.querySelectorAll("article input[type=radio]").forEach((radio) => {
    if (!answered.has(radio.name)) { answered.add(radio.name); radio.click(); }
  });
  document.querySelectorAll("article input[type=checkbox]").forEach((box) => box.click());
  document.querySelectorAll("[data-random]").forEach((button) => button.click());
}"""
# What would be on the page if planted text had become markup or run.
LIVE = """() => ({
  pwned: window.pwned ?? null,
  elements: [...document.querySelectorAll('img[src="x"], b[onmouseover], [id$="-attr"], a[href^="javascript" i]')].map((e) => e.outerHTML),
})"""


@pytest.fixture(scope="module")
def planted(browser, planted_site):
    site, fields = planted_site
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        yield url, site, fields, page, dialogs
        context.close()


def test_no_planted_script_runs_when_widgets_show_data_text(planted):
    url, site, fields, page, dialogs = planted
    pages = sorted(path.relative_to(site).parent.as_posix() for path in site.rglob("index.html"))
    shown_by_script = 0
    for path in pages:
        page.goto(f"{url}{'' if path == '.' else path + '/'}")
        widgets_ready(page)
        before = page.evaluate("() => document.querySelector('article').innerText")
        page.evaluate(DRIVE_WIDGETS)  # the widgets answer each click before it returns
        after = page.evaluate("() => document.querySelector('article').innerText")
        shown_by_script += sum(after.count(field.marker) - before.count(field.marker) > 0 for field in fields)
        assert page.evaluate(LIVE) == {"pwned": None, "elements": []}, path
    assert dialogs == []
    # The widgets did write planted text into the pages (results, advice, the chosen question).
    assert shown_by_script > 10


def test_no_planted_script_runs_in_search_results(planted):
    url, site, fields, page, dialogs = planted
    page.goto(url, wait_until="networkidle")
    page.keyboard.press("/")
    for field in [field for field in fields if field.file in ("charter.yml", "levels.yml", "coaching_questions.yml")][::40]:
        search(page, field.marker)
        assert page.evaluate(LIVE) == {"pwned": None, "elements": []}, field
        assert "<img src=x onerror=" in page.locator(".md-search-result").inner_text(), field
    assert dialogs == []
