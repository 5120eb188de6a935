"""The manager's 1:1 workspace end to end, over two weeks with a fixed clock, driven as a manager does: add two
reps; Priya answers "Which level am I?"; plan her 1:1 from the question bank, see the questions in the time
boxes, print it on one page, write down two commitments due in three days and do the *Was that coaching?*
check. A week on, both are carried over as overdue under "Agreed last time"; one is ticked done. Priya and the
whole workspace are exported with the real buttons and imported into fresh browsers, whose planner shows the
same history; then the team view reads five exported files (three more reps seeded in another browser) and shows
the heat map, the level counts, the coaching check and the commitment still overdue. Expected values come from
data/*.yml, read here with PyYAML."""

import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.test_plan_one_to_one import (
    MEETINGS_FROM,
    _agreed,
    _box_for,
    _duration,
    _rhythm,
    _three_questions,
)
from tests.browser.test_self_assessment import (
    _answer_all,
    _assessment,
    _level_reached,
    _levels,
    _profile,
    _scale,
)
from tests.browser.test_team_view import (
    BEHAVIOURS,
    SEED,
    figures,
    heat_points,
    level_record,
    points,
    upload,
)
from tests.browser.test_workspace import _choose
from tests.helpers import data, plain, working_days_late, working_days_said

WORKSPACE, ASSESSMENTS, CHECK, BANK, PLANNER, TEAM = "coaching/workspace/", "which-level/", "coaching/", "coaching/questions/", "coaching/plan-one-to-one/", "coaching/team/"
LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=LONDON)
NEXT_MONDAY = MONDAY + timedelta(days=7)
PRIYA_LEVEL = 2  # the level Priya's answers describe (tests/browser/test_self_assessment.py _profile)
# The three reps seeded in another browser for the team view, and the level each one's answers describe.
OTHERS = {"Ana": 1, "Olu": 0, "Kim": 3}
SENT, CALL = "Send the mutual plan to Acme", "Call Globex back"
STATUS = "[data-workspace-status]"


def new_page(browser, when):
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(when)
    return context, page


def add_rep(page, name):
    adding = page.get_by_role("form", name="Add a rep")
    adding.get_by_label("Rep's name or initials").fill(name)
    adding.get_by_role("button", name="Add").click()
    expect(page.locator(STATUS)).to_contain_text(f"Added {name}.")


def export(page, button) -> str:
    """The text of the file the Export button `button` on the workspace page downloads."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    return download.value.path().read_text(encoding="utf-8")


def planner_shows(page) -> dict:
    return {
        "agreed": page.locator("[data-plan-agreed] li").all_text_contents(),
        "level": page.locator("[data-plan-level]").text_content(),
        "weakest": page.locator("[data-plan-weakest] li").all_text_contents(),
    }


def import_file(page, text, name, expected):
    importer = page.get_by_role("form", name="Import")
    importer.get_by_label("A workspace file").set_input_files({"name": name, "mimeType": "application/json", "buffer": text.encode()})
    importer.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status").filter(has_text="Imported")).to_have_text(expected)


def records_of(page, name):
    return page.evaluate("name => Playbook.workspace.records({rep: Playbook.workspace.reps().find(r => r.name === name).id})", name)


def week_one(page, site_url, tmp_path):
    """Monday 30 November 2026: two reps, Priya's level, her 1:1 planned and printed, commitments, the check."""
    page.goto(site_url + WORKSPACE)
    add_rep(page, "Priya")
    add_rep(page, "Tom")

    # Priya answers "Which level am I?" with the manager's browser, chosen as whose answers these are.
    level_form = _assessment("which-level")
    answers = _profile(PRIYA_LEVEL)
    assert _level_reached(answers) == PRIYA_LEVEL
    page.goto(site_url + ASSESSMENTS)
    _choose(page, "assessment-which-level", "Priya")
    _answer_all(page, "which-level", answers, _scale(level_form))
    level = _levels()[PRIYA_LEVEL - 1]
    expect(page.locator('form[data-assessment="which-level"] [data-result]')).to_contain_text(level["name"])

    # Her 1:1: questions from the bank, one click each, land in the team's time boxes.
    boxes, minutes = _rhythm()
    questions = _three_questions()
    page.goto(site_url + PLANNER)
    expect(page.get_by_role("heading", name="1:1 with Priya")).to_be_visible()
    # the level out of the ladder's, without the score over every level (which would read as this level's)
    expect(page.locator("[data-plan-level]")).to_have_text(f"Level {PRIYA_LEVEL} of {len(_levels())}, {level['name']}, on Mon 30 Nov, rater and account not recorded.")
    page.get_by_role("link", name="question bank").first.click()
    page.wait_for_url("**/" + BANK)
    for question in questions:
        # The page is swapped in before its widgets are set up: a click before that would do nothing.
        page.locator(f"li#{question['id']}[data-basket-ready]").wait_for()
        page.locator(f"li#{question['id']}").get_by_role("button", name="Add to 1:1").click()
        expect(page.locator(f"li#{question['id']}").get_by_role("button", name="Added to 1:1")).to_have_attribute("aria-pressed", "true")
    page.locator(".md-nav").get_by_role("link", name="Plan a 1:1").first.click()
    page.wait_for_url("**/" + PLANNER)
    for box in boxes:
        inside = [plain(q["text"]) for q in questions if _box_for(q, boxes) is box]
        expect(page.locator(f'[data-plan-box="{box["id"]}"] [data-plan-box-questions] li span')).to_have_text(inside)
        expect(page.locator(f'[data-plan-box="{box["id"]}"]')).to_contain_text(_duration(box["minutes"]))
    expect(_agreed(page)).to_have_count(0)

    pdf = tmp_path / "priya.pdf"
    page.pdf(path=pdf, format="A4")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1
    printed = " ".join(reader.pages[0].extract_text().split())
    assert f"1:1 with Priya, Monday 30 November 2026 at {MEETINGS_FROM}, {minutes} minutes" in printed
    assert all(plain(q["text"])[:40] in printed for q in questions)

    # After the meeting: two commitments due in three days, then the Was that coaching? check.
    for text, who in ((SENT, "The rep"), (CALL, "I (the manager)")):
        page.get_by_label("What", exact=True).fill(text)
        page.get_by_label("Who", exact=True).select_option(label=who)
        page.get_by_label("Due", exact=True).fill("2026-12-03")
        page.get_by_role("button", name="Add commitment").click()
        expect(page.locator("[data-plan-made] li").filter(has_text=text)).to_have_count(1)
    page.goto(site_url + CHECK)
    check = _assessment("was-that-coaching")
    expect(page.locator('[data-rep-picker][data-for="assessment-was-that-coaching"]').get_by_label("Whose answers").locator("option:checked")).to_have_text("Priya")
    top = _scale(check)["options"][-1]["value"]
    _answer_all(page, "was-that-coaching", {q["id"]: top for q in check["questions"]}, _scale(check))
    checks = [r for r in records_of(page, "Priya") if r["kind"] == "coaching-check"]
    assert [(r["date"], r["data"]["result"]["score"]) for r in checks] == [("2026-11-30", 100)]


def week_two(page, site_url):
    """Monday 7 December: both commitments carried over as overdue, not slipped while this 1:1 is not recorded
    as held (the team view says "no 1:1 since it was due"); the one sent is ticked done."""
    page.clock.set_fixed_time(NEXT_MONDAY)
    page.goto(site_url + PLANNER)
    expect(page.get_by_role("heading", name="1:1 with Priya")).to_be_visible()
    expect(_agreed(page)).to_have_text([
        f"{SENT} (the rep, due Thu 3 Dec, overdue), agreed Mon 30 Nov",
        f"{CALL} (the manager, due Thu 3 Dec, overdue), agreed Mon 30 Nov",
    ])
    page.get_by_label(SENT).check()
    # ticked at the first 1:1 since its due date: reported done here, not late
    expect(page.locator("[data-plan-status]")).to_have_text(f"Marked done: {SENT}")
    page.reload()
    expect(_agreed(page)).to_have_count(2)  # ticked today: still shown, so the tick can be taken back
    expect(page.get_by_label(SENT)).to_be_checked()
    expect(page.get_by_label(CALL)).not_to_be_checked()


def expect_team(page, priya_answers):
    heat = page.locator("[data-team-heat]")
    names = sorted(["Priya", "Tom", *OTHERS], key=str.casefold)  # reps side by side by name
    expect(heat.locator("thead th")).to_have_text(["Behaviour", *names])
    answers = {"Priya": priya_answers, "Tom": {}} | {name: _profile(level) for name, level in OTHERS.items()}
    answered = [answers[name] for name in names]
    assert heat_points(page) == {b["id"]: [points(b, rep.get(b["id"])) for rep in answered] for b in BEHAVIOURS}

    latest = [PRIYA_LEVEL, *OTHERS.values()]  # Tom has no result yet: not counted, and said so
    counts = [latest.count(n) for n in range(len(_levels()) + 1)]
    levels = page.locator("[data-team-levels] figure")
    expect(levels.locator("desc")).to_have_text(re.compile("; 1 with no complete self-assessment, not counted[.]$"))
    assert figures(levels) == [["Assessed, no level reached", str(counts[0])]] + [[f"{n} {level['name']}", str(counts[n])] for n, level in enumerate(_levels(), 1)]

    top = next(a for a in data("assessments")["assessments"] if a["id"] == "was-that-coaching")["bands"][-1]["name"]
    assert figures(page.locator("[data-team-coaching] [data-chart-slot] figure")) == [["30 Nov 2026", "100%", "1", f"{top} 1"]]  # every Yes: the top band
    overdue = page.get_by_role("table", name="1 overdue commitment")
    # due Thursday, seen the next Monday (Friday and Monday: 2 working days), before a 1:1 since
    late = working_days_said(working_days_late(date(2026, 12, 3), date(2026, 12, 7)))
    expect(overdue.locator("tbody tr")).to_have_text([re.compile(f"^Priya\\s*{CALL}\\s*Manager\\s*Thu 3 Dec\\s*{late}\\s*no 1:1 since it was due$")])


def test_two_weeks_of_one_to_ones_exported_imported_and_seen_by_the_team_view(browser, site_url, tmp_path):
    manager, page = new_page(browser, MONDAY)
    week_one(page, site_url, tmp_path)
    week_two(page, site_url)
    shown = planner_shows(page)
    page.goto(site_url + WORKSPACE)
    priya_file = export(page, "Export Priya's answers")
    tom_file = export(page, "Export Tom's answers")
    everything = export(page, "Export everything")
    priya_records = records_of(page, "Priya")
    # the 1:1 of 7 December kept by the tick made in it, so her history knows the tick came at a 1:1
    assert [(r["kind"], r["date"]) for r in priya_records] == [("assessment", "2026-11-30"), ("coaching-check", "2026-11-30"), ("one-to-one", "2026-11-30"), ("one-to-one", "2026-12-07")]
    manager.close()

    # Each file in a fresh browser: Priya's records are all there and her planner shows the same history.
    for text, name, said in ((priya_file, "priya.json", "Imported 4 saved records into Priya."), (everything, "workspace.json", "Imported 4 saved records into 3 reps.")):
        fresh, page = new_page(browser, NEXT_MONDAY)
        page.goto(site_url + WORKSPACE)
        import_file(page, text, name, said)
        assert records_of(page, "Priya") == priya_records
        page.goto(site_url + PLANNER)
        _choose(page, "plan-one-to-one", "Priya")
        expect(page.get_by_role("heading", name="1:1 with Priya")).to_be_visible()
        assert planner_shows(page) == shown
        fresh.close()

    # Three more reps' level results, seeded in another browser and exported one file each.
    others, page = new_page(browser, MONDAY)
    page.goto(site_url + WORKSPACE)
    files = {"priya.json": priya_file, "tom.json": tom_file}
    for name, level in OTHERS.items():
        add_rep(page, name)
        page.evaluate(SEED, [name, [["assessment", "which-level", level_record(level, _profile(level)), "2026-11-23"]]])
    page.reload()
    for name in OTHERS:
        files[name.lower() + ".json"] = export(page, f"Export {name}'s answers")
    others.close()

    team, page = new_page(browser, NEXT_MONDAY)
    page.goto(site_url + TEAM)
    page.get_by_label("Workspace files (.json), one or several").set_input_files(upload(files))
    expect(page.locator("[data-team-status]")).to_have_text("Showing 5 reps from 5 of 5 files.")
    expect_team(page, _profile(PRIYA_LEVEL))
    team.close()
