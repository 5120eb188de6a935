"""The 1:1 page prints as a one-page blank agenda, with or without JS: every time box with its lines to write
on, a place for the rep's name and the date, and no web addresses spelled out across the form."""

import pytest

from tests.helpers import data, plain
from tests.pdf.conftest import pdf_text


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_one_to_one_prints_as_a_one_page_blank_agenda(browser, site_url, tmp_path, paper, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "coaching/one-to-one/")
    assert not page.locator(".pb-agenda__notes").first.is_visible()  # on screen, no empty column to write in
    path = tmp_path / "agenda.pdf"
    page.pdf(path=path, format=paper)
    context.close()
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert text.count("\f") == 1, f"{text.count(chr(12))} pages"
    assert "Rep:" in flat and "Date:" in flat
    for box in data("rhythm")["one_to_one"]["boxes"]:
        # A name may wrap in its narrow column, and pdftotext may then read the cell beside it in between.
        assert all(word in flat for word in plain(box["name"]).split())
        for label in box.get("write_in", []):
            assert f"{plain(label)}:" in flat
    for furniture in ("Skip to content", "Made from", "http://"):
        assert furniture not in flat
