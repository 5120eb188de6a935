"""The one scoring rule of the self-assessments, as the paper key states it and assessment.js repeats it.

Points count up from the scale's lowest answer (a limit counts down from its highest), so a 1–5 scale
scores like a 0–4 one; a score is the weighted points as a whole percentage of the most the answered
statements could score, rounded half up. The page carries every option's points (see the template), so
the browser only adds; overrides/assets/assessment.js repeats `percent`, `band_for` and `result` step for
step, in the same order, so both give the same figures.
"""

from dataclasses import dataclass
from math import floor

from .model import Assessment, Band, Scale, Statement, StatementGroup

STRENGTH, LIMIT = "strength", "limit"


def option_points(scale: Scale, counts_as: str) -> list[float]:
    """What each of the scale's answers scores on a statement that counts as a strength or a limit."""
    lowest, highest = scale.options[0].value, scale.options[-1].value
    if counts_as == LIMIT:
        return [highest - option.value for option in scale.options]
    return [option.value - lowest for option in scale.options]


def most_points(scale: Scale) -> float:
    return scale.options[-1].value - scale.options[0].value


def percent(scored: list[tuple[float, float, float]]) -> int | None:
    """Whole percentage of (weight, points, most) over answered statements, half up; None if none."""
    got = most = 0.0
    for weight, points, best in scored:
        got += weight * points
        most += weight * best
    return floor(100 * got / most + 0.5) if most else None


@dataclass(frozen=True)
class HabitWeight:
    """How much of a group's score its limits (habits) carry when every statement is answered."""

    habits: int  # how many limits the group has
    points: float  # the most the limits can score
    most: float  # the most the whole group can score
    share: int  # the score of a reader who gets the limits' full points and none of the rest


def habit_weight(scale: Scale, statements: list[Statement]) -> HabitWeight:
    """The limits' part of a score, worked out by the scoring rule itself (`percent`), not restated."""
    most = most_points(scale)
    habits = [statement for statement in statements if statement.counts_as == LIMIT]
    share = percent([(statement.weight, most if statement in habits else 0, most) for statement in statements])
    return HabitWeight(len(habits), sum(s.weight for s in habits) * most, sum(s.weight for s in statements) * most, share or 0)


def band_for(bands: list[Band], score: int) -> Band:
    """Bands run from `start` up to (not including) `end`; the last one includes 100."""
    for index, band in enumerate(bands):
        if band.start <= score and (score < band.end or index == len(bands) - 1):
            return band
    return bands[-1]


@dataclass(frozen=True)
class GroupResult:
    group: StatementGroup
    answered: int
    needed: int
    limits_unanswered: int  # counted only in a balanced assessment, where skipping the limits would game it
    score: int | None
    band: Band | None

    @property
    def enough(self) -> bool:
        return self.answered >= self.needed and not self.limits_unanswered

    @property
    def reached(self) -> bool:
        return self.enough and self.band is not None and self.band.reached


@dataclass(frozen=True)
class Result:
    """What a set of answers gives: no score, band or level until enough statements are answered."""

    answered: int
    needed: int
    score: int | None
    band: Band | None
    groups: list[GroupResult]
    level: StatementGroup | None

    @property
    def complete(self) -> bool:
        return self.answered >= self.needed


def result(assessment: Assessment, answers: dict[str, float]) -> Result:
    """Score `answers` (statement id → the answer's value on the scale); other ids and values are ignored.
    A level is reached when it and every level below it have enough answers (in a balanced assessment, all
    of its limits among them) and a 'reached' band."""
    shown = assessment.statements_in_order  # sums run in the order the page adds them, so floats match
    groups = []
    for group in assessment.groups:
        statements = [statement for statement in shown if statement in group.statements]
        score = percent(_scored(assessment.scale, statements, answers))
        band = None if score is None else band_for(assessment.bands, score)
        answered = {statement.id for statement, _ in _points(assessment.scale, statements, answers)}
        skipped = sum(1 for s in statements if s.counts_as == LIMIT and s.id not in answered) if assessment.balanced else 0
        groups.append(GroupResult(group, len(answered), assessment.answers_needed_per_group, skipped, score, band))
    answered = sum(group.answered for group in groups)
    if answered < assessment.answers_needed:
        return Result(answered, assessment.answers_needed, None, None, groups, None)
    score = percent(_scored(assessment.scale, shown, answers))
    level = None
    if assessment.rates_levels:
        for group in groups:
            if not group.reached:
                break
            level = group.group
    return Result(answered, assessment.answers_needed, score, band_for(assessment.bands, score), groups, level)


def _points(scale: Scale, statements: list[Statement], answers: dict[str, float]) -> list[tuple[Statement, float]]:
    values = [option.value for option in scale.options]
    return [
        (statement, option_points(scale, statement.counts_as)[values.index(answers[statement.id])])
        for statement in statements
        if answers.get(statement.id) in values
    ]


def _scored(scale: Scale, statements: list[Statement], answers: dict[str, float]) -> list[tuple[float, float, float]]:
    most = most_points(scale)
    return [(statement.weight, points, most) for statement, points in _points(scale, statements, answers)]

