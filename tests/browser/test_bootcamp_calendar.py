"""The boot camp in a calendar: the site's file (macros/calendar_file.py, from the next boot camp's date) and the
one a rep makes on the boot-camp page from their own start date, both read with the `icalendar` library and
their repeats expanded with dateutil: every boot-camp day on its date, the calling block at the data's times on
the calling days only, floating local times (no time zone) even for a rep whose clocks change during boot
camp, none of the team's days off (data/rhythm.yml) among the calling block's or the weekly time's dates, and the
two files the same event for event. Expected values come from data/bootcamp.yml and data/rhythm.yml read with
PyYAML."""

import re
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
from dateutil.rrule import rruleset, rrulestr
from playwright.sync_api import expect

from macros.calendar_file import calendar_files
from macros.handbook import Project, load_handbook
from tests.conftest import ROOT
from tests.helpers import data

PAGE = "bootcamp/"
# A rep in New York picks a Monday whose boot camp spans the end of summer time there (1 November 2026).
ZONE = "America/New_York"
NOW = datetime(2026, 10, 1, 13, 0, tzinfo=UTC)  # 09:00 in New York
PICKED = date(2026, 10, 19)
# The rep's page is given these days off, in the calling block's weeks, whatever data/rhythm.yml lists by then.
OFF = {date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1)}
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _read(text: str) -> icalendar.Calendar:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "a line longer than 75 octets"
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    # floating local times: no time zone anywhere, only DTSTAMP in UTC
    assert calendar.walk("VTIMEZONE") == [] and "TZID" not in text
    return calendar


def _data_days_off() -> set[date]:
    return {date.fromisoformat(day["date"]) for day in data("rhythm").get("days_off", [])}


def _expected(first_day: date, off: set[date]) -> dict:
    """What the file must hold for a boot camp from `first_day`, worked out from the data alone, `off` the team's
    days off."""
    bootcamp = data("bootcamp")
    schedule, times, cadence = bootcamp["schedule"], bootcamp["calling_times"], bootcamp["cadence"]
    days = {}
    for number, week in enumerate(schedule):
        for day in week["days"]:
            days[f"{week['id']}-{day['day'].lower()}"] = first_day + timedelta(days=7 * number + DAY_NAMES.index(day["day"]))
    week_of_first_block = [week["id"] for week in schedule].index(times["first_block"]["week"])
    first_block = first_day + timedelta(days=7 * week_of_first_block + DAY_NAMES.index(times["first_block"]["day"]))
    end = first_day + timedelta(weeks=len(schedule) + cadence["weeks_in_calendar_after_boot_camp"])
    every_day = [first_block + timedelta(days=n) for n in range((end - first_block).days) if first_block + timedelta(days=n) not in off]
    return {
        "days": days,
        "block": ([d for d in every_day if DAY_NAMES[d.weekday()] in times["days"]], times["block"]),
        "weekly": ([d for d in every_day if DAY_NAMES[d.weekday()] == cadence["weekly_time"]["day"]], cadence["weekly_time"]),
    }


def _clock(hh_mm: str) -> time:
    return time.fromisoformat(hh_mm)


def occurrences(event) -> list[datetime]:
    """A repeating event's times: its RRULE expanded from DTSTART, less its EXDATEs."""
    times = rruleset()
    times.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART")))
    excluded = event.get("EXDATE", [])
    for each in excluded if isinstance(excluded, list) else [excluded]:
        for when in each.dts:
            times.exdate(when.dt)
    return list(times)


def _check(calendar: icalendar.Calendar, first_day: date, off: set[date]) -> None:
    expected = _expected(first_day, off)
    events = {str(event["UID"]).split(f"bootcamp-{first_day.isoformat()}-")[1].removesuffix("@playbook"): event for event in calendar.walk("VEVENT")}
    assert set(events) == set(expected["days"]) | {"calling-block", "weekly-time"}
    for event_id, day in expected["days"].items():
        event = events[event_id]
        # a whole-day event: dates, not times, from the day to the day after
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (day, day + timedelta(days=1)), event_id
        assert "RRULE" not in event
    for event_id, (dates, hours) in (("calling-block", expected["block"]), ("weekly-time", expected["weekly"])):
        event = events[event_id]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.tzinfo is None and end.tzinfo is None, "not a floating local time"
        assert (start.time(), end.time()) == (_clock(hours["starts"]), _clock(hours["ends"]))
        assert occurrences(event) == [datetime.combine(d, _clock(hours["starts"])) for d in dates], event_id
    block = events["calling-block"]
    assert {DAY_NAMES[d.weekday()] for d in rrulestr(block["RRULE"].to_ical().decode(), dtstart=block.decoded("DTSTART"))} == set(data("bootcamp")["calling_times"]["days"])
    for event in events.values():
        assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)


def _the_same_event_for_event(site_file: icalendar.Calendar, default_day: date, rep_file: icalendar.Calendar, picked: date) -> None:
    shift = picked - default_day
    site_events = {str(e["UID"]).replace(default_day.isoformat(), "DATE"): e for e in site_file.walk("VEVENT")}
    rep_events = {str(e["UID"]).replace(picked.isoformat(), "DATE"): e for e in rep_file.walk("VEVENT")}
    assert list(site_events) == list(rep_events)
    for uid, ours in site_events.items():
        theirs = rep_events[uid]
        for name in ("SUMMARY", "DESCRIPTION"):
            assert str(theirs[name]) == str(ours[name]), (uid, name)
        assert theirs.get("RRULE") == ours.get("RRULE"), uid
        for name in ("DTSTART", "DTEND"):
            assert theirs.decoded(name) == ours.decoded(name) + shift, (uid, name)
    assert str(site_file["PRODID"]) == str(rep_file["PRODID"])


def _named(day: date) -> str:
    """A day as the page names it for an en-GB reader in NOW's year."""
    return f"{day:%A} {day.day} {day:%B}" + (f" {day.year}" if day.year != NOW.year else "")


def _past_days_off(first_day: date, off: set[date]) -> str:
    """What the status adds when the file from `first_day` runs past the last of the days off listed, `off`."""
    expected = _expected(first_day, set())
    last = max([*expected["days"].values(), *expected["block"][0], *expected["weekly"][0]])
    return f" The team's days off are listed up to {_named(max(off))}: on a public holiday after it, the file still holds the calling block." if last > max(off) else ""


def _with_days_off(route) -> None:
    """The boot-camp page as served, its calendar's days off (HTML-escaped JSON in data-calendar) made OFF."""
    page = route.fetch().text()
    listed = ", ".join(f"&#34;{day.isoformat()}&#34;" for day in sorted(OFF))
    changed, found = re.subn(r"days_off&#34;: \[[^\]]*\]", f"days_off&#34;: [{listed}]", page)
    assert found == 1, "the page's calendar has no days_off"
    route.fulfill(body=changed, content_type="text/html; charset=utf-8")


@pytest.fixture(scope="module")
def site_file():
    handbook = load_handbook(Project(ROOT))
    default_day = date.fromisoformat(data("bootcamp")["next_boot_camp_starts"])
    (path, text), = calendar_files(handbook).items()
    assert path == "bootcamp.ics"
    return _read(text), default_day


def test_the_sites_calendar_file_holds_the_boot_camp_from_the_next_start_date(site_file):
    calendar, default_day = site_file
    _check(calendar, default_day, _data_days_off())
    # the same data builds the same file: its DTSTAMP is the start date, not the build's clock
    assert {e.decoded("DTSTAMP") for e in calendar.walk("VEVENT")} == {datetime.combine(default_day, time(), UTC)}


def test_a_rep_makes_the_same_calendar_from_their_own_start_date(browser, site_url, site_file, tmp_path):
    context = browser.new_context(timezone_id=ZONE, locale="en-GB")
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.route(site_url + PAGE, _with_days_off)
    page.goto(site_url + PAGE)
    start = page.get_by_label("Your boot camp starts on")
    status = page.get_by_role("form", name="Your boot camp in your calendar").get_by_role("status")

    start.fill((PICKED + timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Download your boot camp (.ics)").click()
    expect(status).to_have_text("Wednesday 21 October is not a Monday: pick the Monday your boot camp starts on.")

    start.fill(PICKED.isoformat())
    with page.expect_download() as download:
        page.get_by_role("button", name="Download your boot camp (.ics)").click()
    assert download.value.suggested_filename == f"bootcamp-{PICKED.isoformat()}.ics"
    # The file runs to 11 January 2027, past the last day off the page lists, 1 January.
    assert _past_days_off(PICKED, OFF)
    expect(status).to_have_text("Downloaded your boot camp from Monday 19 October: open the file to add it to your calendar." + _past_days_off(PICKED, OFF))
    with open(download.value.path(), encoding="utf-8", newline="") as file:
        rep_file = _read(file.read())
    context.close()

    block = _expected(PICKED, set())["block"][0]
    assert OFF <= set(block), "the days off must fall on the picked boot camp's calling days, to be left out"
    _check(rep_file, PICKED, OFF)
    # made at the rep's clock, written in UTC
    assert {e.decoded("DTSTAMP") for e in rep_file.walk("VEVENT")} == {NOW}
    calendar, default_day = site_file
    _the_same_event_for_event(calendar, default_day, rep_file, PICKED)


def test_a_rep_whose_boot_camp_spans_holidays_is_told_which_days_plans_fall_on_them(browser, site_url):
    """A sales leader's case: a boot camp started on 14 December put week 2's and week 3's day plans on Christmas
    Day, the Boxing Day bank holiday and New Year's Day, while the same file left the calling blocks out on them.
    The plans stay in the file, where the rep sees them, and the page says which fall on days off."""
    picked = date(2026, 12, 14)
    planned = sorted(day for day in _expected(picked, set())["days"].values() if day in OFF)
    assert planned, "the example's boot camp has plans on those days"
    context = browser.new_context(timezone_id=ZONE, locale="en-GB")
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.route(site_url + PAGE, _with_days_off)
    page.goto(site_url + PAGE)
    page.get_by_label("Your boot camp starts on").fill(picked.isoformat())
    with page.expect_download():
        page.get_by_role("button", name="Download your boot camp (.ics)").click()
    named = _named
    said = named(planned[0]) if len(planned) == 1 else ", ".join(map(named, planned[:-1])) + " and " + named(planned[-1])  # as en-GB lists them
    clear = next(first for first in (picked + timedelta(weeks=n) for n in range(1, 20)) if not set(_expected(first, set())["days"].values()) & OFF)
    plural = len(planned) > 1
    expect(page.get_by_role("form", name="Your boot camp in your calendar").get_by_role("status")).to_have_text(
        f"Downloaded your boot camp from Monday 14 December: open the file to add it to your calendar. "
        + (f"Its plans for {said} fall on team days off: fit those days' work into the days around them, or start on {named(clear)}, the first Monday whose plans miss every day off."
           if plural else f"Its plan for {said} falls on a team day off: fit that day's work into the days around it, or start on {named(clear)}, the first Monday whose plans miss every day off.")
        + _past_days_off(picked, OFF))
    context.close()


def test_a_rep_is_told_when_the_file_runs_past_the_days_off_the_handbook_lists(browser, site_url):
    """A sales leader: the days off ran only to March 2027, and a boot camp picked to start in February put
    calling blocks on May's bank holidays without a word. The status names the last day off listed when the file
    runs past it, and says nothing when the list reaches further (the handbook's own, through 2027)."""
    listed = _data_days_off()
    context = browser.new_context(timezone_id=ZONE, locale="en-GB")
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.goto(site_url + PAGE)
    status = page.get_by_role("form", name="Your boot camp in your calendar").get_by_role("status")
    for picked in (date(2027, 2, 1), max(listed) - timedelta(weeks=4) - timedelta(days=(max(listed) - timedelta(weeks=4)).weekday())):
        page.get_by_label("Your boot camp starts on").fill(picked.isoformat())
        with page.expect_download():
            page.get_by_role("button", name="Download your boot camp (.ics)").click()
        expect(status).to_contain_text(f"Downloaded your boot camp from {_named(picked)}")
        said = _past_days_off(picked, listed)
        assert bool(said) == (picked != date(2027, 2, 1)), "February's boot camp ends inside the list; the last one's runs past it"
        if said:
            expect(status).to_contain_text(said.strip())
        else:
            expect(status).not_to_contain_text("days off are listed")
    context.close()


def test_without_javascript_the_page_offers_the_sites_file(browser, site_url, site_file):
    _, default_day = site_file
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    link = page.get_by_role("link", name=f"Download the boot camp starting {default_day:%A} {default_day.day} {default_day:%B %Y} (.ics)")
    expect(link).to_be_visible()
    assert page.evaluate("href => new URL(href, location.href).pathname", link.get_attribute("href")).endswith("/bootcamp.ics")
    expect(page.get_by_label("Your boot camp starts on")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("days_after_start", [7 * len(data("bootcamp")["schedule"]) - 1, 7 * len(data("bootcamp")["schedule"]), 7 * len(data("bootcamp")["schedule"]) + 3])
def test_once_the_handbooks_boot_camp_is_over_its_file_gives_way_to_the_next_start_day(browser, site_url, site_file, days_after_start):
    # A README reviewer's case: months after the boot camp in the handbook, the page still offered its file, the
    # weeks all gone. While it runs a rep in it still wants the file; once over, the next start day is offered.
    _, default_day = site_file
    weeks = len(data("bootcamp")["schedule"])
    first_weekday = data("bootcamp")["schedule"][0]["days"][0]["day"]
    today = default_day + timedelta(days=days_after_start)
    context = browser.new_context(timezone_id=ZONE, locale="en-GB")
    page = context.new_page()
    page.clock.set_fixed_time(datetime.combine(today, time(12), UTC))
    page.goto(site_url + PAGE)
    file = page.locator("[data-bootcamp-file]")
    start = page.get_by_label("Your boot camp starts on")
    expect(file.locator("a")).to_have_text(f"Download the boot camp starting {default_day:%A} {default_day.day} {default_day:%B %Y} (.ics)")
    if days_after_start < 7 * weeks:
        expect(file).to_be_visible()
        expect(start).to_have_value(default_day.isoformat())
    else:
        next_start = next(today + timedelta(days=n) for n in range(7) if DAY_NAMES[(today + timedelta(days=n)).weekday()] == first_weekday)
        expect(start).to_have_value(next_start.isoformat())
        expect(file).to_be_hidden()
        expect(page.get_by_text(f"The boot camp that started on {default_day:%A} {default_day.day} {default_day:%B} is over")).to_be_visible()
        page.reload()  # the field as the browser restores it is not taken for the handbook's date
        expect(file).to_be_hidden()
        expect(start).to_have_value(next_start.isoformat())
    context.close()
