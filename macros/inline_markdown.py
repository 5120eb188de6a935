"""Inline Markdown for data text: bold, italics, code and links, and nothing that could run.

Raw HTML in data is shown as typed, links may only be web, mail, phone or handbook-page links,
images become their alt text, and Markdown/Jinja/attribute-list syntax characters in the output are
written as character references so no later pass (the page's Markdown, attr_list, Jinja) can act on them.
"""

import posixpath
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# Characters with a meaning to Markdown, attr_list or Jinja, written as references outside tags.
_PROTECT = re.compile(r"&#?\w+;|<[^>]*>|[\\`*_\[\]{}#!~=^|:%]")
# One line that Markdown would return as it is: it starts like a sentence (not a list, heading, quote or
# indented code), has none of the characters inline Markdown acts on, and no trailing space. Most data
# text is like this, and skipping the Markdown parser for it makes a build markedly faster.
_PLAIN = re.compile(r"(?!\d+[.)](\s|\Z))(?:[^\W_]|[\"'(“‘])[^\x00-\x1f\x7f-\x9f\\`*_\[\]<>&!]*(?<!\s)")


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


class InlineMarkdown:
    """Renders one line of data text to safe inline HTML, with page links relative to the current page."""

    def __init__(self, use_directory_urls: bool = True):
        self.use_directory_urls = use_directory_urls
        self.current_url = ""
        self._md = markdown.Markdown(extensions=[])
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_LinkGuard(self._md, self), "link_guard", 1)

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

    def render(self, text: str, current_url: str = "") -> Markup:
        if _PLAIN.fullmatch(text):
            return Markup(_PROTECT.sub(_protect, text))
        return self.render_with_markdown(text, current_url)

    def render_with_markdown(self, text: str, current_url: str = "") -> Markup:
        """`render` without the shortcut for plain text, which must always give the same result."""
        self.current_url = current_url
        html = self._md.reset().convert(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(_PROTECT.sub(_protect, html))


def _protect(match: re.Match) -> str:
    token = match.group(0)
    return token if len(token) > 1 else f"&#{ord(token)};"
