"""A level's behaviours name the questions a manager asks a rep working towards that level, who is at the level
below (for the first level, a rep not there yet). Validation refuses a link to a question the bank doesn't give
to that rep, where the leader wrote the link."""

from pathlib import Path

from tests.helpers import position_in, problems_of, replace_once


def _problems_after(project: Path, old: str, new: str) -> list[str]:
    replace_once(project, "levels.yml", old, new)
    return problems_of(project)


def _position(project: Path, needle: str) -> str:
    return position_in(project, "levels.yml", needle)


def test_a_question_that_does_not_suit_the_level_below_is_reported_at_the_link(project):
    # customer-problem-guess suits product experts and up: no use to the order taker working towards level 2
    problems = _problems_after(project, "coaching_questions: [what-else-they-need]", "coaching_questions: [what-else-they-need, customer-problem-guess]")
    at = _position(project, "customer-problem-guess]")
    assert problems == [
        f"data/levels.yml:{at}: question 'customer-problem-guess' is offered to reps working towards Product expert (a rep at Order taker,"
        " the level below), but its levels in coaching_questions.yml leave out 'order-taker'; name a question that suits them, or add order-taker to its levels"
    ]


def test_the_first_levels_questions_suit_a_rep_not_yet_there(project):
    problems = _problems_after(project, "coaching_questions: [crm-for-a-colleague, easier-every-week]", "coaching_questions: [likely-objection]")
    at = _position(project, "likely-objection]")
    assert problems == [
        f"data/levels.yml:{at}: question 'likely-objection' is offered to reps working towards Order taker (a rep not yet at it, the first level),"
        " but its levels in coaching_questions.yml leave out 'order-taker'; name a question that suits them, or add order-taker to its levels"
    ]
