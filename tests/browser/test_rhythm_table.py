"""The coaching rhythm's table as a manager reads it: each total's figure on one line (a phone's stacked table
broke "4 h 20 min" over three), and on a laptop the meetings' descriptions keep a readable width beside the
lengths and the manager's time around each meeting."""

import pytest

PAGE = "coaching/rhythm/"

# Each total's figure: its width against its text's, and how many lines its text takes.
TOTALS = """() => [...document.querySelectorAll('table.pb-rhythm tfoot td')].map(cell => {
    const text = document.createRange();
    text.selectNodeContents(cell);
    const lines = new Set([...text.getClientRects()].map(rect => Math.round(rect.top)));
    return { figure: cell.textContent.trim(), lines: lines.size, clipped: cell.scrollWidth > cell.clientWidth + 1 };
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_each_total_reads_on_one_line(browser, site_url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + PAGE)
    totals = page.evaluate(TOTALS)
    assert len(totals) == 4
    for total in totals:
        assert total["lines"] == 1 and not total["clipped"], total
    page.close()


def test_on_a_laptop_what_each_meeting_is_for_keeps_a_third_of_the_table(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + PAGE)
    widths = page.evaluate("""() => {
        const table = document.querySelector('table.pb-rhythm');
        const purpose = table.querySelector('thead th:nth-child(2)');
        return [purpose.getBoundingClientRect().width, table.getBoundingClientRect().width];
    }""")
    assert widths[0] >= widths[1] / 3, widths
    page.close()
