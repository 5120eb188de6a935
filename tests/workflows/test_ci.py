"""CI runs every test: .ci/install installs every program and font the tests look for, the README tells a
developer to install the same packages, and in CI a skipped test fails the run unless it states why it may skip."""

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest_plugins = ["pytester"]

# Each program or font the tests and the Makefile look for before running, and the Debian package that has it.
PACKAGE_OF = {
    "chromium-headless-shell": "chromium-headless-shell",
    "chromium": "chromium",
    "chromium-browser": "chromium",  # Ubuntu's name for the same browser
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "java": "openjdk-17-jre-headless",
    "node": "nodejs",
    "npm": "npm",
    "fc-list": "fontconfig",
    "font:el": "fonts-noto-core",
    "font:ru": "fonts-noto-core",
    "font:ja": "fonts-noto-cjk",
}
# Where the lookups are written: shutil.which("java"), _require("pdftotext"), `command -v npm`,
# require_fonts("ja", ...).
LOOKUPS = [
    re.compile(r"""\bwhich\(\s*["']([\w.-]+)["']\s*\)"""),
    re.compile(r"""\b_require\(\s*["']([\w.-]+)["']\s*\)"""),
    re.compile(r"\bcommand -v ([\w.-]+)"),
]
FONT_LOOKUP = re.compile(r"\brequire_fonts\(([^)]*)\)")


def looked_up() -> set[str]:
    """Every program and font the tests, the code they drive and the Makefile look for."""
    sources = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("macros/*.py"), ROOT / "Makefile"]
    found = set()
    for path in sources:
        if "node_modules" in path.parts or path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        found.update(name for lookup in LOOKUPS for name in lookup.findall(text))
        for arguments in FONT_LOOKUP.findall(text):
            found.update(f"font:{language}" for language in re.findall(r"""["'](\w+)["']""", arguments))
    return found


def install_list() -> list[str]:
    """The packages .ci/install installs: its `packages=(…)` list and what it adds with `packages+=(…)`."""
    script = (ROOT / ".ci" / "install").read_text(encoding="utf-8")
    return [word for words in re.findall(r"\bpackages\+?=\(([^)]*)\)", script) for word in words.split()]


def readme_install_list() -> list[str]:
    """The packages the README's `apt-get install` line names."""
    (line,) = re.findall(r"^\s*(?:sudo )?apt-get install (.+)$", (ROOT / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    return [word for word in shlex.split(line) if not word.startswith("-")]


def test_the_lookups_are_found():
    assert {"chromium", "pdftotext", "java", "node", "npm", "font:ja"} <= looked_up()


def test_every_program_and_font_the_tests_look_for_comes_from_a_known_package():
    assert looked_up() - PACKAGE_OF.keys() == set()


def test_ci_install_installs_every_package_the_tests_need():
    needed = {PACKAGE_OF[name] for name in looked_up()}
    assert needed - set(install_list()) == set()
    assert {"git", "make", "python3.11", "python3.11-venv"} <= set(install_list())


def test_the_readme_installs_the_same_packages_as_ci():
    assert sorted(readme_install_list()) == sorted(install_list())


def ci_run_commands() -> list[str]:
    """The commands .ci/run runs, without its comments, shell options and change of folder."""
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith(("#", "set ", "cd "))]


def test_ci_run_installs_from_the_list_then_runs_the_tests_on_both_engines():
    assert ci_run_commands() == ["bash .ci/install", "make test", "make ENGINE=properdocs test-engine"]


def test_the_readme_tells_a_developer_every_command_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ci_run_commands():
        assert re.search(rf"(`|^){re.escape(command)}\b", readme, re.MULTILINE), command


SKIPPING_TESTS = """
import pytest

def test_passes():
    pass

def test_skips_for_a_missing_tool():
    pytest.skip("no such tool here")

@pytest.mark.may_skip_in_ci(reason="its input is not part of the repository")
def test_may_skip_and_says_why():
    pytest.skip("input missing")

@pytest.mark.may_skip_in_ci
def test_may_skip_without_saying_why():
    pytest.skip("input missing")

@pytest.mark.xfail(reason="a known failure")
def test_known_failure():
    assert False
"""


@pytest.fixture
def skipping_tests(pytester):
    pytester.makeconftest("from tests.conftest import pytest_configure, pytest_runtest_makereport")
    pytester.makepyfile(SKIPPING_TESTS)
    return pytester


def test_in_ci_a_skip_fails_the_run_unless_it_says_why_it_may(skipping_tests, monkeypatch):
    monkeypatch.setenv("CI", "true")
    result = skipping_tests.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2, skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(["*skipped in CI, which must run every test: no such tool here*"])


def test_outside_ci_skips_are_only_skips(skipping_tests, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    result = skipping_tests.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=3, xfailed=1)
