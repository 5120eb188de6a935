"""'Print blank form' on a scored form and a checklist: the printout is that form alone and empty, while the
reader's answers stay on screen and in storage. window.print is replaced by a note of what the page looked
like when it was called, so the test reads the printout's state without a print dialog."""

from datetime import date

from tests.helpers import data, widgets_ready

CATCH_PRINT = "() => { window.print = () => { window.printedBlank = 'printingBlank' in document.documentElement.dataset; }; }"


def _statement_ids(assessment_id: str) -> list[str]:
    assessment = next(a for a in data("assessments")["assessments"] if a["id"] == assessment_id)
    return [question["id"] for question in assessment["questions"]]


def _dark(locator) -> bool:
    return locator.evaluate("input => getComputedStyle(input).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def _form_on(context, url: str, selector: str):
    """The page at url with window.print caught, and the form the test prints."""
    page = context.new_page()
    page.goto(url)
    widgets_ready(page)
    page.evaluate(CATCH_PRINT)
    return page, page.locator(selector)


def test_a_complete_assessment_prints_blank_and_keeps_its_answers(context, site_url):
    page, form = _form_on(context, site_url + "self-assessments/", 'form[data-assessment="manager-or-coach"]')
    for statement_id in _statement_ids("manager-or-coach"):
        form.locator(f'fieldset[data-statement="{statement_id}"]').get_by_role("radio").last.check()
    result = form.locator("[data-result]")
    headline = form.locator(".pb-assessment__summary").text_content()
    picked = form.locator("input[type=radio]:checked").first

    form.get_by_role("button", name="Print blank form: Manager or coach? (your answers stay)").click()
    assert page.evaluate("window.printedBlank") is True
    page.emulate_media(media="print")
    assert form.locator("fieldset").first.is_visible()  # the statements, not the result
    assert result.is_hidden()
    assert picked.is_checked() and not _dark(picked)  # kept, but no mark on paper
    assert page.locator('form[data-assessment="was-that-coaching"]').is_hidden()
    assert page.locator("h1").is_hidden()
    assert "Manager or coach?" in form.evaluate("f => getComputedStyle(f, '::before').content")

    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert result.is_visible()  # the page's own printout: the result again
    assert form.locator("fieldset").first.is_hidden()
    page.emulate_media(media="screen")
    page.reload()
    assert form.locator(".pb-assessment__summary").text_content() == headline


def test_a_checklist_prints_blank_and_keeps_its_ticks(context, site_url):
    page, form = _form_on(context, site_url + "checklists/", 'form[data-checklist="one-to-one-prep"]')
    box = form.get_by_role("checkbox").first
    box.check()

    form.get_by_role("button", name="Print blank form: ", exact=False).click()
    page.emulate_media(media="print")
    assert box.is_visible() and box.is_checked()
    assert box.evaluate("b => getComputedStyle(b).appearance") == "none" and not _dark(box)
    assert form.locator(".pb-checklist__count").is_hidden()
    others = page.locator("form[data-checklist]:not([data-checklist=one-to-one-prep])")
    assert others.count() > 0 and all(other.is_hidden() for other in others.all())
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert others.first.is_visible()


def test_a_blank_ride_along_carries_none_of_the_managers_notes(context, site_url):
    # A UX reviewer's case: the notes were only made invisible, so a "blank" form saved as PDF still held the
    # rep's name, the account and the debrief. Now they are out of their boxes while it prints, and back after.
    page, form = _form_on(context, site_url + "coaching/ride-along/", 'form[data-assessment="ride-along"]')
    note = form.locator("textarea.pb-write-in__box").first
    note.fill("Alice at Halden Foods: lost the buyer at the demo")
    # as when an earlier day's call is open: the line naming its day is about these answers, not the paper's
    still_open = form.locator("[data-assessment-open]")
    still_open.evaluate("line => { line.hidden = false; line.firstElementChild.textContent = 'Still open from Friday'; }")
    form.get_by_role("button", name="Print blank form: ", exact=False).click()
    page.emulate_media(media="print")
    assert still_open.is_hidden()
    boxes = form.locator("textarea, input[type=text]")
    assert boxes.count() > 1 and all(box.input_value() == "" for box in boxes.all())
    assert form.get_by_label("Rep", exact=True).is_visible()  # its own Rep and Date boxes, to write in by hand
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert note.input_value() == "Alice at Halden Foods: lost the buyer at the demo"
    page.reload()
    widgets_ready(page)
    assert note.input_value() == "Alice at Halden Foods: lost the buyer at the demo"  # nothing saved while it printed


def test_a_form_on_paper_has_lines_for_name_and_date_printed_blank_or_as_it_is(context, site_url):
    # Printed blank, the name and date were two stubs: the blank form's rule for its parts beat the lines' own.
    page, form = _form_on(context, site_url + "self-assessments/", 'form[data-assessment="manager-or-coach"]')
    write_in = form.locator(".pb-assessment__write-in")
    lines = "p => [getComputedStyle(p).display, ...[...p.children].map(s => s.getBoundingClientRect().width)]"
    form.get_by_role("button", name="Print blank form: ", exact=False).click()
    page.emulate_media(media="print")
    display, *widths = write_in.evaluate(lines)
    assert display == "flex" and len(widths) == 2 and min(widths) > 100, (display, widths)
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    display, *widths = write_in.evaluate(lines)  # the page's own printout of an unfinished form
    assert display == "flex" and min(widths) > 100, (display, widths)
    page.emulate_media(media="screen")
    assert write_in.is_hidden()


def test_a_printed_result_names_the_rep_and_the_day_and_a_blank_form_neither(context, site_url):
    # A manager's reviewer printed a rep's completed check for the 1:1 file: the result came out under empty
    # "Name" and "Date" lines, so the sheet said neither whose answers nor when they were given.
    page, form = _form_on(context, site_url + "self-assessments/", 'form[data-assessment="was-that-coaching"]')
    write_in = form.locator(".pb-assessment__write-in")
    page.emulate_media(media="print")
    assert write_in.text_content().split() == ["Name:", "Date:"]  # nothing answered: lines to write on
    page.emulate_media(media="screen")
    picker = page.locator('[data-rep-picker][data-for="assessment-was-that-coaching"]')
    picker.get_by_role("button", name="Add a rep…").click()
    picker.get_by_label("Rep's name or initials").fill("Priya Shah")
    picker.get_by_role("button", name="Add", exact=True).click()
    for statement_id in _statement_ids("was-that-coaching"):
        form.locator(f'fieldset[data-statement="{statement_id}"]').get_by_role("radio").last.check()
    day = date.fromisoformat(form.get_attribute("data-day"))
    page.emulate_media(media="print")
    assert form.locator("[data-result]").is_visible()
    assert " ".join(write_in.text_content().split()) == f"Name: Priya Shah Date: {day:%B} {day.day}, {day.year}"  # the reader's language (en-US here)
    lines = "p => [...p.querySelectorAll('span')].map(s => getComputedStyle(s).borderBottomStyle)"
    assert write_in.evaluate(lines) == ["solid", "none", "solid", "none"]  # one line under each, not two

    page.emulate_media(media="screen")
    form.get_by_role("button", name="Print blank form: ", exact=False).click()
    page.emulate_media(media="print")
    assert [line.is_visible() for line in write_in.locator("[data-filled]").all()] == [False, False]
    assert write_in.is_visible()
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert write_in.locator("[data-filled]").first.is_visible()
