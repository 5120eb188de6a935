"""The team's working days (data/rhythm.yml working_days, less its days_off), as the team view and the 1:1 tools
count in them: the next meeting's due day and the days a rep is overdue, worked out in the page by time-away.js
and here by walking a calendar day by day, for a Monday-to-Friday team, one with Easter's two bank holidays off
and a Sunday-to-Thursday one, over every weekday a meeting can be held on, with leave before, across and after
the day it falls due."""

from datetime import date, timedelta

import pytest

from tests.helpers import DAY_NAMES, data, page

# Python's weekday() (Monday 0) → the widgets' (Sunday 0), as data-working-days writes them.
CLOCK = {name: (index + 1) % 7 for index, name in enumerate(DAY_NAMES)}
WEEKS = {
    "Monday to Friday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "Monday to Friday, Easter off": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "Sunday to Thursday": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"],
}
# Good Friday and Easter Monday 2026, and a Saturday listed by mistake (which changes nothing).
DAYS_OFF = {"Monday to Friday, Easter off": [date(2026, 4, 3), date(2026, 4, 6), date(2026, 3, 21)]}
FIRST = date(2026, 3, 2)  # a Monday
LEAVE = [[], [(3, 4)], [(4, 11)], [(6, 13)], [(8, 9), (10, 15)], [(-3, 2)]]  # days after the last meeting


def oracle(working: list[str], start: date, days: int, leave: list[tuple[date, date]], today: date, off: list[date] = ()) -> tuple[str, int]:
    """The due day by the calendar: `days` days on, then to a working day, then one working day later for each
    working day away walked past on the way; and the working days after it up to `today` that the rep was not
    away (on a day off, the working days before it: Monday's has not happened on Saturday). A day in `off` is no
    working day."""

    def works(day):
        return DAY_NAMES[day.weekday()] in working and day not in off

    def away(day):
        return any(first <= day < back for first, back in leave)

    def onwards(day):
        while not works(day):
            day += timedelta(days=1)
        return day

    due, day = onwards(start + timedelta(days=days)), start
    while day < due:
        day += timedelta(days=1)
        if works(day) and away(day):
            due = onwards(due + timedelta(days=1))
    late = sum(1 for n in range(1, (today - due).days + 1) if works(due + timedelta(days=n)) and not away(due + timedelta(days=n)))
    return due.isoformat(), late


@pytest.mark.parametrize("week", WEEKS)
def test_a_meeting_falls_due_and_runs_late_on_the_teams_working_days(browser, site_url, week):
    working = WEEKS[week]
    cases = []
    for offset in range(7):
        start = FIRST + timedelta(days=offset)
        for days in (7, 14, 31):
            for spans in LEAVE:
                leave = [(start + timedelta(days=a), start + timedelta(days=b)) for a, b in spans]
                for today in (start + timedelta(days=days + n) for n in (2, 5, 9)):
                    cases.append((start, days, leave, today))
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    tab = context.new_page()
    tab.goto(site_url + "coaching/team/")
    off = DAYS_OFF.get(week, [])
    tab.locator("[data-working-days]").evaluate(
        "(carrier, [days, off]) => { carrier.dataset.workingDays = days; carrier.dataset.daysOff = off; }",
        [" ".join(str(CLOCK[name]) for name in working), " ".join(day.isoformat() for day in off)],
    )
    found = tab.evaluate("""cases => cases.map(([start, days, leave, today]) => {
        const records = leave.map(([from, back]) => ({kind: "away", tool: "time-away", date: from, data: {back}}));
        const due = Playbook.timeAway.dueBy(start, records, days);
        return [due, due < today ? Playbook.timeAway.daysPresent(records, due, today) : 0];
    })""", [[start.isoformat(), days, [[a.isoformat(), b.isoformat()] for a, b in leave], today.isoformat()] for start, days, leave, today in cases])
    expected = []
    for start, days, leave, today in cases:
        due, late = oracle(working, start, days, leave, today, off)
        expected.append([due, late if due < today.isoformat() else 0])
    assert found == expected
    assert all(DAY_NAMES[date.fromisoformat(due).weekday()] in working and date.fromisoformat(due) not in off for due, _ in found)
    context.close()


def test_every_tool_that_counts_in_working_days_carries_the_data(built_site):
    """The team view, the rep's history, the 1:1 planner, the ride-along form (which stays open for the next day's
    ratings) and the daily checklist say which days the team works and which days it is off, as data/rhythm.yml
    has them."""
    rhythm = data("rhythm")
    wanted = (" ".join(str(CLOCK[name]) for name in rhythm.get("working_days", DAY_NAMES[:5])), " ".join(off["date"] for off in rhythm.get("days_off", [])))
    for url in ("coaching/team/", "coaching/history/", "coaching/plan-one-to-one/", "coaching/ride-along/", "prospecting/"):
        carriers = page(built_site, url).select("[data-working-days]")
        assert carriers and {(carrier["data-working-days"], carrier["data-days-off"]) for carrier in carriers} == {wanted}, url


def test_a_commitment_due_on_a_day_off_is_due_the_next_working_day(browser, site_url):
    """A reviewer's case: a commitment due on a Saturday read one working day overdue on the Sunday and on the
    Monday, before it had a working day to be done in; and, with the rep away from that Monday, still overdue
    while they were away. It falls due on the next working day, or the working day they are back."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    tab = context.new_page()
    tab.goto(site_url + "coaching/team/")
    found = tab.evaluate("""() => {
        const open = {text: "Send the proposal", owner: "rep", due: "2026-03-07", done: null};
        const over = (day, records) => Playbook.commitments.overdueBy(open, records, day, []);
        const away = [{kind: "away", tool: "time-away", date: "2026-03-09", data: {back: "2026-03-16"}}];
        return {
            plain: ["2026-03-08", "2026-03-09", "2026-03-10"].map(day => over(day, [])),
            doneMonday: Playbook.commitments.daysLate({...open, done: "2026-03-09"}, [], []),
            away: ["2026-03-11", "2026-03-16", "2026-03-17"].map(day => over(day, away)),
        };
    }""")
    assert found == {"plain": [0, 0, 1], "doneMonday": 0, "away": [0, 0, 1]}
    context.close()


def test_a_commitment_due_before_a_bank_holiday_weekend_is_one_working_day_late_after_it(browser, site_url):
    """A German manager's case: public holidays were working days to the tools, so a commitment due on the
    Thursday before Easter read three working days overdue on the Tuesday after it. With Good Friday and Easter
    Monday as days off it is one, and one done on the Tuesday was one day late, not three."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    tab = context.new_page()
    tab.goto(site_url + "coaching/team/")
    tab.locator("[data-working-days]").evaluate("carrier => { carrier.dataset.workingDays = '1 2 3 4 5'; carrier.dataset.daysOff = '2027-03-26 2027-03-29'; }")
    found = tab.evaluate("""() => {
        const open = {text: "Send the proposal", owner: "rep", due: "2027-03-25", done: null};
        return {
            over: ["2027-03-26", "2027-03-30", "2027-03-31"].map(day => Playbook.commitments.overdueBy(open, [], day, [])),
            doneTuesday: Playbook.commitments.daysLate({...open, done: "2027-03-30"}, [], []),
            dueOnGoodFriday: Playbook.commitments.overdueBy({...open, due: "2027-03-26"}, [], "2027-03-30", []),
        };
    }""")
    assert found == {"over": [1, 1, 2], "doneTuesday": 1, "dueOnGoodFriday": 0}
    context.close()
