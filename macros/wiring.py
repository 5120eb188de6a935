"""The macros pages call, wired to the validated handbook (the render step renders pages with them), and the
one check of data and pages that the render step and `python -m macros validate` share. No logic lives here."""

from collections.abc import Callable, Collection
from pathlib import Path

from markupsafe import Markup

from .calling_times import check_blocks_hold_the_targets
from .handbook import language_of, validate
from .languages import stray_translations, title_places
from .project import DATA_DIR, DOCS_DIR, Project
from .inline_markdown import shown_as_typed
from .mentions import LISTS, printed_parts
from .model import Handbook, build_handbook, in_words
from .page_check import IdArgument, PageRules, check_pages
from .problems import Problem, errors, first_per_file
from .rendering import Renderer
from .site_settings import SiteSettings
from .stale_words import check_page_words, decided_in_data

# Macro name → (template, the data file it shows, by stem); each renders one part of the handbook.
SECTIONS = {
    "charter": ("charter.html", "charter"),
    "levels": ("levels.html", "levels"),
    "questions_by_stage": ("questions_by_stage.html", "coaching_questions"),
    "questions_by_situation": ("questions_by_situation.html", "coaching_questions"),
    "dilemma": ("dilemma.html", "dilemma"),
    "coaching": ("coaching.html", "coaching"),
    "bootcamp_steps": ("bootcamp_steps.html", "bootcamp"),
    "calling_blocks": ("calling_blocks.html", "bootcamp"),
    "bootcamp_schedule": ("bootcamp_schedule.html", "bootcamp"),
    "bootcamp_calendar": ("bootcamp_calendar.html", "bootcamp"),
    "activity_targets": ("activity_targets.html", "bootcamp"),
    "provoked_luck": ("provoked_luck.html", "bootcamp"),
    "onboarding": ("onboarding.html", "onboarding"),
    "decision_helper": ("decision_helper.html", "dilemma"),
    "question_explorer": ("question_explorer.html", "coaching_questions"),
    "activity_planner": ("activity_planner.html", "bootcamp"),
    "all_assessments": ("all_assessments.html", "assessments"),
    "deal_review": ("deal_review.html", "deal_review"),
    "ramp_plan": ("ramp_plan.html", "ramp"),
    "objections": ("objections.html", "objections"),
    "when_coaching_stalls": ("when_coaching_stalls.html", "when_coaching_stalls"),
    "debriefs": ("debriefs.html", "debriefs"),
    "glossary": ("glossary.html", "glossary"),
    "coaching_rhythm": ("rhythm.html", "rhythm"),
    "one_to_one": ("one_to_one.html", "rhythm"),
    "rhythm_summary": ("rhythm_summary.html", "rhythm"),
    "plan_one_to_one": ("plan_one_to_one.html", "rhythm"),
}


# Macro → what its one argument names: pages are checked against these ids before any page is built.
ID_ARGUMENTS = {
    "checklist": IdArgument("checklist", lambda handbook: handbook.checklists),
    "self_assessment": IdArgument("self-assessment", lambda handbook: handbook.assessments),
    "download": IdArgument("printed document", lambda handbook: {document.id: document for document in handbook.printing.documents}),
    "printed_contents": IdArgument("printed document", lambda handbook: {document.id: document for document in handbook.printing.documents}),
    "how_many": IdArgument("list of the handbook", lambda handbook: LISTS),
    "list_of": IdArgument("list of the handbook", lambda handbook: LISTS),
    "ids_of": IdArgument("list of the handbook", lambda handbook: LISTS),
}


def check_handbook(project: Project, settings: SiteSettings | None) -> tuple[Handbook | None, list[Problem]]:
    """The handbook (None while its data has problems) and every problem in its data and, given mkdocs.yml's
    settings, in its pages' macros, sorted, with the warnings about a translation out of step with its file (which
    do not stop the build): the build and `validate` both start here, so they report the same."""
    documents, problems = validate(project)
    handbook = None if errors(problems) else build_handbook(documents, language_of(project))
    if handbook is not None:  # a rule on what the data works out to, not on what it says
        problems += check_blocks_hold_the_targets(handbook.bootcamp, documents["bootcamp"])
    if settings is not None:
        problems += first_per_file(check_pages(project.docs_dir, PageRules(settings, every_macro(handbook), ID_ARGUMENTS, handbook)))
        titles = title_places(project.root, project.data_dir, project.language, DATA_DIR)
        problems += first_per_file(check_page_words(project.docs_dir, DOCS_DIR, decided_in_data(documents), titles))
    problems += stray_translations(project.docs_dir, project.data_dir)
    return handbook, sorted(problems)


class PageMacros:
    """Our macros bound to the validated handbook and mkdocs.yml's settings, rendering into one page at a time:
    each notes the data files it shows, which become the page's sources (its edit link and freshness date).
    `pdfs`: the printed documents the site will hold, so pages link only to those (None: every one); `cache`: where
    the templates are kept compiled between builds."""

    def __init__(self, handbook: Handbook, settings: SiteSettings, pdfs: Collection[str] | None = None, cache: Path | None = None):
        self.settings = settings
        self.handbook = handbook
        self.renderer = Renderer(settings.use_directory_urls, settings.source_links, handbook.glossary.terms, cache)
        self.page_url = ""
        self.data_files: list[str] = []
        self.in_its_language = True
        self.macros = every_macro(handbook, self, pdfs)

    def start_page(self, url: str, in_its_language: bool = True) -> None:
        """`in_its_language`: False for a page the language being built has not translated yet, whose own words
        (a count in a heading: "The five steps") stay in the first language around the tools in this one."""
        self.page_url = url
        self.data_files = []
        self.in_its_language = in_its_language

    def note_source(self, data_file: str) -> None:
        # A team's file that changes this one comes first: its Edit link opens what that team's leader edits.
        for file in filter(None, (self.handbook.team_sources.get(data_file), data_file)):
            if file not in self.data_files:
                self.data_files.append(file)

    def show(self, template: str, data_file: str | None, **context) -> Markup:
        """Render a template into the current page, noting the data file it shows."""
        if data_file:
            self.note_source(data_file)
        return self.renderer.render(template, self.page_url, handbook=self.handbook, **context)

    def inline(self, template: str, **context) -> Markup:
        """Render a template into the current page's running text, noting no source: a page's own words
        about the data keep the page's edit link with what it shows."""
        return self.renderer.render_inline(template, self.page_url, handbook=self.handbook, **context)


def every_macro(handbook: Handbook | None, page: PageMacros | None = None, pdfs: Collection[str] | None = None) -> dict[str, Callable]:
    """Every macro a page can call, by name: the render step calls these and the page check reads their names
    and parameters (given only the handbook)."""

    def pdf_in_site(document_id: str) -> bool:
        return pdfs is None or document_id in pdfs

    return page_macros(handbook, page, pdf_in_site) | page_words(handbook, page, pdf_in_site)


def page_macros(handbook: Handbook | None, page: PageMacros | None, pdf_in_site: Callable[[str], bool]) -> dict[str, Callable]:
    """Every macro that places a tool or a part of the handbook in a page, by name: each looks up the model and
    hands it to a template. The page check reads only their names and parameters (with `page_words`), so it
    passes no page (and no handbook while the data has problems)."""
    show = page and page.show
    note_source = page and page.note_source

    def section(template: str, stem: str):
        """A macro with no arguments that shows one part of the handbook (a page can pass it none)."""
        return lambda: show(template, handbook.sources[stem])

    macros = {name: section(template, stem) for name, (template, stem) in SECTIONS.items()}

    def checklist(checklist_id: str):
        """An interactive checklist from data/checklists.yml or the boot-camp cadence."""
        found = ID_ARGUMENTS["checklist"].items(handbook)[checklist_id]
        return show("checklist.html", found.file, checklist=found)

    def all_checklists():
        """Every checklist defined in data/checklists.yml, in order."""
        listed = [c for c in handbook.checklists.values() if c.file == handbook.sources["checklists"]]
        return "\n\n".join(show("checklist.html", c.file, checklist=c) for c in listed)

    def self_assessment(assessment_id: str):
        """A scored self-assessment from data/assessments.yml."""
        assessment = ID_ARGUMENTS["self_assessment"].items(handbook)[assessment_id]
        if assessment.debrief:
            note_source(handbook.sources["debriefs"])
        return show("self_assessment.html", handbook.sources["assessments"], assessment=assessment)

    def role_plays():
        """The role-play scenarios from data/role_plays.yml, each with its rubric from data/assessments.yml."""
        note_source(handbook.sources["assessments"])
        note_source(handbook.sources["debriefs"])
        return show("role_plays.html", handbook.sources["role_plays"])

    def workspace():
        """The reader's reps and saved answers: where they live, export, import and delete."""
        return show("workspace.html", None)

    def rep_history():
        """One rep's history drawn from this browser's records: level results, coaching checks, boot-camp checklists."""
        return show("rep_history.html", None)

    def team_view():
        """The team side by side from this browser's reps or exported files: heat map, levels, coaching checks, last 1:1s, commitments."""
        note_source(handbook.sources["rhythm"])
        return show("team_view.html", handbook.sources["levels"])

    def download(document_id: str):
        """A link to a PDF from data/printing.yml, when the site being built holds it (macros/site_build.py)."""
        document = ID_ARGUMENTS["download"].items(handbook)[document_id]
        return show("download.html", None, document=document) if pdf_in_site(document_id) else ""

    return macros | {macro.__name__: macro for macro in (checklist, all_checklists, self_assessment, role_plays, workspace, rep_history, team_view, download)}


def page_words(handbook: Handbook | None, page: PageMacros | None, pdf_in_site: Callable[[str], bool]) -> dict[str, Callable]:
    """The macros for a page's own words about the data (its site name, how many levels, the checklists'
    titles), so a page says what the data holds instead of restating it and going stale."""

    def site_name():
        """The site's name from mkdocs.yml, shown as typed, as the header shows it: the home heading follows it."""
        return shown_as_typed(page.settings.site_name)

    def how_many(what: str):
        """How many items one of the handbook's lists holds, in words up to nine ("six"), in the handbook's language."""
        return in_words(len(LISTS[what](handbook)), handbook.words if page.in_its_language else None)

    def list_of(what: str):
        """The titles of one of the handbook's lists, each linked to where it is shown."""
        return page.inline("list_of.html", items=LISTS[what](handbook))

    def ids_of(what: str):
        """The ids of one of the handbook's lists, for the pages that tell an editor which they may write."""
        return page.inline("ids_of.html", items=LISTS[what](handbook))

    def printed_contents(document_id: str):
        """What a document from data/printing.yml holds, part by part, linked to the pages it prints; nothing
        when the site being built has no PDF of it to offer."""
        document = ID_ARGUMENTS["printed_contents"].items(handbook)[document_id]
        if not pdf_in_site(document_id):
            return ""
        return page.show("printed_contents.html", None, document=document, parts=printed_parts(document, page.settings.nav_titles))

    return {macro.__name__: macro for macro in (site_name, how_many, list_of, ids_of, printed_contents)}
