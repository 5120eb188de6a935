"""The page's Print button (partials/actions.html) needs a script, which shows it; its place is kept from the first
paint, so the Edit button beside it doesn't move sideways when it appears (a layout shift on every page)."""


def test_edit_button_stays_put_when_the_print_button_appears(context, site_url):
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    edit = page.locator("a.md-content__button[rel=edit]")
    page.goto(site_url)
    page.get_by_role("button", name="Print this page").wait_for()
    shown = edit.bounding_box()
    page.route("**/assets/playbook.bundle.js", lambda route: route.abort())
    page.goto(site_url)  # as the page is before our script has run
    assert page.get_by_role("button", name="Print this page").is_hidden()
    assert edit.bounding_box() == shown
