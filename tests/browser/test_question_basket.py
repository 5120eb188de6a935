"""The question basket on Plan a 1:1, as a manager meets it weeks after choosing the questions: one a leader
has reworded since shows its wording now and says so (the basket keeps each question's fingerprint,
macros/fingerprints.py), one taken out of the bank leaves a note instead of vanishing, and removing questions
with the keyboard keeps the focus in the basket and says what was removed."""

import re

from playwright.sync_api import expect

from macros.fingerprints import fingerprint
from tests.browser import test_plan_one_to_one
from tests.browser.test_plan_one_to_one import _add_rep, _three_questions
from tests.helpers import plain

# What the basket held, stored as question-basket.js stores it, before a leader edited the bank.
SEED_BASKET = """([rep, questions]) => Playbook.save(Playbook.workspace.draftKey(rep), {version: 2, questions})"""
CURRENT = "() => Playbook.workspace.current()"
manager = test_plan_one_to_one.manager  # the same fixed clock and time zone as the planner's own tests


def _agenda(page):
    return page.get_by_role("region", name="The agenda")


def test_a_reworded_question_shows_its_wording_now_and_a_removed_one_leaves_a_note(manager, site_url):
    page = manager
    _add_rep(page, site_url, "Sam")
    reworded, kept = _three_questions()[:2]
    old_wording = "What do you want from the call?"
    gone = "What did the buyer say about budget?"
    page.evaluate(SEED_BASKET, [page.evaluate(CURRENT), [
        {"id": reworded["id"], "fingerprint": fingerprint(old_wording), "text": old_wording},
        {"id": kept["id"], "fingerprint": fingerprint(kept["text"]), "text": plain(kept["text"])},
        {"id": "budget-they-named", "fingerprint": fingerprint(gone), "text": gone},
    ]])
    page.reload()
    agenda = _agenda(page)
    changed = agenda.locator("[data-plan-box-questions] > li").filter(has_text=plain(reworded["text"]))
    expect(changed).to_contain_text("Changed since you added it: this is its wording now.")
    expect(agenda.locator("[data-plan-box-questions] > li").filter(has_text=plain(kept["text"]))).not_to_contain_text("Changed since")
    expect(agenda.get_by_text("Changed since you added it")).to_have_count(1)
    expect(agenda.get_by_role("list", name="Questions no longer in the bank").locator("li")).to_have_text(
        [f"No longer in the question bank (a leader took it out after you added it): \u201c{gone}\u201d Remove"]
    )

    changed.get_by_role("button", name=f"Keep the new wording: {plain(reworded['text'])}").click()
    expect(changed.get_by_role("button", name=f"Remove: {plain(reworded['text'])}")).to_be_focused()
    expect(page.locator("[data-plan-status]")).to_have_text(f"Kept in its new wording: {plain(reworded['text'])}")
    page.reload()
    expect(agenda.get_by_text("Changed since you added it")).to_have_count(0)


def test_a_basket_from_before_fingerprints_notes_a_question_no_longer_in_the_bank(manager, site_url):
    page = manager
    _add_rep(page, site_url, "Sam")
    question = _three_questions()[0]
    page.evaluate("([rep, questions]) => Playbook.save(Playbook.workspace.draftKey(rep), {version: 1, questions})", [page.evaluate(CURRENT), [question["id"], "budget-they-named"]])
    page.reload()
    agenda = _agenda(page)
    expect(agenda.locator("[data-plan-box-questions] li span")).to_have_text([plain(question["text"])])
    expect(agenda.get_by_text("Changed since you added it")).to_have_count(0)
    expect(agenda.get_by_role("list", name="Questions no longer in the bank")).to_have_text(
        "A question you added is no longer in the question bank: a leader took it out after you added it. Remove"
    )


def test_removing_questions_with_the_keyboard_keeps_the_focus_in_the_basket_and_says_so(manager, site_url):
    page = manager
    _add_rep(page, site_url, "Sam")
    questions = _three_questions()
    page.evaluate(SEED_BASKET, [page.evaluate(CURRENT), [{"id": q["id"], "fingerprint": fingerprint(q["text"]), "text": plain(q["text"])} for q in questions]])
    page.reload()
    agenda = _agenda(page)
    removes = agenda.get_by_role("button", name=re.compile("^Remove: "))
    expect(removes).to_have_count(3)
    first, middle, last = (name.removeprefix("Remove: ") for name in removes.evaluate_all("buttons => buttons.map(b => b.getAttribute('aria-label'))"))

    agenda.get_by_role("button", name=f"Remove: {middle}").focus()
    page.keyboard.press("Enter")
    expect(agenda.get_by_role("button", name=f"Remove: {last}")).to_be_focused()
    expect(page.locator("[data-plan-status]")).to_have_text(f"Taken off the agenda: “{middle}” 2 questions left.")  # not "?." read out

    page.keyboard.press("Enter")  # the last one: the one before takes the focus
    expect(agenda.get_by_role("button", name=f"Remove: {first}")).to_be_focused()
    expect(page.locator("[data-plan-status]")).to_have_text(f"Taken off the agenda: “{last}” 1 question left.")

    page.keyboard.press("Enter")
    expect(agenda.get_by_role("heading", name="The agenda")).to_be_focused()
    expect(page.locator("[data-plan-status]")).to_have_text(f"Taken off the agenda: “{first}” The agenda is empty.")
    expect(removes).to_have_count(0)


def test_removing_a_commitment_keeps_the_focus_on_the_next(manager, site_url):
    page = manager
    _add_rep(page, site_url, "Sam")
    for text in ("Send the mutual plan to Acme", "Book the ride-along"):
        page.get_by_label("What", exact=True).fill(text)
        page.get_by_label("Due").fill("2026-12-03")
        page.get_by_role("button", name="Add commitment").click()
    made = page.get_by_role("list", name="Commitments from this 1:1")
    expect(made.locator("li")).to_have_count(2)
    made.get_by_role("button", name="Remove: Send the mutual plan to Acme").focus()
    page.keyboard.press("Enter")
    expect(made.get_by_role("button", name="Remove: Book the ride-along")).to_be_focused()
    expect(page.locator("[data-plan-status]")).to_have_text("Removed: Send the mutual plan to Acme")


def test_the_question_bank_says_whose_1_1_its_buttons_add_to_and_keeps_it_in_view(manager, site_url):
    # A UX reviewer's case: "Add to 1:1" on the bank went to whichever rep was chosen last, anywhere, and the
    # message naming them was hidden. The line says whose 1:1 before any click, says what a click did, and stays
    # at the foot of the screen down the long list.
    page = manager
    page.goto(site_url + "coaching/questions/")
    line = page.locator(".pb-basket__whose")
    # a manager preparing a rep's 1:1 is told where to choose the rep (a coach couldn't tell where it went)
    expect(line).to_have_text("“Add to 1:1” adds a question to the agenda for your own next 1:1; to add it to a rep's, choose the rep under “Whose answers” above the list.")
    _add_rep(page, site_url, "Sam")  # chosen on the planner
    page.goto(site_url + "coaching/questions/")
    expect(line).to_have_text("“Add to 1:1” adds a question to the agenda for your next 1:1 with Sam, chosen under “Whose answers” above the list and on every tool.")
    first = page.locator("li.pb-question[data-basket-ready]").first
    # each button named by its question (a screen reader's list of 160 buttons all read "Add to 1:1")
    names = page.locator("[data-basket-add]").evaluate_all("buttons => buttons.map(b => b.getAttribute('aria-label'))")
    texts = page.locator("li.pb-question .pb-question__text").all_text_contents()
    assert names == [f"Add to 1:1: {' '.join(t.split()[:8])}{'…' if len(t.split()) > 8 else ''}" for t in texts]
    first.get_by_role("button", name="Add to 1:1").click()
    expect(line).to_have_text("Added to the 1:1 with Sam: 1 question chosen.")
    # A manager's case: questions meant for Fay went to Sam, chosen last on another page, and the bank had no
    # way to choose. The rep is chosen here, and the buttons show that rep's questions.
    _add_rep(page, site_url, "Fay")
    page.goto(site_url + "coaching/questions/")
    picker = page.locator("[data-rep-picker]")
    expect(picker.get_by_label("Whose answers")).to_have_value(re.compile(r".+"))
    picker.get_by_label("Whose answers").select_option(label="Sam")
    expect(line).to_contain_text("your next 1:1 with Sam,")
    expect(first.get_by_role("button", name="Added to 1:1")).to_have_attribute("aria-pressed", "true")
    picker.get_by_label("Whose answers").select_option(label="Fay")
    expect(line).to_contain_text("your next 1:1 with Fay,")
    expect(first.get_by_role("button", name="Add to 1:1")).to_have_attribute("aria-pressed", "false")
    first.get_by_role("button", name="Add to 1:1").click()
    expect(line).to_have_text("Added to the 1:1 with Fay: 1 question chosen.")
    picker.get_by_label("Whose answers").select_option(label="Sam")
    expect(line).to_have_attribute("role", "status")
    page.locator("li.pb-question").nth(40).scroll_into_view_if_needed()
    box, height = line.bounding_box(), page.viewport_size["height"]
    assert abs(box["y"] + box["height"] - height) <= 1, (box, height)  # at the foot of the screen


def test_on_a_phone_the_line_saying_whose_1_1_never_covers_the_control_tabbed_to(browser, site_url):
    """An accessibility reviewer's case: at 390 px the line, wrapped onto two lines, covered the "Add to 1:1"
    button a keyboard user had just tabbed to. Each control focused down the list sits above the line."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "coaching/questions/")
    picker = page.locator("[data-rep-picker]")
    picker.get_by_role("button", name="Add a rep…").click()
    picker.get_by_label("Rep's name or initials").fill("Sam")
    picker.get_by_role("button", name="Add", exact=True).click()
    line = page.locator(".pb-basket__whose")
    expect(line).to_contain_text("your next 1:1 with Sam")
    assert line.bounding_box()["height"] > 70, "the case needs the line wrapped onto three lines"
    first = page.locator("li.pb-question[data-basket-ready]").first
    first.get_by_role("button", name="Copy question").focus()
    buttons = 0
    while buttons < 12:
        page.keyboard.press("Tab")
        # once any smooth scroll has settled, the focused control's foot is above the line's top
        page.wait_for_function("""() => {
            const el = document.activeElement, bar = document.querySelector('.pb-basket__whose');
            return el.closest('article') && el.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top;
        }""")
        buttons += page.evaluate("() => document.activeElement.matches('[data-basket-add]')")
    context.close()
