"""The mkdocs-macros module: wires the validated handbook to the macros pages call. No logic lives here."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .handbook import Project, load_handbook
from .problems import DataError
from .rendering import Renderer

# Macro name → template; each renders one part of the handbook from the model.
SECTIONS = {
    "charter": "charter.html",
    "levels": "levels.html",
    "questions_by_stage": "questions_by_stage.html",
    "questions_by_situation": "questions_by_situation.html",
    "dilemma": "dilemma.html",
    "coaching": "coaching.html",
    "bootcamp_steps": "bootcamp_steps.html",
    "bootcamp_schedule": "bootcamp_schedule.html",
    "activity_targets": "activity_targets.html",
    "provoked_luck": "provoked_luck.html",
    "onboarding": "onboarding.html",
    "decision_helper": "decision_helper.html",
    "question_explorer": "question_explorer.html",
    "activity_planner": "activity_planner.html",
}


def define_env(env):
    """Called once per build by mkdocs-macros: load and validate the data, then register the macros."""
    try:
        handbook = load_handbook(Project(Path(env.project_dir)))
    except DataError as error:
        raise PluginError(f"The handbook data has {len(error.problems)} problem(s):\n{error}") from None
    renderer = Renderer(env.conf["use_directory_urls"])

    def show(template: str, **context):
        return renderer.render(template, env.page.url, handbook=handbook, **context)

    for name, template in SECTIONS.items():
        env.macro(lambda template=template: show(template), name)

    @env.macro
    def checklist(checklist_id: str):
        """An interactive checklist from data/checklists.yml or the boot-camp cadence."""
        if checklist_id not in handbook.checklists:
            raise PluginError(f"unknown checklist '{checklist_id}' (expected one of: {', '.join(handbook.checklists)})")
        return show("checklist.html", checklist=handbook.checklists[checklist_id])

    @env.macro
    def all_checklists():
        """Every checklist defined in data/checklists.yml, in order."""
        listed = [c for c in handbook.checklists.values() if c.file == handbook.sources["checklists"]]
        return "\n\n".join(show("checklist.html", checklist=c) for c in listed)

    @env.macro
    def self_assessment(assessment_id: str):
        """A scored self-assessment from data/assessments.yml."""
        if assessment_id not in handbook.assessments:
            raise PluginError(f"unknown self-assessment '{assessment_id}' (expected one of: {', '.join(handbook.assessments)})")
        return show("self_assessment.html", assessment=handbook.assessments[assessment_id])

    @env.macro
    def all_assessments():
        """Every self-assessment in data/assessments.yml, each under its own heading."""
        return show("all_assessments.html")

    @env.macro
    def download(document_id: str):
        """A link to a PDF from data/printing.yml (written into the site by `make pdf`)."""
        documents = {document.id: document for document in handbook.printing.documents}
        if document_id not in documents:
            raise PluginError(f"unknown printed document '{document_id}' (expected one of: {', '.join(documents)})")
        return show("download.html", document=documents[document_id])
