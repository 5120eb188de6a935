"""Prints how long `make pdf` takes to print the documents in data/printing.yml from a built site
(the build itself is timed by `make build`; this is the printing alone), median of a few runs."""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from macros.site_build import build_pages
from macros.project import Project
from macros.pdf import print_documents

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        if build_pages(Project(ROOT), site, quiet=True):
            sys.exit("the build failed")
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            written = print_documents(Project(ROOT), site)
            timings.append(time.perf_counter() - started)
        sizes = ", ".join(f"{path.name} {path.stat().st_size // 1024} KB" for path in written)
    print(f"print PDFs: median {statistics.median(timings):.1f} s, min {min(timings):.1f} s, max {max(timings):.1f} s over {RUNS} runs ({sizes})")


if __name__ == "__main__":
    main()
