"""Properties over arbitrary input: the loader and validator only ever answer with located problems, and
data text of any shape reaches HTML as text, never as script, event handlers, unsafe links or Jinja."""

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import example as known_case
from hypothesis import strategies as st

from macros.crossrefs import check_crossrefs
from macros.handbook import Project, read_documents
from macros.inline_markdown import InlineMarkdown
from macros.loading import load_file
from macros.model import Checklist, Item, build_handbook
from macros.rendering import Renderer
from macros.schema_check import check_schema
from macros.words import Words
from tests.conftest import ROOT

# The same examples on every run (CI must not fail by chance), no example database left in the work tree,
# and no deadline: how long an example takes depends on how busy the machine is, and speed is measured by
# bench/, never by a test.
PROPERTY = settings(derandomize=True, database=None, max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

DATA_FILES = sorted(path.stem for path in (ROOT / "data").glob("*.yml"))

# Pieces that move YAML's parser into its odd corners.
YAML_PIECES = [
    ":", ": ", "-", "- ", "? ", "[", "]", "{", "}", ",", "\"", "'", "#", "&a ", "*a", "!", "!!int ", "!!str ",
    "!!python/object:os.system ", "|", ">-", "%YAML 1.1\n", "---\n", "...\n", "\t", "  ", "    ", "\n", "\r\n", "\r",
    "\x00", "\x1b", "\ufeff", "\x85", "\u2028", "é", "😀", "no", "on", "1e3", ".inf", ".nan", "0x1F", "2026-01-05",
    "~", "null", "true", "9" * 5000, "[" * 60, "]" * 60, "id: a\n", "text: b\n", "<<: ", "\\u0000", "\\",
]
yaml_like_text = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=8)), max_size=40).map("".join)

# libyaml counts a line at each of these breaks.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _as_read(raw: bytes) -> str:
    """The file's text as the loader reads it, with undecodable bytes standing for one character each."""
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")


def _assert_located(problems, texts: dict[str, str]) -> None:
    """Every problem names a data file and a line and column inside that file's text, or the start of the
    line after its end (where libyaml places the end of a file that stops mid-line), and prints on one line."""
    for problem in problems:
        text = texts[problem.file]
        lines = len(_LINE_BREAK.findall(text)) + 1
        longest = max(len(line) for line in text.split("\n"))
        assert 1 <= problem.line <= lines + 1, problem
        assert 1 <= problem.column <= (longest + 1 if problem.line <= lines else 1), problem
        assert problem.message and "Traceback" not in problem.message
        assert problem.as_text().splitlines() == [problem.as_text()], problem


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _load(scratch: Path, raw: bytes):
    path = scratch / "file.yml"
    path.write_bytes(raw)
    return load_file(path, "data/file.yml")


@PROPERTY
@given(raw=st.binary(max_size=2000))
def test_any_bytes_load_or_give_located_problems(scratch, raw):
    document, problems = _load(scratch, raw)
    if problems:
        _assert_located(problems, {"data/file.yml": _as_read(raw)})
    else:
        assert document is not None


@PROPERTY
@given(text=yaml_like_text)
def test_any_yaml_like_text_loads_or_gives_located_problems(scratch, text):
    raw = text.encode("utf-8")
    document, problems = _load(scratch, raw)
    if problems:
        _assert_located(problems, {"data/file.yml": _as_read(raw)})
    else:
        assert document is not None


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> tuple[dict, set[str], dict[str, str]]:
    """The example handbook's data, loaded once: the documents, the docs pages and each file's text."""
    root = tmp_path_factory.mktemp("example") / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    project = Project(root)
    documents, problems = read_documents(project)
    assert problems == []
    texts = {f"data/{name}.yml": (root / "data" / f"{name}.yml").read_text(encoding="utf-8") for name in DATA_FILES}
    return documents, project.docs_pages(), texts


@st.composite
def damaged_data_file(draw) -> tuple[str, bytes]:
    """A real data file with a few spans deleted or replaced by YAML pieces: close enough to real data to
    pass the parser often and reach the schema, the cross-references and the model."""
    name = draw(st.sampled_from(DATA_FILES))
    text = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        text = text[:start] + draw(st.one_of(st.just(""), st.sampled_from(YAML_PIECES), st.text(max_size=6))) + text[end:]
    return name, text.encode("utf-8")


@settings(PROPERTY, max_examples=100)  # each example validates a whole file and may build the handbook
@given(damaged=damaged_data_file())
def test_damaged_data_is_reported_in_place_or_builds_a_handbook(scratch, example, damaged):
    """What `validate` does for one file, with the other files as shipped."""
    documents, pages, texts = example
    name, raw = damaged
    path = scratch / f"{name}.yml"
    path.write_bytes(raw)
    document, problems = load_file(path, f"data/{name}.yml")
    if document is not None:
        problems += check_schema(document, name, ROOT / "data" / "schemas")
    passed = {other: kept for other, kept in documents.items() if other != name}
    if not problems:
        passed[name] = document
    problems += check_crossrefs(passed, pages)
    if problems:
        _assert_located(problems, {**texts, f"data/{name}.yml": _as_read(raw)})
    else:
        build_handbook(passed)  # the validator's promise to the model: valid data always builds


# Pieces of Markdown, HTML, unsafe links and Jinja, to be combined in every order.
TEXT_PIECES = [
    "[", "]", "(", ")", "](", "<", ">", "/", "\"", "'", "=", " ", "\n", "\n\n", "*", "_", "`", "!", "#", "&", ";",
    "{", "}", "{{", "}}", "{%", "%}", "{#", "{:", ":", "\\", "|", "~", "^", "%",
    "javascript:", "JaVaScRiPt:", "java\tscript:", " javascript:", "&#106;avascript:", "vbscript:", "data:text/html,",
    "https://example.com/", "mailto:a@b.c", "tel:1", "charter.md", "#anchor", "<script>", "</script>",
    "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">", " onclick=alert(1)",
    "onmouseover=", "<iframe src=x>", "<style>", "<!--", "-->", "[r]: javascript:alert(1)\n", "[x][r]", "<a@b.c>",
    "<https://example.com/>", "![alt](x.png)", "alert(1)", "\x00", "é", "\u2028",
]
data_text = st.lists(st.one_of(st.sampled_from(TEXT_PIECES), st.text(max_size=6)), max_size=25).map("".join)

INLINE = InlineMarkdown()
RENDERER = Renderer()
# What the checklist's template reads of the handbook: the tools' words (macros/words.py), and the first-language
# texts its items' fingerprints come from (none: this handbook is in its first language).
WORDS_ONLY = SimpleNamespace(words=Words(yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8")), "en-GB"), in_first_language={})

_LIVE_ELEMENTS = {"script", "style", "iframe", "img", "svg", "object", "embed", "form", "input", "base", "meta", "link"}
_SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
_JINJA = ("{{", "{%", "{#")


def _outside_tags(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def _assert_harmless(html: str, allowed_elements: set[str] = frozenset()) -> None:
    """No element or attribute from the data can run, link out to a script, or feed a later Jinja pass."""
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        assert element.name not in _LIVE_ELEMENTS - allowed_elements, element
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), element
            if attribute in ("href", "src", "action", "formaction"):
                scheme = urlsplit("".join(str(value).split())).scheme.lower()
                assert scheme in _SAFE_SCHEMES, element
    written = _outside_tags(html)
    assert not any(mark in written for mark in _JINJA), written


@PROPERTY
@given(text=data_text, current_url=st.sampled_from(["", "charter/", "coaching/questions/", "levels.html"]))
def test_inline_markdown_of_any_text_is_harmless(text, current_url):
    _assert_harmless(INLINE.render(text, current_url))


# Text that starts like a sentence, so the renderer's shortcut for plain text is often taken, with the
# characters that decide whether it may be.
SENTENCE_PIECES = [
    "word", " ", "  ", ".", ",", "'", "\"", "(", ")", "1", "12.", "1)", "#", "%", "{", "}", "=", "|", "*", "_", "`",
    "[", "]", "<", ">", "&", "!", "\\", "\n", "\t", "“", "é", "\u00a0", "\u2028", "\u200b", "\u3000", "\x85",
]
sentence_like = st.tuples(
    st.sampled_from(["A", "word", "1", "12. ", "\"", "(", "“", "_", " ", "#", "-"]),
    st.lists(st.one_of(st.sampled_from(SENTENCE_PIECES), st.characters()), max_size=12),
).map(lambda parts: parts[0] + "".join(parts[1]))


@PROPERTY
@given(text=st.one_of(sentence_like, data_text), current_url=st.sampled_from(["", "coaching/questions/"]))
# One case for each thing that must keep text off the shortcut, in case the search misses it.
@known_case(text="Ask *why* first", current_url="")
@known_case(text="Ask _why_ first", current_url="")
@known_case(text="Ask `why` first", current_url="")
@known_case(text="See [levels](levels.md)", current_url="coaching/questions/")
@known_case(text="Tom &amp; Jerry", current_url="")
@known_case(text="Warning <b>bold</b>", current_url="")
@known_case(text="Look ![chart](x.png)", current_url="")
@known_case(text="Not \\*emphasis\\*", current_url="")
@known_case(text="12. Twelve", current_url="")
@known_case(text="Line one\nLine two", current_url="")
@known_case(text="Tab\there", current_url="")
@known_case(text="Break  \nhere", current_url="")
def test_the_plain_text_shortcut_agrees_with_markdown(text, current_url):
    assert INLINE.render(text, current_url) == INLINE.render_with_markdown(text, current_url)


def test_a_line_that_starts_like_a_list_or_a_heading_stays_one_line_of_text():
    # A German translator's day off, "1. Weihnachtsfeiertag", became a numbered list in the middle of a sentence.
    for text in ["1. Weihnachtsfeiertag", "2026. A year to remember", "- a dash first", "# 1 priority", "> quoted", "Title\n====", "***"]:
        rendered = INLINE.render_with_markdown(text, "")
        assert not re.search(r"<(ol|ul|li|h[1-6]|blockquote|pre|code|hr)\b", rendered), (text, rendered)
    assert INLINE.render("1. Weihnachtsfeiertag", "") == "1. Weihnachtsfeiertag"


_ids = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")


@PROPERTY
@given(
    checklist_id=_ids,
    title=data_text,
    description=st.none() | data_text,
    items=st.lists(st.tuples(_ids, data_text), min_size=1, max_size=4),
)
def test_a_template_rendering_any_data_text_is_harmless(checklist_id, title, description, items):
    checklist = Checklist(checklist_id, title, description, [Item(item_id, text, 1) for item_id, text in items], "data/checklists.yml", 1)
    html = RENDERER.render("checklist.html", "checklists/", checklist=checklist, handbook=WORDS_ONLY)
    # The checklist's own form and tick boxes are the template's; nothing else may appear.
    _assert_harmless(html, allowed_elements={"form", "input"})
    soup = BeautifulSoup(html, "html.parser")
    # Beside it, the template's rep picker has its own small form for adding a rep (data-rep-add).
    assert [form.get("data-rep-add") for form in soup.find_all("form") if not form.has_attr("data-checklist")] == [""]
    (checklist_form,) = soup.find_all("form", attrs={"data-checklist": True})
    assert len(checklist_form.find_all("input")) == len(items)


def test_jinja_marks_in_a_link_target_are_written_as_references():
    html = INLINE.render("[x](https://example.com/{{ 7 * 7 }})")
    assert not any(mark in html for mark in _JINJA), html
