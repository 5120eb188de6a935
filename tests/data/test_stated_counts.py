"""Sentences in the data that count the handbook's own lists ("the six levels", the boot camp's "four weeks")
are checked against the lists: a leader who adds a level or a week is told every sentence that still gives the
old count, at its line, and nothing else. Where the sentences are is worked out here with plain PyYAML."""

from pathlib import Path

import pytest
import yaml

from macros.project import copy_project
from tests.helpers import problems_of

SAYS = "the text says"


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "handbook")


def _scalars(node, found: list) -> list:
    """Every scalar node under `node`, as PyYAML composes the file."""
    if isinstance(node, yaml.ScalarNode):
        found.append(node)
    for child in node.value if isinstance(node, yaml.SequenceNode) else ():
        _scalars(child, found)
    for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
        _scalars(value, found)
    return found


TITLE = "*six levels of a sales professional*"


def _lines_saying(handbook: Path, file: str, words: str, within=None) -> set[tuple[str, int]]:
    """(file, line) of each text in data/FILE that contains `words`; `within` narrows to one part of the file."""
    root = yaml.compose((handbook / "data" / file).read_text(encoding="utf-8"))
    part = within(root) if within else root
    # The title of the work the ladder draws on names its count, not the handbook's.
    return {(f"data/{file}", node.start_mark.line + 1) for node in _scalars(part, []) if words in node.value.lower().replace(TITLE, "")}


def _counted_problems(handbook: Path) -> dict[tuple[str, int], str]:
    found = {}
    for problem in problems_of(handbook):
        file, line, _, message = problem.split(":", 3)
        if SAYS in message:
            found[(file, int(line))] = message
    return found


def _edit(handbook: Path, file: str, change) -> None:
    path = handbook / "data" / file
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def _renamed(value, suffix: str):
    """A copy of a data item with every id under it made new."""
    if isinstance(value, dict):
        return {key: (item + suffix if key == "id" else _renamed(item, suffix)) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, suffix) for item in value]
    return value


def test_the_example_counts_its_lists_rightly(handbook):
    assert _counted_problems(handbook) == {}


def test_a_seventh_level_flags_every_sentence_that_still_says_six(handbook):
    _edit(handbook, "levels.yml", lambda value: value["levels"].append(_renamed(value["levels"][-1], "-beyond")))
    expected = set()
    for file in sorted(path.name for path in (handbook / "data").glob("*.yml")):
        expected |= _lines_saying(handbook, file, "six levels")
    assert len(expected) >= 7, "the example counts its levels in many places"

    found = _counted_problems(handbook)
    assert set(found) == expected
    for message in found.values():
        assert "six levels'" in message.lower() and "data/levels.yml has 7 levels" in message and "'seven levels'" in message


def test_a_fifth_boot_camp_week_flags_the_boot_camp_texts_but_not_other_spans_of_weeks(handbook):
    _edit(handbook, "bootcamp.yml", lambda value: value["schedule"].append(_renamed(value["schedule"][-1], "-extra")))

    def boot_camp_term(root):
        terms = next(value for key, value in root.value if key.value == "terms")
        return next(term for term in terms.value if any(k.value == "id" and v.value == "boot-camp" for k, v in term.value))

    expected = _lines_saying(handbook, "bootcamp.yml", "four weeks") | _lines_saying(handbook, "glossary.yml", "four weeks", boot_camp_term)
    assert {file for file, _ in expected} == {"data/bootcamp.yml", "data/glossary.yml"}
    # "the next two weeks" in the boot camp and "every two weeks" in the plan for when coaching stalls are spans of
    # time, not counts.
    assert _lines_saying(handbook, "bootcamp.yml", "next two weeks") and _lines_saying(handbook, "when_coaching_stalls.yml", "every two weeks")

    found = _counted_problems(handbook)
    assert set(found) == expected
    for message in found.values():
        assert "data/bootcamp.yml has 5 weeks" in message and "'five weeks'" in message


def test_a_boot_camp_cut_to_three_weeks_flags_each_text_still_naming_week_4(handbook):
    """A leader's case: with the fourth week deleted and every "four weeks" fixed, the boot camp still said "the
    discovery meeting you join in week 4" and set a target "by Friday of boot camp week 4", a week it no longer
    has. Each is reported at its line; a new rep's own "week 4" elsewhere is not the boot camp's."""
    _edit(handbook, "bootcamp.yml", lambda value: value["schedule"].pop())
    expected = _lines_saying(handbook, "bootcamp.yml", "week 4")
    assert expected and _lines_saying(handbook, "onboarding.yml", "week 4")
    named = {}
    for problem in problems_of(handbook):
        file, line, _, message = problem.split(":", 3)
        if "the text names" in message:
            named[(file, int(line))] = message
    assert set(named) == expected
    for message in named.values():
        assert "'week 4', but data/bootcamp.yml has 3 weeks; name one of those, or add it there" in message
