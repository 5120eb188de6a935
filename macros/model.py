"""The handbook as typed, immutable domain objects, built from data that has already passed validation.

Field names match the data keys, so `build` can fill any of these classes from a located YAML value;
`line` is filled with where the item starts in its data file (for edit links to the exact line).
"""

import hashlib
import types
import typing
from collections.abc import Collection
from dataclasses import MISSING, dataclass, field, fields, is_dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import cache, cached_property

from . import meeting_time, planner
from .loading import LocatedData
from .words import Words

# The keys of the number words in data/strings.yml, from one to nine (each also the English word after the dot).
NUMBER_KEYS = {1: "numbers.one", 2: "numbers.two", 3: "numbers.three", 4: "numbers.four", 5: "numbers.five", 6: "numbers.six", 7: "numbers.seven", 8: "numbers.eight", 9: "numbers.nine"}


def in_words(number: int, words: Words | None = None) -> str:
    """A count as the handbook writes it in running text: words from one to nine, figures otherwise. The words are
    those of `words` (the handbook's, in the language being built); without them, English (for a page not yet
    translated, whose own words stay English around the tools, and for messages to an editor)."""
    if number not in NUMBER_KEYS:
        return str(number)
    return str(words.raw(NUMBER_KEYS[number])) if words else NUMBER_KEYS[number].partition(".")[2]


def number_from_words(word: str, words: Words | None = None) -> int | None:
    """The count a word of running text gives ("six", "Six", "12"), as in_words writes them, in English or in the
    language of `words`; None for other words."""
    if word.isdigit():
        return int(word)
    said = word.lower()
    english = {number: key.partition(".")[2] for number, key in NUMBER_KEYS.items()}
    written = words.table.get("numbers", {}) if words else {}  # as written: validation, not this, finds one left out
    return next((number for number, word in english.items() if said in {word, str(written.get(word, word)).lower()}), None)


@dataclass(frozen=True)
class Item:
    """Anything a leader lists with an id and a sentence: a commitment, a behaviour, a checklist item."""

    id: str
    text: str
    line: int


# ---------------------------------------------------------------- charter


@dataclass(frozen=True)
class Value:
    id: str
    name: str
    meaning: str
    in_practice: list[str]
    line: int


@dataclass(frozen=True)
class ExpectationGroup:
    id: str
    name: str
    items: list[str]
    line: int


@dataclass(frozen=True)
class ConflictStep:
    id: str
    name: str
    text: str
    line: int


@dataclass(frozen=True)
class Setback:
    id: str
    name: str
    text: str
    line: int


@dataclass(frozen=True)
class Setbacks:
    principle: str
    items: list[Setback]


@dataclass(frozen=True)
class Conflict:
    principle: str
    steps: list[ConflictStep]
    setbacks: Setbacks


@dataclass(frozen=True)
class Review:
    cadence: str
    next_review: str
    how: list[str]


@dataclass(frozen=True)
class CharterReason:
    id: str
    name: str
    text: str
    line: int


@dataclass(frozen=True)
class WhyACharter:
    summary: str
    reasons: list[CharterReason]


@dataclass(frozen=True)
class Charter:
    team: str
    leader: str
    effective_date: str
    purpose: str
    values: list[Value]
    expectations: list[ExpectationGroup]
    commitments: list[Item]
    conflict: Conflict
    review: Review
    why: WhyACharter


# ---------------------------------------------------------------- coaching question bank


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    description: str
    line: int
    grow: str | None = None  # its step of the GROW model; None for one the handbook adds (following up)


@dataclass(frozen=True)
class Situation:
    id: str
    name: str
    description: str
    line: int


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    stage: str
    situations: list[str]
    modes: list[str]
    levels: list[str]
    why: str
    line: int


@dataclass(frozen=True)
class QuestionBank:
    intro: str
    stages: list[Stage]
    situations: list[Situation]
    questions: list[Question]

    def in_stage(self, stage_id: str) -> list[Question]:
        return [q for q in self.questions if q.stage == stage_id]

    def in_situation(self, situation_id: str) -> list[Question]:
        """A situation's questions in the order of a conversation's stages (the file's order within each): a
        skill gap's fifty, in file order, mixed the diagnosis in with the preparation (a sales VP)."""
        return sorted((q for q in self.questions if situation_id in q.situations), key=lambda q: self.stage_number[q.stage])

    def for_level(self, level_id: str) -> list[Question]:
        return [q for q in self.questions if level_id in q.levels]

    def developing(self, behaviours: list["Behaviour"]) -> list[Question]:
        """The questions `behaviours` name (a level's, in levels.yml), each once, in the order of a conversation's
        stages: the few that grow those behaviours, where every question suited to the level runs to a hundred."""
        named = list(dict.fromkeys(q for behaviour in behaviours for q in behaviour.coaching_questions))
        order = [stage.id for stage in self.stages]
        return sorted((self.by_id[q] for q in named if q in self.by_id), key=lambda q: order.index(q.stage))

    def for_mode(self, mode_id: str, situation_ids: list[str]) -> list[Question]:
        """One question per stage that suits the mode, so they span a whole conversation: the one sharing most of its
        situations, and of those the one tied to fewest others (step back's follow-up is not a lost deal's)."""
        wanted = set(situation_ids)
        suited = [[q for q in self.in_stage(stage.id) if mode_id in q.modes] for stage in self.stages]
        return [max(questions, key=lambda q: (len(wanted & set(q.situations)), -len(set(q.situations) - wanted))) for questions in suited if questions]

    def for_mode_in(self, mode_id: str, situation_id: str) -> list[Question]:
        """for_mode's questions for one situation, from the stages that have one in it: a push after a lost deal
        asks what was in the rep's control, not about the quarter's forecast (a sales VP)."""
        return [q for q in self.for_mode(mode_id, [situation_id]) if situation_id in q.situations]

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {question.id: question for question in self.questions}

    @cached_property
    def stages_by_id(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.stages}

    @cached_property
    def stage_number(self) -> dict[str, int]:
        """Each stage's place in a conversation (GROW's order, as stages.yml lists them), from 1."""
        return {stage.id: number for number, stage in enumerate(self.stages, start=1)}

    @cached_property
    def situations_by_id(self) -> dict[str, Situation]:
        return {situation.id: situation for situation in self.situations}


# ---------------------------------------------------------------- manager's dilemma


@dataclass(frozen=True)
class Signal:
    id: str
    text: str
    weight: int
    line: int
    # Modes not to recommend while this signal is ticked, whatever their totals: a live problem in the deal rules
    # out stepping back, however proven the rep.
    rules_out: list[str] = field(default_factory=list)
    # The question bank's situation the signal describes, so advice given on it suggests that situation's questions.
    situation: str | None = None
    # About the moment, not the rep (time before the buyer's meeting): it weighs, but can't make a recommendation alone.
    context: bool = False
    # Signals that can't be true at the same time as this one: ticked together, the helper recommends nothing.
    contradicts: list[str] = field(default_factory=list)
    # A practice for this signal alone, among the mode's "doing it well" while it is ticked (a coach: the HR
    # process for conduct read on every push, an effort gap's among them).
    advice: str | None = None


@dataclass(frozen=True)
class Mode:
    id: str
    name: str
    summary: str
    signals: list[Signal]
    doing_it_well: list[str]
    pitfalls: list[str]
    situations: list[str]
    line: int
    only_with: list[str] = field(default_factory=list)  # its signals of which one must be ticked to recommend it

    @property
    def only_with_signals(self) -> list[Signal]:
        return [signal for signal in self.signals if signal.id in self.only_with]


@dataclass(frozen=True)
class Quadrant:
    id: str
    skill: str
    will: str
    approach: str
    mode: str
    text: str
    line: int


@dataclass(frozen=True)
class SkillWill:
    source: str
    quadrants: list[Quadrant]


@dataclass(frozen=True)
class WithOthers:
    """What still needs doing about some other signals ticked beside the circumstance."""

    signals: list[str]
    text: str
    line: int


@dataclass(frozen=True)
class Circumstance:
    """A signal that something outside the rep's skill and will explains what the manager sees: ticked, no mode is
    recommended, and the helper says to deal with the cause first."""

    id: str
    text: str
    check: str  # the id of data/when_coaching_stalls.yml's check whose advice the helper shows
    with_others: list[WithOthers]  # what still needs doing about other signals ticked beside it
    otherwise: str  # the same for a signal no entry of with_others names
    contradicts: list[str]
    line: int

    def beside(self, signal_id: str) -> str:
        """What still needs doing about `signal_id`, ticked beside the circumstance: the first entry naming it."""
        return next((entry.text for entry in self.with_others if signal_id in entry.signals), self.otherwise)


@dataclass(frozen=True)
class Dilemma:
    intro: str
    modes: list[Mode]
    skill_will: SkillWill
    read_the_moment: list[str]
    circumstance: Circumstance | None = None

    @cached_property
    def modes_by_id(self) -> dict[str, Mode]:
        return {mode.id: mode for mode in self.modes}

    @cached_property
    def quadrants_by_mode(self) -> dict[str, list[Quadrant]]:
        """The skill/will quadrants each mode serves, so a mode's section can point to its place in the matrix."""
        return {mode.id: [quadrant for quadrant in self.skill_will.quadrants if quadrant.mode == mode.id] for mode in self.modes}

    @cached_property
    def mixed_signals(self) -> list[tuple[Mode, Signal]]:
        """Every signal with its mode, the modes taking turns, so a list of signals doesn't give the answer away."""
        rounds = max(len(mode.signals) for mode in self.modes)
        return [(mode, mode.signals[turn]) for turn in range(rounds) for mode in self.modes if turn < len(mode.signals)]


# ---------------------------------------------------------------- prospecting boot camp


@dataclass(frozen=True)
class BootcampStep:
    id: str
    name: str
    purpose: str
    activities: list[str]
    outputs: list[str]
    coaching_role: str
    situations: list[str]
    line: int


def manager_minutes(hours: float, minutes_with_each_rep: int, team_size: int) -> Fraction:
    """A boot-camp task's minutes: its hours, and its minutes with each rep times the team's size."""
    return Fraction(str(hours)) * 60 + minutes_with_each_rep * team_size


@dataclass(frozen=True)
class ManagerTime:
    """What a boot-camp day asks of the manager, so a leader can see the weeks fit a field manager's week: hours,
    and for a task done with each rep in turn, minutes with each, which the team's size multiplies (a schedule
    written for eight reps kept its hours for six)."""

    task: str
    hours: float | None = None
    minutes_with_each_rep: int | None = None

    def minutes(self, team_size: int) -> int:
        """The task's minutes with a team of `team_size` reps, to the nearest minute."""
        return round(manager_minutes(self.hours or 0, self.minutes_with_each_rep or 0, team_size))


@dataclass(frozen=True)
class Day:
    day: str
    plan: str
    line: int
    manager: ManagerTime | None = None


@dataclass(frozen=True)
class Week:
    id: str
    name: str
    focus: str
    days: list[Day]
    line: int

    def manager_minutes(self, team_size: int) -> int:
        """The manager's boot-camp minutes this week with a team of `team_size`, from the days that need them."""
        return sum(day.manager.minutes(team_size) for day in self.days if day.manager)


@dataclass(frozen=True)
class TimeRange:
    """A stretch of a day, as "HH:MM" times on the 24-hour clock (the calendar file holds them as written)."""

    starts: str
    ends: str

    @property
    def minutes(self) -> int:
        """How long it lasts: 08:30 to 10:30 is 120."""
        from .calling_times import minutes  # that module reads the model's weekdays

        return minutes(self.ends) - minutes(self.starts)


@dataclass(frozen=True)
class BootcampDay:
    """One day of the boot camp, named by its week's id and its day of the week."""

    week: str
    day: str


@dataclass(frozen=True)
class CallingTimes:
    """When the calling block runs, from which boot-camp day, and what fits around it."""

    block: TimeRange
    days: list[str]
    first_block: BootcampDay
    make_up: TimeRange
    meetings_from: str

    @property
    def day_numbers(self) -> str:
        """The calling days as the widgets' clock numbers them (Sunday 0 to Saturday 6)."""
        return clock_numbers(self.days)

    def internal_meeting_at(self, minutes: int) -> str:
        """When an internal meeting of `minutes` (a 1:1) starts by default: between the calling block's end and the
        first customer meetings where it fits (10:30, for 30 minutes before 11:00), so it takes neither; else when
        customer meetings may start. A rep's case: every 1:1 opened at 11:00, the best customer-meeting slot."""
        from .calling_times import minutes as clock  # that module reads the model's weekdays

        return self.block.ends if clock(self.meetings_from) - clock(self.block.ends) >= minutes else self.meetings_from


@dataclass(frozen=True)
class WeeklyTime:
    """The time kept each week for the weekly list."""

    day: str
    starts: str
    ends: str


@dataclass(frozen=True)
class Cadence:
    daily: list[Item]
    weekly: list[Item]
    weekly_time: WeeklyTime
    weeks_in_calendar_after_boot_camp: int
    week_starts_on: str = "Monday"


@dataclass(frozen=True)
class PlannerFigure:
    """A target the activity planner works out from its defaults, so the targets and the planner agree."""

    stage: str
    show: str  # "per day", "per week", "per period" or "conversion rate"


@dataclass(frozen=True)
class Target:
    id: str
    activity: str
    line: int
    target: str | None = None
    from_planner: PlannerFigure | None = None


@dataclass(frozen=True)
class TargetDimension:
    id: str
    name: str
    meaning: str
    targets: list[Target]
    line: int


@dataclass(frozen=True)
class ActivityFloor:
    """The least every rep past their ramp plan keeps to each week, as a share of the planner's figures, so it moves
    with the targets and is the team's, in writing, rather than one per manager."""

    share: float
    over_weeks: int  # counted over any this many weeks running: meetings come a few a week, not a share of one
    activity: list[PlannerFigure]
    line: int
    note: str = ""


@dataclass(frozen=True)
class ActivityTargets:
    intro: str
    dimensions: list[TargetDimension]
    floor: ActivityFloor | None = None

    @property
    def from_planner(self) -> bool:
        """Whether any target is the activity planner's figure, so the page says what the planner assumed."""
        return any(target.from_planner for dimension in self.dimensions for target in dimension.targets)


@dataclass(frozen=True)
class Finding:
    """A research figure with what kind of evidence it is, who found it and when, so no page overstates it."""

    id: str
    figure: str
    kind: str  # "reported", "correlation", "case study", "study" or "estimate"
    finding: str
    who: str
    year: int | str  # a year, or "not given" when the source gives none
    source: str
    line: int


@dataclass(frozen=True)
class LuckBehaviour:
    id: str
    name: str
    text: str
    in_practice: str
    line: int


@dataclass(frozen=True)
class ProvokedLuck:
    summary: str
    belief: str
    behaviours: list[LuckBehaviour]
    research: list[Finding]


@dataclass(frozen=True)
class FunnelStage:
    id: str
    name: str
    conversion_rate: float | None
    line: int
    minutes_each: int | None = None  # of the calling block, on top of the stages before it

    @property
    def percent(self) -> str | None:
        """The rate in percent as the planner's field shows it: 0.07 gives "7", not 7.000000000000001."""
        return None if self.conversion_rate is None else as_typed(self.conversion_rate, 100)


def as_typed(value: float, scale: int = 1) -> str:
    """A data figure (times `scale`) as a reader would type it in the planner: 260000 gives "260,000"."""
    return format((Decimal(str(value)) * scale).normalize(), ",f")


@dataclass(frozen=True)
class PlannerLimits:
    """The most a reader may enter in each field, so a slip such as an extra zero is caught, not planned for."""

    revenue_target: float
    average_deal_size: float
    existing_pipeline: float
    weeks_in_period: float


@dataclass(frozen=True)
class ActivityPlanner:
    period: str
    weeks_in_period: int
    selling_days_per_week: int
    sales_cycle_weeks: int
    revenue_target: float
    average_deal_size: float
    pipeline_stage: str
    upper_limits: PlannerLimits
    stages: list[FunnelStage]
    comes_without_prospecting: str
    existing_pipeline: float = 0
    share_not_from_prospecting: float = 0
    committed_pipeline: float = 0

    typed = staticmethod(as_typed)

    @cached_property
    def plan(self) -> planner.Plan:
        """The activity the handbook's figures take (macros/planner.py holds the arithmetic and rounding)."""
        return planner.plan(self.inputs)

    @property
    def inputs(self) -> planner.Inputs:
        """The handbook's figures, exact as written: 0.2 is one fifth, not the float nearest to it."""

        def exact(value: float) -> Fraction:
            return Fraction(str(value))

        return planner.Inputs(
            revenue_target=exact(self.revenue_target),
            average_deal_size=exact(self.average_deal_size),
            weeks_in_period=exact(self.weeks_in_period),
            selling_days_per_week=exact(self.selling_days_per_week),
            rates=tuple(exact(stage.conversion_rate) for stage in self.stages[1:]),
            pipeline_stage=self.stage_index(self.pipeline_stage),
            existing_pipeline=exact(self.existing_pipeline),
            share_not_from_prospecting=exact(self.share_not_from_prospecting),
            committed_pipeline=exact(self.committed_pipeline),
        )

    def stage_index(self, stage_id: str) -> int:
        return [stage.id for stage in self.stages].index(stage_id)

    @property
    def closing_stages(self) -> list[FunnelStage]:
        """The stages existing pipeline still has to pass to become won deals."""
        return self.stages[self.stage_index(self.pipeline_stage) + 1:]

    def pace(self, wanted: PlannerFigure) -> planner.Pace:
        """A per-day, per-week or per-period figure of the plan, as a target states it ("40 a day")."""
        step = self.plan.steps[self.stage_index(wanted.stage)]
        return {"per day": step.day, "per week": step.week, "per period": step.period}[wanted.show]

    @property
    def pipeline_coverage(self) -> Fraction:
        """How many times its value the new business still needed takes in pipeline at `pipeline_stage`, at the
        rates from that stage to a win: 1 ÷ their product (at 25%, 4 times). The deal review's coverage rule."""
        return 1 / planner.pipeline_close_rate(self.inputs)

    @property
    def weeks_ahead_to_find(self) -> int:
        """How many weeks before a period starts a deal has to be found to close in it: the sales cycle's weeks
        beyond the period's (0 where the cycle is no longer), when the deal review checks that period's coverage."""
        return max(self.sales_cycle_weeks - self.weeks_in_period, 0)

    def share_pace(self, wanted: PlannerFigure, part: float) -> planner.Pace:
        """A share of one of the plan's figures as a ramp milestone states it: half of "40 a day" is "20 a day"."""
        step = self.plan.steps[self.stage_index(wanted.stage)]
        return planner.share(self.pace(wanted), step.count, Fraction(str(part)), self.inputs, wanted.show)

    def floor_count(self, wanted: PlannerFigure, floor: ActivityFloor) -> int:
        """The team's activity floor for one figure: its share of the target's full weekly pace, the plan before
        any existing pipeline is counted, so a quarter the pipeline covers does not lower it (what is found now
        closes in the next), over the floor's weeks. planner.js repeats it with the reader's figures."""
        inputs = replace(self.inputs, existing_pipeline=Fraction(0), committed_pipeline=Fraction(0))
        step = planner.plan(inputs).steps[self.stage_index(wanted.stage)]
        return planner.floor_count(step.week, "per week", Fraction(str(floor.share)), floor.over_weeks, inputs)

    def ramp_floor_count(self, shown: PlannerFigure, part: float | None, floor: ActivityFloor) -> int:
        """The floor at a ramp milestone (`part` of the full target; None: the full target): the floor's share of
        the milestone's figure as the ramp plan shows it, a day or a week, so "75% of the figures above" is."""
        figure = self.pace(shown) if part is None else self.share_pace(shown, part)
        return planner.floor_count(figure, shown.show, Fraction(str(floor.share)), floor.over_weeks, self.inputs)


@dataclass(frozen=True)
class HeldMeeting:
    """A coaching-rhythm meeting the boot camp's month holds in its own days or not at all, and what happens
    instead."""

    meeting: str
    instead: str


@dataclass(frozen=True)
class Bootcamp:
    intro: str
    steps: list[BootcampStep]
    calling_blocks: list[Item]
    calling_times: CallingTimes
    next_boot_camp_starts: str  # "YYYY-MM-DD"
    schedule_note: str
    schedule: list[Week]
    cadence: Cadence
    activity_targets: ActivityTargets
    provoked_luck: ProvokedLuck
    activity_planner: ActivityPlanner
    rhythm_meetings_it_holds: list[HeldMeeting] = field(default_factory=list)

    @property
    def rhythm_meetings_held(self) -> list[str]:
        """The ids of the rhythm's meetings its weeks don't add to their time."""
        return [held.meeting for held in self.rhythm_meetings_it_holds]

    def share_with_rhythm(self, rhythm: "Rhythm") -> Fraction:
        """Its weeks' time with the rhythm's meetings that fall in them, as a share of those weeks' working time,
        to set beside the rhythm's `manager_share` (a VP of Sales: the month ran over the page's 50% unsaid)."""
        weeks = len(self.schedule)
        minutes = sum(week.manager_minutes(rhythm.team_size) + rhythm.in_week(number, weeks, self.rhythm_meetings_held).minutes
                      for number, week in enumerate(self.schedule, start=1))
        return Fraction(minutes) / (weeks * Fraction(str(rhythm.working_hours_per_week)) * 60)

    @cached_property
    def steps_by_id(self) -> dict[str, BootcampStep]:
        return {step.id: step for step in self.steps}

    @cached_property
    def weeks_by_id(self) -> dict[str, Week]:
        return {week.id: week for week in self.schedule}

    @property
    def block_days(self) -> int:
        """The calling blocks a rep holds in a week at the handbook's selling days (planner.blocks_a_week)."""
        return planner.blocks_a_week(len(self.calling_times.days), self.activity_planner.selling_days_per_week)

    @property
    def block_minutes_a_week(self) -> int:
        return self.calling_times.block.minutes * self.block_days

    @property
    def block_minutes_needed(self) -> Fraction | None:
        """What a week of the handbook's own figures takes of the calling blocks (Plan.block_minutes_needed);
        None when no stage says how long it takes."""
        minutes_each = [stage.minutes_each for stage in self.activity_planner.stages]
        return self.activity_planner.plan.block_minutes_needed(minutes_each) if any(minutes_each) else None


# ---------------------------------------------------------------- coaching vs not coaching


@dataclass(frozen=True)
class AntiPattern:
    id: str
    name: str
    looks_like: str
    cost: str
    instead: str
    line: int


@dataclass(frozen=True)
class Reason:
    id: str
    name: str
    text: str
    line: int


@dataclass(frozen=True)
class ApproachDimension:
    id: str
    name: str
    manager: str
    coach: str
    line: int


@dataclass(frozen=True)
class ManagerVsCoach:
    source: str
    dimensions: list[ApproachDimension]

    @cached_property
    def dimensions_by_id(self) -> dict[str, ApproachDimension]:
        return {dimension.id: dimension for dimension in self.dimensions}


@dataclass(frozen=True)
class CoachingPart:
    id: str
    name: str
    text: str
    line: int


@dataclass(frozen=True)
class WhatCoachingIs:
    summary: str
    parts: list[CoachingPart]
    source: str


@dataclass(frozen=True)
class ChoosingManagers:
    summary: str
    look_for: list[str]
    example: str


@dataclass(frozen=True)
class Coaching:
    intro: str
    anti_patterns: list[AntiPattern]
    reasons_to_hold_back: list[Reason]
    manager_vs_coach: ManagerVsCoach
    what_coaching_is: WhatCoachingIs
    choosing_managers: ChoosingManagers
    research: list[Finding]
    hold_back_source: str | None = None  # credited under the reasons to hold back


# ---------------------------------------------------------------- six levels


@dataclass(frozen=True)
class Behaviour:
    """What a seller at a level does (a strength) or has grown out of (a limit)."""

    id: str
    text: str
    line: int
    counts_as: str = "strength"
    weight: float = 1
    coaching_questions: list[str] = field(default_factory=list)
    contradicts: list[str] = field(default_factory=list)  # on a habit: strengths it cannot be true beside
    may_not_come_up: bool = False  # on a strength: may not arise in six months of one account (no launch, no tender)
    foundation: bool = False  # a strength below the level's least answer, or a habit above its most: a cap on the levels above, not a gap


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    summary: str
    customer_view: str
    behaviours: list[Behaviour]
    next_level: str | None
    coaching_focus: str
    line: int


@dataclass(frozen=True)
class Ladder:
    intro: str
    levels: list[Level]

    def number(self, level: Level) -> int:
        return self.levels.index(level) + 1

    def above(self, level: Level) -> Level | None:
        index = self.levels.index(level)
        return self.levels[index + 1] if index + 1 < len(self.levels) else None


# ---------------------------------------------------------------- onboarding and checklists


@dataclass(frozen=True)
class OnboardingDay:
    id: str
    name: str
    items: list[Item]
    line: int


@dataclass(frozen=True)
class OnboardingWeek:
    id: str
    name: str
    goal: str
    items: list[Item]
    line: int


@dataclass(frozen=True)
class Onboarding:
    intro: str
    first_week: list[OnboardingDay]
    first_30_days: list[OnboardingWeek]


# Weekday names in the order of JavaScript's Date.getDay(), which the checklist widget counts in.
WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def clock_numbers(days: list[str]) -> str:
    """Days of the week as the widgets' clock numbers them (Sunday 0 to Saturday 6), space-separated."""
    return " ".join(str(WEEKDAYS.index(day)) for day in days)
# The team's working days when data/rhythm.yml leaves working_days out.
WORKING_DAYS_UNSAID = WEEKDAYS[1:6]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    description: str | None
    items: list[Item]
    file: str
    line: int
    # "day" or "week": ticks belong to one, then the list starts afresh; "charter-review": to the review
    # on the charter's next_review date; "one-to-one": to the preparation for the rep's next 1:1
    # (overrides/assets/checklist.js, prepTicks)
    repeats: str | None = None
    week_starts_on: str = "Monday"
    per_rep: bool = True  # False: always the reader's own ticks (no rep picker), e.g. a list for the whole team

    @property
    def week_start_number(self) -> int:
        """The first day of a week as the widget's clock numbers it (Sunday 0 to Saturday 6)."""
        return WEEKDAYS.index(self.week_starts_on)


# ---------------------------------------------------------------- debriefs and role-plays


@dataclass(frozen=True)
class WriteIn:
    """A prompt with space to write the answer: a debrief's question, or a note kept with a form."""

    id: str
    prompt: str
    line: int
    hint: str | None = None
    lines: int = 1
    section: str | None = None
    kind: str | None = None  # "rep" or "date": the rep picker and the record's date stand in for it on screen
    to_next_one_to_one: bool = False  # a debrief's answer the 1:1 planner shows with the call it was written for


@dataclass(frozen=True)
class Debrief:
    id: str
    title: str
    audience: str
    intro: str
    prompts: list[WriteIn]
    line: int
    stages: list[str] = field(default_factory=list)
    situations: list[str] = field(default_factory=list)
    bootcamp_steps: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Debriefs:
    intro: str
    debriefs: list[Debrief]

    @cached_property
    def by_id(self) -> dict[str, Debrief]:
        return {debrief.id: debrief for debrief in self.debriefs}

    def linked_from(self, kind: str, item_id: str) -> list[Debrief]:
        """The templates a stage, situation or boot-camp step links to: `kind` names the list that holds `item_id`."""
        return [debrief for debrief in self.debriefs if item_id in getattr(debrief, kind)]


@dataclass(frozen=True)
class RepBrief:
    objective: str
    you_know: list[str]


@dataclass(frozen=True)
class BuyerBrief:
    who: str
    cares_about: list[str]
    will_say: list[str]
    gives_way_when: str


@dataclass(frozen=True)
class RolePlay:
    id: str
    title: str
    week: str
    minutes: int
    setting: str
    rep: RepBrief
    buyer: BuyerBrief
    rubric: str
    line: int


@dataclass(frozen=True)
class RolePlays:
    intro: str
    how_to_run: list[str]
    role_plays: list[RolePlay]
    context: str | None = None
    debrief: str | None = None

    def in_week(self, week_id: str) -> list[RolePlay]:
        return [play for play in self.role_plays if play.week == week_id]

    @property
    def by_id(self) -> dict[str, RolePlay]:
        return {play.id: play for play in self.role_plays}


# ---------------------------------------------------------------- self-assessments


@dataclass(frozen=True)
class ScaleOption:
    value: float
    label: str


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    options: list[ScaleOption]


@dataclass(frozen=True)
class Statement:
    """One thing the reader rates; for the level assessment, a level's behaviour."""

    id: str
    text: str
    line: int
    weight: float = 1
    counts_as: str = "strength"
    dimension: str | None = None
    work_on: str | None = None
    coaching_questions: list[str] = field(default_factory=list)
    contradicts: list[str] = field(default_factory=list)  # the level assessment's: Behaviour.contradicts
    may_not_come_up: bool = False  # the level assessment's: Behaviour.may_not_come_up
    foundation: bool = False  # the level assessment's: Behaviour.foundation
    section: str | None = None
    essential: bool = False  # the top band needs it answered at least at the assessment's essentials_at_least
    essential_when_rated: bool = False  # the same once answered; left blank, it holds nothing back


@dataclass(frozen=True)
class Band:
    name: str
    meaning: str
    start: float = field(metadata={"key": "from"})
    end: float = field(metadata={"key": "to"})
    reached: bool = False
    again_within_days: int | None = None  # the next meeting rated with this form comes sooner than the rhythm's


@dataclass(frozen=True)
class StatementGroup:
    """Statements shown and scored together: one per level in the level assessment, else just one."""

    id: str
    name: str | None
    statements: list[Statement]
    level: Level | None = None


@dataclass(frozen=True)
class FormSection:
    """A heading that splits a form's statements into parts, such as Before the call."""

    id: str
    name: str
    rated_the_next_day: bool = False  # its behaviours show only the day after the meeting (the CRM, a recap)
    note: str | None = None  # under the heading: which calls it is for, say


def fresh_each_day(kind: str, each_time: bool) -> bool:
    """Whether a form of this kind opens empty on a new day (a form about one meeting or call), its earlier
    answers kept in the history; a self-assessment opens its latest answers. Read by the model and by
    form_rules, which checks the raw data before there is a model."""
    return each_time or kind != "self-assessment"


@dataclass(frozen=True)
class BasicsFirst:
    """The level assessment's levels from `from_level` up count only with at least `at_top_at_least` of the
    `basics` levels' behaviours answered with the scale's top answer: a manager steps back there."""

    from_level: str
    basics: list[str]
    at_top_at_least: int


@dataclass(frozen=True)
class Assessment:
    """A scored form: a self-assessment, a manager's observation of a call or a role-play rubric."""

    id: str
    title: str
    audience: str
    intro: str
    scale: Scale
    result_name: str
    answers_needed: int
    answers_needed_per_level: int | None
    balanced: bool
    groups: list[StatementGroup]
    bands: list[Band]
    file: str
    line: int
    kind: str = "self-assessment"
    each_time: bool = False
    stays_open_days: int = 0  # a form filled in each time still opens its latest one this many days later
    per_rep: bool = True  # False: always the reader's own answers (no rep picker), e.g. a manager rating themselves
    sections: list[FormSection] = field(default_factory=list)
    notes: list[WriteIn] = field(default_factory=list)
    debrief: Debrief | None = None
    habits_at_most: float | None = None  # the level assessment: the highest answer a habit may have in a level reached
    lower_levels_at_least: int | None = None  # the level assessment: the least score of each level below a level that counts
    lower_level_gaps_at_most: int | None = None  # and how many of those levels may be short of reached (gaps)
    gap_behaviours_at_least: float | None = None  # and the least answer each behaviour of such a gap needs
    gap_habits_held_at_most: int = 0  # and how many habits still there (above habits_at_most) a gap may have
    not_come_up_per_level: int = 0  # the level assessment: a level's blank behaviours read as not come up in the account
    basics_first: BasicsFirst | None = None  # the level assessment: the top levels wait for the basics answered at the top
    essentials_at_least: float | None = None  # the least answer each essential statement needs for the top band
    # true: an essential at the scale's lowest answer puts the result in the lowest band; groups of essential
    # statements' ids: only all of one group answered so does
    missed_essential_fails: bool | tuple[tuple[str, ...], ...] = False
    # true: a statement answered with the scale's lowest answer keeps the result out of the top band, whatever the
    # score (a call shown to the team as one to learn from has nothing missed in it)
    top_band_needs_nothing_missed: bool = False

    @property
    def basics_levels(self) -> list[StatementGroup]:
        """With `basics_first`, the levels whose behaviours are the basics, in the ladder's order."""
        return [group for group in self.groups if self.basics_first and group.id in self.basics_first.basics]

    @property
    def waiting_levels(self) -> list[StatementGroup]:
        """With `basics_first`, the levels that wait for the basics: its `from_level` and those above."""
        ids = [group.id for group in self.groups]
        return self.groups[ids.index(self.basics_first.from_level):] if self.basics_first else []

    @property
    def basics_behaviours(self) -> int:
        """How many behaviours (habits aside) the basics levels have."""
        return sum(1 for group in self.basics_levels for statement in group.statements if statement.counts_as != "limit")

    @property
    def failing_groups(self) -> list[list[Statement]]:
        """The essentials whose lowest answer can fail the form, in groups that fail it together, in the form's
        order: each essential on its own, those essential when rated among them (answered, they are essential: a
        discovery call that never found what the problem costs failed at what it was for), or the groups
        `missed_essential_fails` lists (a 1:1 where the rep neither talked most nor was asked first was telling,
        and one with neither a plan nor a date to look at it had nothing to follow up; a push that missed one of
        the first pair, as it may, was not)."""
        if not self.missed_essential_fails:
            return []
        essentials = [s for s in self.statements_in_order if s.essential or s.essential_when_rated]
        if self.missed_essential_fails is True:
            return [[s] for s in essentials]
        return [[s for s in essentials if s.id in group] for group in self.missed_essential_fails]

    @property
    def essentials_failing(self) -> list[Statement]:
        """Every essential that can fail the form, alone or with its group, in the form's order."""
        failing = {s.id for group in self.failing_groups for s in group}
        return [s for s in self.statements_in_order if s.id in failing]

    @property
    def fails_in_groups(self) -> bool:
        """Whether only the essentials `missed_essential_fails` lists fail the form, alone or together, not each
        essential by itself."""
        return bool(self.missed_essential_fails) and self.missed_essential_fails is not True

    def failing_group_of(self, statement: Statement) -> int | None:
        """The position of the group `statement` fails the form with, for the page's script; None: it can't."""
        return next((index for index, group in enumerate(self.failing_groups) if statement in group), None)

    def notes_in(self, section_id: str | None) -> list[WriteIn]:
        """The notes shown in a section, after its statements; None: those shown at the top of the form."""
        return [note for note in self.notes if note.section == section_id]

    @cached_property
    def sections_by_id(self) -> dict[str, FormSection]:
        return {section.id: section for section in self.sections}

    @property
    def habits_at_most_label(self) -> str | None:
        """The scale's words for `habits_at_most` ("A little"), as the key and the result say the rule."""
        return next((o.label for o in self.scale.options if o.value == self.habits_at_most), None) if self.habits_at_most is not None else None

    @property
    def gap_behaviours_at_least_label(self) -> str | None:
        """The scale's words for `gap_behaviours_at_least` ("A little"), as the key says the rule."""
        return next((o.label for o in self.scale.options if o.value == self.gap_behaviours_at_least), None) if self.gap_behaviours_at_least is not None else None

    @property
    def behaviours_at_least(self) -> float | None:
        """The least answer each behaviour of a reached level may have: the mirror of `habits_at_most` from the
        scale's bottom (a habit at most "A little" like the seller, a behaviour at least "Mostly"), and never below
        `gap_behaviours_at_least`, a basic not done at all; None: no rule."""
        lowest, highest = self.scale.options[0].value, self.scale.options[-1].value
        floors = [] if self.gap_behaviours_at_least is None else [self.gap_behaviours_at_least]
        if self.habits_at_most is not None:
            floors.append(next(o.value for o in self.scale.options if o.value - lowest >= highest - self.habits_at_most))
        return max(floors, default=None)

    @property
    def behaviours_at_least_label(self) -> str | None:
        """The scale's words for `behaviours_at_least` ("Mostly"), as the key and the result say the rule."""
        return next((o.label for o in self.scale.options if o.value == self.behaviours_at_least), None)

    @property
    def gap_habits_at_most_label(self) -> str | None:
        """The highest answer a habit may have in a level that is a gap ("Mostly"): the mirror of
        `gap_behaviours_at_least` from the scale's top (scoring.holds), or `habits_at_most` if that is higher."""
        if self.gap_behaviours_at_least is None or self.habits_at_most is None:
            return None
        lowest, highest = self.scale.options[0].value, self.scale.options[-1].value
        at_most = max(self.habits_at_most, highest - (self.gap_behaviours_at_least - lowest))
        return next((o.label for o in reversed(self.scale.options) if o.value <= at_most), None)

    @property
    def essentials_at_least_label(self) -> str | None:
        """The scale's words for `essentials_at_least` ("Done"), as the key and the result say the rule."""
        return next((o.label for o in self.scale.options if o.value == self.essentials_at_least), None) if self.essentials_at_least is not None else None

    @property
    def essentials_at_least_is_top(self) -> bool:
        """Whether an essential statement needs the scale's top answer, so the rule says "“Yes”", not "at least"."""
        return self.essentials_at_least == self.scale.options[-1].value

    @property
    def lowest_label(self) -> str:
        """The scale's lowest answer's words ("Missed"), as the key and the result say a missed essential."""
        return self.scale.options[0].label

    @property
    def essentials(self) -> list[Statement]:
        return [statement for statement in self.statements if statement.essential or statement.essential_when_rated]

    @property
    def fresh_each_day(self) -> bool:
        """A form about one meeting or call opens empty on a new day; the earlier ones stay in the history."""
        return fresh_each_day(self.kind, self.each_time)

    @property
    def record_kind(self) -> str:
        """The kind of record its answers are kept as in the reader's workspace (overrides/assets/workspace.js)."""
        if self.kind != "self-assessment":
            return self.kind
        return "coaching-check" if self.each_time else "assessment"

    @property
    def rates_levels(self) -> bool:
        return self.groups[0].level is not None

    @property
    def has_own_page(self) -> bool:
        """The level assessment is a page of its own (rendering.PAGES["which_level"]): its 42 statements are
        most of a phone's work on any page that holds them, so the self-assessments page points to it."""
        return self.rates_levels

    @property
    def answers_needed_per_group(self) -> int:
        return self.answers_needed_per_level if self.rates_levels else self.answers_needed

    @property
    def statements(self) -> list[Statement]:
        return [statement for group in self.groups for statement in group.statements]

    @cached_property
    def statements_in_order(self) -> list[Statement]:
        """The order the form shows them. The level assessment deals its levels out in rounds, one statement
        of each level per round, each round in an order set by a hash of the ids (fixed, but following no
        pattern), never two of one level side by side: level names and positions don't steer the answers."""
        if not self.rates_levels:
            return self.statements

        def shuffled(statements: list[Statement], salt: str) -> list[Statement]:
            return sorted(statements, key=lambda statement: hashlib.sha256(f"{salt}:{statement.id}".encode()).hexdigest())

        queues = [shuffled(group.statements, "") for group in self.groups]
        order: list[Statement] = []
        for turn in range(max(len(queue) for queue in queues)):
            dealt = shuffled([queue[turn] for queue in queues if turn < len(queue)], str(turn))
            if order and len(dealt) > 1 and self.group_of(dealt[0]) is self.group_of(order[-1]):
                dealt[0], dealt[1] = dealt[1], dealt[0]
            order += dealt
        return order

    def group_of(self, statement: Statement) -> StatementGroup:
        return next(group for group in self.groups if statement in group.statements)


# ---------------------------------------------------------------- printed documents


@dataclass(frozen=True)
class PrintedPage:
    page: str
    section: str | None
    title: str | None
    line: int
    collapsed: str = "open"  # or "leave out": a collapsed section prints open, or not at all
    manager_notes: str = "print"  # or "leave out": what a page says only to managers, in a pack for reps
    leave_out: list[str] = field(default_factory=list)  # heading ids or card titles


@dataclass(frozen=True)
class PrintDocument:
    """A PDF that `python -m macros pdf` prints from the built site."""

    id: str
    title: str
    subtitle: str | None
    version: str
    paper: str
    line: int
    pages: list[PrintedPage] = field(default_factory=list)
    cover: bool = False
    contents: bool = False
    pocket: bool = False  # a card folded from one sheet, of the `questions` a leader picked
    questions: list[str] = field(default_factory=list)
    at_most_pages: int | None = None


@dataclass(frozen=True)
class Printing:
    documents: list[PrintDocument]


# ---------------------------------------------------------------- deal and pipeline review


@dataclass(frozen=True)
class ExitCriterion:
    """What must be true, and where the CRM shows it, before a deal leaves its stage."""

    id: str
    text: str
    in_the_crm: str
    line: int
    elements: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DealStage:
    id: str
    name: str
    meaning: str
    exit_criteria: list[ExitCriterion]
    line: int
    planner_stage: str | None = None


@dataclass(frozen=True)
class FrameworkElement:
    id: str
    name: str
    question: str
    evidence: str
    line: int


@dataclass(frozen=True)
class Framework:
    """The qualification framework the team uses: data, so a team can swap MEDDICC for its own."""

    name: str
    source: str
    why: str
    elements: list[FrameworkElement]

    @cached_property
    def elements_by_id(self) -> dict[str, FrameworkElement]:
        return {element.id: element for element in self.elements}


@dataclass(frozen=True)
class ForecastCategory:
    id: str
    name: str
    meaning: str
    line: int


@dataclass(frozen=True)
class ForecastRule:
    id: str
    applies_to: list[str]
    text: str
    line: int
    stage_at_least: str | None = None
    needs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Forecast:
    categories: list[ForecastCategory]
    rules: list[ForecastRule]
    call: str | None = None  # when and how the team's forecast call runs

    @cached_property
    def categories_by_id(self) -> dict[str, ForecastCategory]:
        return {category.id: category for category in self.categories}

    def rules_for(self, category_id: str) -> list[ForecastRule]:
        return [rule for rule in self.rules if category_id in rule.applies_to]


@dataclass(frozen=True)
class ReviewQuestion:
    id: str
    text: str
    line: int
    listen_for: str | None = None
    elements: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewQuestionGroup:
    id: str
    name: str
    questions: list[ReviewQuestion]
    line: int


@dataclass(frozen=True)
class ApprovalStep:
    """Who may agree a price concession up to a size, so "a trade agreed beforehand" names who agrees it."""

    concession: str
    approved_by: str


@dataclass(frozen=True)
class Concessions:
    intro: str
    approvals: list[ApprovalStep]
    in_return: list[str]


@dataclass(frozen=True)
class DealReview:
    intro: str
    situation: str
    how_to_run: list[str]
    stages: list[DealStage]
    qualification: Framework
    forecast: Forecast
    review_questions: list[ReviewQuestionGroup]
    concessions: Concessions | None = None

    @cached_property
    def stages_by_id(self) -> dict[str, DealStage]:
        return {stage.id: stage for stage in self.stages}

    def stages_testing(self, element_id: str) -> list[DealStage]:
        """The stages whose exit criteria give evidence for a framework element, so its row can say where it is tested."""
        return [stage for stage in self.stages if any(element_id in criterion.elements for criterion in stage.exit_criteria)]


# ---------------------------------------------------------------- ramp plan


@dataclass(frozen=True)
class RampActivity:
    """A share of one of the activity planner's figures, so a ramp milestone never states a second number."""

    stage: str
    show: str  # "per day", "per week" or "per period"
    share: float

    @property
    def figure(self) -> PlannerFigure:
        return PlannerFigure(self.stage, self.show)


@dataclass(frozen=True)
class Milestone:
    id: str
    day: int
    name: str
    summary: str
    good_looks_like: list[str]
    manager_checks: list[str]
    if_behind: str
    line: int
    bootcamp_steps: list[str] = field(default_factory=list)
    bootcamp_weeks: list[str] = field(default_factory=list)
    activity: list[RampActivity] = field(default_factory=list)


@dataclass(frozen=True)
class RampPlan:
    intro: str
    milestones: list[Milestone]

    @cached_property
    def activity_rows(self) -> list[PlannerFigure]:
        """Each planner figure any milestone asks for, in the order they first appear: the rows of the overview."""
        return list(dict.fromkeys(activity.figure for milestone in self.milestones for activity in milestone.activity))

    def share(self, milestone: Milestone, figure: PlannerFigure) -> RampActivity | None:
        return next((activity for activity in milestone.activity if activity.figure == figure), None)

    def row_for(self, stage: str) -> PlannerFigure | None:
        """The overview's row for a funnel stage, the figure a floor under it is read from."""
        return next((figure for figure in self.activity_rows if figure.stage == stage), None)

    def stage_share(self, milestone: Milestone, stage: str) -> float | None:
        """The milestone's share of a funnel stage's full target, however the plan shows it (a day or a week)."""
        return next((activity.share for activity in milestone.activity if activity.figure.stage == stage), None)

    def milestone_for_step(self, step_id: str) -> Milestone | None:
        """The milestone a boot-camp step's outputs are due by, for the boot-camp page to link to."""
        return next((milestone for milestone in self.milestones if step_id in milestone.bootcamp_steps), None)


# ---------------------------------------------------------------- objection handling


@dataclass(frozen=True)
class Objection:
    id: str
    name: str
    sounds_like: list[str]
    usually_means: str
    prepare: list[str]
    good_sounds_like: list[str]
    mistakes: list[str]
    line: int
    elements: list[str] = field(default_factory=list)
    role_play: str | None = None  # the role-play that practises it


@dataclass(frozen=True)
class Objections:
    intro: str
    how_to_prepare: list[str]
    practise_in: list[str]
    objections: list[Objection]


# ---------------------------------------------------------------- when coaching isn't working


@dataclass(frozen=True)
class Cause:
    """Skill, will or circumstance: what to tell apart before deciding what to do."""

    id: str
    name: str
    question: str
    signs: list[str]
    ask: list[str]
    then: str
    line: int
    mode: str | None = None


@dataclass(frozen=True)
class StallStep:
    id: str
    name: str
    when: str
    actions: list[str]
    record: str
    line: int
    hr: bool = False


@dataclass(frozen=True)
class CoachingStalls:
    intro: str
    check_ins: int
    check_first: list[Cause]
    steps: list[StallStep]
    plan_contents: list[str]
    fair_process: list[str]
    not_legal_advice: str


# ---------------------------------------------------------------- glossary


@dataclass(frozen=True)
class Term:
    """A word of the team's jargon: defined on the glossary page and explained where data text uses it."""

    id: str
    term: str
    appears_as: list[str] | None
    definition: str
    line: int

    @property
    def forms(self) -> list[str]:
        """The words in the handbook's text that this term explains: its `appears_as` list when it has one (so
        a term that is also an everyday word is explained only in the phrases listed), else the term itself."""
        return self.appears_as or [self.term]

    @property
    def other_forms(self) -> list[str]:
        """The forms a reader might not connect with the term's name, for the glossary page."""
        return [form for form in self.forms if form.casefold() != self.term.casefold()]


@dataclass(frozen=True)
class Glossary:
    intro: str
    terms: list[Term]

    @property
    def in_order(self) -> list[Term]:
        """Alphabetical, as a reader looks a word up, whatever order leaders add terms in."""
        return sorted(self.terms, key=lambda term: term.term.casefold())
# ---------------------------------------------------------------- coaching rhythm


@dataclass(frozen=True)
class CoachingPart:
    """Of a meeting counted as coaching, the part that is coaching in the strict sense, a conversation with the rep:
    a ride-along's same-day debrief, where watching the rep sell prepares it."""

    minutes: int
    what: str


@dataclass(frozen=True)
class Meeting:
    """A meeting the manager holds with every rep; its time a month is worked out in macros/meeting_time.py."""

    id: str
    name: str
    purpose: str
    minutes: int
    around_it_minutes: int
    how_often: str
    counts_as_coaching: bool
    line: int
    also_called: list[str] = field(default_factory=list)
    rated_with: str | None = None  # the form filled in at each one (an assessment id), whose records the team view dates
    coaching_part: CoachingPart | None = None  # in the strict count, only this part of the meeting is coaching
    week_of_month: int | None = None  # a monthly meeting held in that week of the month (1, the first)

    @property
    def days_apart(self) -> int:
        """The most days between two of these meetings before the next is late (the team view flags it)."""
        return meeting_time.days_apart(self.how_often)


@dataclass(frozen=True)
class StrictPart:
    """What the strict coaching count takes of a meeting: its 1:1 coaching "boxes", its coaching "part", or the
    "whole" of it, in minutes a month."""

    meeting: Meeting
    kind: str
    minutes_a_month: Fraction


@dataclass(frozen=True)
class WhileAdvised:
    """A mode whose questions of `question_stages` a box also takes while the rep's advice is that mode, on one of
    the box's situations, and the minutes of the 1:1's boxes by id meanwhile (`box_minutes`: those not named keep
    theirs)."""

    mode: str
    question_stages: list[str]
    box_minutes: dict[str, int] = field(default_factory=dict)
    what_happens: str | None = None  # what the manager does in the box meanwhile
    write_in: list[str] = field(default_factory=list)  # the planner's lines for the box meanwhile, after its own


@dataclass(frozen=True)
class AgendaBox:
    id: str
    name: str
    minutes: int
    what_happens: str
    line: int
    reads_back_commitments: bool = False
    agrees_commitments: bool = False  # its write-in lines are the commitments the planner records, not notes
    coaching: bool = False  # coaching in the strict sense: the rep works on a skill or a deal with you
    question_stages: list[str] = field(default_factory=list)
    question_situations: list[str] = field(default_factory=list)
    while_advised: WhileAdvised | None = None
    write_in: list[str] = field(default_factory=list)

    @property
    def least_minutes(self) -> int:
        """The fewest minutes the 1:1 planner lets a manager give the box for one 1:1: none, leaving it out (no
        deal to go through in a new rep's first week), but a minute where commitments are read back or agreed,
        which every 1:1 opens or closes with (a checker: a left-out "Last commitments" still listed last time's)."""
        return 1 if self.reads_back_commitments or self.agrees_commitments else 0


@dataclass(frozen=True)
class OneToOne:
    meeting: str
    intro: str
    boxes: list[AgendaBox]

    @property
    def advised(self) -> tuple[AgendaBox, WhileAdvised] | None:
        """The box whose advice changes the boxes' minutes, with that advice; None when no advice does."""
        return next(((box, box.while_advised) for box in self.boxes if box.while_advised and box.while_advised.box_minutes), None)

    @property
    def minutes_while_advised(self) -> dict[str, int]:
        """Each box's minutes while that advice holds (`advised`), or its usual minutes when there is none."""
        found = self.advised
        changed = found[1].box_minutes if found else {}
        return {box.id: changed.get(box.id, box.minutes) for box in self.boxes}

    @property
    def timed_boxes(self) -> list[tuple[int, int, AgendaBox]]:
        """Each box with the minute it starts and ends, counted from the start of the 1:1."""
        timed, start = [], 0
        for box in self.boxes:
            timed.append((start, start + box.minutes, box))
            start += box.minutes
        return timed


@dataclass(frozen=True)
class PlannerRules:
    """How the 1:1 planner fills the boxes and chooses its suggestions (one-to-one.js reads them from the page)."""

    minutes_per_question: int
    advice_lasts_weeks: int
    skip_questions_asked_in_last: int
    stages_that_look_back: list[str] = field(default_factory=list)
    situations_only_when_advised: list[str] = field(default_factory=list)
    ramp_situation: str | None = None  # suggested for a rep on the ramp plan


@dataclass(frozen=True)
class HoursRange:
    at_least: float
    at_most: float
    basis: str
    source: str | None = None


@dataclass(frozen=True)
class ShareLimit:
    at_most: float
    basis: str
    source: str | None = None

    @property
    def at_most_share(self) -> Fraction:
        """`at_most` as the exact share it was typed as (0.5 is 1/2), to compare figures with it."""
        return Fraction(str(self.at_most))


@dataclass(frozen=True)
class TeamMeeting:
    """The whole team's meeting, outside the coaching rhythm: pages that mention it link to it."""

    how_often: str
    minutes: int
    when: str
    purpose: str


@dataclass(frozen=True)
class DayOff:
    date: str
    name: str


@dataclass(frozen=True)
class RhythmWeek:
    """The rhythm's meetings in one week of a month, and the manager's minutes they take, to the nearest minute."""

    meetings: list[Meeting]
    minutes: int


@dataclass(frozen=True)
class Rhythm:
    intro: str
    team_size: int
    working_hours_per_week: float
    coaching_hours_per_rep: HoursRange
    manager_share: ShareLimit
    meetings: list[Meeting]
    one_to_one: OneToOne
    one_to_one_planner: PlannerRules
    team_meeting: TeamMeeting | None = None
    weeks_away_a_year: int = 0
    working_days: list[str] = field(default_factory=lambda: list(WORKING_DAYS_UNSAID))
    days_off: list[DayOff] = field(default_factory=list)

    @property
    def working_day_numbers(self) -> str:
        """The working days as the widgets' clock numbers them (Sunday 0 to Saturday 6), for data-working-days."""
        return clock_numbers(self.working_days)

    @property
    def days_off_dates(self) -> str:
        """The days off as the widgets read them beside the working days, for data-days-off."""
        return " ".join(day.date for day in self.days_off)

    @cached_property
    def meetings_by_id(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.meetings}

    @property
    def one_to_one_meeting(self) -> Meeting:
        return self.meetings_by_id[self.one_to_one.meeting]

    def times_a_year(self, meeting: Meeting) -> int:
        """How often `meeting` is held in a year, a weekly one skipped in the manager's weeks away (meeting_time)."""
        return meeting_time.times_a_year(meeting.how_often, self.weeks_away_a_year)

    def a_month(self, meeting: Meeting) -> Fraction:
        return meeting_time.minutes_a_month(meeting.minutes, meeting.how_often, self.weeks_away_a_year)

    def around_it_a_month(self, meeting: Meeting) -> Fraction:
        return meeting_time.minutes_a_month(meeting.around_it_minutes, meeting.how_often, self.weeks_away_a_year)

    @property
    def minutes_per_rep(self) -> Fraction:
        """Every meeting's time in a month, for one rep."""
        return sum((self.a_month(meeting) for meeting in self.meetings), Fraction(0))

    @property
    def coaching_minutes_per_rep(self) -> Fraction:
        return sum((self.a_month(meeting) for meeting in self.meetings if meeting.counts_as_coaching), Fraction(0))

    @property
    def strict_coaching_minutes_per_rep(self) -> Fraction | None:
        """The coaching a month counting only conversations with the rep, as the research's "coaching" means it:
        of the 1:1 its boxes marked `coaching` (the skill and the deal), of a meeting with a `coaching_part` that
        part (the ride-along's debrief, not the meetings watched); None when no box is marked, or the 1:1 is not
        counted as coaching."""
        parts = self.strict_coaching_parts
        return None if parts is None else sum((part.minutes_a_month for part in parts), Fraction(0))

    @property
    def held_to_range_minutes_per_rep(self) -> Fraction:
        """The coaching a month that `coaching_hours_per_rep` is held to (rhythm_check too): the strict count where
        there is one, else every coaching meeting whole."""
        strict = self.strict_coaching_minutes_per_rep
        return self.coaching_minutes_per_rep if strict is None else strict

    @property
    def weeks_there(self) -> int:
        """The weeks a year the manager is there, which hold the weekly meetings and the working month."""
        return meeting_time.WEEKS_A_YEAR - self.weeks_away_a_year

    @property
    def strict_coaching_parts(self) -> list[StrictPart] | None:
        """Each meeting counted as coaching with what of it the strict count takes and its minutes a month, so the
        page says each part as the total adds it. None as for `strict_coaching_minutes_per_rep`."""
        return self._strict_parts({box.id: box.minutes for box in self.one_to_one.boxes})

    @property
    def strict_coaching_minutes_while_advised(self) -> Fraction | None:
        """The strict count in a month the 1:1's boxes have the minutes they take while the advice that changes them
        holds (a push): None as for `strict_coaching_minutes_per_rep`."""
        parts = self._strict_parts(self.one_to_one.minutes_while_advised)
        return None if parts is None else sum((part.minutes_a_month for part in parts), Fraction(0))

    def _strict_parts(self, box_minutes: dict[str, int]) -> list[StrictPart] | None:
        boxes = sum((box_minutes[box.id] for box in self.one_to_one.boxes if box.coaching), 0)
        meetings = [(m.id, m.counts_as_coaching, m.minutes, m.how_often, m.coaching_part.minutes if m.coaching_part else None) for m in self.meetings]
        parts = meeting_time.strict_parts(meetings, self.one_to_one.meeting, boxes, self.weeks_away_a_year)
        return None if parts is None else [StrictPart(self.meetings_by_id[id_], kind, minutes) for id_, kind, minutes in parts]

    @cached_property
    def strict_parts_by_id(self) -> dict[str, StrictPart]:
        """Each coaching meeting's part in the strict count, by meeting id; empty where there is no strict count."""
        return {part.meeting.id: part for part in self.strict_coaching_parts or []}

    @property
    def around_it_per_rep(self) -> Fraction:
        """The manager's own time around one rep's meetings in a month: preparing, travelling, writing up."""
        return sum((self.around_it_a_month(meeting) for meeting in self.meetings), Fraction(0))

    @property
    def manager_minutes_per_rep(self) -> Fraction:
        """What each rep's rhythm costs the manager in a month: the meetings and the time around them."""
        return self.minutes_per_rep + self.around_it_per_rep

    @property
    def manager_minutes(self) -> Fraction:
        return self.manager_minutes_per_rep * self.team_size

    @property
    def team_sizes_around(self) -> range:
        """The team sizes the rhythm page gives the share of the month for: three either side of `team_size`."""
        return range(max(1, self.team_size - 3), self.team_size + 4)

    def share_of_month(self, reps: int) -> Fraction:
        """The share of a working month the rhythm takes with `reps` reps."""
        return self.manager_minutes_per_rep * reps / self.working_month_minutes

    @property
    def manager_coaching_minutes(self) -> Fraction:
        """The manager's month of coaching, counted as the range counts it (`held_to_range_minutes_per_rep`)."""
        return self.held_to_range_minutes_per_rep * self.team_size

    @property
    def working_month_minutes(self) -> Fraction:
        return meeting_time.working_month_minutes(self.working_hours_per_week, self.weeks_away_a_year)

    def in_week(self, week: int, weeks: int, leaving_out: Collection[str] = ()) -> "RhythmWeek":
        """The meetings in week `week` of a month of `weeks` weeks the manager is there, and the minutes they take
        of it for the whole team, the time around them included, without those whose ids are `leaving_out`: the
        boot camp adds them to its weeks (a VP: an average week hid the month's deal debriefs, all in its first)."""
        shares = [(meeting, meeting_time.share_in_week(meeting.how_often, meeting.week_of_month, week, weeks)) for meeting in self.meetings if meeting.id not in leaving_out]
        held = [(meeting, share) for meeting, share in shares if share]
        return RhythmWeek([meeting for meeting, _ in held], meeting_time.whole(sum((self.a_round(meeting) * share for meeting, share in held), Fraction(0))))

    def a_round(self, meeting: Meeting) -> int:
        """One of `meeting` with every rep, the manager's time around it included."""
        return (meeting.minutes + meeting.around_it_minutes) * self.team_size

    def in_some_months(self, leaving_out: Collection[str] = ()) -> list[Meeting]:
        """The meetings a given month may have none of (a quarter's), which no week of it counts."""
        return [meeting for meeting in self.meetings if meeting.how_often in meeting_time.IN_SOME_MONTHS and meeting.id not in leaving_out]


# ---------------------------------------------------------------- the whole handbook


@dataclass(frozen=True)
class Handbook:
    charter: Charter
    questions: QuestionBank
    dilemma: Dilemma
    bootcamp: Bootcamp
    coaching: Coaching
    ladder: Ladder
    onboarding: Onboarding
    checklists: dict[str, Checklist]
    assessments: dict[str, Assessment]
    printing: Printing
    glossary: Glossary
    rhythm: Rhythm
    sources: dict[str, str]  # section name → data file, for edit links
    deal_review: DealReview
    ramp: RampPlan
    objections: Objections
    coaching_stalls: CoachingStalls
    debriefs: Debriefs
    role_plays: RolePlays
    # The tools' words in the language being built (macros/words.py).
    words: Words | None = None
    # A translated text → its first-language text, which the item's fingerprint is taken from (LocatedData).
    in_first_language: dict[str, str] = field(default_factory=dict)
    # A default data file → the file that changes it for the team whose handbook this is (macros/teams.py).
    team_sources: dict[str, str] = field(default_factory=dict)

    @property
    def self_assessments(self) -> list[Assessment]:
        """The assessments readers take about themselves; observation forms and rubrics live on their own pages."""
        return [assessment for assessment in self.assessments.values() if assessment.kind == "self-assessment"]

    def questions_to_start(self, statement: "Statement") -> list[Question]:
        """The questions a level statement names that need nothing tried yet: a level result offers them before the
        rep has worked on it, so none asks how the new approach went (the 1:1 planner's stages_that_look_back)."""
        looking_back = set(self.rhythm.one_to_one_planner.stages_that_look_back)
        named = (self.questions.by_id[q] for q in statement.coaching_questions if q in self.questions.by_id)
        return [question for question in named if question.stage not in looking_back]

    @cached_property
    def weeks_by_id(self) -> dict[str, Week]:
        return {week.id: week for week in self.bootcamp.schedule}

    @property
    def level_assessment(self) -> Assessment | None:
        """The self-assessment that rates the level ladder (one group per level), which the history and team view chart."""
        return next((assessment for assessment in self.assessments.values() if assessment.rates_levels), None)

    @property
    def coaching_check(self) -> Assessment | None:
        """The check a manager fills in after each 1:1 (*Was that coaching?*), kept as coaching-check records."""
        return next((assessment for assessment in self.assessments.values() if assessment.record_kind == "coaching-check"), None)

    @property
    def scored_over_time(self) -> list[Assessment]:
        """The scored forms a manager fills in again and again about a rep, whose scores the rep's history charts:
        the check after each 1:1, then the observation forms (a ride-along), in the file's order."""
        observations = [assessment for assessment in self.assessments.values() if assessment.kind == "observation"]
        return ([self.coaching_check] if self.coaching_check else []) + observations

    @property
    def bootcamp_checklists(self) -> list[Checklist]:
        """The boot camp's repeating checklists (every day, every week), whose completion a rep's history shows."""
        return [self.checklists[checklist_id] for checklist_id in CADENCE_CHECKLISTS if checklist_id in self.checklists]


# Checklists made from the boot-camp cadence: checklist id → (cadence list, the key of its title in data/strings.yml,
# its title in English, the period it repeats). A page shows the title in the handbook's language; the English names
# the checklist where an editor reads about it (macros/page_diff.py).
CADENCE_CHECKLISTS = {"bootcamp-daily": ("daily", "cadence.daily", "Every day", "day"), "bootcamp-weekly": ("weekly", "cadence.weekly", "Every week", "week")}


class TeamLine(int):
    """The line of an item a team's file wrote (macros/teams.py), and that file, for the item's editor link."""

    file: str

    def __new__(cls, line: int, file: str):
        made = super().__new__(cls, line)
        made.file = file
        return made


def written_line(document: LocatedData, path: tuple) -> int:
    """The line the item at `path` was written on; a TeamLine when a team's file wrote it."""
    line, file = document.where(path).line, document.file_at(path)
    return line if file == document.file else TeamLine(line, file)


def build(cls, document: LocatedData, path: tuple = ()):
    """Fill dataclass `cls` from the validated value at `path`; optional keys become None."""
    value = _at(document.value, path)
    arguments = {}
    for name, key, hint, required in _fields_of(cls):
        if name == "line":
            arguments["line"] = written_line(document, path)
        elif key in value:
            arguments[name] = _convert(hint, document, path + (key,))
        elif required:
            arguments[name] = None
    return cls(**arguments)


@cache
def _fields_of(cls) -> list[tuple[str, str, object, bool]]:
    """Each field of dataclass `cls` as (name, its key in the data, its type, whether it has no default): worked
    out once per class, where every item of every list was building it again (a tenth of a validation)."""
    hints = typing.get_type_hints(cls)
    return [(each.name, each.metadata.get("key", each.name), hints[each.name], each.default is MISSING and each.default_factory is MISSING)
            for each in fields(cls)]


def _convert(hint, document: LocatedData, path: tuple):
    value = _at(document.value, path)
    if isinstance(hint, types.UnionType):  # an optional field, `X | None`, that is present
        kinds = [each for each in typing.get_args(hint) if each is not type(None)]
        hint = kinds[0] if len(kinds) == 1 else object  # a choice of plain values, such as `int | str`, is kept as read
    if is_dataclass(hint):
        return build(hint, document, path)
    if typing.get_origin(hint) is list:
        (item_hint,) = typing.get_args(hint)
        return [_convert(item_hint, document, path + (index,)) for index in range(len(value))]
    return value


def _at(value, path: tuple):
    for part in path:
        value = value[part]
    return value


def build_handbook(documents: dict[str, LocatedData], language: str = "en-GB") -> Handbook:
    """The whole handbook from documents that all passed validation, keyed by file stem, in `language` (a code from
    data/languages.yml: the one the documents are in)."""
    bootcamp = build(Bootcamp, documents["bootcamp"])
    bootcamp_doc, checklist_doc = documents["bootcamp"], documents["checklists"]
    cadence = bootcamp.cadence
    words = Words(documents["strings"].value, language)
    checklists = {
        checklist_id: Checklist(checklist_id, str(words.raw(title)), None, getattr(cadence, rhythm), bootcamp_doc.file, bootcamp_doc.where(("cadence", rhythm)).line, repeats, cadence.week_starts_on)
        for checklist_id, (rhythm, title, _, repeats) in CADENCE_CHECKLISTS.items()
    }
    for index, raw in enumerate(checklist_doc.value["checklists"]):
        path = ("checklists", index)
        checklists[raw["id"]] = Checklist(
            id=raw["id"],
            title=raw["title"],
            description=raw.get("description"),
            items=_convert(list[Item], checklist_doc, path + ("items",)),
            file=checklist_doc.file,
            line=written_line(checklist_doc, path),
            repeats={"every day": "day", "every week": "week", "before each 1:1": "one-to-one", "before each charter review": "charter-review"}.get(raw.get("starts_afresh")),
            week_starts_on=cadence.week_starts_on,
            per_rep=raw.get("per_rep", True),
        )
    ladder = build(Ladder, documents["levels"])
    debriefs = build(Debriefs, documents["debriefs"])
    return Handbook(
        charter=build(Charter, documents["charter"]),
        questions=build(QuestionBank, documents["coaching_questions"]),
        dilemma=build(Dilemma, documents["dilemma"]),
        bootcamp=bootcamp,
        coaching=build(Coaching, documents["coaching"]),
        ladder=ladder,
        onboarding=build(Onboarding, documents["onboarding"]),
        checklists=checklists,
        assessments=_build_assessments(documents["assessments"], ladder, debriefs),
        printing=build(Printing, documents["printing"]),
        glossary=build(Glossary, documents["glossary"]),
        rhythm=build(Rhythm, documents["rhythm"]),
        sources={name: document.file for name, document in documents.items()},
        deal_review=build(DealReview, documents["deal_review"]),
        ramp=build(RampPlan, documents["ramp"]),
        objections=build(Objections, documents["objections"]),
        coaching_stalls=build(CoachingStalls, documents["when_coaching_stalls"]),
        debriefs=debriefs,
        role_plays=build(RolePlays, documents["role_plays"]),
        words=words,
        team_sources={document.file: document.changed_by for document in documents.values() if document.changed_by},
        in_first_language={text: first for document in documents.values() for text, first in document.in_first_language.items()},
    )


def _build_assessments(document: LocatedData, ladder: Ladder, debriefs: Debriefs) -> dict[str, Assessment]:
    """Assessments by id, each with its scale and debrief resolved and its statements grouped for scoring."""
    scales = {scale.id: scale for scale in _convert(list[Scale], document, ("scales",))}
    assessments = {}
    for index, raw in enumerate(document.value["assessments"]):
        path = ("assessments", index)
        if raw.get("questions_from") == "levels":
            groups = [StatementGroup(level.id, level.name, [_statement(behaviour) for behaviour in level.behaviours], level) for level in ladder.levels]
        else:
            groups = [StatementGroup(raw["id"], None, _convert(list[Statement], document, path + ("questions",)))]
        assessments[raw["id"]] = Assessment(
            id=raw["id"],
            title=raw["title"],
            audience=raw["audience"],
            intro=raw["intro"],
            scale=scales[raw["scale"]],
            result_name=raw.get("result_name", "Score"),
            answers_needed=raw["answers_needed"],
            answers_needed_per_level=raw.get("answers_needed_per_level"),
            balanced=raw.get("balanced", False),
            groups=groups,
            bands=_convert(list[Band], document, path + ("bands",)),
            file=document.file,
            line=written_line(document, path),
            kind=raw.get("kind", "self-assessment"),
            each_time=raw.get("each_time", False),
            stays_open_days=raw.get("stays_open_days", 0),
            per_rep=raw.get("per_rep", True),
            sections=_convert(list[FormSection], document, path + ("sections",)) if "sections" in raw else [],
            notes=_convert(list[WriteIn], document, path + ("notes",)) if "notes" in raw else [],
            debrief=debriefs.by_id[raw["debrief"]] if "debrief" in raw else None,
            habits_at_most=raw.get("habits_at_most"),
            lower_levels_at_least=raw.get("lower_levels_at_least"),
            lower_level_gaps_at_most=raw.get("lower_level_gaps_at_most"),
            gap_behaviours_at_least=raw.get("gap_behaviours_at_least"),
            gap_habits_held_at_most=raw.get("gap_habits_held_at_most", 0),
            not_come_up_per_level=raw.get("not_come_up_per_level", 0),
            basics_first=build(BasicsFirst, document, path + ("basics_first",)) if "basics_first" in raw else None,
            essentials_at_least=raw.get("essentials_at_least"),
            missed_essential_fails=_fails_rule(raw.get("missed_essential_fails", False)),
            top_band_needs_nothing_missed=raw.get("top_band_needs_nothing_missed", False),
        )
    return assessments


def _fails_rule(value: bool | list) -> bool | tuple[tuple[str, ...], ...]:
    """`missed_essential_fails` as the model keeps it, tuples (the model is frozen): a list of ids is one group, a
    list of lists of ids is several."""
    if not isinstance(value, list):
        return value
    return tuple(tuple(group) for group in value) if value and isinstance(value[0], list) else (tuple(value),)


def _statement(behaviour: Behaviour) -> Statement:
    return Statement(behaviour.id, behaviour.text, behaviour.line, weight=behaviour.weight, counts_as=behaviour.counts_as, coaching_questions=behaviour.coaching_questions, contradicts=behaviour.contradicts, may_not_come_up=behaviour.may_not_come_up, foundation=behaviour.foundation)
