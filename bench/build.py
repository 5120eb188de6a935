"""Prints, and writes to bench/results.json, what a build costs: cold `python -m macros build` time and peak
memory for the example handbook and synthetic ones with ×10 and ×100 its data, what our data layer and
macros add to a build, how validation time grows with the data, and what a page weighs."""

import compileall
import copy
import difflib
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml
from widget_weight import gzipped

import macros.loading
from macros.engine import command as engine_command
from macros.handbook import CHECKED_FILES, Project, validate
from macros.render import render
from macros.loading import load_file
from macros.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
# What a handbook is made of, as tests/conftest.py copies it (that module needs pytest, which bench has not).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Settings for the runs: the ×1 builds double as the numerator of the overhead ratio, so they get more runs.
OVERHEAD_RUNS = 5
BUILD_RUNS = {10: 3, 100: 2}
VALIDATE_RUNS = {1: 15, 10: 5, 100: 3}

# Targets from the issue "Quality gates".
OVERHEAD_TARGET = 1.10
WARM_OVERHEAD_TARGET = 1.02
VALIDATION_TARGET_SECONDS = 0.2

# Pages weighed: a typical page and the heaviest one.
PAGES = {"home page": "index.html", "question bank": "coaching/questions/index.html"}

def compiled_copy(destination: Path) -> Path:
    """A private copy of the example handbook, its macros package compiled so no build pays for that."""
    copy_project(destination)
    compileall.compile_dir(destination / "macros", quiet=1)
    return destination


def multiplied(items: list[dict], scale: int) -> list[dict]:
    """`items` followed by scale - 1 deep copies of them, each with a new unique id (`deal-at-risk-x2`)."""
    copies = [{**copy.deepcopy(item), "id": f"{item['id']}-x{n}"} for n in range(2, scale + 1) for item in items]
    return items + copies


def write_data(path: Path, value) -> None:
    """Write a data file, keeping its first-line schema comment."""
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    header = first_line + "\n" if first_line.startswith("#") else ""
    path.write_text(header + yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def scale_data(project: Path, scale: int) -> None:
    """Multiply the question bank, each level's behaviours and the checklists (with their items) by `scale`."""
    data = project / "data"

    def loaded(name: str):
        document, problems = load_file(data / name, name)
        assert document is not None and not problems, problems
        return document.value

    questions = loaded("coaching_questions.yml")
    questions["questions"] = multiplied(questions["questions"], scale)
    write_data(data / "coaching_questions.yml", questions)
    ladder = loaded("levels.yml")
    for level in ladder["levels"]:
        level["behaviours"] = multiplied(level["behaviours"], scale)
    write_data(data / "levels.yml", ladder)
    checklists = loaded("checklists.yml")
    checklists["checklists"] = multiplied(checklists["checklists"], scale)
    write_data(data / "checklists.yml", checklists)


# The loader's per-file limits (macros/loading.py) that a synthetic handbook may outgrow: ×100 the question
# bank is about 3 MB and 150,000 values.
LIMITS = ("MAX_FILE_BYTES", "MAX_VALUES")
LIFTED = 10**9


def lift_limits(project: Path) -> bool:
    """Lift the copy's per-file limits if its largest data file is over the size limit or might be over the
    value limit (more than one value per 10 bytes); returns whether they were lifted."""
    largest = max(path.stat().st_size for path in (project / "data").glob("*.yml"))
    if largest <= min(macros.loading.MAX_FILE_BYTES, macros.loading.MAX_VALUES * 10):
        return False
    loading = project / "macros" / "loading.py"
    text = loading.read_text(encoding="utf-8")
    for name in LIMITS:
        text, replaced = re.subn(rf"^{name} = .*$", f"{name} = {LIFTED}", text, flags=re.M)
        if replaced != 1:
            sys.exit(f"could not lift {name} in {loading}: the line '{name} = …' is gone")
    loading.write_text(text, encoding="utf-8")
    compileall.compile_file(loading, quiet=1)
    return True


@contextmanager
def limits_lifted(lifted: bool):
    """This process's loader takes files of any size and number of values, if `lifted`."""
    saved = {name: getattr(macros.loading, name) for name in LIMITS}
    if lifted:
        for name in LIMITS:
            setattr(macros.loading, name, LIFTED)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(macros.loading, name, value)


def check_valid(project: Path) -> None:
    """`python -m macros validate` on the copy, with the copy's own macros package; stops the bench if it fails."""
    result = subprocess.run([sys.executable, "-m", "macros", "validate", "--root", str(project)], cwd=project, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the synthetic handbook in {project} is not valid:\n{result.stdout}{result.stderr}")


def timed_build(project: Path, site: Path, how: str = "cold") -> tuple[float, int]:
    """Wall time (s) and peak RSS (bytes) of one build in a fresh process: the handbook's own (`python -m macros
    build`: render, engine, search entries) `cold`, with the render cache emptied first, `edited`, after a leader's
    edit to one data file (a miss for the rendered pages; the templates stay compiled), or `warm`, with nothing
    changed since the last build; or with `engine` the engine's alone, on the pages the render step already wrote to
    project/.rendered (static Markdown and theme files: the same pages, no code of ours).

    os.wait4 gives the resource use of that one child (and anything it waited for, such as git); the
    alternative, getrusage(RUSAGE_CHILDREN), keeps the largest peak of every build so far."""
    shutil.rmtree(site, ignore_errors=True)
    if how == "cold":
        shutil.rmtree(Project(project).cache_dir, ignore_errors=True)
    if how == "edited":
        with (project / "data" / "glossary.yml").open("a", encoding="utf-8") as data:
            data.write(f"# edited at {time.time()}\n")
    if how == "engine":
        command = engine_command("build", "--strict", "--quiet", "--config-file", str(project / ".rendered" / "mkdocs.yml"), "--site-dir", str(site))
    else:
        command = [sys.executable, "-m", "macros", "build", "--site", str(site), "--pdf", "later"]
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=ENV, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            output.seek(0)
            sys.exit(f"the build failed in {project}:\n{output.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss * 1024  # Linux reports kilobytes


def article(html: str) -> str:
    """The page's article: what the Markdown became, without navigation, header and footer."""
    start = html.find('<article class="md-content__inner')
    return html[start:html.rfind("</article>")]


def compare_sites(normal: Path, static: Path) -> dict:
    """How close the static copy's pages are to the normal build's: byte-identical pages and articles, and the
    lowest similarity (difflib ratio) of an article that differs."""
    pages = sorted(path.relative_to(normal) for path in normal.rglob("*.html"))
    identical = same_article = 0
    lowest = 1.0
    differing = []
    for page in pages:
        ours, theirs = (normal / page).read_text(encoding="utf-8"), (static / page).read_text(encoding="utf-8")
        identical += ours == theirs
        if article(ours) == article(theirs):
            same_article += 1
        else:
            differing.append(str(page))
            lowest = min(lowest, difflib.SequenceMatcher(None, article(ours), article(theirs), autojunk=False).ratio())
    return {"pages": len(pages), "identical_pages": identical, "identical_articles": same_article, "differing_articles": differing, "lowest_similarity": lowest}


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads: <link rel="stylesheet" href> and <script src>."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.css.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.js.append(attributes["src"])


def page_weight(site: Path, page: str) -> dict:
    """Bytes, gzipped, of a page's HTML and of the local CSS and JS files it loads (each gzipped on its own)."""
    html = (site / page).read_text(encoding="utf-8")
    assets = _Assets()
    assets.feed(html)

    def local_files(urls: list[str]) -> list[Path]:
        resolved = [urlparse(urljoin(f"/{page}", url)) for url in urls]
        return [site / found.path.lstrip("/") for found in resolved if not found.scheme and not found.netloc]

    css = sum(gzipped(path.read_bytes()) for path in local_files(assets.css))
    js = sum(gzipped(path.read_bytes()) for path in local_files(assets.js))
    return {"html": gzipped(html.encode("utf-8")), "css": css, "js": js, "total": gzipped(html.encode("utf-8")) + css + js}


def validation_seconds(project: Path, runs: int) -> tuple[list[float], int]:
    """In-process `validate` of the copy's data, as bench/validation.py times it (the first run compiles the
    schemas, as every build does once), and how many values the data holds: the work grows with those."""
    timings = []
    for _ in range(runs):
        CHECKED_FILES.clear()  # each run loads every file, as a build's one validation does
        started = time.perf_counter()
        documents, problems = validate(Project(project))
        timings.append(time.perf_counter() - started)
        assert not problems, problems[:5]
    return timings, sum(len(document.values) for document in documents.values())


def figure(what: str, value, unit: str, target: str | None = None, met: bool | None = None, note: str = "", **detail) -> dict:
    """One line of the table and of results.json; `met` says whether `value` meets `target`."""
    return {"what": what, "value": value, "unit": unit, "target": target, "meets_target": met, "note": note, **detail}


def print_table(figures: list[dict]) -> None:
    def target(found: dict) -> str:
        return f"{found['target']} ({'met' if found['meets_target'] else 'OVER'})" if found["target"] else ""

    rows = [(found["what"], f"{found['value']:,} {found['unit']}", target(found), found["note"]) for found in figures]
    widths = [max(len(row[column]) for row in rows + [("what", "figure", "target", "")]) for column in range(3)]
    print(f"{'what':<{widths[0]}}  {'figure':>{widths[1]}}  {'target':<{widths[2]}}  note")
    for what, value, target, note in rows:
        print(f"{what:<{widths[0]}}  {value:>{widths[1]}}  {target:<{widths[2]}}  {note}")


def overhead(temp: Path) -> tuple[list[dict], Path, Path, int]:
    """Cold and warm builds of the example, and the same pages as the render step wrote them built by the engine
    alone, in turn so a change in the machine's load hits all alike; returns the figures, the example's copy, its
    built site and the cold builds' peak memory."""
    example = compiled_copy(temp / "x1" / "handbook")
    if render(Project(example), example / ".rendered").problems:
        sys.exit("the example does not render")
    sites = {how: temp / how / "site" for how in ("cold", "edited", "warm", "engine")}
    runs = {how: [] for how in sites}
    for _ in range(OVERHEAD_RUNS):
        for how, site in sites.items():
            runs[how].append(timed_build(example, site, how))
    seconds = {how: statistics.median(elapsed for elapsed, _ in found) for how, found in runs.items()}
    closeness = compare_sites(sites["cold"], sites["engine"])

    def timings(how: str) -> list[float]:
        return [round(elapsed, 3) for elapsed, _ in runs[how]]

    def ratio(how: str, target: float) -> dict:
        paired = [ours / plain for (ours, _), (plain, _) in zip(runs[how], runs["engine"])]
        found = seconds[how] / seconds["engine"]
        return figure(f"our layer's overhead, {how} build", round(found, 2), "×", f"≤ {target:.2f}×", found <= target,
                      note=f"each pair of runs {min(paired):.2f}–{max(paired):.2f}×", paired_ratios=[round(pair, 3) for pair in paired])

    figures = [
        figure("cold build ×1 (the example)", round(seconds["cold"], 2), "s", note=f"median of {OVERHEAD_RUNS}; render cache emptied first", runs=timings("cold")),
        figure("build ×1 after a data file's edit", round(seconds["edited"], 2), "s", note=f"median of {OVERHEAD_RUNS}; templates compiled last time", runs=timings("edited")),
        figure("warm build ×1, nothing changed", round(seconds["warm"], 2), "s", note=f"median of {OVERHEAD_RUNS}", runs=timings("warm")),
        figure("same pages as static Markdown, engine alone", round(seconds["engine"], 2), "s",
               note=f"median of {OVERHEAD_RUNS}; {closeness['identical_pages']}/{closeness['pages']} pages byte-identical to the cold build's", runs=timings("engine"), closeness=closeness),
        ratio("cold", OVERHEAD_TARGET),
        ratio("edited", OVERHEAD_TARGET),
        ratio("warm", WARM_OVERHEAD_TARGET),
    ]
    return figures, example, sites["cold"], max(rss for _, rss in runs["cold"])


def synthetic(temp: Path, scale: int) -> tuple[Path, bool]:
    """A valid copy of the example with ×`scale` its data, and whether it needed the file limits lifted."""
    project = compiled_copy(temp / f"x{scale}" / "handbook")
    scale_data(project, scale)
    lifted = lift_limits(project)
    check_valid(project)
    return project, lifted


def scaled_builds(project: Path, scale: int, runs: int, lifted: bool) -> tuple[dict, int]:
    """The cold-build figure for a synthetic handbook, and its builds' peak memory."""
    site = project.parent / "site"
    timings = [timed_build(project, site) for _ in range(runs)]
    shutil.rmtree(site)
    note = f"median of {runs}" + ("; per-file size and value limits lifted" if lifted else "")
    seconds = [round(s, 3) for s, _ in timings]
    return figure(f"cold build ×{scale}", round(statistics.median(seconds), 2), "s", note=note, runs=seconds), max(rss for _, rss in timings)


def validation(projects: dict[int, Path], lifted: dict[int, bool]) -> list[dict]:
    """Validation time at each scale, next to how much the data grew (in values and in bytes)."""
    figures = []
    base = None
    for scale, runs in VALIDATE_RUNS.items():
        with limits_lifted(lifted[scale]):
            timings, values = validation_seconds(projects[scale], runs)
        median = statistics.median(timings)
        size = sum(path.stat().st_size for path in (projects[scale] / "data").glob("*.yml"))
        base = base or (median, values, size)
        growth = f"{median / base[0]:.1f}× the time for {values / base[1]:.1f}× the values ({size / base[2]:.1f}× the bytes); " if scale > 1 else ""
        figures.append(figure(f"validate data ×{scale} ({values:,} values)", round(median * 1000, 1), "ms",
                              f"< {VALIDATION_TARGET_SECONDS * 1000:.0f} ms" if scale == 1 else None, median < VALIDATION_TARGET_SECONDS if scale == 1 else None,
                              note=f"{growth}median of {runs}, first {timings[0] * 1000:.0f} ms", runs=[round(s, 4) for s in timings], values=values, data_bytes=size))
    return figures


def weights(site: Path) -> list[dict]:
    """Page weights and the search index, from the example's built site (bench/widget_weight.py weighs the widgets)."""
    figures = []
    for name, page in PAGES.items():
        weight = page_weight(site, page)
        figures.append(figure(f"{name} weight, gzip", round(weight["total"] / 1024, 1), "KB",
                              note=f"HTML {weight['html'] / 1024:.1f} + CSS {weight['css'] / 1024:.1f} + JS {weight['js'] / 1024:.1f} KB", page=page, bytes=weight))
    index = (site / "search" / "search_index.json").read_bytes()
    figures.append(figure("search index, gzip", round(len(gzip.compress(index, compresslevel=9)) / 1024, 1), "KB",
                          note=f"{len(index) / 1024:,.0f} KB raw", raw_bytes=len(index)))
    return figures


def main() -> None:
    started = time.perf_counter()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as temp_name:
        temp = Path(temp_name)
        (example_build, *overhead_figures), example, example_site, peak = overhead(temp)
        builds, projects, lifted, peaks = [example_build], {1: example}, {1: False}, {1: peak}
        for scale, runs in BUILD_RUNS.items():
            projects[scale], lifted[scale] = synthetic(temp, scale)
            build_figure, peaks[scale] = scaled_builds(projects[scale], scale, runs, lifted[scale])
            builds.append(build_figure)
        memory = [figure(f"peak memory of a build ×{scale}", round(rss / 2**20), "MB", note="max RSS of its runs") for scale, rss in peaks.items()]
        figures = builds + memory + overhead_figures + validation(projects, lifted) + weights(example_site)
    machine = {
        "cpu_count": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    print_table(figures)
    print(f"{machine['cpu_count']} CPUs, load average {' '.join(f'{x:.2f}' for x in load_before)} before and "
          f"{' '.join(f'{x:.2f}' for x in machine['load_average_after'])} after; Python {machine['python']}; took {machine['total_seconds']:.0f} s")
    RESULTS.write_text(json.dumps({"machine": machine, "figures": figures}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
