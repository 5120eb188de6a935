"""Every "How the score works" reads as sentences: each rule ends with its full stop and the next starts after a
space, in the text a screen reader, search and copy take from it (not only as the browser lays it out)."""

import re

from tests.helpers import content, page

FORMS_PAGES = ["self-assessments", "which-level", "coaching", "coaching/ride-along", "role-plays"]


def test_every_score_key_has_a_space_after_each_sentence(built_site):
    keys = [key for url in FORMS_PAGES for key in content(page(built_site, url)).select("details.pb-assessment__key")]
    assert len(keys) >= 8
    for key in keys:
        for part in key.select(":scope > ul, :scope > p"):
            text = part.get_text()  # no separator added: only the spaces the page itself has
            assert not re.search(r"[.,:;)][^\s\d.,)–]", text), re.search(r".{20}[.,:;)][^\s\d.,)–].{20}", text)[0]
            assert " = " not in text
