"""Finding the macro calls in a page as the render step reads it (macros/page_reading.py): the calls the
diff names as tools placed in a page."""

import pytest
from jinja2 import TemplateSyntaxError

from macros.page_reading import NOT_A_VALUE, MacroCall, Page, calls, parts
from macros.site_files import Site
from tests.conftest import ROOT

JINJA = Site.read(ROOT, "docs", {}).jinja
DELIMITERS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string")


def page(text: str) -> Page:
    return Page.read(text)


def test_the_delimiters_come_from_the_macros_plugin_in_mkdocs_yml():
    assert {name: getattr(JINJA, name) for name in DELIMITERS} == {
        "block_start_string": "{%", "block_end_string": "%}", "variable_start_string": "{{", "variable_end_string": "}}",
        "comment_start_string": "{##", "comment_end_string": "##}",
    }


def test_calls_are_found_with_their_arguments_and_line():
    text = '# Title {#top}\n\n{{ checklist("first-call") }}\n\nText {{ download(\n  document_id="pack") }} and {{ glossary() }}\n'
    assert calls(page(text), JINJA) == [
        MacroCall("checklist", ("first-call",), {}, 3),
        MacroCall("download", (), {"document_id": "pack"}, 5),
        MacroCall("glossary", (), {}, 6),
    ]


def test_a_call_shown_as_typed_or_in_a_comment_is_not_a_call():
    text = '{% raw %}`{{ checklist("shown") }}`{% endraw %}\n{## {{ checklist("hidden") }} ##}\n{{ checklist("real") }}\n'
    assert [call.args for call in calls(page(text), JINJA)] == [("real",)]


def test_an_argument_that_is_not_written_out_is_marked_as_such():
    assert calls(page("{{ checklist(some_id) }}"), JINJA)[0].args == (NOT_A_VALUE,)


def test_a_page_is_read_as_its_own_text_and_its_calls_in_order():
    assert parts(page('Before {{ checklist("x") }} after {% if true %}kept{% endif %}'), JINJA) == [
        "Before ",
        MacroCall("checklist", ("x",), {}, 1),
        " after ",
        "kept",
    ]


def test_a_page_whose_braces_do_not_parse_raises_with_its_line():
    with pytest.raises(TemplateSyntaxError) as raised:
        calls(page("Intro\n\n{{ checklist('x') }\n"), JINJA)
    assert raised.value.lineno == 3


def test_front_matter_is_not_read_as_jinja_and_calls_are_at_their_lines_in_the_file():
    text = '---\ntitle: "{{ not a call }"\n---\n\n{{ checklist("first-call") }}\n'
    assert calls(page(text), JINJA) == [MacroCall("checklist", ("first-call",), {}, 5)]


def test_a_page_mkdocs_macros_leaves_as_written_has_no_calls():
    text = '---\nrender_macros: false\n---\n\nWrite {{ checklist("its-id") }} to place a checklist.\n'
    assert parts(page(text), JINJA) == ['Write {{ checklist("its-id") }} to place a checklist.\n']
