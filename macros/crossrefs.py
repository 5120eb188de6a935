"""Checks the schemas cannot express: ids unique across a list or a file, ids that point into
another file, links to pages that exist, and rules that depend on an item's position."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from . import scoring, upcoming
from .calling_times import check_calling_times
from .form_rules import check_forms
from .loading import LocatedData
from .meeting_time import duration
from .model import CADENCE_CHECKLISTS, manager_minutes
from .problems import Problem, counted, did_you_mean, quoted, readable
from .question_bank import check_question_bank
from .rhythm_check import check_rhythm
from .stale_words import check_data_words
from .stated_counts import check_stated_counts

# Where ids are defined: (file, patterns of the list items that carry an `id`).
# Each entry is one scope: ids must be unique across all the items its patterns select;
# "each" in a pattern makes one scope per item of that list (a checklist's items are its own).
ID_SCOPES = [
    ("charter", [("values", "*")]),
    ("charter", [("expectations", "*")]),
    ("charter", [("commitments", "*")]),
    ("charter", [("conflict", "steps", "*")]),
    ("charter", [("conflict", "setbacks", "items", "*")]),
    ("charter", [("why", "reasons", "*")]),
    ("coaching_questions", [("stages", "*")]),
    ("coaching_questions", [("situations", "*")]),
    ("coaching_questions", [("questions", "*")]),
    ("dilemma", [("modes", "*")]),
    ("dilemma", [("modes", "*", "signals", "*"), ("circumstance",)]),
    ("dilemma", [("skill_will", "quadrants", "*")]),
    ("bootcamp", [("steps", "*")]),
    ("bootcamp", [("calling_blocks", "*")]),
    ("bootcamp", [("schedule", "*")]),
    ("bootcamp", [("cadence", "daily", "*")]),
    ("bootcamp", [("cadence", "weekly", "*")]),
    ("bootcamp", [("activity_targets", "dimensions", "*")]),
    ("bootcamp", [("activity_targets", "dimensions", "*", "targets", "*")]),
    ("bootcamp", [("provoked_luck", "research", "*")]),
    ("bootcamp", [("provoked_luck", "behaviours", "*")]),
    ("bootcamp", [("activity_planner", "stages", "*")]),
    ("coaching", [("anti_patterns", "*")]),
    ("coaching", [("reasons_to_hold_back", "*")]),
    ("coaching", [("manager_vs_coach", "dimensions", "*")]),
    ("coaching", [("what_coaching_is", "parts", "*")]),
    ("coaching", [("research", "*")]),
    ("levels", [("levels", "*")]),
    ("levels", [("levels", "*", "behaviours", "*")]),
    ("onboarding", [("first_week", "*")]),
    ("onboarding", [("first_30_days", "*")]),
    ("checklists", [("checklists", "*")]),
    ("checklists", [("checklists", "each", "items", "*")]),
    ("printing", [("documents", "*")]),
    ("assessments", [("scales", "*")]),
    ("assessments", [("scales", "each", "options", "*")]),
    ("assessments", [("assessments", "*")]),
    ("assessments", [("assessments", "each", "questions", "*")]),
    # Onboarding items share one scope across both lists, so a link or a saved tick names one unambiguously.
    ("onboarding", [("first_week", "*", "items", "*"), ("first_30_days", "*", "items", "*")]),
    ("deal_review", [("stages", "*")]),
    ("deal_review", [("stages", "*", "exit_criteria", "*")]),
    ("deal_review", [("qualification", "elements", "*")]),
    ("deal_review", [("forecast", "categories", "*")]),
    ("deal_review", [("forecast", "rules", "*")]),
    ("deal_review", [("review_questions", "*")]),
    ("deal_review", [("review_questions", "*", "questions", "*")]),
    ("ramp", [("milestones", "*")]),
    ("objections", [("objections", "*")]),
    ("when_coaching_stalls", [("check_first", "*")]),
    ("when_coaching_stalls", [("steps", "*")]),
    ("assessments", [("assessments", "each", "sections", "*")]),
    ("assessments", [("assessments", "each", "notes", "*")]),
    ("debriefs", [("debriefs", "*")]),
    ("debriefs", [("debriefs", "each", "prompts", "*")]),
    ("role_plays", [("role_plays", "*")]),
    ("glossary", [("terms", "*")]),
    ("rhythm", [("meetings", "*")]),
    ("rhythm", [("one_to_one", "boxes", "*")]),
]


@dataclass(frozen=True)
class Reference:
    """A field whose value must be the id of an item defined elsewhere."""

    file: str
    pattern: tuple
    target_file: str
    target_pattern: tuple
    what: str


REFERENCES = [
    Reference("rhythm", ("meetings", "*", "rated_with"), "assessments", ("assessments", "*"), "assessment"),
    Reference("coaching_questions", ("questions", "*", "stage"), "coaching_questions", ("stages", "*"), "stage"),
    Reference("coaching_questions", ("questions", "*", "situations", "*"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("coaching_questions", ("questions", "*", "modes", "*"), "dilemma", ("modes", "*"), "mode"),
    Reference("coaching_questions", ("questions", "*", "levels", "*"), "levels", ("levels", "*"), "level"),
    Reference("dilemma", ("modes", "*", "situations", "*"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("dilemma", ("skill_will", "quadrants", "*", "mode"), "dilemma", ("modes", "*"), "mode"),
    Reference("dilemma", ("modes", "*", "signals", "*", "rules_out", "*"), "dilemma", ("modes", "*"), "mode"),
    Reference("dilemma", ("modes", "*", "signals", "*", "contradicts", "*"), "dilemma", ("modes", "*", "signals", "*"), "signal"),
    Reference("dilemma", ("circumstance", "contradicts", "*"), "dilemma", ("modes", "*", "signals", "*"), "signal"),
    Reference("dilemma", ("circumstance", "with_others", "*", "signals", "*"), "dilemma", ("modes", "*", "signals", "*"), "signal"),
    Reference("dilemma", ("circumstance", "check"), "when_coaching_stalls", ("check_first", "*"), "check"),
    Reference("bootcamp", ("steps", "*", "situations", "*"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("assessments", ("assessments", "*", "scale"), "assessments", ("scales", "*"), "scale"),
    Reference("assessments", ("assessments", "*", "questions", "*", "dimension"), "coaching", ("manager_vs_coach", "dimensions", "*"), "dimension"),
    Reference("levels", ("levels", "*", "behaviours", "*", "coaching_questions", "*"), "coaching_questions", ("questions", "*"), "coaching question"),
    Reference("levels", ("levels", "*", "behaviours", "*", "contradicts", "*"), "levels", ("levels", "*", "behaviours", "*"), "behaviour"),
    Reference("assessments", ("assessments", "*", "questions", "*", "coaching_questions", "*"), "coaching_questions", ("questions", "*"), "coaching question"),
    Reference("deal_review", ("situation",), "coaching_questions", ("situations", "*"), "situation"),
    Reference("deal_review", ("stages", "*", "planner_stage"), "bootcamp", ("activity_planner", "stages", "*"), "activity planner stage"),
    Reference("deal_review", ("stages", "*", "exit_criteria", "*", "elements", "*"), "deal_review", ("qualification", "elements", "*"), "qualification element"),
    Reference("deal_review", ("forecast", "rules", "*", "applies_to", "*"), "deal_review", ("forecast", "categories", "*"), "forecast category"),
    Reference("deal_review", ("forecast", "rules", "*", "stage_at_least"), "deal_review", ("stages", "*"), "CRM stage"),
    Reference("deal_review", ("forecast", "rules", "*", "needs", "*"), "deal_review", ("qualification", "elements", "*"), "qualification element"),
    Reference("deal_review", ("review_questions", "*", "questions", "*", "elements", "*"), "deal_review", ("qualification", "elements", "*"), "qualification element"),
    Reference("ramp", ("milestones", "*", "bootcamp_steps", "*"), "bootcamp", ("steps", "*"), "boot-camp step"),
    Reference("ramp", ("milestones", "*", "bootcamp_weeks", "*"), "bootcamp", ("schedule", "*"), "boot-camp week"),
    Reference("ramp", ("milestones", "*", "activity", "*", "stage"), "bootcamp", ("activity_planner", "stages", "*"), "activity planner stage"),
    Reference("objections", ("practise_in", "*"), "bootcamp", ("schedule", "*"), "boot-camp week"),
    Reference("bootcamp", ("calling_times", "first_block", "week"), "bootcamp", ("schedule", "*"), "boot-camp week"),
    Reference("objections", ("objections", "*", "elements", "*"), "deal_review", ("qualification", "elements", "*"), "qualification element"),
    Reference("objections", ("objections", "*", "role_play"), "role_plays", ("role_plays", "*"), "role-play"),
    Reference("dilemma", ("modes", "*", "signals", "*", "situation"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("when_coaching_stalls", ("check_first", "*", "mode"), "dilemma", ("modes", "*"), "mode"),
    Reference("assessments", ("assessments", "*", "debrief"), "debriefs", ("debriefs", "*"), "debrief template"),
    Reference("debriefs", ("debriefs", "*", "stages", "*"), "coaching_questions", ("stages", "*"), "stage"),
    Reference("debriefs", ("debriefs", "*", "situations", "*"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("debriefs", ("debriefs", "*", "bootcamp_steps", "*"), "bootcamp", ("steps", "*"), "boot-camp step"),
    Reference("role_plays", ("debrief",), "debriefs", ("debriefs", "*"), "debrief template"),
    Reference("role_plays", ("role_plays", "*", "week"), "bootcamp", ("schedule", "*"), "boot-camp week"),
    Reference("role_plays", ("role_plays", "*", "rubric"), "assessments", ("assessments", "*"), "rubric"),
    Reference("rhythm", ("one_to_one", "meeting"), "rhythm", ("meetings", "*"), "meeting"),
    Reference("bootcamp", ("rhythm_meetings_it_holds", "*", "meeting"), "rhythm", ("meetings", "*"), "meeting"),
    Reference("printing", ("documents", "*", "questions", "*"), "coaching_questions", ("questions", "*"), "coaching question"),
    Reference("rhythm", ("one_to_one", "boxes", "*", "question_stages", "*"), "coaching_questions", ("stages", "*"), "stage"),
    Reference("rhythm", ("one_to_one", "boxes", "*", "question_situations", "*"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("rhythm", ("one_to_one", "boxes", "*", "while_advised", "mode"), "dilemma", ("modes", "*"), "mode"),
    Reference("rhythm", ("one_to_one", "boxes", "*", "while_advised", "question_stages", "*"), "coaching_questions", ("stages", "*"), "stage"),
    Reference("rhythm", ("one_to_one_planner", "stages_that_look_back", "*"), "coaching_questions", ("stages", "*"), "stage"),
    Reference("rhythm", ("one_to_one_planner", "situations_only_when_advised", "*"), "coaching_questions", ("situations", "*"), "situation"),
    Reference("rhythm", ("one_to_one_planner", "ramp_situation"), "coaching_questions", ("situations", "*"), "situation"),
]

_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)")  # a target may hold balanced parentheses, as in Markdown
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def select(value, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Yield (path, value) for every place in `value` matching `pattern` ('*' matches any list index)."""
    if not pattern:
        yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from select(item, rest, path + (index,))
    elif isinstance(head, int):
        if isinstance(value, list) and head < len(value):
            yield from select(value[head], rest, path + (head,))
    elif isinstance(value, dict) and head in value:
        yield from select(value[head], rest, path + (head,))


def first_with_each_id(items: list[dict]) -> dict[str, dict]:
    """Each id's first item: a duplicate is reported at the copy (_unique_ids), and the checks that look an id up
    read the item the copy duplicates, so the copy's fields add no advice about files nobody touched (a director
    found a duplicated question's levels reported in levels.yml and its German translation)."""
    found: dict[str, dict] = {}
    for item in items:
        found.setdefault(item["id"], item)
    return found


def check_crossrefs(documents: dict[str, LocatedData], docs_pages: set[str]) -> list[Problem]:
    """`documents` holds only files that passed their schema, keyed by file stem."""
    problems: list[Problem] = []
    for name, patterns in ID_SCOPES:
        if name in documents:
            problems += _unique_ids(documents[name], patterns)
    for reference in REFERENCES:
        problems += _dangling(documents, reference)
    problems += _level_ladder(documents.get("levels")) + _contradictions(documents.get("levels")) + _not_come_up_on_habits(documents.get("levels"))
    problems += _funnel(documents.get("bootcamp"))
    problems += _planner_figures(documents.get("bootcamp"))
    problems += _manager_time(documents.get("bootcamp"), documents.get("rhythm"))
    problems += _skill_will(documents.get("dilemma"))
    problems += _rules_out_own_mode(documents.get("dilemma"))
    problems += _only_with_own_signals(documents.get("dilemma"))
    problems += _reserved_checklist_ids(documents.get("checklists")) + _team_lists_before_a_1_1(documents.get("checklists"))
    problems += _assessments(documents.get("assessments"), documents.get("levels"))
    problems += _development_questions(documents.get("levels"), documents.get("coaching_questions"), documents.get("rhythm"))
    problems += check_question_bank(documents.get("coaching_questions"), documents.get("levels"))
    problems += _printed_pages(documents.get("printing"), docs_pages)
    problems += _deal_review(documents.get("deal_review"))
    problems += _ramp(documents.get("ramp"))
    problems += _ramp_targets_from_planner(documents.get("ramp"), documents.get("bootcamp"))
    problems += _hr_before_the_end(documents.get("when_coaching_stalls"))
    problems += _objection_weeks(documents.get("objections"), documents.get("role_plays"), documents.get("bootcamp"))
    problems += check_forms(documents)
    problems += _glossary_forms(documents.get("glossary"))
    problems += check_rhythm(documents)
    problems += check_calling_times(documents)
    problems += check_stated_counts(documents)
    problems += check_data_words(documents)
    problems += upcoming.dates_gone_by(documents)
    for document in documents.values():
        problems += _links(document, docs_pages)
    return problems


def _objection_weeks(objections: LocatedData | None, role_plays: LocatedData | None, bootcamp: LocatedData | None) -> list[Problem]:
    """The weeks the objections page says the team rehearses objections in include the week of each role-play an
    objection names, so the page never sends a rep to week 3 for a role-play the boot camp runs in week 4."""
    if objections is None or role_plays is None or bootcamp is None:
        return []
    known = {week["id"] for week in bootcamp.value["schedule"]}  # an unknown week is reported at the role-play
    weeks = {id: play["week"] for id, play in first_with_each_id(role_plays.value["role_plays"]).items() if play["week"] in known}
    listed = objections.value["practise_in"]
    problems = []
    for index, objection in enumerate(objections.value["objections"]):
        week = weeks.get(objection.get("role_play"))
        if week is not None and week not in listed:
            problems.append(objections.problem(("objections", index, "role_play"), f"the role-play {quoted(objection['role_play'])} runs in the boot camp's {quoted(week)}, which 'practise_in' doesn't list; add {week} to 'practise_in' (line {objections.where(('practise_in',)).line})"))
    return problems


def _unique_ids(document: LocatedData, patterns: list[tuple]) -> list[Problem]:
    if any("each" in pattern for pattern in patterns):
        (pattern,) = patterns
        split = pattern.index("each")
        return [
            problem
            for path, _ in select(document.value, pattern[:split] + ("*",))
            for problem in _unique_ids(document, [path + pattern[split + 1:]])
        ]
    first_line: dict[str, int] = {}
    problems = []
    for pattern in patterns:
        for path, item in select(document.value, pattern):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            if item_id in first_line:
                problems.append(document.problem(path + ("id",), f"duplicate id {quoted(item_id)} (already used on line {first_line[item_id]}; ids must be unique)"))
            else:
                first_line[item_id] = document.where(path + ("id",)).line
    return problems


def _dangling(documents: dict[str, LocatedData], reference: Reference) -> list[Problem]:
    source, target = documents.get(reference.file), documents.get(reference.target_file)
    if source is None or target is None:
        return []
    known = [item["id"] for _, item in select(target.value, reference.target_pattern)]
    problems = []
    for path, value in select(source.value, reference.pattern):
        if value not in known:
            problems.append(source.problem(path, f"unknown {reference.what} {quoted(value)} ({_expected_ids(value, known, reference.target_file)})"))
    return problems


# Up to this many ids are listed in a message; beyond, a list would bury the one the leader meant.
LISTED_IDS = 20


def _expected_ids(value, known: list[str], file: str) -> str:
    """The ids `value` could have been: the closest first, then all of them, or where to find them when many."""
    meant = did_you_mean(value, known)
    if len(known) > LISTED_IDS:
        return f"{meant}expected one of the {len(known)} ids in data/{file}.yml"
    return f"{meant}expected one of the ids in data/{file}.yml: {', '.join(known)}"


def _level_ladder(document: LocatedData | None) -> list[Problem]:
    """Every level but the top one says what moves you up; the top one has nowhere to go."""
    if document is None:
        return []
    levels = document.value["levels"]
    problems = []
    for index, level in enumerate(levels):
        is_top = index == len(levels) - 1
        if is_top and "next_level" in level:
            problems.append(document.problem(("levels", index, "next_level"), "the top level has no level above it; remove 'next_level'", at_key=True))
        if not is_top and "next_level" not in level:
            problems.append(document.problem(("levels", index), f"level {quoted(level['id'])} is missing 'next_level' (what moves a rep to the next level)"))
    return problems


def _contradictions(document: LocatedData | None) -> list[Problem]:
    """`contradicts` pairs a habit with strengths it cannot be true beside in one account: it sits on a habit and
    names strengths, or the self-assessment would ask a rep to choose between two things they can both do."""
    if document is None:
        return []
    counts_as = {id: b.get("counts_as", "strength") for id, b in first_with_each_id([b for level in document.value["levels"] for b in level["behaviours"]]).items()}
    problems = []
    for path, named in select(document.value, ("levels", "*", "behaviours", "*", "contradicts")):
        behaviour = document.value["levels"][path[1]]["behaviours"][path[3]]
        if behaviour.get("counts_as", "strength") != "limit":
            problems.append(document.problem(path, f"behaviour {quoted(behaviour['id'])} is a strength; 'contradicts' goes on a habit (counts_as: limit), naming the strengths it cannot be true beside", at_key=True))
            continue
        for index, other in enumerate(named):
            if counts_as.get(other) == "limit":
                problems.append(document.problem(path + (index,), f"{quoted(other)} is a habit; a habit contradicts strengths, which a rep cannot show in the same account while the habit holds"))
    return problems


def _not_come_up_on_habits(document: LocatedData | None) -> list[Problem]:
    """`may_not_come_up` lets a strength be left blank without holding its level back; a habit left blank always
    holds it back (or skipping the habits would be a way up the ladder), so the mark goes on strengths only."""
    if document is None:
        return []
    behaviours = list(select(document.value, ("levels", "*", "behaviours", "*")))
    return [document.problem(path + ("may_not_come_up",), f"behaviour {quoted(behaviour['id'])} is a habit, which must be answered in the self-assessment; 'may_not_come_up' goes on a strength only, so remove it here", at_key=True)
            for path, behaviour in behaviours if behaviour.get("may_not_come_up") and behaviour.get("counts_as") == scoring.LIMIT]


def _funnel(document: LocatedData | None) -> list[Problem]:
    """The first funnel stage is where activity starts; every later one converts from the one before."""
    if document is None:
        return []
    problems = []
    for index, stage in enumerate(document.value["activity_planner"]["stages"]):
        path = ("activity_planner", "stages", index)
        if index == 0 and "conversion_rate" in stage:
            problems.append(document.problem(path + ("conversion_rate",), "the first funnel stage has nothing before it to convert from; remove 'conversion_rate'", at_key=True))
        if index > 0 and "conversion_rate" not in stage:
            problems.append(document.problem(path, f"funnel stage {quoted(stage['id'])} is missing 'conversion_rate' (the share of the previous stage that reaches it, e.g. 0.25)"))
    return problems


def _skill_will(document: LocatedData | None) -> list[Problem]:
    """Each skill/will pair once in the matrix, and each quadrant names a mode whose `suits` covers it: the
    matrix must not tell a manager to push a rep who doesn't know how."""
    if document is None:
        return []
    # Without 'suits' (data older than the rule, as `diff` reads it) a mode has nothing to check against.
    modes = {mode["id"]: (index, mode) for index, mode in enumerate(document.value["modes"]) if "suits" in mode}
    first_line: dict[tuple[str, str], int] = {}
    problems = []
    for path, quadrant in select(document.value, ("skill_will", "quadrants", "*")):
        skill, will = quadrant["skill"], quadrant["will"]
        if (skill, will) in first_line:
            problems.append(document.problem(path, f"the matrix already has a quadrant for {skill} skill and {will} will (line {first_line[skill, will]}); each combination appears once"))
        first_line.setdefault((skill, will), document.where(path).line)
        if quadrant["mode"] not in modes:
            continue
        index, mode = modes[quadrant["mode"]]
        if skill not in mode["suits"]["skill"] or will not in mode["suits"]["will"]:
            fitting = [other["id"] for _, other in modes.values() if skill in other["suits"]["skill"] and will in other["suits"]["will"]]
            line = document.where(("modes", index, "suits")).line
            problems.append(document.problem(path + ("mode",), f"quadrant {quoted(quadrant['id'])} ({skill} skill, {will} will) maps to {mode['id']}, but {mode['id']} suits only reps with {_suited(mode['suits'])} (line {line}); map it to a mode that suits {skill} skill and {will} will ({', '.join(fitting) or 'no mode does yet'}), or change what {mode['id']} suits"))
    return problems


def _rules_out_own_mode(document: LocatedData | None) -> list[Problem]:
    """A signal's `rules_out` names other modes: ruling out its own would make it count against itself."""
    if document is None:
        return []
    return [
        document.problem(path, f"a {mode['id']} signal cannot rule out {mode['id']} itself; name the other modes it rules out ({', '.join(other['id'] for other in document.value['modes'] if other['id'] != mode['id'])})")
        for mode_index, mode in enumerate(document.value["modes"])
        for path, ruled in select(document.value, ("modes", mode_index, "signals", "*", "rules_out", "*"))
        if ruled == mode["id"]
    ]


def _only_with_own_signals(document: LocatedData | None) -> list[Problem]:
    """A mode's `only_with` names its own signals: one that a tick for another mode satisfies would let that mode's
    signal recommend this one."""
    if document is None:
        return []
    problems = []
    for mode_index, mode in enumerate(document.value["modes"]):
        own = [signal["id"] for signal in mode["signals"]]
        for path, wanted in select(document.value, ("modes", mode_index, "only_with", "*")):
            if wanted not in own:
                problems.append(document.problem(path, f"{quoted(wanted)} is not one of {mode['id']}'s signals ({', '.join(own)}); name one of those"))
    return problems


def _suited(suits: dict) -> str:
    return f"{' or '.join(dict.fromkeys(suits['skill']))} skill and {' or '.join(dict.fromkeys(suits['will']))} will"


def _planner_figures(document: LocatedData | None) -> list[Problem]:
    """Targets the planner works out name its stages, the pipeline sits at one of them, and the planner's
    defaults are within the limits readers are held to."""
    if document is None:
        return []
    planner = document.value["activity_planner"]
    stages = [stage["id"] for stage in planner["stages"]]
    expected = f"expected one of the activity planner's funnel stages: {', '.join(stages)}"
    problems = []
    if planner.get("pipeline_stage", stages[-2:][0]) not in stages:
        problems.append(document.problem(("activity_planner", "pipeline_stage"), f"unknown funnel stage {quoted(planner['pipeline_stage'])} ({expected})"))
    for path, target in select(document.value, ("activity_targets", "dimensions", "*", "targets", "*")):
        if ("target" in target) == ("from_planner" in target):
            problems.append(document.problem(path, f"activity target {quoted(target['id'])} needs either 'target' (the target in words) or 'from_planner' (a figure the activity planner works out), not {'both' if 'target' in target else 'neither'}"))
        figure = target.get("from_planner")
        if figure and figure["stage"] not in stages:
            problems.append(document.problem(path + ("from_planner", "stage"), f"unknown funnel stage {quoted(figure['stage'])} ({expected})"))
        elif figure and figure["show"] == "conversion rate" and figure["stage"] == stages[0]:
            problems.append(document.problem(path + ("from_planner", "show"), f"{quoted(stages[0])} is the first funnel stage, so it has no conversion rate; show 'per day', 'per week' or 'per period', or choose a later stage"))
    for path, stage in select(document.value, ("activity_targets", "floor", "activity", "*", "stage")):
        if stage not in stages:
            problems.append(document.problem(path, f"unknown funnel stage {quoted(stage)} ({expected})"))
    for key, limit in planner.get("upper_limits", {}).items():
        if planner.get(key, 0) > limit:
            problems.append(document.problem(("activity_planner", key), f"{quoted(key)} is {planner[key]:,}, above its upper limit of {limit:,} (upper_limits: {key}); lower the figure or raise the limit"))
    return problems


# A manager's boot-camp day is at most a working day, as a day's 'hours' is (the schema's maximum).
_MANAGER_DAY_MINUTES = 8 * 60


def _manager_time(bootcamp: LocatedData | None, rhythm: LocatedData | None) -> list[Problem]:
    """Each boot-camp day's manager time gives 'hours', 'minutes_with_each_rep' or both, and with the team size the
    rhythm plans for comes to no more than a working day: a leader who grows the team sees the day that stops
    fitting, at its line."""
    if bootcamp is None:
        return []
    team = rhythm.value.get("team_size") if rhythm is not None else None
    problems = []
    for path, manager in select(bootcamp.value, ("schedule", "*", "days", "*", "manager")):
        each = manager.get("minutes_with_each_rep", 0)
        if "hours" not in manager and not each:
            problems.append(bootcamp.problem(path, "the manager's time needs 'hours' (such as 1.5) or 'minutes_with_each_rep' (for a task done with each rep in turn, such as 15), or both"))
            continue
        minutes = manager_minutes(manager.get("hours", 0), each, team) if isinstance(team, int) else 0
        if minutes > _MANAGER_DAY_MINUTES:
            problems.append(bootcamp.problem(path + (("minutes_with_each_rep",) if each else ("hours",)), (
                f"with the team of {team} reps in rhythm.yml (team_size), this day's task takes the manager "
                f"{duration(minutes)}, more than a working day ({duration(_MANAGER_DAY_MINUTES)}): "
                "spread it over two days, or give each rep less time")))
    return problems


def _team_lists_before_a_1_1(document: LocatedData | None) -> list[Problem]:
    """A list kept for no rep (`per_rep: false`) can't start afresh before each 1:1: its ticks belong to a rep's."""
    if document is None:
        return []
    return [document.problem(path + ("per_rep",), "a list that starts afresh before each 1:1 belongs to a rep's 1:1, so it is kept for each rep; remove 'per_rep: false', or let it start afresh another way", at_key=True)
            for path, item in select(document.value, ("checklists", "*"))
            if item.get("per_rep") is False and item.get("starts_afresh") == "before each 1:1"]


def _reserved_checklist_ids(document: LocatedData | None) -> list[Problem]:
    if document is None:
        return []
    return [
        document.problem(path + ("id",), f"the checklist id {quoted(item['id'])} is taken by the boot-camp cadence in data/bootcamp.yml; choose another")
        for path, item in select(document.value, ("checklists", "*"))
        if item["id"] in CADENCE_CHECKLISTS
    ]


def _assessments(document: LocatedData | None, levels: LocatedData | None) -> list[Problem]:
    """Scales rise, each assessment has one source of questions, asks for answers it can get, and its
    bands tile 0–100 exactly."""
    if document is None:
        return []
    problems = []
    for path, scale in select(document.value, ("scales", "*")):
        values = [option["value"] for option in scale["options"]]
        for index in range(1, len(values)):
            if values[index] <= values[index - 1]:
                problems.append(document.problem(path + ("options", index, "value"), f"scale {quoted(scale['id'])}: each answer must score more than the one before it ({values[index]} follows {values[index - 1]}); list answers from lowest to highest"))
    for path, assessment in select(document.value, ("assessments", "*")):
        has_questions, from_levels = "questions" in assessment, "questions_from" in assessment
        if has_questions == from_levels:
            problems.append(document.problem(path, f"assessment {quoted(assessment['id'])} needs either 'questions' (its own statements) or 'questions_from: levels', not {'both' if has_questions else 'neither'}"))
            continue
        groups = [level["behaviours"] for level in levels.value["levels"]] if from_levels and levels else [assessment.get("questions", [])]
        problems += _answers_needed(document, path, assessment, groups, from_levels)
        problems += _habit_rule(document, path, assessment, levels if from_levels else None)
        problems += _lower_levels_rule(document, path, assessment)
        problems += _basics_first_rule(document, path, assessment, levels)
        if "not_come_up_per_level" in assessment and "questions_from" not in assessment:
            problems.append(document.problem(path + ("not_come_up_per_level",), "'not_come_up_per_level' only applies to the level assessment (questions_from: levels), whose behaviours may not all come up in one account; remove it", at_key=True))
        problems += _essentials_rule(document, path, assessment)
        problems += _nothing_missed_rule(document, path, assessment)
        problems += _balance(document, path, assessment, levels if from_levels else document)
        problems += _bands(document, path + ("bands",), assessment["bands"], from_levels)
    return problems


def _answers_needed(document: LocatedData, path: tuple, assessment: dict, groups: list[list], from_levels: bool) -> list[Problem]:
    """A result must be reachable: no more answers asked for than there are statements."""
    problems = []
    total = sum(len(group) for group in groups)
    if groups[0] and assessment.get("answers_needed", 0) > total:
        problems.append(document.problem(path + ("answers_needed",), f"asks for {assessment['answers_needed']} answers but the assessment has only {total} statements; the result could never show"))
    per_level = assessment.get("answers_needed_per_level")
    if per_level is not None and not from_levels:
        problems.append(document.problem(path + ("answers_needed_per_level",), "'answers_needed_per_level' only applies to the level assessment (questions_from: levels); remove it", at_key=True))
    elif per_level is None and from_levels:
        problems.append(document.problem(path, "the level assessment needs 'answers_needed_per_level': how many of each level's behaviours must be answered before the level can count"))
    elif per_level is not None and groups[0] and per_level > min(len(group) for group in groups):
        problems.append(document.problem(path + ("answers_needed_per_level",), f"asks for {per_level} answers per level but a level in data/levels.yml has only {min(len(group) for group in groups)} behaviours; that level could never be reached"))
    return problems


def _habit_rule(document: LocatedData, path: tuple, assessment: dict, levels: LocatedData | None) -> list[Problem]:
    """`habits_at_most`: the level assessment's, where it must be set when the levels hold habits (balanced), be
    an answer on its scale below the top one (else agreeing with every habit would pass), and leave the habits
    without weights, which would change nothing (habits add no points, macros/scoring.py)."""
    at_most = assessment.get("habits_at_most")
    if at_most is None:
        if assessment.get("balanced") and "questions_from" in assessment:
            return [document.problem(path, "the level assessment is balanced, so it needs 'habits_at_most': the highest answer a habit may have in a level that is reached (e.g. 1 for \"A little\")")]
        return []
    if "questions_from" not in assessment or not assessment.get("balanced"):
        return [document.problem(path + ("habits_at_most",), "'habits_at_most' only applies to the level assessment with 'balanced: true' (its levels hold habits); remove it", at_key=True)]
    scale = _scale_of(document, assessment)
    values = [option["value"] for option in scale["options"]] if scale else []
    if scale and (at_most not in values or at_most == max(values)):
        below = ", ".join(f"{option['value']:g} ({readable(option['label'])})" for option in scale["options"][:-1])
        return [document.problem(path + ("habits_at_most",), f"must be one of the answers on the scale {quoted(scale['id'])} below its top one: {below}")]
    if levels is None:
        return []
    return [levels.problem(item_path + ("weight",), "a habit adds no points in the level assessment (it holds its level back instead), so its 'weight' changes nothing; remove it", at_key=True)
            for item_path, item in select(levels.value, ("levels", "*", "behaviours", "*"))
            if item.get("counts_as") == scoring.LIMIT and "weight" in item]


def _lower_levels_rule(document: LocatedData, path: tuple, assessment: dict) -> list[Problem]:
    """`lower_levels_at_least`: the level assessment's only, and below where a level is reached, else it would
    ask more of the levels below than of the level itself; `lower_level_gaps_at_most`, `gap_habits_held_at_most` and
    `gap_behaviours_at_least` only beside it, the latter an answer on the form's scale."""
    least = assessment.get("lower_levels_at_least")
    if least is None:
        return [document.problem(path + (key,), f"'{key}' is about the levels below that score at least 'lower_levels_at_least' without being reached, so it needs 'lower_levels_at_least' beside it; add that or remove this", at_key=True)
                for key in ("lower_level_gaps_at_most", "gap_behaviours_at_least", "gap_habits_held_at_most") if key in assessment]
    if "questions_from" not in assessment:
        return [document.problem(path + ("lower_levels_at_least",), "'lower_levels_at_least' only applies to the level assessment (questions_from: levels); remove it", at_key=True)]
    reached = [band["from"] for band in assessment["bands"] if band.get("reached")]
    if reached and least >= min(reached):
        return [document.problem(path + ("lower_levels_at_least",), f"must be below {min(reached)}, where the band marked reached starts: a level below another is asked for less than the level itself (e.g. the start of the band before it)")]
    return _above_lowest_answer(document, path, assessment, "gap_behaviours_at_least")


def _basics_first_rule(document: LocatedData, path: tuple, assessment: dict, levels: LocatedData | None) -> list[Problem]:
    """`basics_first`: the level assessment's only; its levels are levels of data/levels.yml, the basics below
    `from_level`, and `at_top_at_least` no more than the basics' behaviours (habits aside), or no one could pass."""
    rule = assessment.get("basics_first")
    if rule is None:
        return []
    if "questions_from" not in assessment:
        return [document.problem(path + ("basics_first",), "'basics_first' only applies to the level assessment (questions_from: levels); remove it", at_key=True)]
    ids = [level["id"] for level in levels.value["levels"]] if levels else []
    if not ids:
        return []  # no levels to check against: data/levels.yml reports its own problem
    unknown = [level for level in [rule["from_level"], *rule["basics"]] if level not in ids]
    if unknown:
        return [document.problem(path + ("basics_first",), f"names {', '.join(map(quoted, unknown))}, not the id of a level in data/levels.yml ({', '.join(ids)})", at_key=True)]
    above = [level for level in rule["basics"] if ids.index(level) >= ids.index(rule["from_level"])]
    if above:
        return [document.problem(path + ("basics_first", "basics"), f"{', '.join(map(quoted, above))} is not below {quoted(rule['from_level'])}, the level the rule starts at; the basics are levels below it")]
    behaviours = sum(1 for level in levels.value["levels"] if level["id"] in rule["basics"] for item in level["behaviours"] if item.get("counts_as") != scoring.LIMIT)
    if rule["at_top_at_least"] > behaviours:
        return [document.problem(path + ("basics_first", "at_top_at_least"), f"is {rule['at_top_at_least']}, but the basics have {behaviours} behaviours besides their habits, so no one could reach {quoted(rule['from_level'])}; make it {behaviours} or fewer")]
    return []


def _above_lowest_answer(document: LocatedData, path: tuple, assessment: dict, key: str) -> list[Problem]:
    """`key`, when given, is one of the answers on the assessment's scale above its lowest (the lowest would let
    every answer pass)."""
    value = assessment.get(key)
    scale = _scale_of(document, assessment)
    if value is None or not scale or value in [option["value"] for option in scale["options"][1:]]:
        return []
    above = ", ".join(f"{option['value']:g} ({readable(option['label'])})" for option in scale["options"][1:])
    return [document.problem(path + (key,), f"must be one of the answers on the scale {quoted(scale['id'])} above its lowest one: {above}")]


def _scale_of(document: LocatedData, assessment: dict) -> dict | None:
    return next((s for s in document.value["scales"] if s["id"] == assessment["scale"]), None)


def _essentials_rule(document: LocatedData, path: tuple, assessment: dict) -> list[Problem]:
    """`essential` statements and `essentials_at_least` come together (and `missed_essential_fails` needs them),
    outside the level assessment (its habits have their own rule), with a least answer on the scale above its bottom one (else every answer would pass)
    and a band below the top for a result they hold back."""
    both = [(item_path, item) for item_path, item in select(assessment, ("questions", "*")) if item.get("essential") and item.get("essential_when_rated")]
    if both:
        item_path, item = both[0]
        return [document.problem(path + item_path + ("essential_when_rated",), f"statement {quoted(item['id'])} is marked both 'essential' and 'essential_when_rated'; keep one: 'essential' also holds the result back when it is left blank", at_key=True)]
    essentials = [(item_path, item) for item_path, item in select(assessment, ("questions", "*")) if item.get("essential") or item.get("essential_when_rated")]
    least = assessment.get("essentials_at_least")
    if least is None:
        if not any(item.get("essential") for _, item in essentials) and assessment.get("missed_essential_fails"):
            return [document.problem(path + ("missed_essential_fails",), "'missed_essential_fails' needs statements marked 'essential: true' and 'essentials_at_least' (e.g. 2 for \"Done\"); mark the essential ones or remove it", at_key=True)]
        return [document.problem(path + item_path, f"statement {quoted(item['id'])} is essential, so the assessment needs 'essentials_at_least': the least answer an essential statement needs for the top band (e.g. 2 for \"Done\")")
                for item_path, item in essentials[:1]]
    if "questions_from" in assessment:
        return [document.problem(path + ("essentials_at_least",), "'essentials_at_least' doesn't apply to the level assessment (its habits hold a level back instead); remove it", at_key=True)]
    if not essentials:
        return [document.problem(path + ("essentials_at_least",), "no statement of this assessment is marked 'essential: true', so 'essentials_at_least' changes nothing; mark the essential ones or remove it", at_key=True)]
    wrong = _above_lowest_answer(document, path, assessment, "essentials_at_least")
    if wrong:
        return wrong
    if len(assessment["bands"]) < 2:
        return [document.problem(path + ("bands",), "an essential statement keeps a result out of the top band, so the assessment needs a band below it", at_key=True)]
    listed = assessment.get("missed_essential_fails")
    if isinstance(listed, list):
        essential_ids = [item["id"] for _, item in essentials]
        groups = [(("missed_essential_fails", index), group) for index, group in enumerate(listed)] if listed and isinstance(listed[0], list) else [(("missed_essential_fails",), listed)]
        problems = [document.problem(path + at + (index,), f"{quoted(statement_id)} is not one of this assessment's essential statements ({', '.join(quoted(i) for i in essential_ids)}); list only those marked 'essential: true' or 'essential_when_rated: true'")
                    for at, group in groups for index, statement_id in enumerate(group) if statement_id not in essential_ids]
        # A statement in two groups would fail the form with either, which the page's script and the key can't say.
        seen: dict[str, int] = {}
        for number, (at, group) in enumerate(groups, 1):
            for index, statement_id in enumerate(group):
                if statement_id in seen:
                    problems.append(document.problem(path + at + (index,), f"{quoted(statement_id)} is already in group {seen[statement_id]} of 'missed_essential_fails'; a statement belongs to one group of those that fail the form together"))
                seen.setdefault(statement_id, number)
        return problems
    return []


def _nothing_missed_rule(document: LocatedData, path: tuple, assessment: dict) -> list[Problem]:
    """`top_band_needs_nothing_missed` keeps a result in the band below the top, so it needs one, and not on the
    level assessment, whose habits have their own rule."""
    if not assessment.get("top_band_needs_nothing_missed"):
        return []
    if "questions_from" in assessment:
        return [document.problem(path + ("top_band_needs_nothing_missed",), "'top_band_needs_nothing_missed' doesn't apply to the level assessment (its habits hold a level back instead); remove it", at_key=True)]
    if len(assessment["bands"]) < 2:
        return [document.problem(path + ("top_band_needs_nothing_missed",), "a statement missed keeps a result out of the top band, so the assessment needs a band below it; add one or remove this", at_key=True)]
    return []


def _balance(document: LocatedData, path: tuple, assessment: dict, statements_document: LocatedData | None) -> list[Problem]:
    """With `balanced: true`, every group mixes strengths and limits, and a reader who gives every statement
    the top answer does not reach a level (or the top band): agreeing with everything is not a result."""
    if not assessment.get("balanced") or statements_document is None:
        return []
    if "questions_from" in assessment:
        groups = [(("levels", index, "behaviours"), f"level {quoted(level['id'])}") for index, level in enumerate(statements_document.value["levels"])]
    else:
        groups = [(path + ("questions",), f"assessment {quoted(assessment['id'])}")]
    scale = _scale_of(document, assessment)
    problems = []
    for group_path, name in groups:
        statements = [item for _, item in select(statements_document.value, group_path + ("*",))]
        kinds = {item.get("counts_as", scoring.STRENGTH) for item in statements}
        if kinds != {scoring.STRENGTH, scoring.LIMIT}:
            missing = "limits (add at least one with 'counts_as: limit')" if scoring.LIMIT not in kinds else "strengths (add at least one without 'counts_as: limit')"
            problems.append(statements_document.problem(group_path, f"{name} has no {missing}, but data/assessments.yml marks {quoted(assessment['id'])} as balanced", at_key=True))
        elif scale is not None and "questions_from" not in assessment:  # in the ladder a habit holds its level back (_habit_rule)
            problems += _yes_to_everything(statements_document, group_path, name, statements, scale, assessment)
    return problems


def _yes_to_everything(document: LocatedData, path: tuple, name: str, statements: list, scale: dict, assessment: dict) -> list[Problem]:
    values = [option["value"] for option in scale["options"]]
    most = max(values) - min(values)
    top = [(item.get("weight", 1), most if item.get("counts_as", scoring.STRENGTH) == scoring.STRENGTH else 0, most) for item in statements]
    score = scoring.percent(top)
    bands = assessment["bands"]
    band = next((b for i, b in enumerate(bands) if b["from"] <= score and (score < b["to"] or i == len(bands) - 1)), bands[-1])
    if band.get("reached") or ("questions_from" not in assessment and band is bands[-1]):
        label = scale["options"][-1]["label"]
        return [document.problem(path, f"answering {quoted(label)} to every statement of {name} scores {score}% ({readable(band['name'])}), which a balanced assessment must not give; add limits or give them more weight (e.g. 'weight: 2')", at_key=True)]
    return []


def _development_questions(levels: LocatedData | None, bank: LocatedData | None, rhythm: LocatedData | None) -> list[Problem]:
    """Each level's behaviours name coaching questions from at least three conversation stages besides those that
    look back (Handbook.questions_to_start: a level result offers none of those), so the next 1:1's questions span
    a whole conversation, and each suits the rep it is offered to: one working towards the level, at the level
    below (the first level's, a rep not there yet)."""
    if levels is None or bank is None:
        return []
    looking_back = set(rhythm.value["one_to_one_planner"].get("stages_that_look_back", [])) if rhythm else set()
    stage_of = {id: question["stage"] for id, question in first_with_each_id(bank.value["questions"]).items()}
    problems = []
    for index, level in enumerate(levels.value["levels"]):
        problems += _questions_for_the_rep_below(levels, bank, index)
        stages = {stage_of[q] for behaviour in level["behaviours"] for q in behaviour.get("coaching_questions", []) if q in stage_of} - looking_back
        if len(stages) < 3:
            covered = ", ".join(sorted(stages)) or "none"
            besides = f" besides {', '.join(sorted(looking_back))} (which waits until something has been tried)" if looking_back else ""
            problems.append(levels.problem(("levels", index, "behaviours"), f"level {quoted(level['id'])}: its behaviours' coaching_questions cover {counted(len(stages), 'conversation stage')}{besides} ({covered}); name questions from at least 3 stages so the next 1:1 covers more than one part of the conversation", at_key=True))
    return problems


def _questions_for_the_rep_below(levels: LocatedData, bank: LocatedData, index: int) -> list[Problem]:
    ladder = levels.value["levels"]
    level, given_to = ladder[index], ladder[max(index - 1, 0)]
    suits = {id: question["levels"] for id, question in first_with_each_id(bank.value["questions"]).items()}
    who = f"a rep at {readable(given_to['name'])}, the level below" if index else "a rep not yet at it, the first level"
    problems = []
    for number, behaviour in enumerate(level["behaviours"]):
        for place, question_id in enumerate(behaviour.get("coaching_questions", [])):
            if question_id in suits and given_to["id"] not in suits[question_id]:
                problems.append(levels.problem(
                    ("levels", index, "behaviours", number, "coaching_questions", place),
                    f"question {quoted(question_id)} is offered to reps working towards {readable(level['name'])} ({who}), but its levels in coaching_questions.yml leave out {quoted(given_to['id'])}; name a question that suits them, or add {given_to['id']} to its levels",
                ))
    return problems


def _bands(document: LocatedData, path: tuple, bands: list, from_levels: bool) -> list[Problem]:
    """Bands in order from 0 to 100, each starting where the previous one ends."""
    problems = []
    expected_start = 0
    for index, band in enumerate(bands):
        name = band["name"]
        if band["from"] != expected_start:
            gap = "a gap" if band["from"] > expected_start else "an overlap"
            problems.append(document.problem(path + (index, "from"), f"band {quoted(name)} starts at {band['from']} but should start at {expected_start}, where the band before it ends (that leaves {gap} between {min(band['from'], expected_start)} and {max(band['from'], expected_start)})"))
        if band["to"] <= band["from"]:
            problems.append(document.problem(path + (index, "to"), f"band {quoted(name)} must end above where it starts ({band['to']} is not more than {band['from']})"))
        expected_start = band["to"]
        if "reached" in band and not from_levels:
            problems.append(document.problem(path + (index, "reached"), "'reached' only applies to the level assessment (questions_from: levels); remove it", at_key=True))
    if bands[-1]["to"] != 100:
        problems.append(document.problem(path + (len(bands) - 1, "to"), f"the last band must end at 100 so every score has a band (it ends at {bands[-1]['to']})"))
    if from_levels and not any(band.get("reached") for band in bands):
        problems.append(document.problem(path, "mark at least one band 'reached: true' so the assessment can tell which level the reader is at"))
    return problems


def _printed_pages(document: LocatedData | None, docs_pages: set[str]) -> list[Problem]:
    """Pages that exist; a pocket card is made of picked questions, any other document of pages."""
    if document is None:
        return []
    problems = [
        document.problem(path + ("page",), f"the page {quoted(item['page'])} does not exist ({_expected_pages(item['page'], docs_pages)})")
        for path, item in select(document.value, ("documents", "*", "pages", "*"))
        if item["page"] not in docs_pages
    ]
    for path, item in select(document.value, ("documents", "*")):
        wanted, unwanted = ("questions", "pages") if item.get("pocket") else ("pages", "questions")
        if unwanted in item:
            kind = "a pocket card lists the coaching questions it holds" if item.get("pocket") else "only a pocket card (pocket: true) lists questions"
            problems.append(document.problem(path + (unwanted,), f"document {quoted(item['id'])} has '{unwanted}', but {kind}; write '{wanted}' instead", at_key=True))
        elif wanted not in item:
            problems.append(document.problem(path + ("id",), f"document {quoted(item['id'])} needs '{wanted}': " + ("the ids of the coaching questions the card holds" if wanted == "questions" else "the pages it prints, in order")))
    return problems


def _deal_review(document: LocatedData | None) -> list[Problem]:
    """The qualification framework is tested by the stages, the forecast categories get stricter from pipeline
    to commit, and each activity planner stage is claimed by one CRM stage at most."""
    if document is None:
        return []
    entries = _category_entries(document)
    return _untested_elements(document) + _forecast_order(document, entries) + _evidence_before_entry(document, entries) + _planner_stage_once(document)


def _untested_elements(document: LocatedData) -> list[Problem]:
    """A framework element no exit criterion gives evidence for is never checked: the framework would be decoration."""
    tested = {element for _, element in select(document.value, ("stages", "*", "exit_criteria", "*", "elements", "*"))}
    return [
        document.problem(path + ("id",), f"no stage's exit criteria test the qualification element {quoted(element['id'])}; add it to the 'elements' of the exit criterion that gives evidence for it, or remove the element")
        for path, element in select(document.value, ("qualification", "elements", "*"))
        if element["id"] not in tested
    ]


def _category_entries(document: LocatedData) -> dict[str, tuple[int, tuple]]:
    """Forecast category → the earliest stage its rules let a deal in at (by position), and the rule that sets it."""
    stages = [stage["id"] for stage in document.value["stages"]]
    entries: dict[str, tuple[int, tuple]] = {}
    for path, rule in select(document.value, ("forecast", "rules", "*")):
        if rule.get("stage_at_least") not in stages:
            continue
        index = stages.index(rule["stage_at_least"])
        for category in rule["applies_to"]:
            if index >= entries.get(category, (-1,))[0]:
                entries[category] = (index, path)
    return entries


def _forecast_order(document: LocatedData, entries: dict[str, tuple[int, tuple]]) -> list[Problem]:
    """Categories are listed most certain first, so none may let deals in at an earlier stage than one below it."""
    stages = [stage["id"] for stage in document.value["stages"]]
    ordered = [category["id"] for category in document.value["forecast"]["categories"] if category["id"] in entries]
    problems = []
    for stricter, looser in pairwise(ordered):
        (stricter_at, path), (looser_at, looser_path) = entries[stricter], entries[looser]
        if stricter_at < looser_at:
            line = document.where(looser_path + ("stage_at_least",)).line
            problems.append(document.problem(path + ("stage_at_least",), f"{quoted(stricter)} is listed above {quoted(looser)}, so it is the more certain category, but it lets deals in from stage {quoted(stages[stricter_at])}, earlier than {quoted(looser)} does ({quoted(stages[looser_at])}, line {line}); raise this stage or reorder the categories"))
    return problems


def _evidence_before_entry(document: LocatedData, entries: dict[str, tuple[int, tuple]]) -> list[Problem]:
    """Evidence a rule asks for must come from the exit criteria of stages a deal has passed to enter its category."""
    stages = document.value["stages"]
    known = {element["id"] for element in document.value["qualification"]["elements"]}  # others are reported as unknown
    problems = []
    for path, rule in select(document.value, ("forecast", "rules", "*")):
        starts = [entries[category][0] for category in rule["applies_to"] if category in entries]
        if not starts:
            continue
        shown = {element for stage in stages[: min(starts)] for criterion in stage["exit_criteria"] for element in criterion.get("elements", [])}
        for index, element in enumerate(rule.get("needs", [])):
            if element in known and element not in shown:
                problems.append(document.problem(path + ("needs", index), f"rule {quoted(rule['id'])} asks for evidence of {quoted(element)}, but no exit criterion of the stages a deal passes before {quoted(stages[min(starts)]['id'])} gives it; add {quoted(element)} to one of those criteria's elements, or drop it here"))
    return problems


def _planner_stage_once(document: LocatedData) -> list[Problem]:
    first_line: dict[str, int] = {}
    problems = []
    for path, stage in select(document.value, ("stages", "*")):
        claimed = stage.get("planner_stage")
        if claimed in first_line:
            problems.append(document.problem(path + ("planner_stage",), f"the activity planner stage {quoted(claimed)} is already given to a CRM stage on line {first_line[claimed]}; a planner stage counts deals from one CRM stage on"))
        elif claimed:
            first_line[claimed] = document.where(path + ("planner_stage",)).line
    return problems


def _ramp(document: LocatedData | None) -> list[Problem]:
    """Milestones run forward in time, each boot-camp step falls due once, and no activity share goes down."""
    if document is None:
        return []
    problems = []
    previous_day, due, shares = 0, {}, {}
    for path, milestone in select(document.value, ("milestones", "*")):
        if milestone["day"] <= previous_day:
            problems.append(document.problem(path + ("day",), f"milestone {quoted(milestone['id'])} is on day {milestone['day']}, not after the milestone above it (day {previous_day}); list milestones in order of day"))
        previous_day = max(previous_day, milestone["day"])
        for index, step in enumerate(milestone.get("bootcamp_steps", [])):
            if step in due:
                problems.append(document.problem(path + ("bootcamp_steps", index), f"the boot-camp step {quoted(step)} is already due by {quoted(due[step])}; a step's outputs fall due at one milestone"))
            due.setdefault(step, milestone["id"])
        for index, activity in enumerate(milestone.get("activity", [])):
            key = (activity["stage"], activity["show"])
            if key in shares and activity["share"] < shares[key][0]:
                share, earlier = shares[key]
                problems.append(document.problem(path + ("activity", index, "share"), f"{activity['stage']} {activity['show']} falls to {activity['share']} from {share} at {quoted(earlier)}; a ramp only goes up, so give at least {share}"))
            if key not in shares or activity["share"] >= shares[key][0]:
                shares[key] = (activity["share"], milestone["id"])
    return problems


def _ramp_targets_from_planner(ramp: LocatedData | None, bootcamp: LocatedData | None) -> list[Problem]:
    """The ramp plan measures a new rep against the planner's full figures, so the activity targets take
    those same figures from the planner: a typed "25 a day" beside a ramp's "full target of 20 a day" would be
    one fact stated twice, differently."""
    if ramp is None or bootcamp is None or _planner_figures(bootcamp):
        return []  # a target or stage the planner cannot work out is reported as that, once
    stages = {stage["id"] for stage in bootcamp.value["activity_planner"]["stages"]}
    given = {(figure["stage"], figure["show"]) for _, figure in select(bootcamp.value, ("activity_targets", "dimensions", "*", "targets", "*", "from_planner"))}
    problems, named = [], set()
    for path, activity in select(ramp.value, ("milestones", "*", "activity", "*")):
        key = (activity["stage"], activity["show"])
        if key in given or key in named or activity["stage"] not in stages:
            continue
        named.add(key)
        problems.append(bootcamp.problem(("activity_targets", "dimensions"), (
            f"the ramp plan ({ramp.file_at(path)} line {ramp.where(path).line}) measures a new rep against the full target for {activity['stage']} {activity['show']}, "
            f"but no activity target here takes it from the planner: give that target as 'from_planner: {{stage: {activity['stage']}, show: {activity['show']}}}' "
            "rather than a typed figure, so both pages state one figure; to change the figure, change the planner's numbers under "
            "'activity_planner' (its revenue target, deal size or a stage's conversion rate)"
        )))
    return problems


def _hr_before_the_end(document: LocatedData | None) -> list[Problem]:
    """HR takes part before the step that closes the path: no decision about a rep's job is taken without them."""
    if document is None:
        return []
    steps = document.value["steps"]
    with_hr = [index for index, step in enumerate(steps) if step.get("hr")]
    if with_hr and with_hr[0] < len(steps) - 1:
        return []
    last = steps[-1]["id"]
    return [document.problem(("steps", len(steps) - 1), f"HR must take part in a step before the last one ({quoted(last)}), so no decision about a rep's job is taken without them; mark that step 'hr: true'")]


def _glossary_forms(document: LocatedData | None) -> list[Problem]:
    """A word in the text can explain only one term, so no two terms may list the same form (the case of the
    first letter aside, as the text is matched)."""
    if document is None:
        return []
    first: dict[str, tuple[str, int]] = {}
    problems = []
    for path, term in select(document.value, ("terms", "*")):
        forms = [(path + ("appears_as", index), form) for index, form in enumerate(term["appears_as"])] if "appears_as" in term else [(path + ("term",), term["term"])]
        for where, form in forms:
            key = " ".join(form.split())
            key = key[:1].lower() + key[1:]
            if key in first and first[key][0] != term["id"]:
                owner, line = first[key]
                problems.append(document.problem(where, f"{quoted(form)} already explains the term {quoted(owner)} (line {line}); a word in the text can explain only one term"))
            first.setdefault(key, (term["id"], document.where(where).line))
    return problems


# A page's translation beside it (charter.de.md): the build picks it for its language, a link never names it.
_TRANSLATED_PAGE = re.compile(r"\.[a-z]{2,3}(?:-[A-Za-z0-9]+)?\.md$")


def _expected_pages(page: str, docs_pages: set[str]) -> str:
    pages = sorted(name for name in docs_pages if not _TRANSLATED_PAGE.search(name))
    return f"{did_you_mean(page, pages)}expected one of: {', '.join(pages)}"


def _links(document: LocatedData, docs_pages: set[str]) -> list[Problem]:
    """Links in Markdown text must be web, mail or phone links, or point at a page of this handbook."""
    problems = []
    for path, text in document.texts():
        for match in _LINK.finditer(text):
            target = match.group(1)
            page = target.split("#", 1)[0]
            if target.lower().startswith(_SAFE_SCHEMES) or target.startswith("#"):
                continue
            if ":" in page:
                problems.append(document.problem(path, f"the link {quoted(target)} is not allowed (expected a web address starting https://, a mailto: address, or a page of this handbook like charter.md)"))
            elif page.endswith(".md") and page not in docs_pages:
                problems.append(document.problem(path, f"the link {quoted(target)} points to a page that does not exist ({_expected_pages(page, docs_pages)})"))
    return problems
