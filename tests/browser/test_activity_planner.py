"""The activity planner as a reader uses it: change the figures, read what they take, fix mistakes, come back, print.

Expected figures come from data/bootcamp.yml in exact fractions, so float noise in the page would show up.
"""

import math
import re
from fractions import Fraction

from playwright.sync_api import expect

from tests.helpers import data

RESET = "Back to the handbook's figures"


def _planner() -> dict:
    return data("bootcamp")["activity_planner"]


def _rate_label(index: int) -> str:
    stages = _planner()["stages"]
    return f"{stages[index]['name']} (% of {stages[index - 1]['name']})"


def _expected(target=None, deal=None, weeks=None, days=None, percents: dict[int, float] | None = None) -> list[list[str]]:
    """Each stage's row as the page shows it: name, then per period, week and day, rounded up.

    Figures not given are the data's; `percents` maps a stage's index to the rate the reader typed.
    """
    planner, percents = _planner(), percents or {}
    target = Fraction(str(target or planner["revenue_target"]))
    deal = Fraction(str(deal or planner["average_deal_size"]))
    weeks = Fraction(str(weeks or planner["weeks_in_period"]))
    days = Fraction(str(days or planner["selling_days_per_week"]))
    stages = planner["stages"]
    rates = [Fraction(str(percents[i])) / 100 if i in percents else Fraction(str(stages[i]["conversion_rate"])) for i in range(1, len(stages))]
    needs = [Fraction(math.ceil(target / deal))]
    for rate in reversed(rates):
        needs.insert(0, needs[0] / rate)
    return [[stage["name"]] + [f"{math.ceil(need / per):,}" for per in (1, weeks, weeks * days)] for stage, need in zip(planner["stages"], needs)]


def _summary(rows: list[list[str]]) -> str:
    name, period, week, day = rows[0]
    return f"{name}: {day} a day, {week} a week, {period} a {_planner()['period']}."


def _on_screen(form, text):
    """The summary or message on screen: the first match, as the status region after it repeats it for screen readers."""
    return form.get_by_text(text).first


def _figures(form) -> list[list[str]]:
    return form.get_by_role("table").locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")


def _open(context, site_url):
    page = context.new_page()
    page.goto(site_url + "bootcamp/")
    form = page.get_by_role("form", name="Activity planner")
    expect(form).to_have_attribute("data-ready", "true")
    return page, form


def test_default_figures_then_live_figures_as_the_reader_changes_target_rate_and_weeks(context, site_url):
    page, form = _open(context, site_url)
    assert _figures(form) == _expected()
    expect(_on_screen(form, _summary(_expected()))).to_be_visible()

    form.get_by_label(f"Revenue target for the {_planner()['period']}", exact=True).fill("450000")
    form.get_by_label(_rate_label(1), exact=True).fill("12.5")
    weeks = form.get_by_label(f"Selling weeks in the {_planner()['period']}", exact=True)
    weeks.focus()
    page.keyboard.press("ArrowUp")  # keyboard only: one more week
    expect(weeks).to_have_value(str(_planner()["weeks_in_period"] + 1))
    expected = _expected(target=450000, weeks=_planner()["weeks_in_period"] + 1, percents={1: 12.5})
    assert _figures(form) == expected
    expect(_on_screen(form, _summary(expected))).to_be_visible()
    expect(form.get_by_role("status")).to_have_text(_summary(expected))  # announced once typing pauses


def test_impossible_values_are_explained_beside_the_field_and_leave_no_figures(context, site_url):
    page, form = _open(context, site_url)
    cases = [
        (f"Revenue target for the {_planner()['period']}", "", "Enter a number."),
        (_rate_label(1), "0", "Enter a rate above 0%: at 0% no one gets through."),
        ("Average deal size", "-5000", "Enter a deal size above 0."),
        (_rate_label(2), "150", "A rate can't be more than 100%."),
        ("Selling days per week", "8", "A week has at most 7 days."),
    ]
    for label, value, message in cases:
        field = form.get_by_label(label, exact=True)
        before = field.input_value()
        field.fill(value)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(message)
        expect(_on_screen(form, "Fix the highlighted fields.")).to_be_visible()
        expect(form.get_by_role("table")).to_be_hidden()
        expect(_on_screen(form, re.compile(" a day, "))).to_be_hidden()
        field.fill(before)
        expect(field).to_have_attribute("aria-invalid", "false")
        expect(_on_screen(form, "Fix the highlighted fields.")).to_be_hidden()
        assert _figures(form) == _expected()


def test_figures_persist_over_reload_and_instant_navigation_and_reset_restores_the_handbooks(context, site_url):
    page, form = _open(context, site_url)
    target = form.get_by_label(f"Revenue target for the {_planner()['period']}", exact=True)
    rate = form.get_by_label(_rate_label(1), exact=True)
    target.fill("600000")
    rate.fill("40")
    expected = _expected(target=600000, percents={1: 40})
    assert _figures(form) == expected

    page.reload()
    expect(target).to_have_value("600000")
    expect(rate).to_have_value("40")
    assert _figures(form) == expected

    page.get_by_role("link", name="Home").first.click()  # instant navigation
    page.wait_for_url(re.compile(r"/$"))
    page.go_back()
    expect(target).to_have_value("600000")
    assert _figures(form) == expected

    form.get_by_role("button", name=RESET).click()
    expect(target).to_have_value(str(_planner()["revenue_target"]))
    expect(rate).to_have_value(f"{_planner()['stages'][1]['conversion_rate'] * 100:g}")
    expect(_on_screen(form, _summary(_expected()))).to_be_visible()
    assert _figures(form) == _expected()
    page.reload()
    expect(target).to_have_value(str(_planner()["revenue_target"]))
    assert _figures(form) == _expected()


def test_corrupt_or_foreign_storage_is_ignored(context, site_url):
    page, form = _open(context, site_url)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    for stored in ("{not json", '{"revenue_target": 600000, "average_deal_size": null}'):
        page.evaluate("""stored => {
            const config = JSON.parse(document.getElementById('__config').textContent);
            const root = new URL(config.base, location.href);
            localStorage.setItem('playbook:v1:' + root.origin + root.pathname + ':planner:activity', stored);
        }""", stored)
        page.reload()
        expect(form).to_have_attribute("data-ready", "true")
        assert _figures(form) == _expected()
    assert errors == []


def test_without_javascript_the_handbooks_figures_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "bootcamp/")
    form = page.get_by_role("form", name="Activity planner")
    assert _figures(form) == _expected()
    expect(_on_screen(form, _summary(_expected()))).to_be_visible()
    expect(_on_screen(form, "Fix the highlighted fields.")).to_be_hidden()
    context.close()


def test_axe_finds_no_violations_in_the_planner_valid_or_not(context, site_url, axe):
    page, form = _open(context, site_url)
    assert axe(page, ".pb-planner") == []
    form.get_by_label(_rate_label(1), exact=True).fill("0")
    assert axe(page, ".pb-planner") == []


def test_print_shows_the_current_figures_and_no_button(context, site_url, tmp_path):
    page, form = _open(context, site_url)
    form.get_by_label("Average deal size", exact=True).fill("25000")
    expected = _expected(deal=25000)
    page.emulate_media(media="print")
    form.screenshot(path=tmp_path / "planner-print.png")
    table = form.get_by_role("table")
    assert table.evaluate("t => getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility === 'visible'")
    assert _figures(form) == expected
    expect(_on_screen(form, _summary(expected))).to_be_visible()
    assert form.get_by_role("button", name=RESET, include_hidden=True).evaluate("b => getComputedStyle(b).display") == "none"
