"""The scoring rule (macros/scoring.py) on small assessments written here, as a leader would check it by hand."""

from dataclasses import replace

from macros import scoring
from macros.model import Assessment, BasicsFirst, Band, Level, Scale, ScaleOption, Statement, StatementGroup

ONE_TO_FIVE = Scale("often", "How often", [ScaleOption(value, label) for value, label in zip(range(1, 6), ["Never", "Rarely", "Sometimes", "Often", "Always"])])
BANDS = [Band("Low", "m", 0, 50), Band("Mid", "m", 50, 75), Band("High", "m", 75, 100, reached=True)]


def _single(statements, needed):
    return Assessment("a", "A", "x", "i", ONE_TO_FIVE, "Score", needed, None, False, [StatementGroup("a", None, statements)], BANDS, "f", 1)


def _ladder(levels: list[list[Statement]], needed=1, per_level=1, balanced=False):
    groups = [StatementGroup(f"l{n}", f"Level {n}", statements, Level(f"l{n}", f"Level {n}", "s", "c", [], None, "f", 1)) for n, statements in enumerate(levels, 1)]
    return Assessment("ladder", "L", "x", "i", ONE_TO_FIVE, "Score", needed, per_level, balanced, groups, BANDS, "f", 1)


def test_a_scale_starting_at_one_counts_from_its_lowest_answer():
    statements = [Statement("a", "A", 1), Statement("b", "B", 1)]
    assert scoring.option_points(ONE_TO_FIVE, "strength") == [0, 1, 2, 3, 4]
    result = scoring.result(_single(statements, 2), {"a": 1, "b": 1})
    assert result.score == 0 and result.band.name == "Low"
    assert scoring.result(_single(statements, 2), {"a": 5, "b": 3}).score == 75  # (4 + 2) / 8


def test_a_limit_scores_the_other_way_round():
    statements = [Statement("good", "G", 1), Statement("habit", "H", 1, counts_as="limit")]
    assert scoring.option_points(ONE_TO_FIVE, "limit") == [4, 3, 2, 1, 0]
    assert scoring.result(_single(statements, 2), {"good": 5, "habit": 5}).score == 50
    assert scoring.result(_single(statements, 2), {"good": 5, "habit": 1}).score == 100


def test_half_rounds_up_and_weights_count_on_both_sides():
    statements = [Statement("a", "A", 1, weight=3), Statement("b", "B", 1)]
    # (3×3 + 1×0) / (3×4 + 1×4) = 9/16 = 56.25 → 56; (1×4 + 3×0)... and 5/8 = 62.5 → 63
    assert scoring.result(_single(statements, 2), {"a": 4, "b": 1}).score == 56
    assert scoring.result(_single([Statement("a", "A", 1), Statement("b", "B", 1)], 2), {"a": 4, "b": 3}).score == 63


def test_too_few_answers_give_no_score_band_or_level():
    statements = [Statement(s, s, 1) for s in "abcd"]
    result = scoring.result(_single(statements, 3), {"a": 5, "b": 5})
    assert (result.complete, result.score, result.band, result.level) == (False, None, None, None)
    assert result.answered == 2 and result.needed == 3


def test_a_level_counts_only_with_every_level_below_it_and_enough_answers():
    strong = {"a1": 5, "a2": 5, "b1": 5, "b2": 5, "c1": 5, "c2": 4}
    ladder = _ladder([[Statement("a1", "", 1), Statement("a2", "", 1)], [Statement("b1", "", 1), Statement("b2", "", 1)], [Statement("c1", "", 1), Statement("c2", "", 1)]], needed=2, per_level=2)
    assert scoring.result(ladder, strong).level.name == "Level 3"
    assert scoring.result(ladder, {**strong, "a1": 1, "a2": 1}).level is None  # the top without the bottom is nothing
    assert scoring.result(ladder, {**strong, "b1": 1}).level.name == "Level 1"  # b: 50%, not reached
    without = {key: value for key, value in strong.items() if key != "b2"}
    assert scoring.result(ladder, without).level.name == "Level 1"  # one answer at level 2 is not enough


def test_the_levels_a_manager_steps_back_from_wait_for_the_basics_answered_at_the_top():
    """basics_first: level 3 counts only with at least 2 of level 1's behaviours at the scale's top answer; short
    of that the seller is at level 2, and the result names level 3 as the level the answers reach."""
    ladder = replace(_ladder([[Statement(f"{level}{n}", "", 1) for n in (1, 2, 3)] for level in "abc"], needed=9, per_level=3),
                     basics_first=BasicsFirst("l3", ["l1"], 2))
    mostly = {f"{level}{n}": 4 for level in "abc" for n in (1, 2, 3)}
    for answers, level, waiting, at_top in ((mostly, "Level 2", "Level 3", 0), (mostly | {"a1": 5}, "Level 2", "Level 3", 1), (mostly | {"a1": 5, "a3": 5}, "Level 3", None, 2)):
        found = scoring.result(ladder, answers)
        assert (found.level.name, found.waiting_on_basics.name if found.waiting_on_basics else None, scoring.basics_at_top(ladder, answers)) == (level, waiting, at_top)
    # the top rated above the basics is no exception; the levels below the rule's are not held
    found = scoring.result(ladder, mostly | {"c1": 5, "c2": 5, "c3": 5})
    assert (found.level.name, found.waiting_on_basics.name) == ("Level 2", "Level 3")
    assert scoring.result(ladder, mostly | {"c1": 1, "c2": 1, "c3": 1}).level.name == "Level 2"
    # without the rule, the same answers reach level 3
    assert scoring.result(replace(ladder, basics_first=None), mostly).level.name == "Level 3"



def test_in_a_balanced_ladder_a_level_counts_only_with_its_limits_answered():
    """Skipping the uncomfortable statements must not be a way up the ladder."""
    levels = [[Statement(f"{n}a", "", 1), Statement(f"{n}b", "", 1), Statement(f"{n}habit", "", 1, counts_as="limit")] for n in "xy"]
    strengths_only = {"xa": 5, "xb": 5, "ya": 5, "yb": 5}
    assert scoring.result(_ladder(levels, needed=4, per_level=2), strengths_only).level.name == "Level 2"
    balanced = scoring.result(_ladder(levels, needed=4, per_level=2, balanced=True), strengths_only)
    assert balanced.level is None and [group.limits_unanswered for group in balanced.groups] == [1, 1]
    answered = scoring.result(_ladder(levels, needed=4, per_level=2, balanced=True), {**strengths_only, "xhabit": 1, "yhabit": 1})
    assert answered.level.name == "Level 2"


def test_with_the_habit_rule_habits_add_no_points_and_one_still_held_keeps_its_level_back():
    levels = [[Statement(f"{n}a", "", 1), Statement(f"{n}b", "", 1), Statement(f"{n}habit", "", 1, counts_as="limit")] for n in "xy"]
    ladder = _ladder(levels, needed=6, per_level=3, balanced=True)
    gated = replace(ladder, habits_at_most=2)  # "Rarely" on the 1–5 scale
    strong = {"xa": 5, "xb": 5, "ya": 5, "yb": 5}
    # Habits grown out of ("Never" or "Rarely"): both levels, each scoring 100% on its two behaviours alone.
    result = scoring.result(gated, {**strong, "xhabit": 1, "yhabit": 2})
    assert result.level.name == "Level 2" and [g.score for g in result.groups] == [100, 100] and result.score == 100
    # The second level's habit "Sometimes": its behaviours still score 100%, but it is held back.
    held = scoring.result(gated, {**strong, "xhabit": 1, "yhabit": 3})
    assert held.level.name == "Level 1" and [g.habits_held for g in held.groups] == [0, 1] and held.groups[1].score == 100
    # Weak behaviours ("Sometimes": 2 of 4) are not lifted by a clean record on the habits: 50%, not reached.
    weak = scoring.result(gated, {"xa": 3, "xb": 3, "ya": 3, "yb": 3, "xhabit": 1, "yhabit": 1})
    assert weak.level is None and [g.score for g in weak.groups] == [50, 50]
    # A behaviour left blank scores none: "Always" on one of the two, the other blank, is 4 of 8, 50%.
    fewer = replace(gated, answers_needed=4, answers_needed_per_level=2)
    blank = scoring.result(fewer, {"xa": 5, "ya": 5, "yb": 5, "xhabit": 1, "yhabit": 1})
    assert blank.complete and blank.level is None and [g.score for g in blank.groups] == [50, 100]
    # Without the rule the same weak answers score (2 + 2 + 4) / 12 = 67% with the habits' points.
    assert scoring.result(ladder, {"xa": 3, "xb": 3, "ya": 3, "yb": 3, "xhabit": 1, "yhabit": 1}).groups[0].score == 67
