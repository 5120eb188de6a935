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
