"""A problem found in the data, located at a file, line and column, and its two printed forms."""

from dataclasses import dataclass


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


class DataError(Exception):
    """Raised when the handbook data has problems; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.as_text() for p in self.problems))
