"""Compares two builds of the site with Lighthouse on a phone, page by page: each run audits a page on one build
and at once on the other (in turns, first one then the other), so a machine whose speed drifts from minute to
minute, as a shared cloud machine's does, weighs on both alike. It prints every run as it goes, then the median
performance, LCP and TBT of each page on each build. bench/lighthouse.py measures one build against the targets;
this one tells whether a change made the pages faster when single runs differ by more than the change.

    make build SITE=/tmp/before          # at the revision before the change
    make build SITE=/tmp/after           # with it
    PYTHONPATH=. python bench/lighthouse_compare.py /tmp/before /tmp/after [--runs 3] [--slowdown 4] [PAGE ...]

PAGE is a page's address below the site's top (`editing/`, `coaching/questions/`, '' for the home page); with
none, the six longest pages. The CPU slowdown is Lighthouse's own 4× unless --slowdown says otherwise."""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.lighthouse import _PagesLikeHandler, audit, require_tools
from macros.static_server import serve

LONGEST = ["coaching/questions/", "role-plays/", "levels/", "which-level/", "editing-content/", "coaching/questions-by-situation/"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the site built before the change")
    parser.add_argument("after", type=Path, help="the site built with it")
    parser.add_argument("pages", nargs="*", metavar="PAGE", help="addresses below the site's top; the six longest pages without")
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="runs of each page on each build (3)")
    parser.add_argument("--slowdown", type=float, default=4.0, metavar="N", help="the phone's CPU slowdown (Lighthouse's 4)")
    args = parser.parse_intermixed_args()
    require_tools()
    pages = args.pages or LONGEST
    builds = {"before": args.before, "after": args.after}
    for name, site in builds.items():
        missing = [page for page in pages if not (site / page / "index.html").is_file()]
        if missing:
            sys.exit(f"{site} ({name}) has no page {', '.join(map(repr, missing))}")
    found: dict[tuple[str, str], list[dict]] = {(name, page): [] for name in builds for page in pages}
    with tempfile.TemporaryDirectory() as temp, serve(args.before, _PagesLikeHandler) as before, serve(args.after, _PagesLikeHandler) as after:
        roots = {"before": before, "after": after}
        print(f"Lighthouse 12.2.3, phone, CPU slowed {args.slowdown:g}×, {args.runs} runs of {len(pages)} pages on each build")
        for run in range(args.runs):
            for page in pages:
                for name in (builds if run % 2 == 0 else reversed(list(builds))):
                    result = audit(roots[name] + page, False, Path(temp) / "report.json", args.slowdown)
                    found[(name, page)].append(result)
                    print(f"run {run + 1} {name:<6} {page or '(home)':<28} performance {result['scores']['performance']:>3}"
                          f"  LCP {result['lcp'] / 1000:.1f} s  TBT {result['tbt']:,.0f} ms  CLS {result['cls']:.3f}"
                          f"  benchmark index {result['benchmark']:.0f}", flush=True)
    print("\n| page | before: performance (runs), LCP s, TBT ms | after |\n|---|---|---|")
    for page in pages:
        cells = []
        for name in builds:
            runs = found[(name, page)]
            scores = [run["scores"]["performance"] for run in runs]
            cells.append(f"{statistics.median(scores):.0f} ({', '.join(map(str, scores))}), "
                         f"{statistics.median(run['lcp'] for run in runs) / 1000:.1f}, {statistics.median(run['tbt'] for run in runs):,.0f}")
        print(f"| {page or '(home)'} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
