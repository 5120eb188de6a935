"""Hostile text planted in every free-text field of every data file of a copy of the example handbook.

A field is free text when its schema lets it hold any non-empty string: the shared `text` (plain) and
`markdown` (inline Markdown) definitions. Ids, dates, choices and page names have patterns or lists of
allowed values, so hostile text there is refused by validation (tests/data covers that).
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# What each field carries; {marker} makes each field's copy findable. Jinja, raw HTML, script, event
# handlers, an autolink to a script and an attribute list that would add an id and a handler.
PAYLOAD = (
    "{marker} <img src=x onerror=alert('{marker}')> <script>window.pwned='{marker}'</script> "
    "{{{{ 7 * 7 }}}} {{{{ config }}}} {{% include 'mkdocs.yml' %}} <b onmouseover=alert(1)>bold</b> "
    "<javascript:alert(1)> {{: #{marker}-attr onclick=alert(1) }}"
)
# Markdown links to script; validation must refuse them in every field, plain text or Markdown.
LINKS = "{marker} [click](javascript:alert(1)) and [again](JaVaScRiPt:alert(2))"


@dataclass(frozen=True)
class Field:
    file: str  # e.g. "charter.yml"
    path: tuple  # keys and indexes from the document's root
    kind: str  # "text" or "markdown"
    marker: str


def _resolve(schema: dict, schemas: Path) -> tuple[dict, str | None]:
    """`schema` with its $ref and allOf parts merged in, and which shared text definition it uses, if any."""
    merged, kind = {}, None
    for part in schema.get("allOf", []):
        resolved, part_kind = _resolve(part, schemas)
        merged.update(resolved)
        kind = kind or part_kind
    if "$ref" in schema:
        file, _, pointer = schema["$ref"].partition("#")
        target = json.loads((schemas / file).read_text(encoding="utf-8"))
        for key in filter(None, pointer.split("/")):
            target = target[key]
        resolved, ref_kind = _resolve(target, schemas)
        merged.update(resolved)
        name = pointer.rsplit("/", 1)[-1]
        kind = kind or ref_kind or (name if name in ("text", "markdown") else None)
    merged.update({key: value for key, value in schema.items() if key not in ("allOf", "$ref")})
    return merged, kind


def free_text_fields(value, schema: dict, schemas: Path, path: tuple = ()):
    """(path, kind) of every string in `value` that its schema lets be any text."""
    resolved, kind = _resolve(schema, schemas)
    if isinstance(value, dict):
        for key, child in value.items():
            child_schema = resolved.get("properties", {}).get(key, resolved.get("additionalProperties"))
            if isinstance(child_schema, dict):
                yield from free_text_fields(child, child_schema, schemas, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from free_text_fields(child, resolved.get("items", {}), schemas, path + (index,))
    elif isinstance(value, str) and kind in ("text", "markdown"):
        yield path, kind


def _set(document, path: tuple, value: str) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value


def plant(project: Path, template: str = PAYLOAD) -> list[Field]:
    """Replace every free-text field in the project's data with `template` and its own marker; returns the
    fields planted."""
    fields = []
    data = project / "data"
    for path in sorted(data.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        schema = json.loads((data / "schemas" / f"{path.stem}.schema.json").read_text(encoding="utf-8"))
        for field_path, kind in free_text_fields(document, schema, data / "schemas"):
            marker = f"qz{len(fields):04d}qz"
            _set(document, field_path, template.format(marker=marker))
            fields.append(Field(path.name, field_path, kind, marker))
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1_000_000), encoding="utf-8")
    return fields


def line_of(project: Path, field: Field) -> int:
    """The line of the planted field in its rewritten file."""
    text = (project / "data" / field.file).read_text(encoding="utf-8")
    return text[: re.search(re.escape(field.marker) + r"\b", text).start()].count("\n") + 1
