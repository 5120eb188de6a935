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

    def violations(page, selector: str = "body", rules: list[str] | None = None, exclude: tuple[str, ...] = ()) -> list[dict]:
        options = {"resultTypes": ["violations"]}
        if rules:  # only these axe rules, for a check run on many pages
            options["runOnly"] = {"type": "rule", "values": rules}
        context = {"include": [[selector]]}
        if exclude:  # parts checked on another page, such as the theme's header and navigation
            context["exclude"] = [[part] for part in exclude]
        # axe once per document: injecting its 570 kB again costs 0.2-0.3 s for each further check of a page
        if not page.evaluate("() => typeof axe === 'object' && typeof axe.run === 'function'"):
            page.evaluate(checker.axe_script)
        found = page.evaluate("([context, options]) => axe.run(context, options).then((results) => results.violations)", [context, options])
        return [{"rule": v["id"], "help": v["help"], "targets": [node["target"] for node in v["nodes"]]} for v in found]

    return violations


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()
