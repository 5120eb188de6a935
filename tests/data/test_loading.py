"""The loader: YAML 1.2 scalars, positions kept, and refusals that protect leaders editing by hand."""

from pathlib import Path

import pytest

from macros.loading import load_file


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "file.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_file(path, "data/file.yml")


def test_yaml_1_1_surprises_stay_text(tmp_path):
    document, problems = load(tmp_path, "a: no\nb: on\nc: 2026-01-05\nd: 1:30\ne: true\nf: 1e3\n")
    assert problems == []
    assert document.value == {"a": "no", "b": "on", "c": "2026-01-05", "d": "1:30", "e": True, "f": 1000.0}


def test_positions_of_values_and_keys_are_kept(tmp_path):
    document, _ = load(tmp_path, "levels:\n  - id: one\n    name: One\n")
    assert (document.where(("levels", 0, "name")).line, document.where(("levels", 0, "name")).column) == (3, 11)
    assert (document.where_key(("levels", 0, "name")).line, document.where_key(("levels", 0, "name")).column) == (3, 5)


def test_duplicate_key_names_both_lines(tmp_path):
    _, problems = load(tmp_path, "name: A\nother: x\nname: B\n")
    assert [p.as_text() for p in problems] == ["data/file.yml:3:1: duplicate key 'name' (it is already set on line 1; keep only one)"]


@pytest.mark.parametrize("text, says", [
    ("a: &x [1, 2]\nb: *x\n", "anchors (&name) are not supported"),
    ("a: !!python/object/apply:os.system ['true']\n", "is not supported in handbook data"),
    ("a: !custom x\n", "is not supported in handbook data"),
])
def test_anchors_and_foreign_tags_are_refused(tmp_path, text, says):
    document, problems = load(tmp_path, text)
    assert len(problems) == 1 and says in problems[0].message
    assert problems[0].line == 1


def test_expansion_bomb_is_refused_before_expanding(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    document, problems = load(tmp_path, bomb)
    assert document is None and "not supported" in problems[0].message


def test_byte_order_mark_is_accepted_and_bad_bytes_are_located(tmp_path):
    document, problems = load(tmp_path, b"\xef\xbb\xbfa: b\n")
    assert problems == [] and document.value == {"a": "b"}
    _, problems = load(tmp_path, b"a: b\nc: d\xff\n")
    assert (problems[0].line, problems[0].column) == (2, 5)


def test_deep_nesting_is_reported_not_crashed(tmp_path):
    _, problems = load(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems and "nested too deeply" in problems[0].message


def test_empty_file_loads_as_nothing(tmp_path):
    document, problems = load(tmp_path, "  \n# only a comment\n")
    assert problems == [] and document.value is None


QUOTE = 'put the whole text in double quotes ("…")'


@pytest.mark.parametrize(("text", "line", "column", "says"), [
    # Markdown a leader writes at the start of a text, as the editing guide invites them to
    ("values:\n  - id: one\n    in_practice:\n      - [The team meeting](coaching/rhythm.md) hears the wins.\n      - Another line.\n", 4, 9, f"this text starts with '[', which YAML reads as the start of a list; {QUOTE}"),
    ("rules:\n  - id: a\n    text: [Your 1:1](coaching/one-to-one.md) is protected.\n", 3, 11, f"this text starts with '[', which YAML reads as the start of a list; {QUOTE}"),
    ("items:\n  - id: a\n    text: **Every** week we meet.\n", 3, 11, f"this text starts with '*', which YAML reads as a reference to another value; {QUOTE}"),
    ("items:\n  - id: a\n    text: *Every* week we meet.\n", 3, 11, f"this text starts with '*', which YAML reads as a reference to another value; {QUOTE}"),
    # a quoted word first, and a curly quote pasted from a word processor
    ('items:\n  - id: a\n    text: "Lessons" from each lost deal go to the team.\n  - id: b\n    text: ok\n', 3, 11, "this text starts with a quoted part with more text after it, which YAML reads as the whole value; put the whole text in single quotes ('…'), as it holds double quotes, and write any ' inside it twice"),
    ("items:\n  - id: a\n    text: “If the buyer were in this room: how would they say it?”\n", 3, 11, 'this text starts with a curly quote, which YAML does not read as a quote; put the whole text in straight double quotes (") instead'),
])
def test_a_text_starting_with_what_yaml_reads_otherwise_is_named_with_the_quotes_that_fix_it(tmp_path, text, line, column, says):
    """A new leader's case: "[Your 1:1](…) is protected" was told its indentation did not line up, which sent
    them fiddling with lines that were right. The message is at the text, and says to quote it."""
    _, problems = load(tmp_path, text)
    assert [p.as_text() for p in problems] == [f"data/file.yml:{line}:{column}: YAML syntax error: {says}"]


def test_a_flow_list_above_an_error_is_not_blamed_for_it(tmp_path):
    _, problems = load(tmp_path, 'block: {starts: "08:30", ends: "10:30"}\ndays: [Monday, Tuesday]\nx: a: b\n')
    assert [p.as_text().split(": YAML syntax error: ")[0] for p in problems] == ["data/file.yml:3:5"]
    assert "mapping values are not allowed" in problems[0].message


def test_an_item_missing_its_dash_is_told_once_to_begin_with_one(tmp_path):
    """A new leader's case: a new value pasted without its '- ' gave four "duplicate key … keep only one",
    advice that, followed, deletes the new value or the old one."""
    _, problems = load(tmp_path, "values:\n  - id: one\n    name: One\n    meaning: m\n    id: two\n    name: Two\n    meaning: n\n")
    assert [p.as_text() for p in problems] == ["data/file.yml:5:5: duplicate key 'id' (it is already set on line 2): if line 5 starts a new item, begin that line with '- ' as line 2 does; otherwise keep only one"]


def test_a_text_starting_with_an_exclamation_mark_is_told_to_quote_it(tmp_path):
    _, problems = load(tmp_path, "items:\n  - id: a\n    text: !Always share the win.\n")
    assert [p.as_text() for p in problems] == ["data/file.yml:3:11: the tag !Always is not supported in handbook data; remove it, or if it is text that starts with '!', put the whole text in double quotes"]


@pytest.mark.parametrize(("text", "says"), [
    ("a: 1\nname: „Schön“ gesagt\nb: x\n\tc: y\n", "data/file.yml:4:1: YAML syntax error: found a tab"),
    ("a: 1\nb: 'It''s fine'\nc: [1, 2\n", "data/file.yml:3:4: YAML syntax error: did not find expected ',' or ']'"),
    ('a: 1\nb: "He said \\"hi\\" today"\n  c: d\n', "data/file.yml:3:3: YAML syntax error: did not find expected key"),
])
def test_a_line_that_reads_well_on_its_own_is_not_blamed_for_an_error_below_it(tmp_path, text, says):
    """A reviewer's cases: a German text starting with „, a single-quoted text with '' and an escaped quote were
    each blamed for a tab, an open bracket or an indentation further down. Only a line YAML cannot read on its
    own is named as the text to quote."""
    _, problems = load(tmp_path, text)
    assert len(problems) == 1 and problems[0].as_text().startswith(says), problems


def test_a_text_starting_with_braces_or_a_bracketed_word_is_told_to_quote_it(tmp_path):
    _, problems = load(tmp_path, "x:\n  b: {count} ticks were for items\n  c: [Optional] bring a pen\n")
    assert [p.as_text() for p in problems] == [f"data/file.yml:2:6: YAML syntax error: this text starts with '{{', which YAML reads as the start of a mapping; {QUOTE}"]


def test_the_tests_read_an_unquoted_date_as_the_handbook_does(tmp_path):
    # A leader's review: `- date: 2027-01-06` unquoted passed `validate` and stopped the tests at collection,
    # whose plain PyYAML made it a date object. The tests' reading (tests/helpers.py) keeps it text, as here.
    from tests.helpers import read_yaml

    text = "days_off:\n  - date: 2027-01-06\n    name: Heilige Drei Könige\nnext_review: 2027-03-01\n"
    document, problems = load(tmp_path, text)
    assert problems == [] and read_yaml(text) == document.value
    assert read_yaml(text)["days_off"][0]["date"] == "2027-01-06"


@pytest.mark.parametrize(("text", "line", "column", "space"), [
    # a leader's case: a no-break space pasted after the colon; YAML said "could not find expected ':'" at column 1
    ("intro: Our team\nteam_size:\u00a08\nworking_hours_per_week: 40\n", 2, 11, "a no-break space"),
    ("levels:\n  -\u2007id: one\n    name: [\n", 2, 4, "a figure space"),
    ("values:\n\u00a0 - id: one\n    name: x\n", 2, 1, "a no-break space"),
])
def test_a_pasted_space_that_is_not_one_to_yaml_is_named_where_it_is(tmp_path: Path, text: str, line: int, column: int, space: str):
    path = tmp_path / "rhythm.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_file(path, "data/rhythm.yml")
    assert [problem.as_text() for problem in problems] == [
        f"data/rhythm.yml:{line}:{column}: YAML syntax error: line {line} has {space} at column {column}, which looks like a space but is not "
        "one to YAML (pasted text often brings one); delete it and type an ordinary space"
    ]


def test_a_no_break_space_inside_a_text_is_text(tmp_path: Path):
    path = tmp_path / "rhythm.yml"
    path.write_text("intro: 8\u00a0reps meet weekly\n", encoding="utf-8")
    data, problems = load_file(path, "data/rhythm.yml")
    assert not problems and data.value == {"intro": "8\u00a0reps meet weekly"}
