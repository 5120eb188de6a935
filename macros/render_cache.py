"""The render step's cache: what it wrote last time, as the folder itself (ENTRY), with a stamp (MADE_FROM) holding
the key of everything it was made from (the handbook's files and where it is, the team and language it is for,
mkdocs.yml as read, the commit that dates the pages, the PDFs linked, this Python and the libraries that shape the
output) and each page's tags. A build with nothing changed hands the engine that folder as it is: no validating,
rendering or writing. One entry per team and language (Project.cache_dir), replaced by each render that misses; a
key that differs in anything is a miss, never a stale page.

Hashing every source file each build cost more than the rest of a warm build's own work, so each file's digest is
kept with its size and modification time (DIGESTS) and read again only when those change, as git's index does; a
file changed within RACY_SECONDS of being recorded is not recorded, so an edit within the clock's resolution is
never missed."""

import hashlib
import json
import os
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from stat import S_ISREG

# What the rendered output is made from, under the handbook's folder; and the code that renders it, this package
# (the handbook's own macros/ when run from its folder, as make does).
SOURCES = ("data", "docs", "overrides")
CODE = Path(__file__).resolve().parent
# The libraries whose version can change what the render step writes.
LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "PyYAML", "jsonschema", "rjsmin", "rcssmin", "babel")
ENTRY = "rendered"
MADE_FROM = ".made-from.json"
DIGESTS = "digests.json"
RACY_SECONDS = 2


def key(root: Path, settings: dict, pdfs: list[str] | None, team: str | None = None, language: str | None = None, cache: Path | None = None) -> str:
    """The key of a render of the handbook at `root`; with `cache`, file digests are reused from there."""
    known = _known_digests(cache)
    recorded = {}
    settled = time.time_ns() - RACY_SECONDS * 10**9
    digest = hashlib.sha256()
    for folder in [root / source for source in SOURCES] + [CODE]:
        for path in sorted(folder.rglob("*")):
            info = path.stat()
            if not S_ISREG(info.st_mode) or "__pycache__" in path.parts:
                continue
            name = str(path)
            stamp = [info.st_size, info.st_mtime_ns]
            found = known.get(name)
            file_digest = found[2] if found and found[:2] == stamp else hashlib.sha256(path.read_bytes()).hexdigest()
            if info.st_mtime_ns < settled:
                recorded[name] = [*stamp, file_digest]
            digest.update(path.relative_to(folder.parent).as_posix().encode() + b"\0" + file_digest.encode() + b"\0")
    if cache and recorded != known:
        _replace(cache / DIGESTS, json.dumps(recorded).encode())
    # The handbook's own folder too: the engine's mkdocs.yml names it, so a moved handbook renders again.
    context = [str(root.resolve()), json.dumps(settings, sort_keys=True, default=str), _head(root), pdfs, team, language, sys.version, [version(name) for name in LIBRARIES]]
    digest.update(json.dumps(context, default=str).encode())
    return digest.hexdigest()


def _known_digests(cache: Path | None) -> dict[str, list]:
    try:
        known = json.loads((cache / DIGESTS).read_bytes()) if cache else {}
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def _head(root: Path) -> str:
    """The commit the pages' "changed" dates come from (macros/freshness.py reads the history up to it)."""
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def entry(cache: Path) -> Path:
    """The cached render's folder, which the engine reads as it is."""
    return cache / ENTRY


def pages(cache: Path, wanted: str) -> dict[str, list[str]] | None:
    """The tags of each page of the cached render, if it was made from `wanted`; else None."""
    try:
        made_from = json.loads((entry(cache) / MADE_FROM).read_bytes())
        return made_from["pages"] if made_from["key"] == wanted else None
    except (OSError, ValueError, TypeError, KeyError):
        return None


def files(cache: Path) -> dict[str, bytes]:
    """The cached render's files by their path in it."""
    folder = entry(cache)
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file() and path.name != MADE_FROM}


def store(cache: Path, made_from: str, written: dict[str, bytes], tags: dict[str, list[str]]) -> None:
    """Make the entry this render: its stamp goes first and comes back last, so an entry written halfway (a build
    stopped) is never taken for a render."""
    folder = entry(cache)
    (folder / MADE_FROM).unlink(missing_ok=True)
    write_files(folder, written)
    _replace(folder / MADE_FROM, json.dumps({"key": made_from, "pages": tags}).encode())


def write_files(out: Path, written: dict[str, bytes]) -> None:
    """Make `out` hold exactly `written`, touching only what differs."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(out.rglob("*"), reverse=True):
        name = path.relative_to(out).as_posix()
        if path.is_file() and name not in written:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for name, content in written.items():
        target = out / PurePosixPath(name)
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _replace(path: Path, content: bytes) -> None:
    """Write `path` aside and move it in, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    aside.write_bytes(content)
    os.replace(aside, path)
