"""HTML, script, unsafe links and Jinja in data strings reach the page as text, never as markup or code."""

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_build
from tests.helpers import content, page

HOSTILE = {
    "script": "<script>alert('data')</script>",
    "img": "<img src=x onerror=alert(1)>",
    "jinja_variable": "{{ config.site_name }}",
    "jinja_block": "{% include 'mkdocs.yml' %}",
    "attr_list": "Ownership {: onclick=\"alert(1)\" }",
    "js_link": "[click me](javascript:alert(1))",
}


def _edit(project: Path, name: str, change) -> None:
    path = project / "data" / name
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def _plant(project: Path) -> None:
    """Put every hostile string into headings, body text and lists."""

    def charter(value):
        value["values"][0]["name"] = HOSTILE["attr_list"] + " " + HOSTILE["script"]
        value["values"][0]["meaning"] = " ".join(HOSTILE.values())
        value["commitments"][0]["text"] = HOSTILE["img"] + " " + HOSTILE["jinja_block"]

    def levels(value):
        value["levels"][0]["name"] = "Order taker {{ 7 * 7 }} {: #pwned onmouseover=alert(1) }"

    _edit(project, "charter.yml", charter)
    _edit(project, "levels.yml", levels)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "handbook")
    _plant(project)
    site = project / "site"
    result = run_build(project, site)
    # The javascript: link is refused by validation; the build must say so and stop.
    assert result.returncode != 0
    assert "the link 'javascript:alert(" in result.stdout + result.stderr
    # Without the link, everything else builds and must render harmlessly.
    for name in ("charter.yml",):
        path = project / "data" / name
        path.write_text(path.read_text(encoding="utf-8").replace("(javascript:alert(1))", "(https://example.com)"), encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("url", ["charter", "levels"])
def test_no_markup_from_data_becomes_live(hostile_site, url):
    article = content(page(hostile_site, url))
    assert article.find("script") is None
    assert article.find("img") is None
    for element in article.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
        assert not element.get("href", "").lower().startswith("javascript:")
    assert article.find(id="pwned") is None


def test_hostile_text_is_shown_literally(hostile_site):
    charter = content(page(hostile_site, "charter")).get_text(" ")
    for key in ("script", "img", "jinja_variable", "jinja_block"):
        assert HOSTILE[key] in charter, key
    levels = content(page(hostile_site, "levels")).get_text(" ")
    assert "Order taker {{ 7 * 7 }} {: #pwned onmouseover=alert(1) }" in levels
    assert "49" not in levels


def test_attribute_list_syntax_in_a_name_cannot_change_the_heading(hostile_site):
    heading = content(page(hostile_site, "levels")).select_one("h2#order-taker")
    assert heading is not None, "the level's own anchor must survive whatever its name contains"
    assert "{: #pwned" in heading.get_text()


def test_unsafe_link_in_data_is_never_rendered_even_if_validation_were_skipped():
    from macros.inline_markdown import InlineMarkdown

    html = InlineMarkdown().render("[x](javascript:alert(1)) [y](data:text/html,hi) [z](https://example.com)")
    assert "javascript:" not in html and "data:text" not in html
    assert 'href="https://example.com"' in html
