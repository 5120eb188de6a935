"""MkDocs hook: what the site's search (material's search plugin) finds. Two marks in the templates decide it:

- `data-search-exclude` (material's own attribute) on every element that is the site's interface rather than
  the handbook: buttons, filters and their labels, status lines, links to a line of a data file. A search for a
  word of the handbook should never land on the word "Reset". Lists that repeat items another page owns carry
  it too (the questions by situation and by level repeat the question bank), so each item has one home.
- `data-search-entry` (ours, with `data-search-exclude` beside it) on an item that is its own search result:
  material divides a page only at headings, so without it a question is one line in its stage's section. The
  element has an `id` (where the result lands); its first paragraph is the result's title, the rest its text.

Material indexes each page as it renders; this hook reads the same page, makes the marked items' entries
with material's own parser, so they read like every other entry, and adds them to the index material wrote.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from material.plugins.search.plugin import Parser
from mkdocs.plugins import event_priority

_FIRST_PARAGRAPH = re.compile(r"^\s*<p>(?P<title>.*?)</p>(?P<text>.*)$", re.DOTALL)

# Page URL → the entries of the items marked on it, kept across the rebuilds of `mkdocs serve --dirty`, which
# renders only the changed page (material keeps the other pages' entries the same way).
_entries: dict[str, list[dict]] = {}


class _MarkedItems(HTMLParser):
    """The elements of a page marked `data-search-entry`, as (id, the HTML inside), read as a browser reads
    tags, so no text or attribute value can pass for a mark."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.items: list[tuple[str, str]] = []
        self.open: dict | None = None  # the marked element being read: tag, id, where its inside starts, depth
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.open:
            self.open["depth"] += tag == self.open["tag"]
        elif "data-search-entry" in dict(attrs):
            self.open = {"tag": tag, "id": dict(attrs)["id"], "start": self._offset() + len(self.get_starttag_text()), "depth": 1}

    def handle_endtag(self, tag):
        if self.open and tag == self.open["tag"]:
            self.open["depth"] -= 1
            if not self.open["depth"]:
                self.items.append((self.open["id"], self.html[self.open["start"] : self._offset()]))
                self.open = None


def item_entries(html: str, page_url: str, tags: list[str] | None = None) -> list[dict]:
    """The search entries of the items marked `data-search-entry` in a page's HTML."""
    entries = []
    for item_id, inner in _MarkedItems(html).items:
        parser = Parser()
        parser.feed(inner)
        parser.close()
        parts = _FIRST_PARAGRAPH.match("".join(parser.data[0].text)) if parser.data else None
        if not parts:
            continue
        entry = {"location": f"{page_url}#{item_id}", "title": parts["title"].strip(), "text": parts["text"].strip()}
        if tags:
            entry["tags"] = [str(tag) for tag in tags]
        entries.append(entry)
    return entries


def on_page_context(context, page, config, nav):
    if "data-search-entry" in page.content or page.url in _entries:
        _entries[page.url] = item_entries(page.content, page.url, page.meta.get("tags"))
    return context


@event_priority(-100)  # after material's search plugin has written the index
def on_post_build(config):
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    added = [entry for entries in _entries.values() for entry in entries]
    locations = {entry["location"] for entry in added}
    index["docs"] = [doc for doc in index["docs"] if doc["location"] not in locations] + added
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
