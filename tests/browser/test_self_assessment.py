"""Self-assessments as a person takes them: answer, read the result, reload, navigate, export, print.
Expected results are worked out here from the YAML files, independently of the widget's code."""

import csv
import io
import json
import math
import re

from tests.helpers import data

PAGE = "self-assessments/"


def _assessment(assessment_id):
    return next(a for a in data("assessments")["assessments"] if a["id"] == assessment_id)


def _scale(assessment):
    return next(s for s in data("assessments")["scales"] if s["id"] == assessment["scale"])


def _score(answers: dict, statements: list, scale) -> int | None:
    """Rounded percentage of the maximum over answered statements (half up, as a reader would round)."""
    values = [o["value"] for o in scale["options"]]
    low, high = min(values), max(values)
    answered = [s for s in statements if s["id"] in answers]
    most = sum(s.get("weight", 1) * (high - low) for s in answered)
    if not most:
        return None
    got = sum(s.get("weight", 1) * (answers[s["id"]] - low) for s in answered)
    return math.floor(100 * got / most + 0.5)


def _band(assessment, score):
    bands = assessment["bands"]
    return next(b for i, b in enumerate(bands) if b["from"] <= score and (score < b["to"] or i == len(bands) - 1))


def _answer(form, statement_id, label):
    form.locator(f'fieldset[data-statement="{statement_id}"]').get_by_role("radio", name=label, exact=True).check()


def test_manager_or_coach_scores_names_the_band_and_calls_out_unanswered(context, site_url):
    assessment = _assessment("manager-or-coach")
    scale = _scale(assessment)
    labels = [o["label"] for o in scale["options"]]
    value_of = {o["label"]: o["value"] for o in scale["options"]}
    statements = assessment["questions"]
    # Answer all but the last two, cycling through the scale so weights and values both matter.
    picks = {s["id"]: labels[(3 * i + 1) % len(labels)] for i, s in enumerate(statements[:-2])}

    page = context.new_page()
    page.goto(site_url + PAGE)
    form = page.locator('form[data-assessment="manager-or-coach"]')
    for statement_id, label in picks.items():
        _answer(form, statement_id, label)

    answers = {k: value_of[v] for k, v in picks.items()}
    score = _score(answers, statements, scale)
    band = _band(assessment, score)
    summary = form.locator("[aria-live]")
    assert summary.text_content() == f"{assessment['result_name']}: {score}% ({band['name']}). 2 of {len(statements)} unanswered, not counted."

    result = form.locator("[data-result]")
    assert result.get_by_role("heading", name=f"{assessment['result_name']}: {score}%").is_visible()
    unanswered = result.get_by_role("heading", name="Not answered yet (not counted)").locator("xpath=following-sibling::ul[1]")
    assert [li.strip() for li in unanswered.locator("li").all_text_contents()] == [s["text"] for s in statements[-2:]]

    # Work on first: the lowest answers (heaviest first on ties), never a statement at the top of the scale.
    high = max(value_of.values())
    weakest = sorted((s for s in statements[:-2] if answers[s["id"]] < high), key=lambda s: (answers[s["id"]], -s.get("weight", 1)))[:3]
    work_on = result.get_by_role("heading", name="Work on first").locator("xpath=following-sibling::ul[1]/li")
    assert work_on.count() == len(weakest)
    for li, statement in zip(work_on.all(), weakest):
        assert li.text_content().startswith(statement["text"])
        assert re.sub(r"\s+", " ", statement["work_on"].split("[")[0].strip()) in re.sub(r"\s+", " ", li.text_content())


def test_which_level_names_the_highest_level_reached_and_what_to_work_on_next(context, site_url):
    assessment = _assessment("which-level")
    scale = _scale(assessment)
    labels = [o["label"] for o in scale["options"]]
    levels = data("levels")["levels"]
    questions = data("coaching_questions")["questions"]
    # Strong on levels 1-3, mixed on 4, weak above; level 2's last behaviour left blank.
    plan = {0: labels[-1], 1: labels[-1], 2: labels[-2], 3: None, 4: labels[0], 5: labels[0]}
    answers = {}
    page = context.new_page()
    page.goto(site_url + PAGE)
    form = page.locator('form[data-assessment="which-level"]')
    for index, level in enumerate(levels):
        for n, behaviour in enumerate(level["behaviours"]):
            label = plan[index] or labels[n % len(labels)]
            if index == 1 and n == len(level["behaviours"]) - 1:
                continue
            _answer(form, behaviour["id"], label)
            answers[behaviour["id"]] = next(o["value"] for o in scale["options"] if o["label"] == label)

    scores = [_score(answers, level["behaviours"], scale) for level in levels]
    reached = [i for i, s in enumerate(scores) if _band(assessment, s).get("reached")]
    current = reached[-1] if reached else 0
    expected = f"Your level: {levels[current]['name']} (level {current + 1} of {len(levels)})"
    assert form.locator("[aria-live]").text_content() == expected + f". 1 of {sum(len(l['behaviours']) for l in levels)} unanswered, not counted."

    result = form.locator("[data-result]")
    rows = result.locator("table tr")
    assert [rows.nth(i).locator("td").first.text_content() for i in range(len(levels))] == [f"{s}%" for s in scores]
    nxt = levels[current + 1]
    assert result.get_by_role("heading", name=f"Behaviours to work on next ({nxt['name']})").is_visible()
    assert f"To move up to {nxt['name']}:" in result.text_content()
    links = result.get_by_role("link").filter(has_text=re.compile(r"\?$"))
    targets = [href.split("#")[1] for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    suits_next = {q["id"] for q in questions if nxt["id"] in q["levels"]}
    assert targets and set(targets) <= suits_next
    links.first.click()
    page.wait_for_url(re.compile(r"/coaching/questions/#" + re.escape(targets[0]) + "$"))


def test_answers_survive_reload_and_instant_navigation_and_clear_resets(context, site_url):
    page = context.new_page()
    page.goto(site_url + PAGE)
    form = page.locator('form[data-assessment="was-that-coaching"]')
    statements = _assessment("was-that-coaching")["questions"]
    _answer(form, statements[0]["id"], "Yes")
    _answer(form, statements[1]["id"], "Partly")
    before = form.locator("[aria-live]").text_content()
    assert before.startswith("Coaching score:")

    page.reload()
    assert form.locator(f'fieldset[data-statement="{statements[1]["id"]}"]').get_by_role("radio", name="Partly").is_checked()
    assert form.locator("[aria-live]").text_content() == before

    page.get_by_role("link", name="Home").first.click()  # instant navigation
    page.wait_for_url(re.compile(r"/$"))
    page.go_back()
    form.wait_for()
    assert form.locator("[aria-live]").text_content() == before

    form.get_by_role("button", name="Clear answers").click()
    assert form.locator("input:checked").count() == 0
    assert form.locator("[aria-live]").text_content() == "Answer the statements above to see your result."
    assert form.locator("[data-result]").is_hidden()


def test_result_downloads_as_json_and_csv_and_copies_as_text(browser, site_url, tmp_path):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + PAGE)
    form = page.locator('form[data-assessment="was-that-coaching"]')
    statements = _assessment("was-that-coaching")["questions"]
    _answer(form, statements[0]["id"], "Yes")
    _answer(form, statements[2]["id"], "No")

    with page.expect_download() as download:
        form.get_by_role("button", name="Download JSON").click()
    summary = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert summary["assessment"] == "was-that-coaching"
    answered = {a["statement_id"]: a["answer"] for a in summary["answers"] if a["answer"]}
    assert answered == {statements[0]["id"]: "Yes", statements[2]["id"]: "No"}

    with page.expect_download() as download:
        form.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert [r["statement"] for r in rows] == [s["text"] for s in statements]
    assert rows[2]["answer"] == "No" and rows[1]["answer"] == ""

    form.get_by_role("button", name="Copy as text").click()
    form.locator("[aria-live]", has_text="Copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Was that coaching? (")
    assert f"- {statements[2]['text']}: No" in copied
    context.close()


def test_no_axe_violations_in_assessments(context, site_url, axe):
    page = context.new_page()
    page.goto(site_url + PAGE)
    form = page.locator('form[data-assessment="manager-or-coach"]')
    _answer(form, _assessment("manager-or-coach")["questions"][0]["id"], "Often")
    form.locator("[data-result]").wait_for()
    assert axe(page, ".pb-assessment") == []


def test_prints_as_a_paper_form_until_answered_then_as_the_result(context, site_url, tmp_path):
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.emulate_media(media="print")
    blank = page.locator('form[data-assessment="was-that-coaching"]')
    answered = page.locator('form[data-assessment="manager-or-coach"]')
    _answer(answered, _assessment("manager-or-coach")["questions"][0]["id"], "Often")
    page.screenshot(path=tmp_path / "print.png", full_page=True)

    radio = blank.get_by_role("radio").first
    assert radio.is_visible()
    assert radio.evaluate("r => getComputedStyle(r).borderRadius") == "50%"
    assert blank.locator("[aria-live]").is_hidden()
    assert answered.locator("fieldset").first.is_hidden()
    assert answered.locator("[data-result]").is_visible()
    assert answered.get_by_role("button", name="Download JSON").is_hidden()


def test_without_javascript_the_form_and_scoring_key_are_there_to_fill_in_by_hand(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    assessment = _assessment("manager-or-coach")
    form = page.locator('form[data-assessment="manager-or-coach"]')
    assert form.locator("fieldset").count() == len(assessment["questions"])
    assert form.get_by_role("radio").count() == len(assessment["questions"]) * len(_scale(assessment)["options"])
    form.get_by_text("How the score works").click()
    assert [b.text_content() for b in form.locator("[data-band-name]").all()] == [b["name"] for b in assessment["bands"]]
    assert form.locator("[data-result]").is_hidden()
    context.close()
