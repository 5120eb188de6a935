"""Every internal link and anchor in the built site resolves, and nothing loads from another host."""

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from macros.site_check import broken_links
from tests.helpers import ROOT, data

# Written by `make pdf` after the build; the pdf tests check that they land where these links point.
PRINTED = {f"{document['id']}.pdf" for document in data("printing")["documents"]}


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")}


def test_every_internal_link_and_anchor_resolves(built_site):
    """macros/site_check.py, the checker bench/zensical.py runs on other engines' builds too."""
    from macros.site_paths import site_folders

    report = broken_links(built_site, PRINTED, site_folders(ROOT / "data"))
    assert report.broken == []
    assert report.anchors_checked > 500  # the question bank's cross-links alone are hundreds


def test_nothing_is_loaded_from_another_host(built_site):
    for page, soup in _pages(built_site).items():
        for element in soup.select("link[href], script[src], img[src], iframe[src], source[src]"):
            url = element.get("href") or element.get("src")
            if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert urlsplit(url).scheme not in ("http", "https") and not url.startswith("//"), f"{page}: {url}"


def test_the_site_ships_our_bundles_and_not_their_parts(built_site):
    from macros.bundles import BUNDLES

    for bundle, parts in BUNDLES.items():
        assert (built_site / bundle).stat().st_size > 0
        assert [part for part in parts if (built_site / bundle).with_name(part).exists()] == []
