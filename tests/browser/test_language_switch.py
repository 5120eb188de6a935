"""A reader switches language on a deep page, as on the built site (English, and German in its de/ folder): the
language menu by keyboard opens the same page in German, whose tools speak German and write dates the German
way (Intl), and the menu by mouse brings the reader back. A manager switches team the same way, with the team
menu, into the other team's site (its folder: key-accounts/) and its own checklists."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from macros.static_server import serve_navigable
from tests.helpers import NEEDS_SECOND_LANGUAGE, NEEDS_SECOND_TEAM, data, widgets_ready

pytestmark = NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE

DAILY = data("bootcamp")["cadence"]["daily"]
TUESDAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def languages_url(languages_site):
    with serve_navigable(languages_site[0]) as url:
        yield url


@pytest.fixture
def reader(browser):
    """An English-speaking reader's browser in Berlin on a Tuesday morning: the page's language, not the
    browser's, decides the words and dates the tools show."""
    context = browser.new_context(timezone_id="Europe/Berlin", locale="en-GB")
    page = context.new_page()
    page.clock.install(time=datetime(TUESDAY.year, TUESDAY.month, TUESDAY.day, 10, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    yield page
    context.close()


def _daily(page):
    return page.locator('form[data-checklist="bootcamp-daily"]')


def test_switching_to_german_and_back_keeps_the_page(reader, languages_url):
    page = reader
    page.goto(languages_url + "prospecting/")
    widgets_ready(page)
    daily = _daily(page)
    expect(daily.locator(".pb-checklist__count")).to_have_text(f"0 of {len(DAILY)} done")
    expect(daily.locator(".pb-checklist__now")).to_have_text("Tuesday 1 December")

    # By keyboard: the menu's button, then Tab to the language.
    page.get_by_role("button", name="Select language").focus()
    expect(page.get_by_role("link", name="Deutsch")).to_be_visible()
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Deutsch":
            break
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "de"
    page.keyboard.press("Enter")

    page.wait_for_url(languages_url + "de/prospecting/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    widgets_ready(page)
    daily = _daily(page)
    expect(daily.get_by_role("button", name=re.compile("^Zurücksetzen: "))).to_have_text("Zurücksetzen")
    expect(daily.locator(".pb-checklist__count")).to_have_text(f"0 von {len(DAILY)} erledigt")
    # The day as a German reader writes it (Intl, in the page's language): weekday, day, month.
    expect(daily.locator(".pb-checklist__now")).to_have_text("Dienstag, 1. Dezember")
    expect(page.locator('form[data-checklist="bootcamp-weekly"] .pb-checklist__now')).to_have_text("Woche vom Montag, 30. November")
    daily.get_by_role("checkbox").nth(0).check()
    expect(daily.locator(".pb-checklist__count")).to_have_text(f"1 von {len(DAILY)} erledigt")

    # By mouse: the menu opens on the button, and English brings the reader back to the same page.
    page.get_by_role("button", name="Sprache wechseln").hover()  # the theme speaks German too
    page.get_by_role("link", name="English").click()
    page.wait_for_url(languages_url + "prospecting/")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    widgets_ready(page)
    expect(_daily(page).get_by_role("button", name=re.compile("^Reset: "))).to_have_text("Reset")


def test_a_reps_ticks_carry_over_to_the_other_language(reader, languages_url):
    """Translations keep every id, and a language's site keeps its team's saved answers (main.html's
    playbook-storage-root), so what a rep ticked in one language shows in the other."""
    page = reader
    page.goto(languages_url + "prospecting/")
    widgets_ready(page)
    _daily(page).get_by_role("checkbox").nth(0).check()
    page.goto(languages_url + "de/prospecting/")
    widgets_ready(page)
    expect(_daily(page).locator(".pb-checklist__count")).to_have_text(f"1 von {len(DAILY)} erledigt")


def test_switching_team_opens_the_same_page_in_the_other_teams_site(reader, languages_url):
    page = reader
    page.goto(languages_url + "checklists/")
    expect(page.locator("#checklist-charter-review")).to_be_attached()
    menu = page.get_by_role("button", name=data("strings")["menus"]["teams"])
    menu.focus()
    expect(page.get_by_role("link", name="Field sales")).to_have_attribute("aria-current", "true")
    page.get_by_role("link", name="Key accounts").click()

    page.wait_for_url(languages_url + "key-accounts/checklists/")
    # The key-accounts team's own checklists: its quarterly business review added, the charter review kept.
    expect(page.locator("#checklist-quarterly-business-review")).to_be_attached()
    expect(page.locator("#checklist-charter-review")).to_be_attached()
    page.get_by_role("button", name=data("strings")["menus"]["teams"]).hover()
    expect(page.get_by_role("link", name="Key accounts")).to_have_attribute("aria-current", "true")
    page.get_by_role("link", name="Field sales").click()
    page.wait_for_url(languages_url + "checklists/")
    expect(page.locator("#checklist-charter-review")).to_be_attached()
    expect(page.locator("#checklist-quarterly-business-review")).not_to_be_attached()


def test_the_menus_follow_the_page_instant_navigation_shows(reader, languages_url):
    """Material swaps the page and keeps the header: the menus still open the page now shown in the other site."""
    page = reader
    # Material takes over links only once it has the sitemap; a click before that loads the page afresh.
    with page.expect_response(languages_url + "sitemap.xml"):
        page.goto(languages_url + "checklists/")
    page.evaluate("() => { window.sameWindow = true; }")
    page.locator(".md-nav").get_by_role("link", name="Glossary").first.click()
    page.wait_for_url(languages_url + "glossary/")
    expect(page.get_by_role("link", name="Deutsch")).to_have_attribute("href", languages_url + "de/glossary/")
    expect(page.get_by_role("link", name="Key accounts")).to_have_attribute("href", languages_url + "key-accounts/glossary/")
    assert page.evaluate("() => window.sameWindow") is True  # it was instant navigation, not a new page


def test_a_german_date_ending_a_sentence_keeps_one_full_stop(reader, languages_url):
    # A German manager's reviewer read "zurück am Mi., 9. Dez.." after saving their leave: the abbreviated
    # month's full stop and the sentence's, doubled. The value's stop now ends the sentence.
    page = reader
    page.goto(languages_url + "de/coaching/workspace/")
    widgets_ready(page)
    said = page.evaluate("""() => {
        Playbook.addWords({ "check.back": "zurück am {back}.", "check.count": "{count} Tage." });
        const day = Playbook.dates.day("2026-12-09", "weekday");
        return [day, Playbook.t("check.back", { back: day }), Playbook.t("check.back", { back: "Montag" }), Playbook.t("check.count", { count: 3 })];
    }""")
    assert said == ["Mi., 9. Dez.", "zurück am Mi., 9. Dez.", "zurück am Montag.", "3 Tage."]


def test_on_the_german_site_the_reader_is_ich_and_no_rep_takes_that_name(reader, languages_url):
    # The German reviewer added a rep named "Ich": two "Ich" rows in every picker, and the reader's own export
    # said "Me". The reader is named in the page's language, and neither name can be a rep's.
    page = reader
    page.goto(languages_url + "de/coaching/workspace/")
    widgets_ready(page)
    adding = page.get_by_role("form", name="Verkäufer hinzufügen")
    for name in ("ich", "Me"):
        adding.get_by_label("Name oder Kürzel des Verkäufers").fill(name)
        adding.get_by_role("button", name="Hinzufügen").click()
        expect(page.locator("[data-workspace-status]")).to_have_text("„Ich“ steht für Sie selbst: Geben Sie dem Verkäufer einen anderen Namen.")
    assert page.evaluate("Playbook.workspace.name('me')") == "Ich"


def test_a_german_csv_export_opens_in_columns_in_a_german_spreadsheet(reader, languages_url):
    # The German reviewer's export, comma-separated, landed in one column of a German Excel, which reads ";".
    import csv

    page = reader
    page.goto(languages_url + "de/self-assessments/")
    widgets_ready(page)
    form = page.locator('form[data-assessment="was-that-coaching"]')
    form.get_by_role("radio").first.check()
    with page.expect_download() as download:
        form.get_by_role("button", name="CSV herunterladen").click()
    lines = download.value.path().read_bytes().decode("utf-8-sig").splitlines()
    header = next(csv.DictReader(lines[:2], delimiter=";"))
    assert header["form"] == form.get_attribute("data-title") and header["who"] == "Ich"
    answered = [row for row in csv.DictReader(lines[2:], delimiter=";") if row["answer"]]
    assert len(answered) == 1 and "," not in lines[2]
