"""Read YAML data files into plain values, remembering where each value and key was written.

The loader knows YAML and files, nothing about sales. It is stricter than PyYAML's safe loader
in the ways that protect leaders editing by hand:

- YAML 1.2 scalars: only `true`/`false` are booleans and dates stay text, so `no`, `on` or
  `2026-01-05` in a text field never silently change type;
- duplicate keys are reported instead of the last one silently winning;
- anchors, aliases and tags other than the core ones are refused (no expansion bombs, no objects);
- every problem comes back as a located `Problem`, never as an exception;
- a comment right after unquoted text is kept aside (`TrailingComment`): YAML drops it, though a leader may
  have meant it as part of the text (`Call your #1 account`).
"""

import codecs
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, quoted, readable

# Limits that keep validating any file quick (about a second at most on a small machine); the example's
# largest file is 33 KB with about 1,500 values, so a real handbook stays far inside them.
MAX_FILE_BYTES = 1_000_000
MAX_VALUES = 50_000
MAX_DEPTH = 40

Path_ = tuple  # a path into the data: keys (str) and list indices (int)


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a data file."""

    line: int
    column: int


@dataclass(frozen=True)
class TrailingComment:
    """A comment that follows an unquoted value: on the line where the value ends, or alone on the next line
    and indented as if it went on with the value. YAML drops it; the leader may have meant it as text."""

    mark: Mark  # where its '#' is
    text: str  # from the '#' to the end of its line
    written: str  # the value before it, as YAML read it (its lines joined); empty when the comment is all there is


@dataclass
class LocatedData:
    """A data file's value with the position of every value and every mapping key in it, and the comments
    that follow unquoted values."""

    file: str
    value: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    trailing_comments: dict[Path_, TrailingComment] = field(default_factory=dict)
    # Parts written in another file (a team's override merged in, macros/teams.py): path here → that file and the
    # path there.
    origins: dict[Path_, tuple[str, Path_]] = field(default_factory=dict)
    changed_by: str | None = None  # the team's file merged into this one, if any
    # A translation's texts → the first language's text in the same place (macros/languages.py): items are
    # fingerprinted by that, so an answer given on one language's site counts on another's.
    in_first_language: dict[str, str] = field(default_factory=dict)

    def texts(self) -> Iterator[tuple[Path_, str]]:
        """Every string in the file, with its path: what a leader wrote as text."""
        return texts(self.value)

    def where(self, path: Path_) -> Mark:
        """Where the value at `path` was written, or its nearest written parent."""
        path = tuple(path)
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Mark(1, 1))

    def where_key(self, path: Path_) -> Mark:
        """Where the key leading to `path` was written (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.where(path)

    def file_at(self, path: Path_) -> str:
        """The file the value at `path` was written in: this one, or a team's file that replaced it."""
        return self.written_at(path)[0]

    def written_at(self, path: Path_) -> tuple[str, Path_]:
        """The file the value at `path` was written in, and its path in that file."""
        path = tuple(path)
        for depth in range(len(path), -1, -1) if self.origins else ():
            if path[:depth] in self.origins:
                file, there = self.origins[path[:depth]]
                return file, there + path[depth:]
        return self.file, path

    def problem(self, path: Path_, message: str, *, at_key: bool = False, warning: bool = False) -> Problem:
        mark = self.where_key(path) if at_key else self.where(path)
        return Problem(self.file_at(path), mark.line, mark.column, message, warning)


def texts(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string in a value read from a data file, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, path + (index,))


class _Loader(yaml.CSafeLoader):
    """libyaml's parser (fast) composing nodes only; scalars are resolved with the YAML 1.2 core schema,
    less `.inf` and `.nan`: no handbook number is infinite, and NaN would pass every range check."""

    yaml_implicit_resolvers: dict = {}


_CORE_SCALARS = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]
for _tag, _pattern, _first in _CORE_SCALARS:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _Refused(Exception):
    def __init__(self, mark, message: str):
        self.mark = mark
        self.message = message


_FRIENDLY_HINTS = [
    ("found a tab character", "indent with spaces, not Tab"),
    ("cannot start any token", "found a tab or a character YAML does not allow here; indent with spaces, and put text that starts with a special character in quotes"),
    # libyaml says "mapping values are not allowed in this context", PyYAML "… allowed here".
    ("mapping values are not allowed", "a colon followed by a space inside unquoted text, so put the whole text in double quotes; or a line indented further than the one above"),
    ("could not find expected ':'", "a line is missing its `key: value` colon, or a quote is not closed"),
    ("expected <block end>, but found", "the indentation does not line up with the lines above"),
    ("did not find expected key", "the indentation does not line up with the lines above, or a list item is missing its '- '"),
    ("did not find expected '-' indicator", "a list item is missing its '- ' or is indented differently from the others"),
    ("found unexpected end of stream", "a quote or bracket is opened and never closed"),
    ("did not find expected ',' or", "a bracket opened here is not closed, or a comma is missing between its items"),
    ("but found another document", "a line of '---' or '...' ends the data early; a data file holds one document, so delete that line"),
]


def load_file(path: Path, display_name: str) -> tuple[LocatedData | None, list[Problem]]:
    """Load one data file; returns its located data (None if unreadable) and the problems found."""
    return load_bytes(path.read_bytes(), display_name)


def load_bytes(raw: bytes, display_name: str) -> tuple[LocatedData | None, list[Problem]]:
    """Load a data file's bytes, as load_file does."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(display_name, 1, 1, f"the file is {len(raw):,} bytes; handbook data files must stay under {MAX_FILE_BYTES:,} bytes (split it or trim it)")]
    text, problem = _decode(raw, display_name)
    if problem:
        return None, [problem]
    try:
        node = _compose(text)
    except _Refused as refused:
        return None, [_needs_quotes(display_name, text, refused.mark.line) or _at(display_name, refused.mark, refused.message)]
    except yaml.MarkedYAMLError as error:
        return None, [yaml_syntax_problem(display_name, error, text)]
    except yaml.reader.ReaderError as error:
        # libyaml counts the position in bytes of the UTF-8 text it was given, not in characters.
        line, column = _line_col(text, len(text.encode("utf-8")[: error.position].decode("utf-8", "ignore")))
        return None, [Problem(display_name, line, column, f"the file contains a character YAML does not allow (character code {error.character}); delete it or retype the text")]
    located = LocatedData(display_name, None)
    problems: list[Problem] = []
    if node is not None:
        located.value = _build(node, (), located, problems, _LINE_BREAK.split(text))
    return located, problems


def _compose(text: str):
    """The document's node tree; refuses anchors, aliases, deep nesting and too many values before anything
    is composed.

    libyaml's composer recurses in C, so a few thousand nested brackets would crash the process
    (not raise) if the depth were checked any later than on the flat event stream.
    """
    depth = values = 0
    event = None
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(event.start_mark, "aliases (*name) are not supported in handbook data; write the value out in full")
            if getattr(event, "anchor", None):
                raise _Refused(event.start_mark, "anchors (&name) are not supported in handbook data; write the value out in full")
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                values += 1
                if values > MAX_VALUES:
                    raise _Refused(event.start_mark, f"the file holds more than {MAX_VALUES:,} values, far more than a handbook needs; split it or trim it")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(event.start_mark, f"the data is nested too deeply; handbook data never needs more than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        if _runaway_quote(event, error):
            raise _Refused(event.start_mark, f"YAML syntax error: the quote that opens here is not closed on this line (the next quote is on line {event.end_mark.line + 1}); add the closing quote") from None
        raise
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _runaway_quote(last_event, error: yaml.MarkedYAMLError) -> bool:
    """A quoted text that ran on over lines and broke the line where it ended: an unclosed quote that
    swallowed the lines below it up to the next quote."""
    return (
        isinstance(last_event, yaml.ScalarEvent)
        and last_event.style in ('"', "'")
        and last_event.end_mark.line > last_event.start_mark.line
        and error.problem_mark is not None
        and error.problem_mark.line == last_event.end_mark.line
    )


def _decode(raw: bytes, display_name: str) -> tuple[str, Problem | None]:
    # The byte order mark is dropped first so the error's offsets and the columns below both ignore it.
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        line_start = body.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as in every other message; the bytes before the bad one are valid UTF-8.
        column = len(body[line_start:error.start].decode("utf-8")) + 1
        return "", Problem(display_name, line, column, f"the file is not valid UTF-8 text (byte 0x{body[error.start]:02x}); save it as UTF-8 in your editor")


# libyaml notices an unclosed quote or bracket, or a key missing its colon, only where the file ends or
# the next line starts; for these the opening quote, bracket or key (the error's context) is where to look.
_LOOK_AT_THE_OPENING = ("while scanning a quoted scalar", "while parsing a flow", "while scanning a simple key")


# A list item's first line with the colon left out after its key: "- id curiosity".
_NO_COLON = re.compile(r"^(\s*- +)([a-z_]+) +([^:#\s][^:#]*)$")


def yaml_syntax_problem(display_name: str, error: yaml.MarkedYAMLError, text: str = "") -> Problem:
    """A YAML syntax error where a leader should look, with a hint in plain words (data files and mkdocs.yml).
    `text`, the file's, lets a key missing its colon be named on its own line: YAML reads that line as text
    running on into the next and reports the next."""
    opening = error.context_mark if (error.context or "").startswith(_LOOK_AT_THE_OPENING) else None
    mark = opening or error.problem_mark or error.context_mark
    detail = error.problem or "invalid YAML"
    invisible = _invisible_space(display_name, text, mark.line) if text and mark is not None else None
    if invisible:
        return invisible
    if text and mark is not None and "mapping values are not allowed" in detail:
        above = [(number, line) for number, line in enumerate(_LINE_BREAK.split(text)[: mark.line]) if line.strip() and not line.strip().startswith("#")]
        found = _NO_COLON.match(above[-1][1]) if above else None
        if found:
            lead, key, value = found.groups()
            return Problem(display_name, above[-1][0] + 1, len(lead) + len(key) + 1, f"YAML syntax error: '{key}' has no colon after it, so YAML reads this line as text running on into the next; write - {key}: {value.strip()}")
    quotes = _needs_quotes(display_name, text, mark.line) if text and mark is not None else None
    if quotes:
        return quotes
    if text and mark is not None and "mapping values are not allowed" in detail:
        indented = _out_of_line(display_name, text, mark)
        if indented:
            return indented
    hint = next((h for needle, h in _FRIENDLY_HINTS if needle in detail), None)
    message = f"YAML syntax error: {detail}" + (f" ({hint})" if hint else "")
    return _at(display_name, mark, message)


# Spaces a web page or word processor pastes that look like a space but are not one to YAML.
_INVISIBLE_SPACES = {"\u00a0": "a no-break space", "\u2007": "a figure space", "\u202f": "a narrow no-break space", "\u3000": "an ideographic space", "\u200b": "a zero-width space", "\ufeff": "a zero-width no-break space"}


def _invisible_space(display_name: str, text: str, stopped_at: int) -> Problem | None:
    """A pasted space YAML doesn't read as one, in a line's indent or after its key's colon or its dash, on the line
    YAML stopped at or just above it: YAML's own message says "could not find expected ':'" of a line whose colon
    is there (a leader's case: a no-break space pasted after "team_size:")."""
    lines = _LINE_BREAK.split(text)
    for number in range(min(stopped_at, len(lines) - 1), max(-1, stopped_at - _LINES_BACK - 1), -1):
        line = lines[number]
        for column, character in enumerate(line):
            before = line[:column].strip(" " + "".join(_INVISIBLE_SPACES))
            if character in _INVISIBLE_SPACES and (not before or before.endswith((":", "-"))):
                return Problem(display_name, number + 1, column + 1, f"YAML syntax error: line {number + 1} has {_INVISIBLE_SPACES[character]} at column {column + 1}, which looks like a space but is not one to YAML (pasted text often brings one); delete it and type an ordinary space")
    return None


# A value (after "key: " or "- ") that starts with what YAML reads as something other than text: Markdown a
# leader writes ("[a link](…)", "**bold**"), a quoted word with more text after it, a curly quote pasted from a
# word processor, or a character YAML keeps for itself.
_VALUE_START = re.compile(r"^(\s*(?:- +(?:[A-Za-z_][\w-]*: +)?|[A-Za-z_][\w-]*: +))(\S.*)$")
_SPECIAL_STARTS = [
    (re.compile(r"[“”„‘’‚]"), "a curly quote, which YAML does not read as a quote"),
    # a bracket closed with text after it ("[a link](…) is", "{count} ticks"); one left open is not this mistake
    (re.compile(r"\[[^\]]*\]\s*[^\s#,\]}]"), "'[', which YAML reads as the start of a list"),
    (re.compile(r"\{[^}]*\}\s*[^\s#,\]}]"), "'{', which YAML reads as the start of a mapping"),
    (re.compile(r"\*\*?[^\s*][^*]*\*"), "'*', which YAML reads as a reference to another value"),
    (re.compile(r"!"), "'!', which YAML reads as a type tag"),
    (re.compile(r"[`@%]"), "a character YAML keeps for itself"),
    (re.compile(r'"[^"]*"\s*[^\s#]'), "a quoted part with more text after it, which YAML reads as the whole value"),
    (re.compile(r"'[^']*'\s*[^\s#]"), "a quoted part with more text after it, which YAML reads as the whole value"),
]
# How far above the line YAML stopped at the text that made it stop may be.
_LINES_BACK = 3


def _fails_alone(value: str) -> bool:
    """Whether a value is itself what YAML cannot read, as the value of a key on a line of its own."""
    try:
        yaml.load(f"k: {value}", Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return True
    return False


def _needs_quotes(display_name: str, text: str, stopped_at: int) -> Problem | None:
    """A syntax error at (0-based) line `stopped_at` caused by a text starting with a special character on that
    line or one of the few above it: named at the text, with the quotes that fix it."""
    lines = _LINE_BREAK.split(text)
    for number in range(min(stopped_at, len(lines) - 1), max(-1, stopped_at - _LINES_BACK - 1), -1):
        found = _VALUE_START.match(lines[number])
        if not found or lines[number].lstrip().startswith("#"):
            continue
        lead, value = found.groups()
        what = next((said for pattern, said in _SPECIAL_STARTS if pattern.match(value)), None)
        if what is None or not _fails_alone(value):
            continue  # a line that reads well on its own ("„Schön“ gesagt", 'It''s fine') is not the one to blame
        if what.startswith("a curly"):
            fix = "put the whole text in straight double quotes (\") instead"
        elif '"' in value:
            fix = "put the whole text in single quotes ('…'), as it holds double quotes, and write any ' inside it twice"
        else:
            fix = "put the whole text in double quotes (\"…\")"
        return Problem(display_name, number + 1, len(lead) + 1, f"YAML syntax error: this text starts with {what}; {fix}")
    return None


# A line that is a `key: value` pair of its own (a key in lower case, as data keys are), not running text
# ("Note: …" on a text's next line is text, and wants quotes).
_KEY_LINE = re.compile(r"^(\s*)[a-z_][a-z0-9_]*: ")


def _out_of_line(display_name: str, text: str, mark) -> Problem | None:
    """YAML stopped at the colon of a `key:` line (`mark`) indented further than the line above, reading it as
    more of that line's value. Where the line above starts left of the lines either side of it, which line up,
    it is the one moved (a key dragged to column 1 in a web editor): named there. Otherwise the key is the one
    indented too far. Either way an indent to fix, not quotes (a director was sent to quote an untouched line)."""
    lines = _LINE_BREAK.split(text)
    stopped_at = mark.line
    here = _KEY_LINE.match(lines[stopped_at]) if stopped_at < len(lines) else None
    above = [number for number in range(stopped_at) if lines[number].strip() and not lines[number].lstrip().startswith("#")]
    if not here or not above or mark.column != len(here[0]) - 2:  # a colon later in the line is text's
        return None
    indent = len(here[1])
    moved = above[-1]
    moved_indent = _content_indent(lines[moved])
    if moved_indent >= indent:
        return None
    before = above[-2] if len(above) > 1 else None
    if before is not None and _content_indent(lines[before]) == indent:
        return Problem(display_name, moved + 1, moved_indent + 1, f"YAML syntax error: this line starts in column {moved_indent + 1}, left of the lines above and below it, which start in column {indent + 1}; move it right to line up with them")
    return Problem(display_name, stopped_at + 1, indent + 1, f"YAML syntax error: this line starts in column {indent + 1}, further right than the line above it (column {moved_indent + 1}), so YAML reads it as more of that line's value; line it up with the line above, or with the list or field it belongs to")


def _content_indent(line: str) -> int:
    """Where a line's key or text starts: after its spaces and any list item's '- ' ("  - id: x" keys at 4)."""
    return len(line) - len(re.sub(r"^[ ]*(?:-[ ]+)*", "", line))


def _at(display_name: str, mark, message: str) -> Problem:
    return Problem(display_name, mark.line + 1, mark.column + 1, message)


def _line_col(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _mark(node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


# libyaml counts a line at each of these breaks, so the file's lines are split the same way.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# A comment starts with '#' after a space or tab; unquoted text ends just before them.
_COMMENT_AFTER = re.compile(r"[ \t]+(#.*)")
_COMMENT_LINE = re.compile(r"( *)(#.*)")


def _note_comment(node, path: Path_, parent_column: int, located: LocatedData, lines: list[str]) -> None:
    """Keep the comment after an unquoted value in a block, if any: on the line where the value ends, or
    alone on the next line indented further than the value's key or '- ' (where more text would go on)."""
    end = node.end_mark
    if not isinstance(node, yaml.ScalarNode) or node.style or end.line >= len(lines):
        return  # an empty value can end past the last line: `?` alone is a key and a value, both empty
    same_line = _COMMENT_AFTER.match(lines[end.line], end.column)
    next_line = _COMMENT_LINE.fullmatch(lines[end.line + 1].rstrip()) if end.line + 1 < len(lines) else None
    if same_line:
        located.trailing_comments[path] = TrailingComment(Mark(end.line + 1, same_line.start(1) + 1), same_line.group(1).rstrip(), node.value)
    elif next_line and len(next_line.group(1)) > parent_column:
        located.trailing_comments[path] = TrailingComment(Mark(end.line + 2, next_line.start(2) + 1), next_line.group(2), node.value)


def _build(node, path: Path_, located: LocatedData, problems: list[Problem], lines: list[str]) -> Any:
    """Turn a composed node into plain values, recording positions and comments and collecting problems."""
    located.values[path] = _mark(node)
    if node.tag not in _ALLOWED_TAGS:
        problems.append(Problem(located.file, *_astuple(_mark(node)), f"the tag {readable(_as_written(node.tag))} is not supported in handbook data; remove it, or if it is text that starts with '!', put the whole text in double quotes"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        # In a list item, the item's first key set again is most often a new item missing its '- ': said once,
        # and the keys after it, the same mistake, not each again.
        opens_item = node.value[0][0].value if node.value and path and isinstance(path[-1], int) and isinstance(node.value[0][0], yaml.ScalarNode) else None
        new_item = False
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(located.file, *_astuple(_mark(key_node)), "a key must be a plain word, not a list or mapping"))
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = first_seen[key]
                if key == opens_item and not new_item:
                    new_item = True
                    problems.append(Problem(located.file, *_astuple(_mark(key_node)), f"duplicate key {quoted(key)} (it is already set on line {first.line}): if line {key_node.start_mark.line + 1} starts a new item, begin that line with '- ' as line {first.line} does; otherwise keep only one"))
                elif not new_item:
                    problems.append(Problem(located.file, *_astuple(_mark(key_node)), f"duplicate key {quoted(key)} (it is already set on line {first.line}; keep only one)"))
                continue
            first_seen[key] = _mark(key_node)
            located.keys[path + (key,)] = _mark(key_node)
            result[key] = _build(value_node, path + (key,), located, problems, lines)
            if not node.flow_style:
                _note_comment(value_node, path + (key,), key_node.start_mark.column, located, lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = [_build(item, path + (index,), located, problems, lines) for index, item in enumerate(node.value)]
        for index, item in enumerate(node.value if not node.flow_style else []):
            _note_comment(item, path + (index,), node.start_mark.column, located, lines)
        return items
    try:
        return _scalar(node)
    except ValueError:
        kind = _TAG_WORDS[node.tag]
        problems.append(Problem(located.file, *_astuple(_mark(node)), f"{quoted(node.value)} cannot be read as {kind}; correct it, or remove any !! tag and put it in double quotes to keep it as text"))
        return None


def _astuple(mark: Mark) -> tuple[int, int]:
    return mark.line, mark.column


def _as_written(tag: str) -> str:
    """A tag as a leader types it: `!!python/object`, not `tag:yaml.org,2002:python/object`."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


_SCALAR_BUILDERS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:int": lambda v: int(v, 0) if v[:2] in ("0o", "0x") else int(v),
    "tag:yaml.org,2002:float": lambda v: _finite(float(v)),
    "tag:yaml.org,2002:null": lambda v: None,
}


_ALLOWED_TAGS = {*_SCALAR_BUILDERS, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

_SCALAR_PATTERNS = {tag: re.compile(pattern) for tag, pattern, _ in _CORE_SCALARS}

_TAG_WORDS = {
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "nothing",
    "tag:yaml.org,2002:map": "a mapping",
    "tag:yaml.org,2002:seq": "a list",
}


def _finite(number: float) -> float:
    if not math.isfinite(number):
        raise ValueError(number)  # 1e999 overflows to infinity
    return number


def _scalar(node) -> Any:
    """The scalar's value; ValueError when an explicit tag does not fit the text (`!!int abc`, `!!seq x`)
    or a number is too long or too large to read."""
    pattern = _SCALAR_PATTERNS.get(node.tag)
    if node.tag not in _SCALAR_BUILDERS or (pattern and not pattern.fullmatch(node.value)):
        raise ValueError(node.tag)
    return _SCALAR_BUILDERS[node.tag](node.value)
