"""Shared helpers: copies of the example handbook to break on purpose, running its commands, the built
example site, and one headless Chromium for the whole session (Playwright allows one per thread)."""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from macros import engine
from macros.project import copy_project

# The tests build with, and read mkdocs.yml through, the engine PLAYBOOK_ENGINE names (make test ENGINE=…).
engine.use_engine()

ROOT = Path(__file__).resolve().parent.parent

# The day the data checks take as today (macros/upcoming.py) in every test and every command a test runs, so
# that no result depends on the day the tests run: the example's dates (the charter's next review, the next boot
# camp, the days off) are all still to come on it. tests/data/test_upcoming_dates.py sets its own days.
TESTS_TODAY = "2026-12-05"
os.environ["PLAYBOOK_TODAY"] = TESTS_TODAY


def missing_tool(message: str):
    """A tool some tests need is not installed: skip them here, but fail in CI (where `CI` is set), which must
    run every test."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "may_skip_in_ci(reason): the test may skip in CI for the stated reason; every other skip fails there",
    )
    config.addinivalue_line("markers", "real_search: the test's browser loads the site's whole search index (see _Browser)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (where `CI` is set) a skipped test fails the run, unless it is marked `may_skip_in_ci` with the
    reason it may: a check that never ran must not pass for one that did."""
    report = yield
    allowed = item.get_closest_marker("may_skip_in_ci")
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        if allowed is None or not allowed.kwargs.get("reason"):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            reason = reason.removeprefix("Skipped: ")
            report.outcome = "failed"
            report.longrepr = f"skipped in CI, which must run every test: {reason}"
    return report




def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def run_validate(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "macros", "validate", *extra], project)


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """The handbook's build (render, the engine's `build --strict`, search entries), every PDF linked and none
    printed: the PDF tests print them into the site afterwards."""
    return run([sys.executable, "-m", "macros", "build", "--site", str(site_dir), "--pdf", "later"], project)


def run_validate_and_build(project: Path, site_dir: Path) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """`validate` and the build of one project, side by side: each only reads the project, and while they run
    the test process waits, so on a two-core machine this takes the time of the slower of the two."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        validated, built = pool.submit(run_validate, project), pool.submit(run_build, project, site_dir)
        return validated.result(), built.result()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "handbook")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The example handbook built once per test session (run_build)."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def planted_site(tmp_path_factory):
    """A copy of the example with hostile text in every free-text data field (tests/planted.py), built with
    run_build: the site, and the fields planted."""
    from tests.planted import plant

    project = copy_project(tmp_path_factory.mktemp("planted") / "handbook")
    fields = plant(project)
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, fields


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> Path:
    """A copy of the example with every edit in tests/leader_edits.py, built once per session (run_build); the
    copy (the site's parent) has no git history."""
    from tests.leader_edits import make_edits

    project = copy_project(tmp_path_factory.mktemp("edited") / "handbook")
    make_edits(project)
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


OTHER_TEAM = "key-accounts"


@pytest.fixture(scope="session")
def languages_site(tmp_path_factory):
    """A copy of the example with a little of it in German (tests/languages.py), built as `make build` and `make
    build LANGUAGE=de` build it: English into a folder, German into its de/ folder, then English again; then, as
    `make build TEAM=key-accounts` builds it, the other team's site into its folder. The site,
    and the English files' contents (by path, without de/) after each of the three builds and de/'s before and
    after the last."""
    from tests.languages import LANGUAGE, bilingual_copy

    project = bilingual_copy(tmp_path_factory.mktemp("languages") / "handbook")
    site = project / "site"

    def build(*language: str) -> None:
        where = site / LANGUAGE if language else site
        result = run([sys.executable, "-m", "macros", "build", "--site", str(where), "--pdf", "later", *language], project)
        assert result.returncode == 0, result.stdout + result.stderr

    def contents(folder: Path, without: str | None = None) -> dict[str, bytes]:
        return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file() and not (without and path.relative_to(folder).parts[0] == without)}

    build()
    english = [contents(site)]
    build("--language", LANGUAGE)
    english.append(contents(site, without=LANGUAGE))
    german = [contents(site / LANGUAGE)]
    build()
    english.append(contents(site, without=LANGUAGE))
    german.append(contents(site / LANGUAGE))
    # Another team's site, in its folder (macros/site_paths.py), for the team menu.
    result = run([sys.executable, "-m", "macros", "build", "--team", OTHER_TEAM, "--pdf", "later"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, english, german


# Material's search builds its index in a worker on every page load, whether or not the reader searches: the
# example's is 330 KB (each question its own entry), and building it costs a fifth of a browser test's time on
# a two-core machine running two tests at once. A test that does not search gets an index with no page in it
# (answered by the browser, so nothing is fetched while a test moves on); those that search, or that load every
# page as a reader's browser does, are marked `real_search`.
_test_searches = {"real": True}
EMPTY_SEARCH_INDEX = {
    "config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}},
    "docs": [],
}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the test is set up: a module's fixture that opens a browser context for its tests
    (the planted site's) is set up with its first test, and read the previous test's choice when this was an
    autouse fixture, which runs after fixtures of wider scope (the planted search test then searched an empty
    index whenever another file's test ran before it on its worker)."""
    _test_searches["real"] = item.get_closest_marker("real_search") is not None


def _index_without_pages(route) -> None:
    route.fulfill(json=EMPTY_SEARCH_INDEX)


class _Browser:
    """Playwright's browser, whose new contexts load the real search index only in a test marked `real_search`."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        if not _test_searches["real"]:
            context.route("**/search/search_index.json", _index_without_pages)
        return context


@pytest.fixture(scope="session")
def browser():
    """The system Chromium (macros/pdf.py: chromium_path) through Playwright; a missing browser skips locally and
    fails in CI."""
    from macros.pdf import CHROMIUM_FLAGS, INSTALL_CHROMIUM, chromium_path

    executable = chromium_path()
    if executable is None:
        missing_tool(f"no Chromium found: {INSTALL_CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield _Browser(launched)
        launched.close()
