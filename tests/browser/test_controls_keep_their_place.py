"""What only a script can show keeps its place from the first paint, so nothing jumps when it appears: the page's
Print button (so the Edit button beside it stays put, on every page) and the 404 page's search. And the 1:1 agenda's
links are big enough to tap on a phone."""


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


def test_text_under_the_404_search_stays_put_when_the_search_appears(context, site_url):
    """The 404 page's search form needs a script too (Lighthouse measured a layout shift of 0.09 there)."""
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    after = page.get_by_text("Or start from the part of the")
    page.goto(site_url + "404.html")
    page.get_by_role("search", name="Search the handbook").wait_for()
    shown = after.bounding_box()
    page.route("**/assets/playbook.bundle.js", lambda route: route.abort())
    page.goto(site_url + "404.html")
    assert page.get_by_role("search", name="Search the handbook").is_hidden()
    assert after.bounding_box() == shown


def test_the_1_1_agenda_s_question_links_are_big_enough_to_tap_on_a_phone(context, site_url, axe):
    """On a phone the agenda's boxes stack and each box lists the stages whose questions suit it, one link a line."""
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "coaching/one-to-one/")
    assert axe(page, "table.pb-agenda", rules=["target-size"]) == []
