"""The 1:1 planner's rules in data/rhythm.yml: one box reads back last time's commitments, every box that takes
questions fits at least one at the planner's minutes a question, a box taking minutes while advice holds takes
them from another box that keeps time for a question, and the decision helper's advice lasts until the next 1:1. Each broken rule is reported at the line a leader edits, with the line of the value it clashes with."""

from tests.helpers import problems_of, replace_once

MARKER = "      reads_back_commitments: true\n"
ONE_DEAL = "      name: One deal\n      minutes: 15\n"


def _line(text: str, needle: str, after: str = "") -> int:
    return text[: text.index(needle, text.index(after) if after else 0)].count("\n") + 1


def test_a_one_to_one_with_no_box_reading_back_commitments_is_reported_at_the_boxes(project):
    text = replace_once(project, "rhythm.yml", MARKER, "")
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, '  boxes:')}:3: no time box has 'reads_back_commitments: true'; add it to the box where "
            "last time's commitments are read back (the planner lists them there)"
        )
    ]


def test_a_second_box_reading_back_commitments_is_reported_with_the_first_ones_line(project):
    text = replace_once(project, "rhythm.yml", ONE_DEAL, ONE_DEAL + MARKER)
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, MARKER, after='name: One deal')}:7: box 'one-deal' and box 'last-commitments' "
            f"(line {_line(text, MARKER)}) both have 'reads_back_commitments: true'; last time's commitments are read back in one box "
            "only, so leave it on one of them"
        )
    ]


def test_a_second_box_agreeing_commitments_is_reported_with_the_first_ones_line(project):
    """One box's lines are recorded as the 1:1's commitments; a second would leave the planner two places for them."""
    agrees = "      agrees_commitments: true\n"
    text = replace_once(project, "rhythm.yml", ONE_DEAL, ONE_DEAL + agrees)
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, agrees, after='name: Commitments')}:7: box 'commitments' and box 'one-deal' "
            f"(line {_line(text, agrees, after='name: One deal')}) both have 'agrees_commitments: true'; a 1:1's commitments are agreed in one box "
            "only, so leave it on one of them"
        )
    ]


def test_a_box_taking_a_modes_questions_with_no_situations_is_reported_at_while_advised(project):
    """The mode's questions come to the box only while the advice rests on one of its situations: with none, never."""
    text = replace_once(project, "rhythm.yml", "      question_situations: [will-gap, activity-slipping, plateaued, team-conduct]\n", "")
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, 'while_advised:')}:7: box 'last-commitments' has 'while_advised' but no question_situations, so "
            "it would never take the mode's questions: they come to it only while the advice rests on one of its situations; add "
            "question_situations, or leave out while_advised"
        )
    ]


PUSH = "        box_minutes: {last-commitments: 11, one-skill: 15, one-deal: 11, commitments: 6}\n"


def _push(project, minutes: str) -> tuple[str, int]:
    """rhythm.yml with the push's box_minutes replaced by `minutes`, and its line."""
    text = replace_once(project, "rhythm.yml", PUSH, f"        box_minutes: {{{minutes}}}\n")
    return text, _line(text, "box_minutes:")


def test_push_minutes_for_a_box_the_agenda_has_not_got_are_reported_at_its_name(project):
    """A leader renames the skill box: the push's minutes would go to no box, and the 1:1 would not add up."""
    text, line = _push(project, "last-commitments: 11, one-skil: 15, one-deal: 11, commitments: 6")
    assert problems_of(project) == [
        f"data/rhythm.yml:{line}:{text.splitlines()[line - 1].index('one-skil') + 1}: 'one-skil' is not a box of the 1:1 "
        "(reps-topic, last-commitments, one-skill, one-deal, commitments); name a box by its id"
    ]


def test_push_minutes_that_do_not_add_up_to_the_one_to_one_are_reported_with_every_box(project):
    text, line = _push(project, "last-commitments: 14, one-skill: 15, one-deal: 11, commitments: 6")
    assert problems_of(project) == [
        f"data/rhythm.yml:{line}:9: while the advice holds the boxes add up to 53 minutes (reps-topic 7, last-commitments 14, one-skill 15, "
        f"one-deal 11, commitments 6), but the 1:1 lasts 50 (line {_line(text, 'minutes: 50')}); make them add up to 50"
    ]


def test_push_minutes_that_leave_a_box_no_time_for_a_question_are_reported_at_the_box(project):
    text, line = _push(project, "last-commitments: 11, one-skill: 24, one-deal: 2, commitments: 6")
    assert problems_of(project) == [
        f"data/rhythm.yml:{line}:{text.splitlines()[line - 1].index('2, commitments') + 1}: box 'one-deal' has 2 minutes while the advice holds, "
        "less than the 3 minutes a question takes in one_to_one_planner › minutes_per_question, so none of its questions fits; give it more"
    ]


def test_push_minutes_that_take_a_rep_under_the_coaching_floor_are_reported_with_the_month(project):
    """A VP of Sales: 10 minutes from the skill box in a push month left the rep 2 h 58 min of coaching face to
    face against the 3 hours the rhythm plans for. By hand: 25 × 47 ÷ 12 = 97 11/12 min, + 30 + 30 + 20 = 177 11/12."""
    text, line = _push(project, "last-commitments: 14, one-skill: 10, commitments: 4")
    assert problems_of(project) == [
        f"data/rhythm.yml:{line}:9: while the advice holds the 1:1's coaching boxes have 25 minutes, which gives each rep 2 h 58 min of coaching "
        f"face to face in a month of it, less than the 3 hours set in coaching_hours_per_rep › at_least (line {_line(text, '  at_least:')}); give the "
        "coaching boxes more of the minutes"
    ]


def test_reads_back_commitments_is_yes_or_no(project):
    text = replace_once(project, "rhythm.yml", MARKER, "      reads_back_commitments: first\n")
    # a file that fails its schema is not cross-checked: no second message says no box reads back
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, 'reads_back_commitments: first')}:31: 'one_to_one' › 'boxes' › item 2 › 'reads_back_commitments' "
            "must be true or false, found the text 'first'; write true or false, without quotes"
        )
    ]


def test_a_box_too_short_for_one_question_is_reported_at_its_minutes(project):
    text = replace_once(project, "rhythm.yml", "  minutes_per_question: 3\n", "  minutes_per_question: 5\n")
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, '      minutes: 4', after=box)}:16: box '{name}' takes questions but lasts 4 minutes, less than the 5 minutes a "
            f"question takes in one_to_one_planner › minutes_per_question (line {_line(text, 'minutes_per_question: 5')}), so no question fits; make the "
            "box longer, leave out its question_stages, or plan fewer minutes a question"
        )
        for box, name in [("name: Last commitments", "last-commitments"), ("name: Commitments", "commitments")]
    ]


def test_the_reps_own_topic_takes_no_questions_so_its_minutes_need_not_fit_one(project):
    replace_once(project, "rhythm.yml", "  minutes_per_question: 3\n", "  minutes_per_question: 4\n")
    replace_once(project, "rhythm.yml", "      name: The rep's topic\n      minutes: 7\n", "      name: The rep's topic\n      minutes: 3\n")
    replace_once(project, "rhythm.yml", ONE_DEAL, "      name: One deal\n      minutes: 19\n")
    replace_once(project, "rhythm.yml", PUSH, "        box_minutes: {last-commitments: 11, one-skill: 15, one-deal: 15, commitments: 6}\n")
    assert problems_of(project) == []


def test_advice_that_lapses_before_the_next_one_to_one_is_reported(project):
    replace_once(project, "rhythm.yml", "    around_it_minutes: 25\n    how_often: weekly\n", "    around_it_minutes: 25\n    how_often: monthly\n")
    text = (project / "data" / "rhythm.yml").read_text(encoding="utf-8")
    problems = [problem for problem in problems_of(project) if "advice" in problem]
    # a month is 52 ÷ 12 = 4⅓ weeks: four weeks of advice runs out before the next monthly 1:1
    assert problems == [
        (
            f"data/rhythm.yml:{_line(text, 'advice_lasts_weeks: 4')}:23: advice_lasts_weeks is 4, but the 1:1 is monthly in the rhythm "
            f"(line {_line(text, 'how_often: monthly')}), so the decision helper's advice would lapse before the next 1:1; make it at least 5"
        )
    ]


def test_the_planners_figures_are_whole_numbers_in_range(project):
    text = replace_once(project, "rhythm.yml", "  advice_lasts_weeks: 4\n", "  advice_lasts_weeks: 0\n")
    text = replace_once(project, "rhythm.yml", "  skip_questions_asked_in_last: 3\n", "  skip_questions_asked_in_last: 2.5\n")
    assert problems_of(project) == [
        f"data/rhythm.yml:{_line(text, 'advice_lasts_weeks: 0')}:23: 'one_to_one_planner' › 'advice_lasts_weeks' is 0 (expected at least 1 and at most 52)",
        (
            f"data/rhythm.yml:{_line(text, 'skip_questions_asked_in_last: 2.5')}:33: 'one_to_one_planner' › 'skip_questions_asked_in_last' must be a whole number, "
            "found the number 2.5; write a whole number, without a decimal point"
        ),
    ]


def test_the_planners_rules_are_required(project):
    text = replace_once(project, "rhythm.yml", "  minutes_per_question: 3\n", "")
    assert problems_of(project) == [f"data/rhythm.yml:{_line(text, 'one_to_one_planner:') + 1}:3: 'one_to_one_planner' is missing the required field 'minutes_per_question'"]
