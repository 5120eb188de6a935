"""The printed documents of a handbook with hostile text in every free-text field (tests/planted.py): the
cover, the contents and the sections show it as typed, and printing (which runs our packing script in
the page) treats it as text."""

import pytest

from tests.pdf.conftest import pdf_text
from tests.planted import PAYLOAD


@pytest.fixture(scope="module")
def planted_pdfs(planted_site, browser, tmp_path_factory):
    from macros.handbook import Project
    from macros.pdf import print_documents

    site, fields = planted_site
    out = tmp_path_factory.mktemp("planted-pdfs")
    print_documents(Project(site.parent), site, out, browser)
    return out, fields


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_printed_fields_read_exactly_as_typed(planted_pdfs):
    out, fields = planted_pdfs
    pack = _flat(pdf_text(out / "onboarding-pack.pdf"))
    card = _flat(pdf_text(out / "coaching-questions-card.pdf"))
    for field in fields:
        if field.path[:2] == ("documents", 0):  # the pack: cover, contents and section titles
            assert _flat(PAYLOAD.format(marker=field.marker)) in pack, field
    # The card has no cover; its title is in the running footer, which has room for the start of it.
    title = next(field for field in fields if field.path == ("documents", 1, "title"))
    assert f"{title.marker} <img src=x onerror=alert('{title.marker}')>" in card
    # The sections are the site's pages (checked in tests/site), packed by our script: their planted text is
    # still text. Table cells and the running footer break some of it across lines, so count whole ones.
    whole = [field for field in fields if _flat(PAYLOAD.format(marker=field.marker)) in pack]
    assert len(whole) > 150
