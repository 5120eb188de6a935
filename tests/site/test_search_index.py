"""The built search index (search/search_index.json, read as material's search reads it) holds the handbook and
not the site's interface: each coaching question is its own entry on the question bank, and no button,
filter, status line or line link reaches it. Expectations come from the built pages and the YAML."""

import html
import json
import re

from tests.helpers import data, plain


def _index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_each_question_is_one_entry_at_its_anchor_on_the_bank_and_in_no_other_entry(built_site):
    entries = _index(built_site)
    for question in data("coaching_questions")["questions"]:
        text = plain(question["text"])
        own = [entry for entry in entries if entry["location"] == f"coaching/questions/#{question['id']}"]
        assert [_text(entry["title"]) for entry in own] == [text]
        assert plain(question["why"]) in _text(own[0]["text"])
        assert [entry["location"] for entry in entries if text in _text(entry["text"])] == [], question["id"]
