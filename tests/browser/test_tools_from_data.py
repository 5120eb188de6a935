"""A leader adds a checklist or a self-assessment in YAML only (NEW_CHECKLIST, NEW_ASSESSMENT and NEW_SCALE in
tests/leader_edits.py); it appears on its page and works."""

from macros.static_server import serve


def test_checklist_added_only_in_yaml_appears_and_works(browser, edited_site):
    context = browser.new_context()
    with serve(edited_site) as url:
        page = context.new_page()
        page.goto(url + "checklists/")
        form = page.locator('form[data-checklist="quarterly-business-review"]')
        assert form.get_by_role("group", name="Quarterly business review").count() == 1
        form.get_by_label("Write the three outcomes the customer got.").check()
        assert form.locator(".pb-checklist__count").text_content() == "1 of 3 done"
        page.reload()
        assert form.get_by_label("Write the three outcomes the customer got.").is_checked()
    context.close()


def test_assessment_added_only_in_yaml_appears_and_scores(browser, edited_site):
    context = browser.new_context()
    with serve(edited_site) as url:
        page = context.new_page()
        page.goto(url + "self-assessments/")
        assert page.get_by_role("heading", name="Is my pipeline honest?").is_visible()
        form = page.get_by_role("form", name="Is my pipeline honest?")
        form.get_by_role("group", name="Every open deal has a dated next step.").get_by_label("True", exact=True).check()
        form.get_by_role("group", name="Deals with no activity for 30 days are closed as lost.").get_by_label("Not true").check()
        # 3×3 of a possible 3×3 + 1×3 → 75%: Honest.
        assert form.locator("[aria-live]").text_content() == "Pipeline honesty: 75% (Honest)."
    context.close()
