"""The skill/will matrix on the dilemma page, read as a person reads it: on a phone, as a table with a row per
quadrant that fits the screen, each quadrant naming Landsberg's approach and the mode that serves it, and each
mode pointing back to its quadrants."""

from tests.data.test_skill_will import LANDSBERG
from tests.helpers import data, plain

PAGE = "coaching/dilemma/"


def test_on_a_phone_the_matrix_is_a_table_that_fits_and_reads_landsbergs_quadrants(browser, site_url):
    dilemma = data("dilemma")
    names = {mode["id"]: mode["name"] for mode in dilemma["modes"]}
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + PAGE + "#skill-will")
    table = page.get_by_role("table", name="The skill/will matrix")
    assert [header.inner_text() for header in table.get_by_role("columnheader").all()] == ["Skill and will", "Approach", "What to do"]

    rows = {}
    for row in table.get_by_role("row").all()[1:]:
        quadrant = row.get_by_role("rowheader").inner_text()
        approach, mode = row.get_by_role("cell").first.inner_text().split("\n")
        rows[quadrant] = (approach, mode, plain(row.get_by_role("cell").last.inner_text()))
    expected = {
        f"{skill.capitalize()} skill, {will} will": (approach, f"Mode: {names[mode]}", plain(quadrant["text"]))
        for (skill, will), (approach, mode) in LANDSBERG.items()
        for quadrant in dilemma["skill_will"]["quadrants"] if (quadrant["skill"], quadrant["will"]) == (skill, will)
    }
    assert rows == expected

    sideways = table.evaluate("table => table.scrollWidth - table.parentElement.clientWidth")
    assert sideways <= 0, f"the matrix is {sideways}px wider than the phone's column"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    context.close()


def test_each_mode_names_its_quadrants_and_the_links_land_on_them(context, site_url):
    dilemma = data("dilemma")
    page = context.new_page()
    page.goto(site_url + PAGE)
    for mode in dilemma["modes"]:
        served = [(approach, skill, will) for (skill, will), (approach, mode_id) in LANDSBERG.items() if mode_id == mode["id"]]
        line = page.locator(".pb-mode").filter(has=page.get_by_text(plain(mode["summary"]))).get_by_text("On the skill/will matrix:")
        assert line.get_by_role("link").all_text_contents() == [f"{approach} ({skill} skill, {will} will)" for approach, skill, will in served]
    page.get_by_role("link", name="Direct (low skill, low will)").click()
    page.wait_for_url("**#low-skill-low-will")
    # the row's mode links back to its mode (its advice may link on, to when coaching isn't working)
    assert page.get_by_role("row", name="Low skill, low will").locator('a[href$="#coach"]').inner_text() == "Coach"
