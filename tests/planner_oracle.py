"""What the activity planner must show, worked out from its data and what a reader types, in exact fractions
and independently of macros/planner.py and planner.js: the site, data and browser tests compare them with it.

The promise, in the page's words: deals are the revenue ÷ the average deal size, and each earlier step the next
one's figure ÷ its rate, each rounded up to a whole number from 10 up and to one decimal below. A day is the
period's figure ÷ its selling days (weeks × days a week), rounded up the same way, and the week is the day's
figure × days a week, exactly, so the days multiply back to the week; below one a day, the week is the period's
figure ÷ weeks, rounded up the same way, and the day the week's figure as shown ÷ days a week, which below one is
"1 every N selling days" with N rounded down to one decimal ("1 every selling day" where that is 1), N the week's
N × days a week where the week is "1 every N weeks". A day's figure
× the next step's rate gives at least the next step's day as shown (or, where that is "1 every", the next step's
week over the days a week), raised to that figure ÷ the rate, rounded up the same way, where it would not; a
week under one a day is raised the same way against the next step's week. Where the first stage's week as
shown, × the weeks, is 5% or more over its period's figure, the page says by how much.
Beside the plan, the first stage's figure a week as shown spread over the week's calling blocks.
"""

from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor, prod


@dataclass(frozen=True)
class Expected:
    revenue_to_find: str
    share_not_from_prospecting: str  # as the sentence under the plan says it: "50%", to one decimal, a half going up
    from_pipeline: str  # what the pipeline entered is expected to bring, rounded down: "25,000"
    covered: bool
    counts: list[Fraction]  # each stage's figure a period
    rows: list[list[str]]  # each stage: name, rate from the step above, a period, a week, a day
    summary: str  # the first stage, as the sentence above the table says it
    over_ask: str | None  # how the first stage's weeks add up past its period's figure, from 5% over; else None


def exact(value) -> Fraction:
    """A data number or a typed English number ("300,000", "2.5") exactly."""
    return Fraction(str(value).replace(",", ""))


def tenths(count: int) -> str:
    return f"{count // 10:,}" + (f".{count % 10}" if count % 10 else "")


def needed(count: Fraction) -> Fraction:
    """A period's figure as the page rounds it: up, to a whole number above 100, else to one decimal."""
    return Fraction(ceil(count)) if count > 100 else Fraction(ceil(count * 10), 10)


def pace(count: Fraction, units: Fraction, unit: str) -> tuple[str, str]:
    """(as a table cell shows it, as a sentence says it)."""
    if count / units > 10:
        shown = f"{ceil(count / units):,}"
        return shown, f"{shown} a {unit}"
    if count == 0 or count >= units:
        shown = tenths(ceil(count / units * 10))
        return shown, f"{shown} a {unit}"
    n = floor(units / count * 10)
    every = (f"1 every {'selling day' if unit == 'day' else 'week'}" if n == 10
             else f"1 every {tenths(n)} {'selling days' if unit == 'day' else 'weeks'}")
    return every, every


def every_n(figure: str) -> Fraction | None:
    """The N of "1 every N selling days" or "… weeks" (1 in "1 every selling day" and "1 every week"), else None."""
    if not figure.startswith("1 every "):
        return None
    n = figure.split()[2]
    return exact(n) if n[0].isdigit() else Fraction(1)


def each_call(week: str, minutes_a_week: int) -> str:
    """What a week's calling blocks leave for each of the first stage's figure a week as shown: whole minutes from
    two minutes up, else whole seconds, rounded down; "under a second" below one."""
    seconds = floor(minutes_a_week * 60 / exact(week))
    return f"{seconds // 60} min" if seconds >= 120 else f"{seconds} s" if seconds else "under a second"


def floor_in_weeks(figure: str, days_a_week: Fraction, share: Fraction, weeks: int) -> str:
    """The activity floor as a reader works it out from a figure the page shows ("1.6 a day", "1 a week",
    "1 every 2 weeks"): the share of what that figure comes to in `weeks` weeks, rounded down to whole activities."""
    n = every_n(figure)
    each = 1 / n if n else exact(figure.split()[0])
    a_week = each * days_a_week if figure.endswith(("a day", "selling days")) else each
    return f"{floor(a_week * weeks * share):,} in {weeks} weeks"


def expected(planner: dict, typed: dict[str, str] | None = None) -> Expected:
    """The plan for the data's `planner` with the fields in `typed` (by field name) as the reader typed them."""
    typed = typed or {}

    def field(name: str, default) -> Fraction:
        return exact(typed[name]) if name in typed else exact(default)

    stages = planner["stages"]
    rates = [field(stage["id"], exact(stage["conversion_rate"]) * 100) / 100 for stage in stages[1:]]
    share = field("share_not_from_prospecting", exact(planner.get("share_not_from_prospecting", 0)) * 100) / 100
    pipeline_at = [stage["id"] for stage in stages].index(planner["pipeline_stage"])
    from_pipeline = field("existing_pipeline", planner.get("existing_pipeline", 0)) * prod(rates[pipeline_at:])
    committed = field("committed_pipeline", planner.get("committed_pipeline", 0))  # commit counts in full
    to_find = max(Fraction(0), field("revenue_target", planner["revenue_target"]) * (1 - share) - committed - from_pipeline)
    counts = [needed(to_find / field("average_deal_size", planner["average_deal_size"]))]
    for rate in reversed(rates):
        counts.insert(0, needed(counts[0] / rate))
    weeks = field("weeks_in_period", planner["weeks_in_period"])
    days = weeks * field("selling_days_per_week", planner["selling_days_per_week"])
    rows, phrases = [], []
    below: tuple[str, str] | None = None  # the next step's week and day as shown
    for index in reversed(range(len(stages))):
        stage, count = stages[index], counts[index]
        rate = tenths(floor(rates[index - 1] * 1000 + Fraction(1, 2))) + "%" if index else ""
        week, per_week = pace(count, weeks, "week")
        day, per_day = pace(count, days, "day")
        if week.startswith("1 every") or day.startswith("1 every"):
            day, per_day = _day_of_week(week, days / weeks)
        if below and day.startswith("1 every"):
            week, per_week = _at_least(week, per_week, below[0], rates[index], "week")
            day, per_day = _day_of_week(week, days / weeks)
        if not day.startswith("1 every"):
            if below and below[1].startswith("1 every"):
                raised = None if below[0].startswith("1 every") else pace(exact(below[0]) / rates[index], days / weeks, "day")
                if raised and exact(raised[0]) > exact(day):  # the week below ÷ the rate, over the days a week
                    day, per_day = raised
            elif below:
                day, per_day = _at_least(day, per_day, below[1], rates[index], "day")
            week = tenths(int(exact(day) * days / weeks * 10))  # the days make the week, exactly
            per_week = f"{week} a week"
        rows.insert(0, [stage["name"], rate, tenths(int(count * 10)), week, day])
        phrases.insert(0, (per_day, per_week, f"{tenths(int(count * 10))} a {planner['period']}"))
        below = (week, day)
    summary = f"{stages[0]['name']}: {', '.join(phrases[0])}."
    over_ask = None
    first_week = rows[0][3]
    if counts[0] and not first_week.startswith("1 every"):
        total = ceil(exact(first_week) * weeks)
        more = Fraction(total - counts[0], counts[0])
        if more >= Fraction(5, 100):
            weeks_typed = typed.get("weeks_in_period", f"{float(planner['weeks_in_period']):g}")
            over_ask = (f"{phrases[0][1]} for {weeks_typed} weeks comes to {total:,}, {tenths(floor(more * 1000 + Fraction(1, 2)))}% more than "
                        f"{phrases[0][2]}")
    return Expected(f"{ceil(to_find):,}", f"{tenths(floor(share * 1000 + Fraction(1, 2)))}%", f"{floor(committed + from_pipeline):,}", to_find == 0, counts, rows, summary, over_ask)


def _day_of_week(week: str, days_a_week: Fraction) -> tuple[str, str]:
    """A day from a week as shown: "1 every N weeks" is one every N × days a week selling days, N rounded down."""
    n = every_n(week)
    if n is not None:
        n = floor(n * days_a_week * 10)
        said = "1 every selling day" if n == 10 else f"1 every {tenths(n)} selling days"
        return said, said
    return pace(exact(week), days_a_week, "day")


def _at_least(shown: str, said: str, below: str, rate: Fraction, unit: str) -> tuple[str, str]:
    """A week's or day's figure, raised so that × `rate` it gives at least `below` (the next step's, as shown)."""
    if shown.startswith("1 every") or below.startswith("1 every"):
        return shown, said
    needed = pace(exact(below) / rate, Fraction(1), unit)
    return needed if exact(needed[0]) > exact(shown) else (shown, said)
