"""A problem found in the data, located at a file, line and column, and its two printed forms."""

from dataclasses import dataclass
from itertools import groupby

# A leader fixes problems from the top; past this many in one file, more lines only bury the first ones.
MAX_PROBLEMS_PER_FILE = 100


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a leader must fix; ordered by file, then line, then column."""

    file: str
    line: int
    column: int
    message: str

    def as_text(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def as_github(self) -> str:
        """A GitHub Actions annotation, escaped as the Actions toolkit escapes them."""
        return (
            f"::error file={_escape_property(self.file)},line={self.line},col={self.column}"
            f"::{_escape_data(self.message)}"
        )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def first_per_file(problems) -> list[Problem]:
    """Sorted problems, at most MAX_PROBLEMS_PER_FILE per file; a cut list ends with a line, placed at the
    first problem left out, that says there are more (not how many: the schema check stops counting early)."""
    kept = []
    for _, in_file in groupby(sorted(problems), key=lambda problem: problem.file):
        in_file = list(in_file)
        kept += in_file[:MAX_PROBLEMS_PER_FILE]
        if len(in_file) > MAX_PROBLEMS_PER_FILE:
            first_left_out = in_file[MAX_PROBLEMS_PER_FILE]
            kept.append(Problem(first_left_out.file, first_left_out.line, first_left_out.column,
                                f"…and more problems from here on (only the first {MAX_PROBLEMS_PER_FILE} in a file are listed); fix those, then validate again"))
    return kept


class DataError(Exception):
    """Raised when the handbook data has problems; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.as_text() for p in self.problems))
