"""Build the site into a fresh folder beside it and swap it in only when the build succeeds, so a failed
build (bad data, a broken link under --strict) never leaves a half-written site/ that could be deployed.

The site is deployable as built: the PDFs of data/printing.yml are printed into it when Chromium is there,
else the ones the last build had are kept, and the pages link only to the PDFs the site holds."""

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from .engine import command as engine_command

# The ids of the PDFs the site being built will hold, space-separated; set by build_site for the pages'
# download links. Unset (the engine's own `build` or `serve` run by hand), every document's link shows.
PDFS_ENV = "PLAYBOOK_PDFS"


def pdf_in_site(document_id: str) -> bool:
    """Whether the site being built will hold the PDF `document_id`, so a page may link to it."""
    ready = os.environ.get(PDFS_ENV)
    return ready is None or document_id in ready.split()


def build_site(root: Path, site_dir: Path, pdf: str = "auto") -> int:
    """The engine's `build --strict` (macros/engine.py) of the handbook at `root` into `site_dir`, with its PDFs; returns an exit code.
    `pdf`: auto prints them when Chromium is there, else keeps the last build's; require fails without
    Chromium; skip only keeps the last build's."""
    site_dir = (root / site_dir).resolve()
    ids = _document_ids(root)
    kept = [document_id for document_id in ids if (site_dir / f"{document_id}.pdf").is_file()]
    missing_printer = _missing_printer() if pdf != "skip" else "not asked to print"
    if missing_printer and pdf == "require":
        print(f"Cannot print the PDFs: {missing_printer}.", file=sys.stderr)
        return 1
    ready = kept if missing_printer else ids
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:
        command = engine_command("build", "--strict", "--site-dir", str(fresh))
        result = subprocess.run(command, cwd=root, env={**os.environ, PDFS_ENV: " ".join(ready)})
        if result.returncode != 0:
            return result.returncode
        if missing_printer:
            for document_id in kept:
                shutil.copy2(site_dir / f"{document_id}.pdf", fresh / f"{document_id}.pdf")
            _say_what_was_kept(ids, kept, missing_printer)
        elif not _print(root, fresh):
            return 1
        old = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _document_ids(root: Path) -> list[str]:
    """The documents data/printing.yml lists (the build that follows reports any mistake in it)."""
    try:
        printing = yaml.safe_load((root / "data" / "printing.yml").read_text(encoding="utf-8"))
        return [document["id"] for document in printing["documents"]]
    except (OSError, yaml.YAMLError, TypeError, KeyError):
        return []


def _missing_printer() -> str | None:
    from .pdf import chromium_path

    executable = chromium_path()
    if executable is None or shutil.which(executable) is None:
        return "no Chromium found (install Debian's chromium package, or set PLAYBOOK_CHROMIUM to a Chromium that exists)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (make pdf installs it)"
    return None


def _say_what_was_kept(ids: list[str], kept: list[str], why: str) -> None:
    dropped = [document_id for document_id in ids if document_id not in kept]
    lines = [f"The PDFs were not printed: {why}."]
    if kept:
        lines.append(f"Kept from the last build, and linked: {', '.join(f'{i}.pdf' for i in kept)} (possibly out of date).")
    if dropped:
        lines.append(f"Not in the site, so the pages do not link to them: {', '.join(f'{i}.pdf' for i in dropped)}.")
    print("\n".join(lines), file=sys.stderr)


def _print(root: Path, fresh: Path) -> bool:
    from .handbook import Project
    from .pdf import PrintError, print_documents
    from .problems import DataError

    try:
        for path in print_documents(Project(root), fresh):
            print(f"printed {path.name}", file=sys.stderr)
    except (PrintError, DataError) as error:
        print(error, file=sys.stderr)
        return False
    return True
