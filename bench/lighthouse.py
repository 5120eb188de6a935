"""Prints Lighthouse's performance, accessibility and best-practices scores for every page of the built site (the
pages are read from the build, so a new page is measured without listing it here) on a phone (Lighthouse's
mid-range phone on a slow 4G line, its CPU slowed by what this machine needs to stand for one: see
chosen_slowdown), with LCP, TBT and CLS, the worst figure of each, what keeps a score under 100 and the machine's
load average before each page. Performance is timed: on a busy machine it reads low: before each page the script waits up to two minutes for the load average to fall (the
previous page's run keeps a core busy), and says so when it is still high. Targets: performance on a phone
95 or more, accessibility and best practices 100, on every page.

Lighthouse 12.2.3 (bench/lighthouse/package.json; `make bench` installs it) drives the system Chromium. The site
is served as GitHub Pages serves it, gzipped with a 10-minute cache.

    python bench/lighthouse.py [--desktop] [--slowdown calibrated|default|N] [--runs N] [FILTER ...]

FILTER keeps the pages whose address contains it (`coaching/` for the coaching pages, `questions` for the two
question pages, `home` for the home page); with none, every page. --desktop measures with Lighthouse's desktop
settings instead of the phone's. --runs N audits each page N times and shows its median run (by performance), as
Lighthouse's docs/variability.md advises on a machine whose speed varies."""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from macros.project import Project
from macros.site_build import build_pages
from macros.pdf import CHROMIUM_FLAGS, chromium_path
from macros.static_server import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
# Above this load average per core the timed figures (performance, LCP, TBT) are not worth comparing.
BUSY_PER_CORE = 0.7
# How long to wait for the machine to quieten before each page (the load average falls by about a third a minute).
WAIT_FOR_QUIET = 120


class _PagesLikeHandler(SimpleHTTPRequestHandler):
    """Files as GitHub Pages sends them: text gzipped when the browser accepts it, cached for 10 minutes."""

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or not kind.startswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def slowdown_for(benchmark_index: float) -> float:
    """The CPU slowdown that makes this machine a mid-tier phone, from its Lighthouse benchmark index: the
    calculator Lighthouse's docs/throttling.md links to (github.com/patrickhulce/lighthouse-cpu-throttling-
    calculator), whose steps are 150 → 1×, 800 → 2×, 1300 → 3×, 1533 → 4× (the default's machine), 2000 → 6×."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def audit(url: str, desktop: bool, report: Path, slowdown: float | None = None) -> dict:
    """One Lighthouse run: each category's score (0-100) and the audits that keep it under 100, the metrics, the
    machine's benchmark index, and the audits Lighthouse could not run (named, so a missing diagnostic is not read
    as a pass). `slowdown`: the CPU slowdown, if not Lighthouse's default for the device."""
    # Root cannot run Chromium in its sandbox (CI runs as root); Playwright passes the same flag.
    flags = ["--headless=new", *CHROMIUM_FLAGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(flags)}"]
    if desktop:
        command.append("--preset=desktop")
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium_path(full_browser=True)})
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    found = {"scores": {}, "short": {}}
    for name in CATEGORIES:
        category = result["categories"][name]
        found["scores"][name] = round((category["score"] or 0) * 100)
        found["short"][name] = [f"{ref['id']} ({audits[ref['id']].get('displayValue') or 'failed'})" for ref in category["auditRefs"]
                                if ref["weight"] and audits[ref["id"]]["scoreDisplayMode"] != "notApplicable"
                                and (audits[ref["id"]]["score"] if audits[ref["id"]]["score"] is not None else 1) < 1]
    found["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    found["tbt"] = audits["total-blocking-time"]["numericValue"]
    found["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    found["benchmark"] = result["environment"]["benchmarkIndex"]
    found["errors"] = {key: audit["errorMessage"].split("\n")[0] for key, audit in audits.items() if audit["scoreDisplayMode"] == "error"}
    return found


def require_tools() -> None:
    """Stops with what to install when Chromium or Lighthouse is missing."""
    if chromium_path(full_browser=True) is None:
        sys.exit("no Chromium found: install Debian's chromium package or set PLAYBOOK_CHROMIUM")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make bench` (it runs npm ci in bench/lighthouse)")


def median_run(runs: list[dict]) -> dict:
    """The run whose performance score is the median of `runs` (the lower middle one of an even number), with
    every run's score beside it."""
    ordered = sorted(runs, key=lambda run: run["scores"]["performance"])
    return {**ordered[(len(ordered) - 1) // 2], "performance_runs": [run["scores"]["performance"] for run in runs]}


def pages(site: Path) -> list[str]:
    """Every page of the built site as its address below the root ('' is home), the 404 page as 404.html."""
    found = [path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html")]
    return sorted(found) + (["404.html"] if (site / "404.html").is_file() else [])


def chosen(every: list[str], filters: list[str]) -> list[str]:
    """The pages whose address contains one of `filters` ('home' is the home page); every page without filters."""
    if not filters:
        return every
    return [page for page in every if any(f in page or (f == "home" and page == "") for f in filters)]


def settle(most_seconds: float = WAIT_FOR_QUIET) -> None:
    """Waits, at most `most_seconds`, until the 1-minute load average is back under BUSY_PER_CORE a core: the
    previous page's Lighthouse run, Chromium included, keeps one core busy, and its load would be counted
    against the next page's timings."""
    cores = os.cpu_count() or 1
    deadline = time.monotonic() + most_seconds
    while os.getloadavg()[0] > BUSY_PER_CORE * cores and time.monotonic() < deadline:
        time.sleep(5)


def load_note() -> tuple[float, str]:
    """The 1-minute load average and, when it is high for this machine, a warning to print beside the figures."""
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    busy = load > BUSY_PER_CORE * cores
    return load, (f"LOAD HIGH ({load:.1f} on {cores} cores): performance, LCP and TBT unreliable" if busy else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("filters", nargs="*", metavar="FILTER", help="pages whose address contains it ('home' for the home page)")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop settings instead of the phone's")
    parser.add_argument("--slowdown", default="calibrated", metavar="calibrated|default|N",
                        help="the phone's CPU slowdown: calibrated to this machine (the default), Lighthouse's own 4×, or N×")
    parser.add_argument("--runs", type=int, default=1, metavar="N", help="audit each page N times and show its median run (by performance)")
    args = parser.parse_args()
    require_tools()
    device = "desktop" if args.desktop else "phone"
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        if build_pages(Project(ROOT), site, quiet=True):
            sys.exit("the build failed")
        measured = chosen(pages(site), args.filters)
        if not measured:
            sys.exit(f"no page's address contains {' or '.join(map(repr, args.filters))}; the pages: {', '.join(pages(site))}")
        rows: dict[str, dict] = {}
        busy_runs = 0
        with serve(site, _PagesLikeHandler) as root:
            slowdown = None if args.desktop else chosen_slowdown(args.slowdown, root + pages(site)[-1], Path(temp) / "report.json")
            load, warning = load_note()
            print(f"Lighthouse 12.2.3, {device}{'' if slowdown is None else f', CPU slowed {slowdown:.2f}×'}, {len(measured)} pages;"
                  f" load average {load:.1f} on {os.cpu_count()} cores at the start")
            if warning:
                print(f"*** {warning}: measure again on a quiet machine ***")
            print(f"{'page':<34}{'perf':>5}{'a11y':>5}{'bp':>5}{'LCP s':>7}{'TBT ms':>8}{'CLS':>7}{'bench':>6}  load")
            for page in measured:
                runs = []
                for _ in range(max(1, args.runs)):
                    settle()
                    load, warning = load_note()
                    busy_runs += bool(warning)
                    runs.append(audit(root + page, args.desktop, Path(temp) / "report.json", slowdown))
                row = rows[page or "(home)"] = median_run(runs)
                scores = row["scores"]
                print(f"{page or '(home)':<34}{scores['performance']:>5}{scores['accessibility']:>5}{scores['best-practices']:>5}"
                      f"{row['lcp'] / 1000:>7.1f}{row['tbt']:>8,.0f}{row['cls']:>7.3f}{row['benchmark']:>6.0f}  {load:.1f}{' HIGH' if warning else ''}"
                      + (f"  (runs: {', '.join(map(str, row['performance_runs']))})" if args.runs > 1 else ""), flush=True)
        report(rows, busy_runs, len(measured) * max(1, args.runs), load_note())


def chosen_slowdown(asked: str, calibration_page: str, report: Path) -> float:
    """The phone's CPU slowdown `--slowdown` asks for. `calibrated`: Lighthouse's 4× assumes a high-end desktop
    (benchmark index about 1,500); on a slower machine it emulates a slower phone than Lighthouse means, so, as
    its docs/throttling.md advises, the slowdown is worked out from this machine's benchmark index: the median of
    three runs on `calibration_page`, each when the machine is quiet."""
    if asked == "default":
        return 4.0
    if asked != "calibrated":
        return float(asked)
    indexes = []
    for _ in range(3):
        settle()
        indexes.append(audit(calibration_page, False, report)["benchmark"])
    index = sorted(indexes)[1]
    print(f"benchmark index {index:.0f} (runs {', '.join(f'{found:.0f}' for found in indexes)}): a mid-tier phone is this machine slowed {slowdown_for(index):.2f}×")
    return slowdown_for(index)


def report(rows: dict[str, dict], busy_runs: int, runs: int, end: tuple[float, str]) -> None:
    """The worst figure of each column and its page, which targets are missed, what keeps scores under 100."""
    def worst(pick, value):
        page = pick(rows, key=lambda p: value(rows[p]))
        return page, value(rows[page])

    print("\nworst:")
    for name, label in CATEGORIES.items():
        page, score = worst(min, lambda row: row["scores"][name])
        print(f"  {label:<5}{score:>5}  {page}  ({'meets' if score >= TARGETS[name] else 'misses'} the target, {TARGETS[name]})")
    for label, key, unit in (("LCP", "lcp", "ms"), ("TBT", "tbt", "ms"), ("CLS", "cls", "")):
        page, value = worst(max, lambda row: row[key])
        print(f"  {label:<5}{value:>9,.3f}  {page}" if key == "cls" else f"  {label:<5}{value:>7,.0f} {unit}  {page}")
    print(f"load average at the end {end[0]:.1f}; high before {busy_runs} of {runs} runs"
          + (": the timed figures are not fit for the README" if busy_runs else ""))
    print("\nunder 100:")
    for page, row in rows.items():
        for name, label in CATEGORIES.items():
            if row["short"][name]:
                print(f"  {page} {label}: {', '.join(row['short'][name])}")
    errors = {key: message for row in rows.values() for key, message in row["errors"].items()}
    if errors:
        print("\nLighthouse could not run these audits (their diagnostics are missing, not passed):")
        for key, message in sorted(errors.items()):
            print(f"  {key}: {message}")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
