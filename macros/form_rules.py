"""Rules for the coaching forms that a schema cannot express: a form's sections and what sits in them, and
the rubrics role-plays score with. Ids that simply point into another file (a role-play's boot-camp week, a
debrief's stages and situations) are checked with the other references in crossrefs.py."""

from .loading import LocatedData
from .model import fresh_each_day
from .problems import Problem, quoted

RUBRIC = "rubric"


def check_forms(documents: dict[str, LocatedData]) -> list[Problem]:
    """`documents` holds only files that passed their schema, keyed by file stem."""
    assessments, role_plays = documents.get("assessments"), documents.get("role_plays")
    problems = []
    if assessments:
        for index, assessment in enumerate(assessments.value["assessments"]):
            problems += _sections(assessments, ("assessments", index), assessment)
            problems += _stays_open(assessments, ("assessments", index), assessment)
            problems += _note_kinds(assessments, ("assessments", index), assessment)
    if role_plays and assessments:
        problems += _rubrics(role_plays, assessments)
    return problems


def _stays_open(document: LocatedData, path: tuple, assessment: dict) -> list[Problem]:
    """Only a form filled in each time opens a new one on a new day, so only such a form can stay open longer; and
    a section rated the next day needs the form to stay open until then."""
    if "stays_open_days" in assessment and not fresh_each_day(assessment.get("kind", "self-assessment"), assessment.get("each_time", False)):
        return [document.problem(path + ("stays_open_days",), "'stays_open_days' only applies to a form filled in each time (an observation, a rubric, or one with each_time: true); this self-assessment always opens its latest answers, so remove it", at_key=True)]
    if "stays_open_days" not in assessment:
        return [document.problem(path + ("sections", index, "rated_the_next_day"), "a section rated the next day needs the form to open the same meeting again then: give the form 'stays_open_days' (1 or more), or remove 'rated_the_next_day'", at_key=True)
                for index, section in enumerate(assessment.get("sections", [])) if section.get("rated_the_next_day")]
    return []


def _note_kinds(document: LocatedData, path: tuple, assessment: dict) -> list[Problem]:
    """The rep picker names the rep only on a form filled in for reps, and the day field dates a record only on a
    form about one meeting; one note of each kind, or the form would have two answers to whose and when."""
    problems = []
    seen = set()
    for index, note in enumerate(assessment.get("notes", [])):
        kind = note.get("kind")
        where = path + ("notes", index, "kind")
        if kind is None:
            continue
        if kind in seen:
            problems.append(document.problem(where, f"a second note of kind {quoted(kind)}: a form has at most one; remove 'kind' from one of them"))
        seen.add(kind)
        if note.get("lines", 1) != 1:
            problems.append(document.problem(path + ("notes", index, "lines"), f"a note of kind {quoted(kind)} is one line (a name or a day); remove 'lines'"))
        if not assessment.get("per_rep", True):
            problems.append(document.problem(where, f"kind {quoted(kind)} needs a form filled in for a rep, but this one has 'per_rep: false'; remove 'kind'"))
        elif kind == "date" and not fresh_each_day(assessment.get("kind", "self-assessment"), assessment.get("each_time", False)):
            problems.append(document.problem(where, "kind 'date' dates the form's answers with the day of one meeting, so it needs a form filled in each time (an observation, a rubric, or one with each_time: true); remove 'kind'"))
    return problems


def _sections(document: LocatedData, path: tuple, assessment: dict) -> list[Problem]:
    """With sections, every statement and note names one of them, each section holds a statement, and the
    statements come section by section in the order of the sections, so each heading is shown once."""
    sections = [section["id"] for section in assessment.get("sections", [])]
    questions = assessment.get("questions", [])
    if sections and "questions" not in assessment:
        return [document.problem(path + ("sections",), "'sections' only applies to an assessment with its own questions; remove it", at_key=True)]
    expected = f"expected one of this assessment's sections: {', '.join(sections)}" if sections else "the assessment has no 'sections'; add them or remove this line"
    problems = []
    latest = 0
    for kind, key in (("statement", "questions"), ("note", "notes")):
        for index, item in enumerate(assessment.get(key, [])):
            where = path + (key, index)
            section = item.get("section")
            if section is None:
                if sections and kind == "statement":
                    problems.append(document.problem(where, f"statement {quoted(item['id'])} has no 'section' ({expected})"))
            elif section not in sections:
                problems.append(document.problem(where + ("section",), f"unknown section {quoted(section)} ({expected})"))
            elif kind == "statement":
                position = sections.index(section)
                if position < latest:
                    problems.append(document.problem(where + ("section",), f"statement {quoted(item['id'])} is in section {quoted(section)} but comes after statements of section {quoted(sections[latest])}; list each section's statements together, in the order of the sections"))
                latest = max(latest, position)
    used = {question.get("section") for question in questions}
    for index, section in enumerate(sections):
        if section not in used:
            problems.append(document.problem(path + ("sections", index), f"section {quoted(section)} has no statements; give it at least one or remove it"))
    return problems


def _rubrics(role_plays: LocatedData, assessments: LocatedData) -> list[Problem]:
    """A role-play scores with an assessment of kind rubric, and every rubric belongs to a role-play: the
    role-play page is the only place a rubric is shown."""
    forms = {form["id"]: (index, form) for index, form in enumerate(assessments.value["assessments"])}
    used = set()
    problems = []
    for index, play in enumerate(role_plays.value["role_plays"]):
        used.add(play["rubric"])
        if play["rubric"] not in forms:
            continue
        form_index, form = forms[play["rubric"]]
        kind = form.get("kind", "self-assessment")
        if kind != RUBRIC:
            line = assessments.where(("assessments", form_index)).line
            problems.append(role_plays.problem(("role_plays", index, "rubric"), f"{quoted(play['rubric'])} is a {kind} (data/assessments.yml, line {line}), not a rubric; name an assessment with 'kind: rubric'"))
    for form_id, (index, form) in forms.items():
        if form.get("kind") == RUBRIC and form_id not in used:
            problems.append(assessments.problem(("assessments", index, "kind"), f"rubric {quoted(form_id)} is used by no role-play in data/role_plays.yml, so no page shows it; name it as a scenario's 'rubric' or remove it"))
    return problems
