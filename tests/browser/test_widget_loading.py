"""Each page loads only the scripts of the widgets it holds, and a page reached by material's instant
navigation gets the scripts the pages before it did not load, each run once."""

import re
from urllib.parse import urlparse

import pytest
import yaml

from tests.conftest import ROOT
from tests.helpers import navigate_and_wait, ready_for_instant_navigation

# What each widget enhances, and the attribute its script sets there once it has (read from the widgets'
# init functions, independently of the build's own list).
ENHANCED = {
    "form[data-checklist]": "data-ready",
    "form[data-assessment]": "data-ready",
    "form[data-decision]": "data-ready",
    "form[data-explorer]": "data-ready",
    "form[data-planner]": "data-ready",
    "form[data-plan]": "data-ready",
    "[data-rep-picker]": "data-ready",
    "[data-workspace]": "data-ready",
    "[data-rep-history]": "data-ready",
    "[data-team]": "data-ready",
    "li.pb-question[data-stage]": "data-basket-ready",
}
NOT_ENHANCED = "() => " + " || ".join(f"!!document.querySelector('{selector}:not([{mark}])')" for selector, mark in ENHANCED.items())
WIDGET_SCRIPTS = "/assets/widgets/"


def _pattern(selector: str) -> re.Pattern:
    """A start tag matching `selector` (tag, .class, [attribute]) in a page's HTML: quicker than parsing it."""
    tag, classes, attributes = re.fullmatch(r"(\w*)((?:\.[\w-]+)*)((?:\[[\w-]+\])*)", selector).groups()
    has_class = "".join(rf'(?=[^>]*\sclass="[^"]*\b{name}\b)' for name in classes.split(".")[1:])
    has_attribute = "".join(rf"(?=[^>]*\s{name}[\s=>])" for name in re.findall(r"\[([\w-]+)\]", attributes))
    return re.compile(rf"<{tag or '[a-z]+'}\b{has_class}{has_attribute}")


# A glossary term loads the script of its tooltip too, which sets nothing up until a reader reaches a term: no
# mark to wait for.
TERM = "abbr[data-term]"
HOLDS_WIDGET = [_pattern(selector) for selector in [*ENHANCED, TERM]]


def _holds_widget(html: str) -> bool:
    return any(pattern.search(html) for pattern in HOLDS_WIDGET)


def _nav_pages(items) -> list[tuple[str, str]]:
    """(title, page address) of every page in mkdocs.yml's menu, in order."""
    found = []
    for item in items:
        for title, target in item.items():
            if isinstance(target, list):
                found += _nav_pages(target)
            else:
                found.append((title, target.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" if target != "index.md" else ""))
    return found


def _widget_pages(site) -> list[tuple[str, str]]:
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["nav"]
    return [(title, url) for title, url in _nav_pages(nav) if _holds_widget((site / url / "index.html").read_text(encoding="utf-8"))]


def test_pages_without_widgets_name_no_widget_script(built_site):
    without = [path for path in built_site.rglob("*.html") if not _holds_widget(path.read_text(encoding="utf-8"))]
    assert len(without) >= 4  # the home page, the editing guide, the glossary and the 404 page
    for path in without:
        assert WIDGET_SCRIPTS.strip("/") not in path.read_text(encoding="utf-8"), path


def test_widget_pages_reached_by_instant_navigation_work(context, built_site, site_url):
    widget_pages = _widget_pages(built_site)
    assert len(widget_pages) >= 10
    requested: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requested.append(urlparse(request.url).path))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "editing/")  # a page with no widget and no glossary term
    ready_for_instant_navigation(page)
    assert [path for path in requested if WIDGET_SCRIPTS in path] == []
    page.evaluate("window.playbookSameDocument = true")

    def go_to(title: str, url: str) -> None:
        link = page.locator(".md-sidebar--primary").get_by_role("link", name=title, exact=True)
        navigate_and_wait(page, link.click)
        page.wait_for_url(lambda address: address.split("#")[0] == site_url + url)
        page.wait_for_function(f"() => !({NOT_ENHANCED})()")
        assert page.evaluate("window.playbookSameDocument === true"), f"{url} was loaded anew, not by instant navigation"
        # What the tools keep is found under the site's own address, whatever page the browser loaded first (a
        # manager's case: from the home page, the 1:1 planner two folders down showed none of the saved reps).
        assert page.evaluate("Playbook.storageKey('workspace', 'index')") == f"playbook:v1:{site_url}:workspace:index", url

    for title, url in widget_pages:
        go_to(title, url)
    registered = page.evaluate("window.Playbook.widgets.length")
    # Back to a widget page whose scripts ran already: none is run, nor any widget registered, a second time.
    go_to(*widget_pages[0])
    assert page.evaluate("window.Playbook.widgets.length") == registered
    assert errors == []


@pytest.mark.parametrize(("url", "first"), [("coaching/questions/", "li.pb-question"), ("checklists/", "form[data-checklist]"), ("coaching/", "form[data-assessment]")])
def test_what_only_scripts_show_keeps_its_place_so_the_page_does_not_jump(context, site_url, url, first):
    """On a phone the question bank's filters and the rep picker above a tool, shown only once their scripts ran,
    pushed what follows down the page (Lighthouse's layout shift: 0.27 on the question bank, 0.06 on checklists)."""
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})

    def top() -> float:
        page.goto(site_url + url)
        return page.locator(first).first.bounding_box()["y"]

    shown = top()
    page.locator("[data-rep-picker], form[data-explorer]").first.wait_for()
    for ours in ("**/assets/widgets/*.js", "**/assets/playbook.bundle.js"):
        page.route(ours, lambda route: route.abort())
    waiting = top()  # as the page is before our scripts have run
    assert page.locator("[data-rep-picker], form[data-explorer]").first.is_hidden()
    assert waiting == shown
