"""Checks on the coaching question bank that a schema cannot express: a question must be open, and must suit
a run of neighbouring levels of the ladder.

A question is *closed* when nothing in it asks an open question and one of its clauses opens with a word that
invites a yes or no: a form of be, do or have, a modal verb (can, could, will, would, should…), or
any/anything. A clause is a stretch of a sentence between punctuation (, ; : – — and brackets) or the words
"and", "or" and "but". A clause asks an open question when it starts with what, how, which, who, whom,
whose, where, when or why, optionally after a preposition ("At what point…", "By when…"). So:

- "Is there anything that would stop you?" and "Looking back, did you see it coming?" are closed;
- "Do you know what the buyer wants?" is closed: "what" is inside the clause, not opening one;
- "Is this deal real, and what tells you so?" is open: its second clause asks an open question;
- "Tell me about the call." opens with neither and is left alone.
"""

import re

from .loading import LocatedData
from .problems import Problem, quoted

OPEN_WORDS = frozenset("what how which who whom whose where when why".split())
CLOSED_OPENERS = frozenset(
    """is are am was were isn't aren't wasn't weren't
    do does did don't doesn't didn't have has had haven't hasn't hadn't
    can could will would shall should may might must can't couldn't won't wouldn't shouldn't mustn't
    any anything anyone anybody""".split()
)
PREPOSITIONS = frozenset("about after against at before between by during for from in into of on over since through to under until with within".split())

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—?!.]|\s-\s|\b(?:and|or|but)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_MARKDOWN = re.compile(r"\]\([^)]*\)|[*_`\[\]]")


def closed_opener(text: str) -> str | None:
    """The word that makes the question a yes-or-no question, or None when it is open (see the module's rule)."""
    closed = None
    for clause in _CLAUSE_BREAK.split(_MARKDOWN.sub("", text).lower().replace("’", "'")):
        words = _WORD.findall(clause)
        if not words:
            continue
        first = words[1] if words[0] in PREPOSITIONS and len(words) > 1 else words[0]
        if first.split("'")[0] in OPEN_WORDS:
            return None
        if closed is None and words[0] in CLOSED_OPENERS:
            closed = words[0]
    return closed


def check_question_bank(bank: LocatedData | None, levels: LocatedData | None) -> list[Problem]:
    """Problems with questions that are closed, or whose levels skip a rung inside their range."""
    if bank is None:
        return []
    problems = []
    ladder = [level["id"] for level in levels.value["levels"]] if levels is not None else []
    for index, question in enumerate(bank.value["questions"]):
        path = ("questions", index)
        opener = closed_opener(question["text"])
        if opener:
            problems.append(bank.problem(path + ("text",), f"question {quoted(question['id'])} opens with {quoted(opener.capitalize())}, so it can be answered yes or no; ask it with what, how, which, who, where, when or why instead (e.g. 'What could stop you…?' rather than 'Is there anything that would stop you…?')"))
        skipped = _skipped_levels(question["levels"], ladder)
        if skipped:
            names = " and ".join(", ".join(skipped).rsplit(", ", 1))
            problems.append(bank.problem(path + ("levels",), f"question {quoted(question['id'])} suits levels on both sides of {names} but not {'that level' if len(skipped) == 1 else 'those levels'}; a question suits neighbouring levels of the ladder, so add {names}, or narrow the range"))
    return problems


def _skipped_levels(question_levels: list[str], ladder: list[str]) -> list[str]:
    """Levels of the ladder between the question's lowest and highest level that it leaves out."""
    rungs = sorted(ladder.index(level) for level in question_levels if level in ladder)
    if not rungs:
        return []
    return [ladder[rung] for rung in range(rungs[0], rungs[-1] + 1) if ladder[rung] not in question_levels]
