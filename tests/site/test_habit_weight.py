"""The level assessment's key says how much of a level's score its habits (the limits) carry, and the figure is
the scoring rule's: an independent calculation from the data, read with plain PyYAML, gives the same points and
percentage (what a reader scores with the habits' full points and nothing else, half rounded up)."""

import re
from fractions import Fraction

from tests.helpers import content, data, page

SENTENCE = re.compile(r"At each level the (\w+) habits? \(\*\) count for (\d+) of the (\d+) points its statements can score when all are answered: (\d+)% of the level's score\.")


def _oracle() -> set[tuple[int, int, int, int]]:
    """(habits, their most points, the level's most points, their share in whole percent) for every level."""
    assessment = next(a for a in data("assessments")["assessments"] if a.get("questions_from") == "levels")
    scale = next(s for s in data("assessments")["scales"] if s["id"] == assessment["scale"])
    values = [option["value"] for option in scale["options"]]
    span = max(values) - min(values)
    found = set()
    for level in data("levels")["levels"]:
        limits = [b for b in level["behaviours"] if b.get("counts_as") == "limit"]
        habit_points = sum(Fraction(b.get("weight", 1)) * span for b in limits)
        level_points = sum(Fraction(b.get("weight", 1)) * span for b in level["behaviours"])
        share = habit_points * 100 / level_points
        found.add((len(limits), int(habit_points), int(level_points), int(share + Fraction(1, 2))))
    return found


def test_the_key_says_what_share_of_a_level_the_habits_carry_as_the_formula_gives_it(built_site):
    key = content(page(built_site, "self-assessments")).select_one("form#assessment-which-level details.pb-assessment__key")
    said = SENTENCE.search(" ".join(key.get_text(" ").split()))
    assert said, "the level assessment's key doesn't say how much the habits weigh"
    words = {"one": 1, "two": 2, "three": 3, "four": 4}
    stated = (words[said[1]], int(said[2]), int(said[3]), int(said[4]))
    assert _oracle() == {stated}
    # the example handbook: two habits counting double among five strengths, on a 0–3 scale
    assert stated == (2, 12, 27, 44)
