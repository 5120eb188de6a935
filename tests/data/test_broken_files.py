"""A broken data file of each kind is reported at the right file:line:col, by `validate` and by the build,
with a non-zero exit and no Python traceback."""

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from macros.problems import counted

from tests.conftest import run_validate, run_validate_and_build
from tests.helpers import as_written


@dataclass
class Breakage:
    file: str
    edit: Callable[[str], str | bytes]  # old text → new text (or bytes)
    line: int | Callable[[str], int]  # expected line, or computed from the new text
    column: int
    says: str  # part of the message the leader reads


# What validate adds under its count of problems: the rules on what the figures work out to wait for them.
AFTER_PROBLEMS = "Some checks, such as whether the targets fit the calling blocks, run once these are fixed: run the checks again after fixing them."

def line_of(needle: str, occurrence: int = 1) -> Callable[[str], int]:
    def find(text: str) -> int:
        lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
        return lines[occurrence - 1]
    return find


def replace_first(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        written = as_written(text, old)
        assert written in text, old
        return text.replace(written, new, 1)
    return edit


def insert_after_line(number: int, new_line: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        return "".join(lines[:number] + [new_line + "\n"] + lines[number:])
    return edit


BREAKAGES = {
    "yaml-syntax-error": Breakage("charter.yml", insert_after_line(2, "\tleader: Someone"), 3, 1, "YAML syntax error"),
    "wrong-type": Breakage("coaching_questions.yml", replace_first("    stage: prepare\n", "    stage: [prepare]\n"), line_of("stage: [prepare]"), 12, "must be text, found a list"),
    "missing-required-field": Breakage("levels.yml", lambda text: _drop_first_line_starting(text, "    customer_view:"), line_of("  - id: order-taker"), 5, "missing the required field 'customer_view'"),
    "unknown-key": Breakage("charter.yml", replace_first("    meaning:", "    meanign:"), line_of("meanign:"), 5, "unknown field 'meanign' (did you mean 'meaning'?"),
    "duplicate-key": Breakage("charter.yml", replace_first("    name: Ownership\n", "    name: Ownership\n    name: Owning it\n"), line_of("name: Owning it"), 5, "duplicate key 'name'"),
    "duplicate-id": Breakage("coaching_questions.yml", replace_first("  - id: what-each-attendee-cares", "  - id: best-outcome-for-customer"), line_of("- id: best-outcome-for-customer", 2), 9, "duplicate id 'best-outcome-for-customer' (already used on line"),
    "dangling-reference": Breakage("coaching_questions.yml", replace_first("    levels: [order-taker, product-expert]", "    levels: [order-taker, grand-master]"), line_of("grand-master"), 27, "unknown level 'grand-master'"),
    "empty-file": Breakage("dilemma.yml", lambda text: "", 1, 1, "the file is empty"),
    "not-a-mapping": Breakage("checklists.yml", lambda text: "- one\n- two\n", 1, 1, "must be a mapping of fields"),
    "not-utf8": Breakage("onboarding.yml", lambda text: b"# yaml-language-server: x\nintro: caf\xe9\n", 2, 11, "not valid UTF-8"),
}


def _drop_first_line_starting(text: str, prefix: str) -> str:
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    return "".join(lines[:index] + lines[index + 1:])


def _break(project: Path, breakage: Breakage) -> str:
    path = project / "data" / breakage.file
    new = breakage.edit(path.read_text(encoding="utf-8"))
    if isinstance(new, bytes):
        path.write_bytes(new)
        text = new.decode("latin-1")
    else:
        path.write_text(new, encoding="utf-8")
        text = new
    line = breakage.line(text) if callable(breakage.line) else breakage.line
    return f"data/{breakage.file}:{line}:{breakage.column}: "


@pytest.mark.parametrize("kind", BREAKAGES)
def test_broken_file_is_reported_at_its_line_by_validate_and_build(project: Path, tmp_path: Path, kind: str):
    breakage = BREAKAGES[kind]
    location = _break(project, breakage)

    validated, built = run_validate_and_build(project, tmp_path / "site")
    assert validated.returncode == 1
    reported = [line for line in validated.stdout.splitlines() if line.startswith(location)]
    assert reported, f"expected a line starting {location!r}, got:\n{validated.stdout}"
    assert breakage.says in reported[0]
    assert "Traceback" not in validated.stdout + validated.stderr
    problems = len(validated.stdout.splitlines())
    count = "1 problem" if problems == 1 else f"{problems} problems"
    assert validated.stderr.splitlines() == [f"{count} in the handbook.", AFTER_PROBLEMS]

    assert built.returncode != 0
    output = built.stdout + built.stderr
    assert reported[0] in output
    # The build is the first language's: it reads no translation (a German file naming a broken id is validate's).
    built_from = [line for line in validated.stdout.splitlines() if not line.startswith("data/languages/")]
    assert f"The handbook has {counted(len(built_from), 'problem')}:" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_every_problem_in_every_file_is_reported_in_one_run_sorted(project: Path):
    for kind in ("unknown-key", "empty-file", "dangling-reference", "not-utf8"):
        _break(project, BREAKAGES[kind])
    validated = run_validate(project)
    lines = validated.stdout.splitlines()
    assert validated.stderr.splitlines() == [f"{len(lines)} problems in the handbook.", AFTER_PROBLEMS]
    files = [line.split(":")[0] for line in lines]
    assert {"data/charter.yml", "data/dilemma.yml", "data/coaching_questions.yml", "data/onboarding.yml"} <= set(files)
    keys = [(line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])) for line in lines]
    assert keys == sorted(keys)


def test_github_format_prints_escaped_annotations(project: Path):
    _break(project, BREAKAGES["unknown-key"])
    output = run_validate(project, "--format", "github").stdout
    annotation = next(line for line in output.splitlines() if "meanign" in line)
    assert annotation.startswith("::error file=data/charter.yml,line=")
    assert ",col=5::unknown field 'meanign'" in annotation


def test_shipped_data_is_valid(project: Path):
    result = run_validate(project)
    assert result.returncode == 0, result.stdout
    # Nothing but what the German translation does not cover yet (warnings, macros/languages.py).
    assert [line for line in result.stdout.splitlines() if ": warning: " not in line] == []


def test_a_question_given_an_id_already_taken_is_reported_at_the_copy_only(project: Path):
    """A director added a question under an id the bank already had. Besides the duplicate, validate told them to
    fix levels.yml and its German translation, which they had not touched, from the copy's levels: only the
    duplicate is reported, and the checks that look the id up read the question already there."""
    path = project / "data" / "coaching_questions.yml"
    text = path.read_text(encoding="utf-8")
    taken = "quotes-held-up"
    first = line_of(f"- id: {taken}")(text)
    path.write_text(text.rstrip("\n") + f"""
  - id: {taken}
    text: "Which trade show would you most like to work at this spring?"
    stage: explore-options
    situations: [new-rep]
    modes: [coach]
    levels: [trusted-partner]
    why: "A new question, given an id the bank already has."
""", encoding="utf-8")
    copy = line_of(f"- id: {taken}", 2)(path.read_text(encoding="utf-8"))
    validated = run_validate(project)
    assert validated.stdout.splitlines() == [
        f"data/coaching_questions.yml:{copy}:9: duplicate id '{taken}' (already used on line {first}; ids must be unique)"
    ]
