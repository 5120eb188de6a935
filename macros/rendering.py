"""Render model objects to page content through Jinja template files, with autoescaping on.

Templates receive model objects only; data text reaches HTML through the `md` filter (safe inline
Markdown) or autoescaping, never raw. Section headings are written as Markdown headings so they
reach the page's table of contents and search; their text is protected by the `md` filter.
"""

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from . import calendar_file, planner, scoring
from .fingerprints import fingerprint
from .inline_markdown import InlineMarkdown, page_url, relative_url
from .model import Term, in_words
from .source_links import SourceLinks

TEMPLATES = Path(__file__).parent / "templates"

# The pages data-driven content links to; cross-links are built from these.
PAGES = {
    "questions": "coaching/questions.md",
    "questions_by_situation": "coaching/questions-by-situation.md",
    "levels": "levels.md",
    "dilemma": "coaching/dilemma.md",
    "bootcamp": "bootcamp.md",
    "prospecting": "prospecting.md",
    "charter": "charter.md",
    "deal_review": "deal-review.md",
    "ramp": "ramp-plan.md",
    "objections": "coaching/objections.md",
    "debriefs": "coaching/debriefs.md",
    "role_plays": "role-plays.md",
    "rhythm": "coaching/rhythm.md",
    "one_to_one": "coaching/one-to-one.md",
    "checklists": "checklists.md",
    "self_assessments": "self-assessments.md",
    "which_level": "which-level.md",
    "workspace": "coaching/workspace.md",
    "team": "coaching/team.md",
    "plan_one_to_one": "coaching/plan-one-to-one.md",
    "rep_history": "coaching/history.md",
    "coaching_stalls": "coaching/when-coaching-stalls.md",
}


def _made(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def upper_first(text: str) -> str:
    """`text` with its first letter a capital, to start a sentence; Jinja's `capitalize` also lowers the rest,
    which turns the German "30 Min." into "30 min."."""
    return text[:1].upper() + text[1:]


class Renderer:
    def __init__(self, use_directory_urls: bool = True, source_links: SourceLinks = SourceLinks(None, None), glossary: list[Term] = (), cache: Path | None = None):
        """`cache`: a folder to keep the templates compiled in, so the next build skips compiling those unchanged."""
        self.use_directory_urls = use_directory_urls
        self.inline = InlineMarkdown(use_directory_urls, glossary)
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # Templates write {: #id } attribute lists; keep Jinja comments out of their way.
            comment_start_string="{##",
            comment_end_string="##}",
            bytecode_cache=FileSystemBytecodeCache(_made(cache)) if cache else None,
        )
        self.env.filters["md"] = self._md
        self.env.filters["upper_first"] = upper_first
        self.env.globals["link"] = self._link
        self.env.globals["page_link"] = self._page_link
        self.env.globals["site_file"] = self._site_file
        self.env.globals["source_line"] = source_links.line
        self.env.globals["scoring"] = scoring
        self.env.globals["calendar_file"] = calendar_file
        self.env.globals["planner_rules"] = planner
        self.env.globals["fingerprint"] = self._fingerprint
        self.env.globals["t"] = self._words
        # Figures written as the language being built writes them (macros/words.py).
        self.env.globals["duration"] = self._language_writes("duration")
        self.env.globals["percent"] = self._language_writes("percent")
        self.env.globals["percent_against"] = self._language_writes("percent_against")
        self.env.globals["number"] = self._language_writes("number")
        self.env.globals["date"] = self._language_writes("date")
        self.env.globals["listed"] = self._language_writes("listed")
        self.env.globals["in_words"] = self._in_words
        # The handbook of the render under way: t() in a macro imported without context (_source.html) sees no
        # `handbook` of its own, and Jinja keeps such a module from one render to the next.
        self._handbook = None

    @pass_context
    def _md(self, context, text: str | None, explain: bool = True) -> Markup:
        """Data text as safe inline HTML; `md(explain=False)` in headings and link text, where a glossary
        tooltip would get in the way (and a focusable one may not sit inside a link)."""
        return self.inline.render(text or "", context["page_url"], explain)

    @pass_context
    def _link(self, context, page: str, anchor: str | None = None) -> str:
        """The URL of one of PAGES (optionally an anchor on it) relative to the page being built."""
        return self._page_link(context, PAGES[page], anchor)

    @pass_context
    def _page_link(self, context, page: str, anchor: str | None = None) -> str:
        """The URL of any page in docs/, named by its file as data/printing.yml names it (`levels.md`),
        relative to the page being built."""
        url = relative_url(page_url(page, self.use_directory_urls), context["page_url"])
        return url + (f"#{anchor}" if anchor else "")

    @pass_context
    def _site_file(self, context, path: str) -> str:
        """A file at the site's root (such as a PDF `make pdf` writes) as a link from the page being built."""
        return relative_url(path, context["page_url"])

    def render(self, template: str, current_url: str, **context) -> Markup:
        was, self._handbook = self._handbook, context.get("handbook", self._handbook)
        try:
            html = self.env.get_template(template).render(page_url=current_url, **context)
        finally:
            self._handbook = was
        return Markup(html)

    @pass_context
    def _words(self, context, key: str, **values) -> Markup:
        """t("checklist.reset"): the tools' words in the handbook's language (macros/words.py)."""
        return context.get("handbook", self._handbook).words(key, **values)

    @pass_context
    def _fingerprint(self, context, text: str) -> str:
        """An item's fingerprint, from its text in the first language: a translation is not a rewording."""
        return fingerprint(context.get("handbook", self._handbook).in_first_language.get(text, text))

    @pass_context
    def _in_words(self, context, count: int) -> str:
        """A count in running text, in the language being built: words from one to nine, figures otherwise."""
        return in_words(count, context.get("handbook", self._handbook).words)

    def _language_writes(self, how: str):
        """duration(minutes), percent(share), percent_against(share, limit), number(value), date(iso) or
        listed(names): the handbook's Words method of that name."""

        @pass_context
        def written(context, *values):
            return getattr(context.get("handbook", self._handbook).words, how)(*values)

        return written

    def render_inline(self, template: str, current_url: str, **context) -> Markup:
        """A template whose output sits inside a page's sentence or table cell, so it must stay on its line."""
        return self.render(template, current_url, **context).strip()
