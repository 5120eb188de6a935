"""Team view, as a manager uses it: five reps' records seeded over several weeks, exported one file each with
the real export, then read in a fresh browser's team view (chosen, or dropped) with a broken file among them.
The heat map's points, the level counts, the weekly coaching medians, each rep's small coaching chart and the
overdue commitment equal what is worked out here from data/levels.yml and data/assessments.yml; nothing read
is stored; the broken file is named and the rest shown; a rep in two files is one rep; the reps saved in the
browser show without files; a team as a sales leader has it (a rep with nothing, one with only a level result,
a half-done self-assessment, a retired level, commitments due the same day); printable on A4 in black and
white; no JS: the explanation only; no accessibility violations."""

import hashlib
import json
import re
from datetime import date, datetime, timedelta
from statistics import median
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.helpers import data, is_working, next_working, working_days_late, working_days_said

TEAM = "coaching/team/"
WORKSPACE = "coaching/workspace/"
LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2026, 3, 30, 10, 0, tzinfo=LONDON)
ADDED = datetime(2026, 1, 5, 9, 0, tzinfo=LONDON)
LEVELS = data("levels")["levels"]
BEHAVIOURS = [b for level in LEVELS for b in level["behaviours"]]
ASSESSMENT = next(a for a in data("assessments")["assessments"] if a["id"] == "which-level")
SCALE = [o["value"] for o in next(s for s in data("assessments")["scales"] if s["id"] == ASSESSMENT["scale"])["options"]]
NAMES = ["Priya", "Tom", "Ana", "Olu", "Kim"]
COLUMNS = sorted(range(len(NAMES)), key=lambda rep: NAMES[rep].casefold())  # reps side by side by name
# Each rep's latest level (a number on the ladder, 0: none reached), and an older result that must not count.
LATEST_LEVEL = [1, 2, 2, 0, 4]
# Sam's second check, today, leaves three weeks without one of his and the week before without any.
COACHING = {0: [("2026-03-02", 40), ("2026-03-09", 55)], 1: [("2026-03-04", 60), ("2026-03-10", 75)], 2: [("2026-03-05", 90), ("2026-03-30", 85)], 3: [("2026-03-16", 30)], 4: [("2026-03-18", 70), ("2026-03-11", 65)]}
STORAGE = """() => Object.keys(localStorage).filter(key => key.startsWith('playbook:'))"""
STATUS = "[data-team-status]"


# Tom answered this behaviour before it was reworded: his answer carries the old wording's fingerprint.
REWORDED = (1, BEHAVIOURS[9]["id"])


def answer(rep: int, index: int):
    """Rep `rep`'s answer to the `index`th behaviour, or None: the last rep leaves every seventh unanswered."""
    if rep == 4 and index % 7 == 3:
        return None
    return SCALE[(index * (rep + 1) + rep) % len(SCALE)]


def fingerprint(text: str) -> str:
    """Worked out here from the YAML text, independently of macros/fingerprints.py."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def counted(rep: int, index: int):
    """The answer the team view counts: none for one answered before its behaviour was reworded."""
    return None if (rep, BEHAVIOURS[index]["id"]) == REWORDED else answer(rep, index)


def points(behaviour: dict, value) -> float | None:
    """Points count up from the scale's lowest answer; a limit counts down from its highest."""
    if value is None:
        return None
    return SCALE[-1] - value if behaviour.get("counts_as") == "limit" else value - SCALE[0]


def level_record(level: int, answers: dict, rep: int = -1) -> dict:
    named = LEVELS[level - 1] if level else None
    result = {"complete": True, "answered": len(answers), "needed": 30, "score": 60, "band": "Emerging",
              "level": {"id": named["id"], "name": named["name"], "number": level} if named else None, "groups": [], "weakest": []}
    texts = {b["id"]: b["text"] for b in BEHAVIOURS}
    return {"answers": {key: {"value": value, "fingerprint": fingerprint(texts[key] + (" (earlier wording)" if (rep, key) == REWORDED else ""))} for key, value in answers.items()}, "notes": {}, "result": result}


def check_result(score: int) -> dict:
    """The band a "Was that coaching?" check of `score` was given here, and whether an essential held it there:
    a 40 failed ("missed") and a 75 held back ("short"), as the form does whatever the score."""
    if score == 40:
        return {"band": "Mostly telling or inspecting", "held": "missed"}
    if score == 75:
        return {"band": "Part coaching", "held": "short"}
    return {"band": "That was coaching" if score >= 80 else "Part coaching" if score >= 50 else "Mostly telling or inspecting"}


def results_said(scores: list) -> str:
    """A week's Results cell: each band with its count, the most given first, then the one with the best score."""
    bands = [check_result(score)["band"] for score in scores]
    best = {band: max(s for s, b in zip(scores, bands) if b == band) for band in bands}
    order = sorted(set(bands), key=lambda band: (-bands.count(band), -best[band], band))
    said = [f"{band} {bands.count(band)}" for band in order]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def records_of(rep: int) -> list:
    answers = {b["id"]: answer(rep, i) for i, b in enumerate(BEHAVIOURS) if answer(rep, i) is not None}
    everything_high = {b["id"]: SCALE[-1] for b in BEHAVIOURS}
    records = [
        ["assessment", "which-level", level_record(6, everything_high), "2026-02-02"],
        ["assessment", "which-level", level_record(LATEST_LEVEL[rep], answers, rep), "2026-03-16"],
    ]
    records += [["coaching-check", "was-that-coaching", {"answers": {}, "notes": {}, "result": {"complete": True, "score": s, "level": None, **check_result(s)}}, d] for d, s in COACHING[rep]]
    if rep == 0:
        # As the 1:1 planner writes them: ticking a commitment dates it in the record it came from.
        records.append(["one-to-one", "one-to-one", {"commitments": [
            {"text": "Send the Acme proposal", "due": "2026-03-20", "owner": "rep", "done": None},
            {"text": "Book the ride-along", "due": "2026-03-16", "owner": "manager", "done": "2026-03-15"},
        ]}, "2026-03-09"])
        records.append(["one-to-one", "one-to-one", {"commitments": [
            {"text": "Call Globex back", "due": "2026-04-03", "owner": "rep", "done": None},
        ]}, "2026-03-23"])
    if rep == 2:
        records.append(["one-to-one", "one-to-one", {"agenda": []}, "2026-03-23"])
    return records


SEED = """([name, records]) => {
    const ws = Playbook.workspace;
    const rep = ws.reps().find(r => r.name === name).id;
    ws.choose(rep);
    for (const [kind, tool, data, day] of records) {
        const problem = ws.record(kind, tool, data, day);
        if (problem) throw new Error(problem);
    }
}"""


def week_of(iso: str) -> str:
    day = date.fromisoformat(iso)
    return (day - timedelta(days=day.weekday())).isoformat()


def shown(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def weekday(iso: str) -> str:
    """A day as the team view's tables say it, for planning the week: its weekday, the year left out when it is
    the page's (every day here is in 2026)."""
    day = date.fromisoformat(iso)
    assert day.year == TODAY.year
    return f"{day:%a} {day.day} {day:%b}"


def new_page(browser, **options):
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London", **options)
    page = context.new_page()
    page.clock.set_fixed_time(TODAY)
    return context, page


@pytest.fixture(scope="module")
def exported(browser, site_url):
    """Five reps added and seeded in one browser, each exported with the Export button: {file name: text}."""
    context, page = new_page(browser)
    page.goto(site_url + WORKSPACE)
    adding = page.get_by_role("form", name="Add a rep")
    for name in NAMES:
        adding.get_by_label("Rep's name or initials").fill(name)
        adding.get_by_role("button", name="Add").click()
        expect(page.locator("[data-workspace-status]")).to_contain_text(f"Added {name}.")
    for rep, name in enumerate(NAMES):
        page.evaluate(SEED, [name, records_of(rep)])
    page.reload()
    files = {}
    rows = page.get_by_role("table", name="Whose answers are saved in this browser")
    for name in NAMES:
        with page.expect_download() as download:
            rows.get_by_role("button", name=f"Export {name}'s answers").click()
        files[name.lower() + ".json"] = download.value.path().read_text(encoding="utf-8")
    context.close()
    return files


def upload(files: dict) -> list:
    return [{"name": name, "mimeType": "application/json", "buffer": text.encode()} for name, text in files.items()]


def heat_points(page) -> dict:
    """{statement id: [points per rep column, None where unanswered]} as the page shows them."""
    rows = page.locator("[data-team-heat] tr[data-statement]").evaluate_all(
        "rows => rows.map(r => [r.dataset.statement, [...r.querySelectorAll('td')].map(td => td.dataset.points === undefined ? null : +td.dataset.points)])"
    )
    return dict(rows)


def figures(chart) -> list:
    return chart.locator("[data-chart-table] tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")


def expect_team(page):
    heat = page.locator("[data-team-heat]")
    expect(heat.locator("thead th")).to_have_text(["Behaviour"] + [NAMES[rep] for rep in COLUMNS])
    assert heat_points(page) == {b["id"]: [points(b, counted(rep, i)) for rep in COLUMNS] for i, b in enumerate(BEHAVIOURS)}
    reworded = heat.locator(f'tr[data-statement="{REWORDED[1]}"] td').nth(COLUMNS.index(REWORDED[0]))
    expect(reworded).to_have_text("?answered before this behaviour was reworded, not counted")
    first_limit = next(b for b in BEHAVIOURS if b.get("counts_as") == "limit")
    row = heat.locator(f'tr[data-statement="{first_limit["id"]}"]')
    expect(row.get_by_role("rowheader")).to_contain_text("habit to grow out of")
    expect(row.get_by_role("cell").first).to_have_text(f"{int(points(first_limit, answer(COLUMNS[0], BEHAVIOURS.index(first_limit))))} of {int(SCALE[-1] - SCALE[0])}")

    # a shade never overstates: "Mostly like me" (2 of 3) is the middle shade of five, short of a level's share
    most = int(SCALE[-1] - SCALE[0])
    shades = heat.locator("td[data-points]").evaluate_all("tds => tds.map(td => [td.parentNode.dataset.statement, +td.dataset.points, [...td.classList].find(c => c.startsWith('pb-team__cell--'))])")
    assert {int(p) for _, p, _ in shades} == set(range(most + 1)), "every answer appears"
    # A habit not there at all is shaded grey, not green: a manager read a habit that never arises as the team's
    # best row.
    habits = {b["id"] for b in BEHAVIOURS if b.get("counts_as") == "limit"}
    assert any(s in habits and p == most for s, p, _ in shades), "the case has a habit answered as not there"
    assert all(shade == ("pb-team__cell--absent" if s in habits and p == most else f"pb-team__cell--{4 * int(p) // most}") for s, p, shade in shades), shades
    absent = heat.locator("td.pb-team__cell--absent").first
    expect(absent).to_have_text(f"{most} of {most}: not there")

    counts = [LATEST_LEVEL.count(number) for number in range(len(LEVELS) + 1)]
    levels = page.locator("[data-team-levels] figure")
    expect(levels.locator("rect")).to_have_count(len(LEVELS) + 1)
    assert figures(levels) == [["Assessed, no level reached", str(counts[0])]] + [[f"{n} {level['name']}", str(counts[n])] for n, level in enumerate(LEVELS, 1)]
    assert [float(v) for v in levels.locator("rect").evaluate_all("rs => rs.map(r => r.dataset.value)")] == counts

    weeks = {}
    for checks in COACHING.values():
        for day, score in checks:
            weeks.setdefault(week_of(day), []).append(score)
    coaching = page.locator("[data-team-coaching] [data-chart-slot] figure")
    expect(coaching.locator("circle")).to_have_count(len(weeks))
    # Beside each week's median, what the checks came to: the form's own results, which a median score hid (a
    # manager: 79% for a week in which none of four checks was coaching). A week with a check held below its
    # score's band is a hollow dot, with the key saying so.
    # A week with no check between two with checks has its row saying so (a manager found it missing from the
    # table, where the chart drew a gap).
    assert figures(coaching) == [[shown(week), f"{median(weeks[week]):g}%", str(len(weeks[week])), results_said(weeks[week])] if week in weeks
                                 else [shown(week), "–", "0", NO_CHECK] for week in every_week(weeks)]
    assert any(week not in weeks for week in every_week(weeks)), "the case has a week without a check"
    assert results_said(weeks["2026-03-02"]) == "That was coaching 1, Part coaching 1 and Mostly telling or inspecting 1"
    held = [any(score in (40, 75) for score in scores) for _, scores in sorted(weeks.items())]
    assert any(held) and not all(held)
    assert coaching.locator("circle").evaluate_all("cs => cs.map(c => c.classList.contains('pb-chart__point--held'))") == held
    expect(coaching.locator(".pb-chart__key")).to_contain_text("A hollow dot is a week with a check the form held below its score's band")
    expect_rep_charts(page, {NAMES[rep]: COACHING[rep] for rep in COLUMNS}, weeks)

    overdue = page.get_by_role("table", name="1 overdue commitment")
    expect(overdue.locator("tbody tr")).to_have_count(1)
    # Friday 20 to Monday 30 March, across the clock change: 6 working days; carried open past its due date
    # into the 1:1 of 23 March: one slip
    late = working_days_late(date(2026, 3, 20), TODAY.date())
    assert late == 6
    assert rows_of(overdue) == [["Priya", "Send the Acme proposal", "Rep", weekday("2026-03-20"), working_days_said(late), "once"]]


NO_CHECK = "No check saved that week"


def every_week(weeks: dict) -> list[str]:
    """Every Monday from the first of `weeks` to the last."""
    first, last = date.fromisoformat(min(weeks)), date.fromisoformat(max(weeks))
    return [(first + timedelta(weeks=n)).isoformat() for n in range((last - first).days // 7 + 1)]


def rows_of(table) -> list:
    return table.locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")


def expect_rep_charts(page, checks: dict, weeks: dict):
    """One small chart per rep, in the order given, on the same weeks: each rep's weekly median beside the
    team's; a rep with no check says so. `checks`: {name: [(day, score)]}; `weeks`: {Monday: [every score that week]}."""
    charts = page.locator("[data-team-coaching-reps] > li")
    expect(charts).to_have_count(len(checks))
    first, last = min(weeks), max(weeks)
    places = {}  # {week: the x of its dots, on every chart}
    for i, (name, done) in enumerate(checks.items()):
        chart = charts.nth(i)
        if not done:
            expect(chart).to_have_text(f"{name}: no complete check saved yet.")
            continue
        mine = {}
        for day, score in done:
            mine.setdefault(week_of(day), []).append(score)
        expect(chart.locator("figcaption")).to_have_text(name)
        assert figures(chart) == [
            [shown(week), f"{median(mine[week]):g}%" + (f" (median of {len(mine[week])} checks)" if len(mine[week]) > 1 else "") + f": {results_said(mine[week])}", f"{median(weeks[week]):g}%"]
            if week in mine else [shown(week), NO_CHECK, f"{median(weeks[week]):g}%" if week in weeks else "–"]
            for week in every_week({min(mine): 0, last: 0})  # to the team's last week (a checker: a rep gone quiet had no rows)
        ]
        quiet = len(every_week({max(mine): 0, last: 0})) - 1
        said = chart.locator("svg desc").text_content()
        if quiet:
            assert said.endswith(f"None saved in the {quiet} weeks after it, up to the team's latest, week of {shown(last)}." if quiet > 1
                                 else "None saved in the week after it, the team's latest."), said
        else:
            assert "None saved" not in said, said
        held = [any(score in (40, 75) for score in scores) for _, scores in sorted(mine.items())]
        assert chart.locator("circle").evaluate_all("cs => cs.map(c => c.classList.contains('pb-chart__point--held'))") == held
        # the same time axis on every chart: its two ends are the team's first and last week with a check
        expect(chart.locator("svg > text").last).to_have_text(shown(last))
        expect(chart.locator("svg > text").nth(-2)).to_have_text(shown(first))
        for week, x in zip(sorted(mine), chart.locator("circle").evaluate_all("cs => cs.map(c => +c.getAttribute('cx'))")):
            places.setdefault(week, set()).add(round(x, 3))
        expect(chart.locator("[data-reference]")).to_have_count(1 if len(weeks) > 1 else 0)  # the team's median behind
    # A week stands at one place on every chart, that place in proportion to the weeks since the first.
    assert all(len(xs) == 1 for xs in places.values()), places
    offsets = {(date.fromisoformat(week) - date.fromisoformat(first)).days // 7: xs.pop() for week, xs in places.items()}
    if len(offsets) > 1:
        (a, xa), (b, xb) = sorted(offsets.items())[:2]
        assert all(abs(x - (xa + (xb - xa) * (n - a) / (b - a))) < 0.01 for n, x in offsets.items()), offsets


def test_team_view_from_five_exported_files_with_a_broken_one(browser, site_url, exported):
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    expect(page.locator(STATUS)).to_have_text("No reps are saved in this browser: add them on Reps and saved answers, or choose exported files.")
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported | {"broken.json": "{not json"}))
    expect(page.locator(STATUS)).to_have_text("Showing 5 reps from 5 of 6 files. 1 could not be read: see below.")
    expect(page.locator("[data-team-problems] li")).to_have_text(["broken.json: not read. This file isn't a workspace file: it isn't valid JSON."])
    expect_team(page)
    assert page.evaluate(STORAGE) == []  # read, never stored
    context.close()


def test_dropped_files_are_read_and_the_browsers_reps_come_back(browser, site_url, exported):
    context, page = new_page(browser)
    page.goto(site_url + WORKSPACE)
    page.get_by_role("form", name="Add a rep").get_by_label("Rep's name or initials").fill("Sam")
    page.get_by_role("form", name="Add a rep").get_by_role("button", name="Add").click()
    page.goto(site_url + TEAM)
    expect(page.locator(STATUS)).to_have_text("Showing the 1 rep saved in this browser.")
    expect(page.locator("[data-team-heat] thead th")).to_have_text(["Behaviour", "Sam"])
    dropped = page.evaluate_handle(
        """files => { const dt = new DataTransfer(); files.forEach(([name, text]) => dt.items.add(new File([text], name, {type: 'application/json'}))); return dt; }""",
        list(exported.items()),
    )
    page.dispatch_event("[data-team-files]", "drop", {"dataTransfer": dropped})
    expect(page.locator(STATUS)).to_have_text("Showing 5 reps from 5 of 5 files.")
    expect_team(page)
    page.get_by_role("button", name="Show the reps saved in this browser").click()
    expect(page.locator("[data-team-heat] thead th")).to_have_text(["Behaviour", "Sam"])
    context.close()


def test_a_reps_own_export_is_named_by_its_file(browser, site_url, exported):
    """A rep who exports their own answers sends a file whose rep is "Me": the team view names it by the file."""
    mine = json.loads(exported["priya.json"])
    mine["reps"][0].update(id="me", name="Me")
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload({"from-priya.json": json.dumps(mine)}))
    expect(page.locator("[data-team-heat] thead th")).to_have_text(["Behaviour", "Me, from from-priya.json"])
    context.close()


def test_a_reps_own_export_joins_the_rep_the_manager_says_it_is(browser, site_url, exported, axe):
    """Priya's own export (her self-assessments, as "me", and a newer one at level 3) beside her manager's file:
    apart until the manager says the file is Priya's, then one column, duplicates skipped, the newer level counted."""
    mine = json.loads(exported["priya.json"])
    rep = mine["reps"][0]
    rep.update(id="me", name="Me")
    rep["records"] = [r for r in rep["records"] if r["kind"] == "assessment"]
    copied = len(rep["records"])
    rep["records"].append({"kind": "assessment", "tool": "which-level", "date": "2026-03-27", "data": level_record(3, {}), "saved": "2026-03-27T09:00:00.000Z"})
    files = {"priya.json": exported["priya.json"], "tom.json": exported["tom.json"], "my-answers.json": json.dumps(mine)}
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(files))
    heads = page.locator("[data-team-heat] thead th")
    expect(heads).to_have_text(["Behaviour", "Me, from my-answers.json", "Priya", "Tom"])
    assert axe(page, "[data-team-files]") == []
    page.get_by_label("Whose own answers are in my-answers.json?").select_option(label="Priya")
    expect(heads).to_have_text(["Behaviour", "Priya", "Tom"])
    expect(page.locator(STATUS)).to_have_text("Showing 2 reps from 3 of 3 files. 1 rep was in several files, merged: see below.")
    expect(page.get_by_role("list", name="Reps merged from several files").get_by_role("listitem")).to_have_text([f"Priya: 2 files merged, {copied} duplicate records skipped."])
    counts = [0] * (len(LEVELS) + 1)
    counts[3] += 1  # Priya's newer result, from her own file
    counts[LATEST_LEVEL[1]] += 1  # Tom
    assert figures(page.locator("[data-team-levels]")) == [["Assessed, no level reached", str(counts[0])]] + [[f"{n} {level['name']}", str(counts[n])] for n, level in enumerate(LEVELS, 1)]
    page.get_by_label("Whose own answers are in my-answers.json?").select_option(label="Keep them apart")
    expect(heads).to_have_text(["Behaviour", "Me, from my-answers.json", "Priya", "Tom"])
    context.close()


def test_the_team_view_prints_the_heat_map_in_colour_within_the_page(browser, site_url, exported):
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported))
    expect(page.locator(STATUS)).to_contain_text("Showing 5 reps")
    page.emulate_media(media="print")
    expect(page.locator("[data-team-files]")).to_be_hidden()
    article = page.locator("article").bounding_box()
    heat = page.locator("[data-team-heat]").bounding_box()
    assert heat["x"] >= article["x"] and heat["x"] + heat["width"] <= article["x"] + article["width"] + 1
    cell = page.locator("[data-team-heat] td[data-points]").first
    assert cell.evaluate("td => getComputedStyle(td).printColorAdjust") == "exact"
    context.close()


def test_without_javascript_the_team_view_explains_and_shows_nothing_blank(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TEAM)
    expect(page.get_by_text("With JavaScript off, nothing is saved in this browser and no file can be read")).to_be_visible()
    expect(page.locator("[data-team]")).to_be_hidden()
    rows = page.locator("[data-team-heat] tr[data-statement]")
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.statement)") == [b["id"] for b in BEHAVIOURS]  # in the page, from the data
    context.close()


def test_team_view_has_no_accessibility_violations(browser, site_url, exported, axe):
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported | {"broken.json": "[]"}))
    expect(page.locator(STATUS)).to_contain_text("Showing 5 reps")
    assert axe(page, "article") == []
    context.close()


def test_a_rep_in_several_files_is_one_rep_with_duplicates_skipped(browser, site_url, exported):
    """Priya's file from one manager, and another manager's workspace file naming her " priya " with another id:
    one column. Records equal in kind, tool, date and answers (whatever their fields' order) are skipped; her
    1:1 saved again later with the commitment ticked wins over the older copy, so it is no longer overdue."""
    first = json.loads(exported["priya.json"])
    mine = first["reps"][0]
    later = next(r for r in mine["records"] if r["kind"] == "one-to-one" and r["date"] == "2026-03-09")
    older = json.loads(json.dumps(later))
    later["data"]["commitments"][0]["done"] = "2026-03-25"
    later["saved"] = "2026-03-30T12:00:00.000Z"
    copies = [json.loads(json.dumps(r)) for r in mine["records"] if r is not later] + [older, {"kind": "coaching-check", "tool": "was-that-coaching", "date": "2026-03-23", "data": {"answers": {}, "notes": {}, "result": {"complete": True, "score": 80, "level": None, **check_result(80)}}, "saved": "2026-03-23T10:00:00.000Z"}]
    copies[0]["data"] = dict(reversed(list(copies[0]["data"].items())))
    other = json.loads(exported["tom.json"])
    other["reps"] = [{"id": "r-elsewhere", "name": " priya ", "added": "2026-01-05", "records": copies}] + other["reps"]
    files = {"priya.json": json.dumps(first), "team-b.json": json.dumps(other), "ana.json": exported["ana.json"]}

    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(files))
    expect(page.locator(STATUS)).to_have_text("Showing 3 reps from 3 of 3 files. 1 rep was in several files, merged: see below.")
    duplicates = len(mine["records"]) - 1
    expect(page.get_by_role("list", name="Reps merged from several files").get_by_role("listitem")).to_have_text([
        f"Priya: 2 files merged, {duplicates} duplicate records skipped; 1 form was saved with other answers on the same day in another file: the one saved later is shown."
    ])
    expect(page.locator("[data-team-heat] thead th")).to_have_text(["Behaviour", "Ana", "Priya", "Tom"])
    checks = {"Ana": COACHING[2], "Priya": COACHING[0] + [("2026-03-23", 80)], "Tom": COACHING[1]}
    weeks = {}
    for done in checks.values():
        for day, score in done:
            weeks.setdefault(week_of(day), []).append(score)
    expect_rep_charts(page, checks, weeks)
    expect(page.locator("[data-team-commitments]")).to_have_text("No commitment is overdue.")
    context.close()


LEADER_SEED = """([reps]) => {
    const ws = Playbook.workspace;
    for (const [name, records] of reps) {
        const added = ws.addRep(name);
        if (added.error) throw new Error(added.error);
        ws.choose(added.rep.id);
        for (const [kind, tool, data, day] of records) {
            const problem = ws.record(kind, tool, data, day);
            if (problem) throw new Error(problem);
        }
    }
}"""


def seeded(browser, site_url, reps: list):
    """A new page on the team view, TODAY, with `reps` ([name, records]) added in January as a leader adds them."""
    context, page = new_page(browser)
    page.clock.set_fixed_time(ADDED)
    page.goto(site_url + TEAM)
    page.evaluate(LEADER_SEED, [reps])
    page.clock.set_fixed_time(TODAY)
    page.reload()
    return context, page


def check(score: int) -> dict:
    return {"answers": {}, "notes": {}, "result": {"complete": True, "score": score, "level": None, **check_result(score)}}


def one_to_one(*commitments) -> dict:
    return {"commitments": [{"text": text, "due": due, "owner": owner, "done": done} for text, due, owner, done in commitments]}


def test_the_team_as_a_sales_leader_reads_it(browser, site_url):
    """Reps as a team really has them: one with nothing saved, one with only a level result, one who started a
    new self-assessment today and left it half done, one at a level since taken off the ladder; commitments due
    on the same day, one the manager's, one due today. Every figure is worked out here."""
    top = SCALE[-1]
    everything = {b["id"]: top for b in BEHAVIOURS}
    texts = {b["id"]: b["text"] for b in BEHAVIOURS}

    def complete(level: dict, answers: dict) -> dict:
        return {"answers": {k: {"value": v, "fingerprint": fingerprint(texts[k])} for k, v in answers.items()}, "notes": {}, "result": {"complete": True, "score": 70, "level": level}}

    second = {"id": LEVELS[1]["id"], "name": LEVELS[1]["name"], "number": 2}
    third = {"id": LEVELS[2]["id"], "name": LEVELS[2]["name"], "number": 3}
    half_done = {"answers": {BEHAVIOURS[0]["id"]: {"value": SCALE[0], "fingerprint": fingerprint(BEHAVIOURS[0]["text"])}}, "notes": {}, "result": {"complete": False, "score": 0, "level": None}}
    reps = [
        ["zoe", []],
        ["Dee", [["assessment", "which-level", {"result": {"complete": True, "score": 55, "level": third}}, "2026-03-02"]]],
        ["bo", [
            ["assessment", "which-level", complete(second, everything), "2026-03-02"],
            ["assessment", "which-level", half_done, "2026-03-30"],
            ["coaching-check", "was-that-coaching", check(90), "2026-03-10"],
            ["observation", "ride-along", check(75), "2026-01-20"],
            ["observation", "ride-along", check(90), "2026-03-02"],
            ["one-to-one", "one-to-one", one_to_one(("Update the CRM", "2026-03-27", "rep", None), ("Book a ride-along", "2026-03-13", "manager", None)), "2026-03-02"],
            ["one-to-one", "one-to-one", {"held": True}, "2026-03-16"],
            ["one-to-one", "one-to-one", {"held": True}, "2026-03-23"],
            ["one-to-one", "one-to-one", {"held": False}, "2026-04-06"],  # still to come
        ]],
        ["Cy", [
            ["assessment", "which-level", complete({"id": "retired-level", "name": "Retired", "number": 7}, {}), "2026-03-02"],
            ["coaching-check", "was-that-coaching", check(40), "2026-03-03"],
            ["coaching-check", "was-that-coaching", check(60), "2026-03-08"],  # a Sunday: the week of Monday 2 March
            ["coaching-check", "was-that-coaching", check(70), "2026-03-24"],
            ["observation", "ride-along", check(60), "2026-02-10"],
            # opened on a later call and one box ticked, never finished: not a ride-along rated
            ["observation", "ride-along", {"answers": {}, "notes": {}, "result": {"complete": False, "answered": 1, "score": None, "level": None}}, "2026-03-25"],
            ["one-to-one", "one-to-one", one_to_one(("Send the case study", "2026-03-27", "rep", False), ("Call Acme", "2026-03-27", "rep", None), ("Call Initech", "2026-03-30", "rep", None)), "2026-03-09"],
        ]],
    ]
    context, page = seeded(browser, site_url, reps)
    order = sorted((name for name, _ in reps), key=str.casefold)
    expect(page.locator(STATUS)).to_have_text("Showing the 4 reps saved in this browser.")
    heat = page.locator("[data-team-heat]")
    expect(heat.locator("thead th")).to_have_text(["Behaviour"] + order)
    # bo's complete self-assessment, not the one left half done today
    assert heat_points(page) == {b["id"]: [points(b, top), None, None, None] for b in BEHAVIOURS}
    cells = heat.locator("tr[data-statement]").first.locator("td")
    expect(cells).to_have_text([f"{points(BEHAVIOURS[0], top):g} of {SCALE[-1] - SCALE[0]:g}", "\u2013not answered", "\u2013not answered", "\u2013no self-assessment yet"])

    levels = page.locator("[data-team-levels]")
    counts = [0, 0, 1, 1] + [0] * (len(LEVELS) - 3)  # bo at the second level, Dee at the third
    assert figures(levels) == [["Assessed, no level reached", "0"]] + [[f"{n} {level['name']}", str(counts[n])] for n, level in enumerate(LEVELS, 1)]
    expect(levels.locator(".pb-team__left-out")).to_have_text("Not counted: 1 with no complete self-assessment and 1 at a level no longer on the ladder.")

    checks = {"bo": [("2026-03-10", 90)], "Cy": [("2026-03-03", 40), ("2026-03-08", 60), ("2026-03-24", 70)], "Dee": [], "zoe": []}
    weeks = {}
    for done in checks.values():
        for day, score in done:
            weeks.setdefault(week_of(day), []).append(score)
    expect_rep_charts(page, checks, weeks)

    # The ride-alongs: each rep's last one against the rhythm's monthly (at most 31 days apart, as a calendar
    # month can be, on to a working day); Cy's, 48 days ago, is overdue by the working days since (his half-done
    # form of the 25th doesn't count), and two reps have none since they were added.
    ride_along = next(m for m in data("rhythm")["meetings"] if m.get("rated_with") == "ride-along")
    assert ride_along["how_often"] == "monthly", "the expected rows below are for a monthly ride-along"
    expect(page.get_by_role("heading", name="Last ride-along")).to_be_visible()
    rides = page.get_by_role("table", name="Last ride-along per rep: 3 of 4 overdue")
    never = working_days_said(working_days_late(next_working(ADDED.date() + timedelta(days=31)), TODAY.date()))
    assert rows_of(rides) == [
        ["bo", "Mon 2 Mar (28 days ago)", "Due by Thu 2 Apr"],
        ["Cy", "Tue 10 Feb (48 days ago)", f"Overdue by {working_days_said(working_days_late(date(2026, 3, 13), TODAY.date()))}"],
        ["Dee", "None recorded", f"Overdue by {never}"],
        ["zoe", "None recorded", f"Overdue by {never}"],
    ]

    owing = []
    today = TODAY.date().isoformat()
    for name, records in reps:
        meetings = [day for kind, _, data_, day in records if kind == "one-to-one" and data_.get("held", bool(data_.get("commitments"))) and day <= today]
        for kind, _, data_, agreed in records:
            if kind == "one-to-one":
                # a slip at each held 1:1 after the one it was agreed in that it went into open and past due
                owing += [(c["due"], name, c["text"], c["owner"], sum(agreed < day and c["due"] < day for day in meetings)) for c in data_.get("commitments", []) if not c["done"] and c["due"] < today]
    owing.sort(key=lambda c: (c[0], c[1].casefold(), c[2]))
    said = {0: "no 1:1 since it was due", 1: "once", 2: "twice"}  # "not yet" read as not overdue
    expected = [[name, text, "Rep" if owner == "rep" else "Manager", weekday(due), working_days_said(working_days_late(date.fromisoformat(due), TODAY.date())), said[slips]] for due, name, text, owner, slips in owing]
    assert [row[-1] for row in expected].count("twice") == 1, "bo's ride-along, carried past due into two 1:1s"
    assert rows_of(page.get_by_role("table", name=f"{len(owing)} overdue commitments")) == expected
    context.close()


def test_days_a_rep_was_away_are_not_days_their_commitment_is_overdue(browser, site_url):
    """A manager's review: a rep's commitment read "11 days" overdue, 7 of them on leave, beside a 1:1 row that
    counted the leave out. The rep's own commitment waits for them; the manager's runs on through their leave.
    Both count working days."""
    due, away_from, back = date(2026, 3, 19), date(2026, 3, 20), date(2026, 3, 27)
    reps = [["Ben", [
        ["one-to-one", "one-to-one", one_to_one(("Call back the three lost deals", due.isoformat(), "rep", None), ("Get the pricing approved", due.isoformat(), "manager", None)), "2026-03-16"],
        ["away", "time-away", {"back": back.isoformat()}, away_from.isoformat()],
    ]]]
    context, page = seeded(browser, site_url, reps)
    today = TODAY.date()
    days_since_due = working_days_late(due, today)
    present = working_days_late(due, today, [(away_from, back)])
    assert (days_since_due, present) == (7, 2)  # Friday 20 to Monday 30 March; back on Friday 27
    table = page.get_by_role("table", name="2 overdue commitments")
    assert [row[:5] for row in rows_of(table)] == [
        ["Ben", "Get the pricing approved", "Manager", weekday(due.isoformat()), working_days_said(days_since_due)],
        ["Ben", "Call back the three lost deals", "Rep", weekday(due.isoformat()), working_days_said(present)],
    ]
    context.close()


# The size each chart label shows at: its font size in SVG units times the drawing's scale to its figure's width.
LABEL_PX = """svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
}"""


def test_on_a_phone_the_charts_labels_are_big_enough_to_read(browser, site_url, exported):
    """A phone reviewer's case: at 390 px the charts' labels showed at 5 to 7 px, readable only under "The
    figures". A full chart on a phone is drawn narrow, so every label shows at 10 px or more, on a laptop too."""
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 900}):
        context, page = new_page(browser, viewport=viewport)
        page.goto(site_url + TEAM)
        page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported))
        expect(page.locator(STATUS)).to_contain_text("Showing 5 reps")
        svgs = page.locator("figure.pb-chart svg")
        assert svgs.count() > 1
        sizes = [size for svg in svgs.all() for size in svg.evaluate(LABEL_PX)]
        assert sizes and min(sizes) >= 10, (viewport, min(sizes))
        context.close()


def test_on_a_phone_the_heat_maps_behaviours_stay_in_view_beside_the_reps_scores(browser, site_url, exported):
    """A manager on a phone: the behaviour column took 280 of 358 px, the reps' scores were off-screen, and
    swiping to them hid what each row was. The behaviours take under half the width, so the first rep's scores
    show beside them, and stay at the left as the reps' columns are swiped past."""
    context, page = new_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported))
    expect(page.locator(STATUS)).to_contain_text("Showing 5 reps")
    heat = page.locator("[data-team-heat]")
    row = heat.locator("tr[data-statement]").first
    behaviour, last_rep = row.locator("th").bounding_box(), row.locator("td").last.bounding_box()
    assert behaviour["width"] <= 390 / 2 and last_rep["x"] + last_rep["width"] <= 390, (behaviour, last_rep)  # all 5 in view
    page.set_viewport_size({"width": 320, "height": 640})  # the narrowest phone: the reps' columns scroll
    behaviour = row.locator("th").bounding_box()
    wrap = page.locator(".pb-team__heat-wrap")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth"), "the case is one where the reps' columns scroll"
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    page.wait_for_function("() => document.querySelector('.pb-team__heat-wrap').scrollLeft > 0")
    after = row.locator("th").bounding_box()
    assert abs(after["x"] - behaviour["x"]) < 1, (behaviour, after)
    context.close()


def test_the_team_view_prints_on_a4_in_black_and_white(browser, site_url, exported, tmp_path):
    """On paper every section is there and nothing is wider than the page; a rep's line and the team's median
    differ without colour (solid with dots, dashed)."""
    from tests.pdf.conftest import pdf_text

    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported))
    expect(page.locator(STATUS)).to_contain_text("Showing 5 reps")
    page.emulate_media(media="print")
    article = page.locator("article").bounding_box()
    for part in page.locator("article table:visible, article figure:visible").all():
        box = part.bounding_box()
        assert box["x"] >= article["x"] - 1 and box["x"] + box["width"] <= article["x"] + article["width"] + 1
    chart = page.locator("[data-team-coaching-reps] figure").filter(has=page.locator("figcaption", has_text="Priya"))
    line = chart.locator(".pb-chart__line").evaluate("p => [getComputedStyle(p).stroke, getComputedStyle(p).strokeDasharray]")
    reference = chart.locator("[data-reference]").evaluate("p => [getComputedStyle(p).stroke, getComputedStyle(p).strokeDasharray]")
    assert line == ["rgb(0, 0, 0)", "none"]
    assert reference[0] == "rgb(0, 0, 0)" and reference[1] != "none"
    tops = page.locator("[data-team-coaching-reps] > li").evaluate_all("items => items.map(i => Math.round(i.getBoundingClientRect().top))")
    assert [tops.count(top) for top in sorted(set(tops))] == [3, 2]  # three small charts to a row
    path = tmp_path / "team.pdf"
    page.pdf(path=path, format="A4")
    context.close()
    printed = " ".join(pdf_text(path).split())
    for heading in ("Behaviours, rep by rep", "Levels in the team", "Rep by rep", "Overdue commitments"):
        assert heading in printed
    # the overdue commitment's row, its cells' lines interleaved where they wrap
    table = printed[printed.index("1 overdue commitment"):printed.index("Behaviours, rep by rep")]
    assert set("Priya Send the Acme proposal Fri 20 Mar 6 working days once".split()) <= set(table.split()), table
    assert "Workspace files (.json)" not in printed  # the file picker is for the screen


def test_what_needs_doing_this_week_comes_before_the_charts(browser, site_url):
    """A manager's review: the overdue 1:1s and commitments sat under a 42-row heat map. The week's to-dos come
    first, then the ratings and charts (the page's order, which print keeps)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "coaching/team/")
    headings = page.get_by_role("heading", level=2, include_hidden=True).all_text_contents()
    headings = headings[headings.index("Last 1:1"):]
    assert headings[:4] == ["Last 1:1", "Last ride-along", "Overdue commitments", "New reps on the ramp plan"], headings
    assert headings.index("Behaviours, rep by rep") > 3, headings
    context.close()


def test_a_back_to_basics_ride_along_brings_the_next_one_forward_on_the_team_view(browser, site_url):
    """A manager's case: the ride-along said "join another call within a fortnight" while the team view counted
    the next one due a month on. Rated on the form itself, a call that missed an essential is due again within
    the band's days, said beside the date on both pages, and a good call keeps the rhythm's month. Of a day's
    two calls, the one that missed brings the next forward, even when the second went well."""
    from tests.browser.test_coaching_forms import _form, _rate, _ride_along_for
    from tests.browser.test_plan_one_to_one import _add_rep

    form = _form("ride-along")
    basics = form["bands"][0]
    sooner = basics["again_within_days"]
    ride_along = next(m for m in data("rhythm")["meetings"] if m.get("rated_with") == "ride-along")
    assert ride_along["how_often"] == "monthly" and sooner < 31
    top = next(s for s in data("assessments")["scales"] if s["id"] == form["scale"])["options"][-1]["value"]
    good = {q["id"]: top for q in form["questions"]}
    missed = good | {"asked-for-next-step": 0}  # every behaviour done well, no next step asked for
    context, page = new_page(browser)
    called = date(2026, 3, 10)
    for name, calls in (("Ana", [missed]), ("Ben", [good]), ("Cy", [missed, good])):
        page.clock.set_fixed_time(datetime(2026, 3, 10, 17, 0, tzinfo=LONDON))
        _add_rep(page, site_url, name)
        form = _ride_along_for(page, site_url, datetime(2026, 3, 10, 17, 0, tzinfo=LONDON), name)
        for number, answers in enumerate(calls):
            if number:
                form.get_by_role("button", name="Rate another call that day").click()
            result = _rate(page, "ride-along", answers).locator("[data-result]")
            if answers is missed:
                expect(result).to_contain_text(f"Book the next ride-along within {sooner} days instead of waiting for the usual monthly one, on a call where the behaviour will come up, to see whether it has stuck: the team view shows it due by then.")
            else:
                expect(result).not_to_contain_text("Book the next ride-along within")
    page.clock.set_fixed_time(TODAY)
    page.goto(site_url + TEAM)
    rides = page.get_by_role("table", name="Last ride-along per rep: 2 of 3 overdue")
    ago = (TODAY.date() - called).days
    late = working_days_late(next_working(called + timedelta(days=sooner)), TODAY.date())
    brought_forward = [f"{weekday(called.isoformat())} ({ago} days ago)", f"Overdue by {working_days_said(late)}; brought forward by a “{basics['name']}” result"]
    assert rows_of(rides) == [
        ["Ana", *brought_forward],
        ["Ben", f"{weekday(called.isoformat())} ({ago} days ago)", f"Due by {weekday(next_working(called + timedelta(days=31)).isoformat())}"],
        ["Cy", *brought_forward],
    ]
    # Earlier in the fortnight Ana's is due, and the row says why it comes before the month is out.
    page.clock.set_fixed_time(datetime(2026, 3, 15, 10, 0, tzinfo=LONDON))
    page.reload()
    rows = rows_of(page.get_by_role("table", name="Last ride-along per rep: none overdue"))
    assert rows[0][2] == rows[2][2] == f"Due by {weekday(next_working(called + timedelta(days=sooner)).isoformat())}; brought forward by a “{basics['name']}” result"
    context.close()


def test_a_meeting_due_on_friday_is_a_working_day_overdue_at_the_weekend_and_not_more(browser, site_url):
    # Two sales leaders' cases: a ride-along due Monday 30 November read "Overdue by 5 working days" on Saturday 5
    # December (counted on to Monday 7), and, once that was fixed, a 1:1 due Friday read "Overdue by 0 working
    # days" on the Saturday while its row was flagged late. A commitment due that Friday reads 1 there too.
    context, page = new_page(browser)
    page.clock.set_fixed_time(datetime(2026, 11, 2, 9, 0, tzinfo=LONDON))
    page.goto(site_url + TEAM)
    page.evaluate(LEADER_SEED, [[["Sam", [["one-to-one", "one-to-one", {"held": True, "agenda": []}, "2026-11-27"]]]]])
    for today, late in ((datetime(2026, 12, 5, 10, 0, tzinfo=LONDON), 1), (datetime(2026, 12, 7, 10, 0, tzinfo=LONDON), 1), (datetime(2026, 12, 8, 10, 0, tzinfo=LONDON), 2)):
        assert working_days_late(date(2026, 12, 4), today.date()) == late
        page.clock.set_fixed_time(today)
        page.reload()
        table = page.get_by_role("table", name=re.compile("^Last 1:1 per rep"))
        expect(table.locator("tbody tr")).to_have_count(1)
        assert rows_of(table)[0][2] == f"Overdue by {working_days_said(late)}"
    context.close()


def test_a_reps_name_opens_their_history_and_the_plan_column_their_next_1_1(browser, site_url):
    """A manager's review: the team view says whose 1:1 is overdue, then leaves them to find the rep again on
    another page's picker. A rep's name opens their history, and "Plan the 1:1 with …" the planner, each on
    that rep, with the site's instant navigation as a reader clicks through; reps read from files, not saved in
    this browser, have neither."""
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    ana = [["one-to-one", "one-to-one", one_to_one(("Call Acme", "2026-03-20", "rep", None)), "2026-03-16"]]
    page.evaluate(LEADER_SEED, [[["Ana", ana], ["Ben", [["one-to-one", "one-to-one", {"held": True}, "2026-03-23"]]]]])
    page.evaluate("() => Playbook.workspace.choose('me')")
    page.reload()
    table = page.get_by_role("table", name=re.compile("^Last 1:1 per rep"))
    expect(table.locator("thead th")).to_have_text(["Rep", "Last 1:1", "Next 1:1", "Plan"])
    assert [row[3] for row in rows_of(table)] == ["Plan the 1:1 with Ana", "Plan the 1:1 with Ben"]
    table.get_by_role("link", name="Ben", exact=True).click()
    expect(page).to_have_url(site_url + "coaching/history/")
    expect(page.locator("[data-rep-select]").first).to_have_value(page.evaluate("() => Playbook.workspace.reps().find(rep => rep.name === 'Ben').id"))
    page.go_back()
    page.get_by_role("table", name=re.compile("^Last 1:1 per rep")).get_by_role("link", name="Plan the 1:1 with Ana").click()
    expect(page).to_have_url(site_url + "coaching/plan-one-to-one/")
    expect(page.get_by_role("heading", name="1:1 with Ana")).to_be_visible()
    # the overdue commitments name the rep the same way
    page.go_back()
    owing = page.get_by_role("table", name="1 overdue commitment")
    owing.get_by_role("link", name="Ana", exact=True).click()
    expect(page).to_have_url(site_url + "coaching/history/")
    expect(page.locator("[data-rep-select]").first).to_have_value(page.evaluate("() => Playbook.workspace.reps().find(rep => rep.name === 'Ana').id"))
    context.close()


def test_reps_read_from_files_are_not_linked_to_this_browsers_pages(browser, site_url, exported):
    context, page = new_page(browser)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(exported))
    expect(page.locator(STATUS)).to_contain_text("Showing")
    table = page.get_by_role("table", name=re.compile("^Last 1:1 per rep"))
    expect(table.locator("thead th")).to_have_text(["Rep", "Last 1:1", "Next 1:1"])
    expect(table.get_by_role("link")).to_have_count(0)
    context.close()


def test_a_commitment_slipping_week_after_week_leads_the_overdue_list_and_points_to_when_coaching_isnt_working(browser, site_url):
    """A manager's case: a rep under the floor re-dated "Reach the floor" at each 1:1, and each new date restarted
    the days overdue, so his longest-running miss read as the freshest, and no tool said that the same change
    not happening at that many check-ins is where the handbook's path for when coaching isn't working starts.
    It comes first, with the date it was first due, and, at as many slips as that path waits for, the way there;
    one slip fewer has none."""
    check_ins = data("when_coaching_stalls")["check_ins"]
    held = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"][: check_ins]
    assert len(held) == check_ins == 4, "the weeks below are for a path that waits four check-ins"
    # Eli's: first due Friday 27 February, agreed again at three 1:1s and carried past its date into the fourth
    moves = [{"from": "2026-02-27", "to": "2026-03-06", "on": "2026-03-02"}, {"from": "2026-03-06", "to": "2026-03-13", "on": "2026-03-09"}, {"from": "2026-03-13", "to": "2026-03-20", "on": "2026-03-16"}]
    floor = {"text": "Reach the floor", "due": "2026-03-20", "owner": "rep", "done": None, "renegotiated": moves}
    late = {"text": "Send the Acme proposal", "due": "2026-03-13", "owner": "rep", "done": None}
    # the manager's own, slipped as often: no pointer to the rep's path (a reviewer found one)
    mine = dict(floor, text="Book Eli's ride-along", owner="manager")
    reps = [
        ["Eli", [["one-to-one", "one-to-one", {"held": True, "commitments": [floor, mine]}, "2026-02-23"]] + [["one-to-one", "one-to-one", {"held": True}, day] for day in held]],
        ["Fay", [["one-to-one", "one-to-one", {"held": True, "commitments": [late]}, "2026-03-09"]] + [["one-to-one", "one-to-one", {"held": True}, day] for day in held[2:]]],
    ]
    context, page = seeded(browser, site_url, reps)
    overdue = page.get_by_role("table", name="3 overdue commitments")
    rows = rows_of(overdue)
    # Fay's is overdue longer (since 13 March) but slipped twice; Eli's four slips lead
    assert [row[:2] for row in rows] == [["Eli", "Book Eli's ride-along"], ["Eli", "Reach the floor"], ["Fay", "Send the Acme proposal"]], rows
    assert rows[0][5] == "four times"
    rows = rows[1:]
    assert rows[0][3] == f"{weekday('2026-03-20')} (first due {weekday('2026-02-27')})"
    assert rows[0][5] == "four times Acted on its cause, and it still slips? When coaching isn't working says what comes next."
    assert rows[1][3] == weekday("2026-03-13") and rows[1][5] == "twice"
    expect(overdue.get_by_role("link", name="When coaching isn't working")).to_have_count(1)
    expect(overdue.get_by_role("link", name="When coaching isn't working")).to_have_attribute("href", re.compile(r"when-coaching-stalls/$"))
    # the 1:1 planner's "Agreed last time" says the same beside it, and nothing beside Fay's
    overdue.get_by_role("link", name="Eli").first.click()
    page.goto(site_url + "coaching/plan-one-to-one/")
    expect(page.get_by_role("heading", name="1:1 with Eli")).to_be_visible()
    item = page.locator("[data-plan-agreed] > li", has_text="Reach the floor")
    expect(item).to_contain_text("slipped four times")
    expect(item.get_by_role("link", name="When coaching isn't working")).to_be_visible()
    expect(page.locator("[data-plan-agreed] > li", has_text="Book Eli's ride-along").get_by_role("link", name="When coaching isn't working")).to_have_count(0)
    page.evaluate("() => Playbook.workspace.choose(Playbook.workspace.reps().find(r => r.name === 'Fay').id)")
    expect(page.get_by_role("heading", name="1:1 with Fay")).to_be_visible()
    expect(page.locator("[data-plan-agreed] > li", has_text="Send the Acme proposal").get_by_role("link", name="When coaching isn't working")).to_have_count(0)
    context.close()


def test_new_reps_milestone_reviews_are_listed_soonest_first(browser, site_url):
    """A manager's case: the 1:1 planner knew a new rep's first day, but the team view, the page for the week's
    to-dos, didn't show their milestone reviews; then a sales leader's: a review held and one missed looked alike,
    a rep stayed listed after the last review was held, and an unheld day-90 review dropped off. Each rep with a
    first day saved is listed until two weeks after the last review is held, with the day of the ramp plan they
    are on today, the reviews held (a 1:1 marked as the review and held, how late; one passed over said not
    recorded) and the next: of those after the last held, the latest opened (due in under 14 days, or past), else
    the first; on the 1:1 marked for it, due, or overdue and flagged; soonest first. Worked out here from
    data/ramp.yml: day N is the first day + N - 1, or the next working day (reviews fell on a Saturday), moved on
    by each working day the rep was away (a fortnight's leave moved nothing)."""
    milestones = data("ramp")["milestones"]
    assert [m["day"] for m in milestones] == [30, 60, 90], "the reps below are placed for these three reviews"
    today = TODAY.date()

    def marked(milestone: str, day: str, held: bool, outcome: str | None = None) -> list:
        return ["one-to-one", "one-to-one", {"held": held, "milestone": milestone} | ({"milestone_outcome": outcome} if outcome else {}), day]

    starts = {"Ana": date(2026, 3, 2), "Ben": date(2026, 4, 6), "Cat": date(2025, 12, 1), "Dan": date(2025, 12, 22),
              "Fay": date(2025, 12, 29), "Gus": date(2026, 2, 9), "Hal": date(2025, 12, 15), "Ivy": date(2026, 2, 16),
              "Jo": date(2026, 3, 9), "Kit": date(2026, 4, 13)}
    away = {"Ana": (date(2026, 3, 16), date(2026, 3, 18))}  # Monday and Tuesday off, back on Wednesday
    reviews = {
        # day 30 held a day late; day 60 marked on a 1:1 that went by unheld, passed over for day 90, overdue
        "Dan": [marked("day-30", "2026-01-21", True), marked("day-60", "2026-02-19", False), ["one-to-one", "one-to-one", {"held": True}, "2026-03-02"]],
        # all three held, the last early: the ramp plan is over, listed two weeks more
        "Fay": [marked("day-30", "2026-01-27", True), marked("day-60", "2026-02-26", True), marked("day-90", "2026-03-27", True, "on-track")],
        # day 30 held a day late, day 60 marked on a 1:1 to come, a day before its day
        "Gus": [marked("day-30", "2026-03-11", True, "behind"), marked("day-60", "2026-04-08", False)],
        # day 60 passed over, day 90 held: over, the missing one said
        "Hal": [marked("day-30", "2026-01-13", True), marked("day-90", "2026-03-16", True)],
        # day 30 missed, rebooked on a 1:1 to come: still late
        "Ivy": [marked("day-30", "2026-04-01", False)],
        # day 30 marked early on a 1:1 that went by unheld
        "Jo": [marked("day-30", "2026-03-27", False)],
        # a first day moved later than a 1:1 marked and held: that mark doesn't count (a checker)
        "Kit": [marked("day-30", "2026-03-02", True)],
    }
    reps = [[name, [["start", "ramp", {}, first.isoformat()]] + reviews.get(name, [])
             + ([["away", "time-away", {"back": away[name][1].isoformat()}, away[name][0].isoformat()]] if name in away else [])]
            for name, first in starts.items()] + [["Eve", []]]
    context, page = seeded(browser, site_url, reps)

    def said(day: date) -> str:
        return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if day.year != today.year else "")

    def review_on(first: date, number: int, leave) -> date:
        due = next_working(first + timedelta(days=number - 1))
        if leave and leave[0] <= due:
            for _ in (d for d in (leave[0] + timedelta(days=n) for n in range((leave[1] - leave[0]).days)) if d > first and is_working(d)):
                due = next_working(due + timedelta(days=1))
        return due

    def days(n: int, *, ago: bool = False) -> str:
        if ago:
            return "today" if n == 0 else "yesterday" if n == 1 else f"{n} days ago"
        return "today" if n == 0 else "tomorrow" if n == 1 else f"in {n} days"

    expected, soon, late = [], 0, 0
    for name, first in starts.items():
        day = (today - first).days + 1
        meetings = {r[2]["milestone"]: (date.fromisoformat(r[3]), r[2]["held"]) for r in reviews.get(name, []) if "milestone" in r[2] and date.fromisoformat(r[3]) >= first}
        went = {r[2]["milestone"]: r[2].get("milestone_outcome") for r in reviews.get(name, []) if "milestone" in r[2]}
        due = [review_on(first, m["day"], away.get(name)) for m in milestones]
        held = [i for i, m in enumerate(milestones) if meetings.get(m["id"], (None, False))[1]]
        after = list(range(held[-1] + 1 if held else 0, len(milestones)))
        opened = [i for i in after if (due[i] - today).days < 14]
        nxt = opened[-1] if opened else after[0] if after else None
        if nxt is None and today > meetings[milestones[-1]["id"]][0] + timedelta(days=14):
            continue
        cells = []
        for i in range(nxt if nxt is not None else len(milestones)):
            on, was_held = meetings.get(milestones[i]["id"], (None, False))
            text = milestones[i]["name"] + " "
            if was_held:
                text += f"held on {said(on)}" + (f", {(on - due[i]).days} day{'s' if (on - due[i]).days > 1 else ''} after its day" if on > due[i] else "")
                text += {"on-track": ": on track", "behind": ": behind", None: ""}[went[milestones[i]["id"]]]
            elif on:
                text += f"marked on the 1:1 of {said(on)}" + (", not recorded as held" if on < today else "")
            else:
                text += "not recorded as held"
            cells.append(text)
        shown = "".join(cells) or "None yet"
        if nxt is None:
            review, when, row_late = "Ramp plan over", meetings[milestones[-1]["id"]][0], False
        else:
            m, on = milestones[nxt], due[nxt]
            mark = meetings.get(m["id"], (None, False))[0]
            booked = mark if mark and mark >= today else None
            row_late = on < today
            when = booked or on
            if booked:
                review = (f"Overdue, now on the 1:1 of {said(booked)} ({days((booked - today).days)})" if row_late else f"{said(booked)} ({days((booked - today).days)}), the 1:1 marked as its review") + f": {m['name']}"
                if booked != on:
                    review += f" (due {said(on)}, {days((today - on).days, ago=True)})" if row_late else f" (due {said(on)})"
            elif row_late:
                review = f"Overdue, due {said(on)} ({days((today - on).days, ago=True)}) and not recorded as held: {m['name']}"
            else:
                moved = on != review_on(first, m["day"], None)
                review = f"{said(on)} ({days((on - today).days)}{', moved for time away' if moved else ''}): {m['name']}"
            if not booked and mark:
                review += f" (marked on the 1:1 of {said(mark)}, not recorded as held)"
            elif not booked and not row_late and (on - today).days < 14:
                review += " (no 1:1 marked as its review yet)"
            soon += not row_late and (when - today).days < 14
            late += row_late
        standing = f"day {day}" if day >= 1 else ("starts tomorrow" if day == 0 else f"starts in {1 - day} days")
        expected.append((nxt is None, when, [name, said(first), standing, shown, review]))
    expected = [row for _, _, row in sorted(expected, key=lambda found: found[:2])]
    assert [row[0] for row in expected] == ["Cat", "Dan", "Ivy", "Ana", "Jo", "Gus", "Ben", "Kit", "Hal", "Fay"] and (soon, late) == (3, 3), expected
    assert "moved for time away" in expected[3][4] and "not recorded as held" in expected[8][3] and "days after its day" not in expected[9][3]
    assert expected[7][3] == "None yet" and expected[5][3].endswith(": behind") and expected[9][3].endswith(": on track")
    # counted up to the day before the one two weeks on (a checker: "the next 14 days" beside "(in 14 days)")
    table = page.get_by_role("table", name=f"10 reps on the ramp plan; milestone reviews before {said(today + timedelta(days=14))}: {soon}; overdue: {late}")
    assert rows_of(table) == expected
    expect(table.locator("tbody tr.pb-team__late")).to_have_count(late)
    expect(table.get_by_role("link", name=milestones[0]["name"]).first).to_have_attribute("href", re.compile(rf"/ramp-plan/#{milestones[0]['id']}$"))
    # Two files merged may each hold a first day: the one saved last counts, not the later-dated (a checker).
    records = [{"kind": "start", "tool": "ramp", "date": "2026-04-06", "saved": "2026-03-20T09:00:00.000Z", "data": {}},
               {"kind": "start", "tool": "ramp", "date": "2026-03-23", "saved": "2026-03-25T09:00:00.000Z", "data": {}}]
    assert page.evaluate("records => Playbook.ramp.start(records).date", records) == "2026-03-23"
    context.close()

    context, page = seeded(browser, site_url, [["Eve", []]])
    expect(page.locator("[data-team-ramp-list]")).to_have_text("No rep here has a first day saved: give a new rep's on Plan a 1:1 to see their milestone reviews here.")
    context.close()
