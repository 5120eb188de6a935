"""A date on screen reads the same way whatever its year: a date in another year gets its year added and
nothing else changes, so "Mon 4 Jan 2027" sits beside "Tue 15 Dec" in a British reader's list, not
"Mon, 4 Jan 2027" (Chromium's en-GB pattern once a year is asked for). Driven in Chromium with a fixed clock
and the reader's language; the expected British text is worked out here with Python's calendar."""

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


@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
def test_other_languages_keep_their_own_marks_and_only_gain_the_year(dates_in, locale):
    # The same day and month in both years, so only the year can differ: 4 January is a Sunday in 2026.
    this_year, next_year = dates_in(locale, ["2026-01-04", "2027-01-04"])
    assert "2027" in next_year and "2026" not in this_year
    # Take the weekday off both (it differs between the years) and the rest must agree up to the year.
    strip = lambda text: text.split(" ", 1)[1]
    assert strip(next_year).replace("2027", "").rstrip(", ") == strip(this_year).rstrip(", "), (this_year, next_year)
    assert next_year.split(" ", 1)[0] != this_year.split(" ", 1)[0]  # Mon vs Sun, in the language's own words
