"""The render step: validate the handbook once, render the data-driven parts of docs/ and write everything the
engine builds into one folder, so the engine (MkDocs, ProperDocs, whatever follows them) runs no code of ours:

    OUT/mkdocs.yml   the handbook's mkdocs.yml (INHERIT), reading OUT/docs and OUT/overrides, minus our plugin
    OUT/docs/        each page with its macros rendered and its top-level tables each in a block (table_wrap.py),
                     and its sources, freshness and widgets in its front matter;
                     the files the site offers for download that the data makes (the boot camp's calendar)
    OUT/overrides/   the theme overrides, with the bundles and widget files in place of their sources

The pages keep mkdocs-macros' syntax (`{{ checklist("daily-calling") }}`); the step renders them with Jinja set up
as the plugin was. The plugin itself ran inside the engine, once per build on MkDocs, once per page on Zensical,
and needed the engine's page objects; here the data is loaded and checked once whatever the engine, without it.
Edit links still point at the real docs/ and data/ files: a page keeps its path under docs/."""

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import render_cache
from .bundles import asset_files, asset_sources, css_string, widget_file, widgets_in
from .languages import first_language, is_translation, language_name, listed_languages, translated_page
from .mkdocs_yml import SETTINGS_FILE
from .problems import Problem, errors
from .project import DOCS_DIR, Project
from .site_paths import menus, site_path
from .site_settings import SiteSettings, read_site_settings
from .table_wrap import wrap_tables

if TYPE_CHECKING:
    from .page_reading import Page
    from .wiring import PageMacros
    from .words import Words

# The groups of data/strings.yml whose words the theme's templates (overrides/) show: the engine renders those.
THEME_WORDS = ("theme", "menus")
# The plugin entry in mkdocs.yml that the render step takes the place of, left out of the engine's settings.
OUR_PLUGIN = "macros"


@dataclass
class Rendered:
    """What a render made: the problems that stopped it (nothing written), or each rendered page's tags by its URL
    (the search step reads them) and the engine's mkdocs.yml."""

    problems: list[Problem] = field(default_factory=list)
    pages: dict[str, list[str]] = field(default_factory=dict)
    settings_file: Path | None = None
    files: dict[str, str | Path] = field(default_factory=dict)


def render(project: Project, out: Path | None, pdfs: list[str] | None = None, cache: Path | None = None) -> Rendered:
    """Render the handbook at `project` into `out` (see the module's docstring). `pdfs`: the printed documents
    the site will hold, so pages link only to those (None: every one). Writes only files whose content changed and
    removes what no longer belongs, so an engine serving `out` rebuilds only for real changes. With a `cache`
    folder, a render made from exactly the same files and settings is taken from there (macros/render_cache.py);
    `out` None renders into the cache's own folder, which a build's engine reads as it is."""
    settings, problems = read_site_settings(project)
    if settings is None:
        return Rendered(problems)
    made_from = render_cache.key(project.root, settings.settings, pdfs, project.team, project.language, cache) if cache else None
    pages = render_cache.pages(cache, made_from) if cache else None
    if pages is None:
        rendered = _render(project, settings, pdfs, cache)
        if rendered.problems:
            return rendered
        files = {name: content.read_bytes() if isinstance(content, Path) else content.encode("utf-8") for name, content in rendered.files.items()}
        pages = rendered.pages
        if cache:
            render_cache.store(cache, made_from, files, pages)
    elif out:
        files = render_cache.files(cache)
    if out:
        render_cache.write_files(out, files)
    return Rendered(pages=pages, settings_file=(out or render_cache.entry(cache)) / SETTINGS_FILE)


def _render(project: Project, settings: SiteSettings, pdfs: list[str] | None, cache: Path | None) -> Rendered:
    """Validate and render everything: the files to write (text, or a file to copy) by their path under `out`."""
    # Here, so that a build the cache answers loads neither the data layer nor our templates.
    from .calendar_file import calendar_files
    from .freshness import last_changed
    from .inline_markdown import page_url
    from .page_reading import Page
    from .site_files import page_title
    from .handbook import kept_checks
    from .wiring import PageMacros, check_handbook

    with kept_checks(cache / "checked" if cache else None, project.schemas_dir) as keep:
        handbook, problems = check_handbook(project, settings)
        if not errors(problems):
            keep()
    if errors(problems):
        return Rendered(errors(problems))
    for warning in problems:
        print(warning.as_text(), file=sys.stderr)
    rendered = Rendered()
    files = rendered.files
    macros = PageMacros(handbook, settings, pdfs, cache / "templates" if cache else None)
    dates = last_changed(project.root)
    languages = listed_languages(project.data_dir)
    codes = [language.code for language in languages]
    for path in sorted(project.docs_dir.rglob("*")):
        name = path.relative_to(project.docs_dir).as_posix()
        if path.is_dir() or is_translation(name, codes):
            continue
        if path.suffix != ".md":
            files[f"docs/{name}"] = path
            continue
        # The page in the language being built, where it has been translated (charter.de.md), else as written.
        translation = project.language and path.with_name(translated_page(path.name, project.language))
        source = translation if translation and translation.is_file() else path
        page = Page.read(source.read_text(encoding="utf-8-sig"))
        about = PageInfo(page_title(settings.settings.get("nav"), name, page), page_url(name, settings.use_directory_urls), page.front_matter)
        in_its_language = source != path or project.language in (None, codes[0] if codes else None)
        macros.start_page(about.url, in_its_language=in_its_language)
        # A page the language being built has not translated yet says so, and is marked as in the first language.
        first = None if in_its_language else {"code": languages[0].code, "name": language_name(languages[0].code, project.language)}
        files[f"docs/{name}"] = _render_page(page, about, f"{DOCS_DIR}/{source.relative_to(project.docs_dir).as_posix()}", macros, settings, dates, first)
        rendered.pages[about.url] = [str(tag) for tag in page.front_matter.get("tags") or []]
    theme = project.root / "overrides"
    sources = asset_sources()
    for path in sorted(theme.rglob("*")):
        name = path.relative_to(theme).as_posix()
        if path.is_file() and "__pycache__" not in path.parts and not (name.startswith("assets/") and name.removeprefix("assets/") in sources):
            files[f"overrides/{name}"] = path
    files |= {f"overrides/{name}": text for name, text in asset_files(theme / "assets", handbook.words).items()}
    files |= {f"docs/{name}": text for name, text in calendar_files(handbook).items()}
    files["mkdocs.yml"] = _engine_settings(project, settings, handbook.words)
    return rendered


@dataclass(frozen=True)
class PageInfo:
    """What a page's own text may read about it as `page`, as with mkdocs-macros."""

    title: str
    url: str
    meta: Mapping[str, Any]


def _render_page(page: "Page", about: PageInfo, markdown: str, macros: "PageMacros", settings: SiteSettings, dates: dict[str, str], in_first_language: dict[str, str] | None = None) -> str:
    """A page's Markdown with its macros rendered, under front matter saying what the theme shows of it;
    `in_first_language`: the first language's code and name, for a page not translated yet."""
    text = page.text
    if page.renders_macros:
        variables = {**settings.extra, **page.front_matter, "config": settings.settings, "page": about, **macros.macros}
        text = settings.jinja.from_string(page.text).render(variables)
    text = wrap_tables(text)
    files = macros.data_files + [markdown]
    widgets = widgets_in(text)
    changed = max((dates[path] for path in files if path in dates), default=None)
    meta = {
        **page.front_matter,
        # The files the page is made from, each with its edit link (the first is the one a reader's Edit opens),
        # and the latest date any of them changed.
        "sources": [{"path": path, "edit_url": settings.source_links.edit(path)} for path in files],
        "last_changed": changed,
        "widget_scripts": [widget_file(name) for name in widgets],
        "shows_dates": "dates" in widgets,
        "print_footer": _print_footer(settings, about.title, changed, macros.handbook.words),
        **({"in_first_language": in_first_language} if in_first_language else {}),
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=float("inf")) + "---\n" + text


def _print_footer(settings: SiteSettings, title: str, changed: str | None, words: "Words") -> str:
    """The running footer on paper, as a CSS string: the handbook's name, the page's title and when its content
    last changed (the page numbers are _page_numbers'), in the words of the handbook's language."""
    said = changed and str(words.raw("theme.changed")).replace("{date}", changed)
    return str(css_string(f"{settings.site_name} · {title}" + (f" · {said}" if said else "")))


def _page_numbers(words: "Words") -> str:
    """"Page {page} of {pages}" in the handbook's language as a CSS content value: its words as CSS strings,
    the page counters in their places."""
    parts = re.split(r"\{(pages?)\}", str(words.raw("theme.page_of")))
    return " ".join(f"counter({part})" if index % 2 else str(css_string(part)) for index, part in enumerate(parts) if part)


def _engine_settings(project: Project, settings: SiteSettings, words: "Words") -> str:
    """The engine's mkdocs.yml: the handbook's, inherited whole (the engine reads it, `!ENV` and all), reading the
    rendered pages and theme, without our plugin and with nothing to watch (`make serve` watches the sources). With
    the handbook's `words`, extra.words holds the words the theme's own templates show (data/strings.yml's groups
    THEME_WORDS, in the language being built), which they read as config.extra.words.<group>.<key>."""
    theme = settings.settings.get("theme")
    plugins = settings.settings.get("plugins") or []
    engine = {
        "INHERIT": os.path.abspath(project.root / SETTINGS_FILE),
        "docs_dir": "docs",
        "theme": {"custom_dir": "overrides"} if isinstance(theme, dict) else {"name": theme, "custom_dir": "overrides"},
        "plugins": [entry for entry in plugins if entry != OUR_PLUGIN and not (isinstance(entry, dict) and OUR_PLUGIN in entry)],
        "hooks": [],
        "watch": [],
        # For the pages the engine makes itself (404.html): the footer's name alone.
        "extra": {"print_footer": _print_footer(settings, "", None, words), "page_numbers": _page_numbers(words)},
    }
    worded = _theme_words(settings, words)
    engine["theme"] |= worded.pop("theme", {})
    engine |= worded
    # The words the theme's own templates show, in the language being built: config.extra.words.<group>.<key>.
    engine["extra"]["words"] = {group: {key: str(words.raw(f"{group}.{key}")) for key in words.table[group]} for group in THEME_WORDS}
    first = first_language(project.data_dir)
    if project.language and project.language != getattr(first, "code", None):
        # The language's site: the theme in that language, and the navigation's titles translated.
        engine["theme"]["language"] = project.language
        engine["nav"] = settings.settings.get("nav")
        if settings.settings.get("site_description") is not None:
            engine["site_description"] = settings.settings["site_description"]
        engine["extra"]["storage_root"] = "../"
    here = site_path(project.data_dir, project.team, project.language)
    if here and settings.settings.get("site_url"):
        engine["site_url"] = settings.settings["site_url"].rstrip("/") + "/" + here
    # The header's language and team menus (partials/alternate.html).
    engine["extra"] |= menus(project.data_dir, project.team, project.language)
    return yaml.safe_dump(engine, allow_unicode=True, sort_keys=False)


def _theme_words(settings: SiteSettings, words: "Words") -> dict:
    """The engine's settings that put words in pages, from data/strings.yml in the language being built: the dark
    and light mode switch's names and the headings' permanent links' title. Lists are whole in the engine's
    settings (INHERIT merges mappings only), so each is copied from mkdocs.yml with its words replaced."""
    changed = {}
    theme = settings.settings.get("theme")
    palettes = theme.get("palette") if isinstance(theme, dict) else None
    if isinstance(palettes, list):
        switch = {"slate": "theme.to_light_mode", "default": "theme.to_dark_mode"}
        changed["theme"] = {"palette": [
            {**palette, "toggle": {**palette["toggle"], "name": words.plain(switch[palette.get("scheme", "default")])}} if isinstance(palette, dict) and isinstance(palette.get("toggle"), dict) and palette.get("scheme", "default") in switch else palette
            for palette in palettes
        ]}
    extensions = settings.settings.get("markdown_extensions")
    if isinstance(extensions, list):
        changed["markdown_extensions"] = [
            {"toc": {**entry["toc"], "permalink_title": words.plain("theme.permalink")}} if isinstance(entry, dict) and isinstance(entry.get("toc"), dict) else entry
            for entry in extensions
        ]
    return changed
