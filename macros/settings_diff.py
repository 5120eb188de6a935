"""What a change to mkdocs.yml does to the site a reader sees: its name, its navigation, its colours and language.

Plugins, Markdown extensions, addresses and the rest of the file are for engineers and are left out. Pages in
the navigation are matched by the file they open, so a new title reads as renamed and a new section as moved.
"""

from .diff_words import change, short_name
from .site_files import NavEntry, Site

# mkdocs-material's colour schemes, by what a reader calls them.
SCHEMES = {"default": "light", "slate": "dark"}


def settings_changes(before: Site, after: Site) -> list[str]:
    """The summary's lines for mkdocs.yml, in the order a reader meets them."""
    old, new = before.settings or {}, after.settings or {}
    lines = []
    if old.get("site_name") != new.get("site_name"):
        lines.append(f"Changed the site name: {change(old.get('site_name'), new.get('site_name'))}")
    lines += navigation_changes(before.navigation(), after.navigation())
    lines += _colour_changes(_colours(old), _colours(new))
    if _language(old) != _language(new):
        lines.append(f"Changed the site's language: {change(_language(old), _language(new))}")
    return lines


def navigation_changes(old: list[NavEntry], new: list[NavEntry]) -> list[str]:
    """Sections renamed; pages added, removed, renamed and moved; pages put in another order."""
    before = {entry.target: entry for entry in old}
    after = {entry.target: entry for entry in new}
    renamed = _section_renames(old, new)
    lines = [f"Renamed the section '{short_name(source[-1])}' to '{short_name(target[-1])}' in the navigation" for source, target in renamed.items()]
    lines += [f"Added {_page(entry)} to the navigation{_under(entry.sections)}" for entry in after.values() if entry.target not in before]
    lines += [f"Removed {_page(entry)} from the navigation" for entry in before.values() if entry.target not in after]
    kept = []
    for entry in after.values():
        if entry.target not in before:
            continue
        previous = before[entry.target]
        if previous.title != entry.title:
            lines.append(f"Renamed '{short_name(previous.title)}' to '{short_name(entry.title)}' in the navigation ({_address(entry.target)})")
        if _renamed(previous.sections, renamed) != entry.sections:
            lines.append(f"Moved {_page(entry)} in the navigation from {_section(previous.sections)} to {_section(entry.sections)}")
        else:
            kept.append(entry.target)
    if [target for target in before if target in kept] != kept:
        lines.append("Reordered the pages in the navigation")
    return lines


def _section_renames(old: list[NavEntry], new: list[NavEntry]) -> dict[tuple, tuple]:
    """Old section → new section, for a section whose title changed but which kept at least half its pages, in
    the same place."""
    old_sections, new_sections = _sections(old), _sections(new)
    renames: dict[tuple, tuple] = {}
    for section in sorted(old_sections, key=len):
        if _renamed(section, renames) in new_sections:
            continue
        pages = _pages_under(old, section)
        taken = {_renamed(each, renames) for each in old_sections}
        parent = _renamed(section[:-1], renames)
        candidates = [each for each in new_sections if each[:-1] == parent and len(each) == len(section) and each not in taken]
        best = max(candidates, key=lambda each: len(pages & _pages_under(new, each)), default=None)
        if best and 2 * len(pages & _pages_under(new, best)) >= len(pages):
            renames[section] = best
    return renames


def _sections(entries: list[NavEntry]) -> list[tuple]:
    found = []
    for entry in entries:
        for depth in range(1, len(entry.sections) + 1):
            if entry.sections[:depth] not in found:
                found.append(entry.sections[:depth])
    return found


def _pages_under(entries: list[NavEntry], section: tuple) -> set[str]:
    return {entry.target for entry in entries if entry.sections[: len(section)] == section}


def _renamed(section: tuple, renames: dict[tuple, tuple]) -> tuple:
    """Where a section of the old navigation is in the new one, given the sections renamed so far."""
    for depth in range(len(section), 0, -1):
        if section[:depth] in renames:
            return renames[section[:depth]] + section[depth:]
    return section


def _page(entry: NavEntry) -> str:
    return f"'{short_name(entry.title)}' ({_address(entry.target)})"


def _address(target: str) -> str:
    """A page by its file, as a leader finds it in the repository; a link to another site as written."""
    return target if "://" in target or target.startswith("/") else f"docs/{target}"


def _under(sections: tuple) -> str:
    return f" under {_section(sections)}" if sections else ""


def _section(sections: tuple) -> str:
    return " › ".join(short_name(title) for title in sections) if sections else "the top level"


def _colours(settings: dict) -> dict[str, dict]:
    """Each colour scheme's primary and accent colours, by the scheme's name ('light', 'dark')."""
    theme = settings.get("theme")
    palette = theme.get("palette") if isinstance(theme, dict) else None
    schemes = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    colours = {}
    for index, scheme in enumerate(each for each in schemes if isinstance(each, dict)):
        name = SCHEMES.get(scheme.get("scheme"), scheme.get("scheme") or f"scheme {index + 1}")
        colours[str(name)] = {part: scheme.get(part) for part in ("primary", "accent")}
    return colours


def _colour_changes(old: dict[str, dict], new: dict[str, dict]) -> list[str]:
    lines = []
    for name in [*new, *(name for name in old if name not in new)]:
        for part in ("primary", "accent"):
            before, after = old.get(name, {}).get(part), new.get(name, {}).get(part)
            if before != after:
                lines.append(f"Changed the {part} colour of the {name} scheme: {change(before, after)}")
    return lines


def _language(settings: dict):
    theme = settings.get("theme")
    return theme.get("language") if isinstance(theme, dict) else None
