"""Each pipe table at a page's top level put in a block of its own, the Markdown otherwise untouched.

Material's script wraps every plain table in a scrolling box as a page starts. When the table sits directly in
the article, Chromium restyles the whole article for it: on the editing guide, with three such tables, 1,700
elements and about 40 ms of a phone's blocking time (a trace at 4× CPU slowdown, 2026-12-02). Inside a block of
its own only that block is restyled (300 elements). The block is `<div markdown>` (md_in_html), which adds no
style: the page looks the same. Tables in lists, quotes or admonitions already sit in a block of their own."""

import re

# A table's delimiter row, as Python-Markdown's tables extension reads one: cells of dashes, optionally
# with a colon at either end, between pipes.
DELIMITER_ROW = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def wrap_tables(markdown: str) -> str:
    """`markdown` with each top-level table written with a leading pipe (`| a | b |`, as the handbook writes
    them) and ending at a blank line inside `<div markdown>`; tables in fenced code stay as they are."""
    lines = markdown.split("\n")
    out: list[str] = []
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        opens = FENCE.match(line)
        if fence:
            fence = None if opens and opens[1][0] == fence[0] and len(opens[1]) >= len(fence) and not line.strip().strip(fence[0]) else fence
        elif opens:
            fence = opens[1]
        elif _starts_table(lines, index):
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            if end == len(lines) or not lines[end].strip():
                out += ["<div markdown>", "", *lines[index:end], "", "</div>"]
                index = end
                continue
        out.append(line)
        index += 1
    return "\n".join(out)


def _starts_table(lines: list[str], index: int) -> bool:
    """A header row at the left margin after a blank line (or the page's start), then a delimiter row."""
    return (lines[index].startswith("|") and index + 1 < len(lines) and DELIMITER_ROW.match(lines[index + 1]) is not None
            and (index == 0 or not lines[index - 1].strip()))
