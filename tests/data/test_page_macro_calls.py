"""Finding the macro calls in a page as mkdocs-macros reads it (macros/page_macros.py): the calls the
diff names as tools placed in a page."""

import pytest
from jinja2 import TemplateSyntaxError

from macros.page_macros import NOT_A_VALUE, MacroCall, calls, parts
from macros.site_files import Site
from tests.conftest import ROOT

SYNTAX = Site.read(ROOT, "docs", {}).jinja_syntax()


def test_the_delimiters_come_from_the_macros_plugin_in_mkdocs_yml():
    assert SYNTAX == {"comment_start_string": "{##", "comment_end_string": "##}"}


def test_calls_are_found_with_their_arguments_and_line():
    page = '# Title {#top}\n\n{{ checklist("first-call") }}\n\nText {{ download(\n  document_id="pack") }} and {{ glossary() }}\n'
    assert calls(page, SYNTAX) == [
        MacroCall("checklist", ("first-call",), {}, 3),
        MacroCall("download", (), {"document_id": "pack"}, 5),
        MacroCall("glossary", (), {}, 6),
    ]


def test_a_call_shown_as_typed_or_in_a_comment_is_not_a_call():
    page = '{% raw %}`{{ checklist("shown") }}`{% endraw %}\n{## {{ checklist("hidden") }} ##}\n{{ checklist("real") }}\n'
    assert [call.args for call in calls(page, SYNTAX)] == [("real",)]


def test_an_argument_that_is_not_written_out_is_marked_as_such():
    assert calls("{{ checklist(some_id) }}", SYNTAX)[0].args == (NOT_A_VALUE,)


def test_a_page_is_read_as_its_own_text_and_its_calls_in_order():
    assert parts('Before {{ checklist("x") }} after {% if true %}kept{% endif %}', SYNTAX) == [
        "Before ",
        MacroCall("checklist", ("x",), {}, 1),
        " after ",
        "kept",
    ]


def test_a_page_whose_braces_do_not_parse_raises_with_its_line():
    with pytest.raises(TemplateSyntaxError) as raised:
        calls("Intro\n\n{{ checklist('x') }\n", SYNTAX)
    assert raised.value.lineno == 3
