"""The handbook is written in its own words: no run of eight or more words in the data or the pages repeats the
five source articles in ../shared/sources (facts and figures carry over, sentences do not). Titles of cited works
are short enough to pass; a longer one would be listed here with the reason."""

import re

import pytest

from tests.conftest import ROOT
from tests.helpers import handbook_texts

SOURCES = ROOT.parent / "shared" / "sources"
RUN = 8
# The articles are kept outside the repository, so a clone alone (GitHub's CI) has no ../shared/sources.
pytestmark = pytest.mark.may_skip_in_ci(
    reason="the source articles are not part of the repository; the check runs where ../shared/sources sits beside it"
)
# Titles of cited works, quoted as they were published.
CITED_TITLES = [
    "High Growth Sales Leadership Embraces Coaching over Managing",  # the article the manager-vs-coach table credits
    "Sales Leadership Lessons I Wish I Could Have Given to My Younger Self",  # source 003, cited on the coaching page
    "When Stepping in Does More Harm Than Good as a Sales Manager",  # source 001, credited under the reasons to hold back
]
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def _words(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(text.lower())]


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _without_titles(text: str) -> str:
    for title in CITED_TITLES:
        text = text.replace(title, " | ")
    return text


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    if not SOURCES.is_dir():
        pytest.skip("the source articles are not beside the repository (../shared/sources)")
    return set().union(*(_runs(_words(path.read_text(encoding="utf-8"))) for path in sorted(SOURCES.glob("*.txt"))))


def test_no_run_of_eight_words_is_copied_from_the_sources(source_runs):
    copied = [
        f"{file}: …{' '.join(run)}…"
        for file, text in ((file, _without_titles(text)) for file, text in handbook_texts())
        for run in sorted(_runs(_words(text)) & source_runs)
    ]
    assert copied == []


def test_the_check_finds_a_copied_sentence(source_runs):
    """The check itself works: a sentence lifted from a source is caught."""
    lifted = (SOURCES / "000_07e5a1513793f99d.txt").read_text(encoding="utf-8").split("\n\n")[2]
    assert _runs(_words(lifted)) & source_runs
