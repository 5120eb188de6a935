"""Workspace files: the published JSON Schema and the browser's own checker agree on valid and invalid files;
every file an earlier version of the format wrote still imports (tests/browser/workspace_files/v<N>/, kept
for good); a hostile or broken file stores nothing, runs nothing and says what is wrong in plain words. Text
that looks like HTML is kept as typed, and an imported file's text shows as text, never as markup."""

import copy
import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import expect

from tests.browser.test_coaching_forms import RIDE_ALONG, _rate, _ride_along_answers
from tests.browser.test_workspace import _choose
from tests.helpers import NEWEST_WORKSPACE_VERSION, WORKSPACE_SCHEMA, data

FILES = Path(__file__).parent / "workspace_files"
EARLIER = sorted(FILES.glob("v*/*.json"))
BASE = json.loads((FILES / "v1/one-rep.json").read_text(encoding="utf-8"))
WORKSPACE = "coaching/workspace/"
PLANNER = "coaching/plan-one-to-one/"
STORAGE = """() => Object.fromEntries(Object.keys(localStorage).filter(key => key.startsWith('playbook:')).sort().map(key => [key, localStorage.getItem(key)]))"""


def changed(edit) -> str:
    """The one-rep v1 file with `edit(file)` applied, as text."""
    file = copy.deepcopy(BASE)
    edit(file)
    return json.dumps(file)


def record(file, index=0):
    return file["reps"][0]["records"][index]


def one_to_one(file):
    """The data of the v1 one-rep file's 1:1 record."""
    return next(r for r in file["reps"][0]["records"] if r["kind"] == "one-to-one")["data"]


def nested(depth):
    value = "deep"
    for _ in range(depth):
        value = [value]
    return value


# The decision helper's advice, as it saves it.
DECISION = {"kind": "decision", "tool": "dilemma", "date": "2026-11-30", "data": {}, "saved": "2026-11-30T09:00:00.000Z"}
# A rep's leave, as the Reps and saved answers page saves it: dated the first day away.
AWAY = {"kind": "away", "tool": "time-away", "date": "2026-11-30", "data": {"back": "2026-12-14"}, "saved": "2026-11-20T09:00:00.000Z"}

# A ride-along as the form saves it; a day's second call adds its call (2).
CALL = {"kind": "observation", "tool": "ride-along", "date": "2026-11-27", "data": {"answers": {}, "notes": {}}, "saved": "2026-11-27T17:00:00.000Z"}

# (id, file text): files the schema and the browser must both accept.
VALID = [
    ("one rep", json.dumps(BASE)),
    ("whole workspace", (FILES / "v1/whole-workspace.json").read_text(encoding="utf-8")),
    ("a < b in a note is text, not markup", changed(lambda f: record(f)["data"].update(notes={"next": "discount < 10% only"}))),
    # what a reader types is kept as typed: the tools show it as text, so it never becomes markup
    ("text that looks like HTML in a note", changed(lambda f: record(f)["data"].update(notes={"x": "Ask about <b>Acme</b>", "y": '<img src=x onerror="window.pwned=1">'}))),
    ("text that looks like HTML in a commitment", changed(lambda f: one_to_one(f)["commitments"][0].update(text="<script>window.pwned=1</script> before the <50k deals"))),
    ("data five lists deep", changed(lambda f: record(f)["data"].update(deep=nested(5)))),
    ("a name of 60 characters", changed(lambda f: f["reps"][0].update(name="A" * 60))),
    ("no records yet", changed(lambda f: f["reps"][0].update(records=[]))),
    ("a version 2 file", changed(lambda f: f.update(version=2))),
    ("a 1:1 with what was written down", changed(lambda f: one_to_one(f).update(write_in=[{"box": "one-skill", "label": "What to try", "text": "Ask what they do today <first>"}]))),
    ("advice resting on a deal at risk", changed(lambda f: f["reps"][0]["records"].append({**DECISION, "data": {"ticked": {}, "outcome": "push", "situations": ["deal-at-risk"]}}))),
    ("a version 3 file with a rep's time away", changed(lambda f: f.update(version=3) or f["reps"][0]["records"].append(AWAY))),
    ("a version 4 file with two calls on one ride-along day", changed(lambda f: f.update(version=4) or f["reps"][0]["records"].extend([CALL, {**CALL, "call": 2}]))),
    ("a level result rated by the manager about an account of 100 characters", changed(lambda f: record(f)["data"]["result"].update(rated_by="manager", account="A" * 100))),
    ("a 1:1 held, with a commitment moved and one dropped", changed(lambda f: one_to_one(f).update(held=True, commitments=[{"text": "Call Acme", "owner": "rep", "due": "2026-11-20", "done": None, "renegotiated": [{"from": "2026-11-13", "to": "2026-11-20", "on": "2026-11-10", "why": "Acme's buyer was off sick"}]}, {"text": "Plan", "due": "2026-11-13", "done": None, "dropped": "2026-11-10", "drop_reason": "Acme went quiet"}]))),
    ("a 1:1 as the planner saves it", changed(lambda f: one_to_one(f).update(time="09:30", agenda=[{"id": "what-went-well", "fingerprint": "0123456789", "box": "one-skill"}], commitments=[{"text": "Call Acme", "owner": "manager", "due": "2026-11-14", "done": "2026-11-13"}, {"text": "Plan", "owner": "rep", "due": "2026-11-20", "done": None}]))),
]

# (id, file text, what the reader is told): files both must refuse.
INVALID = [
    ("not JSON", "{not json", "it isn't valid JSON"),
    ("JSON but a list", "[]", "This isn't a workspace file exported from the handbook."),
    ("another format", changed(lambda f: f.update(format="lattice-export")), "This isn't a workspace file exported from the handbook."),
    ("a newer version", changed(lambda f: f.update(version=5)), "This file is version 5 of the format, from a newer handbook; this one reads up to version 4."),
    ("a call on a 1:1", changed(lambda f: next(r for r in f["reps"][0]["records"] if r["kind"] == "one-to-one").update(call=2)), "its call should be a whole number from 2 to 9, on a form filled in for each meeting (an observation, rubric or coaching-check)."),
    ("a ride-along's first call numbered", changed(lambda f: f["reps"][0]["records"].append({**CALL, "call": 1})), "Rep 1 (Alex), record 5: its call should be a whole number from 2 to 9"),
    ("a ride-along's call as text", changed(lambda f: f["reps"][0]["records"].append({**CALL, "call": "2"})), "Rep 1 (Alex), record 5: its call should be a whole number from 2 to 9"),
    ("a tenth call in a day", changed(lambda f: f["reps"][0]["records"].append({**CALL, "call": 10})), "Rep 1 (Alex), record 5: its call should be a whole number from 2 to 9"),
    ("version as text", changed(lambda f: f.update(version="1")), "The file's version should be a whole number."),
    ("version 0", changed(lambda f: f.update(version=0)), "This file's version, 0, never existed."),
    ("a field the format lacks", changed(lambda f: f.update(extra=True)), "The file has a field the format doesn't have: “extra”."),
    ("no handbook named", changed(lambda f: f.pop("handbook")), "The file has no handbook."),
    ("an empty handbook name", changed(lambda f: f.update(handbook="")), "The file doesn't say which handbook it came from."),
    ("a bad export date", changed(lambda f: f.update(exported="2026-13-01")), "The file's export date should be a date written YYYY-MM-DD."),
    ("no reps", changed(lambda f: f.update(reps=[])), "The file has no reps."),
    ("__proto__ in the answers", changed(lambda f: record(f)["data"]["answers"].update({"__proto__": {"polluted": True}})), "Rep 1 (Alex), record 1: a value in its answers has a field named “__proto__”, which the handbook never imports."),
    ("constructor beside a rep's fields", changed(lambda f: f["reps"][0].update(constructor={"prototype": {}})), "Rep 1 has a field the format doesn't have: “constructor”."),
    ("<script> in a name", changed(lambda f: f["reps"][0].update(name="<script>alert(1)</script>")), "Rep 1's name contains < or >, which a rep's name never has."),
    ("markup in the handbook's name", changed(lambda f: f.update(handbook="<b>Playbook</b>")), "The handbook's name contains HTML tags, which the handbook never imports."),
    ("data six lists deep", changed(lambda f: record(f)["data"].update(deep=nested(6))), "Rep 1 (Alex), record 1: a value in its answers is nested too deeply."),
    ("a record of an unknown kind", changed(lambda f: record(f).update(kind="telepathy")), "Rep 1 (Alex), record 1 is of a kind the handbook doesn't know: “telepathy”"),
    ("a rep id in capitals", changed(lambda f: f["reps"][0].update(id="Alex")), "Rep 1 has an id the handbook doesn't use: “Alex”."),
    ("a name of 61 characters", changed(lambda f: f["reps"][0].update(name="A" * 61)), "Rep 1's name is longer than 60 characters."),
    ("an empty name", changed(lambda f: f["reps"][0].update(name="")), "Rep 1 has no name."),
    ("a tool id in capitals", changed(lambda f: record(f).update(tool="Which-Level")), "names its tool wrongly: “Which-Level”."),
    ("answers as a list", changed(lambda f: record(f).update(data=[])), "Rep 1 (Alex), record 1: its answers should be an object."),
    ("a time saved in local time", changed(lambda f: record(f).update(saved="2026-11-03 10:15")), "record 1: its time saved should read like 2026-12-01T09:30:00.000Z."),
    ("records as an object", changed(lambda f: f["reps"][0].update(records={})), "Rep 1 (Alex)'s records should be a list."),
    ("a note too long", changed(lambda f: record(f)["data"].update(notes={"x": "a" * 20001})), "is longer than 20000 characters."),
    ("a list too long", changed(lambda f: record(f)["data"].update(many=list(range(1001)))), "has more than 1000 items."),
    ("a field name too long", changed(lambda f: record(f)["data"].update({"k" * 101: 1})), "has a field name longer than 100 characters."),
    ("a 1:1's commitment with no due date", changed(lambda f: one_to_one(f)["commitments"][0].pop("due")), "commitment 1's due date should be a date written YYYY-MM-DD."),
    ("a 1:1's commitment done 'yes'", changed(lambda f: one_to_one(f)["commitments"][0].update(done="yes")), "commitment 1 should say when it was done (YYYY-MM-DD), or null while it is open."),
    ("a 1:1's commitment owned by 'boss'", changed(lambda f: one_to_one(f)["commitments"][0].update(owner="boss")), "commitment 1's owner should be rep or manager."),
    ("a 1:1's commitments as text", changed(lambda f: one_to_one(f).update(commitments="call Acme")), "its commitments should be a list of at most 200."),
    ("a 1:1 held 'yes'", changed(lambda f: one_to_one(f).update(held="yes")), "whether the 1:1 was held should be true or false."),
    ("a commitment dropped 'yesterday'", changed(lambda f: one_to_one(f)["commitments"][0].update(dropped="yesterday")), "commitment 1 should say when it was dropped, YYYY-MM-DD."),
    ("a reason for dropping too long", changed(lambda f: one_to_one(f)["commitments"][0].update(dropped="2026-11-12", drop_reason="x" * 1001)), "commitment 1's reason for dropping it should be a text of at most 1000 characters."),
    ("what got in the way as a number", changed(lambda f: one_to_one(f)["commitments"][0].update(renegotiated=[{"from": "2026-11-14", "to": "2026-11-21", "on": "2026-11-12", "why": 3}])), "commitment 1's new due date 1: what got in the way (why) should be a text of at most 1000 characters."),
    ("a new due date without its day", changed(lambda f: one_to_one(f)["commitments"][0].update(renegotiated=[{"from": "2026-11-14", "to": "2026-11-21"}])), "commitment 1's new due date 1 should give the date it was due (from), the new one (to) and the day it was agreed (on), each YYYY-MM-DD."),
    ("a level result rated by 'the CEO'", changed(lambda f: record(f)["data"]["result"].update(rated_by="ceo")), "Rep 1 (Alex), record 1: who rated it should be self or manager."),
    ("a level result about an account of 101 characters", changed(lambda f: record(f)["data"]["result"].update(account="A" * 101)), "Rep 1 (Alex), record 1: the account it is about should be a text of at most 100 characters."),
    ("a 1:1 note with no line", changed(lambda f: one_to_one(f).update(write_in=[{"box": "one-skill", "text": "Ask first"}])), "its notes should be a list of at most 100, each with only a box (an id), a label and a text, none empty."),
    ("a 1:1 note left empty", changed(lambda f: one_to_one(f).update(write_in=[{"box": "one-skill", "label": "What to try", "text": ""}])), "its notes should be a list of at most 100"),
    ("a 1:1's notes as text", changed(lambda f: one_to_one(f).update(write_in="Ask first")), "its notes should be a list of at most 100"),
    ("advice's situations as text", changed(lambda f: f["reps"][0]["records"].append({**DECISION, "data": {"outcome": "push", "situations": "deal at risk"}})), "Rep 1 (Alex), record 5: its situations should be a list of at most 100 ids."),
    ("time away from another tool", changed(lambda f: f["reps"][0]["records"].append({**AWAY, "tool": "holiday"})), "Rep 1 (Alex), record 5: time away should be the time-away tool's"),
    ("time away with a reason", changed(lambda f: f["reps"][0]["records"].append({**AWAY, "data": {"back": "2026-12-14", "why": "holiday"}})), "Rep 1 (Alex), record 5: time away should be the time-away tool's and give only the first day back"),
    ("time away with no day back", changed(lambda f: f["reps"][0]["records"].append({**AWAY, "data": {}})), "Rep 1 (Alex), record 5: time away should be the time-away tool's and give only the first day back"),
    ("a 1:1 at 25:00", changed(lambda f: one_to_one(f).update(time="25:00")), "its time should read like 09:30."),
    ("a valid rep, then a broken one", changed(lambda f: f["reps"].append({**copy.deepcopy(f["reps"][0]), "id": "sam", "name": "Sam", "added": "yesterday"})), "Rep 2 (Sam)'s date added should be a date written YYYY-MM-DD."),
]

# Refused by the browser for reasons a JSON Schema cannot state (see the schema's description).
BEYOND_SCHEMA = [
    ("the same rep id twice", changed(lambda f: f["reps"].append({**copy.deepcopy(f["reps"][0]), "name": "Alex again"})), "Two reps in the file have the same id, “rm1a2b3c”."),
    ("two records for one tool and date", changed(lambda f: f["reps"][0]["records"].append(copy.deepcopy(record(f)))), "Rep 1 (Alex) has two records of which-level for 2026-11-03."),
    ("two records for one call", changed(lambda f: f["reps"][0]["records"].extend([{**CALL, "call": 2}, {**CALL, "call": 2}])), "Rep 1 (Alex) has two records of ride-along for call 2 of 2026-11-27."),
    ("nested a hundred thousand deep", json.dumps(BASE).replace('"notes": {}', '"notes": ' + "[" * 100_000 + "]" * 100_000, 1), "Rep 1 (Alex), record 1: a value in its answers is nested too deeply."),
    ("time away back before it began", changed(lambda f: f["reps"][0]["records"].append({**AWAY, "data": {"back": "2026-11-30"}})), "Rep 1 (Alex), record 5: time away should be the time-away tool's and give only the first day back (back), written YYYY-MM-DD and after the first day away."),
    ("larger than 20 MB", " " * (20 * 1024 * 1024 + 1), "This file is larger than 20 MB, more than any workspace file; it isn't imported."),
]


def parses(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def schema_accepts(text: str) -> bool:
    return parses(text) and jsonschema.Draft202012Validator(WORKSPACE_SCHEMA).is_valid(json.loads(text))


@pytest.fixture(scope="module")
def workspace_page(browser, site_url):
    """One page of the workspace, with a rep and a saved record in storage that no refused file may touch."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + WORKSPACE)
    page.evaluate("() => { const rep = Playbook.workspace.addRep('Jo').rep; Playbook.workspace.choose(rep.id); Playbook.workspace.record('planner', 'activity', {fields: {}}); }")
    yield page
    context.close()


def described(schema, path="schema"):
    """Every property in the schema, as `path`, that lacks a title or a description."""
    missing = []
    for name, value in schema.get("properties", {}).items():
        if not (value.get("title") and value.get("description")):
            missing.append(f"{path}.{name}")
    for name, value in {**schema.get("properties", {}), **schema.get("$defs", {})}.items():
        missing += described(value, f"{path}.{name}")
    return missing


def test_the_published_schema_and_the_browsers_checker_agree(workspace_page):
    jsonschema.Draft202012Validator.check_schema(WORKSPACE_SCHEMA)
    assert described(WORKSPACE_SCHEMA) == []
    samples = [(name, text, True) for name, text in VALID] + [(name, text, False) for name, text, _ in INVALID]
    browser_says = workspace_page.evaluate("texts => texts.map(text => !Playbook.workspaceFile.check(text).error)", [text for _, text, _ in samples])
    disagreements = [(name, expected, schema_accepts(text), accepted) for (name, text, expected), accepted in zip(samples, browser_says) if schema_accepts(text) != expected or accepted != expected]
    assert disagreements == [], "(sample, expected, schema, browser)"


def _import(page, text: str, name: str = "file.json"):
    page.get_by_label("A workspace file").set_input_files({"name": name, "mimeType": "application/json", "buffer": text.encode()})


@pytest.mark.parametrize(("text", "message"), [(text, message) for _, text, message in INVALID + BEYOND_SCHEMA], ids=[name for name, _, _ in INVALID + BEYOND_SCHEMA])
def test_a_hostile_or_broken_file_stores_nothing_and_says_what_is_wrong(workspace_page, text, message):
    page = workspace_page
    before = page.evaluate(STORAGE)
    status = page.locator("[data-workspace-status]")
    page.evaluate("() => { document.querySelector('[data-workspace-status]').textContent = ''; }")
    _import(page, text)
    expect(status).to_contain_text(message)
    expect(page.get_by_role("button", name="Import", exact=True)).to_be_hidden()
    assert page.evaluate(STORAGE) == before
    assert page.evaluate("() => [({}).polluted, Object.prototype.polluted, window.pwned]") == [None, None, None]
    if parses(text):
        # importing the parsed file refuses it as a whole too, whatever the page does before
        problem = page.evaluate("text => Playbook.workspaceFile.importFile(JSON.parse(text), {name: 'Someone'})", text)
        assert problem.startswith("Nothing was imported.") and page.evaluate(STORAGE) == before


@pytest.mark.parametrize("path", EARLIER, ids=[f"{path.parent.name}/{path.name}" for path in EARLIER])
def test_every_earlier_version_of_the_file_still_imports(browser, site_url, path):
    text = path.read_text(encoding="utf-8")
    file = json.loads(text)
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + WORKSPACE)
    _import(page, text, path.name)
    if len(file["reps"]) == 1:
        page.get_by_label("New rep's name or initials").fill("Imported rep")
    page.get_by_role("button", name="Import", exact=True).click()
    count = sum(len(rep["records"]) for rep in file["reps"])
    expect(page.locator("[data-workspace-status]")).to_contain_text(f"Imported {count} saved records into")
    reps = page.evaluate("() => Playbook.workspace.reps()")
    for rep in file["reps"]:
        if rep["id"] == "me":
            into = "me"
        elif len(file["reps"]) == 1:
            into = next(r["id"] for r in reps if r["name"] == "Imported rep")
        else:
            into = next(r["id"] for r in reps if r["name"] == rep["name"])
            assert into == rep["id"], "a whole workspace keeps its reps' ids, so importing it again merges"
        stored = page.evaluate("rep => Playbook.workspace.records({rep})", into)
        assert stored == sorted(rep["records"], key=lambda r: (r["date"], r.get("call", 1), r["saved"]))
    # Stored in the browser's compact form, exported again in the published one.
    exported = page.evaluate("() => Playbook.workspaceFile.exportFile(['me'].concat(Playbook.workspace.reps().map(rep => rep.id)))")
    assert jsonschema.Draft202012Validator(WORKSPACE_SCHEMA).is_valid(exported) and exported["version"] == NEWEST_WORKSPACE_VERSION
    assert sorted(json.dumps(r, sort_keys=True) for rep in exported["reps"] for r in rep["records"]) == sorted(json.dumps(r, sort_keys=True) for rep in file["reps"] for r in rep["records"])
    context.close()


# What a reader types is kept as typed, HTML-looking or not: every tool shows it as text.
TYPED = "Ask about <b>Acme</b> before the <50k deals review, as x < y"
# A file whose texts would run or insert markup if any tool ever wrote them as HTML.
HOSTILE = '<img src=x onerror="window.pwned=1"> Call <b>Acme</b>'
LIVE = "() => ({pwned: window.pwned ?? null, markup: document.querySelectorAll('article img[src=x], article b, article script:not([src])').length})"


def test_a_note_that_looks_like_html_is_saved_and_shown_as_typed(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + RIDE_ALONG)
    page.evaluate("() => Playbook.workspace.choose(Playbook.workspace.addRep('Jo').rep.id)")
    page.reload()
    form = _rate(page, "ride-along", _ride_along_answers())
    note = form.get_by_label("The one thing to work on before the next call")
    note.fill(TYPED)
    page.reload()
    expect(note).to_have_value(TYPED)
    expect(page.get_by_role("status").filter(has_text="Not saved")).to_have_count(0)
    saved = page.evaluate("() => Playbook.workspace.latest({kind: 'observation', tool: 'ride-along'}).data.notes")
    assert TYPED in saved.values()
    context.close()


def test_an_imported_file_with_markup_in_its_texts_shows_them_as_text_and_runs_nothing(browser, site_url):
    def hostile(file):
        level = record(file)["data"]["result"]
        level.update(complete=True, level={"id": "order-taker", "name": HOSTILE, "number": 1}, weakest=[{"id": "x", "text": "<script>window.pwned=2</script>", "answer": 0}], rated_by="manager", account=HOSTILE)
        one_to_one(file)["commitments"][0].update(text=HOSTILE)

    context = browser.new_context(timezone_id="Europe/London", locale="en-GB")
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 11, 30, 8, 0))
    page.goto(site_url + WORKSPACE)
    _import(page, changed(hostile))
    page.get_by_label("New rep's name or initials").fill("Alex")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[data-workspace-status]")).to_contain_text("Imported")
    page.goto(site_url + PLANNER)
    _choose(page, "plan-one-to-one", "Alex")
    expect(page.locator("[data-plan-level]")).to_have_text(f"Level 1 of {len(data('levels')['levels'])}, {HOSTILE}, on Tue 3 Nov, rated by manager, about {HOSTILE}.")
    expect(page.locator("[data-plan-weakest] li")).to_have_text(["<script>window.pwned=2</script>"])
    expect(page.locator("[data-plan-agreed] li > label")).to_have_text([f"{HOSTILE} (due Sat 14 Nov, overdue), agreed Tue 10 Nov"])
    assert page.evaluate(LIVE) == {"pwned": None, "markup": 0}
    context.close()
