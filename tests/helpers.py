"""Reading the built site and the data independently of the code under test."""

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT


def data(name: str) -> dict:
    """A data file read with plain PyYAML, not with the project's loader."""
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The page's article, without material's navigation and chrome."""
    return soup.select_one("article.md-content__inner")


def plain(markdown_text: str) -> str:
    """What inline Markdown reads as: links become their text, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return " ".join(text.split())


def normalise(text: str) -> str:
    return re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(text.split()))
