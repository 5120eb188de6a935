"""Checklists as a person uses them: tick, see progress, reload, navigate away and back, reset."""

import re

from playwright.sync_api import expect

from tests.helpers import data, home_and_back_by_instant_navigation, plain


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

    page.once("dialog", lambda dialog: dialog.dismiss())  # asked first: "no" keeps the ticks
    form.get_by_role("button", name=re.compile("^Reset")).click()
    assert count.text_content() == f"2 of {len(items)} done"
    page.once("dialog", lambda dialog: dialog.accept())
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
    expect(form.get_by_text("Without JavaScript, ticks here are not kept: print the list and tick it on paper.")).to_be_visible()
    context.close()
    page = browser.new_page()
    page.goto(site_url + "checklists/")
    page.locator('form[data-checklist="one-to-one-prep"] .pb-checklist__count').wait_for()
    expect(page.locator('form[data-checklist="one-to-one-prep"]').get_by_text("Without JavaScript, ticks here are not kept")).to_be_hidden()
    page.close()


def test_axe_finds_no_violations_in_checklists(context, site_url, axe):
    page = context.new_page()
    page.goto(site_url + "checklists/")
    page.locator('form[data-checklist="one-to-one-prep"] .pb-checklist__count').wait_for()
    assert axe(page, ".pb-checklist") == []


# Each item of each checklist on the page: whether a bullet shows, and where its box, its label's lines and its list start.
ITEM_LAYOUT = """(form) => [...form.querySelectorAll(".pb-checklist__items > li")].map((item) => {
    const box = item.querySelector("input").getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(item.querySelector("label"));
    const starts = new Map();  // each line's top → where its first word starts
    for (const rect of range.getClientRects()) {
        const top = Math.round(rect.top);
        if (rect.width > 0) starts.set(top, Math.min(starts.get(top) ?? Infinity, Math.round(rect.left)));
    }
    const lines = [...starts.values()];
    return { bullet: getComputedStyle(item).display === "list-item" && getComputedStyle(item).listStyleType !== "none",
             box: Math.round(box.left), list: Math.round(item.parentElement.getBoundingClientRect().left), lines };
})"""


def test_an_items_box_is_its_only_marker_and_a_long_item_wraps_clear_of_it(browser, site_url):
    """Seen on a phone: each item showed a bullet and then its box, indented, and a second line ran under the box."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + "checklists/")
        form = page.locator('form[data-checklist="one-to-one-prep"]')
        items = form.evaluate(ITEM_LAYOUT)
        assert items and not any(item["bullet"] for item in items), items
        assert all(item["box"] - item["list"] <= 6 for item in items), items  # the box's own margin, no indent (20 px before)
        wrapped = [item for item in items if len(item["lines"]) > 1]
        assert wrapped, "no item wraps at 390 px: choose a longer one to show the hanging indent"
        assert all(len(set(item["lines"])) == 1 and item["lines"][0] > item["box"] for item in wrapped), wrapped
    finally:
        context.close()


def test_a_screen_reader_hears_the_lists_count_after_a_tick_and_not_on_choosing_a_rep(context, site_url):
    """A screen-reader reviewer's case: one arrow key on "Whose answers" read out six counts ("0 of 9 done, 0 of 7
    done…") with no list's name. Choosing a rep says only whose answers show; a tick says the list and its count."""
    checklist = _one_to_one_prep()
    page = context.new_page()
    page.goto(site_url + "checklists/")
    form = page.locator('form[data-checklist="one-to-one-prep"]')
    form.locator(".pb-checklist__count").wait_for()
    picker = page.locator('[data-rep-picker][data-for="checklist-one-to-one-prep"]')
    # each list's picker is told apart by its list: the page has one per list
    expect(picker.get_by_label("Whose answers")).to_have_accessible_description(f"For {plain(checklist['title'])}")
    expect(picker.get_by_role("button", name="Add a rep…")).to_have_accessible_description(f"For {plain(checklist['title'])}")
    picker.get_by_role("button", name="Add a rep…").click()
    picker.get_by_label("Rep's name or initials").fill("Ana")
    picker.get_by_role("button", name="Add", exact=True).click()
    expect(picker.locator("[data-rep-status]")).to_contain_text("Added Ana")
    spoken = page.locator("form[data-checklist] [role=status], form[data-checklist] [aria-live]")
    assert [text.strip() for text in spoken.all_text_contents()] == [""] * spoken.count(), spoken.all_text_contents()
    form.get_by_role("checkbox").first.check()
    expect(form.get_by_role("status")).to_have_text(f"{plain(checklist['title'])}: 1 of {len(checklist['items'])} done")
