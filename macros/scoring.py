"""The one scoring rule of the self-assessments, as the paper key states it and assessment.js repeats it.

Points count up from the scale's lowest answer (a limit counts down from its highest), so a 1–5 scale
scores like a 0–4 one; a score is the weighted points as a whole percentage of the most the answered
statements could score, rounded half up. In the level assessment (`habits_at_most`) the habits add no
points: a level's score counts all its other behaviours once any statement of it is answered (one left
blank scores none), and a habit answered above `habits_at_most` holds the level back, because strong
behaviours do not make up for a habit the seller still has (nor a clean record on habits for weak
behaviours); so does a behaviour left blank or answered below the mirror of that answer
(`Assessment.behaviours_at_least`: a habit at most "A little" like the seller, a behaviour at least "Mostly"),
since a level is the behaviours that mark it, each of them, not their average. Below the level reached, one
such level may be a gap (see `holds`). With `basics_first`, the top levels wait for the basics answered at the top
of the scale and none below "Mostly" (`waits_for_basics`); a habit marked `foundation` held at all caps as one held
fully does. A worse answer never raises the level. In the other forms, a statement marked essential answered below `essentials_at_least`, or left
blank, keeps the result out of the top band: a call with no next step asked for is not one to show the team,
whatever else went well; with `missed_essential_fails`, one answered with the scale's lowest answer puts it in
the lowest band, since that call did not work (with a list of essentials, only all of those answered so do). The page carries every option's points (see the template), so the browser only adds;
overrides/assets/assessment.js repeats `percent`, `band_for` and `result` step for step, in the same order,
so both give the same figures.
"""

from dataclasses import dataclass, field
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


def adds_points(assessment: Assessment, statement: Statement) -> bool:
    """Whether a statement's points count in the score: all do, but the habits of a level assessment."""
    return not (assessment.habits_at_most is not None and statement.counts_as == LIMIT)


def most_score(assessment: Assessment, statements: list[Statement]) -> float:
    """The most `statements` can score when all are answered: the paper key's total for a level."""
    return sum(statement.weight for statement in statements if adds_points(assessment, statement)) * most_points(assessment.scale)


def habit_points_at_least(assessment: Assessment) -> float | None:
    """The fewest points a habit's answer may carry in a level that is reached (a limit's points count down
    from the scale's top, so an answer at `habits_at_most` or below carries at least this); None: no rule."""
    if assessment.habits_at_most is None:
        return None
    return assessment.scale.options[-1].value - assessment.habits_at_most


def behaviour_points_at_least(assessment: Assessment) -> float | None:
    """The fewest points each behaviour of a reached level may carry (a blank one carries none); None: no rule."""
    if assessment.behaviours_at_least is None:
        return None
    return assessment.behaviours_at_least - assessment.scale.options[0].value


def gap_points_at_least(assessment: Assessment) -> float | None:
    """The fewest points each behaviour of a level below may carry for the level to be a gap (points count up
    from the scale's lowest answer); None: no rule."""
    if assessment.gap_behaviours_at_least is None:
        return None
    return assessment.gap_behaviours_at_least - assessment.scale.options[0].value


def essentials_short(assessment: Assessment, answers: dict[str, float]) -> list[Statement]:
    """The essential statements left blank or answered below `essentials_at_least`, and those essential when
    rated answered below it, in the form's order."""
    values = {option.value for option in assessment.scale.options}
    return [s for s in assessment.statements_in_order
            if (s.essential or s.essential_when_rated and answers.get(s.id) in values) and not (answers.get(s.id) in values and answers[s.id] >= assessment.essentials_at_least)]


def essentials_missed(assessment: Assessment, answers: dict[str, float]) -> list[Statement]:
    """With `missed_essential_fails`, the essentials answered with the scale's lowest answer that put the result in
    the lowest band, in the form's order: those of each failing group (Assessment.failing_groups) answered so in
    full."""
    lowest = assessment.scale.options[0].value
    failed = {s.id for group in assessment.failing_groups if all(answers.get(s.id) == lowest for s in group) for s in group}
    return [s for s in assessment.essentials_failing if s.id in failed]


def missed_holding(assessment: Assessment, answers: dict[str, float]) -> list[Statement]:
    """With `top_band_needs_nothing_missed`, the statements answered with the scale's lowest answer, in the form's
    order: any one keeps the result out of the top band."""
    if not assessment.top_band_needs_nothing_missed:
        return []
    lowest = assessment.scale.options[0].value
    return [s for s in assessment.statements_in_order if answers.get(s.id) == lowest]


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
    habits_held: int = 0  # habits answered above the assessment's habits_at_most
    behaviours_short: int = 0  # behaviours (habits aside) blank or answered below gap_behaviours_at_least
    behaviours_below: int = 0  # behaviours (habits aside) blank or answered below behaviours_at_least: a reached level has none
    habits_fully_held: int = 0  # of the habits held, those answered so high that they cap, as a basic not done does

    @property
    def enough(self) -> bool:
        return self.answered >= self.needed and not self.limits_unanswered

    @property
    def reached(self) -> bool:
        return self.enough and self.band is not None and self.band.reached and not self.habits_held and not self.behaviours_below


@dataclass(frozen=True)
class Result:
    """What a set of answers gives: no score, band or level until enough statements are answered."""

    answered: int
    needed: int
    score: int | None
    band: Band | None
    groups: list[GroupResult]
    level: StatementGroup | None
    essentials_short: list[Statement] = field(default_factory=list)  # those keeping a top-band score out of it
    essentials_missed: list[Statement] = field(default_factory=list)  # of those, the ones failing the form
    missed_holding: list[Statement] = field(default_factory=list)  # answered the lowest, keeping a top-band score out of it
    waiting_on_basics: StatementGroup | None = None  # the highest level the answers reach that waits for the basics (waits_for_basics)

    @property
    def complete(self) -> bool:
        return self.answered >= self.needed


def result(assessment: Assessment, answers: dict[str, float]) -> Result:
    """Score `answers` (statement id → the answer's value on the scale); other ids and values are ignored.
    A level is reached when it has enough answers (in a balanced assessment, all of its limits among them), a
    'reached' band, no habit answered above `habits_at_most` and each behaviour answered at least
    `behaviours_at_least` (one only "A little" there, or left blank beyond `not_come_up`, holds it back however the rest scores, so
    leaving a weak one out never beats answering it); it counts when every level below it is
    reached too, or, with `lower_levels_at_least`, at least holds (enough answers, that score, no habit held, no
    behaviour below `gap_behaviours_at_least`), with at most `lower_level_gaps_at_most` of them counted as gaps (see `counted_gaps`)."""
    shown = assessment.statements_in_order  # sums run in the order the page adds them, so floats match
    blank_in = {group.id: not_come_up(assessment, group.statements, answers) for group in assessment.groups}
    absent = {statement.id for blank in blank_in.values() for statement in blank}
    scored = [statement for statement in shown if adds_points(assessment, statement) and statement.id not in absent]
    least = habit_points_at_least(assessment)
    gap_least = gap_points_at_least(assessment)
    reach_least = behaviour_points_at_least(assessment)
    groups = []
    for group in assessment.groups:
        statements = [statement for statement in shown if statement in group.statements]
        blank = blank_in[group.id]
        points = _points(assessment.scale, statements, answers)
        answered = {statement.id for statement, _ in points}
        score = percent(_scored(assessment, [s for s in statements if s in scored], answers, bool(answered)))
        band = None if score is None else band_for(assessment.bands, score)
        skipped = sum(1 for s in statements if s.counts_as == LIMIT and s.id not in answered) if assessment.balanced else 0
        held = 0 if least is None else sum(1 for statement, got in points if statement.counts_as == LIMIT and got < least)
        got = {statement.id: value for statement, value in points}  # a blank behaviour is short of any least answer
        counted = [s for s in statements if s.counts_as != LIMIT and s not in blank]
        # short of a gap: below the gap's least answer, or a foundation below a reached level's (keeping promises
        # "A little" is no gap on the way to problem solver: a coach)
        short = 0 if gap_least is None else sum(1 for s in counted if s.id not in got or got[s.id] < gap_least or (s.foundation and reach_least is not None and got[s.id] < reach_least))
        below = 0 if reach_least is None else sum(1 for s in counted if s.id not in got or got[s.id] < reach_least)
        # held so high it caps, as a basic not done does: fully, or at all for a foundation habit (one that breaks a
        # team value: dates promised unchecked, the demo before discovery; a VP of Sales found either "Mostly" there
        # passed as the one gap under "Strategic adviser")
        full = 0 if least is None else held if gap_least is None else sum(1 for s in statements if s.counts_as == LIMIT and s.id in got and (got[s.id] < min(least, gap_least) or (s.foundation and got[s.id] < least)))
        groups.append(GroupResult(group, len(answered), assessment.answers_needed_per_group, skipped, score, band, held, short, below, full))
    answered = sum(group.answered for group in groups)
    if answered < assessment.answers_needed:
        return Result(answered, assessment.answers_needed, None, None, groups, None)
    score = percent(_scored(assessment, scored, answers, True))
    band = band_for(assessment.bands, score)
    missed = essentials_missed(assessment, answers)
    short = essentials_short(assessment, answers) if band is assessment.bands[-1] or missed else []
    held_missed = missed_holding(assessment, answers) if band is assessment.bands[-1] and not missed and not short else []
    if missed:
        band = assessment.bands[0]
    elif short or held_missed:
        band = assessment.bands[-2]
    level = waiting = None
    if assessment.rates_levels:
        for index, group in enumerate(groups):
            if group.reached and lets_count(assessment, groups[:index]):
                if waits_for_basics(assessment, index, answers):
                    waiting = group.group
                else:
                    level = group.group
    return Result(answered, assessment.answers_needed, score, band, groups, level, short, missed, held_missed, waiting)


def basics_short(assessment: Assessment, answers: dict[str, float]) -> list[Statement]:
    """With `basics_first`, the basics levels' behaviours (habits aside) answered below a reached level's least
    answer ("Mostly") or left blank, but for one read as not come up (`not_come_up`); else []."""
    least = behaviour_points_at_least(assessment)
    if least is None:
        return []
    short = []
    for group in assessment.basics_levels:
        absent = not_come_up(assessment, group.statements, answers)
        got = {statement.id: points for statement, points in _points(assessment.scale, group.statements, answers)}
        short += [s for s in group.statements if s.counts_as != LIMIT and s not in absent and (s.id not in got or got[s.id] < least)]
    return short


def basics_at_top(assessment: Assessment, answers: dict[str, float]) -> int:
    """With `basics_first`, how many of the basics levels' behaviours (habits aside) are answered with the
    scale's top answer; else 0."""
    top = assessment.scale.options[-1].value
    return sum(1 for group in assessment.basics_levels for s in group.statements if s.counts_as != LIMIT and answers.get(s.id) == top)


def waits_for_basics(assessment: Assessment, index: int, answers: dict[str, float]) -> bool:
    """Whether the level at `index`, reached and let count by the levels below, waits for the basics: it is
    `basics_first.from_level` or above, and fewer than `at_top_at_least` of the basics are answered at the top or
    any is short of "Mostly" (`basics_short`). A manager steps back from a seller there, which the basics done
    "Mostly" don't warrant; it replaces a rule that placed no one whose strengths all had one answer, which a
    sales leader found rewarding a worse answer ("Mostly" everywhere: not placed; one lowered to "A little":
    "Strategic adviser") and placing the top rated above the basics at the top (25 profiles, 7 December 2026).
    A basic "A little" waits too: two of them, the rest at the top, read "Strategic adviser" where every basic
    "Mostly" read "Problem solver" (a VP of Sales)."""
    waiting = assessment.waiting_levels
    return bool(waiting) and assessment.groups[index] in waiting and (basics_at_top(assessment, answers) < assessment.basics_first.at_top_at_least or bool(basics_short(assessment, answers)))


def not_come_up(assessment: Assessment, statements: list[Statement], answers: dict[str, float]) -> list[Statement]:
    """A level's behaviours left blank, where no more of them are than `not_come_up_per_level` and each is one that
    may not come up in an account (`may_not_come_up` in levels.yml: no launch or tender in six months): read as not
    come up, they neither score nor hold the level back. Other blanks are blanks, each scoring none and holding
    the level back, so leaving out a weak basic (a promise kept only "A little") still lifts nothing (an enablement
    reviewer: a rep whose account had no launch could only guess, or lose the level)."""
    values = {option.value for option in assessment.scale.options}
    blank = [s for s in statements if s.counts_as != LIMIT and answers.get(s.id) not in values]
    return blank if len(blank) <= assessment.not_come_up_per_level and all(s.may_not_come_up for s in blank) else []


def lets_count(assessment: Assessment, below: list[GroupResult]) -> bool:
    """Whether the levels below a reached level let it count: each holds, and no more than
    `lower_level_gaps_at_most` of them count as gaps (`counted_gaps`), so a seller part of the way there on most
    of the ladder is not rated at its top."""
    most_gaps = assessment.lower_level_gaps_at_most
    return all(holds(assessment, group) for group in below) and (most_gaps is None or len(counted_gaps(assessment, below)) <= most_gaps)


def counted_gaps(assessment: Assessment, below: list[GroupResult]) -> list[GroupResult]:
    """The levels below that count against `lower_level_gaps_at_most`: each holding without being reached, but a
    basics level (`basics_first`) that is a near miss where one behaviour is a notch short: the levels a manager
    steps back from wait for that basic anyway (`waits_for_basics`), and it should not drop a strong rep to no
    level (a sales leader: "Just like me" on everything but "A little" on logging calls the same day and on one
    product-expert behaviour read "No level reached yet"). Above the basics a near miss is a gap like any other:
    one such level on each rung read "Strategic adviser" with all five below "not reached" (a VP of Sales). A
    habit still "Mostly" there counts, near miss or not: a rep still demoing first and giving way on price, two
    habits at two levels, read "Strategic adviser" (a sales director)."""
    basics = assessment.basics_levels
    return [group for group in below if not group.reached and holds(assessment, group) and not (group.group in basics and near_miss(assessment, group) and not group.habits_held)]


def near_miss(assessment: Assessment, group: GroupResult) -> bool:
    """Whether a level below is a gap one answer short of reached: its score in a reached band, and one behaviour
    a notch under `behaviours_at_least` or one habit a notch over `habits_at_most` the only thing holding it. One
    held by a behaviour is named but not counted against `lower_level_gaps_at_most` (`counted_gaps`)."""
    return (not group.reached and holds(assessment, group) and group.band is not None and group.band.reached
            and group.habits_held + group.behaviours_below == 1 and not group.behaviours_short and not group.habits_fully_held)


def holds(assessment: Assessment, group: GroupResult) -> bool:
    """Whether a level below another lets it count: reached, or with `lower_levels_at_least` a gap to close rather
    than a cap: answered enough, (with `gap_behaviours_at_least`) no behaviour blank or answered below it, and
    either scoring at least that with no habit holding it back, or scoring a reached band with only habits holding
    it back, no more of them than `gap_habits_held_at_most` and none answered so high that it mirrors a basic not
    done at all. One habit still "Mostly" there is a habit to coach, not the mark of a seller four levels down; two
    are a pattern (a rep who still demos before discovery and asks closed questions is no strategic adviser), and
    a basic not done, or a habit fully kept, caps."""
    floor_score = assessment.lower_levels_at_least
    if group.reached or floor_score is None:
        return group.reached
    if not group.enough or group.score is None or group.behaviours_short or group.habits_fully_held or group.habits_held > assessment.gap_habits_held_at_most:
        return False
    return group.band.reached if group.habits_held else group.score >= floor_score


def _points(scale: Scale, statements: list[Statement], answers: dict[str, float]) -> list[tuple[Statement, float]]:
    values = [option.value for option in scale.options]
    return [
        (statement, option_points(scale, statement.counts_as)[values.index(answers[statement.id])])
        for statement in statements
        if answers.get(statement.id) in values
    ]


def _scored(assessment: Assessment, statements: list[Statement], answers: dict[str, float], started: bool) -> list[tuple[float, float, float]]:
    """(weight, points, most) of each statement the score counts: those answered; in the level assessment every
    behaviour once the level is `started` (any of its statements answered), a blank one scoring none, so leaving
    the weak ones out cannot lift a level."""
    most = most_points(assessment.scale)
    got = {statement.id: points for statement, points in _points(assessment.scale, statements, answers)}
    counted = statements if assessment.habits_at_most is not None and started else [s for s in statements if s.id in got]
    return [(statement.weight, got.get(statement.id, 0), most) for statement in counted]

