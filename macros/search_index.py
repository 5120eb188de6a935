"""What the site's search (material's search plugin) finds, and the build's last step that makes it so. Two marks in the templates decide it:

- `data-search-exclude` (material's own attribute) on every element that is the site's interface rather than
  the handbook: buttons, filters and their labels, status lines, links to a line of a data file. A search for a
  word of the handbook should never land on the word "Reset". Lists that repeat items another page owns carry
  it too (the questions by situation and by level repeat the question bank), so each item has one home.
- `data-search-entry` (ours, with `data-search-exclude` beside it) on an item that is its own search result:
  material divides a page only at headings, so without it a question is one line in its stage's section. The
  element has an `id` (where the result lands); its first paragraph is the result's title, the rest its text.

Material indexes each page as the engine builds it; after the build, `add_item_entries` reads the built pages,
makes the marked items' entries with material's own parser, so they read like every other entry, and adds them
to the index material wrote. (Under `make serve` the engine builds into a folder of its own, so the preview's
search finds a question in its section, not on its own.)
"""

import hashlib
import json
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from material.plugins.search.plugin import Parser

# The file in the build's cache folder holding the entries made last time.
CACHE_ENTRY = "search-entries.json"
_FIRST_PARAGRAPH = re.compile(r"^\s*<p>(?P<title>.*?)</p>(?P<text>.*)$", re.DOTALL)

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


def add_item_entries(site: Path, pages: dict[str, list[str]], cache: Path | None = None) -> None:
    """Add to the built site's search index the entries of every item marked in its pages (`pages`: each page's
    URL and tags), in place of any entry the index has at the same place, after the entries of the page's own.
    With a `cache` folder, a page whose article is as last time reuses the entries made from it then."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    order = {url: number for number, url in enumerate(dict.fromkeys(doc["location"].partition("#")[0] for doc in index["docs"]))}
    known = _cached(cache)
    made: dict[str, list[dict]] = {}
    added = []
    for url in sorted(pages, key=lambda url: order.get(url, len(order))):
        html = (site / (url + "index.html" if url.endswith("/") or not url else url)).read_text(encoding="utf-8")
        # Marked items are the handbook's, so in the page's article: reading only that halves the parser's work.
        article = html[html.find("<article"):html.rfind("</article>")]
        if "data-search-entry" not in article:
            continue
        key = hashlib.sha256(json.dumps([url, pages[url], article]).encode()).hexdigest()
        made[key] = known[key] if key in known else item_entries(article, url, pages[url])
        added += made[key]
    locations = {entry["location"] for entry in added}
    index["docs"] = [doc for doc in index["docs"] if doc["location"] not in locations] + added
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    if cache and made != known:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=cache, delete=False, encoding="utf-8") as file:
            json.dump(made, file)
        os.replace(file.name, cache / CACHE_ENTRY)


def _cached(cache: Path | None) -> dict[str, list[dict]]:
    """The entries made last time, by a hash of the page they were made from."""
    try:
        return json.loads((cache / CACHE_ENTRY).read_text(encoding="utf-8")) if cache else {}
    except (OSError, ValueError):
        return {}
