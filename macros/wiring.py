"""The macros pages call, wired to the validated handbook (mkdocs-macros reaches `define_env` through the
package), and the one check of data and pages that the build and `python -m macros validate` share. No logic
lives here."""

from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

from .handbook import Project, validate
from .inline_markdown import shown_as_typed
from .mentions import LISTS, printed_parts
from .model import Handbook, build_handbook, in_words
from .page_check import IdArgument, PageRules, SiteSettings, check_pages
from .problems import Problem, counted, first_per_file
from .rendering import Renderer
from .site_build import pdf_in_site
from .source_links import SourceLinks

# Macro name → (template, the data file it shows, by stem); each renders one part of the handbook.
SECTIONS = {
    "charter": ("charter.html", "charter"),
    "levels": ("levels.html", "levels"),
    "questions_by_stage": ("questions_by_stage.html", "coaching_questions"),
    "questions_by_situation": ("questions_by_situation.html", "coaching_questions"),
    "dilemma": ("dilemma.html", "dilemma"),
    "coaching": ("coaching.html", "coaching"),
    "bootcamp_steps": ("bootcamp_steps.html", "bootcamp"),
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
    settings, in its pages' macros, sorted: the build and `validate` both start here, so they report the same."""
    documents, problems = validate(project)
    handbook = None if problems else build_handbook(documents)
    if settings is not None:
        problems += first_per_file(check_pages(project.docs_dir, PageRules(settings, every_macro(handbook), ID_ARGUMENTS, handbook)))
    return handbook, sorted(problems)


def define_env(env):
    """Called once per build by mkdocs-macros: check the data and every page's macros, then register the macros."""
    handbook, problems = check_handbook(Project(Path(env.project_dir)), SiteSettings.of_plugin(env))
    if problems:
        raise PluginError(f"The handbook has {counted(len(problems), 'problem')}:\n" + "\n".join(problem.as_text() for problem in problems))
    renderer = Renderer(env.conf["use_directory_urls"], SourceLinks(env.conf["repo_url"], env.conf["edit_uri"]), handbook.glossary.terms)

    def note_source(data_file: str):
        """Note a data file the current page shows: the page's edit link and freshness date come from the
        files it is made from (see theme_hook)."""
        used = env.page.meta.setdefault("data_files", [])
        if data_file not in used:
            used.append(data_file)

    def show(template: str, data_file: str | None, **context):
        """Render a template into the current page, noting the data file it shows."""
        if data_file:
            note_source(data_file)
        return renderer.render(template, env.page.url, handbook=handbook, **context)

    def inline(template: str, **context):
        """Render a template into the current page's running text, noting no source: a page's own words
        about the data keep the page's edit link with what it shows."""
        return renderer.render_inline(template, env.page.url, **context)

    for name, macro in every_macro(handbook, env, show, note_source, inline).items():
        env.macro(macro, name)


def every_macro(handbook: Handbook | None, env=None, show=None, note_source=None, inline=None) -> dict[str, Callable]:
    """Every macro a page can call, by name: the build registers these and the page check reads their names
    and parameters (given only the handbook)."""
    return page_macros(handbook, show, note_source) | page_words(handbook, env, show, inline)


def page_macros(handbook: Handbook | None, show: Callable | None = None, note_source: Callable | None = None) -> dict[str, Callable]:
    """Every macro that places a tool or a part of the handbook in a page, by name: each looks up the model and
    hands it to a template. The page check reads only their names and parameters (with `page_words`), so it
    passes nothing to show (and no handbook while the data has problems)."""

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


def page_words(handbook: Handbook | None, env=None, show: Callable | None = None, inline: Callable | None = None) -> dict[str, Callable]:
    """The macros for a page's own words about the data (its site name, how many levels, the checklists'
    titles), so a page says what the data holds instead of restating it and going stale."""

    def site_name():
        """The site's name from mkdocs.yml, shown as typed, as the header shows it: the home heading follows it."""
        return shown_as_typed(env.conf["site_name"])

    def how_many(what: str):
        """How many items one of the handbook's lists holds, in words up to nine ("six")."""
        return in_words(len(LISTS[what](handbook)))

    def list_of(what: str):
        """The titles of one of the handbook's lists, each linked to where it is shown."""
        return inline("list_of.html", items=LISTS[what](handbook))

    def ids_of(what: str):
        """The ids of one of the handbook's lists, for the pages that tell an editor which they may write."""
        return inline("ids_of.html", items=LISTS[what](handbook))

    def printed_contents(document_id: str):
        """What a document from data/printing.yml holds, part by part, linked to the pages it prints; nothing
        when the site being built has no PDF of it to offer."""
        document = ID_ARGUMENTS["printed_contents"].items(handbook)[document_id]
        if not pdf_in_site(document_id):
            return ""
        nav_titles = {page.file.src_uri: page.title for page in env.variables["navigation"].pages if page.title}
        return show("printed_contents.html", None, document=document, parts=printed_parts(document, nav_titles))

    return {macro.__name__: macro for macro in (site_name, how_many, list_of, ids_of, printed_contents)}
