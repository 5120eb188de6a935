"""The level assessment's key states the habit rule as the data sets it: habits add no points, a habit answered
above `habits_at_most` (named by its answer) holds its level back, and each level's most points are its other
behaviours' alone, worked out here from the data read with plain PyYAML."""

from tests.helpers import content, data, page


def _ladder() -> tuple[dict, dict]:
    assessment = next(a for a in data("assessments")["assessments"] if a.get("questions_from") == "levels")
    return assessment, next(s for s in data("assessments")["scales"] if s["id"] == assessment["scale"])


def test_the_key_says_which_answer_to_a_habit_holds_a_level_back_and_counts_only_behaviours(built_site):
    assessment, scale = _ladder()
    answer = next(option["label"] for option in scale["options"] if option["value"] == assessment["habits_at_most"])
    key = content(page(built_site, "which-level")).select_one("form#assessment-which-level details.pb-assessment__key")
    text = " ".join(key.get_text(" ").split())
    assert f"They add no points: a level is reached only when none of its habits is answered above “{answer}”." in text
    assert f"you answered every one of its statements, none of its habits (*) above “{answer}”" in text
    assert "a behaviour left blank scoring none" in text
    # no statement of it has a weight, so the key speaks of none (a VP of Sales); a weighted form's key does
    assert not any(b.get("weight", 1) != 1 for level in data("levels")["levels"] for b in level["behaviours"])
    assert "weight" not in text
    weighted = next(a for a in data("assessments")["assessments"] if any(q.get("weight", 1) != 1 for q in a.get("questions", [])))
    assert "times its weight" in " ".join(content(page(built_site, "self-assessments")).select_one(f"form#assessment-{weighted['id']} details.pb-assessment__key").get_text(" ").split())
    values = [option["value"] for option in scale["options"]]
    most = {level["name"]: sum(b.get("weight", 1) for b in level["behaviours"] if b.get("counts_as") != "limit") * (max(values) - min(values))
            for level in data("levels")["levels"]}
    rows = {row.select_one("th").get_text().split(". ", 1)[1]: float(row.select("td")[1].get_text()) for row in key.select("table")[0].select("tbody tr")}
    assert rows == most
    assert set(most.values()) == {15}  # the example: five behaviours on a 0–3 scale at each level
    # The form tells the page's script the same rule: a habit with fewer points than this holds its level back.
    form = content(page(built_site, "which-level")).select_one("form#assessment-which-level")
    assert (form["data-habit-points-at-least"], form["data-habits-at-most"]) == (f"{max(values) - assessment['habits_at_most']:g}", answer)


def test_the_key_and_the_form_state_what_the_levels_below_must_hold_for_a_level_to_count(built_site):
    # The key a rep scores on paper with and the page's script read the same figure from the data.
    assessment, scale = _ladder()
    answer = next(option["label"] for option in scale["options"] if option["value"] == assessment["habits_at_most"])
    form = content(page(built_site, "which-level")).select_one("form#assessment-which-level")
    rule = " ".join(form.select_one("details.pb-assessment__key [data-lower-levels-rule]").get_text(" ").split())
    least = assessment["lower_levels_at_least"]
    assert rule.startswith(f"The level reached is the highest one reached whose levels below are each reached or a gap to close first: a level that scores at least {least}% with none of its habits above “{answer}”.")
    assert form["data-lower-levels-at-least"] == str(least)
    gaps = assessment["lower_level_gaps_at_most"]
    assert (f"At most {gaps} level below yours may be a gap; the others must be reached." if gaps == 1
            else f"At most {gaps} levels below yours may be gaps; the others must be reached.") in rule
    assert form["data-lower-level-gaps-at-most"] == str(gaps)
    floor = assessment["gap_behaviours_at_least"]
    floor_label = next(option["label"] for option in scale["options"] if option["value"] == floor)
    # A habit is the mirror of a behaviour: the answer as far from the scale's top as the floor is from its bottom.
    values = [option["value"] for option in scale["options"]]
    habit_label = next(option["label"] for option in scale["options"] if option["value"] == max(values) - (floor - min(values)))
    held = assessment["gap_habits_held_at_most"]
    assert held == 1 and form["data-gap-habits-held-at-most"] == "1"
    assert f"a level that scores at least {least}% with none of its habits above “{answer}”. So is a level whose score is in a band marked “level reached” and that only 1 habit answered above “{answer}” keeps from being reached; with more such habits it caps the ladder." in rule
    assert rule.endswith(f"A gap's behaviours must each be answered at least “{floor_label}” and each of its habits at most “{habit_label}”: a basic you don't do "
                         "at all, a habit you have fully, or a statement left blank is not a gap but a cap. If no level qualifies, no level is reached yet: start with the first level's behaviours.")
    assert form["data-gap-points-at-least"] == f"{floor - scale['options'][0]['value']:g}"


def test_a_level_is_reached_only_with_each_behaviour_as_far_up_the_scale_as_its_habits_are_down_it(built_site):
    """A sales VP's case: a rep who keeps a small promise to a customer only "A little" was rated at the level
    that promise marks, since the other behaviours lifted the average. A level is its behaviours, each of them:
    a reached level has each behaviour answered at least the mirror of the habits' highest answer ("A little" for
    a habit, "Mostly" for a behaviour), and the key and the form say so."""
    assessment, scale = _ladder()
    values = [option["value"] for option in scale["options"]]
    mirror = min(values) + max(values) - assessment["habits_at_most"]
    floor_label = next(option["label"] for option in scale["options"] if option["value"] >= mirror)
    assert floor_label == "Mostly" and assessment["gap_behaviours_at_least"] < mirror  # the example: a gap asks less
    form = content(page(built_site, "which-level")).select_one("form#assessment-which-level")
    reached = " ".join(form.select_one("[data-habit-rule]").get_text().split())
    assert f"none of its other behaviours below “{floor_label}”, and its score falls in a band marked “level reached”." in reached
    assert (form["data-behaviour-points-at-least"], form["data-behaviour-answer"]) == (f"{mirror - min(values):g}", floor_label)


def test_the_key_and_the_form_say_which_levels_wait_for_the_basics(built_site):
    """The paper key states the basics rule the page's script applies, with the figures the script reads from the
    form, all from the data: the levels from basics_first's level up, the least answer every basic needs (a reached
    level's, the mirror of habits_at_most: a VP of Sales), and how many of the basics' behaviours (habits aside) must
    be answered with the scale's top answer."""
    assessment, scale = _ladder()
    rule = assessment["basics_first"]
    levels = data("levels")["levels"]
    ids = [level["id"] for level in levels]
    waiting = [level["name"] for level in levels[ids.index(rule["from_level"]):]]
    basics = [level for level in levels if level["id"] in rule["basics"]]
    behaviours = sum(1 for level in basics for item in level["behaviours"] if item.get("counts_as") != "limit")
    form = content(page(built_site, "which-level")).select_one("form#assessment-which-level")
    said = " ".join(form.select_one("details.pb-assessment__key [data-basics-rule]").get_text(" ").split())
    top = scale["options"][-1]["label"]
    mostly = next(o["label"] for o in scale["options"] if o["value"] == scale["options"][-1]["value"] + scale["options"][0]["value"] - assessment["habits_at_most"])
    assert said == (f"{' and '.join(waiting)} count only once the basics are second nature: none of the {behaviours} behaviours of"
                    f" {' and '.join(level['name'] for level in basics)} below “{mostly}” and at least {rule['at_top_at_least']} of them answered “{top}”, since a manager steps back"
                    " from a seller there. Short of that, the level reached is the highest below them that counts, and the result names the"
                    " level the answers reach.")
    assert (form["data-basics-from"], form["data-basics"].split(), int(form["data-basics-at-top-at-least"]), form["data-basics-top-answer"]) == (
        rule["from_level"], rule["basics"], rule["at_top_at_least"], top)


def test_the_ladder_says_how_the_self_assessment_places_a_rep(built_site):
    """A VP of Sales: the levels page never said the top two levels wait for the basics, nor which answers cap
    the ladder, so a rep reading it could not predict their result. Under the ladder, the rule as the data sets
    it: the least answer a reached level's behaviours need, the most its habits may be, the gaps allowed below,
    the levels that wait for the basics, and each statement marked foundation in levels.yml with the answer that
    caps (a behaviour below, a habit above)."""
    assessment, scale = _ladder()
    labels = {option["value"]: option["label"] for option in scale["options"]}
    habit = labels[assessment["habits_at_most"]]
    least = labels[min(labels) + max(labels) - assessment["habits_at_most"]]
    levels = data("levels")["levels"]
    ids = [level["id"] for level in levels]
    rule = assessment["basics_first"]
    waiting = " and ".join(level["name"] for level in levels[ids.index(rule["from_level"]):])
    basics = " and ".join(level["name"] for level in levels if level["id"] in rule["basics"])
    gaps = assessment["lower_level_gaps_at_most"]
    assert gaps == 1, "the example allows one gap"
    said = " ".join(content(page(built_site, "levels")).select_one("#levels-placement").get_text().split())
    assert said.startswith(
        f"The level self-assessment places you at a level when each of its behaviours is answered at least “{least}”, none of its habits above"
        f" “{habit}”, and the levels below are in place, one of them at most a gap to close. {waiting} count only once the basics of {basics}"
        f" are second nature: none below “{least}”, and enough answered “{labels[max(labels)]}”. These answers cap every level above their own,"
        " however strong the rest: "), said
    foundations = [b for level in levels for b in level["behaviours"] if b.get("foundation")]
    assert {b["id"] for b in foundations} == {"keeps-small-promises", "promises-unchecked-dates", "demos-early"}
    for behaviour in foundations:
        assert f"“{behaviour['text']}” {'above “' + habit if behaviour.get('counts_as') == 'limit' else 'below “' + least}”" in said, behaviour["id"]
