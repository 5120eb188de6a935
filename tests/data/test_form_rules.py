"""The coaching forms' data: observation form sections, debrief templates and role-plays. Each broken copy is
reported once, at the line and column a leader must edit, in plain words."""

from copy import deepcopy
from pathlib import Path

import pytest
import yaml

from macros.diff import FileChanges
from macros.handbook import Project, load_handbook, validate
from tests.helpers import data


def _edit(project: Path, file: str, change) -> list[str]:
    path = project / "data" / f"{file}.yml"
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    _, problems = validate(Project(project))
    return [problem.as_text() for problem in problems]


def _at(project: Path, file: str, line_text: str, value: str | None = None, after: str | None = None) -> str:
    """`data/FILE.yml:LINE:COL` of the first line holding `line_text` (after the line holding `after`, if
    given), at `value` in it (at `line_text` if not given)."""
    lines = (project / "data" / f"{file}.yml").read_text(encoding="utf-8").splitlines()
    start = next(number for number, text in enumerate(lines, 1) if after in text) if after else 0
    line = next(number for number, text in enumerate(lines, 1) if number > start and line_text in text)
    return f"data/{file}.yml:{line}:{lines[line - 1].index(value or line_text) + 1}"


def _line(project: Path, file: str, line_text: str, after: str | None = None) -> int:
    return int(_at(project, file, line_text, after=after).split(":")[1])


def _form(value: dict, form_id: str) -> dict:
    return next(form for form in value["assessments"] if form["id"] == form_id)


def _play(value: dict, play_id: str) -> dict:
    return next(play for play in value["role_plays"] if play["id"] == play_id)


def test_the_shipped_forms_are_valid_and_model_as_the_data_says(project):
    assert _edit(project, "role_plays", lambda value: None) == []
    handbook = load_handbook(Project(project))
    ride_along = handbook.assessments["ride-along"]
    assert ride_along.kind == "observation" and ride_along.debrief is handbook.debriefs.by_id["ride-along"]
    assert [form.id for form in handbook.self_assessments] == ["which-level", "manager-or-coach", "was-that-coaching"]
    assert {handbook.assessments[play.rubric].kind for play in handbook.role_plays.role_plays} == {"rubric"}


# ---------------------------------------------------------------- role-plays and the boot-camp schedule


def test_a_role_play_in_a_week_the_schedule_does_not_have_is_reported_with_the_weeks_there_are(project):
    problems = _edit(project, "role_plays", lambda value: _play(value, "qualifying-call").update(week="week-9"))
    assert problems == [f"{_at(project, 'role_plays', 'week-9')}: unknown boot-camp week 'week-9' (expected one of the ids in data/bootcamp.yml: week-1, week-2, week-3, week-4)"]


def test_a_role_play_scored_with_a_self_assessment_is_reported_and_its_rubric_left_unused(project):
    problems = _edit(project, "role_plays", lambda value: _play(value, "send-me-something").update(rubric="was-that-coaching"))
    assert problems == [
        f"{_at(project, 'assessments', 'kind: rubric', 'rubric', after='- id: role-play-send-me-something')}: rubric 'role-play-send-me-something' is used by no role-play in data/role_plays.yml, so no page shows it; name it as a scenario's 'rubric' or remove it",
        f"{_at(project, 'role_plays', 'was-that-coaching')}: 'was-that-coaching' is a self-assessment (data/assessments.yml, line {_line(project, 'assessments', '- id: was-that-coaching')}), not a rubric; name an assessment with 'kind: rubric'",
    ]


def test_an_unknown_rubric_is_a_dangling_reference(project):
    problems = _edit(project, "role_plays", lambda value: _play(value, "cold-call-opener").update(rubric="opener-rubric"))
    assert f"{_at(project, 'role_plays', 'opener-rubric')}: unknown rubric 'opener-rubric' (expected one of the ids in data/assessments.yml: which-level," in problems[-1]
    assert any("rubric 'role-play-cold-call-opener' is used by no role-play" in problem for problem in problems)


# ---------------------------------------------------------------- debrief templates


@pytest.mark.parametrize("field, wrong, what, meant, target", [
    ("situations", "lost-deals", "situation", "did you mean 'lost-deal'? ", "data/coaching_questions.yml"),
    ("stages", "wrap-up", "stage", "", "data/coaching_questions.yml"),
    ("bootcamp_steps", "discovery", "boot-camp step", "did you mean 'begin-discovery'? ", "data/bootcamp.yml"),
])
def test_a_debrief_linked_from_something_that_does_not_exist_is_reported(project, field, wrong, what, meant, target):
    problems = _edit(project, "debriefs", lambda value: value["debriefs"][0].update({field: [wrong]}))
    (problem,) = problems
    assert problem.startswith(f"{_at(project, 'debriefs', wrong)}: unknown {what} '{wrong}' ({meant}expected one of the ids in {target}: ")


def test_a_form_ending_with_a_debrief_that_does_not_exist_is_reported(project):
    problems = _edit(project, "assessments", lambda value: _form(value, "ride-along").update(debrief="car-park-chat"))
    assert problems == [f"{_at(project, 'assessments', 'car-park-chat')}: unknown debrief template 'car-park-chat' (expected one of the ids in data/debriefs.yml: call, lost-deal, won-deal, ride-along, role-play)"]


def test_two_prompts_with_one_id_in_a_template_are_reported_and_other_templates_may_reuse_it(project):
    def twice(value):
        prompts = value["debriefs"][1]["prompts"]
        prompts.append(dict(prompts[0], prompt="Said twice"))
    problems = _edit(project, "debriefs", twice)
    first = _line(project, "debriefs", "- id: objective", after="- id: lost-deal")
    again = _at(project, "debriefs", "- id: objective", "objective", after="- id: stay-in-touch")
    assert problems == [f"{again}: duplicate id 'objective' (already used on line {first}; ids must be unique)"]


# ---------------------------------------------------------------- sections of an observation form


def test_a_statement_without_a_section_in_a_form_with_sections_is_reported(project):
    problems = _edit(project, "assessments", lambda value: _form(value, "ride-along")["questions"][4].pop("section"))
    assert problems == [f"{_at(project, 'assessments', '- id: open-questions', 'id: open-questions')}: statement 'open-questions' has no 'section' (expected one of this assessment's sections: before, opening, questions, listening, objections, next-step, review, after)"]


def test_an_unknown_section_is_reported_on_the_statement_or_note(project):
    def misplace(value):
        form = _form(value, "ride-along")
        form["questions"][0]["section"] = "pre-call"
        form["notes"][-1]["section"] = "objectionz"
    problems = _edit(project, "assessments", misplace)
    expected = "(expected one of this assessment's sections: before, opening, questions, listening, objections, next-step, review, after)"
    assert problems == [  # the notes come before the statements in the file
        f"{_at(project, 'assessments', 'objectionz')}: unknown section 'objectionz' {expected}",
        f"{_at(project, 'assessments', 'pre-call')}: unknown section 'pre-call' {expected}",
    ]


def test_statements_out_of_section_order_are_reported_where_the_order_breaks(project):
    def move(value):
        questions = _form(value, "ride-along")["questions"]
        questions.append(questions.pop(0))  # a 'before' statement after the 'after' ones
    problems = _edit(project, "assessments", move)
    assert problems == [f"{_at(project, 'assessments', 'section: before', 'before', after='- id: recap-sent')}: statement 'objective-set' is in section 'before' but comes after statements of section 'after'; list each section's statements together, in the order of the sections"]


def test_a_section_with_no_statements_is_reported(project):
    problems = _edit(project, "assessments", lambda value: _form(value, "ride-along")["sections"].append({"id": "travel", "name": "On the way back"}))
    assert problems == [f"{_at(project, 'assessments', '- id: travel', 'id: travel')}: section 'travel' has no statements; give it at least one or remove it"]


def test_a_section_named_in_a_form_without_sections_is_reported(project):
    problems = _edit(project, "assessments", lambda value: _form(value, "role-play-price-objection")["questions"][0].update(section="opening"))
    assert problems == [f"{_at(project, 'assessments', 'section: opening', 'opening', after='- id: role-play-price-objection')}: unknown section 'opening' (the assessment has no 'sections'; add them or remove this line)"]


def test_sections_on_the_level_assessment_are_refused(project):
    problems = _edit(project, "assessments", lambda value: _form(value, "which-level").update(sections=[{"id": "all", "name": "All"}]))
    assert problems == [f"{_at(project, 'assessments', 'sections:')}: 'sections' only applies to an assessment with its own questions; remove it"]


def test_two_notes_with_one_id_in_a_form_are_reported(project):
    problems = _edit(project, "assessments", lambda value: _form(value, "ride-along")["notes"].append({"id": "rep", "prompt": "Rep again"}))
    assert len(problems) == 1 and "duplicate id 'rep'" in problems[0]


# ---------------------------------------------------------------- a pull request's summary


def test_changes_to_role_plays_and_debriefs_read_in_a_leaders_words():
    plays = data("role_plays")
    changed = deepcopy(plays)
    changed["role_plays"][0]["minutes"] += 2
    changed["role_plays"].append(dict(changed["role_plays"][1], id="voicemail", title="The voicemail"))
    assert FileChanges("role_plays", plays, changed).sentences() == [
        "Added the role-play 'The voicemail'",
        f"Changed the role-play '{plays['role_plays'][0]['title']}': minutes {plays['role_plays'][0]['minutes']} → {plays['role_plays'][0]['minutes'] + 2}",
    ]
    debriefs = data("debriefs")
    changed = deepcopy(debriefs)
    changed["debriefs"][1]["prompts"].append({"id": "champion", "prompt": "Who was our champion?"})
    assert FileChanges("debriefs", debriefs, changed).sentences() == [f"Added the debrief prompt 'Who was our champion?' to the debrief template '{debriefs['debriefs'][1]['title']}'"]
