"""The question bank explorer as a person uses it: filter, search, share a link, pick at random, copy, print."""

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.helpers import data, home_and_back_by_instant_navigation, plain

BANK = data("coaching_questions")
NAMES = {
    "Stage": {s["id"]: s["name"] for s in BANK["stages"]},
    "Situation": {s["id"]: s["name"] for s in BANK["situations"]},
    "Mode": {m["id"]: m["name"] for m in data("dilemma")["modes"]},
    "Level": {level["id"]: level["name"] for level in data("levels")["levels"]},
}


def searched_text(question) -> str:
    """What the search box looks in: the question, why it works, and the names of its stage, situations, modes
    and levels."""
    names = [NAMES["Stage"][question["stage"]]] + [NAMES[label][item] for label, key in (("Situation", "situations"), ("Mode", "modes"), ("Level", "levels")) for item in question[key]]
    return " ".join([plain(question["text"]), plain(question.get("why") or ""), *names]).lower()


def matching(stage=None, situation=None, mode=None, level=None, search=""):
    """The ids a selection should show, worked out from the YAML: every filter and every search word must match,
    but for the joining words the search leaves out (data/strings.yml's explorer.ignored_words)."""
    ignored = data("strings")["explorer"]["ignored_words"].lower().split()
    words = [word for word in search.lower().split() if word not in ignored]
    return {
        q["id"]
        for q in BANK["questions"]
        if stage in (None, q["stage"])
        and situation in (None, *q["situations"])
        and mode in (None, *q["modes"])
        and level in (None, *q["levels"])
        and all(word in searched_text(q) for word in words)
    }


def open_explorer(page, url):
    page.goto(url)
    form = page.get_by_role("search", name="Find a question")
    form.wait_for()  # shown by the script, so this waits for it
    return form


def shown_ids(page) -> set[str]:
    return set(page.locator("li.pb-question:visible").evaluate_all("items => items.map(item => item.id)"))


def choose(form, **selection):
    for label, value in selection.items():
        form.get_by_label(label).select_option(label=NAMES[label][value])


def assert_showing(page, form, expected: set[str]):
    assert expected, "a selection that matches nothing proves little"
    assert shown_ids(page) == expected
    total = len(BANK["questions"])
    expect(form.locator("[data-status]")).to_have_text(f"Showing {len(expected)} of {total} questions")
    for stage in BANK["stages"]:
        in_view = any(q["stage"] == stage["id"] and q["id"] in expected for q in BANK["questions"])
        assert page.locator(f"#stage-{stage['id']}").is_visible() == in_view, stage["id"]
        assert page.locator(f".md-sidebar--secondary a[href$='#stage-{stage['id']}']").is_visible() == in_view, stage["id"]


def test_each_filter_combination_shows_exactly_the_matching_questions_and_their_stages(context, site_url):
    page = context.new_page()
    form = open_explorer(page, site_url + "coaching/questions/")
    for selection in (
        {"stage": "commit", "mode": "push"},
        {"situation": "deal-at-risk", "level": "solution-seller"},
        {"stage": "diagnose", "situation": "new-rep", "mode": "coach", "level": "order-taker"},
    ):
        form.get_by_role("button", name="Clear filters").click()
        choose(form, **{name.title(): value for name, value in selection.items()})
        assert_showing(page, form, matching(**selection))


def test_search_matches_every_word_in_the_text_or_why_and_clear_brings_all_back(context, site_url):
    page = context.new_page()
    form = open_explorer(page, site_url + "coaching/questions/")
    form.get_by_label("Search").fill("BUDGET")
    assert_showing(page, form, matching(search="budget"))
    form.get_by_label("Search").fill("Call next")
    assert_showing(page, form, matching(search="call next"))

    form.get_by_label("Search").fill("xylophone")
    assert shown_ids(page) == set()
    expect(form.get_by_text("No questions match these filters.")).to_be_visible()
    assert form.get_by_role("button", name="Give me a question").is_disabled()
    form.get_by_role("button", name="Clear filters").click()
    assert_showing(page, form, matching())
    assert form.get_by_label("Search").input_value() == ""
    assert urlparse(page.url).query == ""


def test_search_finds_questions_by_the_names_of_their_situation_stage_and_level(context, site_url):
    page = context.new_page()
    form = open_explorer(page, site_url + "coaching/questions/")
    form.get_by_label("Search").fill("deal at risk")
    tagged = {q["id"] for q in BANK["questions"] if "deal-at-risk" in q["situations"]}
    assert tagged <= shown_ids(page)
    assert_showing(page, form, matching(search="deal at risk"))
    # only the stage's and the level's names hold these words, besides one question's "committed"
    form.get_by_label("Search").fill("commit order taker")
    assert matching(stage="commit", level="order-taker") < matching(search="commit order taker")
    assert_showing(page, form, matching(search="commit order taker"))


def test_search_leaves_out_the_words_that_join_what_a_manager_looks_for(context, site_url):
    """A coach's case: "skill vs will" found nothing, though a situation is named "skill, will or circumstance"."""
    page = context.new_page()
    form = open_explorer(page, site_url + "coaching/questions/")
    form.get_by_label("Search").fill("skill vs will")
    tagged = {q["id"] for q in BANK["questions"] if "skill-will-or-circumstance" in q["situations"]}
    assert tagged and tagged <= matching(search="skill will") == matching(search="skill vs will")
    assert_showing(page, form, matching(search="skill will"))


def test_a_level_pages_link_opens_the_bank_on_the_questions_that_suit_a_rep_at_that_level(context, site_url):
    """The levels page lists the few questions its behaviours name; "For more" opens the bank filtered to the level."""
    level = data("levels")["levels"][-1]
    page = context.new_page()
    page.goto(site_url + "levels/")
    section = page.locator(f"h2#{level['id']} ~ .pb-level").first
    section.locator("summary").click()
    section.get_by_role("link", name=f"{len(matching(level=level['id']))} questions").click()
    form = page.get_by_role("search", name="Find a question")
    form.wait_for()
    assert form.get_by_label("Level").input_value() == level["id"]
    assert_showing(page, form, matching(level=level["id"]))


def test_a_shared_link_restores_the_selection_across_reload_and_instant_navigation(context, site_url):
    page = context.new_page()
    # a link opened fresh: the unknown stage id is ignored, the valid mode and search apply
    form = open_explorer(page, site_url + "coaching/questions/?stage=no-such-stage&mode=step-back&search=budget")
    assert form.get_by_label("Stage").input_value() == ""
    assert_showing(page, form, matching(mode="step-back", search="budget"))

    form.get_by_label("Search").fill("")
    choose(form, Stage="commit", Mode="push")
    assert parse_qs(urlparse(page.url).query) == {"stage": ["commit"], "mode": ["push"]}
    expected = matching(stage="commit", mode="push")

    page.reload()
    assert_showing(page, form, expected)

    home_and_back_by_instant_navigation(page)
    form.wait_for()
    assert form.get_by_label("Mode").input_value() == "push"
    assert_showing(page, form, expected)


def test_give_me_a_question_focuses_one_of_the_questions_shown(context, site_url):
    page = context.new_page()
    form = open_explorer(page, site_url + "coaching/questions/")
    choose(form, Stage="follow-up")
    expected = matching(stage="follow-up")
    button = form.get_by_role("button", name="Give me a question")
    for _ in range(3):
        button.focus()
        page.keyboard.press("Enter")
        picked = page.locator("li.pb-question:focus")
        assert picked.get_attribute("id") in expected
        expect(picked).to_be_in_viewport()
    assert picked.evaluate("li => getComputedStyle(li).outlineStyle") != "none"


def _copy_name(question) -> str:
    """A Copy button's name: which question it copies, by its first eight words."""
    words = plain(question["text"]).split()
    return f"Copy question: {' '.join(words[:8])}{'…' if len(words) > 8 else ''}"


def test_copy_puts_the_question_text_on_the_clipboard_and_says_so_beside_the_button(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_explorer(page, site_url + "coaching/questions/")
    names = page.evaluate("""() => [...document.querySelectorAll('li.pb-question')].map(li =>
        [li.id, [...li.querySelectorAll('button')].filter(b => b.textContent === 'Copy question').map(b => b.getAttribute('aria-label'))])""")
    assert dict(names) == {q["id"]: [_copy_name(q)] for q in BANK["questions"]}
    assert len({name for _, (name,) in names}) == len(BANK["questions"])  # a screen reader's list tells them apart

    first, second = BANK["questions"][5], BANK["questions"][40]
    page.locator(f"#{first['id']}").get_by_role("button", name=_copy_name(first), exact=True).click()
    copied = page.locator(f"#{first['id']}").get_by_role("status")
    expect(copied).to_have_text("Copied.")  # the clipboard answers asynchronously
    expect(copied).to_be_in_viewport()  # beside the button, not in the filters' status at the top
    assert page.evaluate("navigator.clipboard.readText()") == plain(first["text"])

    page.locator(f"#{second['id']}").get_by_role("button", name=_copy_name(second), exact=True).click()
    expect(page.locator(f"#{second['id']}").get_by_role("status")).to_have_text("Copied.")
    expect(copied).to_have_text("")  # only the latest copy says so
    assert page.evaluate("navigator.clipboard.readText()") == plain(second["text"])
    context.close()


def test_without_javascript_the_page_is_the_full_grouped_list(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "coaching/questions/?stage=commit")
    assert shown_ids(page) == matching()
    assert page.locator("form[data-explorer]").is_hidden()
    # the page has each question's buttons (question.html), shown only with scripts on: none a reader can reach
    assert page.locator("li.pb-question button").count() == 2 * len(BANK["questions"])
    assert page.get_by_role("button").filter(has_text=re.compile("^(Copy question|Add to 1:1)$")).count() == 0
    context.close()


def test_axe_finds_no_violations_in_the_explorer(context, site_url, axe):
    page = context.new_page()
    open_explorer(page, site_url + "coaching/questions/")
    first_question = BANK["questions"][0]["id"]  # one is enough to check the copy button
    assert axe(page, f"form[data-explorer], #{first_question}") == []


def test_print_hides_the_controls_and_keeps_the_questions(context, site_url, tmp_path):
    page = context.new_page()
    open_explorer(page, site_url + "coaching/questions/")
    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / "print.png")
    assert page.locator("form[data-explorer]").evaluate("form => getComputedStyle(form).display") == "none"
    copy = page.get_by_role("button", name="Copy question", include_hidden=True).first
    assert copy.evaluate("button => getComputedStyle(button).display") == "none"
    assert shown_ids(page) == matching()


def test_the_count_is_said_once_typing_pauses_not_at_every_key(context, site_url):
    """A screen-reader reviewer's case: typing "deal at risk" rewrote the count twelve times, talking over the
    reader's own typing. The list filters as they type; the count is said once they stop."""
    page = context.new_page()
    form = open_explorer(page, site_url + "coaching/questions/")
    status = form.locator("[data-status]")
    page.evaluate("""status => { window.said = []; new MutationObserver(() => said.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true}); }""", status.element_handle())
    form.get_by_role("searchbox").press_sequentially("deal at risk", delay=40)
    page.wait_for_function("() => said.length > 0")  # said 700 ms after the last key, so nothing comes after it
    shown = len(shown_ids(page))
    assert 0 < shown < len(BANK["questions"])
    assert page.evaluate("() => said") == [f"Showing {shown} of {len(BANK['questions'])} questions"]
    choose(form, Stage="commit")
    expect(status).not_to_have_text(page.evaluate("() => said[0]"))  # a filter chosen is said at once

