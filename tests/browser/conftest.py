"""Headless Chromium (the system's, through Playwright) against the built site served on 127.0.0.1."""

from pathlib import Path

import pytest

from macros.static_server import serve


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with serve(built_site) as url:
        yield url


# axe-core rules switched off, each for a finding in mkdocs-material's own markup, not ours.
AXE_RULES_OFF = {}


@pytest.fixture(scope="session")
def axe():
    """Run axe-core (bundled with axe-playwright-python, no network) on `selector` and return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def violations(page, selector: str = "body") -> list[dict]:
        options = {"resultTypes": ["violations"], "rules": {rule: {"enabled": False} for rule in AXE_RULES_OFF}}
        results = checker.run(page, context=selector, options=options)
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
