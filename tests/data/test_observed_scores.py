"""The manager's forms and the role-play rubrics on the example handbook, as a sales leader would try them: a
call or a run that misses the scenario's whole point is not one to show the team, however well the rest went;
a manager's own rating can't reach the top by leaving the awkward statements blank. The expected results are
what a sales leader would say; the scores are worked by hand beside each case."""

import re

import pytest

from macros import scoring
from macros.handbook import Project, load_handbook
from tests.conftest import ROOT
from tests.helpers import NEEDS_SECOND_TEAM

MISSED, PARTLY, DONE, DONE_WELL = 0, 1, 2, 3
NO, YES = 0, 2


@pytest.fixture(scope="module")
def forms():
    return load_handbook(Project(ROOT)).assessments


def _all(form, answer, **changed) -> dict:
    return {statement.id: answer for statement in form.statements} | changed


def _band(form, answers) -> str:
    found = scoring.result(form, answers)
    assert found.complete
    return found.band.name


def test_a_ride_along_with_no_next_step_asked_for_did_not_work(forms):
    ride_along = forms["ride-along"]
    # 19 statements, 33 weights (six count twice; the cost, the decision and the review's two three times): Done
    # well on all but the next step (weight 2, Missed) is 93 of 99 points, 94%; a missed next step fails the call
    # whatever the score.
    answers = _all(ride_along, DONE_WELL, **{"asked-for-next-step": MISSED})
    found = scoring.result(ride_along, answers)
    assert (found.score, found.band.name) == (94, "Back to basics")
    assert [s.id for s in found.essentials_short] == [s.id for s in found.essentials_missed] == ["asked-for-next-step"]
    # Asked for without a date (Partly), 95 of 99, 96%: held below the top band only.
    found = scoring.result(ride_along, _all(ride_along, DONE_WELL, **{"asked-for-next-step": PARTLY}))
    assert (found.score, found.band.name, found.essentials_missed) == (96, "Solid, with gaps", [])
    # The same call with the next step asked for is one to show the team.
    assert _band(ride_along, _all(ride_along, DONE_WELL, **{"asked-for-next-step": DONE})) == "A call to learn from"


def test_a_ride_along_where_the_rep_did_most_of_the_talking_is_not_a_call_to_learn_from(forms):
    ride_along = forms["ride-along"]
    assert _band(ride_along, _all(ride_along, DONE_WELL, **{"buyer-talked-most": PARTLY})) == "Solid, with gaps"


def test_a_discovery_call_that_finds_neither_the_cost_nor_the_decision_did_not_work(forms):
    # A sales leader's case: a first discovery call, done well throughout, that never found out what the problem
    # costs or how the decision is made scored 90%, "A call to learn from", though those are what the deal review
    # needs before a deal leaves discovery. A key-account VP said a discovery call that found neither failed at
    # what it was for. The review's two statements are blank (not a review): 17 statements, 27 weights, 81 points
    # at most; both missed (weight 3 each) is 63 of 81, 78%.
    ride_along = forms["ride-along"]
    discovery = {k: v for k, v in _all(ride_along, DONE_WELL).items() if k not in ("results-in-their-figures", "budget-holder-there")}
    found = scoring.result(ride_along, discovery | {"cost-of-problem": MISSED, "decision-process": MISSED})
    assert (found.score, found.band.name) == (78, "Back to basics")
    assert [s.id for s in found.essentials_missed] == ["cost-of-problem", "decision-process"]
    # One of them missed, the rest done well: 72 of 81, 89%, the top band's score. A manager's review: asking what
    # a problem costs is a problem solver's habit on the ladder (level 4), and a product expert who found out how
    # the decision is made but not the cost read "Back to basics". It is a gap, not a failed call: held below the
    # top band, the cost named first to work on.
    found = scoring.result(ride_along, discovery | {"cost-of-problem": MISSED})
    assert (found.score, found.band.name, found.essentials_missed) == (89, "Solid, with gaps", [])
    assert [s.id for s in found.essentials_short] == ["cost-of-problem"]
    # Partly found out (75 of 81, 93%): held below the top band too.
    found = scoring.result(ride_along, discovery | {"decision-process": PARTLY})
    assert (found.score, found.band.name, [s.id for s in found.essentials_short], found.essentials_missed) == (93, "Solid, with gaps", ["decision-process"], [])
    # A negotiation call gives no chance for them: left blank they hold nothing back.
    late = {k: v for k, v in discovery.items() if k not in ("cost-of-problem", "decision-process")}
    assert _band(ride_along, late) == "A call to learn from"


def test_a_rep_who_opened_the_brochure_before_the_buyer_described_their_situation_has_it_to_work_on(forms):
    # A manager's review: the ride-along had nothing for a rep who showed the product in the first minute, which
    # the charter's rule for a first meeting forbids. Missed, the rest done well: 93 of 99, 94%, kept out of the top
    # band (nothing missed in a call to learn from), but not failed: a habit to change, the rest of the call worked.
    # Essential when rated (a coach: discovery first is the charter's rule), it is what holds the call back.
    ride_along = forms["ride-along"]
    found = scoring.result(ride_along, _all(ride_along, DONE_WELL, **{"product-after-situation": MISSED}))
    assert (found.score, found.band.name, found.essentials_missed) == (94, "Solid, with gaps", [])
    assert [s.id for s in found.essentials_short] == ["product-after-situation"]


def test_a_ride_along_with_no_objection_raised_is_still_rated_on_the_rest(forms):
    ride_along = forms["ride-along"]
    # Objections left blank because none came up: blanks are not counted, and neither is essential.
    answers = {k: v for k, v in _all(ride_along, DONE_WELL).items() if k not in ("explored-objection", "checked-answered")}
    assert _band(ride_along, answers) == "A call to learn from"


def test_a_rep_who_discounts_at_once_is_not_ready_for_a_real_negotiation(forms):
    rubric = forms["role-play-price-objection"]
    # 11 weights: Done well on all but the discount (weight 2, Missed) is 27 of 33 points, 82%, in "Ready for a
    # real negotiation" (from 80%); Partly instead is 29 of 33, 88%. Missed fails the run; Partly holds it back.
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"no-early-discount": MISSED}))
    assert (found.score, found.band.name) == (82, "Run it again")
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"no-early-discount": PARTLY}))
    assert (found.score, found.band.name) == (88, "Nearly there")


def test_a_rep_who_holds_the_price_without_the_buyers_own_figures_is_not_ready_either(forms):
    # A sales leader's review: showing the problem's cost in the buyer's figures is the scenario's objective, yet a
    # rep who skipped it and did the rest well scored 28 of 30, 93%, "Ready for a real negotiation". It weighs 2
    # and is essential now: Missed, 27 of 33 fails the run; Partly, 29 of 33 (88%), is held in the band below.
    rubric = forms["role-play-price-objection"]
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"value-in-their-figures": MISSED}))
    assert (found.score, found.band.name) == (82, "Run it again")
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"value-in-their-figures": PARTLY}))
    assert (found.score, found.band.name) == (88, "Nearly there")


@pytest.mark.parametrize("rubric, point", [
    ("role-play-qualifying-call", "who-decides"),
    ("role-play-discovery-meeting", "no-demo"),
    ("role-play-discovery-meeting", "next-step-booked"),
    ("role-play-cold-call-opener", "specific-ask"),
])
def test_a_run_that_misses_the_scenarios_point_is_not_ready_for_the_real_thing(forms, rubric, point):
    form = forms[rubric]
    assert _band(form, _all(form, DONE_WELL, **{point: PARTLY})) == "Nearly there"
    assert _band(form, _all(form, DONE_WELL, **{point: DONE})) == form.bands[-1].name


def test_a_run_stopped_before_the_ask_is_not_ready_for_live_calls(forms):
    opener = forms["role-play-cold-call-opener"]
    answers = {k: v for k, v in _all(opener, DONE_WELL).items() if k != "specific-ask"}
    found = scoring.result(opener, answers)
    assert (found.score, found.band.name) == (100, "Nearly there")


def test_a_manager_who_gave_the_answer_did_not_let_the_rep_do_the_thinking(forms):
    check = forms["was-that-coaching"]
    # 13 weights: Yes everywhere but the asking (weight 2, No) is 22 of 26 points, 85%.
    found = scoring.result(check, _all(check, YES, **{"asked-before-told": NO}))
    assert (found.score, found.band.name) == (85, "Part coaching")


def test_a_push_done_as_the_handbook_says_is_part_coaching_and_its_advice_fits_a_push(forms):
    # A sales leader's case: after a push the decision helper advised, the check read "Part coaching" and told the
    # manager only to hold back and let the rep talk. A push that asked why first (the push's own advice) and did
    # the rest: the rep talked less (No), 22 of 26 points, 85%, kept out of the top band as the form's intro says,
    # and the advice under it says what a push still owes.
    check = forms["was-that-coaching"]
    found = scoring.result(check, _all(check, YES, **{"rep-talked-most": NO}))
    assert (found.score, found.band.name) == (85, check.bands[-2].name)
    assert scoring.result(check, _all(check, YES)).band is check.bands[-1]  # the same 1:1 with the rep talking most
    (talked,) = found.essentials_short
    assert talked.id == "rep-talked-most" and re.search(r"\bpush\b.*\basked why\b", talked.work_on), talked.work_on


def test_a_manager_cannot_reach_coaching_as_a_habit_by_leaving_two_statements_blank(forms):
    habits = forms["manager-or-coach"]
    answers = {k: v for k, v in _all(habits, 4).items() if k not in ("coaching-every-week", "find-the-root-cause")}
    found = scoring.result(habits, answers)
    assert not found.complete and found.band is None
    assert scoring.result(habits, answers | {"coaching-every-week": 1, "find-the-root-cause": 1}).band.name == "Coaching some of the time"
    # "Never" on coaching time alone (an essential) is managing, whatever the rest reads.
    assert scoring.result(habits, answers | {"coaching-every-week": 0, "find-the-root-cause": 1}).band.name == "Mostly managing"


def test_a_manager_who_never_gives_feedback_the_same_day_is_not_coaching_as_a_habit(forms):
    """A sales leader's case: "Always" on every statement but same-day feedback, "Never" there, read 92%,
    "Coaching as a habit", though the charter promises feedback the same day. 13 weights (four essentials count
    twice), Never 0 to Always 4: 12 × 4 = 48 of 52 points, 92%; a statement never done keeps the top band out of
    reach, and it is the one the result puts first."""
    habits = forms["manager-or-coach"]
    found = scoring.result(habits, _all(habits, 4, **{"feedback-soon": 0}))
    assert (found.score, found.band.name) == (92, "Coaching some of the time")
    assert [s.id for s in found.missed_holding] == ["feedback-soon"] and found.essentials_short == []
    # "Rarely" there is a habit still forming, not a gap the band hides: 49 of 52, 94%.
    assert (scoring.result(habits, _all(habits, 4, **{"feedback-soon": 1})).score, _band(habits, _all(habits, 4, **{"feedback-soon": 1}))) == (94, "Coaching as a habit")


def test_an_untrue_claim_to_the_assistant_fails_the_run_however_well_the_rest_went(forms):
    # A sales leader's case: claiming Helen expects the call, everything else done well, scored 82% "Nearly
    # there" and the advice to run it once more; lying to get through fails the run.
    rubric = forms["role-play-gatekeeper"]
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"honest-reason": MISSED}))
    assert (found.score, found.band.name) == (82, "Run it again")


def test_a_review_that_showed_no_results_and_met_no_budget_holder_failed(forms):
    # A rep's case: a review with an existing customer, done well throughout but showing the customer nothing of
    # what they gained and with nobody there who signs off the budget, read 76% "Solid, with gaps: the call
    # worked". Those two are what keep an account, as the cost and the decision are what a discovery call is
    # for: essential when rated, both missed, they fail the call. 19 statements, 99 points at most; both missed
    # (weight 3 each) is 81 of 99, 82%.
    ride_along = forms["ride-along"]
    review = ("results-in-their-figures", "budget-holder-there")
    found = scoring.result(ride_along, _all(ride_along, DONE_WELL, **{key: MISSED for key in review}))
    assert (found.score, found.band.name, [s.id for s in found.essentials_missed]) == (82, "Back to basics", list(review))
    # One of them missed (90 of 99, 91%), as a discovery call missing one of its pair: a gap, held below the top.
    found = scoring.result(ride_along, _all(ride_along, DONE_WELL, **{"budget-holder-there": MISSED}))
    assert (found.score, found.band.name, found.essentials_missed) == (91, "Solid, with gaps", [])
    # The budget holder asked for but not yet met is Partly: held below the top band only.
    assert _band(ride_along, _all(ride_along, DONE_WELL, **{"budget-holder-there": PARTLY})) == "Solid, with gaps"


def test_a_rep_who_gave_price_away_for_nothing_is_not_ready_however_polished_the_rest(forms):
    # A sales VP's case: a concession with nothing in return, or for a signing date, is what the concession limits
    # forbid, yet "Done well" on the rest scored 30 of 33, 91%, "Ready for a real negotiation". Rated, it is
    # essential: missed, it fails the run. Nothing moved on price (left blank): nothing held back.
    rubric = forms["role-play-price-objection"]
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"traded-not-gave": MISSED}))
    assert (found.score, found.band.name, [s.id for s in found.essentials_missed]) == (91, "Run it again", ["traded-not-gave"])
    blank = {k: v for k, v in _all(rubric, DONE_WELL).items() if k != "traded-not-gave"}
    assert _band(rubric, blank) == "Ready for a real negotiation"
    # Ending without the signer's next step, the scenario's objective (27 of 33, 82%), fails it too.
    found = scoring.result(rubric, _all(rubric, DONE_WELL, **{"next-step-with-signer": MISSED}))
    assert (found.score, found.band.name) == (82, "Run it again")


def test_a_discovery_run_that_found_neither_the_cost_nor_the_decision_is_not_nearly_there(forms):
    # A sales VP's case: 64% "Nearly there", about a competent run's score, for a meeting whose deal could not
    # leave discovery. Each is essential now: missed, the run is run again.
    rubric = forms["role-play-discovery-meeting"]
    found = scoring.result(rubric, _all(rubric, DONE_WELL, impact=MISSED, **{"decision-map": MISSED}))
    assert found.band.name == "Run it again" and [s.id for s in found.essentials_missed] == ["impact", "decision-map"]


@pytest.mark.parametrize("rubric", ["role-play-cold-call-opener", "role-play-gatekeeper", "role-play-send-me-something",
                                    "role-play-qualifying-call", "role-play-discovery-meeting", "role-play-price-objection"])
def test_a_run_with_every_behaviour_done_is_ready_for_the_real_thing(forms, rubric):
    # A sales VP's case: "Done" on every behaviour scored 67%, "Nearly there", on every rubric, so a rep who did each
    # step competently was kept in role-play while a polished one who missed a step went out. "Done well" is polish.
    form = forms[rubric]
    assert scoring.result(form, _all(form, DONE)).band is form.bands[-1]
    # One behaviour only partly done, the rest done: not yet.
    first = form.statements_in_order[0].id
    assert scoring.result(form, _all(form, DONE, **{first: PARTLY})).band is not form.bands[-1]


def test_a_1_1_with_neither_a_plan_nor_a_date_to_look_at_it_was_not_coaching(forms):
    # A rep's case: "Yes" everywhere but the action plan in the rep's words and the date to look at what it
    # produced, both "No": 18 of 26 points, 69%, "Part coaching: some real coaching happened", while "Manager or
    # coach?" fails a manager who never looks at what a plan produced. With neither there is nothing to follow up:
    # the pair fails the form, as the talking pair does. One of them "No" is held below the top band only.
    check = forms["was-that-coaching"]
    found = scoring.result(check, _all(check, YES, **{"rep-owns-the-plan": NO, "follow-up-set": NO}))
    assert (found.score, found.band.name, [s.id for s in found.essentials_missed]) == (69, check.bands[0].name, ["rep-owns-the-plan", "follow-up-set"])
    assert _band(check, _all(check, YES, **{"follow-up-set": NO})) == check.bands[-2].name
    # One of each pair "No" fails nothing either.
    assert _band(check, _all(check, YES, **{"asked-before-told": NO, "follow-up-set": NO})) == check.bands[-2].name


def test_a_call_that_missed_listening_and_the_objection_is_not_one_to_walk_the_team_through(forms):
    # A rep's case: a discovery call done well but for the four listening and objection behaviours, all missed
    # (the rep interrupted, never played back what the buyer said, answered an objection without asking about
    # it): 66 of 81 points, 81%, "A call to learn from: walk the team through this call". The top band needs
    # nothing missed; the call is "Solid, with gaps", with what was missed as the thing to work on.
    ride_along = forms["ride-along"]
    listening = ["played-back", "let-silence-run", "explored-objection", "checked-answered"]
    discovery = {k: v for k, v in _all(ride_along, DONE_WELL).items() if k not in ("results-in-their-figures", "budget-holder-there")}
    found = scoring.result(ride_along, discovery | {key: MISSED for key in listening})
    assert (found.score, found.band.name, [s.id for s in found.missed_holding]) == (81, "Solid, with gaps", listening)
    # One of them only partly done, the rest done well (80 of 81, 99%): still a call to learn from.
    assert _band(ride_along, discovery | {"let-silence-run": PARTLY}) == "A call to learn from"


@pytest.mark.parametrize("rubric, point", [
    ("role-play-qualifying-call", "problem-in-their-words"),
    ("role-play-cold-call-opener", "question-before-pitch"),
])
def test_a_run_that_missed_the_rubrics_point_is_run_again_at_the_lower_bar(forms, rubric, point):
    # A sales VP's re-check: with the top band from 65%, a qualifying call that never found the problem or its
    # cost read 70%, "Ready for live calls", and a cold call that pitched before asking a question 67 to 78%.
    form = forms[rubric]
    found = scoring.result(form, _all(form, DONE, **{point: MISSED}))
    assert found.band is form.bands[0] and [s.id for s in found.essentials_missed] == [point]


@pytest.mark.parametrize("rubric", ["role-play-cold-call-opener", "role-play-gatekeeper", "role-play-send-me-something",
                                    "role-play-qualifying-call", "role-play-discovery-meeting", "role-play-price-objection"])
def test_a_run_with_any_behaviour_missed_is_not_ready_however_well_the_rest_went(forms, rubric):
    # Ready means every behaviour at least tried: one missed outside the rubric's point, the rest done well, is run
    # once more (the band below the top), and says which.
    form = forms[rubric]
    skipped = next(s for s in form.statements_in_order if not (s.essential or s.essential_when_rated))
    found = scoring.result(form, _all(form, DONE_WELL, **{skipped.id: MISSED}))
    assert found.band is form.bands[-2] and [s.id for s in found.missed_holding] == [skipped.id]


@pytest.mark.parametrize("team", [pytest.param("key-accounts", marks=NEEDS_SECOND_TEAM)])
def test_each_teams_own_rubrics_follow_the_same_bar(team):
    # The key-account team replaces its role-plays' rubrics whole, so they missed the organisation's new bar: each
    # of its rubrics is ready at "Done" everywhere, needs nothing missed, and fails on its own point.
    team = load_handbook(Project(ROOT, team)).assessments
    rubrics = [form for form in team.values() if form.kind == "rubric"]
    assert len(rubrics) == 4
    for form in rubrics:
        assert scoring.result(form, _all(form, DONE)).band is form.bands[-1], form.id
        assert form.top_band_needs_nothing_missed, form.id
    points = {"role-play-qualifying-call": "change-in-their-words", "role-play-price-objection": "value-in-their-figures"}
    for rubric, point in points.items():
        assert scoring.result(team[rubric], _all(team[rubric], DONE, **{point: MISSED})).band is team[rubric].bands[0], rubric
