"""axe-core on every page of the built site, with widgets in their enhanced state, and the page's
console free of errors."""

import pytest

from tests.conftest import ROOT

PAGES = sorted(
    path.relative_to(ROOT / "docs").with_suffix("").as_posix().removesuffix("index")
    for path in (ROOT / "docs").rglob("*.md")
)


@pytest.mark.parametrize("url", [page if page == "" or page.endswith("/") else page + "/" for page in PAGES])
def test_no_axe_violations_and_no_console_errors(context, site_url, axe, url):
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + url)
    page.wait_for_load_state("networkidle")
    assert axe(page) == []
    assert errors == []
