"""Every page of the built site is valid HTML, as the Nu HTML Checker (vnu, the W3C's checker) reads it.

vnu runs once, in one JVM, over every page and one page broken on purpose, which shows the checker really
looked. Errors fail the test unless ACCEPTED lists them; warnings and info messages are not failures.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import missing_tool

VNU_JAR = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAILING_KINDS = ("error", "non-document-error")
BROKEN_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>'
    '<body><img src="x.png"></body></html>'
)
BROKEN_PAGE_MESSAGE = "An “img” element must have an “alt” attribute"


class Finding(NamedTuple):
    file: str
    line: int | None
    column: int | None
    kind: str
    message: str
    markup: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line or '?'}:{self.column or '?'}: {self.message}  [{self.markup.strip()}]"


class Accepted(NamedTuple):
    """A finding we cannot fix: `message` and `markup` must both match in full, on a page `file` matches."""

    message: str
    markup: str
    file: str = r".+\.html"

    def matches(self, finding: Finding) -> bool:
        pairs = ((self.message, finding.message), (self.markup, finding.markup), (self.file, finding.file))
        return all(re.fullmatch(pattern, text, re.DOTALL) for pattern, text in pairs)


# Only mkdocs-material's own markup belongs here (material/templates in the venv); findings from our templates,
# overrides or Markdown rendering are fixed at their source instead.
ACCEPTED = {
    # material's base.html (lines 99-100 in 9.8.1) writes the hidden checkboxes that open the drawer and the
    # search overlay on every page, with autocomplete="off", the usual way to stop Firefox restoring a
    # checkbox's state on reload; HTML allows the attribute only on text-like inputs. They sit outside any
    # block, so only a copy of the whole base.html could change them.
    "material-toggle-autocomplete": Accepted(
        message=r"Attribute “autocomplete” is only allowed when the input type is .*",
        markup=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__\1" autocomplete="off">',
    ),
    # material's partials/nav-item.html (line 106-107 in 9.8.1) sets `tabindex = "0" if not is_section`, so
    # with the navigation.sections feature a top-level section's label ("Start here", "Coaching") gets
    # tabindex="": the section is not meant to be focusable, and browsers ignore the empty value, so it is
    # not. Fixing it would mean keeping a copy of the whole partial in overrides/.
    "material-nav-section-empty-tabindex": Accepted(
        message=r"Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer\.",
        markup=r'<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
    ),
}


@pytest.fixture(scope="session")
def java() -> str:
    """The java command that runs vnu; asked for before the site, so a machine without it skips at once."""
    java = shutil.which("java")
    missing = None
    if java is None:
        missing = "no java found: install Java 17 (Debian's openjdk-17-jre-headless) to check the HTML"
    elif not VNU_JAR.exists():
        missing = "the Nu HTML Checker is not installed: run `make test` (or `npm ci --ignore-scripts --prefix tests/html`)"
    if missing:
        missing_tool(missing)
    return java


def _finding(message: dict, site: Path) -> Finding:
    path = Path(unquote(urlsplit(message.get("url", "")).path))
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    return Finding(
        file=path.relative_to(site).as_posix() if path.is_relative_to(site) else path.name,
        line=message.get("firstLine", message.get("lastLine")),
        column=message.get("firstColumn"),
        kind=message["type"],
        message=message["message"],
        # vnu's highlight may take in the white space before the element (an adopter's which-level page did)
        markup=extract[start : start + message.get("hiliteLength", len(extract))].strip(),
    )


@pytest.fixture(scope="module")
def findings(java, built_site, tmp_path_factory) -> list[Finding]:
    """What vnu reports for every page of the site and for the broken page, which sits outside the site."""
    broken = tmp_path_factory.mktemp("vnu") / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    pages = sorted(str(path) for path in built_site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *pages, str(broken)],
        capture_output=True,
        text=True,
        timeout=300,  # a guard against a hung checker (as tests/conftest.py's run), not a speed check
    )
    assert result.returncode == 0, f"vnu did not run:\n{result.stdout}{result.stderr}"
    return [_finding(message, built_site) for message in json.loads(result.stdout)["messages"]]


def test_the_checker_flags_a_broken_page(findings):
    assert any(f.file == "broken.html" and f.message.startswith(BROKEN_PAGE_MESSAGE) for f in findings), findings


def test_every_page_is_valid_html(findings):
    site_errors = [f for f in findings if f.kind in FAILING_KINDS and f.file != "broken.html"]
    failing = [f for f in site_errors if not any(accepted.matches(f) for accepted in ACCEPTED.values())]
    assert not failing, f"{len(failing)} HTML error(s) in the built site:\n" + "\n".join(map(str, failing))


@pytest.mark.parametrize("name", ACCEPTED)
def test_each_accepted_finding_still_occurs(findings, name):
    """An acceptance that no longer matches anything (material fixed it, or we changed theme features) goes."""
    assert any(ACCEPTED[name].matches(f) for f in findings), f"{name} no longer occurs: remove it from ACCEPTED"
