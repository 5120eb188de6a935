"""The coaching question bank stays fit to coach with as leaders add to it: every question open, no two reading
alike, a why on each, enough for lost deals, questions for every stage in every situation, and levels that
match the ladder.

Closed questions and levels that skip a rung are validation rules (macros/question_bank.py): both are exact
rules, so a leader gets them located in `make validate` and in the pull request. Questions that read alike
are checked only here. Word overlap is a heuristic: it finds a question copied and reworded, not two
questions that say the same thing in different words, and a validation rule that might refuse a good
question would block every build; it would also refuse the benchmark's multiplied bank and the hostile-text
copies the site tests build, whose questions are all alike on purpose.
"""

import itertools
import re
from pathlib import Path

import pytest

from macros.question_bank import closed_opener
from tests.helpers import data, position_in, problems_of, replace_once

BANK = data("coaching_questions")
LADDER = [level["id"] for level in data("levels")["levels"]]

# ---------------------------------------------------------------- questions that read alike

# Words that say nothing about what a question asks: articles, pronouns, prepositions, question words,
# auxiliaries and verbs as general as "get" or "make… happen". "I", "me" and "my" stay (as "me"): in a 1:1
# they are the manager, and a question about the manager's help is a topic of its own.
FUNCTION_WORDS = frozenset("""
    a an the this that these those it its their them they there here you your yours yourself we us our he she his
    her him one ones what how which who whom whose where when why is are am be been being was were do does did done
    doing will would could can should shall may might must have has had having get got getting go going make making
    happen happened happening and or but if so than then as not no any anything some something else about after
    against at before between by during for from in into of off on out over since through to under until up with
    within more most much many very really just also only even still already
""".split())
MANAGER = frozenset({"i", "me", "my", "myself"})
# Two questions read alike when at least this share of their content words is common to both (Jaccard)…
ALIKE = 0.5
# …and they share at least this many: two short questions can share one word and mean different things.
SHARED_AT_LEAST = 2


def _stem(word: str) -> str:
    """A light stemmer, enough to match "meeting" with "meet" and "committed" with "commit"."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower().replace("’", "'")):
        word = word.split("'")[0]
        if word in MANAGER:
            words.add("me")
        elif word not in FUNCTION_WORDS:
            words.add(_stem(word))
    return words


def shared_words(first: str, second: str) -> set[str] | None:
    """The content words two questions share, when they share enough to read alike; otherwise None."""
    a, b = content_words(first), content_words(second)
    shared = a & b
    if len(shared) >= SHARED_AT_LEAST and len(shared) / len(a | b) >= ALIKE:
        return shared
    return None


def alike_pairs(questions: list[dict]) -> list[str]:
    return [
        f"'{a['id']}' and '{b['id']}' share {', '.join(sorted(shared))}: merge them or make the difference plain"
        for a, b in itertools.combinations(questions, 2)
        if (shared := shared_words(a["text"], b["text"]))
    ]


def test_no_two_questions_read_alike():
    assert alike_pairs(BANK["questions"]) == []


# Pairs the bank held before issue 14 that share their words, each merged since into one question.
OLD_NEAR_DUPLICATES = [
    ("Which conversation in this deal have you been putting off?", "When will you have the conversation you've been putting off?"),
    ("What happened with the actions you committed to last week?", "Which of last week's actions are finished?"),
    ("What do you need from me before this meeting, if anything?", "What support do you need from me to make this happen?"),
]
# A question a leader copies and rewords, next to the one in the bank it copies.
REWORDED_COPIES = [
    ("Which objection do you expect to hear tomorrow?", "Which objection are you most likely to hear tomorrow?"),
    ("What would a great result from tomorrow's meeting look like for the customer?", "What would a great outcome from tomorrow's call look like for the customer?"),
    ("What do you need from me to make this happen?", "What do you need from me, if anything, to make this happen?"),
    ("Which lesson from this lost deal will you use this month?", "Which lesson from this loss will you use in a live deal this month?"),
]


@pytest.mark.parametrize("first, second", OLD_NEAR_DUPLICATES + REWORDED_COPIES)
def test_old_near_duplicates_and_reworded_copies_read_alike(first, second):
    assert shared_words(first, second)


@pytest.mark.parametrize("first, second", [
    ("What will you do first?", "Which deal comes first?"),  # one word in common is not enough
    ("What has the customer done, rather than said, since the last meeting?", "What will the customer do between now and your next meeting?"),
    ("What reason did the customer give for their decision?", "How did the customer's reasons for buying change between the first meeting and the decision?"),
])
def test_questions_on_a_shared_topic_do_not_read_alike(first, second):
    assert shared_words(first, second) is None


# ---------------------------------------------------------------- open questions

CLOSED = {
    "Is there anything that would stop you getting this done by Friday?": "is",  # the bank's own, before issue 14
    "Do you know what the buyer wants?": "do",
    "Looking back, did you see it coming?": "did",
    "Would you call the CFO or the CEO first?": "would",
    "Anything else you want to cover today?": "anything",
    "Haven't you already sent the proposal?": "haven't",
    "Can **you** walk me through the call?": "can",
}
OPEN = [
    "What could stop this happening, and how would you handle it?",
    "Is this deal real, and what tells you so?",
    "At what point did the conversation start to drift?",
    "By when will the proposal be with them?",
    "If time and budget weren't an issue, what would you do in this account?",
    "On a scale of one to ten, how likely are you to follow through on this?",
    "What's in it for this buyer to give you an hour of their time?",
    "Tell me about the call.",
]


@pytest.mark.parametrize("text", CLOSED)
def test_a_yes_or_no_opener_makes_a_question_closed(text):
    assert closed_opener(text) == CLOSED[text]


@pytest.mark.parametrize("text", OPEN)
def test_an_open_clause_or_no_yes_or_no_opener_leaves_a_question_open(text):
    assert closed_opener(text) is None


def test_every_question_in_the_bank_is_open():
    assert [q["id"] for q in BANK["questions"] if closed_opener(q["text"])] == []


def _problems_after(project: Path, old: str, new: str) -> list[str]:
    replace_once(project, "coaching_questions.yml", old, new)
    return problems_of(project)


def _position(project: Path, needle: str) -> str:
    return position_in(project, "coaching_questions.yml", needle)


def test_a_closed_question_is_reported_where_the_leader_wrote_it(project):
    last = BANK["questions"][-1]  # the bank's own question, whatever a team has made of it
    problems = _problems_after(project, f"text: {last['text']}", 'text: "Is that settled?"')
    at = _position(project, '"Is that settled?"')
    assert problems == [(
        f"data/coaching_questions.yml:{at}: question '{last['id']}' opens with 'Is', so it can be answered yes or no; ask it with"
        " what, how, which, who, where, when or why instead (e.g. 'What could stop you…?' rather than 'Is there anything that would stop you…?')"
    )]


# ---------------------------------------------------------------- tags, why, coverage


def test_levels_that_skip_a_rung_are_reported_at_the_question_levels(project):
    old = "    levels: [order-taker, product-expert]\n    why: \"Moves the rep's attention"
    problems = _problems_after(project, old, old.replace("order-taker, product-expert", "order-taker, solution-seller, trusted-partner"))
    at = _position(project, "[order-taker, solution-seller, trusted-partner]")
    assert problems == [(
        f"data/coaching_questions.yml:{at}: question 'best-outcome-for-customer' suits levels on both sides of product-expert and problem-solver"
        " but not those levels; a question suits neighbouring levels of the ladder, so add product-expert and problem-solver, or narrow the range"
    )]


def test_every_question_suits_a_run_of_neighbouring_levels():
    for question in BANK["questions"]:
        rungs = sorted(LADDER.index(level) for level in question["levels"])
        assert rungs == list(range(rungs[0], rungs[-1] + 1)), question["id"]


def test_every_question_has_a_why():
    assert [q["id"] for q in BANK["questions"] if not str(q.get("why") or "").strip()] == []


def test_a_question_without_a_why_is_reported(project):
    problems = _problems_after(project, "    why: \"Turns discovery from a chat into a plan.\"\n", "")
    at = _position(project, "id: questions-to-answer")
    assert problems == [f"data/coaching_questions.yml:{at}: 'questions' › item 4 is missing the required field 'why'"]


def test_at_least_fifteen_questions_help_after_a_lost_deal():
    assert sum("lost-deal" in q["situations"] for q in BANK["questions"]) >= 15


def test_every_stage_has_questions_for_every_situation():
    """The home page promises open questions for every stage, and the pages show each situation at each stage."""
    gaps = [
        (stage["id"], situation["id"])
        for stage in BANK["stages"]
        for situation in BANK["situations"]
        if not any(q["stage"] == stage["id"] and situation["id"] in q["situations"] for q in BANK["questions"])
    ]
    assert gaps == []


def test_questions_a_level_names_suit_the_reps_it_is_given_to():
    """The self-assessment gives a rep the questions of the next level's behaviours, so a question named by a
    level's behaviour suits the level below (the first level's suit the first level)."""
    misfits = [
        (behaviour["id"], question_id)
        for rung, level in enumerate(data("levels")["levels"])
        for behaviour in level["behaviours"]
        for question_id in behaviour.get("coaching_questions", [])
        if LADDER[max(rung - 1, 0)] not in next(q for q in BANK["questions"] if q["id"] == question_id)["levels"]
    ]
    assert misfits == []



@pytest.mark.parametrize("signal_id", ["same-question-again", "one-contact", "one-contact-not-widened"])
def test_a_rep_who_leans_on_you_or_on_one_contact_gets_questions_on_that(signal_id):
    """A sales VP's cases: a rep who keeps asking what to do was given skill questions, none of which hands the
    answer back, and a deal resting on one contact opened on the customer's problem. Each of these signals has a
    situation of its own, which no other signal of its mode names, and its mode's questions in that situation span
    the conversation: every stage for coaching, and for a push at least what they've done, by when, and since."""
    modes = data("dilemma")["modes"]
    mode, signal = next((m, s) for m in modes for s in m["signals"] if s["id"] == signal_id)
    assert [s["id"] for s in mode["signals"] if s.get("situation") == signal["situation"]] == [signal_id]
    stages = {q["stage"] for q in BANK["questions"] if signal["situation"] in q["situations"] and mode["id"] in q["modes"]}
    wanted = {s["id"] for s in BANK["stages"]} if mode["id"] == "coach" else {"diagnose", "commit", "follow-up"}
    assert wanted <= stages


def test_a_senior_reps_stalled_deal_has_questions_to_find_why_it_went_quiet():
    """A sales director's case: preparing a 1:1 for a trusted partner (working towards strategic adviser) whose big
    deal has gone quiet, the planner offered only questions for the level they are working towards, and none of
    those looked for why the deal stalled. Questions that diagnose a deal at risk are filed for the senior levels
    too, and none of them is for stepping back, which a deal at risk rules out."""
    questions = data("coaching_questions")["questions"]
    at_risk = [q for q in questions if "deal-at-risk" in q["situations"]]
    senior = [q["id"] for q in at_risk if q["stage"] == "diagnose" and "strategic-adviser" in q["levels"]]
    assert {"what-changed-since-quiet", "customer-actions-not-words", "conversation-put-off"} <= set(senior), senior
    assert not [q["id"] for q in at_risk if q["modes"] == ["step-back"]]
