"""The handbook as typed, immutable domain objects, built from data that has already passed validation.

Field names match the data keys, so `build` can fill any of these classes from a located YAML value;
`line` is filled with where the item starts in its data file (for edit links to the exact line).
"""

import typing
from dataclasses import dataclass, fields, is_dataclass
from functools import cached_property

from .loading import LocatedData


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
class Conflict:
    principle: str
    steps: list[ConflictStep]


@dataclass(frozen=True)
class Review:
    cadence: str
    next_review: str
    how: list[str]


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


# ---------------------------------------------------------------- coaching question bank


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    grow: str
    description: str
    line: int


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
    why: str | None
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
        return [q for q in self.questions if situation_id in q.situations]

    def for_level(self, level_id: str) -> list[Question]:
        return [q for q in self.questions if level_id in q.levels]

    def for_situations(self, situation_ids: list[str]) -> list[Question]:
        return [q for q in self.questions if set(situation_ids) & set(q.situations)]

    @cached_property
    def stages_by_id(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.stages}

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
class Dilemma:
    intro: str
    modes: list[Mode]
    skill_will: SkillWill
    read_the_moment: list[str]

    @cached_property
    def modes_by_id(self) -> dict[str, Mode]:
        return {mode.id: mode for mode in self.modes}


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


@dataclass(frozen=True)
class Day:
    day: str
    plan: str
    line: int


@dataclass(frozen=True)
class Week:
    id: str
    name: str
    focus: str
    days: list[Day]
    line: int


@dataclass(frozen=True)
class Cadence:
    daily: list[Item]
    weekly: list[Item]


@dataclass(frozen=True)
class Target:
    id: str
    activity: str
    target: str
    line: int


@dataclass(frozen=True)
class TargetDimension:
    id: str
    name: str
    meaning: str
    targets: list[Target]
    line: int


@dataclass(frozen=True)
class ActivityTargets:
    intro: str
    dimensions: list[TargetDimension]


@dataclass(frozen=True)
class Finding:
    id: str
    figure: str
    finding: str
    source: str
    line: int


@dataclass(frozen=True)
class ProvokedLuck:
    summary: str
    research: list[Finding]


@dataclass(frozen=True)
class FunnelStage:
    id: str
    name: str
    conversion_rate: float | None
    line: int


@dataclass(frozen=True)
class ActivityPlanner:
    period: str
    weeks_in_period: int
    selling_days_per_week: int
    revenue_target: float
    average_deal_size: float
    stages: list[FunnelStage]


@dataclass(frozen=True)
class Bootcamp:
    intro: str
    steps: list[BootcampStep]
    schedule: list[Week]
    cadence: Cadence
    activity_targets: ActivityTargets
    provoked_luck: ProvokedLuck
    activity_planner: ActivityPlanner


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


@dataclass(frozen=True)
class Coaching:
    intro: str
    anti_patterns: list[AntiPattern]
    reasons_to_hold_back: list[Reason]
    manager_vs_coach: ManagerVsCoach
    research: list[Finding]


# ---------------------------------------------------------------- six levels


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    summary: str
    customer_view: str
    behaviours: list[Item]
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


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    description: str | None
    items: list[Item]
    file: str
    line: int


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
    sources: dict[str, str]  # section name → data file, for edit links


# Checklists made from the boot-camp cadence: checklist id → (cadence list, title).
CADENCE_CHECKLISTS = {"bootcamp-daily": ("daily", "Every day"), "bootcamp-weekly": ("weekly", "Every week")}


def build(cls, document: LocatedData, path: tuple = ()):
    """Fill dataclass `cls` from the validated value at `path`; optional keys become None."""
    value = _at(document.value, path)
    hints = typing.get_type_hints(cls)
    arguments = {}
    for field in fields(cls):
        if field.name == "line":
            arguments["line"] = document.where(path).line
        elif field.name in value:
            arguments[field.name] = _convert(hints[field.name], document, path + (field.name,))
        else:
            arguments[field.name] = None
    return cls(**arguments)


def _convert(hint, document: LocatedData, path: tuple):
    value = _at(document.value, path)
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


def build_handbook(documents: dict[str, LocatedData]) -> Handbook:
    """The whole handbook from documents that all passed validation, keyed by file stem."""
    bootcamp = build(Bootcamp, documents["bootcamp"])
    bootcamp_doc, checklist_doc = documents["bootcamp"], documents["checklists"]
    checklists = {
        checklist_id: Checklist(checklist_id, title, None, getattr(bootcamp.cadence, rhythm), bootcamp_doc.file, bootcamp_doc.where(("cadence", rhythm)).line)
        for checklist_id, (rhythm, title) in CADENCE_CHECKLISTS.items()
    }
    for index, raw in enumerate(checklist_doc.value["checklists"]):
        path = ("checklists", index)
        checklists[raw["id"]] = Checklist(
            id=raw["id"],
            title=raw["title"],
            description=raw.get("description"),
            items=_convert(list[Item], checklist_doc, path + ("items",)),
            file=checklist_doc.file,
            line=checklist_doc.where(path).line,
        )
    return Handbook(
        charter=build(Charter, documents["charter"]),
        questions=build(QuestionBank, documents["coaching_questions"]),
        dilemma=build(Dilemma, documents["dilemma"]),
        bootcamp=bootcamp,
        coaching=build(Coaching, documents["coaching"]),
        ladder=build(Ladder, documents["levels"]),
        onboarding=build(Onboarding, documents["onboarding"]),
        checklists=checklists,
        sources={name: document.file for name, document in documents.items()},
    )
