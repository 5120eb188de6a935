"""The lists of the handbook that a page's own words may count or name ("the six levels", the checklists on
the home page), so that a page says what the data holds instead of restating it and going stale."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from .model import Handbook, PrintDocument


@dataclass(frozen=True)
class Mention:
    """One item as a page names it: its id, its title, and where it is shown (a key of rendering.PAGES and
    the item's anchor there; no page for items that have no place of their own)."""

    id: str
    title: str
    page: str | None = None
    anchor: str | None = None


# What a page may ask for, in a leader's words → the items, in the order the data gives them.
LISTS: dict[str, Callable[[Handbook], list[Mention]]] = {
    "levels": lambda handbook: [Mention(level.id, level.name, "levels", level.id) for level in handbook.ladder.levels],
    "boot camp steps": lambda handbook: [Mention(step.id, step.name, "bootcamp", step.id) for step in handbook.bootcamp.steps],
    "boot camp weeks": lambda handbook: [Mention(week.id, week.name, "bootcamp", week.id) for week in handbook.bootcamp.schedule],
    "checklists": lambda handbook: [
        Mention(found.id, found.title, "checklists", f"checklist-{found.id}")
        for found in handbook.checklists.values()
        if found.file == handbook.sources["checklists"]
    ],
    "self-assessments": lambda handbook: [
        Mention(form.id, form.title, *(("which_level", None) if form.has_own_page else ("self_assessments", form.id))) for form in handbook.self_assessments
    ],
    "debriefs": lambda handbook: [Mention(debrief.id, debrief.title, "debriefs", f"debrief-{debrief.id}") for debrief in handbook.debriefs.debriefs],
    "ramp milestones": lambda handbook: [Mention(milestone.id, milestone.name, "ramp", milestone.id) for milestone in handbook.ramp.milestones],
    "question stages": lambda handbook: [Mention(stage.id, stage.name, "questions", f"stage-{stage.id}") for stage in handbook.questions.stages],
    "question situations": lambda handbook: [
        Mention(situation.id, situation.name, "questions_by_situation", f"situation-{situation.id}") for situation in handbook.questions.situations
    ],
    "modes": lambda handbook: [Mention(mode.id, mode.name, "dilemma", mode.id) for mode in handbook.dilemma.modes],
    "funnel stages": lambda handbook: [Mention(stage.id, stage.name) for stage in handbook.bootcamp.activity_planner.stages],
}

def printed_parts(document: PrintDocument, nav_titles: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """(title, page, section) for each part of a printed document: the title data/printing.yml gives it, or
    else the page's title in the navigation, or else the one MkDocs makes from the file name."""
    return [
        (printed.title or nav_titles.get(printed.page) or _title_from_file(printed.page), printed.page, printed.section)
        for printed in document.pages
    ]


def _title_from_file(page: str) -> str:
    return PurePosixPath(page).stem.replace("-", " ").replace("_", " ").capitalize()
