"""Prints what each page's start costs a phone, from Chromium's own trace rather than Lighthouse's score: the
DOMContentLoaded task (material's start and our widgets' setup) and the restyle within it, the median of
several loads at Lighthouse's 4× CPU slowdown. Lighthouse's score moves by more from run to run on a busy machine
than a change to one page's start does; the count of restyled elements does not move at all.

    make build SITE=/tmp/before              # at the revision before a change
    make build SITE=/tmp/after               # with it
    PYTHONPATH=. python bench/page_start.py /tmp/before /tmp/after [--runs 4] [PAGE ...]

PAGE is a page's address below the site's top (`editing/`, '' for the home page); with none, the six longest."""

import argparse
import json
import statistics
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.lighthouse import _PagesLikeHandler
from bench.lighthouse_compare import LONGEST
from macros.pdf import CHROMIUM_FLAGS, chromium_path
from macros.static_server import serve

# Lighthouse's phone: Moto G Power's screen, and its CPU slowdown.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True}
SLOWDOWN = 4
CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "loading"]


def start_task(events: list[dict]) -> tuple[float, float, int, float]:
    """(ms of the task that ran DOMContentLoaded, ms of restyle in it, elements restyled in it, ms of layout in it)."""
    main = Counter((event["pid"], event["tid"]) for event in events if event["name"] == "ParseHTML").most_common(1)[0][0]
    ours = [event for event in events if (event["pid"], event["tid"]) == main]
    loaded = next(event["ts"] for event in ours if event["name"] == "EventDispatch" and event["args"]["data"]["type"] == "DOMContentLoaded")
    task = next(event for event in ours if event["name"] == "RunTask" and event.get("ph") == "X" and event["ts"] <= loaded <= event["ts"] + event["dur"])
    restyles = [event for event in ours if event["name"] == "UpdateLayoutTree" and task["ts"] <= event["ts"] <= task["ts"] + task["dur"]]
    layouts = [event for event in ours if event["name"] == "Layout" and task["ts"] <= event["ts"] <= task["ts"] + task["dur"]]
    return (task["dur"] / 1000, sum(event.get("dur", 0) for event in restyles) / 1000, sum(event.get("args", {}).get("elementCount", 0) for event in restyles),
            sum(event.get("dur", 0) for event in layouts) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs=2, type=Path, metavar="SITE", help="two built sites: before and after")
    parser.add_argument("pages", nargs="*", metavar="PAGE", help="addresses below the site's top; the six longest pages without")
    parser.add_argument("--runs", type=int, default=4, metavar="N", help="loads of each page on each site (4)")
    args = parser.parse_intermixed_args()
    pages = args.pages or LONGEST
    found: dict[tuple[int, str], list[tuple[float, float, int, float]]] = {}
    with ExitStack() as stack, sync_playwright() as playwright:
        roots = [stack.enter_context(serve(site, _PagesLikeHandler)) for site in args.sites]
        browser = playwright.chromium.launch(executable_path=chromium_path(full_browser=True), args=CHROMIUM_FLAGS)
        for run in range(args.runs):
            for page_address in pages:
                # In turns, first one site then the other, so a machine's drift weighs on both alike.
                for index in (0, 1) if run % 2 == 0 else (1, 0):
                    context = browser.new_context(**PHONE)
                    page = context.new_page()
                    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
                    browser.start_tracing(page=page, categories=CATEGORIES)
                    page.goto(roots[index] + page_address)
                    # The load event can come within the task that ran DOMContentLoaded, whose trace event is
                    # written as it ends: a task after it has run once this promise settles.
                    page.evaluate("() => new Promise((resolve) => setTimeout(resolve))")
                    events = json.loads(browser.stop_tracing())["traceEvents"]
                    context.close()
                    found.setdefault((index, page_address), []).append(start_task(events))
        browser.close()
    print(f"Chromium, phone, CPU slowed {SLOWDOWN}×, medians of {args.runs} loads: the DOMContentLoaded task, its restyle, elements restyled, its layout\n")
    print("| page | before: task ms, restyle ms, elements, layout ms | after |\n|---|---|---|")
    for page_address in pages:
        cells = []
        for index in (0, 1):
            runs = found[(index, page_address)]
            cells.append(", ".join(f"{statistics.median(run[part] for run in runs):,.0f}" for part in range(4)))
        print(f"| {page_address or '(home)'} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
