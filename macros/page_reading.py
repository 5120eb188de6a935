"""A page read as the render step reads it: the front matter mkdocs takes off by its own rule, and the macro calls
Jinja finds in the rest, written in mkdocs-macros' syntax. The page check (in `validate` and in the build), the
render step and the change summary read pages only here.

A call inside `{% raw %}` or a Jinja comment is not a call, and a call split over lines is still one.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, StrictUndefined, nodes
from mkdocs.utils.meta import get_data


# What the render step gives every page besides our macros, mkdocs.yml's `extra` and the page's front matter, as
# mkdocs-macros did: `config` (mkdocs.yml's settings) and `page` (its `title`, `url` and `meta`).
GIVEN_NAMES = frozenset({"config", "page"})


def jinja_environment() -> Environment:
    """Jinja as pages are written for it: mkdocs-macros' syntax (`{{ charter() }}`, `{% raw %}`), a name nothing
    defines is an error rather than blank text, and Jinja comments are written `{## … ##}`, because pages use
    `{#id}` attribute lists."""
    return Environment(undefined=StrictUndefined, comment_start_string="{##", comment_end_string="##}")


@dataclass(frozen=True)
class Page:
    """A page's file as the render step reads it: the front matter mkdocs takes off, and the `text` after it that
    Jinja renders (line ends as Jinja reads them), which starts `lines_before` lines into the file."""

    front_matter: Mapping[str, Any]
    text: str
    lines_before: int

    @classmethod
    def read(cls, source: str) -> "Page":
        body, front_matter = get_data(source)
        return cls(front_matter, re.sub(r"\r\n?", "\n", body), source.count("\n") - body.count("\n"))

    @property
    def renders_macros(self) -> bool:
        """False for a page whose front matter says `render_macros: false`: it is left as written."""
        return self.front_matter.get("render_macros") is not False

    def file_line(self, line: int) -> int:
        """The file's line of a line of the text (from 1), as a leader finds it in their editor."""
        return self.lines_before + line


class _NotAValue:
    """An argument written as an expression, such as a variable, whose value the page alone does not give."""

    def __repr__(self) -> str:
        return "…"


NOT_A_VALUE = _NotAValue()


@dataclass(frozen=True)
class MacroCall:
    """One call in a page: the macro's name, the arguments' values as written, and the file's line it is on."""

    name: str
    args: tuple
    kwargs: dict = field(hash=False)
    line: int


def calls(page: Page, jinja: Environment) -> list[MacroCall]:
    """Every call of a named function in the page, in page order. Raises jinja2.TemplateSyntaxError, with its
    line in `page.text`, when the page's `{{ … }}` or `{% … %}` do not parse."""
    return [part for part in parts(page, jinja) if isinstance(part, MacroCall)]


def parts(page: Page, jinja: Environment) -> list[str | MacroCall]:
    """The page in order: the runs of its own text (what Jinja passes through unchanged) and its macro calls; a
    page left as written is all text."""
    if not page.renders_macros:
        return [page.text]
    found: list[str | MacroCall] = []
    for node in jinja.parse(page.text).find_all((nodes.TemplateData, nodes.Call)):
        if isinstance(node, nodes.TemplateData):
            found.append(node.data)
        elif isinstance(node.node, nodes.Name):
            arguments = tuple(_value(argument) for argument in node.args)
            keywords = {keyword.key: _value(keyword.value) for keyword in node.kwargs}
            found.append(MacroCall(node.node.name, arguments, keywords, page.file_line(node.lineno)))
    return found


def _value(node: nodes.Expr):
    try:
        return node.as_const()
    except nodes.Impossible:
        return NOT_A_VALUE
