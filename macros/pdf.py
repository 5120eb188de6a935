"""Print the documents listed in data/printing.yml from the built site with headless Chromium.

Each document is one browser page: the first listed page of the site, its article replaced by a cover, a
table of contents and the listed pages' articles (without the parts data/printing.yml leaves out), printed
with the site's own print stylesheet. Pages are read with page scripts off, so widgets print as blank paper
forms. The table of contents needs page numbers Chromium cannot compute, so a document with one is printed
twice: once to find on which page each section starts, then with the numbers filled in. The pocket card is
made from the question bank instead: the questions it names, on one landscape sheet of four panels.
"""

import contextlib
import datetime
import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .handbook import load_handbook
from .project import Project
from .inline_markdown import page_url
from .model import PrintDocument
from .problems import quoted
from .rendering import Renderer
from .static_server import serve
from .bundles import css_string

HERE = Path(__file__).parent
CHROMIUM_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"]
# The pocket card: side margins half the gap between print.css's four columns, so the columns' rules fall on
# the folds at each quarter of the sheet; no running footer or page number on a card.
POCKET_PAGE_CSS = "@page { margin: 8mm 6mm; @bottom-left { content: none; } @bottom-right { content: none; } }"
COVER_PAGE_CSS = "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }"


class PrintError(Exception):
    """Something a leader can fix, such as a section id that no page has."""


@dataclass(frozen=True)
class Section:
    title: str
    html: str


# What to tell a leader or developer whose machine has no Chromium.
INSTALL_CHROMIUM = "install Debian's chromium-headless-shell package (apt-get install chromium-headless-shell) or set PLAYBOOK_CHROMIUM"


def chromium_path(full_browser: bool = False) -> str | None:
    """The Chromium to drive, PLAYBOOK_CHROMIUM if set. Else Debian's chromium-headless-shell: the same Blink
    engine and print path without the desktop browser around it, as Playwright itself runs headless tests and
    prints; a browser test takes about half the CPU time it takes in the full `chromium`, which serves when the
    shell is not installed. `full_browser`: the full browser first, for the benchmarks that time a page as a
    reader's browser loads it."""
    shell = shutil.which("chromium-headless-shell")
    desktop = shutil.which("chromium") or shutil.which("chromium-browser")
    return os.environ.get("PLAYBOOK_CHROMIUM") or (desktop or shell if full_browser else shell or desktop)


def print_documents(project: Project, site_dir: Path, out_dir: Path | None = None, browser=None) -> list[Path]:
    """Write every document in data/printing.yml as `<id>.pdf` into `out_dir` (default: the site).
    Uses `browser` (a Playwright Chromium) when given, else launches the system Chromium."""
    handbook = load_handbook(project)
    out_dir = out_dir or site_dir
    if browser is None:
        with _launch() as launched:
            return print_documents(project, site_dir, out_dir, launched)
    written = []
    address = site_address(site_dir)
    with serve(site_dir) as root:
        context = browser.new_context(java_script_enabled=False)
        try:
            for document in handbook.printing.documents:
                path = out_dir / f"{document.id}.pdf"
                if document.pocket:
                    path.write_bytes(_print_card(context, root, document, handbook))
                else:
                    sections = [_extract(context, root, printed) for printed in document.pages]
                    path.write_bytes(_print(context, root, document, sections, handbook, address))
                written.append(path)
        finally:
            context.close()
    return written


@contextlib.contextmanager
def _launch():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise PrintError(f"no Chromium found: {INSTALL_CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def _extract(context, root: str, printed) -> Section:
    where = f"data/printing.yml:{printed.line}"
    page = context.new_page()
    try:
        response = page.goto(root + page_url(printed.page))
        if response is None or not response.ok:
            raise PrintError(f"{where}: the page {quoted(printed.page)} is not in the built site; run `make build` first")
        options = {"section": printed.section, "collapsed": printed.collapsed, "managerNotes": printed.manager_notes, "leaveOut": printed.leave_out}
        found = page.evaluate((HERE / "print_extract.js").read_text(encoding="utf-8"), options)
    finally:
        page.close()
    if found is None:
        raise PrintError(f"{where}: the page {quoted(printed.page)} has no heading with the id {quoted(printed.section)}")
    if found["missing"]:
        names = ", ".join(quoted(name) for name in found["missing"])
        raise PrintError(f"{where}: leave_out names {names}, but the page {quoted(printed.page)} has no heading with that id or card with that title")
    return Section(title=printed.title or found["title"], html=found["html"])


def site_address(site_dir: Path) -> str | None:
    """Where readers find the site online, so paper that names a page or a tool says where it is: the home
    page's canonical address (mkdocs.yml's site_url, or SITE_URL when the site was built), without the scheme.
    None for a site built for this machine only (127.0.0.1, localhost), whose address means nothing on paper."""
    try:
        home = (site_dir / "index.html").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    if not found:
        return None
    address = urlsplit(found[1])
    if address.hostname in (None, "localhost") or address.hostname.startswith("127."):
        return None
    return (address.netloc + address.path).rstrip("/")


def _print(context, root: str, document: PrintDocument, sections: list[Section], handbook, address: str | None) -> bytes:
    numbers = [None] * len(sections)
    pdf = _render(context, root, document, sections, handbook, numbers, address)
    if document.contents:
        numbers = _start_pages(pdf, [section.title for section in sections], 1)
        pdf = _render(context, root, document, sections, handbook, numbers, address)
    _check_length(pdf, document)
    return pdf


def _check_length(pdf: bytes, document: PrintDocument) -> None:
    """A document that prints longer than its `at_most_pages` stops the printing, naming its line: a pack a new
    hire should read in a sitting grows a page at a time as leaders add to the pages it prints."""
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    if document.at_most_pages is not None and pages > document.at_most_pages:
        raise PrintError(
            f"data/printing.yml:{document.line}: {quoted(document.id)} prints {pages} pages, more than its"
            f" at_most_pages ({document.at_most_pages}); leave out a section of one of its pages (leave_out), or"
            " shorten what it prints"
        )


def _print_card(context, root: str, document: PrintDocument, handbook) -> bytes:
    """The pocket card, made from the bank's questions the document picks, by stage in the bank's order."""
    picked = set(document.questions)
    stages = [
        (stage, [question for question in handbook.questions.questions if question.stage == stage.id and question.id in picked])
        for stage in handbook.questions.stages
    ]
    card = Renderer().render(
        "print_card.html",
        page_url("coaching/questions.md"),
        document=document,
        handbook=handbook,
        team=handbook.charter.team,
        date=datetime.date.today().isoformat(),
        stages=[(stage, questions) for stage, questions in stages if questions],
    )
    pdf = _in_page(context, root, "coaching/questions.md", document, {"front": str(card), "sections": [], "footer": None, "pocket": True, "pageCss": POCKET_PAGE_CSS})
    _check_fits(pdf, document, [question for _, questions in stages for question in questions])
    return pdf


def _check_fits(pdf: bytes, document: PrintDocument, questions: list) -> None:
    """A card that holds more than its sheet runs off the side of it (four fixed columns), so every question
    must be there to read, on one page."""
    from pypdf import PdfReader

    def letters(text: str) -> str:  # without spaces: lines break mid-sentence in Japanese or Chinese
        return "".join(re.findall(r"\w+", re.sub(r"\]\([^)]*\)", "", text)))

    pages = PdfReader(io.BytesIO(pdf)).pages
    text = letters(" ".join(page.extract_text() or "" for page in pages))
    missing = [question for question in questions if letters(question.text) not in text]
    if len(pages) > 1 or missing:
        raise PrintError(
            f"data/printing.yml:{document.line}: the pocket card {quoted(document.id)} holds more than fits on one sheet"
            f" ({len(questions)} questions); take some out of its 'questions', or shorten its title and subtitle"
        )


def _render(context, root: str, document: PrintDocument, sections: list[Section], handbook, numbers: list, address: str | None) -> bytes:
    """The document with its cover and contents in the handbook's words (print_front.html)."""
    team = handbook.charter.team
    front = Renderer().env.get_template("print_front.html").render(
        document=document,
        handbook=handbook,
        team=team,
        address=address,
        date=datetime.date.today().isoformat(),
        sections=list(zip([section.title for section in sections], numbers)),
    )
    packed = {
        "front": front,
        "sections": [{"html": section.html, "title": section.title} for section in sections],
        "footer": str(css_string(f"{document.title} · {team}")),
        "pocket": False,
        "pageCss": COVER_PAGE_CSS if document.cover else "",
    }
    return _in_page(context, root, document.pages[0].page, document, packed)


def _in_page(context, root: str, docs_page: str, document: PrintDocument, packed: dict) -> bytes:
    """`packed` (see print_pack.js) printed in a page of the built site, with the site's print stylesheet."""
    page = context.new_page()
    try:
        page.goto(root + page_url(docs_page))
        page.evaluate((HERE / "print_pack.js").read_text(encoding="utf-8"), packed)
        page.emulate_media(media="print")
        return page.pdf(format=document.paper, landscape=document.pocket, print_background=True)
    finally:
        page.close()


def _start_pages(pdf: bytes, titles: list[str], front_pages: int) -> list[int]:
    """The page each section's title first appears on, searching forward from the previous section and
    skipping the front page (print.css puts the contents on the cover, and breaks the page after them)."""
    from pypdf import PdfReader

    texts = [_words(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]
    numbers, start = [], front_pages
    for title in titles:
        wanted = _words(title)
        found = next((index for index in range(start, len(texts)) if wanted in texts[index]), None)
        if found is None:
            raise PrintError(f"could not find the section {quoted(title)} in the printed document")
        numbers.append(found + 1)
        start = found
    return numbers


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
