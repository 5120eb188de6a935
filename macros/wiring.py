"""The macros pages call, wired to the validated handbook (mkdocs-macros reaches `define_env` through the
package). No logic lives here."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .handbook import Project, load_handbook
from .problems import DataError, counted
from .rendering import Renderer
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
}


def define_env(env):
    """Called once per build by mkdocs-macros: load and validate the data, then register the macros."""
    try:
        handbook = load_handbook(Project(Path(env.project_dir)))
    except DataError as error:
        raise PluginError(f"The handbook data has {counted(len(error.problems), 'problem')}:\n{error}") from None
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

    for name, (template, stem) in SECTIONS.items():
        env.macro(lambda template=template, stem=stem: show(template, handbook.sources[stem]), name)

    @env.macro
    def checklist(checklist_id: str):
        """An interactive checklist from data/checklists.yml or the boot-camp cadence."""
        if checklist_id not in handbook.checklists:
            raise PluginError(f"unknown checklist '{checklist_id}' (expected one of: {', '.join(handbook.checklists)})")
        found = handbook.checklists[checklist_id]
        return show("checklist.html", found.file, checklist=found)

    @env.macro
    def all_checklists():
        """Every checklist defined in data/checklists.yml, in order."""
        listed = [c for c in handbook.checklists.values() if c.file == handbook.sources["checklists"]]
        return "\n\n".join(show("checklist.html", c.file, checklist=c) for c in listed)

    @env.macro
    def self_assessment(assessment_id: str):
        """A scored self-assessment from data/assessments.yml."""
        if assessment_id not in handbook.assessments:
            raise PluginError(f"unknown self-assessment '{assessment_id}' (expected one of: {', '.join(handbook.assessments)})")
        assessment = handbook.assessments[assessment_id]
        if assessment.debrief:
            note_source(handbook.sources["debriefs"])
        return show("self_assessment.html", handbook.sources["assessments"], assessment=assessment)

    @env.macro
    def role_plays():
        """The role-play scenarios from data/role_plays.yml, each with its rubric from data/assessments.yml."""
        note_source(handbook.sources["assessments"])
        note_source(handbook.sources["debriefs"])
        return show("role_plays.html", handbook.sources["role_plays"])

    @env.macro
    def download(document_id: str):
        """A link to a PDF from data/printing.yml (written into the site by `make pdf`)."""
        documents = {document.id: document for document in handbook.printing.documents}
        if document_id not in documents:
            raise PluginError(f"unknown printed document '{document_id}' (expected one of: {', '.join(documents)})")
        return show("download.html", None, document=documents[document_id])
