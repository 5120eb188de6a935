"""What a leader reads: each wrong type gets the advice that mends it, any value quoted into a message stays on
its one line, and counts read "1 problem", "2 problems"."""

import contextlib
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.__main__ import main
from macros.handbook import Project, validate
from tests.conftest import ROOT, run_validate
from tests.data.test_broken_files import AFTER_PROBLEMS, replace_first
from tests.data.test_hostile_data import Edit, Where, at, whole
from tests.data.test_properties import PROPERTY
from tests.helpers import data, position_in, problems_of, with_value

LOCATED = re.compile(r"data/[a-z_]+\.yml:\d+:\d+: \S")
SUMMARY = re.compile(r"\d+ problems? in the handbook\.")


def _only_the_summary(lines: list[str]) -> bool:
    """What validate writes to stderr under its problems, and nothing else (no traceback)."""
    return len(lines) == 2 and bool(SUMMARY.fullmatch(lines[0])) and lines[1] == AFTER_PROBLEMS


def replace_block(header: str, new: str) -> Edit:
    """The line `header` and the lines indented under it (its fields) replaced by the text `new`."""
    def edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        start = lines.index(header + "\n")
        indent = len(header) - len(header.lstrip())
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        return "".join(lines[:start] + [new + "\n"] + lines[end:])
    return edit


@dataclass(frozen=True)
class Wording:
    file: str
    edit: Edit
    at: Where
    message: str  # the whole message after `data/FILE:LINE:COL: `


Q1 = "'questions' › item 1 › "
CHARTER = data("charter")
REVENUE_TARGET = data("bootcamp")["activity_planner"]["revenue_target"]

# Each (expected type, type found) pair, in a field of the example that expects that type. All are broken in one
# copy, so one validation reports every wording.
WRONG_TYPES = {
    # text expected
    "text-gets-whole-number": Wording("charter.yml", replace_first(f"team: {CHARTER['team']}", "team: 42"), at("42"),
                                      "'team' must be text, found the number 42; put the value in double quotes to keep it as typed"),
    "text-gets-number": Wording("charter.yml", replace_first(f"leader: {CHARTER['leader']}", "leader: 2.5"), at("2.5"),
                                "'leader' must be text, found the number 2.5; put the value in double quotes to keep it as typed"),
    "text-gets-true": Wording("checklists.yml", replace_first("title: New rep's first week", "title: true"), at("true"),
                              "'checklists' › item 1 › 'title' must be text, found true (a yes/no value); put the value in double quotes to keep it as typed"),
    "text-gets-nothing": Wording("coaching.yml", replace_first("    who: CSO Insights\n", "    who:\n"), at("who:\n", offset=4),
                                 "'research' › item 3 › 'who' must be text, found nothing (the value is empty); write the text after the colon"),
    "text-gets-list": Wording("levels.yml", replace_first("name: Order taker", "name: [Order, taker]"), at("[Order"),
                              "'levels' › item 1 › 'name' must be text, found a list; write one piece of text, not a list (if the brackets are part of the text, put the whole text in double quotes)"),
    "text-gets-mapping": Wording("charter.yml", replace_block("purpose: >-", "purpose: {first name}"), at("{first name}"),
                                 "'purpose' must be text, found a mapping of fields; write one piece of text, not 'key: value' fields (if the braces or the ': ' are part of the text, put the whole text in double quotes)"),
    # a whole number expected
    "whole-number-gets-text": Wording("assessments.yml", replace_first("answers_needed: 30\n", 'answers_needed: "30"\n'), at('"30"'),
                                      "'assessments' › item 1 › 'answers_needed' must be a whole number, found the text '30'; write the number in digits alone, without quotes, words or a thousands separator"),
    "whole-number-gets-number": Wording("assessments.yml", replace_first("answers_needed: 9\n", "answers_needed: 9.5\n"), at("9.5"),
                                        "'assessments' › item 2 › 'answers_needed' must be a whole number, found the number 9.5; write a whole number, without a decimal point"),
    "whole-number-gets-true": Wording("assessments.yml", replace_first("answers_needed: 8\n", "answers_needed: true\n"), at("answers_needed: true", offset=16),
                                      "'assessments' › item 3 › 'answers_needed' must be a whole number, found true (a yes/no value); write a whole number, not true or false"),
    "whole-number-gets-nothing": Wording("assessments.yml", replace_first("answers_needed: 10\n", "answers_needed:\n"), at("answers_needed:\n", offset=15),
                                         "'assessments' › item 4 › 'answers_needed' must be a whole number, found nothing (the value is empty); write the number after the colon"),
    "whole-number-gets-list": Wording("rhythm.yml", lambda text: with_value(text, "team_size", "[8]"), at("[8]"),
                                      "'team_size' must be a whole number, found a list; write one number, not a list"),
    "whole-number-gets-mapping": Wording("when_coaching_stalls.yml", replace_first("check_ins: 4", "check_ins: {times: 4}"), at("{times"),
                                         "'check_ins' must be a whole number, found a mapping of fields; write one number, not 'key: value' fields"),
    # a number expected
    "number-gets-text": Wording("bootcamp.yml", replace_first("conversion_rate: 0.5", "conversion_rate: 50%"), at("conversion_rate: 50%", offset=17),
                                "'activity_planner' › 'stages' › item 4 › 'conversion_rate' must be a number, found the text '50%'; a share is written as a decimal, so for 50% write 0.5"),
    # a German decimal comma, a thousands comma, a date written day first: the value meant, offered
    "number-gets-decimal-comma": Wording("bootcamp.yml", replace_first("conversion_rate: 0.2\n", "conversion_rate: 0,2\n"), at("0,2"),
                                         "'activity_planner' › 'stages' › item 2 › 'conversion_rate' must be a number, found the text '0,2'; write decimals with a point: 0.2"),
    "date-written-day-first": Wording("charter.yml", lambda text: with_value(text, "effective_date", "06.11.2026"), at("06.11.2026"),
                                      "'effective_date' '06.11.2026' is not a date (expected \"YYYY-MM-DD\" in quotes, did you mean \"2026-11-06\"?)"),
    "number-gets-true": Wording("bootcamp.yml", replace_first("conversion_rate: 0.25", "conversion_rate: true"), at("conversion_rate: true", offset=17),
                                "'activity_planner' › 'stages' › item 5 › 'conversion_rate' must be a number, found true (a yes/no value); write a number, not true or false"),
    "number-gets-nothing": Wording("bootcamp.yml", replace_first("average_deal_size: 20000\n", "average_deal_size:\n"), at("average_deal_size:\n", offset=18),
                                   "'activity_planner' › 'average_deal_size' must be a whole number, found nothing (the value is empty); write the number after the colon"),
    "number-gets-list": Wording("bootcamp.yml", replace_first(f"revenue_target: {REVENUE_TARGET}", f"revenue_target: [{REVENUE_TARGET}]"), at(f"[{REVENUE_TARGET}]"),
                                "'activity_planner' › 'revenue_target' must be a whole number, found a list; write one number, not a list"),
    "number-gets-mapping": Wording("bootcamp.yml", replace_first("existing_pipeline: 0\n", "existing_pipeline: {amount: 0}\n"), at("{amount"),
                                   "'activity_planner' › 'existing_pipeline' must be a whole number, found a mapping of fields; write one number, not 'key: value' fields"),
    # true or false expected
    "yes-no-gets-text": Wording("printing.yml", replace_first("cover: true", "cover: yes"), at("yes"),
                                "'documents' › item 1 › 'cover' must be true or false, found the text 'yes'; write true or false, without quotes"),
    "yes-no-gets-whole-number": Wording("when_coaching_stalls.yml", replace_first("hr: true", "hr: 1"), at("hr: 1", offset=4),
                                        "'steps' › item 1 › 'hr' must be true or false, found the number 1; write true or false instead of a number"),
    "yes-no-gets-number": Wording("rhythm.yml", replace_first("counts_as_coaching: true", "counts_as_coaching: 0.5"), at("0.5"),
                                  "'meetings' › item 1 › 'counts_as_coaching' must be true or false, found the number 0.5; write true or false instead of a number"),
    "yes-no-gets-nothing": Wording("assessments.yml", replace_first("balanced: true\n", "balanced:\n"), at("balanced:\n", offset=9),
                                   "'assessments' › item 1 › 'balanced' must be true or false, found nothing (the value is empty); write true or false after the colon"),
    "yes-no-gets-list": Wording("assessments.yml", replace_first("reached: true", "reached: [true]"), at("[true]"),
                                "'assessments' › item 1 › 'bands' › item 3 › 'reached' must be true or false, found a list; write true or false, not a list"),
    "yes-no-gets-mapping": Wording("rhythm.yml", replace_first("counts_as_coaching: true", "counts_as_coaching: {yes: true}"), at("{yes"),
                                   "'meetings' › item 3 › 'counts_as_coaching' must be true or false, found a mapping of fields; write true or false, not 'key: value' fields"),
    # a list expected
    "list-gets-text": Wording("coaching_questions.yml", replace_first("levels: [order-taker, product-expert]", "levels: order-taker"), at("levels: order-taker", offset=8),
                              f"{Q1}'levels' must be a list (lines starting with '- '), found the text 'order-taker'; put each item on its own line starting with '- '"),
    "list-gets-whole-number": Wording("coaching_questions.yml", replace_first("situations: [skill-gap, new-rep]", "situations: 3"), at("situations: 3", offset=12),
                                      f"{Q1}'situations' must be a list (lines starting with '- '), found the number 3; put each item on its own line starting with '- '"),
    "list-gets-number": Wording("coaching_questions.yml", replace_first("modes: [coach]", "modes: 1.5"), at("1.5"),
                                f"{Q1}'modes' must be a list (lines starting with '- '), found the number 1.5; put each item on its own line starting with '- '"),
    "list-gets-true": Wording("deal_review.yml", replace_first("elements: [identify-pain]", "elements: true"), at("elements: true", offset=10),
                              "'stages' › item 1 › 'exit_criteria' › item 1 › 'elements' must be a list (lines starting with '- '), found true (a yes/no value); put each item on its own line starting with '- '"),
    "list-gets-nothing": Wording("objections.yml", replace_first("practise_in: [week-2, week-3, week-4]\n", "practise_in:\n"), at("practise_in:\n", offset=12),
                                 "'practise_in' must be a list (lines starting with '- '), found nothing (the value is empty); add its items on the lines below it, each starting with '- '"),
    "list-of-words-gets-mapping": Wording("glossary.yml", replace_first("appears_as: [champion, champions]", "appears_as: {champion: champions}"), at("{champion"),
                                          "'terms' › item 9 › 'appears_as' must be a list (lines starting with '- '), found a mapping of fields; start each item with '- '"),
    "list-of-fields-gets-mapping": Wording("checklists.yml", replace_block("    items:", "    items:\n      id: laptop-and-crm\n      text: Laptop working."), at("id: laptop-and-crm"),
                                           "'checklists' › item 1 › 'items' must be a list (lines starting with '- '), found a mapping of fields; start each item with '- ', with the item's first field on the same line ('- id: …')"),
    # fields expected
    "fields-get-text": Wording("onboarding.yml", replace_block("      - id: read-charter", "      - Read the charter"), at("Read the charter"),
                               "'first_week' › item 1 › 'items' › item 1 must be a mapping of fields (key: value lines), found the text 'Read the charter'; write its fields as 'key: value' lines, the first after the '- ' (it needs: id, text)"),
    "fields-get-whole-number": Wording("bootcamp.yml", replace_block("  upper_limits:", "  upper_limits: 50000000"), at("50000000"),
                                       "'activity_planner' › 'upper_limits' must be a mapping of fields (key: value lines), found the number 50000000; write its fields as 'key: value' lines below it, indented (it needs: revenue_target, average_deal_size, existing_pipeline, weeks_in_period)"),
    "fields-get-number": Wording("rhythm.yml", replace_block("manager_share:", "manager_share: 0.3"), at("manager_share: 0.3", offset=15),
                                 "'manager_share' must be a mapping of fields (key: value lines), found the number 0.3; write its fields as 'key: value' lines below it, indented (it needs: at_most, basis)"),
    "fields-get-true": Wording("debriefs.yml", replace_block("      - id: buyer-words", "      - true"), at("- true", offset=2),
                               "'debriefs' › item 1 › 'prompts' › item 3 must be a mapping of fields (key: value lines), found true (a yes/no value); write its fields as 'key: value' lines, the first after the '- ' (it needs: id, prompt)"),
    "fields-get-nothing": Wording("rhythm.yml", replace_block("coaching_hours_per_rep:", "coaching_hours_per_rep:"), at("coaching_hours_per_rep:\n", offset=23),
                                  "'coaching_hours_per_rep' must be a mapping of fields (key: value lines), found nothing (the value is empty); write its fields as 'key: value' lines below it, indented (it needs: at_least, at_most, basis)"),
    "fields-get-list": Wording("rhythm.yml", replace_block("one_to_one:", "one_to_one:\n  - meeting: one-to-one"), at("- meeting: one-to-one"),
                               "'one_to_one' must be a mapping of fields (key: value lines), found a list; write its fields as 'key: value' lines below it, indented, not as a list (it needs: meeting, intro, boxes)"),
    # one of a few words expected
    "word-gets-list": Wording("bootcamp.yml", replace_first("period: quarter", "period: [quarter]"), at("[quarter]"),
                              "'activity_planner' › 'period' must be one of: month, quarter, year; found a list, so write just one of them"),
}


def test_an_amount_with_thousands_commas_is_offered_without_them(project):
    """A director's `revenue_target: 480,000` reads as text: the message gives the number to write."""
    path = project / "data" / "bootcamp.yml"
    path.write_text(with_value(path.read_text(encoding="utf-8"), "  revenue_target", "1,250,000"), encoding="utf-8")
    assert problems_of(project, "bootcamp.yml") == [
        f"data/bootcamp.yml:{position_in(project, 'bootcamp.yml', '1,250,000')}: 'activity_planner' › 'revenue_target' must be a whole "
        "number, found the text '1,250,000'; write 1250000, without the comma"]


@pytest.fixture(scope="module")
def wrong_types(tmp_path_factory) -> tuple[Path, set[str]]:
    """A copy of the example with all of WRONG_TYPES in it, and every line `validate` prints for it."""
    root = tmp_path_factory.mktemp("wrong-types") / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    for case in WRONG_TYPES.values():
        path = root / "data" / case.file
        path.write_text(case.edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    _, problems = validate(Project(root))
    return root, {problem.as_text() for problem in problems}


@pytest.mark.parametrize("name", WRONG_TYPES)
def test_each_wrong_type_gets_the_advice_that_mends_it(wrong_types, name: str):
    root, lines = wrong_types
    case = WRONG_TYPES[name]
    line, column = case.at((root / "data" / case.file).read_text(encoding="utf-8"))
    location = f"data/{case.file}:{line}:{column}: "
    assert location + case.message in lines, "\n".join(sorted(line for line in lines if line.startswith(location)))


# Values of any shape in fields that expect something else: each ends up quoted into a message.
_scalars = st.one_of(st.text(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none())
any_value = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
# (file, the line as written, the key on it): an id, a reference, one of a few words, a whole number, a number,
# true or false, a list, a date and text.
FIELDS = [
    ("coaching_questions.yml", "  - id: best-outcome-for-customer", "id"),
    ("coaching_questions.yml", "    stage: prepare", "stage"),
    ("coaching_questions.yml", "    grow: Goal", "grow"),
    ("dilemma.yml", "        weight: 3", "weight"),
    ("bootcamp.yml", "      conversion_rate: 0.2", "conversion_rate"),
    ("printing.yml", "    cover: true", "cover"),
    ("objections.yml", "practise_in: [week-2, week-3, week-4]", "practise_in"),
    ("charter.yml", 'effective_date: "2026-11-06"', "effective_date"),
    ("charter.yml", f"team: {CHARTER['team']}", "team"),
]
# How YAML may write a value: plain, quoted either way, as a block of lines, or folded.
STYLES = [None, '"', "'", "|", ">"]


def _written(line: str, key, value, style: str | None, flow: bool) -> str:
    """`line` with `key` set to `value` as YAML writes it, the lines after the first indented under the key."""
    indent = len(line) - len(line.lstrip(" -"))
    dumped = yaml.safe_dump({key: value}, allow_unicode=True, default_style=style, default_flow_style=flow, width=40)
    first, *rest = dumped.rstrip("\n").split("\n")
    return "\n".join([line[:indent] + first, *(" " * indent + more for more in rest)])


def _cli_output(root: Path) -> tuple[list[str], list[str]]:
    """What `python -m macros validate` prints for the handbook at `root`: its output and its error lines, split
    wherever a terminal, an editor or GitHub would break a line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["validate", "--root", str(root)])
    return out.getvalue().splitlines(), err.getvalue().splitlines()


@pytest.fixture(scope="module")
def scratch_handbook(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("one-line") / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # validate reads the pages as mkdocs.yml says
    return root


@settings(PROPERTY, max_examples=20, deadline=None)  # each example validates the whole handbook
@given(
    changes=st.lists(st.tuples(st.sampled_from(FIELDS), any_value, st.sampled_from(STYLES), st.booleans()), min_size=1, max_size=4, unique_by=lambda change: change[0]),
    key=st.none() | st.text(min_size=1, max_size=20),
)
def test_any_value_in_a_field_of_another_type_is_quoted_on_its_one_line(scratch_handbook, changes, key):
    originals = {name: (scratch_handbook / "data" / name).read_text(encoding="utf-8") for name in {field[0] for field, *_ in changes} | {"charter.yml"}}
    edited = dict(originals)
    for (name, line, field_key), value, style, flow in changes:
        edited[name] = replace_first(line + "\n", _written(line, field_key, value, style, flow) + "\n")(edited[name])
    if key is not None:  # an unknown field, named with any text
        edited["charter.yml"] += _written("", key, 1, None, False) + "\n"
    try:
        for name, text in edited.items():
            (scratch_handbook / "data" / name).write_text(text, encoding="utf-8")
        out, err = _cli_output(scratch_handbook)
    finally:
        for name, text in originals.items():
            (scratch_handbook / "data" / name).write_text(text, encoding="utf-8")
    assert all(LOCATED.match(line) for line in out), "\n".join(out)
    assert _only_the_summary(err) or err == ["The handbook data is valid."], err


@dataclass(frozen=True)
class MultiLine:
    file: str
    edit: Edit
    at: Where
    says: str  # the value as the message quotes it, on one line


# Values written over several lines, or holding line breaks and invisible characters, in each kind of message.
MULTI_LINE = {
    "block-where-a-list-goes": MultiLine("checklists.yml", whole("checklists: |\n  Laptop working\n  Charter read\n"), (1, 13),
                                         "found the text 'Laptop working⏎Charter read⏎'; put each item on its own line"),
    "folded-where-a-number-goes": MultiLine("dilemma.yml", replace_first("        weight: 3\n", "        weight: >\n          three\n          points\n"), at(">\n          three"),
                                            "found the text 'three points⏎'"),
    "single-quoted-lines-where-a-word-goes": MultiLine("dilemma.yml", replace_first("      skill: low\n", "      skill: 'low\n\n        or high'\n"), at("'low"),
                                                       "is 'low⏎or high' (expected one of: low, high)"),
    "double-quoted-line-break-in-an-id": MultiLine("coaching_questions.yml", replace_first("  - id: best-outcome-for-customer", '  - id: "best-outcome\\nfor-the-customer"'), at('"best-outcome'),
                                                   "'best-outcome⏎for-the-customer' is not a valid id"),
    "flow-list-over-lines-where-text-goes": MultiLine("coaching.yml", replace_first("    who: CSO Insights\n", "    who: [CSO,\n      Insights]\n"), at("[CSO"),
                                                      "'who' must be text, found a list"),
    "line-break-in-a-key": MultiLine("charter.yml", lambda text: text + '"team\\nname": x\n', at('"team'),
                                     "unknown field 'team⏎name'"),
    "invisible-characters-in-a-date": MultiLine("charter.yml", replace_first('effective_date: "2026-11-06"', 'effective_date: "2026\\L-11-06\\e"'), at('"2026'),
                                                "'2026\\u2028-11-06\\x1b' is not a date"),
    "long-value": MultiLine("role_plays.yml", replace_first("    week: week-2\n", "    week: " + "week two of the boot camp " * 8 + "\n"), at("week two"),
                            "'week two of the boot camp week two of the boot camp week tw…' is not a valid id"),
    "line-breaks-in-a-band-name": MultiLine("assessments.yml", lambda text: replace_first("      - from: 45", "      - from: 50")(replace_first("name: Emerging", 'name: "Emer\\Nging\\nstage"')(text)), at("from: 50", offset=6),
                                            "band 'Emer\\x85ging⏎stage' starts at 50"),
    "line-break-in-a-glossary-word": MultiLine("glossary.yml", replace_first("appears_as: [quota, quotas]", 'appears_as: [quota, "CRM\\n"]'), at('"CRM'),
                                               "'CRM⏎' already explains the term 'crm'"),
}


def test_values_over_several_lines_are_quoted_on_one_line_by_validate(project: Path):
    for case in MULTI_LINE.values():
        path = project / "data" / case.file
        path.write_text(case.edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_validate(project)
    out = result.stdout.splitlines()
    assert all(LOCATED.match(line) for line in out), result.stdout
    assert _only_the_summary(result.stderr.splitlines()), result.stderr
    for name, case in MULTI_LINE.items():
        text = (project / "data" / case.file).read_text(encoding="utf-8")
        line, column = case.at(text) if callable(case.at) else case.at
        assert any(reported.startswith(f"data/{case.file}:{line}:{column}: ") and case.says in reported for reported in out), name


def test_a_thousands_point_in_an_amount_is_caught_at_its_line_with_the_figure_meant(tmp_path):
    # A sales director in Germany wrote 360.000 for three hundred and sixty thousand; `validate` passed it and the
    # prospecting page planned for a target of 360. An amount is a whole number, and the message says what the
    # point did.
    root = tmp_path / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    path = root / "data" / "bootcamp.yml"
    text = replace_first(f"revenue_target: {REVENUE_TARGET}\n", "revenue_target: 360.000\n")(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    line, column = at("360.000")(text)
    _, problems = validate(Project(root))
    assert [problem.as_text() for problem in problems if not problem.warning] == [
        f"data/bootcamp.yml:{line}:{column}: 'activity_planner' › 'revenue_target' must be a whole number, found the number 360.0; write a whole "
        "number, without a decimal point; a point between thousands is read as a decimal point (360.000 is 360), so write 360000 for 360 thousand"]
