"""Headless Chromium (the system's, through Playwright) against the built site served on 127.0.0.1."""

from pathlib import Path

import pytest

from macros.static_server import serve_navigable


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served on a free port, where material's instant navigation works."""
    with serve_navigable(built_site) as url:
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
