"""Prints how long loading and validating the example handbook's data takes (median of several runs)."""

import statistics
import time
from pathlib import Path

from macros.handbook import Project, validate

RUNS = 15


def main() -> None:
    project = Project(Path(__file__).resolve().parent.parent)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        _, problems = validate(project)
        timings.append(time.perf_counter() - started)
    assert not problems, problems
    print(f"validate example data: median {statistics.median(timings) * 1000:.1f} ms, "
          f"min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms over {RUNS} runs "
          f"(first run, with schema compilation: {timings[0] * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
