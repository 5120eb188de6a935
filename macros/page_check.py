"""Check the macros in every page before any page is rendered, as the render step will run them: Jinja's own
parser, with the pages' syntax (macros/page_reading.py). A page's mistake is then a located problem,
docs/FILE.md:LINE:COL, beside the data's, and never a traceback halfway through a build."""

import difflib
import inspect
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, meta, nodes
from jinja2.defaults import DEFAULT_NAMESPACE

from .project import DOCS_DIR
from .model import Handbook
from .page_reading import GIVEN_NAMES, Page
from .problems import Problem, did_you_mean
from .site_settings import SiteSettings

CURLY_QUOTES = "“”‘’„"


@dataclass(frozen=True)
class IdArgument:
    """A macro's one argument that names an item of the handbook: what such an item is called, and the
    handbook's items of that kind by id."""

    noun: str
    items: Callable[[Handbook], Mapping[str, Any]]


@dataclass(frozen=True)
class PageRules:
    """What a page may call: our macros by name (their parameters are what Jinja will pass them), the ids each
    id argument takes (not known while the data has problems: no handbook), and the names mkdocs.yml gives pages."""

    settings: SiteSettings
    macros: Mapping[str, Callable]
    id_arguments: Mapping[str, IdArgument]
    handbook: Handbook | None


def check_pages(docs: Path, rules: PageRules) -> list[Problem]:
    """Every problem in the macros of the Markdown pages under `docs`."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        display = f"{DOCS_DIR}/{path.relative_to(docs).as_posix()}"
        problems += _check_page(path, display, rules)
    return problems


def _check_page(path: Path, display: str, rules: PageRules) -> list[Problem]:
    try:
        source = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(display, 1, 1, "the page is not valid UTF-8 text; save it as UTF-8 in your editor")]
    page = _LocatedPage(display, Page.read(source))
    if not page.read.renders_macros:
        return []
    jinja = rules.settings.jinja
    try:
        tree = jinja.parse(page.text)
    except TemplateSyntaxError as error:
        return [_syntax_problem(page, jinja, error)]
    names = rules.settings.extra_names | page.read.front_matter.keys() | GIVEN_NAMES | DEFAULT_NAMESPACE.keys()
    return list(_Calls(page, jinja, tree, rules, names).problems(tree))


class _LocatedPage:
    """A page being checked: the text the render step renders, and a problem's place in the page's file."""

    def __init__(self, display: str, read: Page):
        self.display = display
        self.read = read
        self.text = read.text

    def problem(self, offset: int, message: str) -> Problem:
        """A problem at a character offset of the text."""
        line = self.text.count("\n", 0, offset) + 1
        column = offset - self.text.rfind("\n", 0, offset)
        return Problem(self.display, self.read.file_line(line), column, message)

    def line_start(self, line: int) -> int:
        return sum(len(text) + 1 for text in self.text.split("\n")[:line - 1])


def _located_tokens(jinja: Environment, text: str) -> Iterator[tuple[int, int, str, str]]:
    """The lexer's tokens as (offset, line, kind, text). Jinja gives their lines only; each is found in the text
    after the one before it (`{{-` and `-}}` trim only whitespace, which the search passes over)."""
    offset = 0
    for line, kind, value in jinja.lexer.tokeniter(text, None):
        written = value.strip()
        found = text.find(written, offset)
        offset = found if found >= 0 else offset
        yield offset, line, kind, value
        offset += len(written)


def _node_offsets(jinja: Environment, text: str, tree: nodes.Template) -> dict[int, int]:
    """Where each name, keyword and string of the page starts, by node: Jinja's nodes carry a line only, so each
    is matched, in page order, with the lexer's next token of the same text on its line."""
    waiting: dict[tuple, deque] = defaultdict(deque)
    for offset, line, kind, value in _located_tokens(jinja, text):
        if kind == "name":
            waiting["name", line, value].append(offset)
        elif kind == "string":
            waiting["string", line, value[1:-1]].append(offset)
    offsets = {}
    for node in tree.find_all((nodes.Name, nodes.Keyword, nodes.Const)):
        key = _token_key(node)
        if waiting.get(key):
            offsets[id(node)] = waiting[key].popleft()
    return offsets


def _token_key(node: nodes.Node) -> tuple:
    if isinstance(node, nodes.Name):
        return "name", node.lineno, node.name
    if isinstance(node, nodes.Keyword):
        return "name", node.lineno, node.key
    return "string", node.lineno, node.value


class _Calls:
    """The problems in one parsed page: every name the page does not define itself must be one of our macros,
    called with the arguments it takes, or a name the render step or Jinja gives every page."""

    def __init__(self, page: _LocatedPage, jinja: Environment, tree: nodes.Template, rules: PageRules, other_names: set[str]):
        self.page = page
        self.jinja = jinja
        self.rules = rules
        self.other_names = other_names
        self.outside = meta.find_undeclared_variables(tree)
        self.offsets = _node_offsets(jinja, page.text, tree)

    def problems(self, node: nodes.Node) -> Iterator[Problem]:
        children = node.iter_child_nodes()
        if isinstance(node, nodes.Call) and self._from_outside(node.node):
            problem = self._call(node)
            if problem:
                yield problem
                return
            children = [*node.args, *node.kwargs, *filter(None, (node.dyn_args, node.dyn_kwargs))]
        elif self._from_outside(node):
            problem = self._bare_name(node)
            if problem:
                yield problem
        for child in children:
            yield from self.problems(child)

    def _from_outside(self, node: nodes.Node) -> bool:
        return isinstance(node, nodes.Name) and node.ctx == "load" and node.name in self.outside

    def _at(self, node: nodes.Node, message: str, fallback: nodes.Node | None = None) -> Problem:
        """A problem where a node starts (its first name or string), or at `fallback` when that is not known
        (two strings Jinja joined into one)."""
        located = [found for found in (node, *node.find_all((nodes.Name, nodes.Keyword, nodes.Const)), fallback) if id(found) in self.offsets]
        return self.page.problem(self.offsets[id(located[0])] if located else self.page.line_start(node.lineno), message)

    def _call(self, call: nodes.Call) -> Problem | None:
        name = call.node.name
        if name in self.rules.macros:
            return self._arguments(call)
        return None if name in self.other_names else self._unknown(call.node)

    def _bare_name(self, node: nodes.Name) -> Problem | None:
        if node.name in self.rules.macros:
            return self._at(node, f"the macro '{node.name}' needs brackets (expected {self._usage(node.name)}; without them the page would show code)")
        return None if node.name in self.other_names else self._unknown(node)

    def _unknown(self, node: nodes.Name) -> Problem:
        return self._at(node, f"unknown macro '{node.name}' ({did_you_mean(node.name, self.rules.macros)}expected one of: {_closest(node.name, self.rules.macros)})")

    def _arguments(self, call: nodes.Call) -> Problem | None:
        """Whether the call gives the macro what it takes; `*list` and `**mapping` are known only when built."""
        if call.dyn_args or call.dyn_kwargs:
            return None
        name, callee = call.node.name, call.node
        parameters = inspect.signature(self.rules.macros[name]).parameters
        expected = f"(expected {self._usage(name)})"
        if len(call.args) > len(parameters):
            takes = f"only {', '.join(self._describe(name, key) for key in parameters)}" if parameters else "no arguments"
            return self._at(call.args[len(parameters)], f"{name}() takes {takes} {expected}", callee)
        given = dict(zip(parameters, call.args))
        for keyword in call.kwargs:
            if keyword.key not in parameters:
                return self._at(keyword, f"{name}() has no argument '{keyword.key}' {expected}", callee)
            if keyword.key in given:
                return self._at(keyword, f"{name}() is given {self._describe(name, keyword.key)} twice {expected}", callee)
            given[keyword.key] = keyword.value
        missing = [key for key, parameter in parameters.items() if key not in given and parameter.default is parameter.empty]
        if missing:
            return self._at(callee, f"{name}() needs {self._describe(name, missing[0])} (expected {self._usage(name)}{self._ids_listed(name)})")
        if name in self.rules.id_arguments:
            return self._id(call, given[next(iter(parameters))])
        return None

    def _id(self, call: nodes.Call, value: nodes.Expr) -> Problem | None:
        name, argument = call.node.name, self.rules.id_arguments[call.node.name]
        if not (isinstance(value, nodes.Const) and isinstance(value.value, str)):
            if isinstance(value, nodes.Const) or self._has_unknown_name(value):
                meant = None if isinstance(value, nodes.Const) else _as_written(value)
                return self._at(value, f"the {argument.noun}'s id must be in double quotes (expected {self._usage(name, meant)})", call.node)
            return None  # a name the page sets, such as a loop's: its value is known only when the page is built
        if self.rules.handbook is None or value.value in argument.items(self.rules.handbook):
            return None  # while the data has problems, its ids are not known yet
        return self._at(value, self._unknown_id(name, value.value), call.node)

    def _has_unknown_name(self, value: nodes.Expr) -> bool:
        return any(self._from_outside(node) and node.name not in self.rules.macros and node.name not in self.other_names
                   for node in [value, *value.find_all(nodes.Name)])

    def _unknown_id(self, name: str, wanted: str) -> str:
        argument = self.rules.id_arguments[name]
        known = list(argument.items(self.rules.handbook))
        for other_name, other in self.rules.id_arguments.items():
            if other_name != name and wanted in other.items(self.rules.handbook):
                return f"'{wanted}' is a {other.noun}, not a {argument.noun} (place it with {self._usage(other_name, wanted)}; the {argument.noun}s are: {_closest(wanted, known)})"
        return f"unknown {argument.noun} '{wanted}' ({did_you_mean(wanted, known)}expected one of: {_closest(wanted, known)})"

    def _describe(self, name: str, parameter: str) -> str:
        """A parameter in a leader's words: "the checklist's id" rather than `checklist_id`."""
        argument = self.rules.id_arguments.get(name)
        first = next(iter(inspect.signature(self.rules.macros[name]).parameters))
        return f"the {argument.noun}'s id" if argument and parameter == first else f"'{parameter}'"

    def _ids_listed(self, name: str) -> str:
        argument = self.rules.id_arguments.get(name)
        if argument is None or self.rules.handbook is None:
            return ""
        return f", with one of: {_closest('', argument.items(self.rules.handbook))}"

    def _usage(self, name: str, example: str | None = None) -> str:
        """The macro as a page places it, with an example id (the first the handbook has) for an id argument."""
        if name in self.rules.id_arguments:
            ids = list(self.rules.id_arguments[name].items(self.rules.handbook)) if self.rules.handbook else []
            inside = f'"{example or next(iter(ids), "its-id")}"'
        else:
            inside = ", ".join(inspect.signature(self.rules.macros[name]).parameters)
        return f"{self.jinja.variable_start_string} {name}({inside}) {self.jinja.variable_end_string}"


def _as_written(value: nodes.Expr) -> str | None:
    """The id a leader meant when they left out the quotes: `new-rep-first-week` is read as a subtraction."""
    if isinstance(value, nodes.Name):
        return value.name
    if isinstance(value, nodes.Const):
        return str(value.value)
    if isinstance(value, nodes.Sub):
        left, right = _as_written(value.left), _as_written(value.right)
        return f"{left}-{right}" if left and right else None
    return None


def _closest(wanted: str, known, most: int = 12) -> str:
    """The known names, all of them when there are few; else the ones most like what was written, and how many
    more there are."""
    known = list(known)
    if len(known) <= most:
        return ", ".join(known)
    return f"{', '.join(difflib.get_close_matches(wanted, known, n=most, cutoff=0))} and {len(known) - most} more"


def _syntax_problem(page: _LocatedPage, jinja: Environment, error: TemplateSyntaxError) -> Problem:
    """A page Jinja cannot read, at the character the lexer stopped at or at the `{{` (or `{%`) being read."""
    message = " ".join(str(error.message).split())
    stopped = re.fullmatch(r"(unexpected char '(.)') at (\d+)", message)
    if stopped:
        hint = "a curly quote: type the id between straight double quotes" if stopped[2] in CURLY_QUOTES else _syntax_hint(jinja)
        return page.problem(int(stopped[3]), f"macro syntax error: {stopped[1]} ({hint})")
    offset, kind = _last_opening(page, jinja, error.lineno)
    opened_before = page.text.count("\n", 0, offset) + 1 < error.lineno
    if kind == "variable_begin" and (opened_before or "end of template" in message):
        start, end = jinja.variable_start_string, jinja.variable_end_string
        return page.problem(offset, f"macro syntax error: '{start}' is not closed (end the macro with '{end}' on the same line)")
    return page.problem(offset, f"macro syntax error: {message} ({_syntax_hint(jinja)})")


def _last_opening(page: _LocatedPage, jinja: Environment, line: int) -> tuple[int, str]:
    """The last `{{` or `{%` that opens at or before `line`, as (offset, kind); the line's start if none does."""
    found = (page.line_start(line), "")
    try:
        for offset, token_line, kind, _ in _located_tokens(jinja, page.text):
            if token_line > line:
                break
            if kind in ("variable_begin", "block_begin"):
                found = (offset, kind)
    except TemplateSyntaxError:
        pass  # the lexer stops where the page stops making sense; the openings before it are what we need
    return found


def _syntax_hint(jinja: Environment) -> str:
    start, end = jinja.variable_start_string, jinja.variable_end_string
    block_start, block_end = jinja.block_start_string, jinja.block_end_string
    return (f"a macro is written {start} name() {end} or {start} name(\"id\") {end}: two braces each side, round brackets, "
            f"the id in straight double quotes; to show {start} as text, put it between "
            f"{block_start} raw {block_end} and {block_start} endraw {block_end}")
