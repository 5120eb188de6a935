"""Self-assessment data: the rules a schema cannot express, each reported at the line a leader must fix."""

from pathlib import Path

import pytest
import yaml

from macros.handbook import Project, validate


def _edit(project: Path, change) -> list[str]:
    path = project / "data" / "assessments.yml"
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    _, problems = validate(Project(project))
    return [problem.as_text() for problem in problems]


def _assessment(value, assessment_id):
    return next(a for a in value["assessments"] if a["id"] == assessment_id)


def _position_of(project: Path, needle: str) -> str:
    lines = (project / "data" / "assessments.yml").read_text(encoding="utf-8").splitlines()
    ((line, column),) = [(n, text.index(needle) + 1) for n, text in enumerate(lines, 1) if needle in text]
    return f"{line}:{column}"


def test_shipped_assessments_are_valid(project):
    assert _edit(project, lambda value: None) == []


def test_gap_between_bands_is_reported_at_the_later_band(project):
    def gap(value):
        _assessment(value, "manager-or-coach")["bands"][1]["from"] = 43
    problems = _edit(project, gap)
    at = _position_of(project, "43")
    assert problems == [f"data/assessments.yml:{at}: band 'Coaching some of the time' starts at 43 but should start at 40, where the band before it ends (that leaves a gap between 40 and 43)"]


def test_overlapping_bands_are_reported(project):
    def overlap(value):
        _assessment(value, "was-that-coaching")["bands"][2]["from"] = 70
    (problem,) = _edit(project, overlap)
    assert "band 'That was coaching' starts at 70 but should start at 80" in problem
    assert "an overlap between 70 and 80" in problem


def test_bands_must_reach_100(project):
    def short(value):
        _assessment(value, "manager-or-coach")["bands"][-1]["to"] = 90
    (problem,) = _edit(project, short)
    assert problem.endswith("the last band must end at 100 so every score has a band (it ends at 90)")


def test_band_ending_before_it_starts_is_reported(project):
    def backwards(value):
        bands = _assessment(value, "was-that-coaching")["bands"]
        bands[0]["to"] = 0
        bands[1]["from"] = 0
    (problem,) = _edit(project, backwards)
    assert "band 'Mostly telling or inspecting' must end above where it starts (0 is not more than 0)" in problem


def test_assessment_needs_exactly_one_source_of_questions(project):
    def both(value):
        _assessment(value, "manager-or-coach")["questions_from"] = "levels"
    problems = _edit(project, both)
    assert any("assessment 'manager-or-coach' needs either 'questions' (its own statements) or 'questions_from: levels', not both" in p for p in problems)


def test_scale_answers_must_rise(project):
    def falling(value):
        value["scales"][0]["options"][2]["value"] = 1
    (problem,) = _edit(project, falling)
    assert "scale 'how-often': each answer must score more than the one before it (1 follows 1)" in problem


def test_unknown_scale_and_dimension_are_dangling_references(project):
    def dangling(value):
        _assessment(value, "was-that-coaching")["scale"] = "stars"
        _assessment(value, "manager-or-coach")["questions"][0]["dimension"] = "charisma"
    problems = _edit(project, dangling)
    assert any("unknown scale 'stars'" in p for p in problems)
    assert any("unknown dimension 'charisma' (expected one of the ids in data/coaching.yml" in p for p in problems)


@pytest.mark.parametrize("change, says", [
    (lambda a: a["bands"][0].update(reached=True), "'reached' only applies to the level assessment"),
    (lambda a: a["questions"].append(dict(a["questions"][0])), "duplicate id 'ask-before-answering'"),
    (lambda a: a["questions"][0].update(weight=0), "'weight' is 0 (expected more than 0 and at most 10)"),
    (lambda a: a.update(not_come_up_per_level=1), "'not_come_up_per_level' only applies to the level assessment (questions_from: levels)"),
])
def test_statement_and_band_mistakes(project, change, says):
    problems = _edit(project, lambda value: change(_assessment(value, "manager-or-coach")))
    assert any(says in p for p in problems), problems


def test_level_assessment_needs_a_band_that_means_reached(project):
    def nothing_reached(value):
        for band in _assessment(value, "which-level")["bands"]:
            band.pop("reached", None)
    (problem,) = _edit(project, nothing_reached)
    assert "mark at least one band 'reached: true'" in problem


def test_duplicate_item_in_one_checklist_is_reported_and_other_checklists_may_reuse_ids(project):
    path = project / "data" / "checklists.yml"
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    first, second = value["checklists"][0], value["checklists"][1]
    second["items"].append(dict(first["items"][0]))  # same id in another checklist: fine
    first["items"].append(dict(first["items"][0]))  # same id twice in one checklist: reported
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = [problem.as_text() for problem in validate(Project(project))[1]]
    assert len(problems) == 1
    assert f"duplicate id '{first['items'][0]['id']}'" in problems[0]


def _edit_levels(project: Path, change) -> list[str]:
    path = project / "data" / "levels.yml"
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True), encoding="utf-8")
    _, problems = validate(Project(project))
    return [problem.as_text() for problem in problems]


def test_an_assessment_cannot_ask_for_more_answers_than_it_has_statements(project):
    def greedy(value):
        _assessment(value, "was-that-coaching")["answers_needed"] = 11
    (problem,) = _edit(project, greedy)
    line, column = map(int, _position_of(project, "answers_needed: 11").split(":"))
    assert problem.startswith(f"data/assessments.yml:{line}:{column + len('answers_needed: ')}: ")
    assert problem.endswith("asks for 11 answers but the assessment has only 8 statements; the result could never show")


def test_answers_per_level_belong_to_the_level_assessment_and_must_be_reachable(project):
    def misplaced(value):
        _assessment(value, "manager-or-coach")["answers_needed_per_level"] = 3
        _assessment(value, "which-level")["answers_needed_per_level"] = 8
    problems = _edit(project, misplaced)
    assert any(p.endswith("'answers_needed_per_level' only applies to the level assessment (questions_from: levels); remove it") for p in problems)
    assert any(p.endswith("asks for 8 answers per level but a level in data/levels.yml has only 7 behaviours; that level could never be reached") for p in problems)
    assert len(problems) == 2


def test_a_balanced_ladder_needs_a_limit_at_every_level_reported_at_that_level(project):
    def no_limits(value):
        for behaviour in value["levels"][2]["behaviours"]:
            behaviour.pop("counts_as", None)
            behaviour.pop("contradicts", None)  # which only a habit has
    (problem,) = _edit_levels(project, no_limits)
    lines = (project / "data" / "levels.yml").read_text(encoding="utf-8").splitlines()
    third = [n for n, text in enumerate(lines, 1) if text.strip() == "behaviours:"][2]
    assert problem.startswith(f"data/levels.yml:{third}:")
    assert "level 'solution-seller' has no limits (add at least one with 'counts_as: limit'), but data/assessments.yml marks 'which-level' as balanced" in problem


def test_a_level_whose_questions_cover_fewer_than_three_stages_is_reported_not_counting_follow_up(project):
    """A level result offers no follow-up question (nothing has been tried yet), so follow-up doesn't count towards
    the three stages its first 1:1 should span."""
    bank = yaml.safe_load((project / "data" / "coaching_questions.yml").read_text(encoding="utf-8"))
    first_level = [q for q in bank["questions"] if "order-taker" in q["levels"]]  # questions for the first level
    prepare = [q["id"] for q in first_level if q["stage"] == "prepare"]
    follow_up = [q["id"] for q in first_level if q["stage"] == "follow-up"]

    def narrow(value):
        for behaviour in value["levels"][0]["behaviours"]:
            behaviour["coaching_questions"] = [prepare[0], follow_up[0]]
    (problem,) = _edit_levels(project, narrow)
    assert "level 'order-taker': its behaviours' coaching_questions cover 1 conversation stage besides follow-up (which waits until something has been tried) (prepare)" in problem


def test_an_unknown_coaching_question_on_a_behaviour_is_a_dangling_reference(project):
    def typo(value):
        value["levels"][1]["behaviours"][0]["coaching_questions"] = ["no-such-question"]
    problems = _edit_levels(project, typo)
    assert any("unknown coaching question 'no-such-question'" in p for p in problems)


def test_a_balanced_assessment_where_agreeing_with_everything_gets_the_top_band_is_reported(project):
    def balanced(value):
        coach = _assessment(value, "manager-or-coach")
        coach["balanced"] = True
        coach["questions"][0]["counts_as"] = "limit"
    (problem,) = _edit(project, balanced)
    # Every statement at the top answer's points but the habit, which then scores none: the top band.
    assert "answering 'Always' to every statement of assessment 'manager-or-coach' scores 85% (Coaching as a habit)" in problem
    assert problem.endswith("which a balanced assessment must not give; add limits or give them more weight (e.g. 'weight: 2')")


def test_the_level_assessments_habit_rule_is_required_below_the_top_answer_and_leaves_habits_unweighted(project):
    def without(value):
        del _assessment(value, "which-level")["habits_at_most"]
    (problem,) = _edit(project, without)
    assert problem.endswith("the level assessment is balanced, so it needs 'habits_at_most': the highest answer a habit may have in a level that is reached (e.g. 1 for \"A little\")")

    def at_the_top(value):
        _assessment(value, "which-level")["habits_at_most"] = 3
        _assessment(value, "manager-or-coach")["habits_at_most"] = 1
    problems = _edit(project, at_the_top)
    line, column = map(int, _position_of(project, "habits_at_most: 3").split(":"))
    assert f"data/assessments.yml:{line}:{column + len('habits_at_most: ')}: must be one of the answers on the scale 'like-me' below its top one: 0 (Not like me), 1 (A little), 2 (Mostly)" in problems
    assert any(p.endswith("'habits_at_most' only applies to the level assessment with 'balanced: true' (its levels hold habits); remove it") for p in problems)
    assert len(problems) == 2

    def restored(value):
        _assessment(value, "which-level")["habits_at_most"] = 1
        del _assessment(value, "manager-or-coach")["habits_at_most"]
    assert _edit(project, restored) == []

    def weighted(value):
        habit = next(b for b in value["levels"][4]["behaviours"] if b.get("counts_as") == "limit")
        habit["weight"] = 2
    (problem,) = _edit_levels(project, weighted)
    assert problem.startswith("data/levels.yml:") and problem.endswith("a habit adds no points in the level assessment (it holds its level back instead), so its 'weight' changes nothing; remove it")


def test_the_levels_below_cannot_be_asked_for_as_much_as_a_level_itself(project):
    problems = _edit(project, lambda value: _assessment(value, "which-level").update(lower_levels_at_least=65))
    line, column = _position_of(project, "lower_levels_at_least: 65").split(":")
    assert problems == [f"data/assessments.yml:{line}:{int(column) + len('lower_levels_at_least: ')}: must be below 65, where the band marked reached starts: a level below another is asked for less than the level itself (e.g. the start of the band before it)"]


def test_the_rule_for_the_levels_below_belongs_to_the_level_assessment_only(project):
    problems = _edit(project, lambda value: _assessment(value, "manager-or-coach").update(lower_levels_at_least=40))
    assert problems == [f"data/assessments.yml:{_position_of(project, 'lower_levels_at_least: 40')}: 'lower_levels_at_least' only applies to the level assessment (questions_from: levels); remove it"]


def test_the_rules_for_gaps_below_need_the_least_score_beside_them_and_an_answer_on_the_scale(project):
    def gaps_alone(value):
        del _assessment(value, "which-level")["lower_levels_at_least"]
    problems = _edit(project, gaps_alone)
    assert problems == [f"data/assessments.yml:{_position_of(project, key + ':')}: '{key}' is about the levels below that score at least 'lower_levels_at_least' without being reached, so it needs 'lower_levels_at_least' beside it; add that or remove this"
                        for key in ("lower_level_gaps_at_most", "gap_habits_held_at_most", "gap_behaviours_at_least")]


def test_a_gaps_least_answer_is_an_answer_on_the_scale_above_its_lowest(project):
    problems = _edit(project, lambda value: _assessment(value, "which-level").update(gap_behaviours_at_least=0))
    line, column = _position_of(project, "gap_behaviours_at_least: 0").split(":")
    assert problems == [f"data/assessments.yml:{line}:{int(column) + len('gap_behaviours_at_least: ')}: must be one of the answers on the scale 'like-me' above its lowest one: 1 (A little), 2 (Mostly), 3 (Just like me)"]
    problems = _edit(project, lambda value: _assessment(value, "which-level").update(lower_level_gaps_at_most=-1))
    line, column = _position_of(project, "lower_level_gaps_at_most: -1").split(":")
    assert problems == [f"data/assessments.yml:{line}:{int(column) + len('lower_level_gaps_at_most: ')}: 'assessments' › item 1 › 'lower_level_gaps_at_most' is -1 (expected at least 0)"]


def test_essential_statements_need_a_least_answer_above_the_bottom_and_a_band_below_the_top(project):
    def without(value):
        del _assessment(value, "ride-along")["essentials_at_least"]
    (problem,) = _edit(project, without)
    assert problem.endswith("statement 'buyer-talked-most' is essential, so the assessment needs 'essentials_at_least': the least answer an essential statement needs for the top band (e.g. 2 for \"Done\")")

    problems = _edit(project, lambda value: _assessment(value, "ride-along").update(essentials_at_least=0))
    line, column = map(int, _position_of(project, "essentials_at_least: 0").split(":"))
    assert problems == [f"data/assessments.yml:{line}:{column + len('essentials_at_least: ')}: must be one of the answers on the scale 'observed' above its lowest one: 1 (Partly), 2 (Done), 3 (Done well)"]

    def one_band(value):
        ride_along = _assessment(value, "ride-along")
        ride_along["essentials_at_least"] = 2
        ride_along["bands"] = [dict(ride_along["bands"][-1], **{"from": 0})]
    nothing_missed, essentials = _edit(project, one_band)  # in line order: the rule before the bands
    assert essentials.endswith("an essential statement keeps a result out of the top band, so the assessment needs a band below it")
    assert nothing_missed.endswith("a statement missed keeps a result out of the top band, so the assessment needs a band below it; add one or remove this")

    def nothing_marked(value):
        for statement in _assessment(value, "ride-along")["questions"]:
            statement.pop("essential", None)
            statement.pop("essential_when_rated", None)
    nothing_missed, problem = _edit(project, nothing_marked)  # the edit above still leaves the form one band
    assert nothing_missed.endswith("so the assessment needs a band below it; add one or remove this")
    assert problem.endswith("no statement of this assessment is marked 'essential: true', so 'essentials_at_least' changes nothing; mark the essential ones or remove it")


def test_a_statement_is_essential_or_essential_when_rated_not_both(project):
    def both(value):
        statement = next(s for s in _assessment(value, "ride-along")["questions"] if s["id"] == "buyer-talked-most")
        statement["essential_when_rated"] = True
    (problem,) = _edit(project, both)
    assert problem.endswith("statement 'buyer-talked-most' is marked both 'essential' and 'essential_when_rated'; keep one: 'essential' also holds the result back when it is left blank")


def test_a_missed_essential_can_fail_only_a_form_with_essentials(project):
    problems = _edit(project, lambda value: _assessment(value, "which-level").update(missed_essential_fails=True))
    lines = (project / "data" / "assessments.yml").read_text(encoding="utf-8").splitlines()
    start = next(n for n, text in enumerate(lines) if text.strip() == "- id: which-level")
    line = next(n for n, text in enumerate(lines[start:], start + 1) if "missed_essential_fails: true" in text)
    column = lines[line - 1].index("missed_essential_fails") + 1
    assert problems == [f"data/assessments.yml:{line}:{column}: 'missed_essential_fails' needs statements marked 'essential: true' and 'essentials_at_least' (e.g. 2 for \"Done\"); mark the essential ones or remove it"]


def test_a_mistyped_missed_essential_rule_says_what_it_may_be_as_yaml_spells_it(project):
    (problem,) = _edit(project, lambda value: _assessment(value, "was-that-coaching").update(missed_essential_fails="every"))
    assert problem.endswith("'missed_essential_fails' is the text 'every' (expected true or false or a list (lines starting with '- '))"), problem


def test_a_list_of_essentials_too_short_or_mistyped_says_what_is_wrong_within_it(project):
    (short,) = _edit(project, lambda value: _assessment(value, "was-that-coaching").update(missed_essential_fails=["rep-talked-most"]))
    assert short.endswith("'missed_essential_fails' has 1 item (expected at least 2)"), short
    (typed,) = _edit(project, lambda value: _assessment(value, "was-that-coaching").update(missed_essential_fails=["rep-talked-most", "Asked Before"]))
    assert "'Asked Before' is not a valid id" in typed, typed


def test_a_statement_that_cannot_fail_the_form_is_named_where_it_is_listed(project):
    # A leader lists a statement that is not essential (or a typo) among those whose "No" fails the form.
    def listed_not_essential(value):
        form = _assessment(value, "was-that-coaching")
        next(question for question in form["questions"] if question["id"] == "one-skill").pop("essential")
        form.update(missed_essential_fails=["rep-talked-most", "one-skill"])

    problems = _edit(project, listed_not_essential)
    assert len(problems) == 1 and "'one-skill' is not one of this assessment's essential statements" in problems[0], problems
    assert "list only those marked 'essential: true'" in problems[0]


def test_a_statement_in_two_groups_that_fail_the_form_together_is_refused_at_its_second(project):
    # An engineer's review: a statement in two groups failed the form on screen with either, while the key and the
    # scoring said otherwise. It belongs to one group.
    groups = [["rep-talked-most", "asked-before-told"], ["asked-before-told", "follow-up-set"]]
    (problem,) = _edit(project, lambda value: _assessment(value, "was-that-coaching").update(missed_essential_fails=groups))
    assert problem.endswith("'asked-before-told' is already in group 1 of 'missed_essential_fails'; a statement belongs to one group of those that fail the form together"), problem
