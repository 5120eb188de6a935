"""A leader adds a checklist or a self-assessment in YAML only; it appears on its page and works."""

import yaml

from macros.static_server import serve
from tests.conftest import copy_project, run_build

NEW_CHECKLIST = {
    "id": "quarterly-business-review",
    "title": "Quarterly business review",
    "items": [{"id": "pull-usage", "text": "Pull the account's usage for the quarter."},
              {"id": "three-outcomes", "text": "Write the three outcomes the customer got."},
              {"id": "book-next-qbr", "text": "Book the next review before you leave."}],
}


NEW_ASSESSMENT = {
    "id": "pipeline-hygiene",
    "title": "Is my pipeline honest?",
    "audience": "Reps, before the forecast call",
    "intro": "Rate your open opportunities as they stand today.",
    "scale": "out-of-three",
    "result_name": "Pipeline honesty",
    "answers_needed": 2,
    "questions": [{"id": "next-steps-dated", "text": "Every open deal has a dated next step.", "weight": 3},
                  {"id": "stale-closed", "text": "Deals with no activity for 30 days are closed as lost."}],
    "bands": [{"from": 0, "to": 60, "name": "Wishful", "meaning": "Clean it up before the call."},
              {"from": 60, "to": 100, "name": "Honest", "meaning": "Ready for the forecast call."}],
}
NEW_SCALE = {"id": "out-of-three", "name": "How true", "options": [{"value": 0, "label": "Not true"}, {"value": 3, "label": "True"}]}


def _project_with(tmp_path, file: str, change):
    project = copy_project(tmp_path / "handbook")
    path = project / "data" / file
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


def test_checklist_added_only_in_yaml_appears_and_works(browser, tmp_path):
    project = _project_with(tmp_path, "checklists.yml", lambda value: value["checklists"].append(NEW_CHECKLIST))

    context = browser.new_context()
    with serve(project / "site") as url:
        page = context.new_page()
        page.goto(url + "checklists/")
        form = page.locator('form[data-checklist="quarterly-business-review"]')
        assert form.get_by_role("group", name="Quarterly business review").count() == 1
        form.get_by_label("Write the three outcomes the customer got.").check()
        assert form.locator(".pb-checklist__count").text_content() == "1 of 3 done"
        page.reload()
        assert form.get_by_label("Write the three outcomes the customer got.").is_checked()
    context.close()


def test_assessment_added_only_in_yaml_appears_and_scores(browser, tmp_path):
    def add(value):
        value["scales"].append(NEW_SCALE)
        value["assessments"].append(NEW_ASSESSMENT)
    project = _project_with(tmp_path, "assessments.yml", add)

    context = browser.new_context()
    with serve(project / "site") as url:
        page = context.new_page()
        page.goto(url + "self-assessments/")
        assert page.get_by_role("heading", name="Is my pipeline honest?").is_visible()
        form = page.get_by_role("form", name="Is my pipeline honest?")
        form.get_by_role("group", name="Every open deal has a dated next step.").get_by_label("True", exact=True).check()
        form.get_by_role("group", name="Deals with no activity for 30 days are closed as lost.").get_by_label("Not true").check()
        # 3×3 of a possible 3×3 + 1×3 → 75%: Honest.
        assert form.locator("[aria-live]").text_content() == "Pipeline honesty: 75% (Honest)."
    context.close()
