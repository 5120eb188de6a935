"""The engine is a setting (PLAYBOOK_ENGINE, the Makefile's ENGINE; macros/engine.py): the site the tests read
is built by the engine it names, and that engine builds the same site as MkDocs, file by file and byte by byte,
the generator tag aside. `make ENGINE=properdocs test-engine` (the second pass of .ci/run) runs the comparison;
it gives the test the Python of the MkDocs install in PLAYBOOK_MKDOCS_PYTHON."""

import os
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

from macros import engine
from macros.site_check import compare_sites
from tests.conftest import ROOT, missing_tool

MKDOCS_PYTHON_ENV = "PLAYBOOK_MKDOCS_PYTHON"


def _generator(site: Path) -> str:
    (content,) = re.findall(r'<meta name="generator" content="([^"]*)">', (site / "index.html").read_text(encoding="utf-8"))
    return content


def test_the_engine_setting_chooses_the_engine_that_builds(built_site):
    """material's generator tag names the engine that ran it: ProperDocs says so, MkDocs gives its version."""
    generator = _generator(built_site)
    if engine.engine() == "properdocs":
        assert generator.startswith(f"mkdocs-ProperDocs {version('properdocs')},"), generator
    else:
        assert generator.startswith(f"mkdocs-{version('mkdocs')},") and "ProperDocs" not in generator, generator


def test_an_unknown_engine_is_refused_in_plain_words(monkeypatch):
    monkeypatch.setenv(engine.ENGINE_ENV, "zensical")
    with pytest.raises(SystemExit, match=r"PLAYBOOK_ENGINE is 'zensical': Playbook builds with mkdocs or properdocs\."):
        engine.command("build")


@pytest.fixture(scope="session")
def mkdocs_site(tmp_path_factory) -> Path:
    """The example built with MkDocs (from the install PLAYBOOK_MKDOCS_PYTHON names), as built_site is built."""
    python = os.environ.get(MKDOCS_PYTHON_ENV)
    if not python and engine.engine() == "mkdocs":
        pytest.skip("MkDocs built the site under test: no other engine's build to compare with it")
    if not python:
        missing_tool(f"no MkDocs to compare with: {MKDOCS_PYTHON_ENV} is not set (`make ENGINE={engine.engine()} test` sets it)")
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    command = [python, "-m", "macros", "build", "--site", str(site), "--pdf", "later"]
    env = {**os.environ, engine.ENGINE_ENV: "mkdocs", "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.may_skip_in_ci(reason="with ENGINE=mkdocs there is nothing to compare; .ci/run's second pass, ENGINE=properdocs, runs it")
def test_the_chosen_engine_builds_the_same_site_as_mkdocs(mkdocs_site, built_site):
    assert _generator(mkdocs_site).startswith("mkdocs-1.")
    difference = compare_sites(built_site, mkdocs_site)
    assert not difference, difference
    assert len(list(built_site.rglob("*.html"))) > 20  # a whole site was compared, not an empty folder
