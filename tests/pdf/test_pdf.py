"""The printed documents as a new hire holds them: cover, contents with true page numbers, every heading
and checklist item, nothing cut at the page edge. Expectations come from the data and the built pages."""

import datetime
import re
from pathlib import Path

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

    cover, contents = pdf_text(pdf, 1).split("Contents\n", 1)  # on the cover, under the title
    assert words(pack["title"]) in words(cover)
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*$", contents, re.M)]
    assert len(numbers) == len(pack["pages"]) and numbers == sorted(numbers)
    for entry, number in zip(pack["pages"], numbers):
        title = entry.get("title") or content(page(built_site, _url(entry["page"]))).h1.get_text(" ", strip=True)
        assert words(title) in words(contents)
        assert words(title) in words(pdf_text(pdf, number)), f"{title} is not on page {number}"
    # the numbers the contents give are on the pages themselves (a reviewer found them gone once); none on the cover
    pages = pdf_text(pdf).split("\f")
    assert "Page 1 of" not in pages[0]
    assert all(f"Page {number} of {len([p for p in pages if p.strip()])}" in text for number, text in enumerate(pages, 1) if number > 1 and text.strip())


def test_the_cover_says_where_the_handbook_is_online_only_when_it_is(pdfs, built_site, browser, tmp_path):
    """The pack names pages and tools; on paper a new hire needs the address to find them. A site built for
    this machine (the local address mkdocs.yml falls back on) has none worth printing."""
    import shutil

    from macros.handbook import Project
    from macros.pdf import print_documents
    from tests.conftest import ROOT

    assert "online" not in words(pdf_text(pdfs / "onboarding-pack.pdf", 1))

    published = tmp_path / "site"
    shutil.copytree(built_site, published)
    home = published / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace('rel="canonical" href="http://127.0.0.1:8000/"', 'rel="canonical" href="https://northwind.github.io/playbook/"'), encoding="utf-8")
    print_documents(Project(ROOT), published, tmp_path, browser)
    cover = pdf_text(tmp_path / "onboarding-pack.pdf", 1)
    assert "The handbook online, with its tools: northwind.github.io/playbook" in " ".join(cover.split())
    assert page_count(tmp_path / "onboarding-pack.pdf") == page_count(pdfs / "onboarding-pack.pdf")


def _left_out(article, ids: list[str]) -> set[str]:
    """The ids of the headings data/printing.yml leaves out, with every heading under them."""
    gone, cut = set(), None
    for heading in article.select("h1, h2, h3, h4"):
        level = int(heading.name[1])
        if cut is not None and level <= cut:
            cut = None
        if heading.get("id") in ids:
            cut = level
        if cut is not None:
            gone.add(heading.get("id"))
    return gone


def _lines(text: str) -> set[str]:
    return {words(line) for line in text.splitlines() if line.strip()}


def test_pack_holds_every_heading_it_keeps_and_none_it_leaves_out(pdfs, built_site):
    text = pdf_text(pdfs / "onboarding-pack.pdf")
    kept, lines = words(text), _lines(text)
    for entry in _pack()["pages"]:
        article = content(page(built_site, _url(entry["page"])))
        gone = _left_out(article, entry.get("leave_out", []))
        for_managers = entry.get("manager_notes", "print") == "leave out"
        for heading in article.select("h2, h3"):
            title = heading.get_text(" ", strip=True)
            if for_managers and heading.find_parent(class_="pb-manager-note"):
                assert words(title) not in lines, f"{entry['page']}: '{title}' is for managers and left out, but printed"
            elif heading.get("id") in gone:
                assert words(title) not in lines, f"{entry['page']}: '{title}' is left out but printed"
            elif title in _visible_headings(article):
                assert words(title) in kept, f"{entry['page']}: heading '{title}' is missing"
        for summary in article.select("details > summary"):
            printed = words(summary.get_text(" ", strip=True)) in lines
            assert printed == (entry.get("collapsed", "open") == "open"), f"{entry['page']}: '{summary.get_text()}'"
    assert "download" not in kept  # paper cannot download itself


def test_the_meetings_day_one_asks_a_new_rep_to_book_are_listed_beside_it(pdfs):
    """Day 1 asks a new rep to book the meetings of their coaching rhythm in both calendars; the pack printed only
    the words "your coaching rhythm", whose link paper can't follow. Each meeting prints with how often and how
    long, in the first four pages with Day 1 (the first week's checklist, which lists the days' tasks again, stays
    on the site to make room)."""
    pdf = pdfs / "onboarding-pack.pdf"
    lines = [words(line) for number in range(1, 5) for line in pdf_text(pdf, number).splitlines()]
    for meeting in data("rhythm")["meetings"]:
        hours, minutes = divmod(meeting["minutes"], 60)
        length = " ".join(([f"{hours} h"] if hours else []) + ([f"{minutes} min"] if minutes else []))
        week = meeting.get("week_of_month")
        held = meeting["how_often"] + (f", in the {['first', 'second', 'third', 'fourth'][week - 1]} week" if week else "")
        assert words(f"{plain(meeting['name'])}: {held}, {length}") in lines, meeting["id"]


def test_a_new_rep_sent_to_call_in_the_first_week_has_the_calling_rules_on_paper_and_not_the_managers_part(pdfs):
    """Day 5 sends a new rep to call "as the law allows", and a reviewer found the do-not-contact screening,
    the number display and the listening-in consent only in the boot camp's schedule, which the pack leaves out.
    Every calling-block rule prints; what each boot-camp step asks of the manager does not."""
    footers = re.compile(rf"^(Page \d+ of \d+|{re.escape(_pack()['title'])} · .*)$")  # a rule may run over a page
    text = words(" ".join(line for line in pdf_text(pdfs / "onboarding-pack.pdf").splitlines() if not footers.match(line.strip())))
    bootcamp = data("bootcamp")
    for rule in bootcamp["calling_blocks"]:
        assert words(plain(rule["text"])) in text, f"calling-block rule '{rule['id']}' is not in the pack"
    for step in bootcamp["steps"]:
        assert words(plain(step["coaching_role"])) not in text, step["id"]


def _pack() -> dict:
    return next(d for d in data("printing")["documents"] if d["id"] == "onboarding-pack")


def test_pack_fits_its_pages_with_the_first_week_in_the_first_four(pdfs):
    pdf = pdfs / "onboarding-pack.pdf"
    assert page_count(pdf) <= _pack().get("at_most_pages", 16)
    first_four = words(" ".join(pdf_text(pdf, number) for number in range(1, 5)))
    for day in data("onboarding")["first_week"]:
        assert words(day["name"]) in first_four, day["id"]


def test_a_step_or_milestone_heading_starts_on_the_page_of_its_cards(pdfs):
    """A new hire found "2. Build the account plan" and "Day 90: At full activity" at the foot of a page, with
    their cards on the next. Each boot-camp step's heading, and each ramp milestone's, shares a page with its
    first card's title."""
    pdf = pdfs / "onboarding-pack.pdf"
    strings = data("strings")
    pages = [[words(line) for line in pdf_text(pdf, number).splitlines()] for number in range(1, page_count(pdf) + 1)]
    parts = [(f"{number}. {plain(step['name'])}", strings["bootcamp"]["activities"]) for number, step in enumerate(data("bootcamp")["steps"], 1)]
    parts += [(plain(milestone["name"]), strings["ramp"]["good_looks_like"]) for milestone in data("ramp")["milestones"]]
    for heading, card in parts:
        (lines,) = [lines for lines in pages if words(heading) in lines]
        assert words(card) in lines[lines.index(words(heading)):], f"{heading!r} is on a page without its first card"


def _card():
    return next(d for d in data("printing")["documents"] if d.get("pocket"))


def test_pocket_card_is_one_landscape_sheet_of_the_questions_the_leader_picked(pdfs):
    from pypdf import PdfReader

    pdf = pdfs / f"{_card()['id']}.pdf"
    (sheet,) = PdfReader(pdf).pages
    assert sheet.mediabox.width > sheet.mediabox.height
    text = words(pdf_text(pdf))
    picked = set(_card()["questions"])
    bank = data("coaching_questions")
    for question in bank["questions"]:
        assert (words(plain(question["text"])) in text) == (question["id"] in picked), question["id"]
    # grouped by stage, in the bank's order
    stages = [stage["name"] for stage in bank["stages"] if any(q["stage"] == stage["id"] and q["id"] in picked for q in bank["questions"])]
    lines = [words(line) for line in pdf_text(pdf, raw=True).splitlines()]
    assert [line for line in lines if line in {words(name) for name in stages}] == [words(name) for name in stages]


def test_nothing_on_the_pocket_card_crosses_a_fold_and_every_panel_is_used(pdfs, tmp_path):
    dpi, clear_mm = 30, 3
    ((width, height, pixels),) = grey_pages(pdfs / f"{_card()['id']}.pdf", dpi, tmp_path)
    clear = round(clear_mm / MM_PER_INCH * dpi)

    def dark(x0, x1):
        return sum(1 for y in range(height) for x in range(x0, x1) if pixels[y * width + x] < 200)

    for quarter in (1, 2, 3):
        fold = round(width * quarter / 4)
        assert dark(fold - clear, fold + clear) == 0, f"something crosses fold {quarter}"
    for panel in range(4):
        assert dark(round(width * panel / 4) + clear, round(width * (panel + 1) / 4) - clear) > 50, f"panel {panel + 1} is empty"


def _panel_lines(pdf) -> list[tuple[int, str]]:
    """The pocket card's lines of text as printed, each with the panel (0 to 3, left to right) it starts in."""
    from pypdf import PdfReader

    (sheet,) = PdfReader(pdf).pages
    width = float(sheet.mediabox.width)
    lines = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            lines.append((int(x * 4 // width), text.strip()))

    sheet.extract_text(visitor_text=seen)
    return lines


def test_each_stage_s_questions_stay_on_the_panel_of_its_heading(pdfs):
    """A new hire found four of Diagnose's questions at the top of the next panel, over a fold, with no heading."""
    names = {words(stage["name"]) for stage in data("coaching_questions")["stages"]}
    panel = None
    for where, text in _panel_lines(pdfs / f"{_card()['id']}.pdf"):
        if words(text) in names:
            panel, stage = where, text
        elif panel is not None:
            assert where == panel, f"{stage}: {text!r} is on panel {where + 1}, its heading on panel {panel + 1}"
    assert panel is not None, "no stage heading found on the card"


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


def test_leave_out_takes_a_card_by_its_title_and_names_what_a_page_lacks_at_its_line(built_site, browser):
    """Without printing: the part of `make pdf` that reads a page for a document, on two pages."""
    import pytest

    from macros.model import PrintedPage
    from macros.pdf import PrintError, _extract
    from macros.static_server import serve

    with serve(built_site) as root:
        context = browser.new_context(java_script_enabled=False)
        try:
            home = _extract(context, root, PrintedPage("index.md", None, None, 7, leave_out=["I edit this handbook", "what-is-inside"]))
            assert "I sell" in home.html and "I edit this handbook" not in home.html and "What is inside" not in home.html
            with pytest.raises(PrintError, match=r"^data/printing\.yml:12: leave_out names 'reviews', but the page 'charter\.md' has no heading"):
                _extract(context, root, PrintedPage("charter.md", None, None, 12, leave_out=["review", "reviews"]))
        finally:
            context.close()


def test_a_pocket_card_with_more_questions_than_fit_is_refused_at_its_line(built_site, browser):
    """Four fixed columns: more questions would run off the side of the sheet, unread, so printing stops."""
    import dataclasses

    import pytest

    from macros.handbook import Project, load_handbook
    from macros.pdf import PrintError, _print_card
    from macros.static_server import serve
    from tests.conftest import ROOT

    handbook = load_handbook(Project(ROOT))
    card = next(document for document in handbook.printing.documents if document.pocket)
    crowded = dataclasses.replace(card, questions=[question.id for question in handbook.questions.questions])
    with serve(built_site) as root:
        context = browser.new_context(java_script_enabled=False)
        try:
            with pytest.raises(PrintError, match=rf"^data/printing\.yml:{card.line}: the pocket card '{card.id}' holds more than fits on one sheet"):
                _print_card(context, root, crowded, handbook)
        finally:
            context.close()


def test_a_pack_longer_than_its_at_most_pages_stops_the_printing_at_its_line(pdfs):
    """A leader adds to the pages a pack prints until it is a book: printing stops and names the line to change."""
    import dataclasses

    import pytest

    from macros.handbook import Project, load_handbook
    from macros.pdf import PrintError, _check_length
    from tests.conftest import ROOT

    pack = next(document for document in load_handbook(Project(ROOT)).printing.documents if document.id == "onboarding-pack")
    printed = (pdfs / "onboarding-pack.pdf").read_bytes()
    pages = page_count(pdfs / "onboarding-pack.pdf")
    _check_length(printed, dataclasses.replace(pack, at_most_pages=pages))  # exactly its length: printed
    with pytest.raises(PrintError, match=rf"^data/printing\.yml:{pack.line}: 'onboarding-pack' prints {pages} pages, more than its at_most_pages \({pages - 1}\); leave out"):
        _check_length(printed, dataclasses.replace(pack, at_most_pages=pages - 1))


def _printed(built_site, browser, address: str, tmp_path) -> Path:
    """The built page at `address` printed on A4, as a reader prints it from the browser."""
    from macros.static_server import serve

    path = tmp_path / (address.strip("/").replace("/", "-") + ".pdf")
    with serve(built_site) as root:
        context = browser.new_context()
        try:
            printed = context.new_page()
            printed.goto(root + address)
            printed.emulate_media(media="print")
            path.write_bytes(printed.pdf(format="A4", print_background=True))
        finally:
            context.close()
    return path


def test_each_objection_prints_whole_on_one_page(built_site, browser, tmp_path):
    """A rep prints objection handling to take into a meeting; each objection split across two sheets (a rep's
    review: every one was) means turning pages mid-call."""
    pages = [words(text) for text in pdf_text(_printed(built_site, browser, "coaching/objections/", tmp_path), raw=True).split("\f")]  # raw: a card reads whole
    for objection in data("objections")["objections"]:
        # its first saying may also be in the page's list of objections, so the card starts at its second
        first, last = words(objection["sounds_like"][1]), words(plain(objection["mistakes"][-1]))
        on = [number for number, text in enumerate(pages, 1) if first in text]
        assert on and last in pages[on[0] - 1], f"{objection['id']} starts on page {on} and ends on another"


def test_each_boot_camp_week_starts_on_the_page_of_its_table(built_site, browser, tmp_path):
    """A sales leader printed the boot-camp page: each week's heading and intro were at the foot of a page, its
    table of days on the next. Each week's heading now shares a page with its table's first day."""
    pages = [[words(line) for line in text.splitlines()] for text in pdf_text(_printed(built_site, browser, "bootcamp/", tmp_path)).split("\f")]
    for week in data("bootcamp")["schedule"]:
        heading, first_day = words(plain(week["name"])), words(plain(week["days"][0]["plan"]).split(".")[0][:30])
        (lines,) = [lines for lines in pages if heading in lines]
        assert any(first_day in line for line in lines[lines.index(heading):]), f"{week['name']!r} is on a page without its table"
