"""The messages the editing guide shows under "When the checks find a problem", made by the very mistakes it
describes on today's data: a leader comparing the guide with what the checks say on their pull request finds the
same words, file, line and column, and the line the guide tells them to fix."""

import re

import pytest

from tests.conftest import ROOT
from tests.helpers import problems_of, replace_once

GUIDE = ROOT / "docs" / "editing.md"

# Each heading's mistake: the data file, the text a leader's slip changes, and what it becomes.
MISTAKES = {
    "A field name the file does not know": ("charter.yml", "    meaning: Your territory, pipeline", "    meanign: Your territory, pipeline"),
    "A YAML syntax error: indentation": ("charter.yml", "  - id: make-our-own-luck\n    name:", "  - id: make-our-own-luck\n   name:"),
    "An id used twice": ("coaching_questions.yml", "  - id: what-each-attendee-cares\n", "  - id: best-outcome-for-customer\n"),
}


def _section(heading: str) -> str:
    return GUIDE.read_text(encoding="utf-8").split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]


@pytest.mark.parametrize("heading", MISTAKES)
def test_the_guides_example_message_is_what_the_checks_say(project, heading):
    file, old, new = MISTAKES[heading]
    replace_once(project, file, old, new)
    shown = re.search(r"```text\n(.*?)```", _section(heading), re.DOTALL).group(1).splitlines()
    assert problems_of(project, file) == shown


@pytest.mark.parametrize("heading", MISTAKES)
def test_the_line_the_guide_says_to_fix_is_the_line_the_slip_changed(heading):
    file, old, new = MISTAKES[heading]
    text = (ROOT / "data" / file).read_text(encoding="utf-8")
    first_changed = next(index for index, (was, now) in enumerate(zip(old.splitlines(), new.splitlines())) if was != now)
    changed = text[: text.index(old)].count("\n") + 1 + first_changed
    said = re.search(r"[Hh]ere(?: on)? line (\d+)", _section(heading)).group(1)
    assert int(said) == changed
