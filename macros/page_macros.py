"""The macro calls a page makes (`{{ checklist("first-customer-call") }}`), found as mkdocs-macros finds them.

A page is parsed with Jinja, with the delimiters mkdocs.yml gives the macros plugin, so a call inside
`{% raw %}` or a Jinja comment is not a call, and a call split over lines is still one.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from jinja2 import Environment, nodes


class _NotAValue:
    """An argument written as an expression, such as a variable, whose value the page alone does not give."""

    def __repr__(self) -> str:
        return "…"


NOT_A_VALUE = _NotAValue()


@dataclass(frozen=True)
class MacroCall:
    """One call in a page: the macro's name, the arguments' values as written, and the line (from 1) it is on."""

    name: str
    args: tuple
    kwargs: dict = field(hash=False)
    line: int


def calls(text: str, syntax: Mapping[str, str] | None = None) -> list[MacroCall]:
    """Every call of a named function in the page, in page order; `syntax` holds the delimiters the macros
    plugin is given (`Site.jinja_syntax()`). Raises jinja2.TemplateSyntaxError, with its line, when the page's
    `{{ … }}` or `{% … %}` do not parse."""
    return [part for part in parts(text, syntax) if isinstance(part, MacroCall)]


def parts(text: str, syntax: Mapping[str, str] | None = None) -> list[str | MacroCall]:
    """The page in order: the runs of its own text (what Jinja passes through unchanged) and its macro calls."""
    found: list[str | MacroCall] = []
    for node in _parse(text, syntax).find_all((nodes.TemplateData, nodes.Call)):
        if isinstance(node, nodes.TemplateData):
            found.append(node.data)
        elif isinstance(node.node, nodes.Name):
            arguments = tuple(_value(argument) for argument in node.args)
            keywords = {keyword.key: _value(keyword.value) for keyword in node.kwargs}
            found.append(MacroCall(node.node.name, arguments, keywords, node.lineno))
    return found


def _parse(text: str, syntax: Mapping[str, str] | None) -> nodes.Template:
    return Environment(**dict(syntax or {})).parse(text)


def _value(node: nodes.Expr):
    try:
        return node.as_const()
    except nodes.Impossible:
        return NOT_A_VALUE
