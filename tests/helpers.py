"""Reading the built site and the data independently of the code under test."""

import copy
import functools
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.handbook import Project, validate
from tests.conftest import ROOT

# The workspace file format as published, and its newest version: what the handbook writes.
WORKSPACE_SCHEMA = json.loads((ROOT / "overrides/assets/workspace.schema.json").read_text(encoding="utf-8"))
NEWEST_WORKSPACE_VERSION = max(WORKSPACE_SCHEMA["properties"]["version"]["enum"])


def in_sentence(text: str) -> str:
    """A statement quoted inside a sentence that goes on after it (a reason, an answer line): without its own
    final full stop."""
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def data(name: str) -> dict:
    """A data file read with plain PyYAML, not with the project's loader: a copy of the file as first read, so a
    test may change what it gets (no test writes the example's data; the oracles read it hundreds of times)."""
    return copy.deepcopy(_read_data(name))


class _DataLoader(yaml.CSafeLoader):
    """libyaml's parser (as safe as `yaml.safe_load`, several times faster than its pure-Python one), with a date
    left as the text it is: `validate` accepts `- date: 2027-01-06` unquoted, as YAML 1.2 does, so the tests read
    it as a leader may write it (a leader's review: an unquoted day off passed `validate` and crashed the tests)."""

    yaml_implicit_resolvers = {first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
                               for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()}


def read_yaml(text: str):
    return yaml.load(text, Loader=_DataLoader)


@functools.cache
def _read_data(name: str) -> dict:
    return read_yaml((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


# The example's second team and second language are the material of the tests of team and language sites. A
# team that deletes them (README, "Make it your team's", step 3) has neither feature to test: those tests skip,
# saying why, in CI too.
SECOND_TEAM, SECOND_LANGUAGE = "key-accounts", "de"
HAS_SECOND_TEAM = (ROOT / "data" / "teams" / SECOND_TEAM).is_dir() and SECOND_TEAM in {team["id"] for team in data("teams")["teams"]}
HAS_SECOND_LANGUAGE = (ROOT / "data" / "languages" / SECOND_LANGUAGE / "strings.yml").is_file() and SECOND_LANGUAGE in {language["code"] for language in data("languages")["languages"]}


def _needs(present: bool, reason: str) -> list:
    return [pytest.mark.skipif(not present, reason=reason), pytest.mark.may_skip_in_ci(reason=reason)]


# As a module's `pytestmark`, or a test's (or a parameter's) `marks`.
NEEDS_SECOND_TEAM = _needs(HAS_SECOND_TEAM, f"this handbook has no {SECOND_TEAM} team (data/teams/{SECOND_TEAM}/), the example's second team these tests use")
NEEDS_SECOND_LANGUAGE = _needs(HAS_SECOND_LANGUAGE, f"this handbook has no '{SECOND_LANGUAGE}' site (data/languages/{SECOND_LANGUAGE}/), the example's translation these tests use")


def needs(marks: list):
    """A test decorated with each of `marks` (NEEDS_SECOND_TEAM, NEEDS_SECOND_LANGUAGE)."""
    def decorate(test):
        for mark in marks:
            test = mark(test)
        return test
    return decorate


# The weekdays as date.weekday() numbers them (Monday 0), and the team's working days by data/rhythm.yml.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@functools.cache
def _team_calendar() -> tuple[frozenset[str], frozenset[str]]:
    """The team's working days and days off (data/rhythm.yml), read once: the oracles ask about many days."""
    rhythm = data("rhythm")
    return frozenset(rhythm.get("working_days", DAY_NAMES[:5])), frozenset(off["date"] for off in rhythm.get("days_off", []))


def is_working(day: date) -> bool:
    """Whether the team works on `day`: one of its working days and none of its days off (data/rhythm.yml)."""
    working_days, days_off = _team_calendar()
    return DAY_NAMES[day.weekday()] in working_days and day.isoformat() not in days_off


def next_working(day: date) -> date:
    """The day itself if the team works on it, else the first day after it they do."""
    while not is_working(day):
        day += timedelta(days=1)
    return day


def working_days_late(due: date, today: date, away: list[tuple[date, date]] = ()) -> int:
    """Days overdue as a manager counts them on a calendar: the working days after `due` up to `today` (on a
    Saturday, up to Friday: a sales leader's case, where counting on to Monday said 5 for 4), leaving out the days
    that fall in a (first day away, first day back) pair of `away`; at least 1 once `due` has passed (due on
    Friday is a day late on Saturday)."""
    days = (due + timedelta(days=n) for n in range(1, (today - due).days + 1))
    late = sum(1 for day in days if is_working(day) and not any(first <= day < back for first, back in away))
    return max(1, late) if today > due else 0


def working_days_said(count: int) -> str:
    return f"{count} working day" if count == 1 else f"{count} working days"


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The page's article, without material's navigation and chrome."""
    return soup.select_one("article.md-content__inner")


def plain(markdown_text: str) -> str:
    """What inline Markdown reads as: links become their text, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return " ".join(text.split())


def normalise(text: str) -> str:
    """Text as a reader sees it: get_text(" ") puts a space beside every tag, so none inside brackets or before punctuation."""
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(text.split())))


WIDGET_FORMS = ", ".join(f"form[data-{kind}]" for kind in ["checklist", "assessment", "decision", "planner", "explorer"])
# True when no widget form on the page is still waiting for its script (each marks itself data-ready).
NO_WIDGET_UNREADY = "selector => !document.querySelector(selector.split(', ').map(s => s + ':not([data-ready])').join(', '))"
# True when the search results on screen answer `query`: each result's link carries the query terms it matched
# in its `h` parameter (material's search.highlight), which no other query's results do.
RESULTS_FOR = """query => [...document.querySelectorAll('.md-search-result__list a[href]')]
    .some(link => new URL(link.href).searchParams.get('h') === query.toLowerCase())"""


def widgets_ready(page) -> None:
    """Wait until the page's widgets are set up, so what a test does to them is what a reader's clicks do."""
    page.wait_for_function(NO_WIDGET_UNREADY, arg=WIDGET_FORMS)


def search(page, query: str) -> None:
    """Type `query` into material's search box, which has the focus, and wait for its results. The search
    worker answers every key press in turn (an emptied box, each prefix of the query), and slowly while it
    builds its index or the machine is busy, so any earlier answer can still be on screen after typing ends."""
    page.get_by_role("textbox", name="Search").fill("")
    page.keyboard.type(query)  # material's search reacts to key presses, not to a filled value
    page.wait_for_function(RESULTS_FOR, arg=query)


# Material's instant navigation changes the address at once and swaps the new page's content in (replacing the
# page's container) only once it has fetched the page: the content on screen now, and whether it has gone.
# Each answer a click on the radio its label names, so one change event per answer, as a reader's tick gives;
# all in one call into the page rather than a call each, which took most of a long form's test time. (The tests
# that tick a few answers do it through Playwright, which first checks each radio can be reached.)
TICK = """([formId, ticks]) => {
    const form = document.querySelector(`form[data-assessment="${formId}"]`);
    for (const [statement, label] of ticks) {
        const radios = form.querySelectorAll(`fieldset[data-statement="${statement}"] input[type=radio]`);
        const radio = [...radios].find((input) => [...input.labels].some((named) => named.textContent.trim() === label));
        if (!radio) throw new Error(`no answer labelled ${label} to ${statement}`);
        if (!radio.checked) radio.click();
    }
}"""


def tick_answers(page, form_id: str, labels: dict):
    """Tick, in the assessment `form_id`, the answer labelled `labels[statement id]` to each statement; its form."""
    page.evaluate(TICK, [form_id, list(labels.items())])
    return page.locator(f'form[data-assessment="{form_id}"]')


MARK_CONTENT_LEAVING = "window.playbookLeaving = document.querySelector('[data-md-component=container]')"
CONTENT_SWAPPED = "() => !window.playbookLeaving || !window.playbookLeaving.isConnected"


SITEMAP_ARRIVED = "() => performance.getEntriesByType('resource').some(entry => new URL(entry.name).pathname.endsWith('/sitemap.xml') && entry.responseEnd > 0)"


def ready_for_instant_navigation(page) -> None:
    """Wait until material's instant navigation can take a click: it intercepts only links its sitemap lists, and
    drops a click made before the sitemap has arrived, which the browser then follows with a full page load
    (material's integrations/instant: `withLatestFrom(sitemap$)`). Waits for the sitemap's response to be in,
    then for one turn of the page's event loop, in which material reads it."""
    page.wait_for_function(SITEMAP_ARRIVED)
    page.evaluate("() => new Promise(resolve => setTimeout(resolve))")


def navigate_and_wait(page, go) -> None:
    """Do `go` (a click on a link to another page, a step back) and wait until the page it leads to has replaced
    the content on screen, whether instant navigation swaps it in or (the marker gone with the old page) a full
    page load brings it."""
    page.evaluate(MARK_CONTENT_LEAVING)
    go()
    page.wait_for_function(CONTENT_SWAPPED)


def home_and_back_by_instant_navigation(page) -> None:
    """Go to the home page and back as a reader does, and check material's instant navigation did it (a page
    load would forget the marker set on `window`), then wait until the page's widgets are set up again."""
    page.evaluate("window.playbookSameDocument = true")
    ready_for_instant_navigation(page)
    home = page.get_by_role("link", name="Home").first
    address = home.evaluate("link => link.href")
    navigate_and_wait(page, home.click)
    # material's navigation.tracking may add the heading in view to the address, even the old page's heading.
    page.wait_for_url(lambda url: url.split("#")[0] == address)
    navigate_and_wait(page, page.go_back)
    page.wait_for_function(f"selector => document.querySelector(selector) && ({NO_WIDGET_UNREADY})(selector)", arg=WIDGET_FORMS)
    assert page.evaluate("window.playbookSameDocument === true"), "the page was loaded again instead of by instant navigation"


def strings(value):
    """Every string in a parsed data value, depth first: what a text check over a data file reads."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def handbook_texts():
    """(file, text) for every string in the data files and every page's Markdown: all the handbook says."""
    for path in sorted((ROOT / "data").glob("*.yml")) + sorted((ROOT / "data" / "teams").glob("*/*.yml")):
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path.relative_to(ROOT).as_posix(), text
    for path in sorted((ROOT / "docs").rglob("*.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


# A data line "key: value" (indented, or a list item's first) in a test's edit or search.
_KEY_LINE = re.compile(r"(\s*(?:- )?[\w-]+: )([^\"'\n][^\n]*?)(\n?)", re.DOTALL)


def as_written(text: str, old: str) -> str:
    """`old`, a line of the example such as "leader: Sam Rivera" (or one built from a parsed value), as `text`
    has it: a leader may put any value in double or single quotes (validate advises it for a value with a colon),
    and a test that edits or finds the line must follow, or an adopter's copy fails on a change that changes
    nothing."""
    if old in text:
        return old
    line = _KEY_LINE.fullmatch(old)
    if line:
        head, value, end = line.groups()
        for quoted in (json.dumps(value, ensure_ascii=False), "'" + value.replace("'", "''") + "'"):
            if head + quoted + end in text:
                return head + quoted + end
    return old


def yaml_text(value: str) -> str:
    """`value` written as YAML text that reads back as itself whatever it holds (a colon, a quote, a `#`)."""
    return json.dumps(value, ensure_ascii=False)


def replace_in(path: Path, old: str, new: str) -> str:
    """Edit a file of a handbook copy as a leader would: `old` (as the copy writes it) must occur exactly once
    and becomes `new`. The new text."""
    text = path.read_text(encoding="utf-8")
    old = as_written(text, old)
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def replace_once(project: Path, file: str, old: str, new: str) -> str:
    """replace_in for `data/<file>` of a handbook copy."""
    return replace_in(project / "data" / file, old, new)


def with_value(text: str, key: str, value) -> str:
    """A data file's `text` with its one `key: …` line (`key` with its indentation: "  revenue_target") set to
    `value`, whatever the line held: an edit that finds its line after a leader has changed the figure on it."""
    line = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
    assert len(line.findall(text)) == 1, key
    return line.sub(lambda _: f"{key}: {value}", text)


def problems_of(project: Path, file: str | None = None) -> list[str]:
    """What `make validate` prints for a handbook copy, one line per problem; only `data/<file>`'s if named."""
    _, problems = validate(Project(project))
    return [problem.as_text() for problem in problems if file is None or problem.file == f"data/{file}"]


def position_in(project: Path, file: str, needle: str) -> str:
    """"LINE:COL" of the one place `needle` occurs in `data/<file>` of a handbook copy, as messages give it."""
    lines = (project / "data" / file).read_text(encoding="utf-8").splitlines()
    ((line, column),) = [(number, text.index(needle) + 1) for number, text in enumerate(lines, 1) if needle in text]
    return f"{line}:{column}"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: a tag such as `!ENV` gives the value written after it, which is all a test
    that reads names from the file needs."""


def _untagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("!", _untagged)


def site_name(root: Path = ROOT) -> str:
    """The site's name, read from mkdocs.yml independently of MkDocs."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)["site_name"]
