"""Checklists as a person uses them: tick, see progress, reload, navigate away and back, reset."""

import re

from tests.helpers import data, home_and_back_by_instant_navigation


def _one_to_one_prep():
    return next(c for c in data("checklists")["checklists"] if c["id"] == "one-to-one-prep")


def test_ticks_count_persist_across_reload_and_instant_navigation(context, site_url):
    checklist = _one_to_one_prep()
    items = checklist["items"]
    page = context.new_page()
    page.goto(site_url + "checklists/")
    form = page.locator('form[data-checklist="one-to-one-prep"]')
    count = form.locator(".pb-checklist__count")
    assert count.text_content() == f"0 of {len(items)} done"

    form.get_by_role("checkbox").nth(0).check()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # keyboard only: the second box
    assert count.text_content() == f"2 of {len(items)} done"
    assert form.locator("progress").evaluate("p => p.value") == 2

    page.reload()
    assert form.get_by_role("checkbox").nth(0).is_checked()
    assert form.get_by_role("checkbox").nth(1).is_checked()
    assert count.text_content() == f"2 of {len(items)} done"

    home_and_back_by_instant_navigation(page)
    form.wait_for()
    assert count.text_content() == f"2 of {len(items)} done"
    assert form.get_by_role("checkbox").nth(1).is_checked()

    form.get_by_role("button", name=re.compile("^Reset")).click()
    assert count.text_content() == f"0 of {len(items)} done"
    assert form.get_by_role("checkbox").nth(0).is_checked() is False


def test_each_label_names_its_box_with_the_item_text(context, site_url):
    page = context.new_page()
    page.goto(site_url + "checklists/")
    form = page.locator('form[data-checklist="one-to-one-prep"]')
    labels = [form.get_by_role("checkbox").nth(i).evaluate("box => box.labels[0].textContent") for i in range(len(_one_to_one_prep()["items"]))]
    assert len(labels) == len(_one_to_one_prep()["items"])
    assert all(label.strip() for label in labels)


def test_corrupt_or_foreign_storage_is_ignored(context, site_url):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + "checklists/")
    page.evaluate("""() => {
        const config = JSON.parse(document.getElementById('__config').textContent);
        const root = new URL(config.base, location.href);
        localStorage.setItem('playbook:v1:' + root.origin + root.pathname + ':checklist:one-to-one-prep', '{not json');
        localStorage.setItem('playbook:v1:' + root.origin + root.pathname + ':checklist:charter-review', '{"ticked": {"no-such-item": true}}');
    }""")
    page.reload()
    for checklist_id in ("one-to-one-prep", "charter-review"):
        form = page.locator(f'form[data-checklist="{checklist_id}"]')
        assert form.locator(".pb-checklist__count").text_content().startswith("0 of ")
    assert errors == []


def test_without_javascript_the_checklist_is_a_plain_list_of_boxes(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "checklists/")
    form = page.locator('form[data-checklist="one-to-one-prep"]')
    assert form.get_by_role("checkbox").count() == len(_one_to_one_prep()["items"])
    assert form.locator(".pb-checklist__count").count() == 0
    context.close()


def test_axe_finds_no_violations_in_checklists(context, site_url, axe):
    page = context.new_page()
    page.goto(site_url + "checklists/")
    page.locator('form[data-checklist="one-to-one-prep"] .pb-checklist__count').wait_for()
    assert axe(page, ".pb-checklist") == []
