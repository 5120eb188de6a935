"""Prints what our code adds to each page, gzipped as the site serves it: the site-wide bundles every page loads,
each widget's file (minified, as the build writes it), and per page the widget scripts it loads besides
(budget: 10 KB for the widgets a page loads). Figures only: nothing here fails."""

import gzip
import sys
import tempfile
from pathlib import Path

from macros.project import Project
from macros.site_build import build_pages
from macros.bundles import BUNDLES, WIDGETS, widget_file

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 10 * 1024


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def size(path: Path) -> str:
    data = path.read_bytes()
    return f"{len(data):>8}{gzipped(data):>8}"


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        if build_pages(Project(ROOT), site, quiet=True):
            sys.exit("the build failed")
        print(f"{'file (minified)':<36}{'bytes':>8}{'gzip':>8}")
        for path in [*BUNDLES, *(widget_file(name) for name in WIDGETS)]:
            print(f"{path:<36}{size(site / path)}")
        core = sum(gzipped((site / bundle).read_bytes()) for bundle in BUNDLES)
        print(f"\nper page: our site-wide bundles {core} bytes gzipped (cached after the first page), then its widgets:")
        for page in sorted(site.rglob("index.html")):
            html = page.read_text(encoding="utf-8")
            loaded = [name for name in WIDGETS if f'{widget_file(name)}" data-widget' in html]
            weight = sum(gzipped((site / widget_file(name)).read_bytes()) for name in loaded)
            verdict = "" if weight <= BUDGET else f"  OVER the {BUDGET}-byte budget"
            address = page.parent.relative_to(site).as_posix()
            print(f"  {'(home)' if address == '.' else address + '/':<36}{weight:>6} bytes  {' '.join(loaded) or '-'}{verdict}")


if __name__ == "__main__":
    main()
