"""Checks of a built site, whichever engine built it: every internal link and anchor resolves, and what differs
file by file from another build of the same handbook. tests/site and tests/engines run them on every build;
bench/zensical.py runs them on Zensical's. Standard library only, so they run in any engine's venv."""

import posixpath
import re
from collections.abc import Collection
from html import unescape
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

# Links out of the site, not checked here.
OUTSIDE = ("http", "https", "mailto", "tel", "data")
# The one line two engines may write differently: material's generator tag names the engine and its version.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


# A page read as HTMLParser reads it, in a third of the time (a build reads every page: 0.34 s with HTMLParser, a
# fifth of the engine's whole build, 0.1 s so): comments and the text of scripts and styles skipped, then each
# start tag's attributes, a quoted value taken whole so an "id=" inside another attribute's value is not one.
# Not read alike: a quote mark inside an unquoted value (href=x'y), which no page the engines write has.
# tests/site/test_links.py holds it to HTMLParser's answer on every page of the built example.
_SKIPPED = re.compile(r"<!--.*?(?:--!?>|$)|<\?[^>]*>|<!\[CDATA\[.*?(?:\]\]>|$)|(<(script|style)\b(?:\"[^\"]*\"|'[^']*'|[^'\">])*>).*?(?:</\2\s*>|$)", re.S | re.I)
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>")
_ATTRIBUTE = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_NAMED = re.compile("id|href|src", re.I)  # a tag that may have an attribute the check reads
_ADDRESS_OF = {"a": "href", "link": "href", "script": "src", "img": "src"}


class _PageReader(NamedTuple):
    """A page's ids, and the addresses of its links, styles, scripts and images."""

    ids: set[str]
    links: list[str]


def _attributes(text: str) -> dict[str, str | None]:
    """A start tag's attributes, None for one without a value; of a name given twice the first counts, as in a browser."""
    found = {}
    for attribute in _ATTRIBUTE.finditer(text):
        name, value = attribute.group(1).lower(), attribute.group(2)
        if value is not None:
            value = unescape(value[1:-1] if value[:1] in ("'", '"') else value)
        found.setdefault(name, value)
    return found


def _parse(html: str) -> _PageReader:
    ids, links = set(), []
    html = _SKIPPED.sub(lambda kept: kept.group(1) or "", html)
    for tag, text in _START_TAG.findall(html):
        if not _NAMED.search(text):
            continue
        attributes = _attributes(text)
        if attributes.get("id") is not None:
            ids.add(attributes["id"])
        address = attributes.get(_ADDRESS_OF.get(tag.lower(), ""))
        if address is not None:
            links.append(address)
    return _PageReader(ids, links)


def _read(path: Path) -> _PageReader:
    return _parse(path.read_text(encoding="utf-8"))


def page_ids(path: Path) -> set[str]:
    """The ids in a built page: what a link's #anchor may name."""
    return _read(path).ids


def _target(folders: set[str], page: str, href: str) -> tuple[str, str]:
    """The site file a relative link from `page` opens, and its #fragment; `folders`: the site's folders."""
    parts = urlsplit(href)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
    if parts.path.endswith("/") or path in folders:
        path = posixpath.normpath(posixpath.join(path, "index.html"))
    return path, unquote(parts.fragment)


class BrokenLink(NamedTuple):
    page: str  # the page the link is on, as a path in the site
    href: str  # the link as written there
    path: str  # the site file it opens
    fragment: str  # its #anchor, "" for a missing file

    def __str__(self) -> str:
        why = f"no id '{self.fragment}' in {self.path}" if self.fragment else f"no file {self.path}"
        return f"{self.page}: {self.href} ({why})"


class LinkReport(NamedTuple):
    broken: list[BrokenLink]  # in page order
    anchors_checked: int


def broken_links(site: Path, printed: set[str] = frozenset(), other_sites: Collection[str] = ()) -> LinkReport:
    """Every internal link in the site's pages whose file or #anchor is missing. `printed`: the PDFs the site
    links to at its top level that the build does not write (`make pdf` prints them after it). `other_sites`: the
    folders other teams' and languages' sites take in this one (macros/site_paths.py), which the header's menus link
    into; a link into one that is not there, or above the site's top, is to a site built on its own, not checked."""
    files, folders = set(), {"."}
    for path in site.rglob("*"):
        (folders if path.is_dir() else files).add(path.relative_to(site).as_posix())
    pages = {name: _read(site / name) for name in sorted(files) if name.endswith(".html")}
    broken, anchors_checked = [], 0
    for page, reader in pages.items():
        if page == "404.html":  # material writes it with root-absolute links for any depth
            continue
        for href in reader.links:
            if urlsplit(href).scheme in OUTSIDE:
                continue
            path, fragment = _target(folders, page, href)
            if posixpath.basename(path) in printed and posixpath.dirname(path) == "":
                continue
            if path == ".." or path.startswith("../") or (path.split("/")[0] in other_sites and path.split("/")[0] not in folders):
                continue
            if path not in files:
                broken.append(BrokenLink(page, href, path, ""))
            elif fragment and path in pages:
                anchors_checked += 1
                if fragment not in pages[path].ids:
                    broken.append(BrokenLink(page, href, path, fragment))
    return LinkReport(broken, anchors_checked)


class SiteDifference(NamedTuple):
    only_in_site: list[str]
    only_in_reference: list[str]
    differing: list[str]  # files in both whose bytes differ, the generator tag aside

    def __bool__(self) -> bool:
        return bool(self.only_in_site or self.only_in_reference or self.differing)


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _without_generator(content: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', content, count=1)


def compare_sites(site: Path, reference: Path) -> SiteDifference:
    """What differs between two builds, file by file and byte by byte, except the generator tag's content."""
    ours, theirs = _files(site), _files(reference)
    differing = [
        name
        for name in sorted(ours & theirs)
        if _without_generator((site / name).read_bytes()) != _without_generator((reference / name).read_bytes())
    ]
    return SiteDifference(sorted(ours - theirs), sorted(theirs - ours), differing)
