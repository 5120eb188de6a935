"""Check a data file against its JSON Schema and word each failure for the leader who edits it."""

import difflib
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator

from .loading import LocatedData
from .problems import MAX_PROBLEMS_PER_FILE, Problem

_TYPE_WORDS = {
    "object": "a mapping of fields (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


COMMON = "common.schema.json"


@cache
def _validators(schemas_dir: Path) -> dict[str, Draft7Validator]:
    """Every `<name>.schema.json` in the folder, keyed by data file stem.

    The files wrap shared definitions as `allOf: [{$ref: common…}]` so editors show each field's own
    title; for validation those wrappers are inlined, which makes checking several times faster.
    """
    common = json.loads((schemas_dir / COMMON).read_text(encoding="utf-8"))["definitions"]
    return {
        path.name.removesuffix(".schema.json"): Draft7Validator(_inline(json.loads(path.read_text(encoding="utf-8")), common))
        for path in sorted(schemas_dir.glob("*.schema.json"))
        if path.name != COMMON
    }


def _inline(node, common: dict):
    if isinstance(node, list):
        return [_inline(item, common) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inline(value, common) for key, value in node.items()}
    wrapped = node.get("allOf")
    if wrapped and len(wrapped) == 1 and set(wrapped[0]) == {"$ref"} and wrapped[0]["$ref"].startswith(COMMON + "#/definitions/"):
        definition = common[wrapped[0]["$ref"].rsplit("/", 1)[1]]
        del node["allOf"]
        node = {**definition, **node}
    return node


def schema_names(schemas_dir: Path) -> list[str]:
    return sorted(_validators(schemas_dir))


def check_schema(document: LocatedData, name: str, schemas_dir: Path) -> list[Problem]:
    validator = _validators(schemas_dir)[name]
    if document.value is None:
        required = ", ".join(validator.schema.get("required", []))
        return [document.problem((), f"the file is empty (expected a mapping with these fields: {required})")]
    # Stop early: past this many, the list helps nobody and a file of thousands of broken items would be slow.
    # Counted as distinct problems, since two failed rules can word to the same line (minLength and pattern).
    found: dict[Problem, None] = {}
    for error in validator.iter_errors(document.value):
        found.update(dict.fromkeys(_word(document, error)))
        if len(found) > MAX_PROBLEMS_PER_FILE:
            break
    return list(found)


def _word(document: LocatedData, error) -> list[Problem]:
    """Plain-language lines for one schema failure, placed where the leader has to edit."""
    path = tuple(error.absolute_path)
    field = _field_name(path) or "the file"
    kind = error.validator
    schema = error.schema
    if kind == "required":
        missing = error.message.removesuffix(" is a required property").strip("'\"")
        return [document.problem(path, f"{field} is missing the required field '{missing}'")]
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        problems = []
        for extra in sorted(set(error.instance) - set(allowed)):
            guess = difflib.get_close_matches(extra, allowed, n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            problems.append(document.problem(path + (extra,), f"unknown field '{extra}' ({hint}expected one of: {', '.join(allowed)})", at_key=True))
        return problems
    if kind == "type":
        expected = " or ".join(_TYPE_WORDS.get(t, t) for t in _as_list(schema["type"]))
        found = _describe(error.instance)
        hint = "; put the value in double quotes" if "string" in _as_list(schema["type"]) and error.instance is not None else ""
        return [document.problem(path, f"{field} must be {expected}, found {found}{hint}")]
    if kind in ("minLength", "pattern") and schema.get("pattern") == "\\S":
        return [document.problem(path, f"{field} must not be empty (expected some text)")]
    if kind == "pattern" and "^[a-z0-9]" in schema["pattern"]:
        return [document.problem(path, f"{field} '{error.instance}' is not a valid id (expected lower-case words joined by hyphens, like 'deal-at-risk')")]
    if kind == "pattern" and "[0-9]{4}" in schema["pattern"]:
        return [document.problem(path, f"{field} '{error.instance}' is not a date (expected \"YYYY-MM-DD\" in quotes, like \"2026-01-05\")")]
    if kind == "pattern" and "description" in schema:
        expected = schema["description"][0].lower() + schema["description"][1:].rstrip(".")
        return [document.problem(path, f"{field} '{error.instance}' is not valid (expected {expected})")]
    if kind == "minItems":
        return [document.problem(path, f"{field} has {len(error.instance)} item(s) (expected at least {schema['minItems']})")]
    if kind == "enum":
        options = ", ".join(str(option) for option in schema["enum"])
        return [document.problem(path, f"{field} is '{error.instance}' (expected one of: {options})")]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [document.problem(path, f"{field} is {error.instance} (expected {_bound_words(schema)})")]
    return [document.problem(path, f"{field}: {error.message}")]


def _field_name(path: tuple) -> str:
    """`levels[2].behaviours[0].text` reads as: levels item 3 › behaviours item 1 › text."""
    words = []
    for part in path:
        words.append(f"item {part + 1}" if isinstance(part, int) else f"'{part}'")
    return " › ".join(words)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _describe(value) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def _bound_words(schema: dict) -> str:
    bounds = []
    if "minimum" in schema:
        bounds.append(f"at least {schema['minimum']}")
    if "exclusiveMinimum" in schema:
        bounds.append(f"more than {schema['exclusiveMinimum']}")
    if "maximum" in schema:
        bounds.append(f"at most {schema['maximum']}")
    if "exclusiveMaximum" in schema:
        bounds.append(f"less than {schema['exclusiveMaximum']}")
    return " and ".join(bounds)
