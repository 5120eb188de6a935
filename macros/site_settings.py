"""What mkdocs.yml says that rendering the pages needs, read as the engine reads it (`!ENV` looked up): the site's
name, its addresses, where its files are edited, the navigation's page titles, and the names its `extra` section
gives every page. The render step and the page check read mkdocs.yml only here."""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jinja2 import Environment

from .languages import first_language, navigation_titles, translated_nav
from .project import Project
from .mkdocs_yml import read_as_mkdocs
from .page_reading import jinja_environment
from .problems import Problem
from .site_files import nav_entries
from .source_links import SourceLinks


@dataclass(frozen=True)
class SiteSettings:
    settings: Mapping[str, Any]

    @cached_property
    def jinja(self) -> Environment:
        return jinja_environment()

    @property
    def extra(self) -> Mapping[str, Any]:
        return self.settings.get("extra") or {}

    @property
    def extra_names(self) -> frozenset[str]:
        return frozenset(self.extra)

    @property
    def site_name(self) -> str:
        return str(self.settings.get("site_name") or "")

    @property
    def use_directory_urls(self) -> bool:
        return self.settings.get("use_directory_urls", True) is not False

    @property
    def source_links(self) -> SourceLinks:
        return SourceLinks(self.settings.get("repo_url"), self.settings.get("edit_uri"))

    @cached_property
    def nav_titles(self) -> dict[str, str]:
        """The pages the navigation lists with a title, by their path under docs/."""
        return {entry.target: entry.title for entry in nav_entries(self.settings.get("nav")) if entry.title}


def read_site_settings(project: Project) -> tuple[SiteSettings | None, list[Problem]]:
    """From mkdocs.yml, read as the engine reads it; a file it cannot read is a located problem and no settings. For
    a project in another language than the handbook's first, the theme speaks it and the navigation's titles and
    the site's description are its own (macros/languages.py), as its site has them."""
    settings, problems = read_as_mkdocs(project.root)
    if settings is not None and project.language and project.language != getattr(first_language(project.data_dir), "code", None):
        titles = navigation_titles(project.data_dir, project.language)
        theme = settings.get("theme")
        description = settings.get("site_description")
        settings = {
            **settings,
            "site_description": titles.get(str(description), description) if description is not None else None,
            "nav": translated_nav(settings.get("nav"), titles),
            "theme": {**(theme if isinstance(theme, dict) else {"name": theme}), "language": project.language},
        }
    return (None if settings is None else SiteSettings(settings)), problems
