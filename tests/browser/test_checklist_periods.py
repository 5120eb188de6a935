"""The boot camp's "Every day" and "Every week" checklists belong to a day or a week of the reader's own
calendar: driven with a fixed clock across midnight and the week boundary the data sets, in time zones
where the reader's date and the UTC date differ. Expectations are worked out here with Python's calendar."""

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from macros.static_server import serve
from tests.helpers import data, is_working, navigate_and_wait, plain

CADENCE = data("bootcamp")["cadence"]
DAILY, WEEKLY = CADENCE["daily"], CADENCE["weekly"]
FIRST_DAY = CADENCE.get("week_starts_on", "Monday")
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]  # Python's weekday() order
TUESDAY = date(2026, 12, 1)
# London agrees with UTC in December; Auckland is 13 hours ahead of it, Los Angeles 8 hours behind.
ZONES = ["Europe/London", "Pacific/Auckland", "America/Los_Angeles"]
MINUTE = 60_000


def at(day: date, hour: int, minute: int, zone: str = "Europe/London") -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


def day_name(day: date) -> str:
    """How Intl writes a day for a British reader of the page (en-GB): "Tuesday 1 December"."""
    return f"{DAYS[day.weekday()]} {day.day} {day:%B}"


def week_start(day: date, first_day: str) -> date:
    return day - timedelta(days=(day.weekday() - DAYS.index(first_day)) % 7)


def history(unit: str, counts: list) -> str:
    """The history line read aloud: the 8 periods before this one, oldest first; None is a period with nothing ticked."""
    assert len(counts) == 8
    words = ["nothing ticked" if count is None else f"{count[0]} of {count[1]}" for count in counts]
    return f"Last 8 {'working day' if unit == 'day' else unit}s, oldest first: " + ", ".join(words)


class Checklist:
    """One checklist on the page, found and used as a reader does: by its boxes' labels and its buttons."""

    def __init__(self, page, checklist_id: str):
        self.form = page.locator(f'form[data-checklist="{checklist_id}"]')
        self.count = self.form.locator(".pb-checklist__count")
        self.period = self.form.locator(".pb-checklist__now")
        self.history = self.form.get_by_role("img")

    def tick(self, items: list[dict]) -> None:
        for item in items:
            self.form.get_by_label(plain(item["text"]), exact=True).check()

    def expect_ticked(self, items: list[dict]) -> None:
        expect(self.form.get_by_role("checkbox", checked=True)).to_have_count(len(items))
        for item in items:
            expect(self.form.get_by_label(plain(item["text"]), exact=True)).to_be_checked()


@pytest.fixture
def open_at(browser, site_url):
    """Open a page in a browser whose clock reads `when`, in `when`'s time zone; the clock keeps running."""
    contexts = []

    def open_page(when: datetime, path: str | None = "prospecting/", locale: str = "en-GB"):
        context = browser.new_context(timezone_id=str(when.tzinfo), locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.clock.install(time=when)
        if path is not None:
            page.goto(site_url + path)
        return page

    yield open_page
    for context in contexts:
        context.close()


def _storage_key(page, checklist_id: str) -> str:
    return page.evaluate("""id => {
        const config = JSON.parse(document.getElementById('__config').textContent);
        const root = new URL(config.base, location.href);
        return 'playbook:v1:' + root.origin + root.pathname + ':checklist:' + id;
    }""", checklist_id)


@pytest.mark.parametrize("zone", ZONES)
def test_every_day_starts_afresh_at_the_readers_midnight_and_remembers_yesterday(open_at, zone):
    before, after = at(TUESDAY, 23, 50, zone), at(TUESDAY + timedelta(days=1), 0, 10, zone)
    if zone != "Europe/London":  # the case is only worth having where UTC would give the wrong day
        assert before.astimezone(ZoneInfo("UTC")).date() != before.date() or after.astimezone(ZoneInfo("UTC")).date() != after.date()
    page = open_at(before)
    daily, weekly = Checklist(page, "bootcamp-daily"), Checklist(page, "bootcamp-weekly")
    expect(daily.period).to_have_text(day_name(TUESDAY))
    expect(daily.history).to_have_count(0)  # nothing before today yet
    daily.tick(DAILY[:3])
    weekly.tick(WEEKLY[:2])
    expect(daily.count).to_have_text(f"3 of {len(DAILY)} done")

    page.clock.fast_forward(20 * MINUTE)  # the tab stays open past midnight
    expect(daily.period).to_have_text(day_name(TUESDAY + timedelta(days=1)))
    expect(daily.count).to_have_text(f"0 of {len(DAILY)} done")
    expect(daily.form).to_have_accessible_description(day_name(TUESDAY + timedelta(days=1)))  # heard with the list
    daily.expect_ticked([])
    expect(daily.history).to_have_accessible_name(history("day", [None] * 7 + [(3, len(DAILY))]))

    page.reload()
    expect(daily.period).to_have_text(day_name(TUESDAY + timedelta(days=1)))
    daily.expect_ticked([])
    expect(daily.history).to_have_accessible_name(history("day", [None] * 7 + [(3, len(DAILY))]))
    if week_start(TUESDAY, FIRST_DAY) == week_start(TUESDAY + timedelta(days=1), FIRST_DAY):
        weekly.expect_ticked(WEEKLY[:2])


def test_every_week_keeps_its_ticks_until_the_first_day_of_the_week_the_data_names(open_at):
    this_week = week_start(TUESDAY, FIRST_DAY)
    next_week = this_week + timedelta(days=7)
    start = at(TUESDAY, 23, 50, "America/Los_Angeles")
    page = open_at(start)
    weekly = Checklist(page, "bootcamp-weekly")
    expect(weekly.period).to_have_text("Week of " + day_name(this_week))
    weekly.tick(WEEKLY[:2])

    eve = at(next_week - timedelta(days=1), 23, 50, "America/Los_Angeles")
    page.clock.fast_forward(int((eve - start).total_seconds() * 1000))
    last_worked = next(eve.date() - timedelta(days=n) for n in range(7) if is_working(eve.date() - timedelta(days=n)))
    expect(Checklist(page, "bootcamp-daily").period).to_contain_text(day_name(last_worked))  # the list a day off shows
    expect(weekly.period).to_have_text("Week of " + day_name(this_week))
    weekly.expect_ticked(WEEKLY[:2])
    expect(weekly.count).to_have_text(f"2 of {len(WEEKLY)} done")

    page.clock.fast_forward(20 * MINUTE)
    expect(weekly.period).to_have_text("Week of " + day_name(next_week))
    expect(weekly.count).to_have_text(f"0 of {len(WEEKLY)} done")
    weekly.expect_ticked([])
    expect(weekly.history).to_have_accessible_name(history("week", [None] * 7 + [(2, len(WEEKLY))]))


def test_the_readers_own_1_1_preparation_is_kept_a_week_then_starts_afresh(open_at):
    """The reader's own list (no 1:1 of theirs recorded as held): a reviewer's manager found last week's ticks
    still there before this week's 1:1. The list is done before each 1:1 (data/checklists.yml), and with no
    1:1 held to read it by, its ticks are kept a week at most."""
    items = next(c for c in data("checklists")["checklists"] if c["id"] == "one-to-one-prep")["items"]
    start = at(TUESDAY, 10, 0)
    page = open_at(start, path="checklists/")
    prep = Checklist(page, "one-to-one-prep")
    expect(prep.period).to_have_text("For the next 1:1")
    prep.tick(items[:3])
    for days, ticked in ((6, items[:3]), (7, [])):  # Monday: six days on, still this 1:1's; Tuesday: gone
        page.clock.fast_forward(int(at(TUESDAY + timedelta(days=days), 9, 0).timestamp() * 1000) - page.evaluate("Date.now()"))
        page.reload()
        prep.expect_ticked(ticked)
        expect(prep.count).to_have_text(f"{len(ticked)} of {len(items)} done")


def _prep_for(page, site_url, day: date, hour: int, path: str) -> None:
    page.clock.fast_forward(int(at(day, hour, 0).timestamp() * 1000) - page.evaluate("Date.now()"))
    page.goto(site_url + path)


def test_the_1_1_preparation_done_on_friday_is_there_at_mondays_1_1_and_starts_afresh_after_it(open_at, site_url):
    """A manager's case: they prepare Monday's 1:1s on Friday afternoon, and on Monday the list, which started
    afresh each week, read "0 of 10 done". Its ticks now belong to the rep's next 1:1: on Monday Friday's are there;
    once Monday's 1:1 is recorded as held the list is the next one's, and its history shows the preparation for
    each 1:1 held."""
    from tests.browser.test_plan_one_to_one import PLANNER, _add_rep

    items = next(c for c in data("checklists")["checklists"] if c["id"] == "one-to-one-prep")["items"]
    monday = date(2026, 11, 30)
    page = open_at(at(monday, 9, 0), path=None)
    _add_rep(page, site_url, "Priya")
    page.get_by_role("button", name="Record this 1:1 as held").click()
    expect(page.locator("[data-plan-status]")).to_have_text("The 1:1 of Mon 30 Nov is recorded as held.")

    friday, next_monday = monday + timedelta(days=4), monday + timedelta(days=7)
    _prep_for(page, site_url, friday, 16, "checklists/")
    prep = Checklist(page, "one-to-one-prep")
    expect(page.locator('[data-rep-picker][data-for="checklist-one-to-one-prep"]').get_by_label("Whose answers").locator("option:checked")).to_have_text("Priya")
    expect(prep.period).to_have_text("For the next 1:1, since the one of " + day_name(monday))
    prep.tick(items[:4])
    _prep_for(page, site_url, next_monday, 9, "checklists/")
    prep.expect_ticked(items[:4])
    expect(prep.count).to_have_text(f"4 of {len(items)} done")

    _prep_for(page, site_url, next_monday, 11, PLANNER)
    page.get_by_role("button", name="Record this 1:1 as held").click()
    expect(page.locator("[data-plan-status]")).to_have_text("The 1:1 of Mon 7 Dec is recorded as held.")
    # Once the 1:1 is recorded as held, the list is the next one's, whether opened that afternoon or the next
    # morning, and the history shows the preparation for each 1:1 held, today's too. A manager's case: ticks
    # made straight after the 1:1, preparing the next one, were filed under it and gone the next morning.
    for hour in (15, 17):
        _prep_for(page, site_url, next_monday, hour, "checklists/")
        expect(prep.period).to_have_text("For the next 1:1, since the one of " + day_name(next_monday))
        expect(prep.history).to_have_accessible_name(f"Before each of the last 2 1:1s, oldest first: nothing ticked, 4 of {len(items)}")
    prep.expect_ticked([])
    prep.tick(items[:3])
    _prep_for(page, site_url, next_monday + timedelta(days=1), 9, "checklists/")
    expect(prep.period).to_have_text("For the next 1:1, since the one of " + day_name(next_monday))
    prep.expect_ticked(items[:3])
    expect(prep.history).to_have_accessible_name(f"Before each of the last 2 1:1s, oldest first: nothing ticked, 4 of {len(items)}")


def test_the_1_1_preparation_follows_a_1_1_recorded_late_and_drops_one_never_recorded(open_at, site_url):
    """An engineer's cases: the 1:1 of the 7th recorded as held only on the 10th, after the next 1:1's preparation
    was ticked on the 9th, keeps that preparation on show; one never recorded leaves its preparation a week at
    most, not until the next 1:1 is recorded."""
    from tests.browser.test_plan_one_to_one import PLANNER, _add_rep

    items = next(c for c in data("checklists")["checklists"] if c["id"] == "one-to-one-prep")["items"]
    monday = date(2026, 11, 30)
    page = open_at(at(monday, 9, 0), path=None)
    _add_rep(page, site_url, "Sam")
    page.get_by_role("button", name="Record this 1:1 as held").click()
    prep = Checklist(page, "one-to-one-prep")
    _prep_for(page, site_url, monday + timedelta(days=4), 16, "checklists/")
    prep.tick(items[:2])  # Friday 4th, for the 1:1 of the 7th
    _prep_for(page, site_url, monday + timedelta(days=9), 10, "checklists/")
    prep.expect_ticked(items[:2])  # Wednesday 9th, the 7th not recorded: the 4th's, five days old, still show
    prep.tick(items[2:5])  # preparing the next
    _prep_for(page, site_url, monday + timedelta(days=10), 9, PLANNER)
    page.get_by_label("Date", exact=True).fill("2026-12-07")
    page.get_by_role("button", name="Record this 1:1 as held").click()
    expect(page.locator("[data-plan-status]")).to_have_text("The 1:1 of Mon 7 Dec is recorded as held.")
    _prep_for(page, site_url, monday + timedelta(days=10), 10, "checklists/")
    expect(prep.period).to_have_text("For the next 1:1, since the one of " + day_name(monday + timedelta(days=7)))
    prep.expect_ticked(items[:5])  # the 9th's, after the 7th: this 1:1's preparation
    expect(prep.history).to_have_accessible_name(f"Before each of the last 2 1:1s, oldest first: nothing ticked, 2 of {len(items)}")

    other = open_at(at(monday, 9, 0), path=None)
    _add_rep(other, site_url, "Kai")
    other.get_by_role("button", name="Record this 1:1 as held").click()
    kai = Checklist(other, "one-to-one-prep")
    _prep_for(other, site_url, monday + timedelta(days=4), 16, "checklists/")
    kai.tick(items[:2])
    _prep_for(other, site_url, monday + timedelta(days=10), 9, "checklists/")  # six days on, the 7th not recorded
    kai.expect_ticked(items[:2])
    _prep_for(other, site_url, monday + timedelta(days=11), 9, "checklists/")  # a week on: no longer
    kai.expect_ticked([])


def test_preparation_saved_when_the_list_started_afresh_each_week_still_counts(open_at, site_url):
    """An engineer's case: ticks saved before the change are dated the week's first day. Friday's preparation
    for Monday's 1:1, saved under Monday 30 November the week before, counts as that week's last day, so it is
    there at the 1:1 of the 7th, not lost on the day the list changed."""
    from tests.browser.test_plan_one_to_one import PLANNER, _add_rep

    items = next(c for c in data("checklists")["checklists"] if c["id"] == "one-to-one-prep")["items"]
    monday = date(2026, 11, 30)
    page = open_at(at(monday, 9, 0), path=None)
    _add_rep(page, site_url, "Lee")
    page.get_by_role("button", name="Record this 1:1 as held").click()
    _prep_for(page, site_url, monday + timedelta(days=7), 9, "checklists/")
    prep = Checklist(page, "one-to-one-prep")
    marks = {item["id"]: prep.form.locator(f'input[data-item="{item["id"]}"]').get_attribute("data-fingerprint") for item in items[:3]}
    page.evaluate("""([marks, total]) => Playbook.workspace.record("checklist", "one-to-one-prep",
        {period: "week", ticked: marks, done: 3, total: total}, "2026-11-30")""", [marks, len(items)])
    page.reload()
    prep.expect_ticked(items[:3])


def test_history_keeps_exactly_eight_days_and_reset_clears_only_today(open_at):
    """Ten days ticked, a weekend among them: the history is the eight working days before today (data/rhythm.yml),
    a weekend not being a day missed (a rep's walk-through read Saturday and Sunday as empty days)."""
    counts = [n % (len(DAILY) + 1) for n in range(1, 11)]  # ten days: 1, 2 … 8 items, then none, then 1
    page = open_at(at(TUESDAY, 9, 0))
    daily = Checklist(page, "bootcamp-daily")
    for offset, count in enumerate(counts):
        day = TUESDAY + timedelta(days=offset)
        if is_working(day):
            expect(daily.period).to_have_text(day_name(day))
            daily.tick(DAILY[:count])
            expect(daily.count).to_have_text(f"{count} of {len(DAILY)} done")
        else:  # a weekend day shows the last working day's list, not one of its own (see the test below)
            expect(daily.period).to_contain_text("Today is not a working day")
        page.clock.fast_forward(24 * 60 * MINUTE)
    today = TUESDAY + timedelta(days=len(counts))
    expect(daily.period).to_have_text(day_name(today))
    # A day with nothing ticked (the ninth) keeps no period: it reads as nothing ticked, as a day never opened
    # does, not as 0 of 8; nor does today, only opened.
    ticked = {TUESDAY + timedelta(days=offset): count for offset, count in enumerate(counts) if is_working(TUESDAY + timedelta(days=offset))}
    before = [day for day in (today - timedelta(days=back) for back in range(1, 30)) if is_working(day)][:8][::-1]
    assert len([offset for offset in range(len(counts)) if not is_working(TUESDAY + timedelta(days=offset))]) == 2, "a weekend among the ten days"
    kept = history("day", [(ticked[day], len(DAILY)) if ticked.get(day) else None for day in before])
    expect(daily.history).to_have_accessible_name(kept)
    saved = page.evaluate("key => JSON.parse(localStorage.getItem(key))", _storage_key(page, "bootcamp-daily"))
    assert sorted(saved["periods"]) == [day.isoformat() for day in before if ticked.get(day)]

    daily.form.get_by_role("checkbox").first.focus()  # by keyboard: Space ticks, Tab moves on
    for _ in range(3):
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        # A glossary term (its definition shows on focus) or a link in an item's words is a stop of its own.
        while page.evaluate("document.activeElement.matches('abbr.pb-term, a[href]')"):
            page.keyboard.press("Tab")
    expect(daily.count).to_have_text(f"3 of {len(DAILY)} done")
    daily.expect_ticked(DAILY[:3])
    daily.form.get_by_role("button", name=re.compile("^Reset")).focus()
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    expect(daily.count).to_have_text(f"0 of {len(DAILY)} done")
    expect(daily.form.get_by_role("checkbox").first).to_be_focused()
    expect(daily.history).to_have_accessible_name(kept)
    page.reload()
    daily.expect_ticked([])
    expect(daily.history).to_have_accessible_name(kept)


def test_on_a_day_off_the_daily_list_is_the_last_working_days_to_catch_up_on(open_at):
    """A manager's case: on Saturday the prospecting list offered "Saturday 5 December" to tick, a day the team
    doesn't work, which the rep's history then counted. It shows Friday's list, said as such, and a tick there is
    Friday's."""
    saturday = TUESDAY + timedelta(days=4)
    friday = saturday - timedelta(days=1)
    assert not is_working(saturday) and is_working(friday)
    page = open_at(at(friday, 17, 0))
    daily = Checklist(page, "bootcamp-daily")
    daily.tick(DAILY[:2])
    page.clock.fast_forward(24 * 60 * MINUTE)
    expect(daily.period).to_have_text(f"Today is not a working day: this is the list for the last one, {day_name(friday)}, to tick what you did then")
    daily.expect_ticked(DAILY[:2])
    daily.tick(DAILY[2:3])
    saved = page.evaluate("key => JSON.parse(localStorage.getItem(key))", _storage_key(page, "bootcamp-daily"))
    assert sorted(saved["periods"]) == [friday.isoformat()] and len(saved["periods"][friday.isoformat()]["ticked"]) == 3


@pytest.mark.parametrize(("target", "event"), [("document", "visibilitychange"), ("window", "focus")])
def test_a_tab_left_open_overnight_moves_to_the_new_day_when_the_reader_comes_back(open_at, target, event):
    page = open_at(at(TUESDAY, 23, 50, "Pacific/Auckland"))
    daily = Checklist(page, "bootcamp-daily")
    daily.tick(DAILY[:1])
    page.clock.set_system_time(at(TUESDAY + timedelta(days=2), 8, 0, "Pacific/Auckland"))  # asleep: no timer ran
    expect(daily.period).to_have_text(day_name(TUESDAY))
    page.evaluate(f"{target}.dispatchEvent(new Event('{event}'))")
    expect(daily.period).to_have_text(day_name(TUESDAY + timedelta(days=2)))
    daily.expect_ticked([])
    expect(daily.history).to_have_accessible_name(history("day", [None] * 6 + [(1, len(DAILY)), None]))


@pytest.mark.parametrize("instant", [True, False], ids=["instant navigation", "back button"])
def test_coming_back_to_the_page_shows_the_day_it_now_is(open_at, site_url, instant):
    page = open_at(at(TUESDAY, 23, 50), path=None)
    if not instant:
        # Without a sitemap material's instant navigation stands aside, and links load pages as usual.
        page.route(site_url + "sitemap.xml", lambda route: route.fulfill(status=404))
    with page.expect_response(site_url + "sitemap.xml"):
        page.goto(site_url + "prospecting/")
    page.evaluate("window.pageNeverReloaded = true")
    daily = Checklist(page, "bootcamp-daily")
    daily.tick(DAILY[:2])
    navigate_and_wait(page, lambda: page.get_by_role("link", name="Home").first.click())
    page.wait_for_url(lambda address: urlsplit(address).path == "/")
    page.clock.set_system_time(at(TUESDAY + timedelta(days=1), 0, 10))
    page.go_back()
    expect(daily.period).to_have_text(day_name(TUESDAY + timedelta(days=1)))
    assert page.evaluate("window.pageNeverReloaded === true") is instant
    daily.expect_ticked([])
    expect(daily.count).to_have_text(f"0 of {len(DAILY)} done")
    expect(daily.history).to_have_accessible_name(history("day", [None] * 7 + [(2, len(DAILY))]))


def test_the_date_is_written_as_the_reader_writes_the_pages_language(open_at, site_url):
    """A British and an American reader of the English handbook each see their own way of writing a day; a
    German reader of it sees the page's English, not German in an English sentence; a German page (the lang
    attribute changed on the way) is written in German."""
    british = open_at(at(TUESDAY, 12, 0))
    assert british.evaluate("document.documentElement.lang") == "en-GB"
    expect(Checklist(british, "bootcamp-daily").period).to_have_text("Tuesday 1 December")
    monday = week_start(TUESDAY, FIRST_DAY)
    expect(Checklist(british, "bootcamp-weekly").period).to_have_text(f"Week of {DAYS[monday.weekday()]} {monday.day} {monday:%B}")

    expect(Checklist(open_at(at(TUESDAY, 12, 0), locale="en-US"), "bootcamp-daily").period).to_have_text("Tuesday, December 1")
    german = open_at(at(TUESDAY, 12, 0), locale="de-DE")
    expect(Checklist(german, "bootcamp-daily").period).to_have_text("Tuesday 1 December")

    def german_page(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('<html lang="en-GB"', '<html lang="de"', 1))

    german.route(site_url + "prospecting/", german_page)
    german.reload()
    expect(Checklist(german, "bootcamp-daily").period).to_have_text("Dienstag, 1. Dezember")


def test_a_week_that_began_last_year_says_the_year(open_at):
    """On New Year's Day the week began in December: "Week of Monday 29 December 2025", while today needs none."""
    new_year = date(2026, 1, 1)
    page = open_at(at(new_year, 9, 0))
    start = week_start(new_year, FIRST_DAY)
    assert start.year == 2025, "the data's first day of the week falls on New Year's Day: pick another date"
    expect(Checklist(page, "bootcamp-daily").period).to_have_text("Thursday 1 January")
    # en-GB's Intl puts a comma after the weekday once the year is written
    expect(Checklist(page, "bootcamp-weekly").period).to_have_text(f"Week of {DAYS[start.weekday()]} {start.day} {start:%B} {start.year}")


def test_saved_ticks_from_before_checklists_repeated_and_corrupt_storage_are_ignored(open_at):
    page = open_at(at(TUESDAY, 12, 0))
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    daily_key, weekly_key = _storage_key(page, "bootcamp-daily"), _storage_key(page, "bootcamp-weekly")
    undated = {"ticked": {item["id"]: True for item in DAILY[:3]}}  # the shape saved before: no date
    malformed = {"version": 2, "periods": {"2026-11-30": {"ticked": [], "total": "5"}, "last week": {"ticked": {}, "total": 5}, "2026-11-23": None}}
    page.evaluate("""([dailyKey, weeklyKey, undated, malformed]) => {
        localStorage.setItem(dailyKey, JSON.stringify(undated));
        localStorage.setItem(weeklyKey, JSON.stringify(malformed));
    }""", [daily_key, weekly_key, undated, malformed])
    page.reload()
    for checklist_id, items in (("bootcamp-daily", DAILY), ("bootcamp-weekly", WEEKLY)):
        checklist = Checklist(page, checklist_id)
        expect(checklist.count).to_have_text(f"0 of {len(items)} done")
        expect(checklist.history).to_have_count(0)
    page.evaluate("key => localStorage.setItem(key, '{not json')", daily_key)
    page.reload()
    expect(Checklist(page, "bootcamp-daily").count).to_have_text(f"0 of {len(DAILY)} done")
    assert errors == []


def test_a_checklist_that_does_not_repeat_keeps_its_ticks_and_has_no_date(open_at):
    page = open_at(at(TUESDAY, 23, 50), path="checklists/")
    checklist = Checklist(page, "new-rep-first-week")
    items = next(c for c in data("checklists")["checklists"] if c["id"] == "new-rep-first-week")["items"]
    checklist.tick(items[:2])
    page.clock.fast_forward(8 * 24 * 60 * MINUTE)
    page.reload()
    checklist.expect_ticked(items[:2])
    expect(checklist.count).to_have_text(f"2 of {len(items)} done")
    expect(checklist.form.locator(".pb-checklist__period")).to_have_count(0)
    expect(checklist.history).to_have_count(0)


def test_paper_gets_a_line_to_write_the_date_on_not_the_screens_date(open_at, browser, site_url):
    page = open_at(at(TUESDAY, 23, 50))
    daily = Checklist(page, "bootcamp-daily")
    daily.tick(DAILY[:1])
    page.clock.fast_forward(20 * MINUTE)
    expect(daily.history).to_be_visible()
    write_in = daily.form.locator(".pb-checklist__write-in")
    expect(write_in).to_be_hidden()
    page.emulate_media(media="print")
    expect(write_in).to_be_visible()
    expect(write_in).to_have_text("Date:")
    expect(Checklist(page, "bootcamp-weekly").form.locator(".pb-checklist__write-in")).to_have_text("Week of:")
    expect(daily.period).to_be_hidden()
    expect(daily.history).to_be_hidden()

    no_script = browser.new_context(java_script_enabled=False)
    plain_page = no_script.new_page()
    plain_page.goto(site_url + "prospecting/")
    form = Checklist(plain_page, "bootcamp-daily").form
    expect(form.locator(".pb-checklist__write-in")).to_have_text("Date:")
    expect(form.get_by_role("checkbox")).to_have_count(len(DAILY))
    no_script.close()


def test_axe_finds_no_violations_in_a_checklist_with_its_history(open_at, axe):
    page = open_at(at(TUESDAY, 23, 50))
    daily, weekly = Checklist(page, "bootcamp-daily"), Checklist(page, "bootcamp-weekly")
    daily.tick(DAILY[:3])
    page.clock.fast_forward(20 * MINUTE)
    expect(daily.history).to_be_visible()
    expect(weekly.period).to_be_visible()
    assert axe(page, ".pb-checklist") == []


def test_the_week_start_comes_from_the_data(browser, edited_site):
    """A leader changes the first day of the week in data/bootcamp.yml (to Wednesday, in tests/leader_edits.py);
    the weekly list starts afresh on that day."""
    context = browser.new_context(timezone_id="Europe/London", locale="en-GB")
    with serve(edited_site) as url:
        page = context.new_page()
        page.clock.install(time=at(TUESDAY, 23, 50))
        page.goto(url + "prospecting/")
        weekly = Checklist(page, "bootcamp-weekly")
        expect(weekly.period).to_have_text("Week of " + day_name(week_start(TUESDAY, "Wednesday")))
        weekly.tick(WEEKLY[:1])
        page.clock.fast_forward(20 * MINUTE)
        expect(weekly.period).to_have_text("Week of " + day_name(TUESDAY + timedelta(days=1)))
        weekly.expect_ticked([])
    context.close()


def test_the_charter_review_list_belongs_to_the_review_on_the_charters_date_across_a_quarters_end(open_at):
    """A rep's walk-through found last quarter's charter-review ticks still there weeks later, ready to mislead the
    next review, so the list started afresh each calendar quarter; a second rep then ticked the preparation on 22
    March and found it gone on 1 April, the review week. The ticks now belong to the review on the charter's
    next_review date: kept across New Year for the February review, with an earlier review's ticks in the
    history, and a new list once the leader moves the date on."""
    items = next(c for c in data("checklists")["checklists"] if c["id"] == "charter-review")["items"]
    review_day = date.fromisoformat(data("charter")["review"]["next_review"])
    start = at(date(2026, 12, 30), 9, 0)
    assert start.date() < date(review_day.year, 1, 1) <= review_day  # the preparation and the review straddle a quarter's end
    page = open_at(start, path="checklists/")
    key = _storage_key(page, "charter-review")
    # The review before this one, kept as the list kept it when it started afresh every quarter.
    page.evaluate("([key, ticked]) => localStorage.setItem(key, JSON.stringify({version: 2, periods: {'2026-10-01': {ticked: ticked, total: 8}}}))",
                  [key, {item["id"]: True for item in items[:5]}])
    page.reload()
    review = Checklist(page, "charter-review")
    expect(review.period).to_have_text(f"For the review on {day_name(review_day)} {review_day.year}")  # next year: said
    review.tick(items[:3])
    page.clock.fast_forward(int((at(date(2027, 1, 4), 9, 0) - start).total_seconds() * 1000))
    page.reload()
    review.expect_ticked(items[:3])
    expect(review.count).to_have_text(f"3 of {len(items)} done")
    expect(review.history).to_have_accessible_name(f"The last review, oldest first: 5 of {len(items)}")
    # A week after the review, with no next date set yet, the list says its review is past (a VP: May opened on
    # February's ticks with nothing said).
    page.clock.fast_forward(int((at(review_day + timedelta(days=8), 9, 0) - at(date(2027, 1, 4), 9, 0)).total_seconds() * 1000))
    page.reload()
    expect(review.period).to_have_text(f"For the review on {day_name(review_day)}, now past: the list starts afresh once the charter gives the next review's date")
    # On paper, a line for the review's date.
    page.emulate_media(media="print")
    expect(review.form.locator(".pb-checklist__write-in")).to_have_text("Review on:")


def test_a_list_that_no_longer_starts_afresh_keeps_the_ticks_saved_by_period(open_at):
    """The first-meeting plan used to start afresh each day: ticks a reader saved then, by day, carry on into
    the list that now keeps them until Reset, rather than being lost on the first visit after the change."""
    items = next(c for c in data("checklists")["checklists"] if c["id"] == "first-meeting-plan")["items"]
    page = open_at(at(TUESDAY, 9, 0), path="checklists/")
    key = _storage_key(page, "first-meeting-plan")
    page.evaluate("([key, older, newer]) => localStorage.setItem(key, JSON.stringify({version: 2, periods: {'2026-11-30': {ticked: older, total: 7}, '2026-12-01': {ticked: newer, total: 7}}}))",
                  [key, {items[0]["id"]: True}, {items[1]["id"]: True, items[2]["id"]: True}])
    page.reload()
    Checklist(page, "first-meeting-plan").expect_ticked(items[1:3])
