"""Time away, as a manager uses it: leave recorded on Reps and saved answers (saved, listed while now or to
come, refused when the day back isn't after the first day away, removed), then the Team view: a rep away is
not overdue, a rep back from leave counts from their first day back, leave still to come excuses nothing, and
a rep with nothing recorded counts from the day they were added. Every row is worked out here by a rule
written independently of time-away.js; the same team read from exported files gives the same rows."""

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import jsonschema
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.helpers import data

TEAM = "coaching/team/"
WORKSPACE = "coaching/workspace/"
LONDON = ZoneInfo("Europe/London")
ADDED = datetime(2026, 1, 5, 9, 0, tzinfo=LONDON)
TODAY = datetime(2026, 3, 30, 10, 0, tzinfo=LONDON)  # a Monday
SCHEMA = json.loads((ROOT / "overrides/assets/workspace.schema.json").read_text(encoding="utf-8"))
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
}
NEW = "Lee"  # added today

SEED = """([name, oneToOnes, rides]) => {
    const ws = Playbook.workspace;
    const added = ws.addRep(name);
    if (added.error) throw new Error(added.error);
    const commitments = [{text: `${name}: send the Acme proposal`, owner: "rep", due: "2026-03-20", done: null}];
    for (const day of oneToOnes) ws.record("one-to-one", "one-to-one", {held: true, commitments}, day, added.rep.id);
    for (const day of rides) ws.record("observation", "ride-along", {answers: {}, notes: {}, result: {complete: true, score: 80, level: null}}, day, added.rep.id);
}"""


def shown(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%b} {day.year}"


def weekday(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%a} {day.day} {day:%b}"


def expected_row(name: str, held: list, leave: list, added: str, days: int) -> list:
    """A rep's row by the rule a manager would apply by hand: away today, nothing is due; otherwise the next
    is due `days` after the latest of the last one held and any first day back up to today (with none held,
    of the day added and those days back)."""
    today = TODAY.date()
    past = sorted(date.fromisoformat(d) for d in held if date.fromisoformat(d) <= today)
    last = shown(past[-1].isoformat()) + f" ({(today - past[-1]).days} days ago)" if past else "None recorded"
    for away, back in leave:
        if date.fromisoformat(away) <= today < date.fromisoformat(back):
            return [name, last, f"Away: back on {shown(back)}"]
    backs = [date.fromisoformat(back) for _, back in leave if date.fromisoformat(back) <= today]
    start = max([past[-1] if past else date.fromisoformat(added)] + backs)
    due = start + timedelta(days=days)
    if today > due:
        return [name, last, f"Overdue by {(today - due).days} days"]
    return [name, last, f"Due by {shown(due.isoformat())}"]


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
    form.get_by_label("Rep", exact=True).select_option(label=name)
    form.get_by_label("First day away").fill(away)
    form.get_by_label("First day back").fill(back)
    form.get_by_role("button", name="Save time away").click()


def expect_team(page):
    expected = expected_tables()
    assert ONE_TO_ONE["how_often"] == "weekly" and RIDE_ALONG["how_often"] == "monthly", "the cases below are chosen for a weekly 1:1 and a monthly ride-along"
    for meeting in ("1:1", "ride-along"):
        table = meeting_table(page, meeting)
        late = [row[0] for row in expected[meeting] if row[2].startswith("Overdue")]
        expect(table).to_have_accessible_name(f"Last {meeting} per rep: {len(late)} of {len(expected[meeting])} overdue")
        assert rows_of(table) == expected[meeting]
        assert late_names(table) == late
    # the cases the rule is there for, as a sales leader would check them
    one_to_ones = {row[0]: row[2] for row in expected["1:1"]}
    assert one_to_ones["Tom"] == "Away: back on 6 Apr 2026"  # 14 days since his last 1:1, but on leave
    assert one_to_ones["Ana"] == "Due by 1 Apr 2026"  # 24 days since her last 1:1; back on the 25th
    assert one_to_ones["Priya"] == "Overdue by 7 days"  # her leave next week doesn't excuse this one
    assert one_to_ones["Kim"] == "Overdue by 77 days"  # nothing since she was added on 5 January
    assert one_to_ones["Lee"] == "Due by 6 Apr 2026"  # added today


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
    status = page.locator("[data-workspace-status]")
    listed = page.get_by_role("list", name="Time away")
    expect(listed).to_have_text("No rep is away now, and no time away is coming up.")
    assert page.get_by_label("First day away").input_value() == TODAY.date().isoformat()

    for name, (_, _, leave) in TEAM_RECORDS.items():
        for away, back in leave:
            set_time_away(page, name, away, back)
            expect(status).to_have_text(f"Saved: {name} away from {weekday(away)}, back on {weekday(back)}.")
    # now or to come, by first day away; Ana's, over since the 25th, is not listed
    expect(listed.get_by_role("listitem")).to_have_text([
        "Tom: away from Mon 23 Mar, back on Mon 6 Apr Remove",
        "Priya: away from Mon 6 Apr, back on Mon 13 Apr Remove",
    ])

    # A slip of the keyboard: back before away is refused, and nothing is saved.
    before = page.evaluate("() => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === 'Lee').id}).length")
    set_time_away(page, NEW, "2026-04-10", "2026-04-03")
    expect(status).to_have_text("The first day back must come after the first day away.")
    assert page.evaluate("() => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === 'Lee').id}).length") == before
    # Saved for the wrong rep, then removed with its own button.
    set_time_away(page, NEW, "2026-04-03", "2026-04-10")
    expect(listed.get_by_role("listitem")).to_have_count(3)
    listed.get_by_role("button", name="Remove Lee's time away from Fri 3 Apr").click()
    expect(status).to_have_text("Removed Lee's time away from Fri 3 Apr.")
    expect(listed.get_by_role("listitem")).to_have_count(2)
    assert page.evaluate("() => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === 'Lee').id}).length") == before
    assert axe(page, "[data-workspace]") == []

    page.goto(site_url + TEAM)
    expect(page.locator("[data-team-status]")).to_have_text("Showing the 5 reps saved in this browser.")
    expect_team(page)
    # Commitments still wait for a rep on leave, named with the day he is back.
    owing = page.get_by_role("table", name="3 overdue commitments")  # each rep with a 1:1 held, due 20 March
    assert owing.locator("tbody th").all_text_contents() == ["Ana", "Priya", "Tom (away, back on 6 Apr 2026)"]

    # Exported in the published format, and read as files in another browser: the same rows.
    exported = page.evaluate("() => Playbook.workspaceFile.exportFile(Playbook.workspace.reps().map(rep => rep.id))")
    assert exported["version"] == 3 and jsonschema.Draft202012Validator(SCHEMA).is_valid(exported)
    away = sorted((rep["name"], r["date"], r["data"]["back"]) for rep in exported["reps"] for r in rep["records"] if r["kind"] == "away")
    assert away == sorted((name, a, b) for name, (_, _, leave) in TEAM_RECORDS.items() for a, b in leave)
    other = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    reader = other.new_page()
    reader.clock.set_fixed_time(TODAY)
    reader.goto(site_url + TEAM)
    reader.locator("input[type=file]").set_input_files([{"name": "team.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}])
    expect(reader.locator("[data-team-status]")).to_contain_text("Showing 5 reps from 1 of 1 files.")
    expect_team(reader)
    other.close()
    context.close()


def test_a_1_1_planned_while_the_rep_is_away_says_so(browser, site_url):
    """A manager planning next week's 1:1s on Monday: Tom is away until the 6th, so a 1:1 today is flagged with
    the day he is back; on that day, or for another rep, nothing is said."""
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
    page.get_by_label("Date", exact=True).fill("2026-04-06")
    expect(note).to_be_hidden()
    page.get_by_label("Date", exact=True).fill("2026-04-03")
    expect(note).to_be_visible()
    page.get_by_label("Whose answers").first.select_option(label="Ana")
    expect(note).to_be_hidden()
    context.close()
