"""Text cut short by a comment. In unquoted text YAML reads everything after " #" as a comment, so
`text: Call your #1 account before Friday.` is valid and the page shows "Call your". Reported only where the
schema wants free text: after an id, a number or true/false a comment is a note, and harmless."""

import json
from pathlib import Path

from .loading import LocatedData, TrailingComment
from .problems import Problem, quoted
from .schema_check import expects_text


def check_cut_text(document: LocatedData, name: str, schemas_dir: Path) -> list[Problem]:
    """A problem at the '#' of each comment that follows unquoted text in a free-text field."""
    return [
        Problem(document.file_at(path), comment.mark.line, comment.mark.column, _message(comment))
        for path, comment in document.trailing_comments.items()
        if expects_text(schemas_dir, name, path)
    ]


def _message(comment: TrailingComment) -> str:
    if comment.written:
        whole = f"{comment.written} {comment.text}"
        shown = quoted(comment.written, '"')
        what = f'this text is cut at "#": YAML reads everything after " #" as a comment, so the page would show only {shown}'
    else:
        whole = comment.text
        what = 'this text starts with "#", so YAML reads all of it as a comment and the value is empty'
    # A JSON string is a YAML double-quoted one: a quote or backslash in the text comes out escaped.
    as_typed = quoted(json.dumps(whole, ensure_ascii=False)[1:-1], '"')
    return f"{what}. Put the whole text in double quotes: {as_typed}; or, if the comment is a note for editors, move it to a line of its own"
