"""A level's behaviours name the questions a manager asks a rep working towards that level, who is at the level
below (for the first level, a rep not there yet). Validation refuses a link to a question the bank doesn't give
to that rep, where the leader wrote the link."""

from pathlib import Path

from macros.handbook import Project, validate


def _problems_after(project: Path, old: str, new: str) -> list[str]:
    path = project / "data" / "levels.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, problems = validate(Project(project))
    return [problem.as_text() for problem in problems]


def _position(project: Path, needle: str) -> str:
    lines = (project / "data" / "levels.yml").read_text(encoding="utf-8").splitlines()
    ((line, column),) = [(number, text.index(needle) + 1) for number, text in enumerate(lines, 1) if needle in text]
    return f"{line}:{column}"


def test_a_question_that_does_not_suit_the_level_below_is_reported_at_the_link(project):
    # customer-problem-guess suits product experts and up: no use to the order taker working towards level 2
    problems = _problems_after(project, "coaching_questions: [what-else-they-need]", "coaching_questions: [what-else-they-need, customer-problem-guess]")
    at = _position(project, "customer-problem-guess]")
    assert problems == [
        f"data/levels.yml:{at}: question 'customer-problem-guess' is offered to reps working towards Product expert (a rep at Order taker,"
        " the level below), but its levels in coaching_questions.yml leave out 'order-taker'; name a question that suits them, or add order-taker to its levels"
    ]


def test_the_first_levels_questions_suit_a_rep_not_yet_there(project):
    problems = _problems_after(project, "coaching_questions: [crm-for-a-colleague]", "coaching_questions: [likely-objection]")
    at = _position(project, "likely-objection]")
    assert problems == [
        f"data/levels.yml:{at}: question 'likely-objection' is offered to reps working towards Order taker (a rep not yet at it, the first level),"
        " but its levels in coaching_questions.yml leave out 'order-taker'; name a question that suits them, or add order-taker to its levels"
    ]
