"""The coaching rhythm's arithmetic: how often a meeting comes round in a month, the time it takes, and how
that time is written. The model, the validation rules and the pages all use these, so a figure is worked out
one way only.

A month is a twelfth of a year: a weekly meeting comes round 52 ÷ 12 times a month, not 4. The manager's weeks
away are counted: a weekly meeting is skipped in them (47 a year with 5 weeks away), one held less often is moved
to another week of its fortnight, month or quarter, and a working month is the hours of the weeks they are there.
Times are kept exact (fractions) and rounded only when written.
"""

import math
from decimal import Decimal
from fractions import Fraction

# How often a meeting can be held (the values data/schemas/rhythm.schema.json allows) → times a year.
TIMES_A_YEAR = {"weekly": 52, "fortnightly": 26, "monthly": 12, "quarterly": 4}
# … → the most days that may pass between two of them before one is late: a month's is the longest month's,
# a quarter's the longest quarter's, so a meeting held on the same date each month is never flagged.
DAYS_APART = {"weekly": 7, "fortnightly": 14, "monthly": 31, "quarterly": 92}
MONTHS_A_YEAR = 12
WEEKS_A_YEAR = 52


def times_a_year(how_often: str, weeks_away: int = 0) -> int:
    """How often a meeting is held in a year, the manager's `weeks_away` taken out of a weekly one's: a week
    away has no 1:1, and a meeting held less often is moved to another week of its fortnight, month or quarter
    (a VP: skipping a ride-along or a development review for a holiday is poor practice)."""
    return WEEKS_A_YEAR - weeks_away if how_often == "weekly" else TIMES_A_YEAR[how_often]


# Held in some months only: a round falls in one week of one month of several, so a given month's weeks may have
# none (a quarter's development reviews).
IN_SOME_MONTHS = {"quarterly"}


def share_in_week(how_often: str, week_of_month: int | None, week: int, weeks: int) -> Fraction:
    """The share of the team a meeting takes in week `week` (from 1) of a month of `weeks` weeks the manager is
    there: every rep for a weekly one, half of them for a fortnightly one; for a monthly one, every rep in the week
    it is held (`week_of_month`), or an equal share each week when it has none; none for one held in some months
    only (IN_SOME_MONTHS)."""
    if how_often in IN_SOME_MONTHS:
        return Fraction(0)
    if how_often == "monthly":
        return Fraction(int(week == week_of_month)) if week_of_month else Fraction(1, weeks)
    return Fraction(TIMES_A_YEAR[how_often], WEEKS_A_YEAR)


def days_apart(how_often: str) -> int:
    return DAYS_APART[how_often]


def minutes_a_month(minutes: int, how_often: str, weeks_away: int = 0) -> Fraction:
    """A meeting's time in an average month: a 30-minute weekly meeting takes 30 × 52 ÷ 12 = 130 minutes, or 30 ×
    47 ÷ 12 = 117.5 with 5 weeks away."""
    return Fraction(minutes * times_a_year(how_often, weeks_away), MONTHS_A_YEAR)


def working_month_minutes(hours_per_week: float, weeks_away: int = 0) -> Fraction:
    """A working month in minutes: the working week × the weeks a year there ÷ 12 (a 40-hour week gives 173 h 20
    min, or 156 h 40 min with 5 weeks away)."""
    return Fraction(str(hours_per_week)) * 60 * (WEEKS_A_YEAR - weeks_away) / MONTHS_A_YEAR


def whole(value: Fraction) -> int:
    """Rounded to the nearest whole number, a half going up (Python's round() would send 0.5 to 0)."""
    return math.floor(value + Fraction(1, 2))


def duration(minutes: Fraction | int) -> str:
    """Minutes as a reader says them, to the nearest minute: "20 min", "2 h", "2 h 10 min"."""
    total = whole(Fraction(minutes))
    hours, rest = divmod(total, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def percent(share: Fraction, places: int = 0) -> str:
    """A share as a percentage, a half going up: 2680/10400 gives "26%", or "25.8%" with one place."""
    scaled = whole(share * 100 * 10**places)
    return f"{Decimal(scaled).scaleb(-places)}%"


def number(value: float, scale: int = 1) -> str:
    """A figure from the data (times `scale`) as it was typed: 3 gives "3", 2.5 gives "2.5", 0.3 × 100 gives "30"."""
    return format((Decimal(str(value)) * scale).normalize(), "f")


def strict_parts(meetings: list[tuple[object, bool, int, str, int | None]], one_to_one: object, boxes: int, weeks_away: int = 0) -> list[tuple[object, str, Fraction]] | None:
    """The strict count of coaching, as (meeting, what of it counts, minutes a month) for each meeting counted as
    coaching, given as (meeting, counts_as_coaching, minutes, how_often, its coaching_part's minutes or None):
    of the 1:1 (`one_to_one`) its coaching "boxes", `boxes` minutes (the skill and the deal); of a meeting with a
    coaching part that "part" (the ride-along's debrief, not the customer meetings watched); else the "whole".
    None where no 1:1 box is marked coaching, or the 1:1 is not counted as coaching: then there is no strict
    count. The model and the validation rule count with it."""
    counted = {meeting: counts for meeting, counts, *_ in meetings}
    if not boxes or not counted.get(one_to_one):
        return None
    parts = []
    for meeting, counts, minutes, how_often, part in meetings:
        if counts:
            kind, each = ("boxes", boxes) if meeting == one_to_one else ("part", part) if part is not None else ("whole", minutes)
            parts.append((meeting, kind, minutes_a_month(each, how_often, weeks_away)))
    return parts
