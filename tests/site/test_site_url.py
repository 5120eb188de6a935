"""The address the handbook is published at comes from SITE_URL at build time (the Pages workflow passes
GitHub Pages' address): every page's canonical link and every sitemap entry follow it; without it they stay
on the local address in mkdocs.yml."""

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_build
from tests.helpers import page

# A project site's address as pages.yml passes it: configure-pages' base_url and a trailing slash.
PAGES_ADDRESS = "https://northwind.github.io/playbook/"
LOCAL_ADDRESS = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The example handbook built once with SITE_URL set, as the Pages workflow builds it."""
    site = tmp_path_factory.mktemp("published") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", PAGES_ADDRESS)
        result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _pages(site: Path) -> list[str]:
    """Every page's path below the site's root, as its address ends: "", "charter/", "coaching/questions/"."""
    folders = (path.relative_to(site).parent.as_posix() for path in site.rglob("index.html"))
    return sorted("" if folder == "." else f"{folder}/" for folder in folders)


def _canonical(site: Path, path: str) -> str:
    return page(site, path.strip("/")).select_one('link[rel="canonical"]')["href"]


def _sitemap(site: Path) -> list[str]:
    return re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))


def test_canonical_links_and_the_sitemap_follow_site_url(published_site):
    pages = _pages(published_site)
    assert len(pages) > 10
    for path in pages:
        assert _canonical(published_site, path) == PAGES_ADDRESS + path
    assert sorted(_sitemap(published_site)) == sorted(PAGES_ADDRESS + path for path in pages)


def test_without_site_url_the_local_address_stays(built_site, published_site):
    """The site every other test builds has no SITE_URL: its pages keep mkdocs.yml's local address. (Its
    sitemap is not read here: tests/browser rewrites it to the port it serves on, when they run first.)"""
    assert all(_canonical(built_site, path) == LOCAL_ADDRESS + path for path in _pages(built_site))
    assert _canonical(published_site, "") == PAGES_ADDRESS


def test_printed_documents_name_the_published_address_and_not_the_local_one(built_site, published_site):
    from macros.pdf import site_address

    assert site_address(published_site) == "northwind.github.io/playbook"
    assert site_address(built_site) is None
