"""Build the site: the render step (macros/render.py), the engine's `build --strict` of what it wrote, then the
search index's item entries (macros/search_index.py). Into a fresh folder beside the site, swapped in only when
the build succeeds, so a failed build (bad data, a broken link under --strict, a link written in data to an
anchor the pages lack) never leaves a half-written site/ that could be deployed.

The site is deployable as built: the PDFs of data/printing.yml are printed into it when Chromium is there,
else the ones the last build had are kept, and the pages link only to the PDFs the site holds."""

import hashlib
import importlib.util
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath

import yaml

from . import engine, site_check
from .site_check import broken_links, page_ids
from .site_paths import menus, site_folders, site_path
from .project import Project
from .problems import counted, likely
from .render import render
from .search_index import add_item_entries

# In the cache folder: the stamp of the last built site whose links all resolved (_site_stamp).
LINKS_PASSED = "links-passed"

def build_pages(project: Project, site_dir: Path, pdfs: list[str] | None = None, quiet: bool = False) -> int:
    """Render the handbook and build its pages into `site_dir` with the engine PLAYBOOK_ENGINE names (no PDFs
    printed); returns an exit code. `pdfs`: the documents the site will hold, so pages link only to those (None:
    every one, for a site whose PDFs are printed afterwards)."""
    rendered = render(project, None, pdfs, cache=project.cache_dir)
    if rendered.problems:
        print(f"The handbook has {counted(len(rendered.problems), 'problem')}:\n" + "\n".join(problem.as_text() for problem in rendered.problems), file=sys.stderr)
        return 1
    result = engine.run("build", "--strict", *(["--quiet"] if quiet else []), "--config-file", str(rendered.settings_file), "--site-dir", str(site_dir))
    if result != 0:
        return result
    dead = _dead_links(project, site_dir)
    if dead:
        print(f"The built pages have {counted(len(dead), 'link')} to a part of a page that is not there:\n" + "\n".join(dead), file=sys.stderr)
        return 1
    add_item_entries(site_dir, rendered.pages, cache=project.cache_dir)
    return 0


def _dead_links(project: Project, site_dir: Path) -> list[str]:
    """Links in the built pages to a page or #anchor the site lacks (the engine's --strict checks only the
    Markdown it renders, not links written in data), each said at the line of data/ or docs/ that wrote it
    when it can be found, with the anchors the page does have that look like it. A site whose pages and files
    are exactly those of the last one that passed (a build with nothing changed: the engine writes the same
    bytes) is not read again."""
    printed = {f"{document_id}.pdf" for document_id in _document_ids(project.root, project.team)}
    other_sites = site_folders(project.data_dir)
    stamp = _site_stamp(site_dir, printed, other_sites)
    passed = project.cache_dir / LINKS_PASSED
    if passed.is_file() and passed.read_text(encoding="utf-8") == stamp:
        return []
    said = []
    for broken in broken_links(site_dir, printed, other_sites).broken:
        if not broken.fragment:
            said.append(str(broken))
            continue
        close = likely(broken.fragment, sorted(page_ids(site_dir / broken.path)))
        guess = f"; did you mean #{close}?" if close else ""
        said.append(f"{_written_at(project, broken.path, broken.fragment) or broken.page}: the link to #{broken.fragment} leads nowhere, as the page {broken.path} has no part with that id{guess}")
    if not said:
        passed.parent.mkdir(parents=True, exist_ok=True)
        passed.write_text(stamp, encoding="utf-8")
    return said


def _site_stamp(site_dir: Path, printed: set[str], other_sites: set[str]) -> str:
    """What the link check's answer depends on: every file's name in the site, each page's bytes, the PDFs and
    other sites it is told of, and the checker's own code."""
    digest = hashlib.blake2b(Path(site_check.__file__).read_bytes(), digest_size=20)
    digest.update(repr((sorted(printed), sorted(other_sites))).encode())
    for path in sorted(site_dir.rglob("*")):
        digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
        if path.suffix == ".html":
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _written_at(project: Project, page: str, fragment: str) -> str:
    """The first file:line of this site's data and pages that links to `#fragment` on `page` (the built file,
    bootcamp/index.html: written bootcamp.md#fragment), else to `#fragment` on any page; or ""."""
    folder = PurePosixPath(page).parent.name or "index"
    on_page = re.compile(rf"(?:^|[(/\"'\s]){re.escape(folder)}(?:/index)?\.md#{re.escape(fragment)}[)\"'\s]")
    anywhere = re.compile(rf"#{re.escape(fragment)}[)\"'\s]")
    sources = sorted(project.data_dir.glob("*.yml"))
    for extra in ([project.data_dir / "teams" / project.team] if project.team else []) + ([project.data_dir / "languages" / project.language] if project.language else []):
        sources += sorted(extra.glob("*.yml"))
    sources += sorted(path for path in project.docs_dir.rglob("*.md") if project.language or len(path.suffixes) < 2)
    for pattern in (on_page, anywhere):
        for path in sources:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line + " "):
                    return f"{path.relative_to(project.root).as_posix()}:{number}"
    return ""


def build_site(root: Path, site_dir: Path | None, pdf: str = "auto", team: str | None = None, language: str | None = None, alone: bool = True) -> int:
    """The handbook at `root` built into `site_dir` (build_pages), with its PDFs; returns an exit code. `pdf`:
    auto prints them when Chromium is there, else keeps the last build's; require fails without Chromium; skip
    only keeps the last build's; later links every document and prints none (`python -m macros pdf` follows).
    `team`: the team in data/teams.yml whose site it is (None: the default team); `language`: the language in
    data/languages.yml it is in (None: the first). `alone`: a build of this site only, which names the sites
    the header's menus link to that are not built yet."""
    site_dir = (root / (site_dir or Path("site") / site_path(root / "data", team, language))).resolve()
    ids = _document_ids(root, team)
    kept = [document_id for document_id in ids if (site_dir / f"{document_id}.pdf").is_file()]
    missing_printer = _missing_printer() if pdf in ("auto", "require") else "not asked to print"
    if missing_printer and pdf == "require":
        print(f"Cannot print the PDFs: {missing_printer}.", file=sys.stderr)
        return 1
    ready = None if pdf == "later" else kept if missing_printer else ids
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    _readable_as_made(fresh)
    try:
        result = build_pages(Project(root, team, language), fresh, ready)
        if result != 0:
            return result
        if not missing_printer:
            if not _print(Project(root, team, language), fresh):
                return 1
        elif pdf != "later":
            for document_id in kept:
                shutil.copy2(site_dir / f"{document_id}.pdf", fresh / f"{document_id}.pdf")
            _say_what_was_kept(ids, kept, missing_printer)
        # Another team's or language's site lives in a folder of this one (site/de/), built on its own: keep it.
        for folder in site_folders(root / "data"):
            if (site_dir / folder).is_dir() and not (fresh / folder).exists():
                (site_dir / folder).rename(fresh / folder)
        old = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        if alone:
            _say_unbuilt_menu_sites(root, site_dir, team, language)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def build_every_site(root: Path, pdf: str = "auto") -> int:
    """Every team's site in every language, each in its folder of site/ (macros/site_paths.py); the first failure
    stops it, with its exit code."""
    from .languages import listed_languages
    from .teams import listed_teams

    for team in [team.id for team in listed_teams(root / "data")] or [None]:
        for language in [language.code for language in listed_languages(root / "data")] or [None]:
            print(f"Building {site_path(root / 'data', team, language) or 'the default site'} …", file=sys.stderr)
            result = build_site(root, None, pdf, team, language, alone=False)
            if result != 0:
                return result
    return 0


def _readable_as_made(folder: Path) -> None:
    """A temporary folder is made for its owner alone (0700); the site it becomes is given the mode any new
    folder gets here, so a web server running as another user can read it once deployed."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _say_unbuilt_menu_sites(root: Path, site_dir: Path, team: str | None, language: str | None) -> None:
    """The header's team and language menus link to the other sites of the organisation's handbook; a site built
    on its own says which of those are not there yet, since their links lead nowhere until they are."""
    made = menus(root / "data", team, language)
    links = {(site_dir / entry["link"]).resolve() for entry in made.get("languages", []) + made.get("teams", [])}
    missing = sorted(folder for folder in links if not (folder / "index.html").is_file())
    if missing:
        named = ", ".join(f"{folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder}/" for folder in missing)
        print(f"The header's team and language menus link to sites not built yet: {named}. Their links lead nowhere until "
              "they are: `make publish` builds every team's site in every language (what to deploy), or `make build "
              "TEAM=… LANGUAGE=…` one of them.", file=sys.stderr)


def _document_ids(root: Path, team: str | None = None) -> list[str]:
    """The documents data/printing.yml lists, with the team's changes to it (the build that follows reports any
    mistake in either)."""
    from .loading import LocatedData
    from .teams import TEAMS, default_team, merge

    try:
        # libyaml's loader: a tenth of the pure-Python one's 5 ms, which every build pays, a warm one too.
        printing = yaml.load((root / "data" / "printing.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        team = team or default_team(root / "data")
        changes = root / "data" / TEAMS / team / "printing.yml" if team else None
        if changes and changes.is_file():
            printing = merge(LocatedData("", printing), LocatedData("", yaml.load(changes.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)), ["documents"])[0].value
        return [document["id"] for document in printing["documents"]]
    except (OSError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        return []


def _missing_printer() -> str | None:
    from .pdf import INSTALL_CHROMIUM, chromium_path

    executable = chromium_path()
    if executable is None or shutil.which(executable) is None:
        return f"no Chromium found ({INSTALL_CHROMIUM} to a Chromium that exists)"
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


def _print(project: Project, fresh: Path) -> bool:
    from .pdf import PrintError, print_documents
    from .problems import DataError

    try:
        for path in print_documents(project, fresh):
            print(f"printed {path.name}", file=sys.stderr)
    except (PrintError, DataError) as error:
        print(error, file=sys.stderr)
        return False
    return True
