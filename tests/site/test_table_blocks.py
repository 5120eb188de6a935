"""Every plain table sits in a block of its own, never directly in the article (macros/table_wrap.py): material
wraps such tables as a page starts, and one directly in the article makes Chromium restyle the whole page."""

from pathlib import Path

from bs4 import BeautifulSoup

from macros.table_wrap import wrap_tables
from tests.conftest import ROOT

TABLE = "| Part | What |\n| --- | :-: |\n| a | b |"


def test_a_top_level_table_is_put_in_a_block_and_the_rest_left_as_written():
    page = f"# Title\n\nSome text.\n\n{TABLE}\n\nMore text.\n"
    assert wrap_tables(page) == f"# Title\n\nSome text.\n\n<div markdown>\n\n{TABLE}\n\n</div>\n\nMore text.\n"
    assert wrap_tables(TABLE) == f"<div markdown>\n\n{TABLE}\n\n</div>"


def test_tables_in_code_lists_or_running_into_text_are_left_as_written():
    kept = [
        f"```md\n{TABLE}\n```\n",
        f"~~~~\n```\n{TABLE}\n~~~~\n",  # a shorter fence of backticks inside does not close the tildes
        "- item\n\n    " + TABLE.replace("\n", "\n    ") + "\n",
        f"A paragraph\n{TABLE}\n",  # no blank line before: Markdown reads it as the paragraph's text
        f"{TABLE}\nNot a row\n",  # the block runs on into a line without a pipe
    ]
    for page in kept:
        assert wrap_tables(page) == page
    assert wrap_tables(f"```\ncode\n```\n\n{TABLE}\n").endswith(f"<div markdown>\n\n{TABLE}\n\n</div>\n")


def _plain_tables(path: Path) -> tuple[int, int]:
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
    tables = [table for table in article.find_all("table") if not table.get("class")]
    return len(tables), sum(table.parent is article for table in tables)


def test_no_page_has_a_plain_table_directly_in_its_article(built_site):
    pages = {path.relative_to(built_site).as_posix(): _plain_tables(path) for path in built_site.rglob("index.html")}
    assert {page: counts for page, counts in pages.items() if counts[1]} == {}
    # The pages whose Markdown has tables of its own still show every one of them.
    built = {"editing.md": "editing/index.html", "editing-content.md": "editing-content/index.html", "index.md": "index.html"}
    written = {name: (ROOT / "docs" / name).read_text(encoding="utf-8").count("\n| ---") for name in built}
    assert {name: pages[page][0] for name, page in built.items()} == written
    assert all(written.values())
