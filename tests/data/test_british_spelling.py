"""The example handbook is written in British English (its pages say lang="en-GB"): no American spellings in the
data or the pages. docs/editing.md says how a team switches; a team that does changes this list too."""

import re

from tests.helpers import handbook_texts

# Word stems spelt one way in American and another in British English, matched at the start of a word.
AMERICAN = [
    "organiz", "prioritiz", "recogniz", "realiz", "summariz", "apologiz", "emphasiz", "minimiz", "maximiz",
    "customiz", "standardiz", "categoriz", "specializ", "utiliz", "finaliz", "criticiz", "optimiz", "analyz",
    "behavior", "color", "favor", "honor", "labor", "neighbor", "center", "enroll", "traveled",
    "traveling", "canceled", "canceling", "modeling", "judgment", "fulfill ", "defense", "offense", "practicing",
]
_AMERICAN = re.compile(r"\b(" + "|".join(re.escape(stem) for stem in AMERICAN) + r"|catalog\b)", re.IGNORECASE)


def test_the_handbook_uses_british_spelling():
    found = [f"{file}: {match.group(0)}… in “{text[max(0, match.start() - 30): match.end() + 30]}”" for file, text in handbook_texts() for match in _AMERICAN.finditer(text)]
    assert found == []


def test_the_check_finds_an_american_spelling():
    assert _AMERICAN.search("Organize the territory around your best behavior.")
    assert not _AMERICAN.search("Organise the territory around your best behaviour; size the pipeline.")
