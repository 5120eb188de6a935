"""A copy of the example handbook with a little of it in German, as a leader's first steps look: the tools' words
(the example's data/languages/de/strings.yml), the charter's data file translated (one field's words changed),
one page translated beside itself, some of the navigation's titles and the site's description; nothing else, whatever else the example
translates, so the tests of the mechanism do not follow the example's translation. The site tests and the
browser tests build it in English and in German once per session."""

import shutil
from pathlib import Path

import yaml

from macros.mkdocs_yml import read_as_mkdocs
from macros.project import copy_project

LANGUAGE = "de"
# The charter's purpose in German: the one field data/languages/de/charter.yml changes.
PURPOSE_DE = (
    "Ich führe dieses Team, damit jede und jeder von Ihnen in einem Jahr besser verkauft als heute und damit "
    "unsere Kunden es merken würden, wenn wir nicht mehr anrufen."
)
# A page translated beside itself, with no data file of its own, so its edit link opens the translation.
PAGE = "coaching/history.md"
PAGE_DE = """---
tags:
  - Coaching
  - For managers
---

# Verlauf eines Reps

Wie sich ein Rep entwickelt hat, aus den in diesem Browser gespeicherten Antworten.

{{ rep_history() }}
"""
# The site's description (mkdocs.yml's, whatever the handbook says there) in German: shown to search engines.
DESCRIPTION_DE = "Das Handbuch unseres Vertriebsteams, auf Deutsch."
NAVIGATION_DE = {
    "Home": "Start",
    "Team charter": "Team-Charta",
    "Rep history": "Verlauf eines Reps",
    "Prospecting boot camp": "Akquise-Bootcamp",
    "Checklists": "Checklisten",
}


def translate_a_little(project: Path) -> Path:
    """Give the handbook copy at `project` a German charter file, page and navigation titles (see above)."""
    folder = project / "data" / "languages" / LANGUAGE
    for path in folder.glob("*"):
        if path.name != "strings.yml":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    for path in (project / "docs").rglob(f"*.{LANGUAGE}.md"):
        path.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    charter = (project / "data" / "charter.yml").read_text(encoding="utf-8")
    start = charter.index("purpose: >-\n")
    end = charter.index("\nvalues:\n")
    (folder / "charter.yml").write_text(charter[:start] + "purpose: >-\n  " + PURPOSE_DE + charter[end:], encoding="utf-8")
    (project / "docs" / PAGE.replace(".md", f".{LANGUAGE}.md")).write_text(PAGE_DE, encoding="utf-8")
    description = read_as_mkdocs(project)[0]["site_description"]
    (folder / "navigation.yml").write_text(yaml.safe_dump(NAVIGATION_DE | {description: DESCRIPTION_DE}, allow_unicode=True), encoding="utf-8")
    return project


def bilingual_copy(destination: Path) -> Path:
    return translate_a_little(copy_project(destination))
