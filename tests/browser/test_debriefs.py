"""A debrief typed on a phone straight after a meeting, as a rep does it: a phone reviewer typed a call debrief,
tapped a link in a hint and came back to empty boxes, with no way but seven copies to get the answers into the
CRM. What is typed stays in the tab (following a link, a reload), copies as one text and clears; a new tab
starts empty, since customers' words are not kept in the browser for good. Prompts come from data/debriefs.yml."""

import re

from playwright.sync_api import expect

from tests.helpers import data, plain

PAGE = "coaching/debriefs/"


# A link in a template's words to another page (not an anchor on this one, which leaves nothing to come back from).
LEAVES = re.compile(r"\[([^\]]+)\]\((?!#)")


def _with_a_link():
    """The first template with a link to another page in its words (the reviewer tapped one in a hint)."""
    return next(d for d in data("debriefs")["debriefs"] if LEAVES.search(d["intro"] + " ".join(p["prompt"] + p.get("hint", "") for p in d["prompts"])))


def test_a_debrief_survives_a_link_and_back_copies_as_one_text_and_clears(browser, site_url):
    debrief = _with_a_link()
    first, second = debrief["prompts"][:2]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + PAGE)
    section = page.locator(f'section[data-debrief="{debrief["id"]}"]')
    expect(section).to_have_attribute("data-ready", "true")
    section.get_by_label(plain(first["prompt"]), exact=True).fill("Book a discovery meeting with the IT lead")
    section.get_by_label(plain(second["prompt"]), exact=True).fill("Booked for Tuesday;\nshe asked twice about the contract term")

    words = debrief["intro"] + " ".join(p["prompt"] + p.get("hint", "") for p in debrief["prompts"])
    section.get_by_role("link", name=LEAVES.search(words).group(1), exact=True).first.click()  # as the reviewer tapped
    page.wait_for_url(lambda url: PAGE not in url)
    page.go_back()
    section = page.locator(f'section[data-debrief="{debrief["id"]}"]')
    expect(section).to_have_attribute("data-ready", "true")
    expect(section.get_by_label(plain(first["prompt"]), exact=True)).to_have_value("Book a discovery meeting with the IT lead")
    page.reload()
    expect(section.get_by_label(plain(second["prompt"]), exact=True)).to_have_value("Booked for Tuesday;\nshe asked twice about the contract term")

    section.get_by_role("button", name="Copy the answers").click()
    expect(section.get_by_role("status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join([
        plain(debrief["title"]),
        "", plain(first["prompt"]), "Book a discovery meeting with the IT lead",
        "", plain(second["prompt"]), "Booked for Tuesday;\nshe asked twice about the contract term",
    ])

    # Another tab of the same browser starts empty: the answers live in their own tab only.
    other = context.new_page()
    other.goto(site_url + PAGE)
    other_section = other.locator(f'section[data-debrief="{debrief["id"]}"]')
    expect(other_section).to_have_attribute("data-ready", "true")
    expect(other_section.get_by_label(plain(first["prompt"]), exact=True)).to_have_value("")

    page.once("dialog", lambda dialog: dialog.accept())
    section.get_by_role("button", name="Clear the answers").click()
    expect(section.get_by_role("status")).to_have_text("The answers are cleared.")
    expect(section.get_by_label(plain(first["prompt"]), exact=True)).to_have_value("")
    page.reload()
    expect(section).to_have_attribute("data-ready", "true")
    expect(section.get_by_label(plain(second["prompt"]), exact=True)).to_have_value("")
    context.close()
