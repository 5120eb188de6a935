"""One version of the site's own files, read to be compared with another: mkdocs.yml (read tolerantly, so any
version of it can be read) and the pages in docs/."""

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from jinja2 import Environment
from mkdocs.exceptions import ConfigurationError

from .mkdocs_yml import SETTINGS_FILE, TolerantLoader, load_settings, plugin_options
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
        return [NavEntry(entry.target, entry.title or self.title(entry.target), entry.sections) for entry in _walk((self.settings or {}).get("nav"), ())]

    def title(self, page: str) -> str:
        """What the site calls a page: its title in the navigation, else its first `# ` heading, else its file name."""
        for entry in _walk((self.settings or {}).get("nav"), ()):
            if entry.target == page and entry.title:
                return entry.title
        heading = _HEADING.search(Page.read(self.pages.get(page, "")).text)
        return heading.group(1) if heading else PurePosixPath(page).stem.replace("-", " ").capitalize()

    @cached_property
    def jinja(self) -> Environment:
        """Jinja as the macros plugin of this version of mkdocs.yml makes it for pages."""
        return jinja_environment(plugin_options(self.settings or {}, "macros"))


def _read_settings(path: Path) -> dict | None:
    """mkdocs.yml's settings, or None when the file is missing, cannot be read or holds no mapping."""
    try:
        return load_settings(path, TolerantLoader)
    except (OSError, UnicodeDecodeError, ConfigurationError):
        return None


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
