"""A date on screen reads the same way whatever its year: a date in another year gets its year added and
nothing else changes, so "Mon 4 Jan 2027" sits beside "Tue 15 Dec" in a British reader's list, not
"Mon, 4 Jan 2027" (Chromium's en-GB pattern once a year is asked for). Driven in Chromium with a fixed clock
and the reader's language on an English page; the expected text is written out here (strftime for the British
reader's)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

TODAY = datetime(2026, 12, 15, 9, 0, tzinfo=ZoneInfo("Europe/London"))
NEXT_YEAR = date(2027, 1, 4)


def british(day: date, year: bool) -> str:
    return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if year else "")


@pytest.fixture
def dates_in(browser, site_url):
    contexts = []

    def shown(locale: str, isos: list[str]) -> list[str]:
        context = browser.new_context(timezone_id="Europe/London", locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.clock.install(time=TODAY)
        page.goto(site_url + "checklists/")
        page.wait_for_function("() => window.Playbook && Playbook.dates")
        return page.evaluate("(isos) => isos.map((iso) => Playbook.dates.day(iso, 'weekday'))", isos)

    yield shown
    for context in contexts:
        context.close()


def test_a_british_reader_sees_a_date_next_year_written_as_this_years_are(dates_in):
    this_year, next_year = dates_in("en-GB", [TODAY.date().isoformat(), NEXT_YEAR.isoformat()])
    assert this_year == british(TODAY.date(), year=False)
    assert next_year == british(NEXT_YEAR, year=True) == "Mon 4 Jan 2027"


def test_an_american_reader_keeps_the_comma_their_language_writes_in_both_years(dates_in):
    # 4 January is a Sunday in 2026 (this year for the clock) and a Monday in 2027.
    assert dates_in("en-US", ["2026-01-04", "2027-01-04"]) == ["Sun, Jan 4", "Mon, Jan 4, 2027"]
