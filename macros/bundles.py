"""Our files in overrides/assets joined and minified, as the render step writes them for the engine: every page
loads the site-wide bundles, and a page with widgets also the scripts of those widgets only (main.html names
them in the head, playbook.js loads them for a page reached by instant navigation)."""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from markupsafe import Markup

if TYPE_CHECKING:
    from .words import Words

# Site-wide bundle → its sources in overrides/assets, in load order; every page loads both. The bootstrap
# (playbook.js) runs every registered widget on each page. print.css comes last so paper rules win. All our
# CSS is site-wide (about 4 KB gzipped, cached after the first page): a printed document joins several pages'
# sections in one page, print.css must stay after every widget's styles, and a page reached by instant
# navigation must not show its widgets unstyled while their stylesheet loads.
BUNDLES = {
    "assets/playbook.bundle.css": ["playbook.css", "checklist.css", "assessment.css", "decision.css", "explorer.css", "planner.css", "forms.css", "rhythm.css", "workspace.css", "one-to-one.css", "charts.css", "tables.css", "print.css"],
    "assets/playbook.bundle.js": ["editor-view.js", "print-blank.js", "playbook.js"],
}


@dataclass(frozen=True)
class Widget:
    """One widget's scripts in overrides/assets, in load order; the element that shows a page has it (the
    selector its init() looks for, written as tag, .classes and [attributes]), or None for shared code that
    is loaded only for the widgets that need it; and the widgets whose code it calls (loaded before it)."""

    selector: str | None
    scripts: tuple[str, ...]
    needs: tuple[str, ...] = ()


# Each widget becomes one file, assets/widgets/NAME.js, cached across the pages that use it; a page loads the
# widgets its HTML holds and what they need, in this order (a widget is listed after the widgets it needs).
WIDGETS = {
    "dates": Widget(None, ("dates.js",)),
    "workdays": Widget(None, ("workdays.js",), needs=("dates",)),
    "workspace": Widget("[data-rep-picker]", ("workspace-store.js", "level-rating.js", "workspace.js", "workspace-file.js", "rep-picker.js"), needs=("dates",)),
    "time-away": Widget(None, ("time-away.js",), needs=("dates", "workdays")),
    "workspace-page": Widget("[data-workspace]", ("workspace-page.js",), needs=("workspace", "time-away")),
    "checklist": Widget("form[data-checklist]", ("checklist.js",), needs=("workspace", "workdays")),
    "assessment": Widget("form[data-assessment]", ("assessment-notes.js", "assessment-to-check.js", "assessment-rating.js", "assessment-day.js", "assessment-calls.js", "assessment.js", "assessment-result.js", "assessment-export.js"), needs=("workspace", "workdays")),
    "decision": Widget("form[data-decision]", ("decision.js",), needs=("workspace",)),
    "explorer": Widget("form[data-explorer]", ("explorer.js",)),
    "planner": Widget("form[data-planner]", ("planner.js",)),
    "question-basket": Widget("li.pb-question[data-stage]", ("question-basket.js",), needs=("workspace",)),
    "commitments": Widget(None, ("commitments.js",), needs=("dates", "time-away")),
    # A checklist done before each 1:1 reads the rep's held 1:1s: only a page with one loads that rule.
    "checklist-one-to-ones": Widget("form[data-before-one-to-one]", ("checklist-one-to-ones.js",), needs=("workspace", "commitments")),
    "calendar": Widget(None, ("calendar.js",)),
    "ramp": Widget(None, ("ramp.js",), needs=("dates", "time-away", "commitments")),
    "one-to-one": Widget("form[data-plan]", ("one-to-one-agreed.js", "one-to-one.js"), needs=("workspace", "question-basket", "commitments", "calendar", "time-away", "ramp")),
    "charts": Widget(None, ("charts.js",), needs=("dates",)),
    "rep-history": Widget("[data-rep-history]", ("rep-history.js",), needs=("workspace", "charts", "commitments", "time-away")),
    "team-view": Widget("[data-team]", ("team-view.js",), needs=("workspace", "charts", "commitments", "time-away", "ramp")),
    "bootcamp-calendar": Widget("form[data-bootcamp-calendar]", ("bootcamp-calendar.js",), needs=("dates", "calendar")),
    "term-tooltip": Widget("abbr[data-term]", ("term-tooltip.js",)),
    "debrief": Widget("section[data-debrief]", ("debrief.js",)),
}


def widget_file(name: str) -> str:
    return f"assets/widgets/{name}.js"


def with_needs(names) -> list[str]:
    """`names` and every widget they need, in WIDGETS order (the order they load in)."""
    wanted: set[str] = set()

    def add(name: str):
        if name not in wanted:
            wanted.add(name)
            for need in WIDGETS[name].needs:
                add(need)

    for name in names:
        add(name)
    return [name for name in WIDGETS if name in wanted]


class _Finder(HTMLParser):
    """The widgets whose selector matches an element of the HTML fed to it."""

    def __init__(self):
        super().__init__()
        self.found: set[str] = set()
        self.wanted = {name: _parsed(widget.selector) for name, widget in WIDGETS.items() if widget.selector}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        for name, (want_tag, want_classes, want_attributes) in self.wanted.items():
            if want_tag in ("", tag) and want_classes <= classes and all(a in attributes for a in want_attributes):
                self.found.add(name)


def _parsed(selector: str) -> tuple[str, set[str], list[str]]:
    """"li.pb-question[data-stage]" → ("li", {"pb-question"}, ["data-stage"])."""
    head, *attributes = selector.rstrip("]").split("[")
    tag, *classes = head.split(".")
    return tag, set(classes), [attribute.rstrip("]") for attribute in attributes]


# Every widget's selector names a data- attribute, so only start tags holding one can match: the parser reads those
# alone (a long page's text took it about 0.4 s a build).
_TAG_WITH_DATA = re.compile(r"<[a-zA-Z][^<>]*\sdata-[^<>]*>")


def widgets_in(html: str) -> list[str]:
    """The widgets a page's HTML holds, with what they need, in load order."""
    finder = _Finder()
    finder.feed("".join(_TAG_WITH_DATA.findall(html)))
    finder.close()
    return with_needs(finder.found)


def minified(path: str, text: str) -> str:
    """Comments and spare whitespace out (names stay as written, so the browser's pretty-printer makes the
    shipped code readable: no source map to keep)."""
    return rcssmin.cssmin(text) if path.endswith(".css") else rjsmin.jsmin(text)


_PLAIN = set(" .,:;-–—·'()/&!?+")


def css_string(text) -> Markup:
    """`text` as a quoted CSS string; anything but letters, digits and plain punctuation is escaped, so a
    page title can never end the string or the <style> element it sits in."""
    escaped = "".join(ch if ch.isalnum() or ch in _PLAIN else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(f'"{escaped}"')


def asset_files(sources: Path, words: "Words") -> dict[str, str]:
    """The bundles and the widgets' files, minified, by their path in the site, from overrides/assets (`sources`);
    each script file starts with the words its scripts ask for, in the handbook's language."""
    files = BUNDLES | {widget_file(name): widget.scripts for name, widget in WIDGETS.items()}
    made = {}
    for path, parts in files.items():
        text = "\n".join((sources / part).read_text(encoding="utf-8") for part in parts)
        if path.endswith(".js") and words_asked(text):
            text = f"{(sources / WORDS_SCRIPT).read_text(encoding='utf-8')}\nPlaybook.addWords({json.dumps(words.for_script(words_asked(text)), ensure_ascii=False)});\n{text}"
        made[path] = minified(path, text)
    return made


# The script that defines Playbook.t, written at the top of every script file that asks for words.
WORDS_SCRIPT = "words.js"
# How a script asks for words: Playbook.t("group.key" …), the key always written out, so the build finds it.
_ASKED = re.compile(r'Playbook\.t\(\s*"([^"]*)"')


def words_asked(script: str) -> set[str]:
    """The keys of data/strings.yml a script asks for."""
    return set(_ASKED.findall(script))


def asset_sources() -> set[str]:
    """The files in overrides/assets that the bundles and widgets are made from, which the site does not hold."""
    return {part for parts in BUNDLES.values() for part in parts} | {part for widget in WIDGETS.values() for part in widget.scripts} | {WORDS_SCRIPT}
