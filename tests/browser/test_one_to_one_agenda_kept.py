"""A held 1:1 keeps the questions it asked, as a manager runs a rep's 1:1s week after week with a fixed clock:
questions chosen in the question bank are on the agenda; once the 1:1 is recorded as held (a commitment
written down in it does that too) they stay with that meeting, and next week's agenda starts empty, at the
time the rep's 1:1 was last held. Looking back at last week's 1:1, and changing its commitments, never
touches what it asked or what is chosen for the next one; a 1:1 taken back as not held returns its questions
to the next agenda. A question chosen after a 1:1's day stays for the next one. The questions are the bank's
(data/coaching_questions.yml, read here); what was asked is read back from the workspace's records."""

from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_plan_one_to_one import BANK, PLANNER, ZONE, _add_rep
from tests.helpers import data, plain

MONDAY = datetime(2026, 11, 30, 8, 0)
STATUS = "[data-plan-status]"
KEPT = "[data-plan-kept]"
# Three questions of the bank's, in its order.
FIRST, SECOND, THIRD = (question["id"] for question in data("coaching_questions")["questions"][:3])


@pytest.fixture
def manager(browser):
    context = browser.new_context(timezone_id=ZONE, locale="en-GB")
    page = context.new_page()
    page.clock.set_fixed_time(MONDAY)
    yield page
    context.close()


def _iso(day: datetime | date) -> str:
    return day.strftime("%Y-%m-%d")


def _choose_in_bank(page, site_url, *ids):
    """Add the questions to the chosen rep's next 1:1 with the question bank's buttons, then open the planner."""
    page.goto(site_url + BANK)
    for question in ids:
        button = page.locator(f'[data-basket-add="{question}"]')
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
    page.goto(site_url + PLANNER)
    expect(page.locator("form[data-plan][data-ready]")).to_be_attached()


def _agenda(page) -> list[str]:
    return page.locator("[data-plan-box-questions] li").evaluate_all("items => items.map(item => item.dataset.question)")


def _asked(page) -> dict[str, list[str]]:
    """What each stored 1:1 record keeps as asked, by date."""
    return page.evaluate("""() => Object.fromEntries(Playbook.workspace.records({kind: "one-to-one"})
        .map(record => [record.date, (record.data.agenda || []).map(item => item.id)]))""")


def _commit(page, text):
    page.get_by_role("textbox", name="What", exact=True).fill(text)
    # three days after the 1:1 being planned, whatever this machine's clock says
    meeting = page.locator("[data-plan-date]").input_value() or page.evaluate("() => Playbook.workspace.today()")
    page.get_by_label("Due", exact=True).fill(_iso(date.fromisoformat(meeting) + timedelta(days=3)))
    page.get_by_role("button", name="Add commitment").click()


def _choose_date(page, day: datetime):
    page.get_by_label("Date", exact=True).fill(_iso(day))


def test_a_held_1_1_keeps_its_questions_and_the_next_agenda_starts_empty(manager, site_url):
    page = manager
    monday, next_monday = _iso(MONDAY), _iso(MONDAY + timedelta(weeks=1))
    _add_rep(page, site_url, "Sam")
    _choose_in_bank(page, site_url, FIRST, SECOND)
    assert sorted(_agenda(page)) == sorted([FIRST, SECOND])
    expect(page.locator(KEPT)).to_be_hidden()
    page.get_by_label("Time", exact=True).fill("10:30")

    # Writing down a commitment in the meeting records it as held: the questions stay on its agenda, with it.
    _commit(page, "Send the mutual plan to Acme")
    expect(page.locator(STATUS)).to_contain_text("The 2 questions on the agenda of the 1:1 of Mon 30 Nov stay with it, off the next 1:1's agenda.")
    assert sorted(_agenda(page)) == sorted([FIRST, SECOND])
    expect(page.locator(KEPT)).to_be_visible()
    assert sorted(_asked(page)[monday]) == sorted([FIRST, SECOND])

    # A week on, the agenda starts empty, at the time Sam's 1:1 was held; a question chosen now goes on it.
    page.clock.set_fixed_time(MONDAY + timedelta(weeks=1))
    page.reload()
    expect(page.locator("[data-plan-heading]")).to_contain_text("7 December 2026 at 10:30")
    assert _agenda(page) == []
    expect(page.get_by_label("Time", exact=True)).to_have_value("10:30")
    _choose_in_bank(page, site_url, THIRD)
    assert _agenda(page) == [THIRD]

    # Looking back at last week's 1:1 shows what it asked, not what is chosen for this one; taking its
    # commitment out again leaves what it asked as it was.
    _choose_date(page, MONDAY)
    expect(page.locator(KEPT)).to_be_visible()
    assert sorted(_agenda(page)) == sorted([FIRST, SECOND])
    page.locator("[data-plan-made]").get_by_role("button", name="Remove").click()
    expect(page.locator(STATUS)).to_contain_text("Send the mutual plan to Acme")
    assert sorted(_asked(page)[monday]) == sorted([FIRST, SECOND])
    assert next_monday not in _asked(page), "choosing questions keeps no record of a 1:1 not yet held"

    # Taken back as not held, last week's questions return to the next agenda, ahead of the one chosen since.
    page.get_by_role("button", name="Not held after all").click()
    expect(page.locator(STATUS)).to_contain_text("The 2 questions on the agenda of the 1:1 of Mon 30 Nov are back on the next 1:1's agenda.")
    assert _asked(page)[monday] == []
    _choose_date(page, MONDAY + timedelta(weeks=1))
    expect(page.locator(KEPT)).to_be_hidden()
    assert sorted(_agenda(page)) == sorted([FIRST, SECOND, THIRD])


def test_a_question_not_reached_in_a_held_1_1_goes_back_on_the_next_agenda_and_its_wording_is_kept(manager, site_url):
    page = manager
    _add_rep(page, site_url, "Sam")
    _choose_in_bank(page, site_url, FIRST, SECOND)
    _commit(page, "Send the mutual plan to Acme")
    expect(page.locator(STATUS)).to_contain_text("The 2 questions")
    page.clock.set_fixed_time(MONDAY + timedelta(weeks=1))
    page.reload()
    _choose_date(page, MONDAY)
    expect(page.locator(KEPT)).to_be_visible()
    page.locator(f'[data-plan-box-questions] li[data-question="{SECOND}"]').get_by_role("button", name="Remove").click()
    expect(page.locator(STATUS)).to_contain_text("Taken off this 1:1's agenda and put back on the next one's: ")
    assert _asked(page)[_iso(MONDAY)] == [FIRST]
    _choose_date(page, MONDAY + timedelta(weeks=1))
    assert _agenda(page) == [SECOND]
    # What a held 1:1 asked is kept in its words, for a look back once a leader rewords or removes the question.
    text = next(question["text"] for question in data("coaching_questions")["questions"] if question["id"] == FIRST)
    assert page.evaluate("() => Playbook.workspace.records({kind: 'one-to-one'})[0].data.agenda[0].text") == plain(text)


def test_a_question_chosen_after_the_1_1_s_day_stays_for_the_next_one(manager, site_url):
    page = manager
    _add_rep(page, site_url, "Sam")
    _choose_in_bank(page, site_url, FIRST)
    page.clock.set_fixed_time(MONDAY + timedelta(days=1))
    _choose_in_bank(page, site_url, SECOND)

    # Monday's 1:1, recorded as held on Tuesday, takes only the question chosen by Monday.
    _choose_date(page, MONDAY)
    page.get_by_role("button", name="Record this 1:1 as held").click()
    expect(page.locator(STATUS)).to_contain_text("The question on the agenda of the 1:1 of Mon 30 Nov stays with it, off the next 1:1's agenda.")
    assert _asked(page)[_iso(MONDAY)] == [FIRST]
    assert _agenda(page) == [FIRST]
    _choose_date(page, MONDAY + timedelta(days=1))
    assert _agenda(page) == [SECOND]
