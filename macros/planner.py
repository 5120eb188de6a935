"""The activity planner's arithmetic, kept exact, and the one rule for rounding what it shows.

overrides/assets/planner.js mirrors `plan`, `pace` and `Written`'s rounding step for step, so the page shows the
same figures with and without JavaScript: change the two together.

Results are numbers (`Pace.tenths`, `Step.share`, `Plan.revenue`); a page writes them in its language's digits
and words with `Written` and data/strings.yml.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import ceil, floor, prod

from babel.numbers import format_decimal


@dataclass(frozen=True)
class Inputs:
    """What the planner starts from, exact; rates and the share are fractions (0.25, not 25)."""

    revenue_target: Fraction
    average_deal_size: Fraction
    weeks_in_period: Fraction
    selling_days_per_week: Fraction
    rates: tuple[Fraction, ...]  # for each stage after the first, the share of the stage before that reaches it
    pipeline_stage: int  # the stage (by position) that the existing pipeline has reached
    existing_pipeline: Fraction = Fraction(0)  # at pipeline_stage or beyond, not in commit
    share_not_from_prospecting: Fraction = Fraction(0)
    committed_pipeline: Fraction = Fraction(0)  # deals in commit, counted in full


@dataclass(frozen=True)
class Pace:
    """A figure per period, week or day, in tenths; with `every`, the figure is one every N weeks or days and
    `tenths` holds N."""

    tenths: int
    every: bool = False


@dataclass(frozen=True)
class Step:
    """One funnel stage's activity: a number per period (needed), and the pace per week and per day."""

    period: Pace
    week: Pace
    day: Pace
    count: Fraction  # the number a period (needed), which the paces are worked out from
    share: Fraction | None  # the share of the step above that reaches this one; None on the first step


# From how much more than the period's figure the first step's weekly figure adds up to over the period, the page
# says so: a few calls more than the quarter needs go unremarked; 10% more (1 a day for 0.91, carried up the
# funnel) does not.
OVER_ASK_SAID_FROM = Fraction(1, 20)


@dataclass(frozen=True)
class Plan:
    covered: bool  # pipeline and revenue from elsewhere already cover the target: nothing left to prospect for
    steps: list[Step]
    revenue: int  # the revenue to find by prospecting, rounded up to a whole unit of money
    from_pipeline: int  # what the pipeline entered is expected to bring, rounded down, as the revenue is rounded up

    def block_interval(self, block_minutes_a_week: int) -> tuple[str, int] | None:
        """The first step's weekly figure over the week's calling blocks (block_interval)."""
        return block_interval(self.steps[0].week, block_minutes_a_week)

    def block_minutes_needed(self, minutes_each: list[int | None]) -> Fraction:
        """The calling-block minutes a week's figures as shown take, at each stage's `minutes_each` (None: a stage
        outside the block); a figure under one a week counts none. planner.js repeats it."""
        return sum((Fraction(step.week.tenths, 10) * minutes for step, minutes in zip(self.steps, minutes_each)
                    if minutes is not None and not step.week.every), Fraction(0))

    def over_ask(self, weeks: Fraction) -> tuple[int, Fraction] | None:
        """(the first step's weekly figure × `weeks`, rounded up; how much more than the period's figure that is)
        when it is at least OVER_ASK_SAID_FROM more: rounding each day's figure up, and raising it to reach the next
        one's as shown (_reached), carries the rounding up the funnel, 1 meeting a day for 0.91 asking 10% more
        calls.
        None for "1 every N weeks". planner.js repeats it."""
        first = self.steps[0]
        if first.week.every or not first.count:
            return None
        total = ceil(Fraction(first.week.tenths, 10) * weeks)
        more = Fraction(total - first.count, first.count)
        return (total, more) if more >= OVER_ASK_SAID_FROM else None

    @staticmethod
    def written(words) -> "Written":
        """The plan's figures as the language of `words` (macros/words.py) writes them."""
        return Written(words)


def pipeline_close_rate(inputs: Inputs) -> Fraction:
    """The share of pipeline at `pipeline_stage` that is won: the product of the rates after it."""
    return prod(inputs.rates[inputs.pipeline_stage:], start=Fraction(1))


def from_pipeline(inputs: Inputs) -> Fraction:
    """What the pipeline entered is expected to bring: deals in commit in full, as the forecast rules define them
    (a deal the rep would be surprised to lose), the rest at the rate the funnel measures from its stage, the only
    rate the planner has."""
    return inputs.committed_pipeline + inputs.existing_pipeline * pipeline_close_rate(inputs)


def revenue_to_find(inputs: Inputs) -> Fraction:
    """Target × (1 − share not from prospecting) − what the pipeline is expected to bring, never below 0."""
    return max(Fraction(0), inputs.revenue_target * (1 - inputs.share_not_from_prospecting) - from_pipeline(inputs))


def plan(inputs: Inputs) -> Plan:
    """The deals the revenue needs at the average deal size first, then each earlier stage: the next one's figure
    ÷ its rate, each rounded up as `needed` (234 conversations at 20% need 1,170 calls: 1,167 would give only
    233.4), so each period figure × the next step's rate gives at least the figure below it; then each step's
    day and week (_spread), raised where needed to reach the step below (_reached)."""
    to_find = revenue_to_find(inputs)
    counts = [needed(to_find / inputs.average_deal_size)]
    for rate in reversed(inputs.rates):
        counts.insert(0, needed(counts[0] / rate))
    steps: list[Step] = []
    for index in reversed(range(len(counts))):  # from the last step up: each week and day reaches the one below
        count, below = counts[index], steps[0] if steps else None
        week, day = _spread(count, inputs)
        if below is not None:
            week, day = _reached(week, day, below, inputs.rates[index], inputs)
        steps.insert(0, Step(shown(count, inputs, "per period"), week, day, count, inputs.rates[index - 1] if index else None))
    return Plan(to_find == 0, steps, ceil(to_find), floor(from_pipeline(inputs)))


def _spread(count: Fraction, inputs: Inputs) -> tuple[Pace, Pace]:
    """`count` a period as a week's and a day's figure. From one a day up, the day is the period's count over its
    selling days, rounded up, and the week what those days make (4.6 a day is 13.8 a week over 3 days): a rep doing
    the day's figure every day does the week's, and the week no longer adds a rounding of its own, which the steps
    above multiplied (a sales leader: a rep on 3 selling days was asked 120 calls a week for 109, 10% more).
    Under one a day, "1 every N selling days" from the week as shown (_day), so the days make at least the week.
    planner.js repeats it."""
    week = pace(count, inputs.weeks_in_period)
    day = pace(count, inputs.weeks_in_period * inputs.selling_days_per_week)
    if week.every or day.every:
        day = _day(week, inputs)
        if day.every:
            return week, day
    return _days_make(day, inputs), day


def _reached(week: Pace, day: Pace, below: Step, rate: Fraction, inputs: Inputs) -> tuple[Pace, Pace]:
    """A step's week and day raised where needed so that, × the next step's rate, they give at least that step's
    figures as shown (_reaching): a day under one follows its week, raised to reach the week below; a day from
    one up is raised to reach the day below (or, where that is "1 every N", the week below over the selling days)
    and its week is again what the days make. planner.js repeats it."""
    if day.every:
        week = _reaching(week, below.week, rate)
        day = _day(week, inputs)
        if day.every:
            return week, day
    if below.day.every:
        if not below.week.every:
            day = _higher(day, pace(Fraction(below.week.tenths, 10) / rate, inputs.selling_days_per_week))
    else:
        day = _reaching(day, below.day, rate)
    return _days_make(day, inputs), day


def _days_make(day: Pace, inputs: Inputs) -> Pace:
    """The week a day's figure makes over the selling days, exact: 7.5 a day is 22.5 a week over 3 days."""
    return Pace(int(day.tenths * inputs.selling_days_per_week))


def _higher(own: Pace, other: Pace) -> Pace:
    return other if not other.every and other.tenths > own.tenths else own


def _reaching(own: Pace, below: Pace, rate: Fraction) -> Pace:
    """A step's figure a week or a day, raised where needed so that, × the next step's rate, it gives at least that
    step's figure as shown: over 13 weeks, 1,200 calls and 240 conversations a quarter are 93 and 19 a week, but
    93 calls at 20% give 18.6 conversations, so the calls are 95 a week. Not for "1 every N" figures.
    planner.js repeats it."""
    if own.every or below.every:
        return own
    return _higher(own, pace(Fraction(below.tenths, 10) / rate, Fraction(1)))


# A period's figure is rounded up to a whole number from this many up, to one decimal below; a week's or a day's
# from 10 (a rep agrees 27 calls a day, not 26.7). A period's figures are averages the funnel multiplies: 14.4
# qualified opportunities taken as 15 asked a rep on 60% of the target 750 calls for 720 (a sales leader).
PERIOD_WHOLE_FROM = 100
PACE_WHOLE_FROM = 10


def needed(count: Fraction) -> Fraction:
    """A stage's figure a period, rounded up: to a whole number from PERIOD_WHOLE_FROM, to one decimal below. An
    average deal size makes an average number of deals: 6.1, where rounding up to 7 asked a rep whose target was
    1.7% higher for 27% more calls, and a floor to match (a sales leader). planner.js repeats it."""
    return Fraction(_tenths_up(count, PERIOD_WHOLE_FROM), 10)


def _tenths_up(value: Fraction, whole_from: int) -> int:
    """`value` rounded up and counted in tenths: to a whole number from `whole_from`, to one decimal below (the
    one rounding of a period's figure (`needed`) and a pace (`pace`)). planner.js repeats it."""
    tenths = ceil(value * 10)
    return ceil(value) * 10 if tenths > whole_from * 10 else tenths


def shown(count: Fraction, inputs: Inputs, per: str) -> Pace:
    """`count` a period as a figure per period, per week or per day, by the rules the plan's rows follow."""
    if per == "per period":
        return Pace(int(count * 10))
    week, day = _spread(count, inputs)
    return week if per == "per week" else day


def _day(week: Pace, inputs: Inputs) -> Pace:
    """A figure a day from a figure a week as shown, where the period's count over its days is under one a day."""
    if week.every:  # fewer than one a week: one every N weeks is one every N × selling days, rounded down as N is
        return Pace(floor(week.tenths * inputs.selling_days_per_week), every=True)
    # From the week as shown, so a week's selling days make at least its figure: 4.6 a week over 5 days is "1
    # every selling day" (0.92 a day), where 4.5 a week is "1 every 1.1 selling days".
    return pace(Fraction(week.tenths, 10), inputs.selling_days_per_week)


def blocks_a_week(calling_days: int, selling_days: int) -> int:
    """The calling blocks a rep holds in a week: one on each calling day they sell on (4 selling days, 4 blocks).
    planner.js repeats it."""
    return min(calling_days, selling_days)


def block_interval(week: Pace, block_minutes_a_week: int) -> tuple[str, int] | None:
    """How far apart the first step's weekly figure falls in the week's calling blocks, as ("minutes", n) from
    two minutes apart, else ("seconds", n), rounded down; ("seconds", 0) under a second. 100 a week in five
    two-hour blocks is ("minutes", 6); a 3% connect rate's 3,704 a week is ("seconds", 9), so a rate typed wrong
    shows at once. None below one a week. planner.js repeats it step for step."""
    if week.every or not week.tenths:
        return None
    seconds = floor(Fraction(block_minutes_a_week * 60 * 10, week.tenths))
    return ("minutes", seconds // 60) if seconds >= 120 else ("seconds", seconds)


def share(full: Pace, count: Fraction, part: Fraction, inputs: Inputs, per: str) -> Pace:
    """A share of one of the plan's figures, as a ramp milestone asks for it, so it is never typed as a second
    number. A share of the figure as the page shows it, rounded up the same way, so it multiplies back on the page:
    half of "17 a week" is "8.5 a week" (not half the quarter's 200, 8.4), half of "20 a day" is "10 a day". A
    period's figure, or one shown as "1 every N days", is a share of the period's figure, rounded up as the
    figure itself is (`needed`: a quarter of 13 deals is 3.3), then spread as `shown` spreads it."""
    if per == "per period" or full.every:
        return shown(needed(count * part), inputs, per)
    return pace(Fraction(full.tenths, 10) * part, Fraction(1))


def floor_count(figure: Pace, per: str, part: Fraction, weeks: int, inputs: Inputs) -> int:
    """The activity floor over `weeks` weeks running: `part` of what a figure as the page shows it ("1.4 a day",
    "1 a week", "1 every 2 weeks") comes to in that many weeks, so it multiplies back for a reader (1.4 × 5 days ×
    4 weeks × 75% is 21). Rounded down to whole activities, as a floor is the least to keep: counted a week at a
    time, 75% of "1 a week" was "1 every 1.3 weeks", which only the full target meets. planner.js repeats it."""
    each = Fraction(10, figure.tenths) if figure.every else Fraction(figure.tenths, 10)
    week = each * inputs.selling_days_per_week if per == "per day" else each
    return floor(week * weeks * part)


def pace(count: Fraction | int, units: Fraction) -> Pace:
    """`count` a period (or a week) spread over its `units` (weeks or days), rounded up so that, multiplied back,
    no period falls short: to a whole number from 10 up (a rep agrees 27 calls a day, not 26.7, and a whole one
    adds under a tenth), to one decimal from 1 to 10. Below one it is "1 every N days" (0.2 a day is hard to act on), N
    rounded down to one decimal for the same reason; 0.92 a day too, where rounding up to "1 a day" asked 9% more,
    which the steps above multiplied (a sales leader: a target 1.7% higher no longer fitted the calling blocks)."""
    if count >= units or count == 0:
        return Pace(_tenths_up(Fraction(count) / units, PACE_WHOLE_FROM))
    return Pace(floor(units * 10 / count), every=True)


def one_in(rate: Fraction) -> int | None:
    """N when a rate is one in a whole number N, as a leader says it ("1 in 5"); else None."""
    return int(1 / rate) if (1 / rate).denominator == 1 else None


def about_one_in(rate: Fraction) -> int:
    """The nearest whole N to one in N, a half going up ("15%" is about 1 in 7), said beside a rate that is no
    whole one in N, so every rate reads in the same terms (a sales leader read "1 in 5" beside "15%").
    planner.js repeats it."""
    return floor(1 / rate + Fraction(1, 2))


def tenths_in(tenths: int, locale: str) -> str:
    """A number of tenths with thousands grouped, as `locale` writes it: 12345 is "1,234.5" or "1.234,5"; 400 is "40"."""
    return format_decimal(Decimal(tenths).scaleb(-1), locale=locale, format="#,##0.#")


class Written:
    """The planner's numbers as a language writes them, by `words` (macros/words.py: its Babel locale and its
    "units.percent"): 260,000 and 1.6 in English, 260.000 and 1,6 in German; planner.js does the same with Intl."""

    one_in = staticmethod(one_in)
    about_one_in = staticmethod(about_one_in)

    def __init__(self, words):
        self.words = words

    def tenths(self, tenths: int) -> str:
        return tenths_in(tenths, self.words.locale)

    def typed(self, value, scale: int = 1) -> str:
        """A data figure (times `scale`) as a reader of the language types it: 260000 is "260,000" or "260.000"."""
        return format_decimal((Decimal(str(value)) * scale).normalize(), locale=self.words.locale, decimal_quantization=False)

    def part(self, share: float):
        """A share from the data (0.5) as a percentage: "50%" or "50 %"."""
        return self.percent(Fraction(str(share)))

    def percent(self, rate: Fraction):
        """A rate as a percentage to one decimal, halves rounded up: "12.5%" or "12,5 %"."""
        return self.words("units.percent", number=self.tenths(floor(rate * 1000 + Fraction(1, 2))))
