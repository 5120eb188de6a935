"""A problem found in the data, located at a file, line and column, and its two printed forms."""

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from itertools import groupby

# A leader fixes problems from the top; past this many in one file, more lines only bury the first ones.
MAX_PROBLEMS_PER_FILE = 100
# A value quoted in a message is cut to about this many characters: enough to recognise it on its line.
QUOTE_LENGTH = 60
# Characters that would break a message's line, reorder it (bidirectional controls) or hide in it (zero-width
# ones): control, format, line and paragraph separator characters.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
# How a line break shows in a quoted value, in problems and in the change summary alike.
LINE_BREAK = "⏎"
_SHOWN_AS = {"\n": LINE_BREAK, "\t": "\\t", "\r": "\\r"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a leader must fix; ordered by file, then line, then column."""

    file: str
    line: int
    column: int
    message: str
    # True for what a leader should know but that does not stop a build: what a translation still lacks.
    warning: bool = False
    # The name of the language whose translation lacks what the warning names (languages.untranslated), which
    # validate lists after the warnings that want acting on, and GitHub counts in one annotation.
    untranslated_in: str = ""

    def as_text(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {'warning: ' if self.warning else ''}{self.message}"

    def as_github(self) -> str:
        """A GitHub Actions annotation, escaped as the Actions toolkit escapes them."""
        return (
            f"::{'warning' if self.warning else 'error'} file={_escape_property(self.file)},line={self.line},col={self.column}"
            f"::{_escape_data(self.message)}"
        )


def readable(value) -> str:
    """A data value as a message shows it, on one line: a line break shows as ⏎, other invisible characters
    as an escape (\\x1b, \\u2028), and a long value is cut to QUOTE_LENGTH characters ending in ….
    Problems print one to a line, so no value may break one; a list or mapping shows in brackets."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > QUOTE_LENGTH:
        text = text[:QUOTE_LENGTH - 1].rstrip() + "…"
    return "".join(map(_shown, text))


def likely(wanted, known) -> str | None:
    """What a leader most likely meant by `wanted` among `known` (the closest spelling), or None. Not one that
    differs only in its numbers: 'week-5' for 'week-4' names another item, and guessing it would mislead."""
    guess = difflib.get_close_matches(str(wanted), [str(name) for name in known], n=1)
    if not guess or re.sub(r"\d", "", str(wanted)) == re.sub(r"\d", "", guess[0]):
        return None
    return guess[0]


def did_you_mean(wanted, known) -> str:
    """The start of a message's hint: "did you mean 'x'? ", or nothing when nothing is likely."""
    guess = likely(wanted, known)
    return f"did you mean {quoted(guess)}? " if guess else ""


def quoted(value, mark: str = "'") -> str:
    """A data value quoted into a message: readable on one line, between quote marks."""
    return f"{mark}{readable(value)}{mark}"


def _shown(character: str) -> str:
    if character in _SHOWN_AS:
        return _SHOWN_AS[character]
    if unicodedata.category(character) not in _ESCAPED_CATEGORIES:
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def counted(number: int, noun: str) -> str:
    """'1 problem', '2 problems': a count with its noun in the singular or the plural."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def first_per_file(problems) -> list[Problem]:
    """Sorted problems, at most MAX_PROBLEMS_PER_FILE per file; a cut list ends with a line, placed at the
    first problem left out, that says there are more (not how many: the schema check stops counting early)."""
    kept = []
    for _, in_file in groupby(sorted(problems), key=lambda problem: problem.file):
        in_file = list(in_file)
        kept += in_file[:MAX_PROBLEMS_PER_FILE]
        if len(in_file) > MAX_PROBLEMS_PER_FILE:
            first_left_out = in_file[MAX_PROBLEMS_PER_FILE]
            kept.append(Problem(first_left_out.file, first_left_out.line, first_left_out.column,
                                f"…and more problems from here on (only the first {MAX_PROBLEMS_PER_FILE} in a file are listed); fix those, then validate again"))
    return kept


def errors(problems) -> list[Problem]:
    """The problems that stop a build: all but the warnings."""
    return [problem for problem in problems if not problem.warning]


class DataError(Exception):
    """Raised when the handbook data has problems; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.as_text() for p in self.problems))
