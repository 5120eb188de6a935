"""Reps kept in the reader's browser, as a sales manager uses them: add reps by keyboard, switch whose answers
the tools show, keep the reader's own answers from before reps existed, start each 1:1 check empty while the
earlier ones stay in the rep's history, notice reworded and removed statements, export a rep and import it in
another browser, delete with a confirmation, and hear about a full storage instead of losing answers."""

import hashlib
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.helpers import NEWEST_WORKSPACE_VERSION, data, home_and_back_by_instant_navigation, navigate_and_wait, plain, ready_for_instant_navigation, site_name

ASSESSMENTS = "self-assessments/"
LEVEL = "which-level/"  # the level assessment's own page
CHECKLISTS = "checklists/"
WORKSPACE = "coaching/workspace/"
LONDON = ZoneInfo("Europe/London")
# What the handbook keeps in localStorage (material keeps its colour scheme there too).
STORAGE = """() => Object.fromEntries(Object.keys(localStorage).filter(key => key.startsWith('playbook:')).sort().map(key => [key, localStorage.getItem(key)]))"""


def _assessment(assessment_id):
    return next(a for a in data("assessments")["assessments"] if a["id"] == assessment_id)


def _statements(assessment_id):
    assessment = _assessment(assessment_id)
    if assessment.get("questions_from") == "levels":
        return [b for level in data("levels")["levels"] for b in level["behaviours"]]
    return assessment["questions"]


def _labels(assessment_id):
    scale = next(s for s in data("assessments")["scales"] if s["id"] == _assessment(assessment_id)["scale"])
    return {option["value"]: option["label"] for option in scale["options"]}


def _checklist_items(checklist_id):
    return next(c for c in data("checklists")["checklists"] if c["id"] == checklist_id)["items"]


def _fingerprint(text):
    """Worked out here from the YAML text, independently of macros/fingerprints.py."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _key(page, kind, item_id):
    return page.evaluate(
        """([kind, id]) => {
            const root = new URL(JSON.parse(document.getElementById('__config').textContent).base, location.href);
            return 'playbook:v1:' + root.origin + root.pathname + ':' + kind + ':' + id;
        }""",
        [kind, item_id],
    )


def _picker(page, form_id):
    return page.locator(f'[data-rep-picker][data-for="{form_id}"]')


def _add_rep_by_keyboard(page, form_id, name):
    picker = _picker(page, form_id)
    picker.get_by_role("button", name="Add a rep…").focus()
    page.keyboard.press("Enter")
    expect(picker.get_by_label("Rep's name or initials")).to_be_focused()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    expect(picker.get_by_role("status")).to_have_text(f"Added {name}: this page now shows and saves {name}'s answers.")
    expect(picker.get_by_label("Whose answers")).to_be_focused()


def _choose(page, form_id, name):
    _picker(page, form_id).get_by_label("Whose answers").select_option(label=name)


def _statement(page, assessment_id, statement_id):
    return page.locator(f'form[data-assessment="{assessment_id}"] fieldset[data-statement="{statement_id}"]')


def _answer(page, assessment_id, answers):
    labels = _labels(assessment_id)
    for statement_id, value in answers.items():
        _statement(page, assessment_id, statement_id).get_by_role("radio", name=labels[value], exact=True).check()


def _expect_answers(page, assessment_id, answers):
    """Exactly these statements ticked, with these answers."""
    labels = _labels(assessment_id)
    form = page.locator(f'form[data-assessment="{assessment_id}"]')
    expect(form.get_by_role("radio", checked=True)).to_have_count(len(answers))
    for statement_id, value in answers.items():
        expect(_statement(page, assessment_id, statement_id).get_by_role("radio", name=labels[value], exact=True)).to_be_checked()


def _expect_ticked(page, checklist_id, items):
    form = page.locator(f'form[data-checklist="{checklist_id}"]')
    expect(form.get_by_role("checkbox", checked=True)).to_have_count(len(items))
    for item in items:
        expect(form.get_by_label(plain(item["text"]), exact=True)).to_be_checked()


def test_each_rep_keeps_their_own_answers_and_me_keeps_those_saved_before_reps(context, site_url):
    behaviours = _statements("which-level")
    low, high = min(_labels("which-level")), max(_labels("which-level"))
    items = _checklist_items("new-rep-first-week")
    page = context.new_page()
    page.goto(site_url + LEVEL)
    # The reader's own answers as saved before reps existed: bare values, no fingerprints, no dates.
    before = {"answers": {behaviours[0]["id"]: high, behaviours[1]["id"]: low}, "notes": {}}
    page.evaluate("([key, saved]) => localStorage.setItem(key, JSON.stringify(saved))", [_key(page, "assessment", "which-level"), before])
    page.evaluate("([key, saved]) => localStorage.setItem(key, JSON.stringify(saved))", [_key(page, "checklist", "new-rep-first-week"), {"ticked": {items[0]["id"]: True}}])
    page.reload()
    mine = {behaviours[0]["id"]: high, behaviours[1]["id"]: low}
    _expect_answers(page, "which-level", mine)

    _add_rep_by_keyboard(page, "assessment-which-level", "Alex")
    _expect_answers(page, "which-level", {})
    alex = {behaviours[2]["id"]: high}
    _answer(page, "which-level", alex)
    page.goto(site_url + ASSESSMENTS)
    _add_rep_by_keyboard(page, "assessment-was-that-coaching", "Sam")  # any tool's picker chooses for every page
    page.goto(site_url + LEVEL)
    expect(_picker(page, "assessment-which-level").locator("option:checked")).to_have_text("Sam")
    sam = {behaviours[3]["id"]: low, behaviours[4]["id"]: high}
    _answer(page, "which-level", sam)

    _choose(page, "assessment-which-level", "Alex")
    expect(_picker(page, "assessment-which-level").get_by_role("status")).to_have_text("Showing Alex's answers.")
    _expect_answers(page, "which-level", alex)
    _choose(page, "assessment-which-level", "Me")
    _expect_answers(page, "which-level", mine)
    _choose(page, "assessment-which-level", "Sam")
    _expect_answers(page, "which-level", sam)

    page.reload()
    expect(_picker(page, "assessment-which-level").locator("option:checked")).to_have_text("Sam")
    _expect_answers(page, "which-level", sam)
    home_and_back_by_instant_navigation(page)
    expect(_picker(page, "assessment-which-level").locator("option:checked")).to_have_text("Sam")
    _expect_answers(page, "which-level", sam)

    page.goto(site_url + CHECKLISTS)
    expect(_picker(page, "checklist-new-rep-first-week").locator("option:checked")).to_have_text("Sam")
    _expect_ticked(page, "new-rep-first-week", [])
    page.locator('form[data-checklist="new-rep-first-week"]').get_by_label(plain(items[1]["text"]), exact=True).check()
    _choose(page, "checklist-first-meeting-plan", "Alex")
    _expect_ticked(page, "new-rep-first-week", [])
    page.locator('form[data-checklist="new-rep-first-week"]').get_by_label(plain(items[2]["text"]), exact=True).check()
    _choose(page, "checklist-new-rep-first-week", "Me")
    _expect_ticked(page, "new-rep-first-week", items[:1])
    _choose(page, "checklist-new-rep-first-week", "Sam")
    _expect_ticked(page, "new-rep-first-week", items[1:2])
    _choose(page, "checklist-new-rep-first-week", "Alex")
    _expect_ticked(page, "new-rep-first-week", items[2:3])

    records = page.evaluate("() => Playbook.workspace.records({kind: 'checklist', tool: 'new-rep-first-week'})")
    assert [r["data"]["done"] for r in records] == [1] and records[0]["data"]["ticked"] == {items[2]["id"]: _fingerprint(items[2]["text"])}


def test_reps_kept_are_there_on_a_page_two_folders_down_reached_from_the_home_page(context, site_url):
    """A manager's case: starting at the home page and following the navigation to Plan a 1:1 (material's
    instant navigation, two folders down), the rep picker listed only "Me", and a rep added there was kept where
    no page loaded afresh looked. Material keeps the page config of the page the browser loaded, whose address of
    the site's top was the home page's, relative to it."""
    page = context.new_page()
    page.goto(site_url + WORKSPACE)
    page.evaluate("() => Playbook.workspace.addRep('Anna Berg')")
    page.goto(site_url)
    ready_for_instant_navigation(page)
    page.evaluate("window.playbookSameDocument = true")
    navigate_and_wait(page, page.locator(".md-content a[href$='/coaching/plan-one-to-one/']").first.click)
    page.wait_for_function("() => document.querySelector('[data-rep-picker][data-ready]')")
    assert page.evaluate("window.playbookSameDocument === true"), "the page was loaded anew, not by instant navigation"
    assert page.evaluate("() => Playbook.workspace.reps().map((rep) => rep.name)") == ["Anna Berg"]
    page.evaluate("() => Playbook.workspace.addRep('Dan Ede')")
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-rep-picker][data-ready]')")
    assert sorted(page.evaluate("() => Playbook.workspace.reps().map((rep) => rep.name)")) == ["Anna Berg", "Dan Ede"]


def test_was_that_coaching_opens_empty_on_the_next_day_and_keeps_the_earlier_check(browser, site_url):
    form = _assessment("was-that-coaching")
    labels = _labels("was-that-coaching")
    yes = max(labels)
    context = browser.new_context(timezone_id="Europe/London")
    page = context.new_page()
    page.clock.install(time=datetime(2026, 12, 1, 16, 0, tzinfo=LONDON))
    page.goto(site_url + "coaching/")
    answers = {q["id"]: yes for q in form["questions"]}
    _answer(page, "was-that-coaching", answers)  # the reader's own check of today's 1:1
    _add_rep_by_keyboard(page, "assessment-was-that-coaching", "Alex")
    _expect_answers(page, "was-that-coaching", {})
    _answer(page, "was-that-coaching", answers)
    page.reload()
    _expect_answers(page, "was-that-coaching", answers)  # the same day: still this 1:1's check

    page.clock.set_system_time(datetime(2026, 12, 8, 16, 0, tzinfo=LONDON))
    page.reload()
    _expect_answers(page, "was-that-coaching", {})
    _choose(page, "assessment-was-that-coaching", "Me")
    _expect_answers(page, "was-that-coaching", {})
    for rep in ("me", page.evaluate("() => Playbook.workspace.reps()[0].id")):
        history = page.evaluate("rep => Playbook.workspace.records({rep, kind: 'coaching-check'})", rep)
        assert [(r["tool"], r["date"], r["data"]["result"]["score"]) for r in history] == [("was-that-coaching", "2026-12-01", 100)]
    context.close()


def test_reworded_and_removed_items_are_named_and_not_counted_until_answered_again(context, site_url):
    behaviours = _statements("which-level")
    high = max(_labels("which-level"))
    reworded, kept = behaviours[0], behaviours[1]
    page = context.new_page()
    page.goto(site_url + LEVEL)
    saved = {"answers": {
        reworded["id"]: {"value": high, "fingerprint": _fingerprint(reworded["text"] + " (earlier wording)")},
        kept["id"]: {"value": high, "fingerprint": _fingerprint(kept["text"])},
        "a-statement-since-removed": {"value": high, "fingerprint": "0123456789"},
        "another-one-removed": {"value": high, "fingerprint": "0123456789"},
    }}
    items = _checklist_items("new-rep-first-week")
    ticks = {"ticked": {items[0]["id"]: _fingerprint("an earlier wording"), items[1]["id"]: _fingerprint(items[1]["text"])}}
    page.evaluate("([key, saved]) => localStorage.setItem(key, JSON.stringify(saved))", [_key(page, "assessment", "which-level"), saved])
    page.evaluate("([key, saved]) => localStorage.setItem(key, JSON.stringify(saved))", [_key(page, "checklist", "new-rep-first-week"), ticks])
    page.reload()

    form = page.locator('form[data-assessment="which-level"]')
    statement = _statement(page, "which-level", reworded["id"])
    expect(statement.locator("[data-changed]")).to_have_text(f"Changed since you answered — check your answer: you said “{_labels('which-level')[high]}” to the earlier wording; answer again to count it.")
    expect(statement.get_by_role("radio", checked=True)).to_have_count(0)
    expect(_statement(page, "which-level", kept["id"]).locator("[data-changed]")).to_have_count(0)
    expect(form.locator(".pb-assessment__changes")).to_have_text(
        "1 statement was reworded since you answered: check it (marked below); until then it doesn't count. "
        "2 answers were to statements no longer in the handbook, so they don't count."
    )
    expect(form.locator(".pb-assessment__summary")).to_contain_text(f"1 of {len(behaviours)} answered.")

    _answer(page, "which-level", {reworded["id"]: high})
    expect(statement.locator("[data-changed]")).to_have_count(0)
    expect(form.locator(".pb-assessment__summary")).to_contain_text(f"2 of {len(behaviours)} answered.")
    stored = page.evaluate("key => JSON.parse(localStorage.getItem(key)).answers", _key(page, "assessment", "which-level"))
    assert stored == {b["id"]: {"value": high, "fingerprint": _fingerprint(b["text"])} for b in (reworded, kept)}

    page.goto(site_url + CHECKLISTS)
    checklist = page.locator('form[data-checklist="new-rep-first-week"]')
    expect(checklist.get_by_label(plain(items[0]["text"]), exact=True)).not_to_be_checked()
    expect(checklist.get_by_role("checkbox", name=plain(items[0]["text"]), exact=True)).to_have_accessible_description("Changed since you ticked it — tick it again if it's still done.")
    _expect_ticked(page, "new-rep-first-week", items[1:2])
    expect(checklist.locator(".pb-checklist__count")).to_have_text(f"1 of {len(items)} done")


def test_a_rep_exported_and_imported_in_a_fresh_browser_has_the_same_records(browser, site_url):
    """The records, and the day the rep was added: a manager's walk-through found a first 1:1 overdue on one
    laptop shown as not due yet on the next, the rep counted as added the day of the import."""
    behaviours = _statements("which-level")
    high = max(_labels("which-level"))
    first = browser.new_context()
    page = first.new_page()
    page.clock.set_fixed_time(datetime(2026, 11, 2, 9, 0))
    page.goto(site_url + LEVEL)
    _answer(page, "which-level", {behaviours[5]["id"]: high})  # the reader's own, to send to their manager
    _add_rep_by_keyboard(page, "assessment-which-level", "Alex")
    alex = {b["id"]: high for b in behaviours[:3]}
    _answer(page, "which-level", alex)
    page.goto(site_url + WORKSPACE)
    rows = page.get_by_role("table", name="Whose answers are saved in this browser")
    expect(rows.get_by_role("row")).to_have_count(3)
    expect(rows.get_by_role("row", name=re.compile("^Alex"))).to_contain_text("Alex1")
    with page.expect_download() as download:
        rows.get_by_role("button", name="Export Alex's answers").click()
    alex_file = download.value.path().read_text(encoding="utf-8")
    with page.expect_download() as download:
        rows.get_by_role("button", name="Export your own answers").click()
    my_file = download.value.path().read_text(encoding="utf-8")
    alex_id = page.evaluate("() => Playbook.workspace.reps()[0].id")
    records = page.evaluate("rep => Playbook.workspace.records({rep})", alex_id)
    mine = page.evaluate("() => Playbook.workspace.records({rep: 'me'})")
    first.close()
    parsed = json.loads(alex_file)
    assert (parsed["format"], parsed["version"], parsed["handbook"]) == ("playbook-workspace", NEWEST_WORKSPACE_VERSION, site_name())

    second = browser.new_context()
    page = second.new_page()
    page.clock.set_fixed_time(datetime(2026, 12, 4, 9, 0))
    page.goto(site_url + WORKSPACE)
    importer = page.get_by_role("form", name="Import")
    importer.get_by_label("A workspace file").set_input_files({"name": "alex.json", "mimeType": "application/json", "buffer": alex_file.encode()})
    expect(importer.get_by_label("Import into")).to_have_value("")
    expect(importer.get_by_label("New rep's name or initials")).to_have_value("Alex")
    importer.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status").filter(has_text="Imported")).to_have_text("Imported 1 saved record into Alex.")
    new_id = page.evaluate("() => Playbook.workspace.reps()[0].id")
    assert page.evaluate("rep => Playbook.workspace.records({rep})", new_id) == records
    assert page.evaluate("() => Playbook.workspace.reps()[0].added") == "2026-11-02"
    # The same file again adds nothing, and says so (a manager's walk-through: it said "Imported" each time).
    importer.get_by_label("A workspace file").set_input_files({"name": "alex.json", "mimeType": "application/json", "buffer": alex_file.encode()})
    importer.get_by_label("Import into").select_option(label="Alex")
    importer.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status").filter(has_text="Nothing new")).to_have_text("Nothing new: the file's 1 saved record was here already.")
    assert page.evaluate("rep => Playbook.workspace.records({rep})", new_id) == records

    page.get_by_role("form", name="Add a rep").get_by_label("Rep's name or initials").fill("Sam")
    page.get_by_role("form", name="Add a rep").get_by_role("button", name="Add").click()
    importer.get_by_label("A workspace file").set_input_files({"name": "mine.json", "mimeType": "application/json", "buffer": my_file.encode()})
    expect(importer.get_by_label("New rep's name or initials")).to_have_value("")  # a file of "Me" names no one
    importer.get_by_label("Import into").select_option(label="Sam")
    expect(importer.get_by_label("New rep's name or initials")).to_be_hidden()
    importer.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status").filter(has_text="Imported")).to_have_text("Imported 1 saved record into Sam.")
    sam_id = page.evaluate("() => Playbook.workspace.reps()[1].id")
    assert page.evaluate("rep => Playbook.workspace.records({rep})", sam_id) == mine
    # The reader's own file has no day of its own (only when it was exported): Sam keeps the day Sam was added.
    assert page.evaluate("() => Playbook.workspace.reps()[1].added") == "2026-12-04"

    page.goto(site_url + LEVEL)
    _choose(page, "assessment-which-level", "Alex")
    _expect_answers(page, "which-level", alex)
    second.close()


def test_the_workspace_page_lists_deletes_after_confirming_and_says_where_the_data_lives(context, site_url, axe):
    page = context.new_page()
    page.goto(site_url + CHECKLISTS)
    items = _checklist_items("one-to-one-prep")
    _add_rep_by_keyboard(page, "checklist-one-to-one-prep", "Alex")
    for item in items[:2]:
        page.locator('form[data-checklist="one-to-one-prep"]').get_by_label(plain(item["text"]), exact=True).check()
    _add_rep_by_keyboard(page, "checklist-one-to-one-prep", "Sam")
    page.goto(site_url + WORKSPACE)
    expect(page.get_by_text("in this browser, on this device only")).to_be_visible()
    # the manager's notes about a rep are the law's personal data about them, however local
    expect(page.get_by_text("What you note about a rep is still personal data about them")).to_be_visible()
    expect(page.get_by_text("With JavaScript off")).to_be_hidden()
    table = page.get_by_role("table", name="Whose answers are saved in this browser")
    expect(table.get_by_role("row")).to_have_text([re.compile("^Whose"), re.compile(r"^Me \(your own answers\)0nothing yet"), re.compile("^Alex1"), re.compile("^Sam0nothing yet")])

    alex_id = page.evaluate("() => Playbook.workspace.reps()[0].id")
    delete_alex = table.get_by_role("button", name="Delete Alex's answers")
    delete_alex.click()
    expect(page.get_by_text("Delete Alex and their answers (1 saved record)? This can't be undone.")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    assert axe(page, "article") == []
    page.keyboard.press("Enter")
    expect(delete_alex).to_be_focused()
    expect(table.get_by_role("row")).to_have_count(4)
    delete_alex.click()
    page.get_by_role("button", name="Delete Alex", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Deleted")).to_have_text("Deleted Alex and their answers.")
    expect(table.get_by_role("row")).to_have_count(3)
    # focus goes to the Delete button now in Alex's place, not the page's body (a screen-reader reviewer)
    expect(table.get_by_role("button", name="Delete Sam's answers")).to_be_focused()
    assert not [key for key in page.evaluate(STORAGE) if key.endswith(":" + alex_id)]
    assert page.evaluate("() => Playbook.workspace.reps().map(r => r.name)") == ["Sam"]

    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Delete everything", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Deleted")).to_have_text("Deleted everything the handbook kept in this browser.")
    expect(page.get_by_role("button", name="Delete everything…")).to_be_focused()
    assert page.evaluate(STORAGE) == {}
    expect(table.get_by_role("row")).to_have_count(2)


def test_without_javascript_there_is_no_picker_and_the_page_says_nothing_is_saved(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ASSESSMENTS)
    expect(page.get_by_label("Whose answers")).to_have_count(1)
    for picker in page.get_by_label("Whose answers").all():
        expect(picker).to_be_hidden()
    page.goto(site_url + WORKSPACE)
    expect(page.get_by_text("With JavaScript off, the tools are paper forms and nothing is saved")).to_be_visible()
    expect(page.get_by_role("button", name="Export everything")).to_be_hidden()
    context.close()


QUOTA = """Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""
FULL = "This browser's storage for the handbook is full: export and delete old reps to make room (Reps and saved answers). This change is not saved."


def test_a_full_storage_is_told_to_the_reader(browser, site_url):
    context = browser.new_context()
    context.add_init_script(QUOTA)
    page = context.new_page()
    page.goto(site_url + CHECKLISTS)
    items = _checklist_items("one-to-one-prep")
    picker = _picker(page, "checklist-one-to-one-prep")
    page.locator('form[data-checklist="one-to-one-prep"]').get_by_label(plain(items[0]["text"]), exact=True).check()
    expect(picker.get_by_role("status")).to_have_text(FULL)
    picker.get_by_role("button", name="Add a rep…").click()
    picker.get_by_label("Rep's name or initials").fill("Alex")
    picker.get_by_role("button", name="Add", exact=True).click()
    expect(picker.get_by_role("status")).to_have_text(FULL)
    expect(picker.get_by_label("Rep's name or initials")).to_have_attribute("aria-invalid", "true")
    page.goto(site_url + ASSESSMENTS)
    _answer(page, "manager-or-coach", {_statements("manager-or-coach")[0]["id"]: max(_labels("manager-or-coach"))})
    expect(page.locator('form[data-assessment="manager-or-coach"]').get_by_role("status").first).to_have_text(FULL)
    context.close()


# What Chromium lets a site keep in localStorage: 5 MiB of UTF-16 characters, keys included.
ALLOWED = 5 * 1024 * 1024
# A rep's records for two years of weekly 1:1s, as the tools write them (workspace.js header): each week a 1:1
# with four questions and two commitments and its Was that coaching? check, each quarter a level result. The
# same function makes them to seed and, after a reload, to compare with what the workspace reads back.
TWO_YEARS = """(ids, r, weeks) => {
    const day = (w, extra) => new Date(Date.parse("2024-11-25") + (7 * w + (extra || 0)) * 864e5).toISOString().slice(0, 10);
    const answers = (statements, w) => Object.fromEntries(statements.map(([id, fingerprint], i) => [id, {value: (w + i + r) % 5, fingerprint}]));
    const records = [];
    for (let w = 0; w < weeks; w += 1) {
        const date = day(w);
        const saved = date + "T" + String(8 + (r % 10)).padStart(2, "0") + ":15:00.000Z";
        if (w % 13 === 0) records.push({kind: "assessment", tool: "which-level", date, saved, data: {answers: answers(ids.behaviours, w), notes: {"next-step": "Rehearse the discovery call with Sam before " + day(w, 14)},
            result: {complete: true, answered: ids.behaviours.length, needed: 30, score: 50 + (w + r) % 40, band: "Solid", level: {id: ids.levels[w % 3], name: "Level", number: 1 + w % 3},
                     groups: ids.levels.map((id, i) => ({id, answered: 7, score: 40 + i * 9.5, reached: i < 2})), weakest: ids.behaviours.slice(0, 3).map(([id], i) => ({id, text: "Behaviour " + id, answer: i}))}}});
        records.push({kind: "coaching-check", tool: "was-that-coaching", date, saved, data: {answers: answers(ids.coaching, w), notes: {},
            result: {complete: true, answered: ids.coaching.length, needed: ids.coaching.length, score: (w * 7 + r) % 101, band: "Part coaching", level: null, groups: [], weakest: []}}});
        const agenda = [0, 1, 2, 3].map(i => { const [id, fingerprint] = ids.questions[(w * 4 + i + r) % ids.questions.length]; return {id, fingerprint, box: ids.boxes[i % ids.boxes.length]}; });
        const open = w === weeks - 1;
        records.push({kind: "one-to-one", tool: "one-to-one", date, saved, data: {time: "09:30", agenda, commitments: [
            {text: "Send Acme " + w + " the mutual action plan", owner: "rep", due: day(w, 3), done: open ? null : day(w, 4)},
            {text: "Join rep " + (r + 1) + " on the week " + (w + 2) + " renewal call", owner: "manager", due: day(w, 10), done: open ? null : day(w, 9)}]}});
    }
    return records;
}"""
BY_DATE = "(a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0"
USED = "() => Object.keys(localStorage).reduce((sum, key) => sum + key.length + localStorage.getItem(key).length, 0)"
# Each rep's name, record count and a SHA-256 of their records as JSON with every object's keys sorted, worked out
# in the page: a whole workspace of this size takes some 15 s each way to bring into Python, a digest none.
WORKSPACE_DIGEST = """async () => {
    const sorted = (key, value) => value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value;
    const hex = async (text) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, "0")).join("");
    const ws = Playbook.workspace;
    return Promise.all(ws.reps().map(async (rep) => { const records = ws.records({rep: rep.id}); return [rep.name, records.length, await hex(JSON.stringify(records, sorted))]; }));
}"""


def _ids():
    """Real ids and fingerprints from the data, for records like those the tools write."""
    levels = data("levels")["levels"]
    return {
        "behaviours": [[b["id"], _fingerprint(b["text"])] for level in levels for b in level["behaviours"]],
        "levels": [level["id"] for level in levels],
        "coaching": [[q["id"], _fingerprint(q["text"])] for q in _assessment("was-that-coaching")["questions"]],
        "questions": [[q["id"], _fingerprint(q["text"])] for q in data("coaching_questions")["questions"]],
        "boxes": [box["id"] for box in data("rhythm")["one_to_one"]["boxes"]],
    }


def test_thirty_reps_with_two_years_of_weekly_one_to_ones_fit_in_two_fifths_of_the_storage_and_read_back_the_same(context, site_url, tmp_path):
    page = context.new_page()
    page.goto(site_url + WORKSPACE)
    ids = _ids()
    problems = page.evaluate(f"""([ids, reps, weeks]) => {{
        const make = {TWO_YEARS};
        const ws = Playbook.workspace;
        return [...Array(reps).keys()].map(r => ws.merge(ws.addRep("Rep " + (r + 1)).rep.id, make(ids, r, weeks), false)).filter(Boolean);
    }}""", [ids, 30, 104])
    assert problems == []
    used = page.evaluate(USED)
    assert used <= 0.4 * ALLOWED, f"{used:,} characters, {used / ALLOWED:.0%} of what the browser allows"
    page.reload()  # read back from storage, not from what this page wrote
    table = page.get_by_role("table", name="Whose answers are saved in this browser")
    expect(table.get_by_role("row", name=re.compile("^Rep 30"))).to_contain_text("Rep 30216")
    expect(page.locator("[data-workspace-status]")).to_have_text("")  # far from full: nothing to warn about
    different = page.evaluate(f"""([ids, weeks]) => {{
        const make = {TWO_YEARS};
        return Playbook.workspace.reps().filter((rep, r) => JSON.stringify(Playbook.workspace.records({{rep: rep.id}})) !== JSON.stringify(make(ids, r, weeks).sort({BY_DATE})));
    }}""", [ids, 104])
    assert different == []

    # The manager's backup: "Export everything" downloads the file, and that file imported into an empty browser
    # brings the whole workspace back.
    before = page.evaluate(WORKSPACE_DIGEST)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export everything").click()
    backup = tmp_path / "backup.json"  # saved and picked from disk, as the manager does
    download.value.save_as(backup)
    page.evaluate("() => Playbook.workspace.clearAll()")
    page.reload()
    page.get_by_label("A workspace file").set_input_files(backup)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[data-workspace-status]")).to_contain_text("Imported")
    after = page.evaluate(WORKSPACE_DIGEST)
    assert len(after) == 30 and after == before, f"{backup.stat().st_size:,} bytes"


def test_records_kept_in_the_earlier_plain_form_still_load_and_move_to_the_compact_one(context, site_url):
    file = json.loads((ROOT / "tests/browser/workspace_files/v1/one-rep.json").read_text(encoding="utf-8"))
    alex = file["reps"][0]
    page = context.new_page()
    page.goto(site_url + WORKSPACE)
    # As the handbook stored a rep's records before the compact form: plain JSON under "workspace:rep:<id>".
    old_key, new_key = _key(page, "workspace", "rep:" + alex["id"]), _key(page, "workspace", "records:" + alex["id"])
    page.evaluate("""([rep, key]) => {
        Playbook.workspace.addRep(rep.name, rep.id);
        localStorage.setItem(key, JSON.stringify({version: 1, records: rep.records}));
    }""", [alex, old_key])
    page.reload()
    table = page.get_by_role("table", name="Whose answers are saved in this browser")
    expect(table.get_by_role("row", name=re.compile("^Alex"))).to_contain_text(f"Alex{len(alex['records'])}")
    expected = sorted(alex["records"], key=lambda r: (r["date"], r["saved"]))
    assert page.evaluate("rep => Playbook.workspace.records({rep})", alex["id"]) == expected
    stored = page.evaluate(STORAGE)
    assert old_key not in stored and new_key in stored and len(stored[new_key]) < len(json.dumps({"version": 1, "records": alex["records"]}, separators=(",", ":")))

    # A tab still running the earlier handbook saves a record the old way: the next page keeps both.
    later = {**alex["records"][0], "date": "2026-11-24", "saved": "2026-11-24T10:00:00.000Z"}
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify({version: 1, records: [record]}))", [old_key, later])
    page.reload()
    expect(table.get_by_role("row", name=re.compile("^Alex"))).to_contain_text(f"Alex{len(alex['records']) + 1}")
    assert page.evaluate("rep => Playbook.workspace.records({rep})", alex["id"]) == expected + [later]
    assert old_key not in page.evaluate(STORAGE)


def test_planted_or_damaged_records_in_storage_are_left_out_and_never_run(context, site_url):
    page = context.new_page()
    page.goto(site_url + WORKSPACE)
    key = _key(page, "workspace", "records:me")
    sound = {"kind": "planner", "tool": "activity", "date": "2026-11-02", "data": {"fields": {}}, "saved": "2026-11-02T09:00:00.000Z"}
    # The compact form (workspace-store.js): one sound record, then a "__proto__" field, a note that looks like
    # markup (sound: kept as text, never inserted), a value too many, a text that isn't there, a number that isn't
    # one, a list nested a hundred deep.
    page.evaluate("""key => {
        const record = data => [1, 0, 1, 2, data, 3];
        let deep = [0];
        for (let i = 0; i < 100; i += 1) deep = [0, deep];
        localStorage.setItem(key, JSON.stringify({v: 2, k: [["kind", "tool", "date", "data", "saved"], ["fields"], ["__proto__"], ["note"], []],
            s: ["planner", "activity", "2026-11-02", "2026-11-02T09:00:00.000Z", '<img src=x onerror="window.pwned=1">'],
            r: [record([2, [5]]), record([3, [4, 0]]), record([4, 4]), record([2, [5], "extra"]), record([2, 99]), record("NaN"), record(deep)]}));
    }""", key)
    page.reload()
    table = page.get_by_role("table", name="Whose answers are saved in this browser")
    expect(table.get_by_role("row", name=re.compile("^Me"))).to_contain_text("Me (your own answers)2")
    noted = {**sound, "data": {"note": '<img src=x onerror="window.pwned=1">'}}
    assert page.evaluate("() => Playbook.workspace.records({rep: 'me'})") == [sound, noted]
    assert page.evaluate("() => [({}).polluted, Object.prototype.polluted, window.pwned, document.querySelectorAll('img[src=x]').length]") == [None, None, None, 0]


NEARLY_FULL = "The handbook has used 85% of the storage this browser allows it: before it runs out, export the reps you no longer coach and delete them (Reps and saved answers)."


def test_storage_nearly_full_is_told_on_the_workspace_page_and_after_saving(context, site_url):
    page = context.new_page()
    page.goto(site_url + CHECKLISTS)
    _add_rep_by_keyboard(page, "checklist-one-to-one-prep", "Alex")
    # Another page on the same host (the quota is the host's) keeps enough to bring storage to 85%.
    page.evaluate(f"allowed => localStorage.setItem('another-app', 'x'.repeat(Math.ceil(0.853 * allowed) - ({USED})() - 'another-app'.length))", ALLOWED)
    items = _checklist_items("one-to-one-prep")
    page.locator('form[data-checklist="one-to-one-prep"]').get_by_label(plain(items[0]["text"]), exact=True).check()
    expect(_picker(page, "checklist-one-to-one-prep").get_by_role("status")).to_have_text(f"Added Alex: this page now shows and saves Alex's answers. {NEARLY_FULL}")
    page.goto(site_url + WORKSPACE)
    expect(page.locator("[data-workspace-status]")).to_have_text(NEARLY_FULL)
    page.get_by_role("table", name="Whose answers are saved in this browser").get_by_role("button", name="Delete Alex's answers").click()
    page.get_by_role("button", name="Delete Alex", exact=True).click()
    expect(page.locator("[data-workspace-status]")).to_have_text(f"Deleted Alex and their answers. {NEARLY_FULL}")


def test_a_storage_filled_to_the_last_character_refuses_a_save_and_says_so(context, site_url):
    page = context.new_page()
    page.goto(site_url + CHECKLISTS)
    _add_rep_by_keyboard(page, "checklist-one-to-one-prep", "Alex")
    # Another page on the same host takes every character left (this throws if the browser allows a different
    # amount): any save after it fails for real.
    page.evaluate(f"allowed => localStorage.setItem('another-app', 'x'.repeat(allowed - ({USED})() - 'another-app'.length))", ALLOWED)
    before = page.evaluate(STORAGE)
    items = _checklist_items("one-to-one-prep")
    page.locator('form[data-checklist="one-to-one-prep"]').get_by_label(plain(items[0]["text"]), exact=True).check()
    expect(_picker(page, "checklist-one-to-one-prep").get_by_role("status")).to_have_text(FULL)
    assert page.evaluate(STORAGE) == before


def test_a_managers_own_habits_stay_the_managers_whichever_rep_is_chosen(context, site_url):
    """A manager reviewing the site chose Priya on one tool and found *Manager or coach?*, about the manager,
    showing and saving "Priya's" answers. That form (per_rep: false in data/assessments.yml) has no rep picker,
    opens and saves the reader's own answers, and leaves Priya's history alone."""
    page = context.new_page()
    page.goto(site_url + ASSESSMENTS)
    _add_rep_by_keyboard(page, "assessment-was-that-coaching", "Priya")
    expect(_picker(page, "assessment-was-that-coaching").locator("option:checked")).to_have_text("Priya")
    form = page.locator('form[data-assessment="manager-or-coach"]')
    expect(form).to_have_attribute("data-ready", "true")
    expect(page.locator('[data-rep-picker][data-for="assessment-manager-or-coach"]')).to_have_count(0)
    statement = _statements("manager-or-coach")[0]
    mine = {statement["id"]: max(_labels("manager-or-coach"))}
    _answer(page, "manager-or-coach", mine)
    records = "(rep) => Playbook.workspace.records({rep, tool: 'manager-or-coach'}).length"
    priya = page.evaluate("() => Playbook.workspace.reps().find((rep) => rep.name === 'Priya').id")
    assert page.evaluate(records, "me") == 1 and page.evaluate(records, priya) == 0
    page.reload()
    expect(_picker(page, "assessment-was-that-coaching").locator("option:checked")).to_have_text("Priya")
    _expect_answers(page, "manager-or-coach", mine)
    _choose(page, "assessment-was-that-coaching", "Me")
    _expect_answers(page, "manager-or-coach", mine)


def test_a_list_for_the_whole_team_stays_the_managers_whichever_rep_is_chosen(context, site_url):
    """A manager chose Anna for the 1:1 preparation and found *Running the charter review*, the manager's list for
    the team's review, switched to Anna's ticks. That list (per_rep: false in data/checklists.yml) has no rep
    picker and keeps the reader's own ticks, whoever is chosen on the lists beside it."""
    review = next(c for c in data("checklists")["checklists"] if c["id"] == "charter-review")
    assert review["per_rep"] is False
    page = context.new_page()
    page.goto(site_url + CHECKLISTS)
    form = page.locator('form[data-checklist="charter-review"]')
    expect(form).to_have_attribute("data-ready", "true")
    expect(page.locator('[data-rep-picker][data-for="checklist-charter-review"]')).to_have_count(0)
    first, second = (form.get_by_label(plain(item["text"]), exact=True) for item in review["items"][:2])
    first.check()
    _add_rep_by_keyboard(page, "checklist-one-to-one-prep", "Anna")
    expect(_picker(page, "checklist-one-to-one-prep").locator("option:checked")).to_have_text("Anna")
    expect(first).to_be_checked()
    second.check()
    page.reload()
    expect(_picker(page, "checklist-one-to-one-prep").locator("option:checked")).to_have_text("Anna")
    expect(form.get_by_role("checkbox", checked=True)).to_have_count(2)
    _choose(page, "checklist-one-to-one-prep", "Me")
    expect(form.get_by_role("checkbox", checked=True)).to_have_count(2)


def test_a_rep_chosen_on_one_page_is_named_under_every_picker_on_the_next_as_the_one_ticks_are_saved_for(context, site_url):
    """A manager's case: the prospecting page opened on the rep last chosen on Plan a 1:1, days earlier, and the
    manager's own ticks went into that rep's history. While a rep is chosen, each picker says so in a line of
    its own, on every page, until "Me" is chosen again."""
    page = context.new_page()
    page.goto(site_url + CHECKLISTS)
    _add_rep_by_keyboard(page, "checklist-one-to-one-prep", "Carla Diaz")
    page.goto(site_url + "prospecting/")
    pickers = page.locator("[data-rep-picker][data-ready]")
    expect(pickers.first).to_be_visible()
    assert pickers.count() >= 2
    expect(pickers.locator("[data-rep-note]")).to_have_text(["What you tick or answer below is saved as Carla Diaz's. Choose “Me” for your own."] * pickers.count())
    page.goto(site_url + "coaching/history/")  # the rep history only reads: nothing there is saved as hers
    expect(page.locator("[data-rep-picker][data-ready] option:checked")).to_have_text("Carla Diaz")
    expect(page.locator("[data-rep-note]")).to_have_count(0)
    page.go_back()
    pickers.first.get_by_label("Whose answers").select_option(label="Me")
    for index in range(pickers.count()):
        expect(pickers.nth(index).locator("[data-rep-note]")).to_be_hidden()


def test_an_exported_file_is_named_after_the_rep_with_umlauts_and_accents_written_out(browser, site_url):
    # The German reviewer's export of Jürgen Müller came as "playbook-j-rgen-m-ller-…": letters lost to hyphens.
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 11, 2, 9, 0))
    page.goto(site_url + WORKSPACE)
    adding = page.get_by_role("form", name="Add a rep")
    rows = page.get_by_role("table", name="Whose answers are saved in this browser")
    names = [("Jürgen Müller", "playbook-juergen-mueller-2026-11-02.json"), ("Zoë Ångström", "playbook-zoe-angstroem-2026-11-02.json"),
             ("Søren Łukasz", "playbook-soren-lukasz-2026-11-02.json"), ("Ju\u0308rgen Wei\u00df", "playbook-juergen-weiss-2026-11-02.json"),  # as a Mac may paste it
             ("李娜", "playbook-rep-2026-11-02.json")]
    for name, file in names:
        adding.get_by_label("Rep's name or initials").fill(name)
        adding.get_by_role("button", name="Add").click()
        with page.expect_download() as download:
            rows.get_by_role("button", name=f"Export {name}'s answers").click()
        assert download.value.suggested_filename == file
    context.close()
