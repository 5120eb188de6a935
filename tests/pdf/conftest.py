"""The PDFs printed once per session from the built example handbook, and poppler to read them back."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing_tool


def _require(tool: str) -> None:
    if shutil.which(tool) is None:
        missing_tool(f"{tool} not found: install Debian's poppler-utils")


def require_fonts(*languages: str) -> None:
    """Chromium prints a script only with a font that covers it (else empty boxes): ask fontconfig for one."""
    if shutil.which("fc-list") is None:
        missing_tool("fc-list not found: install Debian's fontconfig")
    for language in languages:
        fonts = subprocess.run(["fc-list", f":lang={language}", "family"], capture_output=True, text=True, check=True).stdout
        if not fonts.strip():
            missing_tool(f"no font covers '{language}' text: install Debian's fonts-noto-core and fonts-noto-cjk")


@pytest.fixture(scope="session")
def pdfs(built_site: Path, browser, tmp_path_factory) -> Path:
    """A folder holding every document in data/printing.yml, printed as `make pdf` prints them."""
    from macros.handbook import Project
    from macros.pdf import print_documents

    out = tmp_path_factory.mktemp("pdfs")
    print_documents(Project(ROOT), built_site, out, browser)
    return out


def pdf_text(path: Path, page: int | None = None, raw: bool = False) -> str:
    """The PDF's text; `raw` keeps the order it was written in, so a box in a grid of columns reads whole."""
    _require("pdftotext")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, *(["-raw"] if raw else []), str(path), "-"], capture_output=True, text=True, check=True).stdout


def missing_glyphs(path: Path) -> int:
    """How many characters the PDF prints as a font's missing glyph (.notdef, glyph id 0), the empty box Chromium
    draws for a character no installed font covers. pdftotext still reads such a character back, so text alone
    cannot tell. Chromium writes text as two-byte glyph ids (Identity-H) or as drawn Type 3 glyphs."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream, TextStringObject

    reader = PdfReader(path)
    missing = 0
    for page in reader.pages:
        fonts, font = page["/Resources"]["/Font"], None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font = fonts[operands[0]].get_object()
            elif operator in (b"Tj", b"TJ") and font.get("/Encoding") == "/Identity-H":
                texts = operands[0] if operator == b"TJ" else operands  # TJ: strings and spacing numbers
                for text in texts:
                    if isinstance(text, (str, bytes)):
                        codes = text.original_bytes if isinstance(text, TextStringObject) else bytes(text)
                        missing += sum(codes[i : i + 2] == b"\0\0" for i in range(0, len(codes), 2))
    return missing


def page_count(path: Path) -> int:
    return pdf_text(path).count("\f")


def grey_pages(path: Path, dpi: int, out: Path) -> list[tuple[int, int, bytes]]:
    """Every page rendered by pdftoppm as 8-bit grey pixels: (width, height, pixels)."""
    _require("pdftoppm")
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(path), str(out / "page")], check=True)
    pages = []
    for image in sorted(out.glob("page-*.pgm")):
        header, pixels = _read_pgm(image.read_bytes())
        pages.append((*header, pixels))
    return pages


def _read_pgm(raw: bytes) -> tuple[tuple[int, int], bytes]:
    fields, position = [], 0
    while len(fields) < 4:  # P5, width, height, maxval, separated by whitespace
        while raw[position:position + 1].isspace():
            position += 1
        end = position
        while not raw[end:end + 1].isspace():
            end += 1
        fields.append(raw[position:end])
        position = end
    assert fields[0] == b"P5" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    return (width, height), raw[position + 1:position + 1 + width * height]
