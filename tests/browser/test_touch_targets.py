"""On a touch phone, every control of our tools on every page is a target of at least 24 by 24 CSS pixels (WCAG
2.2's target size, minimum): check boxes and answer circles both ways (their labels take a tap too), and
buttons and menus, which stand alone, at least 44 px high. A UX reviewer found 15 px check boxes on the
onboarding checklists, a 22 px "Add to 1:1" and 19 px menus on the 1:1 planner; a rep, 24 px buttons 2 px
apart."""

from tests.browser.test_every_page_fits_and_reads import built_pages
from tests.helpers import widgets_ready

LEAST = 24
LEAST_BUTTON = 44
SMALL_CONTROLS = """([least, button]) => {
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map((c) => "." + c).join("")
        + (el.type ? `[type=${el.type}]` : "") + (el.textContent.trim() ? ` "${el.textContent.trim().slice(0, 30)}"` : "");
    const found = [];
    for (const el of document.querySelectorAll(".md-content :is(input[type=checkbox], input[type=radio], button.md-button, select)")) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height) continue;  // not shown
        const square = el.matches("input");
        if (box.height < (square ? least : button) - 0.5 || (square && box.width < least - 0.5)) found.push(`${name(el)}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
    return found.slice(0, 5);
}"""


def test_every_control_of_our_tools_is_big_enough_to_tap_on_a_phone(browser, built_site, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-GB")
    page = context.new_page()
    problems = {}
    for path in built_pages(built_site):
        page.goto(site_url + path)
        widgets_ready(page)
        assert page.evaluate("matchMedia('(pointer: coarse)').matches"), "the phone is emulated with a touch screen"
        found = page.evaluate(SMALL_CONTROLS, [LEAST, LEAST_BUTTON])
        if found:
            problems[path or "/"] = found
    context.close()
    assert not problems, "\n".join(f"{path}:\n  " + "\n  ".join(found) for path, found in problems.items())
