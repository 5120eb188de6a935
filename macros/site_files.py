"""One version of the site's own files, read to be compared with another: mkdocs.yml and the pages in docs/.

mkdocs.yml is read tolerantly: a tag such as `!ENV` or `!!python/name:` gives the plain value it is written
on, and nothing is looked up or imported, so any version of the file can be read safely.
"""

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

SETTINGS_FILE = "mkdocs.yml"
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*(?:\{:?[^}]*\})?[ \t#]*$", re.MULTILINE)


class _TolerantLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading a value with an unknown tag as if it had none."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_TolerantLoader.add_multi_constructor("", _untagged)


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
        pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8", errors="replace") for path in sorted(docs.rglob("*.md"))}
        return cls(read_settings(root / SETTINGS_FILE), pages, data)

    def navigation(self) -> list[NavEntry]:
        """The navigation's pages and links in order; a page listed without a title is titled from its text."""
        return [NavEntry(entry.target, entry.title or self.title(entry.target), entry.sections) for entry in _walk((self.settings or {}).get("nav"), ())]

    def title(self, page: str) -> str:
        """What the site calls a page: its title in the navigation, else its first `# ` heading, else its file name."""
        for entry in _walk((self.settings or {}).get("nav"), ()):
            if entry.target == page and entry.title:
                return entry.title
        heading = _HEADING.search(_without_front_matter(self.pages.get(page, "")))
        return heading.group(1) if heading else PurePosixPath(page).stem.replace("-", " ").capitalize()

    def jinja_syntax(self) -> dict[str, str]:
        """The delimiters the macros plugin is given (`j2_comment_start_string` …), as Jinja's own option names."""
        for name, options in _plugins((self.settings or {}).get("plugins")):
            if name == "macros" and isinstance(options, dict):
                return {key.removeprefix("j2_"): value for key, value in options.items() if key.startswith("j2_") and key.endswith("_string") and isinstance(value, str) and value}
        return {}


def read_settings(path: Path) -> dict | None:
    """mkdocs.yml's settings, or None when the file is missing or is not a YAML mapping."""
    try:
        value = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return value if isinstance(value, dict) else None


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


def _plugins(plugins) -> list[tuple]:
    """(name, options) for each plugin, whether mkdocs.yml lists them or maps them."""
    if isinstance(plugins, dict):
        return list(plugins.items())
    listed = plugins if isinstance(plugins, list) else []
    return [next(iter(plugin.items())) if isinstance(plugin, dict) and len(plugin) == 1 else (plugin, None) for plugin in listed]


def _without_front_matter(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        return text[end + 4 :] if end != -1 else text
    return text
