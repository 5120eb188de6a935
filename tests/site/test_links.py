"""Every internal link and anchor in the built site resolves, and nothing loads from another host."""

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.helpers import data

# Written by `make pdf` after the build; the pdf tests check that they land where these links point.
PRINTED = {f"{document['id']}.pdf" for document in data("printing")["documents"]}


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")}


def _target(site: Path, page: str, href: str) -> tuple[str, str]:
    """The site file a relative link from `page` opens, and its #fragment."""
    parts = urlsplit(href)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
    if parts.path.endswith("/") or (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = _pages(built_site)
    broken, anchors_checked = [], 0
    for page, soup in pages.items():
        if page == "404.html":  # material writes it with root-absolute links for any depth
            continue
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            href = element.get("href") or element.get("src")
            scheme = urlsplit(href).scheme
            if scheme in ("http", "https", "mailto", "tel", "data"):
                continue
            path, fragment = _target(built_site, page, href)
            if posixpath.basename(path) in PRINTED and posixpath.dirname(path) == "":
                continue
            if not (built_site / path).is_file():
                broken.append(f"{page}: {href} (no file {path})")
            elif fragment and path in pages:
                anchors_checked += 1
                if pages[path].find(id=fragment) is None:
                    broken.append(f"{page}: {href} (no id '{fragment}' in {path})")
    assert broken == []
    assert anchors_checked > 500  # the question bank's cross-links alone are hundreds


def test_nothing_is_loaded_from_another_host(built_site):
    for page, soup in _pages(built_site).items():
        for element in soup.select("link[href], script[src], img[src], iframe[src], source[src]"):
            url = element.get("href") or element.get("src")
            if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert urlsplit(url).scheme not in ("http", "https") and not url.startswith("//"), f"{page}: {url}"


def test_the_site_ships_our_bundles_and_not_their_parts(built_site):
    from macros.theme_hook import BUNDLES

    for bundle, parts in BUNDLES.items():
        assert (built_site / bundle).stat().st_size > 0
        assert [part for part in parts if (built_site / bundle).with_name(part).exists()] == []
