"""The render step's cache: what it wrote last time, kept with a key made of everything it was made from (the
handbook's files and where it is, the team and language it is for, mkdocs.yml as read, the commit that dates the pages, the PDFs
linked, this Python and the libraries that shape the output), so a build with nothing changed skips validating and
rendering altogether. One entry, replaced by each cold render; a key that differs in anything is a miss, never a
stale page."""

import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

# What the rendered output is made from, under the handbook's folder; and the code that renders it, this package
# (the handbook's own macros/ when run from its folder, as make does).
SOURCES = ("data", "docs", "overrides")
CODE = Path(__file__).resolve().parent
# The libraries whose version can change what the render step writes.
LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "PyYAML", "jsonschema", "rjsmin", "rcssmin", "babel")
ENTRY = "render.pickle"


def key(root: Path, settings: dict, pdfs: list[str] | None, team: str | None = None, language: str | None = None) -> str:
    digest = hashlib.sha256()
    for folder in [root / source for source in SOURCES] + [CODE]:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    # The handbook's own folder too: the engine's mkdocs.yml names it, so a moved handbook renders again.
    context = [str(root.resolve()), json.dumps(settings, sort_keys=True, default=str), _head(root), pdfs, team, language, sys.version, [version(name) for name in LIBRARIES]]
    digest.update(json.dumps(context, default=str).encode())
    return digest.hexdigest()


def _head(root: Path) -> str:
    """The commit the pages' "changed" dates come from (macros/freshness.py reads the history up to it)."""
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def load(cache: Path, wanted: str) -> tuple[dict[str, bytes], dict[str, list[str]]] | None:
    """The files and pages of the cached render made from `wanted`, or None."""
    try:
        with (cache / ENTRY).open("rb") as file:
            stored_key, files, pages = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return None
    return (files, pages) if stored_key == wanted else None


def store(cache: Path, made_from: str, files: dict[str, bytes], pages: dict[str, list[str]]) -> None:
    """Keep this render as the cache's one entry; written aside and moved in, so a reader never sees half of it."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cache, delete=False) as file:
        pickle.dump((made_from, files, pages), file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(file.name, cache / ENTRY)
