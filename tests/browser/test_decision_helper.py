"""The decision helper as a manager uses it: tick signals, read the recommendation, come back later, print it.

Expected results are worked out here from data/dilemma.yml and data/coaching_questions.yml, not from the model.
"""

import re

from playwright.sync_api import expect

from tests.helpers import data, plain

PAGE = "coaching/dilemma/"


def _signals(mode: dict, *indexes: int) -> list[dict]:
    return [mode["signals"][index] for index in indexes]


def _open(context, site_url):
    page = context.new_page()
    page.goto(site_url + PAGE)
    helper = page.locator("form[data-decision]")
    helper.locator("[data-result]").wait_for()  # visible once decision.js has run
    return page, helper


def _tick(helper, signals: list[dict]) -> None:
    for signal in signals:
        helper.get_by_label(plain(signal["text"]), exact=True).check()


def _result(helper):
    return helper.locator("[data-outcome]:not([hidden])")


def test_ticked_signals_recommend_the_heaviest_mode_with_its_reasons_pitfalls_and_questions(context, site_url):
    coach, push, step_back = data("dilemma")["modes"]
    ticked = {coach["id"]: _signals(coach, 0, 1), push["id"]: _signals(push, -1), step_back["id"]: _signals(step_back, -1)}
    totals = {mode_id: sum(signal["weight"] for signal in signals) for mode_id, signals in ticked.items()}
    winner = next(mode for mode in (coach, push, step_back) if totals[mode["id"]] == max(totals.values()))
    assert sorted(totals.values())[-2] < totals[winner["id"]], "the chosen ticks must have one clear winner"

    page, helper = _open(context, site_url)
    _tick(helper, [signal for signals in ticked.values() for signal in signals])

    result = _result(helper)
    heading = f"Recommendation: {winner['name']} (total weight {totals[winner['id']]})"
    assert result.get_by_role("heading", level=3).text_content() == heading
    assert helper.get_by_role("status").text_content().startswith(heading)
    assert result.get_by_text(plain(winner["summary"])).is_visible()
    assert result.locator("[data-reason]:visible").all_text_contents() == [plain(s["text"]) for s in ticked[winner["id"]]]
    others = [f"{mode['name']}: total weight {totals[mode['id']]}" for mode in (coach, push, step_back) if mode is not winner]
    assert result.locator("[data-line]:visible").all_text_contents() == others
    for advice in winner["pitfalls"] + winner["doing_it_well"]:
        assert result.get_by_text(plain(advice), exact=True).is_visible()

    bank = data("coaching_questions")
    hrefs = [link.get_attribute("href") for link in result.get_by_role("link").all()]  # material makes them absolute
    linked = [re.search(r"/coaching/questions/#([\w-]+)$", href).group(1) for href in hrefs]
    questions = {question["id"]: question for question in bank["questions"]}
    suited = [q for q in bank["questions"] if winner["id"] in q["modes"]]

    def overlap(question):
        return len(set(question["situations"]) & set(winner["situations"]))

    # One question per stage that has any for the mode, none beaten on shared situations within its stage.
    assert [questions[qid]["stage"] for qid in linked] == [s["id"] for s in bank["stages"] if any(q["stage"] == s["id"] for q in suited)]
    for qid in linked:
        assert overlap(questions[qid]) == max(overlap(q) for q in suited if q["stage"] == questions[qid]["stage"])

    result.get_by_role("link").first.click()  # the links land on those questions in the bank
    page.wait_for_url(re.compile(r"/questions/#"))
    assert all(page.locator(f'[id="{qid}"]').count() == 1 for qid in linked)


def test_a_tie_is_a_close_call_naming_the_tied_modes(context, site_url):
    dilemma = data("dilemma")
    coach, push, step_back = dilemma["modes"]
    coach_signal = coach["signals"][0]
    push_signal = next(signal for signal in push["signals"] if signal["weight"] == coach_signal["weight"])

    page, helper = _open(context, site_url)
    _tick(helper, [coach_signal, push_signal])

    result = _result(helper)
    assert result.get_by_role("heading", level=3).text_content() == "A close call"
    tied = [f"{mode['name']}: total weight {coach_signal['weight']}" for mode in (coach, push)]
    assert result.locator("[data-line]:visible").all_text_contents() == tied
    assert step_back["name"] not in result.inner_text()
    for question in dilemma["read_the_moment"]:
        assert result.get_by_text(plain(question), exact=True).is_visible()
    assert all(name in helper.get_by_role("status").text_content() for name in (coach["name"], push["name"]))


def test_ticks_survive_reload_and_instant_navigation_and_reset_clears_them(context, site_url):
    coach = data("dilemma")["modes"][0]
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + PAGE)
    page.evaluate("""() => {
        const config = JSON.parse(document.getElementById('__config').textContent);
        const root = new URL(config.base, location.href);
        localStorage.setItem('playbook:v1:' + root.origin + root.pathname + ':decision:dilemma', '{not json');
    }""")
    page.reload()
    helper = page.locator("form[data-decision]")
    prompt = helper.locator("[data-outcome=none]")
    expect(prompt).to_be_visible()
    expect(helper.get_by_role("checkbox", checked=True)).to_have_count(0)

    first = helper.get_by_label(plain(coach["signals"][0]["text"]), exact=True)
    first.focus()
    page.keyboard.press("Space")  # keyboard only
    heading = helper.get_by_role("heading", name=re.compile(f"^Recommendation: {coach['name']}"))
    expect(heading).to_be_visible()

    page.reload()
    expect(heading).to_be_visible()
    expect(first).to_be_checked()

    page.get_by_role("link", name="Home").first.click()  # instant navigation
    page.wait_for_url(re.compile(r"/$"))
    page.go_back()
    expect(heading).to_be_visible()
    expect(first).to_be_checked()

    helper.get_by_role("button", name="Reset").click()
    expect(prompt).to_be_visible()
    expect(first).not_to_be_checked()
    page.reload()
    expect(prompt).to_be_visible()
    expect(first).not_to_be_checked()
    assert errors == []


def test_without_javascript_the_helper_is_a_table_to_score_with_a_pen(browser, site_url):
    modes = data("dilemma")["modes"]
    expected = sorted([plain(s["text"]), mode["name"], str(s["weight"])] for mode in modes for s in mode["signals"])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    helper = page.locator("form[data-decision]")
    rows = [[cell.strip() for cell in row.get_by_role("cell").all_text_contents()] for row in helper.get_by_role("row").all()[1:]]
    assert sorted(rows) == expected
    changes = sum(1 for before, after in zip(rows, rows[1:]) if before[1] != after[1])
    assert changes > len(modes) - 1, "signals are mixed, not grouped by mode"
    assert helper.get_by_text("the highest total wins").is_visible()
    assert helper.get_by_role("heading").count() == 0  # no result without the script to work it out
    context.close()


def test_axe_finds_no_violations_in_the_decision_helper(context, site_url, axe):
    coach, push, _ = data("dilemma")["modes"]
    page, helper = _open(context, site_url)
    _tick(helper, _signals(coach, 0) + _signals(push, -1))
    assert axe(page, "form[data-decision]") == []


def test_print_shows_the_scoring_table_with_the_ticks_and_hides_the_reset(context, site_url, tmp_path):
    push = data("dilemma")["modes"][1]
    page, helper = _open(context, site_url)
    _tick(helper, _signals(push, 0))
    points_to = helper.get_by_role("columnheader", name="Points to", include_hidden=True)
    assert points_to.evaluate("cell => getComputedStyle(cell).display") == "none"  # on screen the modes stay hidden

    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / "print.png", full_page=True)
    assert points_to.evaluate("cell => getComputedStyle(cell).display") == "table-cell"
    assert helper.get_by_text("the highest total wins").is_visible()
    assert helper.get_by_label(plain(push["signals"][0]["text"]), exact=True).is_checked()
    reset = helper.get_by_role("button", name="Reset", include_hidden=True)
    assert reset.evaluate("button => getComputedStyle(button).display") == "none"
