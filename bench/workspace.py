"""Prints how fast the real "Plan a 1:1" page opens on a full workspace: 30 reps with two years of weekly 1:1s
(a 1:1 and its Was that coaching? check each week, a "Which level am I?" result each quarter: about 6,500
records, 3,120 of them 1:1s), in headless Chromium, against the example handbook built once with mkdocs and
served on 127.0.0.1 as the browser tests serve it. The workspace is seeded through Playbook.workspace, the 30th
rep chosen, then the page is loaded afresh RUNS times; each load is timed from navigation start (performance's
time origin) to the moment the planner shows that rep's "Agreed last time" and latest level result, as seen by a
MutationObserver installed before the page's own scripts, which also counts the page's JSON.parse calls on
a text of over 10,000 characters (a rep's records: the workspace should parse each once). Also prints how much
of the browser's storage the workspace takes (a rep's records are kept in the compact form of
overrides/assets/workspace-store.js). The 1:1 planner's budget is 100 ms to open."""

import json
import os
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from macros.project import Project
from macros.site_build import build_pages
from macros.pdf import CHROMIUM_FLAGS, chromium_path
from macros.static_server import serve_navigable

ROOT = Path(__file__).resolve().parent.parent
PLANNER = "coaching/plan-one-to-one/"
TEAM = "coaching/team/"
REPS, WEEKS, RUNS = 30, 104, 15
ALLOWED = 5 * 1024 * 1024  # characters of localStorage per site in Chromium (10 MiB of UTF-16), keys included

# Records as the tools write them (workspace.js header): the 1:1s as one-to-one.js does, with this page's own
# questions and time boxes, each commitment ticked done a week later except the last week's, which is open.
SEED = """([reps, weeks, first]) => {
    localStorage.clear();
    const ws = Playbook.workspace;
    const questions = [...document.querySelectorAll("[data-plan-questions] li")].map(li => ({id: li.dataset.question, fingerprint: li.dataset.fingerprint}));
    const boxes = [...document.querySelectorAll("[data-plan-box]")].map(li => li.dataset.planBox);
    const behaviours = [...document.querySelectorAll("[data-plan-behaviours] li")].map(li => li.dataset.behaviour);
    const meeting = document.querySelector("[data-plan-page]").dataset.meeting;
    const day = (w, extra) => new Date(Date.parse(first) + (7 * w + (extra || 0)) * 864e5).toISOString().slice(0, 10);
    const answers = {};
    behaviours.forEach((id, i) => { answers[id] = {value: i % 5, fingerprint: "0123456789"}; });
    const check = {};
    for (let i = 0; i < 8; i += 1) check["coaching-statement-" + i] = {value: i % 3, fingerprint: "0123456789"};
    for (let r = 0; r < reps; r += 1) {
        const rep = ws.addRep("Rep " + (r + 1)).rep;
        const records = [];
        for (let w = 0; w < weeks; w += 1) {
            const date = day(w);
            const saved = date + "T10:00:00.000Z";
            if (w % 13 === 0) records.push({kind: "assessment", tool: "which-level", date, saved, data: {answers, notes: {}, result: {complete: true, answered: behaviours.length, needed: behaviours.length, score: 60 + (w % 30), band: "Emerging", level: {id: "solution-seller", name: "Solution seller", number: 3}, groups: [], weakest: [{id: behaviours[w % behaviours.length], text: "Asks about the buyer's process before proposing.", answer: 1}]}}});
            records.push({kind: "coaching-check", tool: "was-that-coaching", date, saved, data: {answers: check, notes: {}, result: {complete: true, answered: 8, needed: 6, score: 75, band: "Part coaching", level: null, groups: [], weakest: []}}});
            const agenda = [0, 1, 2, 3].map(i => { const q = questions[(w * 4 + i) % questions.length]; return {id: q.id, fingerprint: q.fingerprint, box: boxes[i % boxes.length]}; });
            const last = w === weeks - 1;
            const commitments = [
                {text: "Send the mutual plan to account " + w, owner: "rep", due: day(w, 3), done: last ? null : day(w, 7)},
                {text: "Book a ride-along for week " + (w + 2), owner: "manager", due: day(w, 10), done: last ? null : day(w, 7)},
            ];
            records.push({kind: "one-to-one", tool: meeting, date, saved, data: {time: "09:00", agenda, commitments}});
        }
        const problem = ws.merge(rep.id, records, false);
        if (problem) throw new Error(problem);
    }
    const chosen = ws.reps()[reps - 1];
    ws.choose(chosen.id);
    const key = Playbook.storageKey("workspace", "records:" + chosen.id);
    let total = 0;
    for (let i = 0; i < localStorage.length; i += 1) total += localStorage.key(i).length + localStorage.getItem(localStorage.key(i)).length;
    const count = ws.reps().reduce((sum, rep) => sum + ws.records({rep: rep.id}).length, 0);
    const oneToOnes = ws.reps().reduce((sum, rep) => sum + ws.records({rep: rep.id, kind: "one-to-one"}).length, 0);
    return {records: count, oneToOnes, name: chosen.name, repChars: localStorage.getItem(key).length, totalChars: total};
}"""

# Installed before the page's scripts: once the planner shows the chosen rep's heading, an overdue commitment
# under "Agreed last time" and a level result, notes the time since navigation start and since DOMContentLoaded
# began (when playbook.js sets up the page's widgets: the planner's own work, reading the workspace included).
WATCH = """(() => {
    const started = performance.now();
    localStorage.getItem("playbook-bench");
    window.storageRead = performance.now() - started;
    const parse = JSON.parse;
    window.largeParses = 0;
    JSON.parse = function (text) {
        if (typeof text === "string" && text.length > 10000) window.largeParses += 1;
        return parse.apply(this, arguments);
    };
    const shown = () => {
        const title = document.querySelector("[data-plan-title]");
        const agreed = document.querySelector("[data-plan-agreed] li");
        const level = document.querySelector("[data-plan-level]");
        return title && title.textContent === %s && agreed && agreed.textContent.includes("overdue")
            && level && /^Level 3 of [0-9]+, Solution seller,/.test(level.textContent);
    };
    new MutationObserver((changes, observer) => {
        if (!shown()) return;
        const now = performance.now();
        const setup = performance.getEntriesByName("playbook-widgets")[0];
        window.plannerShown = [now, now - performance.getEntriesByType("navigation")[0].domContentLoadedEventStart, window.largeParses, window.storageRead, setup ? now - setup.startTime : NaN];
        observer.disconnect();
    }).observe(document, {childList: true, subtree: true, characterData: true});
})();"""


def build(site: Path) -> None:
    if build_pages(Project(ROOT), site, quiet=True):
        sys.exit("the build failed")


def seeded_context(browser, url: str, reps: int, weeks: int, first: str):
    """A new browser profile holding a seeded workspace, watching for the planner: (context, what was seeded)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + PLANNER)
    seeded = page.evaluate(SEED, [reps, weeks, first])
    page.close()
    context.add_init_script(WATCH % json.dumps("1:1 with " + seeded["name"]))
    return context, seeded


def open_planner(context, url: str) -> list:
    """One fresh page load: [ms from navigation start, ms from DOMContentLoaded, large parses] to the rep shown."""
    page = context.new_page()
    page.goto(url + PLANNER)
    page.wait_for_function("() => window.plannerShown !== undefined")
    times = page.evaluate("() => window.plannerShown")
    page.close()
    return times


def open_planner_from_team(context, url: str) -> list:
    """The manager's usual way in: the team view loaded, then its link to the planner followed with material's
    instant navigation (no page load: the storage already read, Intl already used by the team view's dates).
    Returns [ms from the click, ms from our widgets' setup] to the rep shown."""
    page = context.new_page()
    page.goto(url + TEAM)
    # material follows a link itself once it has read the sitemap, which it fetches after the page loads
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => document.addEventListener("click", () => { window.clickedAt = performance.now(); }, {capture: true, once: true})""")
    page.locator(".md-content a[href$='plan-one-to-one/']").first.click()
    page.wait_for_function("() => window.plannerShown !== undefined")
    # [from the click, from the widgets' setup on the new page (the last mark) to the rep shown]
    elapsed = page.evaluate("""() => [window.plannerShown[0] - window.clickedAt,
        window.plannerShown[0] - performance.getEntriesByName("playbook-widgets").pop().startTime]""")
    if elapsed[0] != elapsed[0]:  # NaN: the click's time is gone with the team view's document
        sys.exit("the planner was loaded afresh, not by instant navigation")
    page.close()
    return elapsed


def first_date_format(browser, url: str) -> float:
    """ms Chromium takes to make its first Intl date format in a fresh page, measured on the 404 page, which has
    no widget of ours and so no worker loading the date data while the page loads (main.html)."""
    page = browser.new_page()
    page.goto(url + "404.html")
    elapsed = page.evaluate("""() => { const started = performance.now();
        new Intl.DateTimeFormat(undefined, {weekday: "short", day: "numeric", month: "short"}).format(new Date());
        return performance.now() - started; }""")
    page.close()
    return elapsed


def figures(times: list, which: int) -> str:
    values = [t[which] for t in times]
    return f"median {statistics.median(values):.0f} ms, worst {max(values):.0f} ms, best {min(values):.0f} ms"


def main() -> None:
    from playwright.sync_api import sync_playwright

    # Two years of weeks ending last week, so the last 1:1's commitments are overdue today.
    monday = date.today() - timedelta(days=date.today().weekday())
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        build(site)
        with serve_navigable(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(full_browser=True), args=CHROMIUM_FLAGS)
            full, seeded = seeded_context(browser, url, REPS, WEEKS, (monday - timedelta(weeks=WEEKS)).isoformat())
            # The same page with one rep and one week of records, loaded in turn with the full one so that both
            # meet the same load on the machine: what the page costs without the workspace's size.
            small, _ = seeded_context(browser, url, 1, 1, (monday - timedelta(weeks=1)).isoformat())
            times = {"full": [], "small": [], "instant": [], "intl": []}
            for _ in range(RUNS):
                times["full"].append(open_planner(full, url))
                times["small"].append(open_planner(small, url))
                times["instant"].append(open_planner_from_team(full, url))
                times["intl"].append([first_date_format(browser, url)])
            browser.close()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{REPS} reps x {WEEKS} weeks: {seeded['records']} records ({seeded['oneToOnes']} 1:1s), {seeded['totalChars'] / 1e6:.2f} million characters of storage, {seeded['totalChars'] / ALLOWED:.0%} of the {ALLOWED:,} Chromium allows a site (one rep {seeded['repChars'] / 1e3:.0f} thousand)")
    print(f"Plan a 1:1 on the 30th rep, {RUNS} fresh page loads, to its Agreed last time and level result shown:")
    print(f"  from navigation start: {figures(times['full'], 0)} (budget 100 ms); with 1 rep and 1 week: {figures(times['small'], 0)}")
    print(f"  of which the widgets' setup (from DOMContentLoaded): {figures(times['full'], 1)}; with 1 rep and 1 week: {figures(times['small'], 1)}")
    print(f"  reading the site's storage (the browser's first access, in the page's first script): {figures(times['full'], 3)}; with 1 rep and 1 week: {figures(times['small'], 3)}")
    print(f"  our widgets' setup (from playbook.js's mark to the rep shown): {figures(times['full'], 4)}; with 1 rep and 1 week: {figures(times['small'], 4)}")
    print(f"  for comparison, Chromium's first date format (Intl) in a page without the planner's worker that loads the date data beforehand (the 404 page): {figures(times['intl'], 0)}")
    full = [t[3] + t[4] for t in times['full']]
    print(f"  the planner's own cost, storage read plus setup: median {statistics.median(full):.0f} ms, worst {max(full):.0f} ms (budget 100 ms)")
    print(f"Plan a 1:1 on the 30th rep reached from the team view's link (instant navigation), from the click: {figures(times['instant'], 0)} (budget 100 ms)")
    print(f"  of which our widgets' setup (material has swapped the page in and the planner's scripts are loaded): {figures(times['instant'], 1)}")
    print(f"  JSON.parse of a text over 10,000 characters per load: {sorted(set(t[2] for t in times['full']))}")


if __name__ == "__main__":
    main()
