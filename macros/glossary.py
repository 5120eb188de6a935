"""Where glossary terms appear in a piece of text: every form of every term in one compiled pattern, since the
renderer asks about every piece of data text on every page."""

import re
from collections.abc import Iterator

from .model import Term

# Whole words only: a form is not found inside a longer word, and a hyphenated word counts as one
# ("commit" is not in "recommit" or "commit-stage").
_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"


class TermFinder:
    """Finds the forms of glossary terms in text. A form matches as written, except that its first letter may
    be either case (a sentence may start with it), and any run of spaces in it matches any run of whitespace.
    Where forms overlap, the longest wins; a form listed for two terms belongs to the first."""

    def __init__(self, terms: list[Term]):
        self._terms: dict[str, Term] = {}
        for term in terms:
            for form in term.forms:
                form = " ".join(form.split())
                for variant in (form, form[:1].swapcase() + form[1:]):
                    self._terms.setdefault(variant, term)
        forms = sorted(self._terms, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, form.split(" "))) for form in forms)
        self._pattern = re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}") if forms else None

    def find(self, text: str) -> Iterator[tuple[re.Match, Term]]:
        """Each place in `text` a term appears, in order, with the term."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            yield match, self._terms[" ".join(match.group(0).split())]
