"""Every internal link and anchor in the built site resolves, and nothing loads from another host."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.site_check import _parse, broken_links
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


class _Oracle(HTMLParser):
    """The standard library's HTML parser: what macros/site_check.py's faster reader must agree with."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attributes = dict(reversed(attrs))  # the first of a repeated name wins, as in a browser
        if attributes.get("id") is not None:
            self.ids.add(attributes["id"])
        address = attributes.get("href") if tag in ("a", "link") else attributes.get("src") if tag in ("script", "img") else None
        if address is not None:
            self.links.append(address)


def _oracle(html: str) -> tuple[set[str], list[str]]:
    oracle = _Oracle()
    oracle.feed(html)
    oracle.close()
    return oracle.ids, oracle.links


TRICKY = [
    '<a title=\'see id="fake" href="fake.html"\' href="real.html">x</a>',
    '<script>var s = "<a href=\\"in-script.html\\" id=\\"no\\">";</script><a href="after.html">',
    '<!-- <a href="commented.html" id="gone"> --><p id="kept">',
    '<script src="app.js" defer></script><style>a[href="x"] { }</style><IMG SRC="Up.png" ID="Upper">',
    '<a href="page.html?a=1&amp;b=2#part&amp;more">entity</a><input disabled id=bare-value>',
    '<a id="" href="">empty</a><p data-x="1 > 0" id="after-gt">',
    '<a href="first.html" href="second.html">repeated</a>',
    '<!--x--!><a href="after-bang-comment.html">',
    '<?xml version="1.0"?><a href="after-instruction.html">',
    '<![CDATA[<a href="in-cdata.html">]]><a href="after-cdata.html">',
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_fast_page_reader_reads_tricky_html_as_the_html_parser_does(html):
    found = _parse(html)
    assert (found.ids, found.links) == _oracle(html)


def test_the_fast_page_reader_reads_every_built_page_as_the_html_parser_does(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = _parse(html)
        assert (found.ids, found.links) == _oracle(html), path.relative_to(built_site).as_posix()


def test_a_link_up_out_of_the_site_is_not_checked_however_it_is_written(tmp_path):
    """A site built on its own inside another's (site/de/) links up to it: "..", "../" and "../index.html" alike."""
    (tmp_path / "page").mkdir()
    (tmp_path / "index.html").write_text('<a href="page/">in</a>', encoding="utf-8")
    (tmp_path / "page" / "index.html").write_text('<a href="../..">up</a><a href="../../">up</a><a href="..">home</a><a href="../missing/">gone</a>', encoding="utf-8")
    report = broken_links(tmp_path)
    assert [(broken.page, broken.href) for broken in report.broken] == [("page/index.html", "../missing/")]
