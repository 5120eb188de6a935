"""One version of the site's own files, read to be compared with another: mkdocs.yml (read tolerantly, so any
version of it can be read) and the pages in docs/."""

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from jinja2 import Environment
from mkdocs.exceptions import ConfigurationError

from .mkdocs_yml import SETTINGS_FILE, TolerantLoader, load_settings
from .page_reading import Page, jinja_environment

_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*(?:\{:?[^}]*\})?[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class NavEntry:
    """A page (or an address) in the navigation, with its title there and the sections it sits in."""

    target: str
    title: str | None
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    """mkdocs.yml (None when it is missing or is not YAML), each page's text by its path under docs/, and the
    data files' values by stem, of one version of the handbook."""

    settings: dict | None
    pages: dict[str, str]
    data: dict[str, object]

    @classmethod
    def read(cls, root: Path, docs_dir: str, data: dict[str, object]) -> "Site":
        docs = root / docs_dir
        pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8-sig", errors="replace") for path in sorted(docs.rglob("*.md"))}
        return cls(_read_settings(root / SETTINGS_FILE), pages, data)

    def navigation(self) -> list[NavEntry]:
        """The navigation's pages and links in order; a page listed without a title is titled from its text."""
        return [NavEntry(entry.target, entry.title or self.title(entry.target), entry.sections) for entry in nav_entries((self.settings or {}).get("nav"))]

    def title(self, page: str) -> str:
        return page_title((self.settings or {}).get("nav"), page, Page.read(self.pages.get(page, "")))

    @cached_property
    def jinja(self) -> Environment:
        return jinja_environment()


def _read_settings(path: Path) -> dict | None:
    """mkdocs.yml's settings, or None when the file is missing, cannot be read or holds no mapping."""
    try:
        return load_settings(path, TolerantLoader)
    except (OSError, UnicodeDecodeError, ConfigurationError):
        return None


def page_title(nav, path: str, page: Page) -> str:
    """What the site calls the page at `path` under docs/, as MkDocs does: its title in the navigation, else the
    `title` its front matter gives, else its first `# ` heading, else its file name."""
    for entry in nav_entries(nav):
        if entry.target == path and entry.title:
            return entry.title
    if page.front_matter.get("title"):
        return str(page.front_matter["title"])
    heading = _HEADING.search(page.text)
    return heading.group(1) if heading else PurePosixPath(path).stem.replace("-", " ").capitalize()


def nav_entries(nav) -> list[NavEntry]:
    """mkdocs.yml's `nav`, page by page in order (nothing when it is missing or malformed)."""
    return list(_walk(nav, ()))


def _walk(items, sections: tuple[str, ...]):
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            yield NavEntry(item, None, sections)
        elif isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, list):
                yield from _walk(value, sections + (str(title),))
            elif isinstance(value, str):
                yield NavEntry(value, str(title), sections)
