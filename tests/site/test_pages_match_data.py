"""Each page of the built example handbook shows its data: every item exactly once, where it belongs."""

import json
from collections import Counter
from datetime import date

from babel.dates import format_date
from bs4 import BeautifulSoup

from tests.helpers import content, data, normalise, page, plain


def _text(element) -> str:
    return normalise(element.get_text(" ", strip=True))


def test_every_question_appears_once_under_its_stage(built_site):
    bank = data("coaching_questions")
    article = content(page(built_site, "coaching/questions"))
    assert len(bank["questions"]) >= 80
    for question in bank["questions"]:
        items = article.select(f'li.pb-question[id="{question["id"]}"]')
        assert len(items) == 1, question["id"]
        assert normalise(plain(question["text"])) in _text(items[0])
        heading = items[0].find_previous("h2")
        stage = next(s for s in bank["stages"] if s["id"] == question["stage"])
        assert heading["id"] == f"stage-{stage['id']}"
    assert len(article.select("li.pb-question")) == len(bank["questions"])


def test_questions_by_situation_list_each_question_once_per_situation(built_site):
    """In the order of a conversation's stages, and the file's within a stage: a sales VP found a skill gap's
    fifty questions in file order, the diagnosis mixed in with the preparation."""
    bank = data("coaching_questions")
    stages = [stage["id"] for stage in bank["stages"]]
    article = content(page(built_site, "coaching/questions-by-situation"))
    for situation in bank["situations"]:
        heading = article.select_one(f'h2[id="situation-{situation["id"]}"]')
        assert heading is not None
        links = heading.find_next("ul").select("a")
        expected = [q["id"] for stage in stages for q in bank["questions"] if situation["id"] in q["situations"] and q["stage"] == stage]
        assert [a["href"].split("#")[1] for a in links] == expected
        shown = [tag.get_text(strip=True) for tag in heading.find_next("ul").select(".pb-tag")]
        names = [stage["name"] for stage in bank["stages"]]
        assert shown == sorted(shown, key=names.index)
        assert all(a["href"].startswith("../questions/#") for a in links)


def test_every_level_and_behaviour_appears_once_in_order(built_site):
    levels = data("levels")["levels"]
    article = content(page(built_site, "levels"))
    assert len(levels) == 6
    assert [h["id"] for h in article.select("h2")][: len(levels)] == [level["id"] for level in levels]
    for level in levels:
        assert len(level["behaviours"]) >= 5
        for behaviour in level["behaviours"]:
            items = article.select(f'li[id="{behaviour["id"]}"]')
            assert len(items) == 1
            assert _text(items[0]) == normalise(plain(behaviour["text"]))
            assert items[0].find_previous("h2")["id"] == level["id"]
        section = article.select_one(f'h2[id="{level["id"]}"]').find_next("div", class_="pb-level")
        assert normalise(plain(level["customer_view"])) in _text(section)
        assert normalise(plain(level["coaching_focus"])) in _text(section)


def test_each_level_lists_the_questions_its_behaviours_name_and_sends_to_the_bank_for_the_rest(built_site):
    """A manager reads the few questions that grow the level's behaviours (levels.yml names them), in the order a
    conversation takes them, not every question suited to the level (53 to 116 of them in the example), and
    reaches those through the bank, filtered to the level."""
    bank = data("coaching_questions")
    stages = [stage["id"] for stage in bank["stages"]]
    stage_of = {q["id"]: q["stage"] for q in bank["questions"]}
    article = content(page(built_site, "levels"))
    for level in data("levels")["levels"]:
        section = article.select_one(f'h2[id="{level["id"]}"]').find_next("div", class_="pb-level")
        questions = section.select_one("details.pb-level-questions")
        linked = [a["href"] for a in questions.select("li a")]
        named = []
        for behaviour in level["behaviours"]:
            named += [q for q in behaviour.get("coaching_questions", []) if q not in named]
        assert linked == [f"../coaching/questions/#{q}" for q in sorted(named, key=lambda q: stages.index(stage_of[q]))]
        assert 0 < len(linked) <= 20, level["id"]
        assert f"({len(linked)})" in questions.summary.get_text()
        suited = sum(level["id"] in q["levels"] for q in bank["questions"])
        more = questions.select_one("p a")
        assert (more["href"], _text(more)) == (f"../coaching/questions/?level={level['id']}", f"{suited} questions")


def test_charter_shows_every_value_commitment_and_step_once(built_site):
    charter = data("charter")
    article = content(page(built_site, "charter"))
    assert len(charter["values"]) >= 5
    for value in charter["values"]:
        sections = article.select(f'section[id="{value["id"]}"]')
        assert len(sections) == 1
        assert _text(sections[0].h3) == normalise(plain(value["name"]))
        for example in value["in_practice"]:
            assert normalise(plain(example)) in _text(sections[0])
    for commitment in charter["commitments"]:
        assert len(article.select(f'li[id="{commitment["id"]}"]')) == 1
    for step in charter["conflict"]["steps"]:
        assert len(article.select(f'li[id="{step["id"]}"]')) == 1
    page_meta = article.select_one(".pb-charter__meta")
    meta = _text(page_meta)
    # The date as the page's language writes it (5 January 2026; Babel's, independent of the build's Words), with
    # the data's own in its <time> element.
    written = format_date(date.fromisoformat(charter["effective_date"]), format="long", locale="en_GB")
    assert charter["team"] in meta and charter["leader"] in meta
    assert page_meta.find("time", datetime=charter["effective_date"]).get_text() == written


def test_dilemma_shows_each_mode_with_its_signals(built_site):
    dilemma = data("dilemma")
    article = content(page(built_site, "coaching/dilemma"))
    assert [m["id"] for m in dilemma["modes"]] == ["coach", "push", "step-back"]
    for mode in dilemma["modes"]:
        assert article.select_one(f'h2[id="{mode["id"]}"]') is not None
        for signal in mode["signals"]:
            items = article.select(f'li[id="signal-{signal["id"]}"]')
            assert len(items) == 1 and items[0].find_previous("h2")["id"] == mode["id"]
    text = _text(article)
    for question in dilemma["read_the_moment"]:
        assert normalise(plain(question)) in text


def test_bootcamp_shows_five_steps_and_its_schedule_and_sends_readers_on_to_the_prospecting_week(built_site):
    bootcamp = data("bootcamp")
    article = content(page(built_site, "bootcamp"))
    step_ids = [s["id"] for s in bootcamp["steps"]]
    assert len(step_ids) == 5
    assert [h["id"] for h in article.select("h3[id]") if h["id"] in step_ids] == step_ids
    for week in bootcamp["schedule"]:
        assert len(article.select(f'h3[id="{week["id"]}"]')) == 1
    # What a rep keeps doing after boot camp is on a page of its own, which the boot camp's last section links.
    assert article.select("form[data-checklist], form[data-planner], #activity-targets, #provoked-luck") == []
    assert article.select('h2[id="after"] ~ p a[href="../prospecting/"]')


def test_prospecting_week_shows_cadence_targets_planner_and_provoked_luck(built_site):
    bootcamp = data("bootcamp")
    article = content(page(built_site, "prospecting"))
    assert [h["id"] for h in article.select("h2[id]")] == ["cadence", "activity-targets", "activity-planner", "provoked-luck"]
    assert len(article.select("form[data-planner]")) == 1
    for rhythm in ("daily", "weekly"):
        boxes = article.select(f'form[data-checklist="bootcamp-{rhythm}"] input[type=checkbox]')
        assert [box["data-item"] for box in boxes] == [item["id"] for item in bootcamp["cadence"][rhythm]]
    assert [d["id"] for d in bootcamp["activity_targets"]["dimensions"]] == ["quantity", "direction", "quality", "customers"]
    for dimension in bootcamp["activity_targets"]["dimensions"]:
        for target in dimension["targets"]:
            assert len(article.select(f'tr[id="{target["id"]}"]')) == 1
    for finding in bootcamp["provoked_luck"]["research"]:
        figure = article.select_one(f'figure[id="{finding["id"]}"]')
        assert normalise(plain(finding["source"])) in _text(figure)


def test_coaching_page_has_nine_dimensions_three_anti_patterns_and_cited_research(built_site):
    coaching = data("coaching")
    article = content(page(built_site, "coaching"))
    rows = article.select("table.pb-manager-coach tbody tr")
    assert [row["id"] for row in rows] == [d["id"] for d in coaching["manager_vs_coach"]["dimensions"]]
    assert len(rows) == 9
    assert [a["id"] for a in coaching["anti_patterns"]] == ["inspection", "fire-fighting", "taking-over"]
    figures = {f["id"]: f for f in coaching["research"]}
    assert "19%" in figures["coaching-reported-gain"]["figure"]
    assert "94.8%" in figures["quota-attainment"]["figure"] and "84.5%" in figures["quota-attainment"]["figure"]
    for finding in coaching["research"]:
        assert normalise(plain(finding["source"])) in _text(article.select_one(f'figure[id="{finding["id"]}"]'))


def test_onboarding_path_lists_every_item_once_and_links_the_handbook(built_site):
    onboarding = data("onboarding")
    article = content(page(built_site, "onboarding"))
    items = [item for group in onboarding["first_week"] + onboarding["first_30_days"] for item in group["items"]]
    counts = Counter(li["id"] for li in article.select("ul.pb-path li"))
    assert counts == Counter(item["id"] for item in items)
    targets = {a["href"].split("#")[0] for a in article.select("ul.pb-path a")}
    assert {"../charter/", "../levels/", "../bootcamp/", "../coaching/questions/"} <= targets


def test_data_driven_text_is_in_the_search_index(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    corpus = normalise(" ".join(BeautifulSoup(doc["title"] + " " + doc["text"], "html.parser").get_text(" ") for doc in index["docs"]))
    for question in data("coaching_questions")["questions"]:
        assert normalise(plain(question["text"])) in corpus
    for level in data("levels")["levels"]:
        for behaviour in level["behaviours"]:
            assert normalise(plain(behaviour["text"])) in corpus
