"""The printed documents as a new hire holds them: cover, contents with true page numbers, every heading
and checklist item, nothing cut at the page edge. Expectations come from the data and the built pages."""

import datetime
import re

from tests.helpers import content, data, page, plain
from tests.pdf.conftest import grey_pages, page_count, pdf_text

MM_PER_INCH = 25.4


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pack():
    return next(d for d in data("printing")["documents"] if d["id"] == "onboarding-pack")


def _url(docs_page: str) -> str:
    stem = docs_page.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem


def _visible_headings(article) -> list[str]:
    """Headings paper shows: not hidden, and not the screen-only context a team leaves off its printed copy."""
    return [
        h.get_text(" ", strip=True)
        for h in article.select("h1, h2, h3")
        if not h.find_parent(attrs={"hidden": True}) and "pb-screen-only" not in h.get("class", [])
    ]


def test_pack_has_a_cover_and_contents_whose_page_numbers_are_right(pdfs, built_site):
    pack = _pack()
    pdf = pdfs / "onboarding-pack.pdf"
    cover = words(pdf_text(pdf, 1))
    team = data("charter")["team"]
    for expected in (pack["title"], team, f"Version {pack['version']}", datetime.date.today().isoformat()):
        assert words(expected) in cover

    contents = pdf_text(pdf, 2)
    assert contents.startswith("Contents")
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*$", contents, re.M)]
    assert len(numbers) == len(pack["pages"]) and numbers == sorted(numbers)
    for entry, number in zip(pack["pages"], numbers):
        title = entry.get("title") or content(page(built_site, _url(entry["page"]))).h1.get_text(" ", strip=True)
        assert words(title) in words(contents)
        assert words(title) in words(pdf_text(pdf, number)), f"{title} is not on page {number}"


def test_pack_holds_every_heading_of_its_pages_and_every_checklist_item(pdfs, built_site):
    text = words(pdf_text(pdfs / "onboarding-pack.pdf"))
    site = built_site
    for entry in _pack()["pages"]:
        article = content(page(site, _url(entry["page"])))
        if entry.get("section"):
            heading = article.find(id=entry["section"])
            headings = [h.get_text(" ", strip=True) for h in heading.find_all_next(["h3"]) if h.find_parent("form")]
        else:
            headings = _visible_headings(article)[1:]  # the page's own title may be renamed in the pack
        for heading_text in headings:
            assert words(heading_text) in text, f"{entry['page']}: heading '{heading_text}' is missing"

    bootcamp, checklists = data("bootcamp"), data("checklists")["checklists"]
    first_week = next(c for c in checklists if c["id"] == "new-rep-first-week")
    items = bootcamp["cadence"]["daily"] + bootcamp["cadence"]["weekly"] + first_week["items"]
    for item in items:
        assert words(plain(item["text"])) in text, f"checklist item '{item['id']}' is missing"


def test_pack_and_card_page_counts_are_within_bounds(pdfs):
    assert 12 <= page_count(pdfs / "onboarding-pack.pdf") <= 60
    assert 2 <= page_count(pdfs / "coaching-questions-card.pdf") <= 8


def test_pocket_card_holds_every_question_of_the_bank(pdfs):
    text = words(pdf_text(pdfs / "coaching-questions-card.pdf"))
    for question in data("coaching_questions")["questions"]:
        assert words(plain(question["text"])) in text, question["id"]
    assert "why" not in data("coaching_questions")["questions"][0] or words(plain(data("coaching_questions")["questions"][0]["why"])) not in text


def test_no_page_is_blank_and_nothing_reaches_past_the_margins(pdfs, tmp_path):
    dpi = 30
    for name, edge_mm in (("onboarding-pack.pdf", 8), ("coaching-questions-card.pdf", 3)):
        folder = tmp_path / name
        folder.mkdir()
        edge = round(edge_mm / MM_PER_INCH * dpi)
        for number, (width, height, pixels) in enumerate(grey_pages(pdfs / name, dpi, folder), 1):
            def dark(x0, y0, x1, y1):
                return sum(1 for y in range(y0, y1) for x in range(x0, x1) if pixels[y * width + x] < 200)

            assert dark(0, 0, width, height) > 20, f"{name} page {number} is blank"
            strips = {"left": (0, 0, edge, height), "right": (width - edge, 0, width, height), "top": (0, 0, width, edge), "bottom": (0, height - edge // 2, width, height)}
            for side, box in strips.items():
                assert dark(*box) == 0, f"{name} page {number}: content in the {side} margin"


def test_site_links_to_each_pdf_where_make_pdf_writes_it(pdfs, built_site):
    links = {
        "onboarding-pack": ("onboarding", "Download the onboarding pack (PDF)"),
        "coaching-questions-card": ("coaching/questions", "Download the coaching questions (PDF)"),
    }
    for document_id, (url, text) in links.items():
        link = content(page(built_site, url)).find("a", string=text)
        target = (built_site / url / link["href"]).resolve()
        assert target == (built_site / f"{document_id}.pdf").resolve()
        assert (pdfs / f"{document_id}.pdf").is_file()
