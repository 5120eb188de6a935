"""Headless Chromium (the system's, through Playwright) against the built site served on 127.0.0.1."""

import re
from pathlib import Path

import pytest

from macros.static_server import serve


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served on a free port. Its sitemap is rewritten to that address: material's instant
    navigation only takes over links to pages its sitemap lists at the page's own origin, port included."""
    with serve(built_site) as url:
        sitemap = built_site / "sitemap.xml"
        built = re.search(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8"))[1]
        root = built[: built.index("/", len("http://")) + 1]
        sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(root, url), encoding="utf-8")
        yield url



@pytest.fixture(scope="session")
def axe():
    """Run axe-core (bundled with axe-playwright-python, no network) on `selector` and return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def violations(page, selector: str = "body", rules: list[str] | None = None) -> list[dict]:
        options = {"resultTypes": ["violations"]}
        if rules:  # only these axe rules, for a check run on many pages
            options["runOnly"] = {"type": "rule", "values": rules}
        results = checker.run(page, context={"include": [[selector]]}, options=options)
        return [
            {"rule": v["id"], "help": v["help"], "targets": [node["target"] for node in v["nodes"]]}
            for v in results.response["violations"]
        ]

    return violations


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()
