"""Prints how long loading and validating the example handbook's data takes (median of several runs), and how
long validating takes with one file at the loader's limits, the worst a leader could save (the tests count the
work such files cause; the time it takes is measured here, never in a test)."""

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from macros.handbook import CHECKED_FILES, Project, validate
from macros.loading import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES

RUNS = 15
LIMIT_RUNS = 3
ROOT = Path(__file__).resolve().parent.parent
BILLION_LAUGHS = 'lol0: &lol0 "lol"\n' + "".join(f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 10)}]\n" for i in range(1, 10))
# One data file replaced by each of these: (file, its text).
AT_THE_LIMITS = {
    "a file just over the size limit": ("checklists.yml", "# " + "x" * MAX_FILE_BYTES + "\n"),
    "more values than the limit": ("checklists.yml", "checklists: [" + "1, " * MAX_VALUES + "1]\n"),
    "broken items just under the value limit": ("checklists.yml", "checklists: [" + "{}, " * (MAX_VALUES - 10) + "{}]\n"),
    "nesting far deeper than the limit": ("levels.yml", "levels: " + "[" * 1000 * MAX_DEPTH + "]" * 1000 * MAX_DEPTH + "\n"),
    "an expansion bomb (anchors and aliases)": ("dilemma.yml", BILLION_LAUGHS),
}


def timed(project: Project, runs: int) -> tuple[list[float], list]:
    """Seconds each of `runs` validations took, and the problems found; each loads every file again, as a build's
    one validation does (the process keeps each file it checked, for `make validate`'s several handbooks)."""
    timings = []
    for _ in range(runs):
        CHECKED_FILES.clear()
        started = time.perf_counter()
        _, problems = validate(project)
        timings.append(time.perf_counter() - started)
    return timings, problems


def example() -> None:
    project = Project(ROOT)
    timings, problems = timed(project, RUNS)
    assert not problems, problems
    print(f"validate example data: median {statistics.median(timings) * 1000:.1f} ms, "
          f"min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms over {RUNS} runs "
          f"(first run, with schema compilation: {timings[0] * 1000:.1f} ms)")


def at_the_limits() -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for part in ("data", "docs"):
            shutil.copytree(ROOT / part, copy / part)
        for name, (file, text) in AT_THE_LIMITS.items():
            path = copy / "data" / file
            original = path.read_bytes()
            path.write_text(text, encoding="utf-8")
            timings, _ = timed(Project(copy), LIMIT_RUNS)
            path.write_bytes(original)
            print(f"validate with {name} in data/{file}: median {statistics.median(timings) * 1000:.0f} ms, "
                  f"max {max(timings) * 1000:.0f} ms over {LIMIT_RUNS} runs")


if __name__ == "__main__":
    example()
    at_the_limits()
