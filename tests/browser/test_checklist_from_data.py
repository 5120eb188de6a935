"""A leader adds a checklist in YAML only; it appears on the checklists page and works."""

import yaml

from tests.browser.conftest import serve
from tests.conftest import copy_project, run_build

NEW_CHECKLIST = {
    "id": "quarterly-business-review",
    "title": "Quarterly business review",
    "items": [{"id": "pull-usage", "text": "Pull the account's usage for the quarter."},
              {"id": "three-outcomes", "text": "Write the three outcomes the customer got."},
              {"id": "book-next-qbr", "text": "Book the next review before you leave."}],
}


def test_checklist_added_only_in_yaml_appears_and_works(browser, tmp_path):
    project = copy_project(tmp_path / "handbook")
    path = project / "data" / "checklists.yml"
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    value["checklists"].append(NEW_CHECKLIST)
    path.write_text(yaml.safe_dump(value, sort_keys=False), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr

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
