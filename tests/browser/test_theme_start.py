"""Material's script, starting on a long page, restyles nothing it need not. What it would change once the whole
page is there, each change a full restyle of a long page (20 to 150 ms on a phone), is done before the body's
content is parsed, when it costs nothing: the classes on <html>, the stylesheets' addresses written out in full
(overrides/main.html), the colour scheme and its two <meta> tags (our colour switch,
overrides/partials/javascripts/palette.html, in place of material's palette component). The theme still works as
material means it to: its no-JS styles without a script, and the colour switch, remembered."""

# Records, from before the page's first byte, every change that restyles the whole page: to <html>'s class, to
# <body>'s colour attributes, to a stylesheet's address, and the colour <meta> tags, each with whether the
# page's content had been parsed yet. (Material sets <html>'s classes again, to the same value: no change.)
WATCH = """
window.__seen = [];
new MutationObserver((records) => {
  const late = Boolean(document.querySelector("[data-md-component=container]"));
  for (const record of records) {
    const target = record.target;
    // the same value set again changes nothing, and the browser restyles nothing for it
    if (record.type === "attributes" && record.oldValue === target.getAttribute(record.attributeName)) continue;
    if (record.type === "childList") {
      for (const node of record.addedNodes) {
        if (node.nodeName === "META" && ["color-scheme", "theme-color"].includes(node.name)) window.__seen.push({what: "meta " + node.name, late});
      }
    } else if (target === document.documentElement && record.attributeName === "class") {
      window.__seen.push({what: "html class " + target.className, late});
    } else if (target === document.body && record.attributeName.startsWith("data-md-color-")) {
      window.__seen.push({what: record.attributeName + "=" + target.getAttribute(record.attributeName), late});
    } else if (target.nodeName === "LINK" && target.rel === "stylesheet" && record.attributeName === "href") {
      window.__seen.push({what: "stylesheet " + target.getAttribute("href"), late});
    } else if (target.nodeName === "META" && record.attributeName === "content") {
      window.__seen.push({what: "meta " + target.name + " " + target.content, late});
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ["class", "href", "content", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-media", "data-md-color-switching"]});
"""
LONG_PAGE = "editing-content/"
# Material has started: it wraps the page's Markdown tables for scrolling, and its search is ready.
MATERIAL_STARTED = "() => document.querySelector('.md-typeset__scrollwrap') && document.querySelector('.md-search__input:not([disabled])') !== null"


def _open(browser, url: str, **options):
    context = browser.new_context(**options)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function(MATERIAL_STARTED)
    return context, page


def test_material_starts_a_long_page_without_restyling_it_whole(browser, site_url):
    context, page = _open(browser, site_url + LONG_PAGE, color_scheme="light")
    seen = page.evaluate("window.__seen")
    late = [change["what"] for change in seen if change["late"]]
    assert not late, f"changes that restyle the whole page, made after its content was parsed: {late}"
    early = [change["what"] for change in seen]
    # each was made, once, before the content
    assert any(what.startswith("html class") and "js" in what.split() for what in early), early
    assert sum(what.startswith("stylesheet http") for what in early) >= 3, early
    assert "meta color-scheme" in early and "meta theme-color" in early, early
    assert page.evaluate("document.documentElement.className").split() == ["js", "pb-js", "js-focus-visible"]
    assert page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.getAttribute('href') === link.href)")
    assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
    # the meta tags say what the header shows (the phone's address bar, the scrollbars' scheme)
    header = page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
    red, green, blue = (int(part) for part in header[header.index("(") + 1:-1].split(",")[:3])
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == f"#{red:02x}{green:02x}{blue:02x}"
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "light"
    context.close()


def test_a_new_reader_gets_the_scheme_their_browser_prefers_before_the_page_shows(browser, site_url):
    context, page = _open(browser, site_url + LONG_PAGE, color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert [change for change in page.evaluate("window.__seen") if change["late"]] == []
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    # the switch offered is the one to the other scheme
    assert page.locator("label[title='Switch to light mode']").is_visible()
    assert page.locator("label[title='Switch to dark mode']").is_hidden()
    context.close()


def test_the_colour_switch_works_by_pointer_and_keyboard_and_is_remembered(browser, site_url):
    context, page = _open(browser, site_url + LONG_PAGE, color_scheme="light")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    # transitions are off only while the colours change
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    # the switch back shows (found by what it switches to: material's tooltip takes the title of what the pointer is on)
    assert page.locator("label[for='__palette_0']").is_visible() and page.locator("label[for='__palette_1']").is_hidden()
    # the next page opens in the reader's choice, though the browser prefers light
    page.goto(site_url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    # from the keyboard: the checked option takes the focus, Enter picks the next
    page.locator("input[name=__palette]:checked").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate("document.activeElement.dataset.mdColorScheme") == "default"
    page.goto(site_url + LONG_PAGE)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    context.close()


MATERIALS_DARK = '{"index": 1, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "amber"}}'


def test_a_choice_saved_by_materials_switch_is_kept_and_a_broken_one_still_leaves_a_switch(browser, site_url):
    """Readers whose choice material's own switch saved keep it; a corrupt or foreign entry counts as no choice:
    the browser's preference, and a switch to the other scheme."""
    for saved, scheme in ((MATERIALS_DARK, "slate"), ("{", "default"), ('{"index": "1"}', "default"), ('{"index": 5}', "default"), ('{"index": "length"}', "default")):
        context = browser.new_context(color_scheme="light")
        context.add_init_script(f"localStorage.setItem('/.__palette', {saved!r})")
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_url + LONG_PAGE)
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme, saved
        other = "__palette_0" if scheme == "slate" else "__palette_1"
        assert page.locator(f"label[for='{other}']").is_visible(), saved
        assert errors == [], saved
        context.close()


def test_the_switch_and_the_colour_tags_outlive_instant_navigation(browser, site_url):
    """Material's instant navigation swaps the page under the header it keeps: the switch still works on the new
    page, the colour <meta> tags are not doubled, and the stylesheets are the same elements, never read again."""
    context, page = _open(browser, site_url + LONG_PAGE, color_scheme="light")
    page.evaluate("document.querySelectorAll('link[rel=stylesheet]').forEach((link) => { link.__kept = true; })")
    page.evaluate("window.__sameDocument = true")
    page.locator(f"a.md-nav__link[href='{site_url}glossary/']").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/glossary/') && document.querySelector('h1')?.textContent.includes('Glossary')")
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, not a new load
    assert page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.__kept)")
    assert page.evaluate("document.querySelectorAll('meta[name=color-scheme]').length") == 1
    assert page.evaluate("document.querySelectorAll('meta[name=theme-color]').length") == 1
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    context.close()


def test_without_script_the_page_keeps_materials_no_js_styles_and_its_first_palette(browser, site_url):
    context = browser.new_context(java_script_enabled=False, color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + LONG_PAGE)
    assert page.evaluate("document.documentElement.className") == "no-js"
    assert page.locator("label[for='__search']").first.is_hidden()  # material's .no-js rule
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert page.locator("form[data-pb-palette] label").first.is_hidden()  # a switch that could not work
    context.close()


ONE_PALETTE = """  palette:
    scheme: default
    primary: indigo
    accent: amber
"""


def test_a_handbook_with_one_palette_has_no_switch_and_keeps_its_transitions(browser, project, tmp_path):
    """With one palette (a mapping, not a list) material draws no switch: nothing marks <body> and nothing
    changes its colours."""
    from macros.static_server import serve
    from tests.conftest import run_build

    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    start, end = text.index("  palette:\n"), text.index("  features:\n")
    settings.write_text(text[:start] + ONE_PALETTE + text[end:], encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context(color_scheme="dark")
    context.add_init_script(WATCH)
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + LONG_PAGE)
        page.wait_for_load_state("load")
        assert page.locator("form[data-pb-palette]").count() == 0
        assert not [change for change in page.evaluate("window.__seen") if change["what"].startswith("data-md-color")]
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    context.close()


def test_without_materials_script_the_page_goes_back_to_its_no_js_styles(browser, site_url):
    """Material's script blocked (a proxy, a failed download): the classes set before the body are taken back
    once the page has loaded, so material's and our no-JS styles show."""
    context = browser.new_context()
    context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + LONG_PAGE)
    page.wait_for_function("() => document.documentElement.classList.contains('no-js')")
    assert page.evaluate("document.documentElement.className").split() == ["no-js"]
    assert page.locator("label[for='__search']").first.is_hidden()  # material's .no-js rule
    context.close()
