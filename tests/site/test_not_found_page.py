"""The page a wrong address lands on: what happened in plain words, the search, and the home page's three doors
under the names the home page gives them, each leading to a page that exists."""

from tests.helpers import content, page


def _doors(soup) -> list[str]:
    return [door.get_text() for door in soup.select(".grid.cards > ul > li > p:first-child > strong")]


def test_the_404_page_offers_the_home_pages_three_doors(built_site):
    not_found = content(page(built_site, "404.html"))
    assert not_found.h1.get_text() == "This page isn't here"
    home_doors = _doors(content(page(built_site, "")))
    assert len(home_doors) == 3
    assert _doors(not_found) == home_doors
    assert not_found.select_one("form[role=search] input[name=q]")


def test_every_link_on_the_404_page_opens_a_page(built_site):
    """Root-absolute links (the one file answers a missing address at any depth), to pages the build wrote."""
    links = [link["href"] for link in content(page(built_site, "404.html")).select("a[href]")]
    assert len(links) >= 7
    for href in links:
        assert href.startswith("/"), href
        assert (built_site / href.lstrip("/") / "index.html").resolve().is_file(), href
