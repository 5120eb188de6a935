"""Prints how fast Playbook.workspace reads one rep's history from a full workspace: 30 reps with two years of
weekly 1:1s (a 1:1 and its Was that coaching? check each week, a level assessment each quarter: about 6,500
records), in headless Chromium, with the widget bundle as the site serves it, and how much of the browser's
storage that takes. The 1:1 planner's budget is 100 ms to open."""

import statistics
from pathlib import Path

from macros.pdf import CHROMIUM_FLAGS, chromium_path
from macros.theme_hook import BUNDLES

ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets"
REPS, WEEKS, RUNS = 30, 104, 15

SEED = """([reps, weeks]) => {
    localStorage.clear();
    const ws = Playbook.workspace;
    const answers = {};
    for (let i = 0; i < 42; i += 1) answers["behaviour-" + i] = {value: i % 5, fingerprint: "0123456789"};
    const check = {};
    for (let i = 0; i < 8; i += 1) check["coaching-statement-" + i] = {value: i % 3, fingerprint: "0123456789"};
    for (let r = 0; r < reps; r += 1) {
        const rep = ws.addRep("Rep " + r).rep;
        const records = [];
        for (let w = 0; w < weeks; w += 1) {
            const date = new Date(Date.UTC(2025, 0, 6 + 7 * w)).toISOString().slice(0, 10);
            const saved = date + "T10:00:00.000Z";
            if (w % 13 === 0) records.push({kind: "assessment", tool: "which-level", date, saved, data: {answers, notes: {}, result: {complete: true, score: 60 + (w % 30), band: "Emerging", level: {id: "solution-seller", name: "Solution seller", number: 3}, groups: [], weakest: [{id: "behaviour-1", text: "Asks about the buyer's process before proposing.", answer: "Sometimes"}]}}});
            records.push({kind: "coaching-check", tool: "was-that-coaching", date, saved, data: {answers: check, notes: {}, result: {complete: true, answered: 8, needed: 6, score: 75, band: "Part coaching", level: null, groups: [], weakest: []}}});
            records.push({kind: "one-to-one", tool: "one-to-one", date, saved, data: {agenda: [{question: "What will decide this quarter?", minutes: 10}], notes: "Talked through the Acme renewal.", commitments: [{text: "Send the mutual plan", due: date, done: w % 3 === 0}]}});
        }
        const problem = ws.merge(rep.id, records, false);
        if (problem) throw new Error(problem);
    }
    const key = Playbook.storageKey("workspace", "rep:" + ws.reps()[reps - 1].id);
    let total = 0;
    for (let i = 0; i < localStorage.length; i += 1) total += localStorage.getItem(localStorage.key(i)).length;
    const count = ws.reps().reduce((sum, rep) => sum + ws.records({rep: rep.id}).length, 0);
    return {records: count, repChars: localStorage.getItem(key).length, totalChars: total};
}"""

# What the planner does on opening: read the chosen rep's latest level result, 1:1 check and 1:1.
OPEN = """() => {
    const ws = Playbook.workspace;
    const rep = ws.reps()[ws.reps().length - 1].id;
    const start = performance.now();
    ws.latest({rep, kind: "assessment"});
    ws.latest({rep, kind: "coaching-check"});
    ws.records({rep, kind: "one-to-one"});
    return performance.now() - start;
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    script = "\n".join((ASSETS / part).read_text(encoding="utf-8") for part in BUNDLES["assets/playbook.bundle.js"])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.route("http://playbook.test/", lambda route: route.fulfill(body="<!doctype html><title>bench</title>", content_type="text/html"))
        page.goto("http://playbook.test/")
        page.add_script_tag(content=script)
        seeded = page.evaluate(SEED, [REPS, WEEKS])
        cold = []
        for _ in range(RUNS):
            page.reload()
            page.add_script_tag(content=script)
            cold.append(page.evaluate(OPEN))
        warm = [page.evaluate(OPEN) for _ in range(RUNS)]
        browser.close()
    print(f"{REPS} reps x {WEEKS} weeks: {seeded['records']} records, {seeded['totalChars'] / 1e6:.1f} million characters of storage (one rep {seeded['repChars'] / 1e3:.0f} thousand)")
    print(f"open one rep (latest level result, latest 1:1 check, its 1:1s), fresh page: median {statistics.median(cold):.1f} ms, worst {max(cold):.1f} ms of {RUNS} (budget 100 ms)")
    print(f"the same again on the same page (parsed rep cached): median {statistics.median(warm):.1f} ms")


if __name__ == "__main__":
    main()
