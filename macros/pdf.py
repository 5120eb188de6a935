"""Print the documents listed in data/printing.yml from the built site with headless Chromium.

Each document is one browser page: the first listed page of the site, its article replaced by a cover, a
table of contents and the listed pages' articles, printed with the site's own print stylesheet. Pages are
read with page scripts off, so widgets print as blank paper forms. The table of contents needs page
numbers Chromium cannot compute, so a document with one is printed twice: once to find on which page
each section starts, then with the numbers filled in.
"""

import contextlib
import datetime
import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .handbook import Project, load_handbook
from .inline_markdown import page_url
from .model import PrintDocument
from .problems import quoted
from .rendering import Renderer
from .static_server import serve
from .theme_hook import css_string

HERE = Path(__file__).parent
CHROMIUM_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"]
# A pocket card needs far smaller margins than print.css gives a full page.
POCKET_PAGE_CSS = "@page { margin: 7mm 6mm 10mm; }"
COVER_PAGE_CSS = "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }"


class PrintError(Exception):
    """Something a leader can fix, such as a section id that no page has."""


@dataclass(frozen=True)
class Section:
    title: str
    html: str


def chromium_path() -> str | None:
    """The system Chromium (Debian's `chromium`), or PLAYBOOK_CHROMIUM."""
    return os.environ.get("PLAYBOOK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def print_documents(project: Project, site_dir: Path, out_dir: Path | None = None, browser=None) -> list[Path]:
    """Write every document in data/printing.yml as `<id>.pdf` into `out_dir` (default: the site).
    Uses `browser` (a Playwright Chromium) when given, else launches the system Chromium."""
    handbook = load_handbook(project)
    out_dir = out_dir or site_dir
    if browser is None:
        with _launch() as launched:
            return print_documents(project, site_dir, out_dir, launched)
    written = []
    with serve(site_dir) as root:
        context = browser.new_context(java_script_enabled=False)
        try:
            for document in handbook.printing.documents:
                sections = [_extract(context, root, printed) for printed in document.pages]
                path = out_dir / f"{document.id}.pdf"
                path.write_bytes(_print(context, root, document, sections, handbook.charter.team))
                written.append(path)
        finally:
            context.close()
    return written


@contextlib.contextmanager
def _launch():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise PrintError("no Chromium found: install Debian's chromium package (apt-get install chromium) or set PLAYBOOK_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def _extract(context, root: str, printed) -> Section:
    page = context.new_page()
    try:
        response = page.goto(root + page_url(printed.page))
        if response is None or not response.ok:
            raise PrintError(f"data/printing.yml: the page {quoted(printed.page)} is not in the built site; run `make build` first")
        found = page.evaluate((HERE / "print_extract.js").read_text(encoding="utf-8"), printed.section)
    finally:
        page.close()
    if found is None:
        raise PrintError(f"data/printing.yml: the page {quoted(printed.page)} has no heading with the id {quoted(printed.section)}")
    return Section(title=printed.title or found["title"], html=found["html"])


def _print(context, root: str, document: PrintDocument, sections: list[Section], team: str) -> bytes:
    numbers = [None] * len(sections)
    pdf = _render(context, root, document, sections, team, numbers)
    if document.contents:
        numbers = _start_pages(pdf, [section.title for section in sections], int(document.cover) + 1)
        pdf = _render(context, root, document, sections, team, numbers)
    return pdf


def _render(context, root: str, document: PrintDocument, sections: list[Section], team: str, numbers: list) -> bytes:
    front = Renderer().env.get_template("print_front.html").render(
        document=document,
        team=team,
        date=datetime.date.today().isoformat(),
        sections=list(zip([section.title for section in sections], numbers)),
    )
    page_css = (POCKET_PAGE_CSS if document.pocket else "") + (COVER_PAGE_CSS if document.cover else "")
    page = context.new_page()
    try:
        page.goto(root + page_url(document.pages[0].page))
        page.evaluate(
            (HERE / "print_pack.js").read_text(encoding="utf-8"),
            {
                "front": front,
                "sections": [{"html": section.html, "title": section.title} for section in sections],
                "footer": str(css_string(f"{document.title} · {team}")),
                "pocket": document.pocket,
                "pageCss": page_css,
            },
        )
        page.emulate_media(media="print")
        return page.pdf(format=document.paper, print_background=True)
    finally:
        page.close()


def _start_pages(pdf: bytes, titles: list[str], front_pages: int) -> list[int]:
    """The page each section's title first appears on, searching forward from the previous section and
    skipping the cover and the contents (one page each: print.css breaks the page after them)."""
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
