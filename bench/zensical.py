"""Zensical readiness, measured (`make zensical`; not a gate while Zensical is 0.x): installs the newest Zensical
that installs from the registry into its own venv (.venv-zensical) with Playbook's own dependencies, builds the example handbook with it, runs
our link checker (macros/site_check.py) over its output and prints what differs from the build of the engine
PLAYBOOK_ENGINE names (MkDocs unless set). When Zensical does not install, it says so and exits 0.

Zensical builds what the render step writes (macros/render.py): the rendered pages and theme, and an mkdocs.yml
that inherits the handbook's (`INHERIT`), so it runs no code of ours. Both builds read the same copy of the handbook (without its git history, so neither shows last-changed dates),
so Zensical never writes into the working tree. `python bench/zensical.py zensical==0.1.3` tries one version."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from macros.project import Project
from macros.render import render
from macros.site_build import build_pages
from macros.engine import engine
from macros.project import copy_project
from macros.site_check import broken_links, compare_sites
from macros.bundles import BUNDLES

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-zensical"
SHOWN = 8  # examples printed of each kind of difference


def pip(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", *arguments], capture_output=True, text=True, check=False)


def errors(result: subprocess.CompletedProcess) -> str:
    """pip's own reasons, without its notices about local index folders."""
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("ERROR:")]
    return "\n  ".join(lines) or (result.stdout + result.stderr).strip()[-500:]


def install(requirement: str) -> str | None:
    """The Zensical version installed in its venv, or None (having said why) when it does not install."""
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    result = pip("install", "--quiet", "--upgrade", requirement, *project()["dependencies"])
    if result.returncode != 0:
        print(f"Zensical does not install here ({requirement}), so there is nothing to measure:\n  {errors(result)}")
        return None
    version = subprocess.run([str(VENV / "bin" / "python"), "-c", "from importlib.metadata import version; print(version('zensical'))"],
                             capture_output=True, text=True, check=True)
    return version.stdout.strip()


def newest_refused(installed: str) -> str | None:
    """Why the registry's newest Zensical, when it is not the one installed, does not install here."""
    listing = pip("index", "versions", "zensical")
    found = re.search(r"^zensical \(([^)]+)\)", listing.stdout, re.MULTILINE)
    if found is None or found.group(1) == installed:
        return None
    newest = found.group(1)
    trial = pip("install", "--dry-run", "--quiet", f"zensical=={newest}")
    return None if trial.returncode == 0 else f"Zensical {newest}, the newest, does not install here:\n  {errors(trial)}"


def build(command: list[str], project: Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return result, time.perf_counter() - started


def listed(title: str, items: list[str]) -> None:
    print(f"{title}: {len(items)}")
    for item in items[:SHOWN]:
        print(f"    {item}")
    if len(items) > SHOWN:
        print(f"    … and {len(items) - SHOWN} more")


def project() -> dict:
    """pyproject.toml's [project]: Playbook's own dependencies, which every engine's venv has, and the extras."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]


def zensical_build(project: Path) -> tuple[subprocess.CompletedProcess, float, Path]:
    """The render step into project/.playbook/zensical (what `make build` gives an engine), then Zensical's strict
    build of it; the result, the seconds Zensical took and where its site is."""
    rendered = project / ".playbook" / "zensical"
    if render(Project(project), rendered).problems:
        sys.exit("the example does not render")
    shutil.rmtree(rendered / "site", ignore_errors=True)
    built, seconds = build([str(VENV / "bin" / "zensical"), "build", "--strict", "--config-file", str(rendered / "mkdocs.yml")], project)
    return built, seconds, rendered / "site"


def main() -> int:
    requirement = sys.argv[1] if len(sys.argv) > 1 else "zensical"
    version = install(requirement)
    if version is None:
        return 0
    print(f"Zensical {version} (from `{requirement}`), compared with {engine()}; not a gate while Zensical is 0.x.")
    refused = newest_refused(version) if requirement == "zensical" else None
    if refused:
        print(refused)
    with tempfile.TemporaryDirectory(prefix="playbook-zensical-") as temp:
        project = copy_project(Path(temp) / "handbook")
        reference_site = Path(temp) / "reference-site"
        started = time.perf_counter()
        if build_pages(Project(project), reference_site, quiet=True):
            sys.exit(f"the {engine()} build of the example failed")
        reference_seconds = time.perf_counter() - started
        built, seconds, site = zensical_build(project)
        output = (built.stdout + built.stderr).strip().splitlines()
        print(f"{engine()} build --strict: {reference_seconds:.1f} s; zensical build --strict: {seconds:.1f} s, exit code {built.returncode}")
        print("  zensical said: " + (" / ".join(output[-3:]) if output else "nothing"))
        if built.returncode != 0 or not site.is_dir():
            print("Zensical's build failed, so its site is not compared.")
            return 0
        report, reference_report = broken_links(site), broken_links(reference_site)
        assets = [str(link) for link in report.broken if re.search(r"\.(css|js)(\?[^ ]*)? \(", str(link))]
        anchors = [str(link) for link in report.broken if link.fragment]
        pages = [str(link) for link in report.broken if str(link) not in assets and str(link) not in anchors]
        print(f"links checked by macros/site_check.py ({engine()}'s build has {len(reference_report.broken)} broken, the PDFs `make pdf` adds aside):")
        listed("  dead CSS/JS references", assets)
        listed("  links to a missing page or file", pages)
        listed("  links to a missing anchor", anchors)
        print("our bundles (macros/bundles.py, written by the render step): " + ", ".join(
            f"{bundle} {'written' if (site / bundle).is_file() else 'MISSING'}" for bundle in BUNDLES))
        difference = compare_sites(site, reference_site)
        html = [name for name in difference.differing if name.endswith(".html")]
        listed(f"files only in {engine()}'s build", difference.only_in_reference)
        listed("files only in Zensical's build", difference.only_in_site)
        listed("pages in both that differ (beyond the generator tag)", html)
        listed("other files in both that differ", [name for name in difference.differing if name not in html])
    return 0


if __name__ == "__main__":
    sys.exit(main())
