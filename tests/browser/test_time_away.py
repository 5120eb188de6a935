"""Time away, as a manager uses it: leave recorded on Reps and saved answers (saved, listed while now, to come
or lately over, refused beside the form when the day back isn't after the first day away, removed), then the
Team view: leave pauses the rhythm, so a rep away is not overdue, the days away don't count towards the next
meeting (a sick day doesn't wipe out an overdue 1:1), leave still to come excuses nothing but is named beside
a due date that would otherwise fall in it, and a rep with nothing recorded counts from the day they were added. Every row is worked out here by a rule
written independently of time-away.js; the same team read from exported files gives the same rows."""

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import jsonschema
from playwright.sync_api import expect

from tests.helpers import NEWEST_WORKSPACE_VERSION, WORKSPACE_SCHEMA, data, is_working, next_working, working_days_late, working_days_said

TEAM = "coaching/team/"
WORKSPACE = "coaching/workspace/"
LONDON = ZoneInfo("Europe/London")
ADDED = datetime(2026, 1, 5, 9, 0, tzinfo=LONDON)
TODAY = datetime(2026, 3, 30, 10, 0, tzinfo=LONDON)  # a Monday
RHYTHM = data("rhythm")
ONE_TO_ONE = next(m for m in RHYTHM["meetings"] if m["id"] == RHYTHM["one_to_one"]["meeting"])
RIDE_ALONG = next(m for m in RHYTHM["meetings"] if m.get("rated_with") == "ride-along")
DAYS_APART = {"weekly": 7, "fortnightly": 14, "monthly": 31, "quarterly": 92}

# name: (1:1s held, ride-alongs, leave as (first day away, first day back) set on the page)
TEAM_RECORDS = {
    "Tom": (["2026-03-16"], ["2026-02-02"], [("2026-03-23", "2026-04-06")]),  # away today
    "Ana": (["2026-03-06"], ["2026-02-20"], [("2026-03-09", "2026-03-25")]),  # back since Wednesday
    "Priya": (["2026-03-16"], ["2026-03-02"], [("2026-04-06", "2026-04-13")]),  # leave still to come
    "Kim": ([], [], []),  # added in January, nothing since
    "Harry": (["2026-03-16"], [], [("2026-03-19", "2026-03-20")]),  # one sick day: his 1:1 stays overdue
    "Dee": (["2026-03-23"], [], []),  # due today
    "Bo": (["2026-03-27"], [], [("2026-04-01", "2026-04-06")]),  # due after leave starting Wednesday
    "Cy": (["2026-03-24"], [], [("2026-03-09", "2026-03-16")]),  # leave before his last 1:1 changes nothing
    "Eve": ([], [], [("2026-03-26", "2026-04-02"), ("2026-03-30", "2026-04-08")]),  # off sick on holiday: back on the 8th
    "Fin": (["2026-03-02"], [], [("2026-03-16", "2026-03-23")]),  # overdue, then a week away: not counted as overdue
    "Gus": (["2026-03-25"], [], [("2026-03-26", "2026-03-28")]),  # two days off the day after his 1:1
    "Hal": (["2026-03-23"], [], [("2026-03-20", "2026-03-26")]),  # a 1:1 by phone while away
    "Ivy": (["2026-03-19"], [], [("2026-03-28", "2026-04-06")]),  # due Thursday, away from Saturday: 1 day overdue, Friday
}
NEW = "Lee"  # added today

SEED = """([name, oneToOnes, rides]) => {
    const ws = Playbook.workspace;
    const added = ws.addRep(name);
    if (added.error) throw new Error(added.error);
    for (const day of oneToOnes) {
        const commitments = [{text: `${name}: send the Acme proposal`, owner: "rep", due: Playbook.dates.iso(Playbook.dates.number(day) + 4), done: null}];
        ws.record("one-to-one", "one-to-one", {held: true, commitments}, day, added.rep.id);
    }
    for (const day of rides) ws.record("observation", "ride-along", {answers: {}, notes: {}, result: {complete: true, score: 80, level: null}}, day, added.rep.id);
}"""


def shown(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%b} {day.year}"


def weekday(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%a} {day.day} {day:%b}"


def due_day(start: date, days: int, away_on) -> date:
    """The rule a manager would apply with a calendar, day by day: `days` days after `start`, on to a working
    day; then, walking on from `start`, each working day away moves that day on one working day."""
    due, day = next_working(start + timedelta(days=days)), start
    while day < due:
        day += timedelta(days=1)
        if is_working(day) and away_on(day):
            due = next_working(due + timedelta(days=1))
    return due


def expected_row(name: str, held: list, leave: list, added: str, days: int) -> list:
    """A rep's row by the rule a manager would apply with a calendar: away today, nothing is due, and they are
    back on the first day they are not away; otherwise it is due by due_day() from the last one held (or the day
    added); overdue by the working days since that they were not away."""
    today = TODAY.date()
    past = sorted(date.fromisoformat(d) for d in held if date.fromisoformat(d) <= today)
    last = weekday(past[-1].isoformat()) + f" ({(today - past[-1]).days} days ago)" if past else "None recorded"
    spans = [(date.fromisoformat(away), date.fromisoformat(back)) for away, back in leave]

    def away_on(day):
        return any(a <= day < b for a, b in spans)

    def back_from(day):
        while away_on(day):
            day += timedelta(days=1)
        return day

    start = past[-1] if past else date.fromisoformat(added)
    if away_on(today):
        # already overdue on the day the leave began (counted without it): said, so it isn't lost from view
        left = today
        while away_on(left - timedelta(days=1)):
            left -= timedelta(days=1)
        due_then = due_day(start, days, lambda day: any(a <= day < b for a, b in spans if a < left))
        back = f"Away: back on {weekday(back_from(today).isoformat())}"
        if due_then < left:
            # the working days they were there after it was due, before the leave began
            there = [due_then + timedelta(days=n) for n in range(1, (left - due_then).days)]
            late = sum(1 for day in there if is_working(day) and not any(a <= day < b for a, b in spans))
            return [name, last, f"{back}; overdue by {working_days_said(late)} before they left: hold it in their first days back"]
        return [name, last, back]
    due = due_day(start, days, away_on)
    if today > due:
        return [name, last, f"Overdue by {working_days_said(working_days_late(due, today, spans))}"]
    if today == due:
        return [name, last, "Due today"]
    starts = [today + timedelta(days=n) for n in range(1, (due - today).days + 1)]
    coming = next((day for day in starts if away_on(day) and not away_on(day - timedelta(days=1))), None)
    # named only when, but for it, the meeting would fall due while they are away: then it is best held before
    unmoved = due_day(start, days, lambda day: any(a <= day < b for a, b in spans if a <= today))
    if coming and not coming <= unmoved < back_from(coming):
        coming = None
    around = f"; away from {weekday(coming.isoformat())}, back on {weekday(back_from(coming).isoformat())}: hold it before they go if you can" if coming else ""
    return [name, last, f"Due by {weekday(due.isoformat())}{around}"]


def expected_tables() -> dict:
    rows = {"1:1": [], "ride-along": []}
    added = {name: ADDED.date().isoformat() for name in TEAM_RECORDS} | {NEW: TODAY.date().isoformat()}
    records = TEAM_RECORDS | {NEW: ([], [], [])}
    for name in sorted(records, key=str.casefold):
        held, rides, leave = records[name]
        rows["1:1"].append(expected_row(name, held, leave, added[name], DAYS_APART[ONE_TO_ONE["how_often"]]))
        rows["ride-along"].append(expected_row(name, rides, leave, added[name], DAYS_APART[RIDE_ALONG["how_often"]]))
    return rows


def rows_of(table) -> list:
    return table.locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")


def meeting_table(page, meeting: str):
    return page.locator("section").filter(has=page.get_by_role("heading", name=f"Last {meeting}", exact=True)).get_by_role("table")


def late_names(table) -> list:
    return table.locator("tbody tr.pb-team__late th").all_text_contents()


def set_time_away(page, name: str, away: str, back: str):
    form = page.get_by_role("form", name="Time away")
    form.get_by_label("Who is away").select_option(label=name)
    form.get_by_label("First day away").fill(away)
    form.get_by_label("First day back").fill(back)
    form.get_by_role("button", name="Save time away").click()


def expect_team(page):
    expected = expected_tables()
    assert ONE_TO_ONE["how_often"] == "weekly" and RIDE_ALONG["how_often"] == "monthly", "the cases below are chosen for a weekly 1:1 and a monthly ride-along"
    for meeting in ("1:1", "ride-along"):
        table = meeting_table(page, meeting)
        late = [row[0] for row in expected[meeting] if row[2].startswith("Overdue") or "before they left" in row[2]]
        expect(table).to_have_accessible_name(f"Last {meeting} per rep: {len(late)} of {len(expected[meeting])} overdue")
        assert [row[:3] for row in rows_of(table)] == expected[meeting]  # the 1:1s' Plan column aside
        assert late_names(table) == late
    # the cases the rule is there for, as a sales leader would check them
    one_to_ones = {row[0]: row[2] for row in expected["1:1"]}
    assert one_to_ones["Tom"] == "Away: back on Mon 6 Apr"  # 14 days since his last 1:1, but on leave
    assert one_to_ones["Ana"] == "Due by Tue 31 Mar"  # away from the Monday after it: 4 working days since she was back on the 25th
    assert one_to_ones["Priya"] == "Overdue by 5 working days"  # her leave next week doesn't excuse this one
    assert one_to_ones["Kim"] == "Overdue by 55 working days"  # nothing since she was added on 5 January
    assert one_to_ones["Lee"] == "Due by Mon 6 Apr"  # added today
    assert one_to_ones["Harry"] == "Overdue by 4 working days"  # a day off sick moves it one day, not a week
    assert one_to_ones["Dee"] == "Due today"
    assert one_to_ones["Bo"] == "Due by Wed 8 Apr; away from Wed 1 Apr, back on Mon 6 Apr: hold it before they go if you can"
    assert one_to_ones["Cy"] == "Due by Tue 31 Mar"
    # the later of two overlapping leaves; nothing since she was added in January, so overdue before she left
    assert one_to_ones["Eve"] == "Away: back on Wed 8 Apr; overdue by 52 working days before they left: hold it in their first days back"
    assert one_to_ones["Fin"] == "Overdue by 10 working days"  # 15 working days since it was due, 5 of them away
    assert one_to_ones["Gus"] == "Due by Fri 3 Apr"
    assert one_to_ones["Hal"] == "Due by Wed 1 Apr"  # the days away before the 1:1 don't count again
    assert one_to_ones["Ivy"] == "Away: back on Mon 6 Apr; overdue by 1 working day before they left: hold it in their first days back"


def test_a_manager_records_leave_and_the_team_view_counts_the_rhythm_around_it(browser, site_url, axe):
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(ADDED)
    page.goto(site_url + WORKSPACE)
    for name, (held, rides, _) in TEAM_RECORDS.items():
        page.evaluate(SEED, [name, held, rides])
    page.clock.set_fixed_time(TODAY)
    page.goto(site_url + WORKSPACE)
    page.get_by_role("form", name="Add a rep").get_by_label("Rep's name or initials").fill(NEW)
    page.get_by_role("form", name="Add a rep").get_by_role("button", name="Add").click()
    away_status = page.get_by_role("form", name="Time away").get_by_role("status")
    listed = page.get_by_role("list", name="Time away")
    expect(listed).to_have_text("No one is away now, no time away is coming up, and no one was away in the last 90 days.")
    assert page.get_by_label("First day away").input_value() == TODAY.date().isoformat()

    for name, (_, _, leave) in TEAM_RECORDS.items():
        for away, back in leave:
            set_time_away(page, name, away, back)
            expect(away_status).to_have_text(f"Saved: {name} away from {weekday(away)}, back on {weekday(back)}.")
    # now, to come and lately over (all of these), by first day away
    leaves = sorted(((away, back, name) for name, (_, _, leave) in TEAM_RECORDS.items() for away, back in leave), key=lambda item: (item[0], item[2].casefold()))
    expect(listed.get_by_role("listitem")).to_have_text([f"{name}: away from {weekday(away)}, back on {weekday(back)} Remove" for away, back, name in leaves])

    # A slip of the keyboard: back before away is refused, and nothing is saved.
    before = page.evaluate("() => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === 'Lee').id}).length")
    set_time_away(page, NEW, "2026-04-10", "2026-04-03")
    expect(away_status).to_have_text("The first day back must come after the first day away.")  # beside the form
    assert page.evaluate("() => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === 'Lee').id}).length") == before
    # Saved for the wrong rep, then removed with its own button.
    set_time_away(page, NEW, "2026-04-03", "2026-04-10")
    expect(listed.get_by_role("listitem")).to_have_count(len(leaves) + 1)
    listed.get_by_role("button", name="Remove Lee's time away from Fri 3 Apr").click()
    expect(away_status).to_have_text("Removed Lee's time away from Fri 3 Apr.")
    expect(listed.get_by_role("listitem")).to_have_count(len(leaves))
    assert page.evaluate("() => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === 'Lee').id}).length") == before
    assert axe(page, "[data-workspace]") == []

    page.goto(site_url + TEAM)
    expect(page.locator("[data-team-status]")).to_have_text(f"Showing the {len(TEAM_RECORDS) + 1} reps saved in this browser.")
    expect_team(page)
    # Commitments still wait for a rep on leave, named with the day he is back. The days a rep was away are not
    # days their commitment is overdue, so one due during leave and not yet missed on a day back is not listed,
    # and the longest overdue comes first.
    def days_overdue(name: str, due: date) -> int:
        spans = [(date.fromisoformat(away), date.fromisoformat(back)) for away, back in TEAM_RECORDS[name][2]]
        due = next_working(due)  # due on a day off: due the next working day
        due = next((next_working(back) for away, back in spans if away <= due < back), due)  # while away: the working day back
        # a day late once passed, even with every working day since away (Tom's, due the Friday before his leave)
        return max(1, working_days_late(due, TODAY.date(), spans)) if due < TODAY.date() else 0

    due = [(date.fromisoformat(day) + timedelta(days=4), name) for name, (held, _, _) in TEAM_RECORDS.items() for day in held]
    overdue = sorted(((days_overdue(name, day), day, name) for day, name in due), key=lambda d: (-d[0], d[1], d[2].casefold()))
    owing = [name for late, _, name in overdue if late > 0]
    by_due_date = [name for day, name in sorted(due, key=lambda d: (d[0], d[1].casefold())) if day < TODAY.date()]
    assert "Tom" in owing and owing != by_due_date, "leave changes which commitment has been overdue longest"
    table = page.get_by_role("table", name=f"{len(owing)} overdue commitments")
    away_today = {name: back for name, (_, _, leaves) in TEAM_RECORDS.items() for away, back in leaves if date.fromisoformat(away) <= TODAY.date() < date.fromisoformat(back)}
    assert {"Tom", "Ivy"} <= set(away_today)
    assert table.locator("tbody th").all_text_contents() == [f"{name} (away, back on {weekday(away_today[name])})" if name in away_today else name for name in owing]

    # On a phone each table's rows become cards, labelled, and none runs off the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    expect(table.locator("td[data-label]").first).to_have_attribute("data-label", "Commitment")
    widths = page.evaluate("() => [...document.querySelectorAll('.pb-team table[data-stack]')].map(t => [t.getBoundingClientRect().right, document.documentElement.clientWidth])")
    assert len(widths) == 3 and all(right <= width for right, width in widths), widths  # the 1:1s, ride-alongs and commitments
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")  # the heat map scrolls in its box
    page.set_viewport_size({"width": 1280, "height": 800})

    # Eve's history names her time away, the overlapping leave as one, so a gap in her charts reads as leave.
    page.goto(site_url + "coaching/history/")
    page.get_by_label("Whose answers").first.select_option(label="Eve")
    expect(page.locator("[data-history-away-slot] li")).to_have_text(["Away from 26 Mar 2026, back on 8 Apr 2026"])
    page.get_by_label("Whose answers").first.select_option(label="Lee")
    expect(page.locator("[data-history-away-slot]")).to_have_text("No time away recorded for Lee.")
    page.goto(site_url + TEAM)

    # Exported in the published format, and read as files in another browser: the same rows.
    exported = page.evaluate("() => Playbook.workspaceFile.exportFile(Playbook.workspace.reps().map(rep => rep.id))")
    assert exported["version"] == NEWEST_WORKSPACE_VERSION and jsonschema.Draft202012Validator(WORKSPACE_SCHEMA).is_valid(exported)
    away = sorted((rep["name"], r["date"], r["data"]["back"]) for rep in exported["reps"] for r in rep["records"] if r["kind"] == "away")
    assert away == sorted((name, a, b) for name, (_, _, leave) in TEAM_RECORDS.items() for a, b in leave)
    other = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    reader = other.new_page()
    reader.clock.set_fixed_time(TODAY)
    reader.goto(site_url + TEAM)
    reader.locator("input[type=file]").set_input_files([{"name": "team.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}])
    expect(reader.locator("[data-team-status]")).to_contain_text(f"Showing {len(TEAM_RECORDS) + 1} reps from 1 of 1 files.")
    expect_team(reader)
    other.close()
    context.close()


def test_the_managers_own_leave_pauses_the_meetings_with_every_rep_and_their_own_commitments(browser, site_url):
    """A manager's case: back from a week's holiday, every rep showed a 1:1 overdue and the manager's own
    commitments read a week late, though no one could have met them. The manager's time away, recorded as their
    own, now counts as a rep's does: for the meetings with every rep, and for the manager's own commitments,
    while a rep's commitments run on. The rows are worked out by the same day-by-day rule as above."""
    holiday = ("2026-03-21", "2026-03-28")
    sick = ("2026-03-24", "2026-03-26")  # Ben's, inside the manager's holiday: he is back first
    team = {"Ana": ["2026-03-16"], "Ben": ["2026-03-23"]}
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(ADDED)
    page.goto(site_url + WORKSPACE)
    for name, held in team.items():
        page.evaluate(SEED, [name, held, []])
    page.evaluate("""() => {
        const ana = Playbook.workspace.reps().find(rep => rep.name === "Ana").id;
        const record = Playbook.workspace.records({rep: ana, kind: "one-to-one"})[0];
        record.data.commitments.push({text: "Book the ride-along", owner: "manager", due: "2026-03-20", done: null});
        record.data.commitments.push({text: "Send the forecast", owner: "manager", due: "2026-03-24", done: null});
        Playbook.workspace.record("one-to-one", "one-to-one", record.data, record.date, ana);
    }""")
    page.clock.set_fixed_time(TODAY)
    page.goto(site_url + WORKSPACE)
    set_time_away(page, "You (the manager)", *holiday)
    form = page.get_by_role("form", name="Time away")
    expect(form.get_by_role("status")).to_have_text(f"Saved: your own time away starting {weekday(holiday[0])}, back on {weekday(holiday[1])}.")
    expect(page.get_by_role("list", name="Time away").get_by_role("listitem")).to_have_text([f"You: away from {weekday(holiday[0])}, back on {weekday(holiday[1])} Remove"])
    set_time_away(page, "Ben", *sick)

    page.goto(site_url + TEAM)
    week = DAYS_APART[ONE_TO_ONE["how_often"]]
    rows = [row[:3] for row in rows_of(meeting_table(page, "1:1"))]  # the Plan column aside
    assert rows == [expected_row(name, held, [holiday] + ([sick] if name == "Ben" else []), ADDED.date().isoformat(), week) for name, held in team.items()]
    assert [row[2] for row in rows] == ["Due today", "Due by Fri 3 Apr"]  # not "Overdue by 7 days" and "Due today"
    # The reps' own (due four days after their 1:1) run on through the manager's leave; the manager's doesn't,
    # and one due while the manager was away falls due on the day back, as a 1:1 does.
    away = [date.fromisoformat(holiday[0]) + timedelta(days=n) for n in range((date.fromisoformat(holiday[1]) - date.fromisoformat(holiday[0])).days)]
    owed = [(f"{name}: send the Acme proposal", "Rep", date.fromisoformat(held[0]) + timedelta(days=4)) for name, held in team.items()] + [("Book the ride-along", "Manager", date(2026, 3, 20)), ("Send the forecast", "Manager", date(2026, 3, 24))]

    def late_by(owner: str, due: date) -> int:
        due = next_working(due)
        if owner == "Manager" and due in away:
            due = next_working(date.fromisoformat(holiday[1]))  # back on a Saturday: due the Monday
        if due >= TODAY.date():
            return 0
        return max(1, working_days_late(due, TODAY.date(), [tuple(map(date.fromisoformat, holiday))] if owner == "Manager" else []))

    late = sorted(((text, owner, late_by(owner, due), due) for text, owner, due in owed if late_by(owner, due)), key=lambda item: (-item[2], item[3]))
    owing = page.get_by_role("table", name=f"{len(late)} overdue commitments")
    assert [(row[1], row[2], row[4]) for row in rows_of(owing)] == [(text, owner, working_days_said(days)) for text, owner, days, _ in late]
    # Friday 20 March: 1 working day on Monday 30 March; the 24th fell in the holiday, so it is due the first
    # working day back, that Monday, and not yet overdue
    assert {text: days for text, who, days, _ in late if who == "Manager"} == {"Book the ride-along": 1}
    # While the manager is away, the rows say whose leave it is.
    page.clock.set_fixed_time(datetime(2026, 3, 24, 10, 0, tzinfo=LONDON))
    page.reload()
    assert [row[2] for row in rows_of(meeting_table(page, "1:1"))] == ["You are away: back on Sat 28 Mar", "Away: back on Thu 26 Mar"]
    context.close()


def test_a_1_1_planned_while_the_rep_is_away_says_so(browser, site_url):
    """A manager planning next week's 1:1s on Monday: Tom is away until the 6th, so a 1:1 today is flagged with
    the day he is back and can't be recorded as held; on that day, or for another rep, nothing is said."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(TODAY)
    page.goto(site_url + "coaching/plan-one-to-one/")
    page.evaluate("""() => {
        const ws = Playbook.workspace;
        const tom = ws.addRep("Tom").rep.id;
        ws.addRep("Ana");
        ws.record("away", "time-away", {back: "2026-04-06"}, "2026-03-23", tom);
        ws.choose(tom);
    }""")
    page.reload()
    note = page.locator("[data-plan-away]")
    expect(note).to_have_text("Tom is away on this day: time away from Mon 23 Mar, back on Mon 6 Apr. Choose a day they are back.")
    # Recorded as held while he was away: refused, and nothing recorded.
    page.get_by_role("button", name="Record this 1:1 as held").click()
    expect(page.locator("[data-plan-status]")).to_have_text("Tom was away on Mon 30 Mar, back on Mon 6 Apr: record the 1:1 on the day it took place.")
    assert page.evaluate("() => Playbook.workspace.records({kind: 'one-to-one'}).length") == 0
    page.get_by_label("Date", exact=True).fill("2026-04-06")
    expect(note).to_be_hidden()
    page.get_by_label("Date", exact=True).fill("2026-04-03")
    expect(note).to_be_visible()
    page.get_by_label("Whose answers").first.select_option(label="Ana")
    expect(note).to_be_hidden()
    context.close()
