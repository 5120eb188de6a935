"""The printed documents of a handbook with hostile text in every free-text field (tests/planted.py): the
cover, the contents and the sections show it as typed, and printing (which runs our packing script in
the page) treats it as text."""

import shutil
from pathlib import Path

import pytest
import yaml

from tests.pdf.conftest import pdf_text
from tests.planted import PAYLOAD


@pytest.fixture(scope="module")
def planted_pdfs(planted_site, browser, tmp_path_factory):
    from macros.handbook import Project
    from macros.pdf import print_documents

    site, fields = planted_site
    out = tmp_path_factory.mktemp("planted-pdfs")
    print_documents(Project(_with_a_short_card(site.parent, tmp_path_factory.mktemp("planted"))), site, out, browser)
    return out, fields


def _with_a_short_card(project: Path, copy: Path) -> Path:
    """The planted handbook's data with three questions on the pocket card and no page limit on a document:
    planted text is far longer than any real text, and a card that does not fit its sheet or a pack longer
    than its at_most_pages is refused (tested in test_pdf.py)."""
    shutil.copytree(project / "data", copy / "data")
    shutil.copytree(project / "docs", copy / "docs")
    shutil.copy2(project / "mkdocs.yml", copy / "mkdocs.yml")
    printing = copy / "data" / "printing.yml"
    value = yaml.safe_load(printing.read_text(encoding="utf-8"))
    card = next(document for document in value["documents"] if document.get("pocket"))
    card["questions"] = card["questions"][:3]
    for document in value["documents"]:
        document.pop("at_most_pages", None)
    printing.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=1_000_000), encoding="utf-8")
    return copy


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_printed_fields_read_exactly_as_typed(planted_pdfs):
    out, fields = planted_pdfs
    pack = _flat(pdf_text(out / "onboarding-pack.pdf"))
    card = _flat(pdf_text(out / "coaching-questions-card.pdf"))
    for field in fields:
        if field.path[:2] == ("documents", 0):  # the pack: cover, contents and section titles
            assert _flat(PAYLOAD.format(marker=field.marker)) in pack, field
    # The card's title is on its first panel, in large type, broken across lines wherever the panel is full.
    title = next(field for field in fields if field.path == ("documents", 1, "title"))
    assert "".join(PAYLOAD.format(marker=title.marker).split()) in "".join(card.split())
    # The sections are the site's pages (checked in tests/site), packed by our script: their planted text is
    # still text. Table cells and the running footer break some of it across lines, so count whole ones.
    whole = [field for field in fields if _flat(PAYLOAD.format(marker=field.marker)) in pack]
    assert len(whole) > 150
