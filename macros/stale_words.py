"""What running text says that the data decides: the ramp plan's days ("your day-90 review", "your first 90 days")
and the levels' names ("Below Problem solver").

Pages place both from the data, but sentences in the data, the pages' own words and mkdocs.yml's navigation titles
name them too; a leader who moves a milestone or renames a level is told which sentences still say the old one. A
day past the last milestone is a horizon of its own ("by day 180"), not a milestone, and is left alone. A level is
known to be renamed when its name is no longer the words of its id (`problem-solver` called "Consultant"): the id
stays, as everything that points at the level uses it."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .loading import LocatedData
from .page_reading import Page
from .problems import Problem, quoted

# "day 90", "day-90 review", "a 30-day review", "your first 90 days", and in German "an Tag 90", "ersten 90 Tage";
# not a link's "#day-90", which the link check follows to the milestone's id.
_SAYS_A_DAY = re.compile(r"(?<![#\w-])(?:day[- ](\d{2,3})\b|(\d{2,3})-day\b|first (\d{2,3}) days\b|Tag[- ](\d{2,3})\b|ersten (\d{2,3}) Tage\b)", re.IGNORECASE)
# "at day 30, 60 and 90", "Tag 30, 60 und 90": the days after the first, which the pattern above does not see.
_LISTS_DAYS = re.compile(r"(?<![#\w-])(?:days?|Tage?) \d{2,3}((?:, \d{2,3})*,? (?:and|und) \d{2,3})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Decided:
    """What the data decides that text may name: the ramp's milestone days, and each renamed level's id words →
    (its id, its name, where that is written)."""

    days: list[int]
    days_at: str
    renamed: dict[str, tuple[str, str, str]]

    def said(self, text: str) -> Iterator[tuple[int, str]]:
        """Each stale mention in `text`: its offset, and what to tell the leader."""
        for match in _SAYS_A_DAY.finditer(text) if self.days else ():
            yield from self._day(match.start(), match.group(0), int(next(group for group in match.groups() if group)))
        for match in _LISTS_DAYS.finditer(text) if self.days else ():
            for day in re.findall(r"\d{2,3}", match.group(1)):
                yield from self._day(match.start(), match.group(0), int(day))
        for words, (level_id, name, at) in self.renamed.items():
            for match in re.finditer(rf"(?<![\w-]){re.escape(words)}s?(?![\w-])", text):
                yield match.start(), f"{quoted(match.group(0))} names the level {quoted(level_id)} by its old name; it is called {quoted(name)} now ({at}): write that name"


    def _day(self, offset: int, said: str, day: int) -> Iterator[tuple[int, str]]:
        if day < max(self.days) and day not in self.days:
            yield offset, f"{quoted(said)} names a day of the ramp plan that none of its milestones is on ({', '.join(map(str, self.days))}: {self.days_at}); write one of those days, or move the milestone there"


def _id_words(level_id: str) -> str:
    return level_id.replace("-", " ").capitalize()


def decided_in_data(documents: dict[str, LocatedData]) -> Decided:
    """The days and renamed levels as the data files give them. A translation's level names are never its ids'
    words, so levels are compared only in the first language's files."""
    days, days_at, renamed = [], "", {}
    ramp = documents.get("ramp")
    milestones = ramp.value.get("milestones") if ramp is not None else None
    if isinstance(milestones, list) and milestones:
        days = [milestone["day"] for milestone in milestones]
        days_at = f"{ramp.file_at(('milestones',))}, line {ramp.where_key(('milestones',)).line}"
    levels = documents.get("levels")
    if levels is not None and "/languages/" not in levels.file:
        for index, level in enumerate(levels.value.get("levels") or []):
            if _id_words(level["id"]) != level["name"]:
                path = ("levels", index, "name")
                renamed[_id_words(level["id"])] = (level["id"], level["name"], f"{levels.file_at(path)}, line {levels.where(path).line}")
    return Decided(days, days_at, renamed)


def check_data_words(documents: dict[str, LocatedData]) -> list[Problem]:
    """Each data text naming a day no milestone is on, or a level by its old name; not an id, which stays when its
    item moves or is renamed (a milestone's `day-90`), as everything pointing at it uses it."""
    decided = decided_in_data(documents)
    return [document.problem(path, message) for document in documents.values() for path, text in document.texts()
            if path[-1:] != ("id",) for _, message in decided.said(text)]


# Code in a page (a fenced block, or `inline` code) is shown as typed, such as a message quoted in the editing
# guide; it is blanked out, keeping each character's place, so offsets still find the line.
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def _without_code(text: str) -> str:
    return _CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def check_page_words(docs: Path, docs_display: str, decided: Decided, titles: list[tuple[str, str, int]]) -> list[Problem]:
    """The same in the pages' own words (docs/FILE.md:LINE:COL), outside code, and the navigation's titles
    (`titles`: each with the file and line it is written on)."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        try:
            page = Page.read(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            continue  # the page check says so
        for offset, message in decided.said(_without_code(page.text)):
            line = page.text.count("\n", 0, offset) + 1
            column = offset - page.text.rfind("\n", 0, offset)
            problems.append(Problem(f"{docs_display}/{path.relative_to(docs).as_posix()}", page.file_line(line), column, message))
    for title, file, line in titles:
        problems += [Problem(file, line, 1, f"the navigation title {quoted(title, chr(34))}: {message}") for _, message in decided.said(title)]
    return problems
