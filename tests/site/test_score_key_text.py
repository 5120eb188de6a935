"""Every "How the score works" reads as sentences: each rule ends with its full stop and the next starts after a
space, in the text a screen reader, search and copy take from it (not only as the browser lays it out)."""

import re

from tests.helpers import content, data, page

FORMS_PAGES = ["self-assessments", "which-level", "coaching", "coaching/ride-along", "role-plays"]


def test_every_score_key_has_a_space_after_each_sentence(built_site):
    keys = [key for url in FORMS_PAGES for key in content(page(built_site, url)).select("details.pb-assessment__key")]
    assert len(keys) >= 8
    for key in keys:
        for part in key.select(":scope > ul, :scope > p"):
            text = part.get_text()  # no separator added: only the spaces the page itself has
            assert not re.search(r"[.,:;)][^\s\d.,)–]", text), re.search(r".{20}[.,:;)][^\s\d.,)–].{20}", text)[0]
            assert " = " not in text


def test_a_form_that_needs_every_answer_says_so_instead_of_that_blanks_are_not_counted(built_site):
    """Manager or coach? and Was that coaching? need every statement answered: their key asks for all of them and
    never says a blank is "not counted"; a form that allows blanks keeps saying how they count."""
    forms = {form["id"]: form for form in data("assessments")["assessments"] if "questions" in form}
    article = content(page(built_site, "self-assessments"))
    for form_id in ("manager-or-coach", "was-that-coaching"):
        form = forms[form_id]
        assert form["answers_needed"] == len(form["questions"]), form_id
        key = article.select_one(f'form[data-assessment="{form_id}"] details.pb-assessment__key').get_text(" ")
        assert f"Answer all {len(form['questions'])} statements" in key and "not counted" not in key, form_id
    ride_along = content(page(built_site, "coaching/ride-along")).select_one("details.pb-assessment__key").get_text(" ")
    assert "Statements you leave blank are not counted" in ride_along
