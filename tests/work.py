"""How much work validating does, counted rather than timed: a count is the same on a busy machine as on an
idle one, so a test can hold the loader to its limits without a stopwatch (how long it takes is for
bench/validation.py to say)."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import yaml

import macros.handbook
from macros.loading import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, LocatedData
from macros.problems import MAX_PROBLEMS_PER_FILE

# Every value opens at most one YAML event and closes at most one; the stream and the document add four.
MOST_EVENTS = 2 * (MAX_VALUES + 1) + 4
# The schema check stops after MAX_PROBLEMS_PER_FILE distinct problems; two failed rules may word the same line
# (an empty text fails minLength and pattern), so a few worded per problem listed, never one per broken item.
MOST_WORDED = 4 * (MAX_PROBLEMS_PER_FILE + 1)


@dataclass
class Work:
    largest_text_parsed: int = 0  # bytes of the largest text handed to the YAML parser
    most_events_read: int = 0  # YAML events read from any one file
    deepest_nesting_read: int = 0  # lists and mappings open at once, at most
    most_values_built: int = 0  # values built from any one file: an alias expanded would multiply them
    problems_worded: dict = field(default_factory=dict)  # data file → problems worded for it

    def limits_broken(self) -> list[str]:
        """What went past the limits that keep validating any file quick (empty when none did)."""
        counts = {
            f"text parsed (bytes, limit {MAX_FILE_BYTES})": (self.largest_text_parsed, MAX_FILE_BYTES),
            f"events read from one file (limit {MOST_EVENTS}, from {MAX_VALUES} values)": (self.most_events_read, MOST_EVENTS),
            f"nesting read (limit {MAX_DEPTH + 1}, the level refused)": (self.deepest_nesting_read, MAX_DEPTH + 1),
            f"values built from one file (limit {MAX_VALUES})": (self.most_values_built, MAX_VALUES),
            f"problems worded for one file (limit {MOST_WORDED})": (max(self.problems_worded.values(), default=0), MOST_WORDED),
        }
        return [f"{what}: {count}" for what, (count, limit) in counts.items() if count > limit]

    def as_dict(self) -> dict:
        return asdict(self)


@contextmanager
def counted() -> Iterator[Work]:
    """Count, for the length of the block, what the loader and the schema check do with each data file."""
    work = Work()
    parse, load_bytes, problem = yaml.parse, macros.handbook.load_bytes, LocatedData.problem
    macros.handbook.CHECKED_FILES.clear()  # every file is loaded again, and counted

    def counting_parse(stream, *args, **kwargs):
        work.largest_text_parsed = max(work.largest_text_parsed, len(stream.encode("utf-8")))
        depth = 0
        for read, event in enumerate(parse(stream, *args, **kwargs), start=1):
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            work.most_events_read = max(work.most_events_read, read)
            work.deepest_nesting_read = max(work.deepest_nesting_read, depth)
            yield event

    def counting_load_bytes(*args, **kwargs):
        located, problems = load_bytes(*args, **kwargs)
        if located is not None:
            work.most_values_built = max(work.most_values_built, len(located.values))
        return located, problems

    def counting_problem(self, *args, **kwargs):
        work.problems_worded[self.file] = work.problems_worded.get(self.file, 0) + 1
        return problem(self, *args, **kwargs)

    yaml.parse, macros.handbook.load_bytes, LocatedData.problem = counting_parse, counting_load_bytes, counting_problem
    try:
        yield work
    finally:
        yaml.parse, macros.handbook.load_bytes, LocatedData.problem = parse, load_bytes, problem
