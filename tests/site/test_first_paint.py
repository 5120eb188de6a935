"""Nothing a page loads holds its first paint but its stylesheets: every script a built page loads from a file
runs after the page is parsed (defer), material's before ours, so a phone paints the text before it compiles and
runs about 120 KB of script (Lighthouse counted material's bundle and ours, parser-blocking at the end of the
body, as render-blocking)."""

import re
from pathlib import Path

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_script_a_page_loads_waits_until_the_page_is_parsed(built_site):
    held = [f"{path.relative_to(built_site)}: {tag[0]}" for path in _pages(built_site)
            for tag in SCRIPT.finditer(path.read_text(encoding="utf-8")) if not re.search(r"\s(defer|async)[\s>=]", tag[0])]
    assert held == []

