"""The joint-call observation form, the debrief templates and the role-plays as built, read against the YAML:
every statement, note, prompt and brief once and in order; a paper form that needs no JS (answers to mark,
lines to write on, the scoring key); and the links the question bank and the boot camp make to them."""

import json
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from tests.helpers import content, data, normalise, page, plain


def _text(element) -> str:
    """The element's text as read: inline marks such as a glossary term's <abbr> add no space."""
    return normalise(element.get_text())


def _form(form_id: str) -> dict:
    return next(form for form in data("assessments")["assessments"] if form["id"] == form_id)


def _scale(form: dict) -> dict:
    return next(scale for scale in data("assessments")["scales"] if scale["id"] == form["scale"])


def _debrief(debrief_id: str) -> dict:
    return next(debrief for debrief in data("debriefs")["debriefs"] if debrief["id"] == debrief_id)


def _check_write_in(container, field: dict, field_id: str, key: str | None):
    """One prompt: its label, its hint, a box the size it asks for, and as many ruled lines for paper."""
    box = container.select_one(f'[id="{field_id}"]')
    assert box is not None, field_id
    label = container.select_one(f'label[for="{field_id}"]')
    assert _text(label) == normalise(plain(field["prompt"]))
    lines = field.get("lines", 1)
    if lines == 1:
        assert box.name == "input" and box["type"] == "text"
    else:
        assert box.name == "textarea" and box["rows"] == str(lines)
        assert len(box.find_previous_sibling(class_="pb-write-in__lines").find_all("span")) == lines
    if "hint" in field:
        hint = container.select_one(f'[id="{field_id}-hint"]')
        assert _text(hint) == normalise(plain(field["hint"])) and box["aria-describedby"] == f"{field_id}-hint"
    # The rep's line and the call's date are marked for the picker and the day field; the date is the answers'
    # own, so it is saved as their date rather than as a note.
    assert box.get("data-note-kind") == field.get("kind")
    assert box.get("data-note") == (None if field.get("kind") == "date" else key)


def _check_scored_form(form, assessment: dict):
    """Every statement once, in data order, numbered, each with one answer per option of the scale carrying
    its points; the scoring key states the bands and the answers needed. All of it in the HTML, without JS."""
    scale = _scale(assessment)
    fieldsets = form.select("fieldset[data-statement]")
    assert [f["data-statement"] for f in fieldsets] == [q["id"] for q in assessment["questions"]]
    low = scale["options"][0]["value"]
    for number, (fieldset, question) in enumerate(zip(fieldsets, assessment["questions"]), start=1):
        assert _text(fieldset.select_one("[data-text]")) == normalise(plain(question["text"]))
        assert _text(fieldset.select_one(".pb-assessment__number")) == f"{number}."
        radios = fieldset.select("input[type=radio]")
        assert [float(r["data-points"]) for r in radios] == [o["value"] - low for o in scale["options"]]
        assert [_text(r.parent) for r in radios] == [o["label"] for o in scale["options"]]
        assert float(fieldset["data-weight"]) == question.get("weight", 1)
    assert form["data-answers-needed"] == str(assessment["answers_needed"])
    key = form.select_one("details.pb-assessment__key")
    assert [_text(cell) for cell in key.select("[data-band-name]")] == [band["name"] for band in assessment["bands"]]
    assert f"a result needs at least {assessment['answers_needed']} of the {len(assessment['questions'])} answered" in _text(key)


# ---------------------------------------------------------------- the ride-along form


def test_the_observation_form_shows_each_section_its_statements_and_notes_in_order(built_site):
    assessment = _form("ride-along")
    form = content(page(built_site, "coaching/ride-along")).select_one('form[data-assessment="ride-along"]')
    _check_scored_form(form, assessment)
    assert normalise(plain(assessment["audience"])) in _text(form.select_one(".pb-assessment__audience"))

    # Each section's heading once, in order, above its own statements, its notes after them.
    # A section whose behaviours show only the next day (the CRM, the recap) says so on its heading.
    tag = data("strings")["self_assessment"]["rated_the_next_day"]
    named = {s["id"]: normalise(plain(s["name"])) + (f" {tag}" if s.get("rated_the_next_day") else "") for s in assessment["sections"]}
    assert any(name.endswith(tag) for name in named.values())
    headings = form.select("h3.pb-assessment__section")
    assert [_text(h) for h in headings] == list(named.values())
    for question in assessment["questions"]:
        heading = form.select_one(f'fieldset[data-statement="{question["id"]}"]').find_previous("h3")
        assert _text(heading) == named[question["section"]]
        later = next(s for s in assessment["sections"] if s["id"] == question["section"]).get("rated_the_next_day", False)
        assert form.select_one(f'fieldset[data-statement="{question["id"]}"]').has_attr("data-rated-next-day") == later
    for note in assessment["notes"]:
        note_id = f"ride-along--note--{note['id']}"
        _check_write_in(form, note, note_id, note["id"])
        before = form.select_one(f'[id="{note_id}"]').find_previous("fieldset")
        if "section" in note:
            last = [q for q in assessment["questions"] if q["section"] == note["section"]][-1]
            assert before["data-statement"] == last["id"]
        else:
            assert before is None, f"note '{note['id']}' belongs at the top of the form"
    # A manager's case: the existing-customer review's behaviours, rated on a discovery call, sent the next 1:1
    # after a budget holder. Their section says, under its heading, on screen and on paper, when to leave them blank.
    noted = [s for s in assessment["sections"] if s.get("note")]
    assert any(s["id"] == "review" for s in noted)
    for section in noted:
        heading = next(h for h in headings if _text(h) == named[section["id"]])
        assert _text(heading.find_next_sibling()) == normalise(plain(section["note"]))
        assert "pb-assessment__section-note" in heading.find_next_sibling()["class"]


def test_the_observation_form_ends_with_its_debrief_before_the_scoring_key(built_site):
    assessment = _form("ride-along")
    debrief = _debrief(assessment["debrief"])
    form = content(page(built_site, "coaching/ride-along")).select_one('form[data-assessment="ride-along"]')
    block = form.select_one(f'[data-debrief="{debrief["id"]}"]')
    assert _text(block.find("h3")) == debrief["title"]
    assert block.find_previous("fieldset")["data-statement"] == assessment["questions"][-1]["id"]
    assert block.find_next("details")["class"] == ["pb-assessment__key"]
    for prompt in debrief["prompts"]:
        _check_write_in(block, prompt, f"ride-along--debrief--{prompt['id']}", f"debrief:{prompt['id']}")
    assert len(block.select(".pb-write-in")) == len(debrief["prompts"])


def test_only_self_assessments_are_on_the_self_assessments_page(built_site):
    """Each in its own section; the level assessment's (one that rates the levels) points to its own page."""
    article = content(page(built_site, "self-assessments"))
    forms = [form["data-assessment"] for form in article.select("form[data-assessment]")]
    listed = [f for f in data("assessments")["assessments"] if f.get("kind", "self-assessment") == "self-assessment"]
    assert [h["id"] for h in article.select("h2[id]")] == [f["id"] for f in listed]
    assert forms == [f["id"] for f in listed if f.get("questions_from") != "levels"]
    assert "ride-along" not in forms and "which-level" not in forms and len(forms) >= 2
    pointer = article.select_one("h2#which-level").find_next("p").find_next("p")
    assert pointer.get_text(" ", strip=True) == "It covers every level of the ladder, so it has a page of its own: Which level am I? ."
    assert pointer.a["href"] == "../which-level/"
    level_page = content(page(built_site, "which-level"))
    assert [form["data-assessment"] for form in level_page.select("form[data-assessment]")] == ["which-level"]


# ---------------------------------------------------------------- debrief templates


def test_every_debrief_template_is_a_page_section_of_prompts_with_space_to_write(built_site):
    debriefs = data("debriefs")
    article = content(page(built_site, "coaching/debriefs"))
    assert [h["id"] for h in article.select("h2[id]")] == [f"debrief-{d['id']}" for d in debriefs["debriefs"]]
    for debrief in debriefs["debriefs"]:
        section = article.select_one(f'h2[id="debrief-{debrief["id"]}"]').find_next("section", class_="pb-debrief")
        assert normalise(plain(debrief["intro"])) in _text(section)
        for prompt in debrief["prompts"]:
            _check_write_in(section, prompt, f"debrief-{debrief['id']}--{prompt['id']}", None)
        assert len(section.select(".pb-write-in")) == len(debrief["prompts"])
    # Nothing there is a form that could be sent, and nothing is saved: no widget picks these up.
    assert article.select("form") == [] and article.select("[data-note]") == []


def test_the_question_bank_and_the_boot_camp_link_the_templates_that_name_them(built_site):
    debriefs = data("debriefs")["debriefs"]
    places = [
        ("coaching/questions", "stage-", "stages", data("coaching_questions")["stages"]),
        ("coaching/questions-by-situation", "situation-", "situations", data("coaching_questions")["situations"]),
        ("bootcamp", "", "bootcamp_steps", data("bootcamp")["steps"]),
    ]
    linked = 0
    for url, prefix, field, items in places:
        article = content(page(built_site, url))
        for item in items:
            section = article.select_one(f'[id="{prefix}{item["id"]}"]').find_next_sibling("div")
            targets = [urljoin(f"/{url}/", a["href"]).partition("#") for a in section.select("a[href]")]
            found = [anchor for path, _, anchor in targets if path == "/coaching/debriefs/"]
            assert found == [f"debrief-{d['id']}" for d in debriefs if item["id"] in d.get(field, [])], (url, item["id"])
            linked += len(found)
    assert linked >= 6
    situation = content(page(built_site, "coaching/questions-by-situation")).select_one('[id="situation-lost-deal"]')
    assert situation.find_next("a", href=lambda href: "debriefs" in href)["href"] == "../debriefs/#debrief-lost-deal"


# ---------------------------------------------------------------- role-plays


def test_each_role_play_shows_when_the_setting_both_briefs_and_its_rubric(built_site):
    plays = data("role_plays")
    weeks = {week["id"]: week for week in data("bootcamp")["schedule"]}
    article = content(page(built_site, "role-plays"))
    assert [h["id"] for h in article.select("h2[id]") if h["id"].startswith("role-play-")] == [f"role-play-{p['id']}" for p in plays["role_plays"]]
    assert 4 <= len(plays["role_plays"]) <= 6
    for play in plays["role_plays"]:
        block = article.select_one(f'h2[id="role-play-{play["id"]}"]').find_next("div", class_="pb-role-play")
        when = block.select_one(".pb-role-play__when")
        link = when.find("a")
        assert link["href"] == f"../bootcamp/#{play['week']}" and _text(link) == normalise(plain(weeks[play["week"]]["name"]))
        assert f"· {play['minutes']} minutes a run" in _text(when)
        assert normalise(plain(play["setting"])) in _text(block)
        rep = block.select_one(".pb-role-play__brief")
        assert normalise(plain(play["rep"]["objective"])) in _text(rep)
        assert [_text(li) for li in rep.select("li")] == [normalise(plain(fact)) for fact in play["rep"]["you_know"]]
        buyer = block.select_one("details.pb-role-play__buyer")
        assert "for the person playing the buyer only" in _text(buyer.find("summary"))
        assert [_text(li) for li in buyer.select("li")] == [normalise(plain(line)) for line in play["buyer"]["cares_about"] + play["buyer"]["will_say"]]
        for part in ("who", "gives_way_when"):
            assert normalise(plain(play["buyer"][part])) in _text(buyer)
        assert rep.find_next("details") is buyer, "the rep's brief comes first, the buyer's folded away after it"
        rubric = block.select_one(f'form[data-assessment="{play["rubric"]}"]')
        _check_scored_form(rubric, _form(play["rubric"]))
        assert block.select("form[data-assessment]") == [rubric]


def test_the_role_play_page_says_how_to_run_them_and_has_the_debrief_once(built_site):
    plays = data("role_plays")
    article = content(page(built_site, "role-plays"))
    steps = article.select_one('h2[id="how-to-run"]').find_next("ol")
    assert [_text(li) for li in steps.select("li")] == [normalise(plain(step)) for step in plays["how_to_run"]]
    debrief = _debrief(plays["debrief"])
    assert len(article.select(".pb-debrief")) == 1
    for prompt in debrief["prompts"]:
        _check_write_in(article, prompt, f"role-play-debrief--{prompt['id']}", None)


def test_each_boot_camp_week_lists_its_role_plays(built_site):
    plays = data("role_plays")["role_plays"]
    article = content(page(built_site, "bootcamp"))
    for week in data("bootcamp")["schedule"]:
        table = article.select_one(f'h3[id="{week["id"]}"]').find_next("div", class_="pb-week")
        links = [a["href"] for a in table.select("a") if "role-plays/" in a["href"]]
        assert links == [f"../role-plays/#role-play-{p['id']}" for p in plays if p["week"] == week["id"]]
    assert {p["week"] for p in plays} >= {"week-2", "week-3"}


def test_rep_briefs_prompts_and_statements_are_in_the_search_index_and_buyer_briefs_are_not(built_site):
    """A rep searching must not read the buyer's hidden brief before a practice run (a rep's review)."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    corpus = normalise(" ".join(BeautifulSoup(doc["text"], "html.parser").get_text(" ") for doc in index["docs"]))
    for play in data("role_plays")["role_plays"]:
        assert normalise(plain(play["rep"]["you_know"][-1])) in corpus
        assert normalise(plain(play["buyer"]["gives_way_when"])) not in corpus
    for debrief in data("debriefs")["debriefs"]:
        for prompt in debrief["prompts"]:
            assert normalise(plain(prompt["prompt"])) in corpus
    for question in _form("ride-along")["questions"]:
        assert normalise(plain(question["text"])) in corpus


def test_every_form_with_essentials_marks_them_and_its_paper_key_states_the_rule(built_site):
    """On paper too: a manager rating a ride-along by hand sees which statements are essential, and the key says
    what one short of the least answer does to the result, with the form's own band names and answer."""
    forms = [form for form in data("assessments")["assessments"] if form.get("essentials_at_least") is not None]
    assert {form["id"] for form in forms} >= {"ride-along", "was-that-coaching", "role-play-price-objection"}
    urls = {"ride-along": "coaching/ride-along", "was-that-coaching": "self-assessments", "manager-or-coach": "self-assessments"}
    for form_data in forms:
        form = content(page(built_site, urls.get(form_data["id"], "role-plays"))).select_one(f'form[data-assessment="{form_data["id"]}"]')
        statements = form.select("fieldset[data-statement]")
        marked = [fieldset["data-statement"] for fieldset in statements if fieldset.has_attr("data-essential")]
        assert marked == [q["id"] for q in form_data["questions"] if q.get("essential")], form_data["id"]
        for fieldset in statements:
            tags = [tag.get_text() for tag in fieldset.select("legend .pb-tag")]
            assert ("essential" in tags) == (fieldset["data-statement"] in marked)
        numbers = ", ".join(str(index) for index, fieldset in enumerate(statements, 1) if fieldset["data-statement"] in marked)
        scale = next(s for s in data("assessments")["scales"] if s["id"] == form_data["scale"])
        least = next(o["label"] for o in scale["options"] if o["value"] == form_data["essentials_at_least"])
        top, below = form_data["bands"][-1]["name"], form_data["bands"][-2]["name"]
        rule = form.select_one("details.pb-assessment__key [data-essentials-rule]").get_text()
        assert rule.startswith(f"Statement {numbers} is marked" if len(marked) == 1 else f"Statements {numbers} are marked"), rule
        # "at least" only where there is an answer above it: "at least “Yes”" read as a step above Yes
        needs = f"answered “{least}”" if form_data["essentials_at_least"] == max(o["value"] for o in scale["options"]) else f"answered at least “{least}”"
        assert f"“{top}” needs" in rule and needs in rule and f"goes no higher than “{below}”" in rule
        # Where a missed essential fails the form (an observed call, a role-play run), the key says so too.
        lowest, bottom = scale['options'][0]['label'], form_data['bands'][0]['name']
        failed = f"If an essential statement is answered “{lowest}”, the result is “{bottom}”, whatever the score."
        listed = form_data.get("missed_essential_fails")
        # A list of ids is one group that fails the form together; a list of lists, several (Was that coaching?).
        groups = ([listed] if listed and isinstance(listed[0], str) else listed) if isinstance(listed, list) else []
        # A group of one fails the form alone (a ride-along's next step); the key says so in one sentence for all such.
        together = [group for group in groups if len(group) > 1]
        for group in together:
            numbers_of = ", ".join(str(index) for index, fieldset in enumerate(statements, 1) if fieldset["data-statement"] in group)
            assert f"If statements {numbers_of} are all answered “{lowest}”, the result is “{bottom}”, whatever the score." in rule, (form_data["id"], rule)
        alone = [str(index) for index, fieldset in enumerate(statements, 1) if [fieldset["data-statement"]] in groups]
        if len(alone) > 1:
            assert f"If any one of statements {', '.join(alone)} is answered “{lowest}”, the result is “{bottom}”, whatever the score." in rule, (form_data["id"], rule)
        elif alone:
            assert f"If statement {alone[0]} is answered “{lowest}”, the result is “{bottom}”, whatever the score." in rule, (form_data["id"], rule)
        else:
            assert "If statement " not in rule and "If any one of statements" not in rule, (form_data["id"], rule)
        assert (failed in rule) == (listed is True), form_data["id"]
        assert rule.count("are all answered") == len(together), form_data["id"]
        # Essential when rated: answered, such a statement is essential, so where a missed essential fails the
        # form, one of these missed does too (an engineer found the key saying it only held the top band back
        # while the form on screen failed the call).
        when_rated = [index for index, fieldset in enumerate(statements, 1) if fieldset.has_attr("data-essential-when-rated")]
        if when_rated:
            said = form.select_one("details.pb-assessment__key [data-essentials-when-rated-rule]").get_text()
            one = len(when_rated) == 1
            assert said.startswith(f"Statement {when_rated[0]} is marked essential when rated" if one else f"Statements {', '.join(map(str, when_rated))} are marked essential when rated"), said
            fails = f"Answered “{lowest}”, it makes the result “{bottom}”, whatever the score." if one else f"Any one of them answered “{lowest}” makes the result “{bottom}”, whatever the score."
            assert (fails in said) == (listed is True), said
