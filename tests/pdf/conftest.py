"""The PDFs printed once per session from the built example handbook, and poppler to read them back."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing_tool


def _require(tool: str) -> None:
    if shutil.which(tool) is None:
        missing_tool(f"{tool} not found: install Debian's poppler-utils")


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
