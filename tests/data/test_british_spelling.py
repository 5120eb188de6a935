"""The example handbook is written in British English (its pages say lang="en-GB"): no American spellings in the
data or the pages. docs/editing.md says how a team switches; a team that does changes this list too."""

import re

import yaml

from tests.conftest import ROOT

# Word stems spelt one way in American and another in British English, matched at the start of a word.
AMERICAN = [
    "organiz", "prioritiz", "recogniz", "realiz", "summariz", "apologiz", "emphasiz", "minimiz", "maximiz",
    "customiz", "standardiz", "categoriz", "specializ", "utiliz", "finaliz", "criticiz", "optimiz", "analyz",
    "behavior", "color", "favor", "honor", "labor", "neighbor", "center", "enroll", "traveled",
    "traveling", "canceled", "canceling", "modeling", "judgment", "fulfill ", "defense", "offense", "practicing",
]
_AMERICAN = re.compile(r"\b(" + "|".join(re.escape(stem) for stem in AMERICAN) + r"|catalog\b)", re.IGNORECASE)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _texts():
    for path in sorted((ROOT / "data").glob("*.yml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield f"data/{path.name}", text
    for path in sorted((ROOT / "docs").rglob("*.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_the_handbook_uses_british_spelling():
    found = [f"{file}: {match.group(0)}… in “{text[max(0, match.start() - 30): match.end() + 30]}”" for file, text in _texts() for match in _AMERICAN.finditer(text)]
    assert found == []


def test_the_check_finds_an_american_spelling():
    assert _AMERICAN.search("Organize the territory around your best behavior.")
    assert not _AMERICAN.search("Organise the territory around your best behaviour; size the pipeline.")
