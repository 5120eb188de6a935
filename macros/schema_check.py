"""Check a data file against its JSON Schema and word each failure for the leader who edits it."""

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator as _Draft7
from jsonschema.validators import extend

# A whole number is one written without a decimal point: JSON Schema counts 360.0 as one, but a German or Austrian
# leader's 360.000 (three hundred and sixty thousand) reads as 360.0, and must not pass as a revenue target of 360.
Draft7Validator = extend(_Draft7, type_checker=_Draft7.TYPE_CHECKER.redefine("integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool)))

from .loading import LocatedData
from .problems import MAX_PROBLEMS_PER_FILE, Problem, counted, did_you_mean, quoted

_TYPE_WORDS = {
    "object": "a mapping of fields (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}

# How to mend a value of the wrong type: (the type the schema expects, the type found) → what to do. A type
# error names both, so each pair says what the leader should write instead; "{after}" and "{fields_go}" say
# where the value goes, "{needs}" the fields a mapping must have, "{first_field}" how a list's item with fields
# starts.
_QUOTE_IT = "put the value in double quotes to keep it as typed"
_ONE_TEXT = "write one piece of text, not a list (if the brackets are part of the text, put the whole text in double quotes)"
_TEXT_NOT_FIELDS = "write one piece of text, not 'key: value' fields (if the braces or the ': ' are part of the text, put the whole text in double quotes)"
_DIGITS = "write the number in digits alone, without quotes, words or a thousands separator"
_FIELDS = "write its fields as 'key: value' lines{fields_go}{needs}"
_ITEMS = "put each item on its own line starting with '- '"
_TYPE_ADVICE = {
    ("string", "integer"): _QUOTE_IT,
    ("string", "number"): _QUOTE_IT,
    ("string", "boolean"): _QUOTE_IT,
    ("string", "null"): "write the text {after}",
    ("string", "array"): _ONE_TEXT,
    ("string", "object"): _TEXT_NOT_FIELDS,
    ("integer", "string"): _DIGITS,
    ("integer", "number"): "write a whole number, without a decimal point",
    ("integer", "boolean"): "write a whole number, not true or false",
    ("integer", "null"): "write the number {after}",
    ("integer", "array"): "write one number, not a list",
    ("integer", "object"): "write one number, not 'key: value' fields",
    ("number", "string"): _DIGITS,
    ("number", "boolean"): "write a number, not true or false",
    ("number", "null"): "write the number {after}",
    ("number", "array"): "write one number, not a list",
    ("number", "object"): "write one number, not 'key: value' fields",
    ("boolean", "string"): "write true or false, without quotes",
    ("boolean", "integer"): "write true or false instead of a number",
    ("boolean", "number"): "write true or false instead of a number",
    ("boolean", "null"): "write true or false {after}",
    ("boolean", "array"): "write true or false, not a list",
    ("boolean", "object"): "write true or false, not 'key: value' fields",
    ("array", "string"): _ITEMS,
    ("array", "integer"): _ITEMS,
    ("array", "number"): _ITEMS,
    ("array", "boolean"): _ITEMS,
    ("array", "null"): "add its items on the lines below it, each starting with '- '",
    ("array", "object"): "start each item with '- '{first_field}",
    ("object", "string"): _FIELDS,
    ("object", "integer"): _FIELDS,
    ("object", "number"): _FIELDS,
    ("object", "boolean"): _FIELDS,
    ("object", "null"): _FIELDS,
    ("object", "array"): "write its fields as 'key: value' lines{fields_go}, not as a list{needs}",
}


COMMON = "common.schema.json"
# The pattern of the common `text` and `markdown` definitions: free text, as opposed to an id, a date or a page.
SOME_TEXT = "\\S"


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


def _field(schemas_dir: Path, name: str, path: tuple) -> dict:
    """The data file `name`'s schema for the value at `path`; empty where it has none."""
    schema = _validators(schemas_dir)[name].schema
    for part in path:
        schema = schema.get("items") if isinstance(part, int) else schema.get("properties", {}).get(part)
        if not isinstance(schema, dict):
            return {}
    return schema


def expects_text(schemas_dir: Path, name: str, path: tuple) -> bool:
    """Whether the data file `name`'s schema wants free text at `path` (not an id, a date, a page or one of a
    few words): where text cut short would reach a page unnoticed."""
    return _field(schemas_dir, name, path).get("pattern") == SOME_TEXT


def translates(schemas_dir: Path, name: str, path: tuple) -> bool:
    """Whether a translation may change the value at `path`: free text, but not the text a schema marks
    "x-same-in-every-language", such as the team's and its leader's names, which two sites must not state twice."""
    field = _field(schemas_dir, name, path)
    return field.get("pattern") == SOME_TEXT and not field.get("x-same-in-every-language")


def check_schema(document: LocatedData, name: str, schemas_dir: Path) -> list[Problem]:
    return check_against(document, _validators(schemas_dir)[name])


def schema_of(name: str, schemas_dir: Path) -> dict:
    """The data file `name`'s schema, with the common definitions inlined."""
    return _validators(schemas_dir)[name].schema


def check_against(document: LocatedData, validator: Draft7Validator) -> list[Problem]:
    """`document` checked against a schema (a data file's, or one made from it: a team's override file's)."""
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
    field = _field_name(document.written_at(path)[1]) or "the file"
    kind = error.validator
    schema = error.schema
    if kind == "required":
        missing = error.message.removesuffix(" is a required property").strip("'\"")
        return [document.problem(path, f"{field} is missing the required field '{missing}'")]
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        problems = []
        for extra in sorted(set(error.instance) - set(allowed)):
            hint = did_you_mean(extra, allowed)
            problems.append(document.problem(path + (extra,), f"unknown field {quoted(extra)} ({hint}expected one of: {', '.join(allowed)})", at_key=True))
        return problems
    if kind == "type":
        expected = " or ".join(_TYPE_WORDS.get(t, t) for t in _as_list(schema["type"]))
        return [document.problem(path, f"{field} must be {expected}, found {_describe(error.instance)}; {_type_advice(schema, error.instance, path)}")]
    if kind in ("minLength", "pattern") and schema.get("pattern") == SOME_TEXT:
        return [document.problem(path, f"{field} must not be empty (expected some text)")]
    if kind == "pattern" and "^[a-z0-9]" in schema["pattern"]:
        return [document.problem(path, f"{field} {quoted(error.instance)} is not a valid id (expected lower-case words joined by hyphens, like 'deal-at-risk')")]
    if kind == "pattern" and "[0-9]{4}" in schema["pattern"]:
        meant = _date_meant(error.instance)
        example = f'did you mean "{meant}"?' if meant else 'like "2026-01-05"'
        return [document.problem(path, f"{field} {quoted(error.instance)} is not a date (expected \"YYYY-MM-DD\" in quotes, {example})")]
    if kind == "pattern" and schema["pattern"].endswith(":[0-5][0-9]$"):
        return [document.problem(path, f"{field} {quoted(error.instance)} is not a time (expected \"HH:MM\" on the 24-hour clock, in quotes, like \"08:30\")")]
    if kind == "pattern" and "description" in schema:
        expected = schema["description"][0].lower() + schema["description"][1:].rstrip(".")
        return [document.problem(path, f"{field} {quoted(error.instance)} is not valid (expected {expected})")]
    if kind == "minItems":
        return [document.problem(path, f"{field} has {counted(len(error.instance), 'item')} (expected at least {schema['minItems']})")]
    if kind == "enum":
        options = ", ".join(str(option).lower() if isinstance(option, bool) else str(option) for option in schema["enum"])  # as YAML spells them
        if isinstance(error.instance, (list, dict)):
            return [document.problem(path, f"{field} must be one of: {options}; found {_describe(error.instance)}, so write just one of them")]
        return [document.problem(path, f"{field} is {quoted(error.instance)} (expected one of: {options})")]
    if kind == "anyOf":  # a field that takes one of several shapes, each a type
        # Of the right shape but wrong within it (a list too short, an id mistyped): what is wrong there.
        within = [sub for sub in error.context if sub.validator != "type"]
        if within:
            return _word(document, within[0])
        # Each type once: a list of ids and a list of such lists are both "a list".
        expected = " or ".join(dict.fromkeys(_TYPE_WORDS.get(t, t) for sub in schema["anyOf"] for t in _as_list(sub.get("type"))))
        return [document.problem(path, f"{field} is {_describe(error.instance)} (expected {expected})")]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [document.problem(path, f"{field} is {error.instance} (expected {_bound_words(schema)}){_as_share(schema, error.instance)}")]
    return [document.problem(path, f"{field}: {error.message}")]


def _field_name(path: tuple) -> str:
    """`levels[2].behaviours[0].text` reads as: levels item 3 › behaviours item 1 › text."""
    return " › ".join(f"item {part + 1}" if isinstance(part, int) else quoted(part) for part in path)


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
        return f"the text {quoted(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


# A share written as a percentage: "16%", "16 %".
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def _as_share(schema: dict, value) -> str:
    """For a share (a number at most 1) written as a percentage, or as the percentage's number: the decimal to
    write instead ("", for anything else)."""
    if schema.get("maximum") != 1 or isinstance(value, bool):
        return ""
    found = _PERCENT.match(value) if isinstance(value, str) else None
    percent = float(found.group(1)) if found else value if isinstance(value, (int, float)) and 1 < value <= 100 else None
    return f"; a share is written as a decimal, so for {percent:g}% write {percent / 100:g}" if percent is not None else ""


# A date as much of Europe writes it, day first with points: 6.1.2027, 06.01.2027.
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
# A year, month and day in order with single digits: 2027-1-6.
_SHORT_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def _date_meant(value) -> str | None:
    """The YYYY-MM-DD a date written day first with points, or with single-digit parts, stands for, where that
    is a day of the calendar: the date the message can offer instead of an example."""
    if not isinstance(value, str):
        return None
    day_first, short = _DAY_FIRST.match(value), _SHORT_ISO.match(value)
    if not (day_first or short):
        return None
    year, month, day = (int(day_first[3]), int(day_first[2]), int(day_first[1])) if day_first else map(int, short.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# A number written with a comma: a decimal comma (0,2), or a thousands comma (480,000 or 1,250,000).
_COMMA_NUMBER = re.compile(r"^\s*(-?\d+)((?:,\d+)+)\s*$")


def _comma_advice(schema: dict, value) -> str | None:
    """For a number written with a comma, the number to write: a decimal comma becomes a point (0,2 → 0.2); groups
    of three after a comma are thousands (480,000 → 480000), or, where the field takes decimals, the decimal
    that a comma before three digits would be in German (1,500 → 1500, or 1.5)."""
    match = _COMMA_NUMBER.match(value) if isinstance(value, str) else None
    if not match:
        return None
    whole, rest = match[1], match[2].split(",")[1:]
    takes_decimals = "number" in _as_list(schema["type"])
    decimal = f"{whole}.{rest[0].rstrip('0') or '0'}" if len(rest) == 1 and takes_decimals else None
    if any(len(group) != 3 for group in rest):
        return f"write decimals with a point: {decimal}" if decimal else None
    return f"write {whole + ''.join(rest)}, without the comma" + (f" (or {decimal}, if the comma is a decimal comma)" if decimal else "")


def _type_advice(schema: dict, value, path: tuple) -> str:
    """What to write instead, from the table of expected and found types; of several expected types, the
    schema lists the usual one first (a year, or the words 'not given')."""
    share = _as_share(schema, value)
    if share:
        return share[2:]
    comma = _comma_advice(schema, value) if {"integer", "number"} & set(_as_list(schema["type"])) else None
    if comma:
        return comma
    if "integer" in _as_list(schema["type"]) and isinstance(value, float) and value.is_integer():
        whole = int(value)
        return f"write a whole number, without a decimal point; a point between thousands is read as a decimal point ({whole}.000 is {whole}), so write {whole * 1000} for {whole} thousand"
    advice = _TYPE_ADVICE[_as_list(schema["type"])[0], _json_type(value)]
    in_a_list = bool(path) and isinstance(path[-1], int)
    needs = ", ".join(schema.get("required", []))
    item_fields = schema.get("items", {}).get("required")
    return advice.format(
        after="after the '- '" if in_a_list else "after the colon",
        fields_go=", the first after the '- '" if in_a_list else " below it, indented",
        needs=f" (it needs: {needs})" if needs else "",
        first_field=f", with the item's first field on the same line ('- {item_fields[0]}: …')" if item_fields else "",
    )


def _json_type(value) -> str:
    """The JSON Schema type of a loaded value; a whole number counts as "integer", not "number"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


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
