"""What a change does to the handbook's pages (docs/**/*.md): pages added and removed, tools placed in a page or
taken out of it, and a page's own text edited.

A tool is a macro call, found in the page as the render step reads it (macros/page_reading.py), and named as a
reader knows it: a checklist by its title in the data, a section by what it shows.
"""

from jinja2 import TemplateSyntaxError

from .crossrefs import select
from .diff_words import only_in, short_name
from .model import CADENCE_CHECKLISTS
from .page_reading import MacroCall, Page, calls, parts
from .site_files import Site

# Tools that show one item of the data, given its id: macro → (how the item is named, file stem, where its list is).
ONE_ITEM_TOOLS = {
    "checklist": ("the checklist '{}'", "checklists", ("checklists", "*")),
    "self_assessment": ("the self-assessment '{}'", "assessments", ("assessments", "*")),
    "download": ("the download link for the PDF '{}'", "printing", ("documents", "*")),
    "printed_contents": ("the contents of the PDF '{}'", "printing", ("documents", "*")),
}
# The boot camp's checklists are made from its cadence, not listed in data/checklists.yml.
BUILT_IN_TITLES = {"checklist": {checklist_id: title for checklist_id, (_, _, title, _) in CADENCE_CHECKLISTS.items()}}

# Tools that show a whole part of the handbook, by what a reader calls it.
TOOLS = {
    "charter": "the team charter",
    "levels": "the levels of a sales professional",
    "questions_by_stage": "the question bank by stage",
    "questions_by_situation": "the questions by situation",
    "dilemma": "the coach, push or step back guide",
    "coaching": "the coaching vs managing comparison",
    "bootcamp_steps": "the boot camp's steps",
    "calling_blocks": "the calling-block rules",
    "bootcamp_schedule": "the boot camp's schedule",
    "bootcamp_calendar": "the boot camp's calendar file",
    "activity_targets": "the activity targets",
    "provoked_luck": "the provoked-luck research",
    "onboarding": "the onboarding plan",
    "decision_helper": "the decision helper",
    "question_explorer": "the question explorer",
    "activity_planner": "the activity planner",
    "all_assessments": "every self-assessment",
    "deal_review": "the deal review",
    "ramp_plan": "the ramp plan",
    "objections": "the objection guide",
    "when_coaching_stalls": "the path for when coaching isn't working",
    "debriefs": "the debrief templates",
    "glossary": "the glossary",
    "coaching_rhythm": "the coaching rhythm",
    "one_to_one": "the 1:1 agenda",
    "rhythm_summary": "the summary of meetings with your manager",
    "plan_one_to_one": "the 1:1 planner",
    "all_checklists": "every checklist",
    "role_plays": "the role-play scenarios",
    "site_name": "the site's name",
    "workspace": "the reps and saved answers (export, import, delete)",
    "rep_history": "the rep history charts",
    "team_view": "the team view",
}
# A page's words about one of the handbook's lists (macros/mentions.py), given the list's name.
LIST_WORDS = {"how_many": "the count of the {}", "list_of": "the list of the {}", "ids_of": "the ids of the {}"}


def page_changes(before: Site, after: Site) -> list[str]:
    """The summary's lines for the pages, page by page in the order of their files."""
    lines = []
    for page in sorted(before.pages.keys() | after.pages.keys()):
        old, new = before.pages.get(page), after.pages.get(page)
        if old is None:
            lines.append(_added_page(page, after))
        elif new is None:
            lines.append(f"Removed the page {_where(before, page)}")
        elif old != new:
            lines += _tool_changes(page, before, after, old, new)
    return lines


def _added_page(page: str, site: Site) -> str:
    """'Added the page 'Glossary' (docs/glossary.md), showing the glossary'."""
    where, read = _where(site, page), Page.read(site.pages[page])
    try:
        shown = [tool(call, site) for call in calls(read, site.jinja)]
    except TemplateSyntaxError as error:
        return f"Added the page {where}{_unreadable(read, error)}"
    return f"Added the page {where}" + (f", showing {_listed(shown)}" if shown else "")


def _tool_changes(page: str, before: Site, after: Site, old: str, new: str) -> list[str]:
    """Tools placed and removed; then whether the page's own text (or its front matter) changed or, if not, its
    tools were moved."""
    where, old_page, new_page = _where(after, page), Page.read(old), Page.read(new)
    try:
        new_parts = parts(new_page, after.jinja)
    except TemplateSyntaxError as error:
        return [f"Edited {where}{_unreadable(new_page, error)}"]
    try:
        old_parts = parts(old_page, before.jinja)
    except TemplateSyntaxError:
        return [f"Edited {where}; its tools are not listed, as its `{{{{ … }}}}` could not be read before this change"]
    placed = only_in(_calls(new_parts), _calls(old_parts), _key)
    removed = only_in(_calls(old_parts), _calls(new_parts), _key)
    lines = [f"Placed {tool(call, after)} on {where}" for call in placed]
    lines += [f"Removed {tool(call, before)} from {where}" for call in removed]
    if _words(old_parts) != _words(new_parts) or old_page.front_matter != new_page.front_matter:
        lines.append(f"Edited the text of {where}")
    elif _layout(old_parts, removed) != _layout(new_parts, placed):
        lines.append(f"Rearranged the tools on {where}")
    return lines


def _calls(page: list[str | MacroCall]) -> list[MacroCall]:
    return [part for part in page if isinstance(part, MacroCall)]


def _words(page: list[str | MacroCall]) -> list[str]:
    """The page's own text as a reader reads it: line breaks and runs of spaces make no difference."""
    return [word for part in page if isinstance(part, str) for word in part.split()]


def _layout(page: list[str | MacroCall], leaving_out: list[MacroCall]) -> list:
    """The page's words with its calls in their places, but for the calls `leaving_out`."""
    left_out = {id(call) for call in leaving_out}
    layout: list = []
    for part in page:
        if isinstance(part, str):
            layout += part.split()
        elif id(part) not in left_out:
            layout.append(_key(part))
    return layout


def tool(call: MacroCall, site: Site) -> str:
    """A tool as a reader knows it: 'the checklist 'First customer call'', 'the glossary'; a call of a macro the
    handbook does not have as written."""
    arguments = [*call.args, *call.kwargs.values()]
    if call.name in ONE_ITEM_TOOLS and len(arguments) == 1:
        named, stem, pattern = ONE_ITEM_TOOLS[call.name]
        return named.format(_item_title(site, call.name, stem, pattern, arguments[0]))
    if call.name in TOOLS and not arguments:
        return TOOLS[call.name]
    if call.name in LIST_WORDS and len(arguments) == 1:
        return LIST_WORDS[call.name].format(arguments[0])
    shown = ", ".join([*map(repr, call.args), *(f"{key}={item!r}" for key, item in call.kwargs.items())])
    return f"`{call.name}({shown})`"


def _item_title(site: Site, macro: str, stem: str, pattern: tuple, item_id) -> str:
    for _, item in select(site.data.get(stem), pattern):
        if isinstance(item, dict) and item.get("id") == item_id and isinstance(item.get("title"), str):
            return short_name(item["title"])
    return short_name(BUILT_IN_TITLES.get(macro, {}).get(item_id, str(item_id)))


def _key(call: MacroCall) -> tuple:
    return call.name, repr(call.args), repr(sorted(call.kwargs.items()))


def _unreadable(page: Page, error: TemplateSyntaxError) -> str:
    return f"; its tools are not listed, as its `{{{{ … }}}}` on line {page.file_line(error.lineno)} cannot be read ({error.message})"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _where(site: Site, page: str) -> str:
    return f"'{short_name(site.title(page))}' (docs/{page})"
