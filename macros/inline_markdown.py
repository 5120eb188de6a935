"""Inline Markdown for data text: bold, italics, code and links, and nothing that could run.

Raw HTML in data is shown as typed, links may only be web, mail, phone or handbook-page links,
images become their alt text, and Markdown/Jinja/attribute-list syntax characters in the output are
written as character references so no later pass (the page's Markdown, attr_list, Jinja) can act on them.
The first use of each glossary term on a page is marked with its definition as a tooltip.
"""

import html
import posixpath
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .glossary import TermFinder
from .model import Term

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# Characters with a meaning to Markdown, attr_list or Jinja, written as references outside tags.
_PROTECT = re.compile(r"&#?\w+;|<[^>]*>|[\\`*_\[\]{}#!~=^|:%]")
# One line that Markdown would return as it is: it starts like a sentence, has none of the characters inline
# Markdown acts on, and no trailing space. Most data text is like this, and skipping the Markdown parser for it
# makes a build markedly faster.
_PLAIN = re.compile(r"(?:[^\W_]|[\"'(“‘])[^\x00-\x1f\x7f-\x9f\\`*_\[\]<>&!]*(?<!\s)")
# Markdown's block syntax, which has no place in one line of inline text: "1. Weihnachtsfeiertag" is a name, not
# a numbered list, and "# 1 priority" no heading.
_BLOCKS = ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote")
# A tooltip's text inside a tag, which the characters above must not reach unprotected either.
_TITLE = re.compile(r'(?<= title=")[^"]*')
_TAG = re.compile(r"<[^>]*>")
# Where a term is not marked: a link is already something to click, and code is shown as typed.
_UNMARKED = {"a", "code"}


def page_url(docs_path: str, use_directory_urls: bool = True) -> str:
    """The site URL (relative to the site root) of a page in docs/, as MkDocs writes it."""
    if not use_directory_urls:
        return docs_path[:-3] + ".html"
    stem = docs_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative_url(target: str, from_url: str) -> str:
    """`target` (site-root relative) as a link from the page at `from_url`."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


class _LinkGuard(Treeprocessor):
    """Drop unsafe link targets, resolve links to handbook pages, and turn images into text."""

    def __init__(self, md, renderer: "InlineMarkdown"):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = etree.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a":
                    href = self.renderer.resolve(child.get("href", ""))
                    if href is None:
                        child.tag = "span"
                        child.attrib.clear()
                    else:
                        # Braces percent-encoded, so a link target can never carry Jinja marks into the page.
                        child.attrib = {"href": href.replace("{", "%7B").replace("}", "%7D")}


class _TermMarker(Treeprocessor):
    """Wrap the first use of each glossary term on the page in <abbr title="its definition" data-term="its id">,
    outside links and code. overrides/assets/term-tooltip.js shows the title as a tooltip; tabindex lets a
    keyboard or a tap reach it, and without JavaScript the browser shows the title itself."""

    def __init__(self, md, renderer: "InlineMarkdown"):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        if self.renderer.explaining:
            self._mark_within(root)

    def _mark_within(self, element):
        element.text, marks = self._marked(element.text)
        for index, mark in enumerate(marks):
            element.insert(index, mark)
        for child in list(element)[len(marks):]:
            if child.tag not in _UNMARKED:
                self._mark_within(child)
            child.tail, marks = self._marked(child.tail)
            position = list(element).index(child) + 1
            for offset, mark in enumerate(marks):
                element.insert(position + offset, mark)

    def _marked(self, text: str | None) -> tuple[str | None, list]:
        """`text` up to the first term to mark, and an <abbr> for each such term, each followed by its text."""
        if not text:
            return text, []
        marks, end = [], 0
        head = text
        for match, term in self.renderer.first_uses(text):
            mark = etree.Element("abbr", {"class": "pb-term", "data-term": term.id, "title": self.renderer.tooltips[term.id], "tabindex": "0"})
            mark.text = match.group(0)
            if marks:
                marks[-1].tail = text[end:match.start()]
            else:
                head = text[:match.start()]
            marks.append(mark)
            end = match.end()
        if marks:
            marks[-1].tail = text[end:]
        return head, marks


class InlineMarkdown:
    """Renders one line of data text to safe inline HTML, with page links relative to the current page and
    the first use of each glossary term on the page explained."""

    def __init__(self, use_directory_urls: bool = True, glossary: list[Term] = ()):
        self.use_directory_urls = use_directory_urls
        self.current_url = ""
        self.explaining = False
        self._md = markdown.Markdown(extensions=[])
        self._md.preprocessors.deregister("html_block")
        for block in _BLOCKS:
            self._md.parser.blockprocessors.deregister(block)
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_LinkGuard(self._md, self), "link_guard", 1)
        # After the links are settled (a term in one is left alone), before backslash escapes are undone.
        self._md.treeprocessors.register(_TermMarker(self._md, self), "term_marker", 0.5)
        self._finder = TermFinder(list(glossary))
        self._page: str | None = None
        self._explained: set[str] = set()
        self.tooltips = {term.id: self.plain_text(term.definition) for term in glossary}

    def plain_text(self, text: str) -> str:
        """What inline Markdown reads as, without its marks: a link's words, no emphasis (for a tooltip)."""
        rendered = self.render_with_markdown(text, explain=False)
        return " ".join(html.unescape(_TAG.sub("", rendered)).split())

    def first_uses(self, text: str) -> list[tuple[re.Match, Term]]:
        """The terms in `text` not yet explained on the current page, each at its first place, now counted as
        explained. Explaining once per page rather than at every use keeps a page readable (the question bank
        would otherwise underline "commit" in dozens of questions), at the cost of remembering the page."""
        uses = []
        for match, term in self._finder.find(text):
            if term.id not in self._explained:
                self._explained.add(term.id)
                uses.append((match, term))
        return uses

    def _on_page(self, current_url: str) -> None:
        """Pages render one after another, so a new address means a new page, with nothing explained yet."""
        if current_url != self._page:
            self._page, self._explained = current_url, set()

    def resolve(self, href: str) -> str | None:
        """The href to write for a link in data, or None when it is not allowed."""
        href = href.strip()
        lowered = href.lower()
        if lowered.startswith(_SAFE_SCHEMES) or href.startswith("#"):
            return href
        page, _, anchor = href.partition("#")
        if ":" in page or not page.endswith(".md"):
            return None
        url = relative_url(page_url(page, self.use_directory_urls), self.current_url)
        return url + (f"#{anchor}" if anchor else "")

    def render(self, text: str, current_url: str = "", explain: bool = True) -> Markup:
        """`text` as inline HTML; `explain=False` leaves glossary terms unmarked (in headings and link text)."""
        self._on_page(current_url)
        if _PLAIN.fullmatch(text) and not (explain and self._has_unexplained(text)):
            return Markup(_PROTECT.sub(_protect, text))
        return self.render_with_markdown(text, current_url, explain)

    def render_with_markdown(self, text: str, current_url: str = "", explain: bool = True) -> Markup:
        """`render` without the shortcut for plain text, which must always give the same result."""
        self._on_page(current_url)
        self.current_url = current_url
        self.explaining = explain
        rendered = self._md.reset().convert(text)
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        return Markup(_PROTECT.sub(_protect, rendered))

    def _has_unexplained(self, text: str) -> bool:
        return any(term.id not in self._explained for _, term in self._finder.find(text))


def shown_as_typed(text: str) -> Markup:
    """Plain text that has no Markdown of its own (the site's name) for a page's Markdown: escaped, with the
    characters later passes act on written as references, so it shows exactly as typed."""
    return Markup(_PROTECT.sub(_protect, html.escape(text, quote=False)))


def _protect(match: re.Match) -> str:
    token = match.group(0)
    if token.startswith("<"):
        return _TITLE.sub(lambda title: _PROTECT.sub(_protect, title.group(0)), token)
    return token if len(token) > 1 else f"&#{ord(token)};"
