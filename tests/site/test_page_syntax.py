"""Page authors' Markdown survives the macros pass; schemas give editors help on every field."""

import json

from tests.conftest import ROOT
from tests.helpers import content, page


def test_attribute_list_ids_in_pages_are_not_taken_for_jinja_comments(edited_site):
    """A heading and a line with attribute lists, added to docs/editing.md in tests/leader_edits.py."""
    article = content(page(edited_site, "editing"))
    assert article.select_one("h2#custom-anchor") is not None
    assert "Kept {#also-kept} here." in article.get_text()


def test_every_schema_property_has_a_title_and_description():
    def walk(node, path):
        if isinstance(node, dict):
            for name, child in node.get("properties", {}).items():
                assert child.get("title") and child.get("description"), f"{path}.{name}"
            for key, child in node.items():
                walk(child, f"{path}.{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{path}[{index}]")

    schemas = sorted((ROOT / "data" / "schemas").glob("*.schema.json"))
    data_files = {path.stem for path in (ROOT / "data").glob("*.yml")}
    assert {schema.name for schema in schemas} == {f"{name}.schema.json" for name in data_files | {"common"}}
    for schema in schemas:
        walk(json.loads(schema.read_text()), schema.name)
