"""Counts that data text states about the handbook's own lists ("the six levels", the boot camp's "four weeks").

Pages ask for these counts with `how_many` (macros/mentions.py); data text cannot run macros, so a sentence that
counts a list is checked against the list instead: a leader who adds a seventh level is told which sentences
still say six, and one who cuts the boot camp to three weeks which still name its "week 4"."""

import re
from dataclasses import dataclass

from .loading import LocatedData
from .model import in_words, number_from_words
from .problems import Problem, quoted
from .words import Words


@dataclass(frozen=True)
class StatedCount:
    """A list (named as mentions.LISTS names it), where it lives, how running text counts it, and the data files
    whose text means this list when it says so (None: every file)."""

    name: str
    file: str
    path: tuple
    noun: str
    phrase: re.Pattern
    said_in: frozenset | None = None
    ordinal: re.Pattern | None = None  # how text names one item by its number ("week 4"), checked to be one there is


STATED_COUNTS = [
    StatedCount("levels", "levels", ("levels",), "levels", re.compile(r"\b(?:the|all|these)\s+(\w+)\s+levels\b", re.IGNORECASE)),
    # "weeks" means the boot camp's schedule only where the text is about the boot camp; elsewhere "the next
    # two weeks" is a span of time, and a phrase needs "the" or "in" (or to open the text) to count the weeks.
    StatedCount(
        "boot camp weeks", "bootcamp", ("schedule",), "weeks",
        re.compile(r"(?:^|\bthe\s+|\bin\s+)(\w+)\s+weeks\b", re.IGNORECASE), frozenset({"bootcamp", "glossary:boot-camp"}),
        re.compile(r"\bweek\s+(\d+)\b", re.IGNORECASE),
    ),
]


def check_stated_counts(documents: dict[str, LocatedData]) -> list[Problem]:
    """Every sentence in the data that counts one of STATED_COUNTS' lists gives the list's length, its number in
    English or in the words of the language being checked (data/strings.yml's `numbers`, translated)."""
    problems = []
    strings = documents.get("strings")
    words = Words(strings.value, "") if strings is not None and isinstance(strings.value.get("numbers"), dict) else None
    for counted in STATED_COUNTS:
        source = documents.get(counted.file)
        items = source and _at(source.value, counted.path)
        if not isinstance(items, list):
            continue
        for name, document in documents.items():
            for path, text in document.texts():
                if _said_in(counted, name, document.value, path):
                    problems += [
                        document.problem(path, _message(counted, match.group(0).strip(), len(items), source.file))
                        for match in counted.phrase.finditer(text)
                        if number_from_words(match.group(1), words) not in (None, len(items))
                    ]
                    problems += [
                        document.problem(path, f"the text names {quoted(match.group(0))}, but {source.file} has {len(items)} {counted.noun}; name one of those, or add it there")
                        for match in (counted.ordinal.finditer(text) if counted.ordinal else ())
                        if int(match.group(1)) > len(items)
                    ]
    return problems


def _said_in(counted: StatedCount, name: str, value, path: tuple) -> bool:
    """Whether text at `path` of file `name` counts this list: any file, the named files, or one item of a file
    named `file:id` (a glossary term)."""
    if counted.said_in is None or name in counted.said_in:
        return True
    owner = _at(value, path[:2]) if len(path) > 2 else None
    return isinstance(owner, dict) and f"{name}:{owner.get('id')}" in counted.said_in


def _message(counted: StatedCount, said: str, count: int, source: str) -> str:
    return (
        f"the text says {quoted(said)}, but {source} has {count} {counted.noun} (write {quoted(in_words(count) + ' ' + counted.noun)}, "
        f"or say it without a number)"
    )


def _at(value, path: tuple):
    for key in path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value
