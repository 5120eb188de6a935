"""Material's script, starting on a long page, restyles nothing it need not: the classes it sets on <html> and
the mark it puts on <body> while it sets the colour scheme are already there (overrides/main.html), so the
page is not restyled whole for them (a restyle of a long page is 20 to 50 ms on a phone). The theme still
works as material means it to: its no-JS styles without a script, the mark gone once the page is up, and the
colour switch."""

# Records, from before the page's first byte, each value <html>'s class takes and each time <body> is given the
# colour-switching mark when it did not have it.
WATCH = """
window.__seen = {classes: [], marksAdded: 0};
new MutationObserver((records) => {
  for (const record of records) {
    if (record.target === document.documentElement && record.attributeName === "class") {
      window.__seen.classes.push(record.target.className);
    } else if (record.attributeName === "data-md-color-switching" && record.oldValue === null && record.target.hasAttribute("data-md-color-switching")) {
      window.__seen.marksAdded += 1;
      window.__seen.markedBeforeContent = !document.querySelector("[data-md-component=container]");
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["class", "data-md-color-switching"]});
"""
LONG_PAGE = "editing/"


def _class_sets(values: list[str]) -> list[frozenset]:
    """The distinct class sets <html> went through, in order (setting the same classes again is no change)."""
    sets: list[frozenset] = []
    for value in values:
        classes = frozenset(value.split())
        if not sets or sets[-1] != classes:
            sets.append(classes)
    return sets


def test_material_starts_a_long_page_without_restyling_it_whole(browser, site_url):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(site_url + LONG_PAGE)
    # Material removes the mark once the scheme is set; until then transitions are off on the whole page.
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    seen = page.evaluate("window.__seen")
    classes = _class_sets(seen["classes"])
    assert classes[-1] >= {"js", "pb-js", "js-focus-visible"} and "no-js" not in classes[-1]
    # One change, made in <head> before the body: material's own then changes nothing.
    assert len(classes) == 1, f"<html>'s classes changed after the head: {[sorted(c) for c in classes]}"
    # Marked once, before the body's content, by us: material's own marking is then no change.
    assert seen["marksAdded"] == 1 and seen["markedBeforeContent"] is True
    context.close()


def test_the_colour_switch_still_works_and_the_page_without_script_keeps_materials_no_js_styles(browser, site_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(site_url + LONG_PAGE)
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    context.close()

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + LONG_PAGE)
    assert page.evaluate("document.documentElement.className") == "no-js"
    assert page.locator("label[for='__search']").first.is_hidden()  # material's .no-js rule
    context.close()


ONE_PALETTE = """  palette:
    scheme: default
    primary: indigo
    accent: amber
"""


def test_a_handbook_with_one_palette_and_no_switch_keeps_its_transitions(browser, project, tmp_path):
    """Material mounts its palette code, which removes the colour-switching mark, only with a switch (a list of
    palettes): a handbook with one palette must not be marked, or every transition would stay off."""
    from macros.static_server import serve
    from tests.conftest import run_build

    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    start, end = text.index("  palette:\n"), text.index("  features:\n")
    settings.write_text(text[:start] + ONE_PALETTE + text[end:], encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + LONG_PAGE)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__seen.marksAdded") == 0
        assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    context.close()


def test_without_materials_script_the_page_goes_back_to_its_no_js_styles(browser, site_url):
    """Material's script blocked (a proxy, a failed download): the classes and the mark set before the body are
    taken back once the page has loaded, so material's and our no-JS styles show and transitions stay on."""
    context = browser.new_context()
    context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + LONG_PAGE)
    page.wait_for_function("() => document.documentElement.classList.contains('no-js')")
    assert page.evaluate("document.documentElement.className").split() == ["no-js"]
    assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
    assert page.locator("label[for='__search']").first.is_hidden()  # material's .no-js rule
    context.close()
