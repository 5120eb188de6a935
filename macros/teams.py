"""One handbook, several teams: the organisation's data in data/*.yml are the defaults; a team listed in
data/teams.yml changes them in data/teams/<team>/<stem>.yml, one file per default file it changes:

    add:      {checklists: [{id: new-one, ...the whole item...}]}
    replace:  {checklists: [{id: daily-calling, ...the whole item...}], purpose: "a top-level value, whole"}
    change:   {levels: [{id: order-taker, coaching_focus: "...only the fields that differ, each whole..."}]}
    remove:   {checklists: [old-id, other-id]}

An id under `replace`, `change` or `remove` must be one the defaults have, and one under `add` must be new, so a
mistyped id never adds an item by mistake. A changed item keeps every field it does not name, so the
organisation's later edits to those still reach the team. The merge keeps every value's position, in the default
file or the team's, so the normal schema and cross-reference checks that follow point at the line a leader has to
edit."""

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from .loading import LocatedData, Path_, load_file
from .problems import Problem, did_you_mean, quoted

TEAMS = "teams"  # data/teams.yml lists the teams; data/teams/<id>/ holds each one's overrides
SECTIONS = ("add", "replace", "change", "remove")
# Where research findings live, by file: the path of each list of them. A finding is a fact, the same on every
# team's site; a team that replaces the value holding a list copies the findings, and must copy them word for word.
RESEARCH = {"bootcamp": ("provoked_luck", "research"), "coaching": ("research",)}


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    default: bool


def listed_teams(data_dir: Path, language: str | None = None) -> list[Team]:
    """The teams data/teams.yml lists, read leniently (validation reports its mistakes): none without the file. With
    a `language` that has a translation of the file (data/languages/<code>/teams.yml), their names in it; a team the
    translation does not name yet keeps its first-language name, so no site drops it from its menu."""
    teams = [Team(str(team["id"]), str(team["name"]), team.get("default") is True) for team in _teams_in(data_dir / f"{TEAMS}.yml")]
    translated = data_dir / "languages" / str(language) / f"{TEAMS}.yml"
    if language and translated.is_file():
        names = {str(team["id"]): str(team["name"]) for team in _teams_in(translated)}
        teams = [Team(team.id, names.get(team.id, team.name), team.default) for team in teams]
    return teams


def _teams_in(path: Path) -> list[dict]:
    try:
        listed = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["teams"]
        return [team for team in listed if isinstance(team, dict) and "id" in team and "name" in team]
    except (OSError, yaml.YAMLError, TypeError, KeyError):
        return []


def default_team(data_dir: Path) -> str | None:
    return next((team.id for team in listed_teams(data_dir) if team.default), None)


def override_paths(data_dir: Path, team: str) -> list[Path]:
    """The team's override files, by name."""
    return sorted((data_dir / TEAMS / team).glob("*.yml"))


def id_lists(schema: dict) -> list[str]:
    """The default file's top-level lists whose items have an id: what `add` and `remove` can name."""
    return [
        name
        for name, part in schema.get("properties", {}).items()
        if part.get("type") == "array" and "id" in part.get("items", {}).get("properties", {})
    ]


def override_schema(schema: dict) -> dict:
    """What an override file may hold, given its default file's schema: the three sections, each keyed by the
    file's names. Items are checked here only for their id; the merged file is checked whole by the file's own
    schema, so each mistake is reported once, at its line."""
    lists = id_lists(schema)
    id_of = {name: schema["properties"][name]["items"]["properties"]["id"] for name in lists}
    items = {name: {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["id"], "properties": {"id": id_of[name]}}} for name in lists}
    ids = {name: {"type": "array", "minItems": 1, "items": id_of[name]} for name in lists}
    tops = {name: {} for name in schema.get("properties", {}) if name not in lists}

    def section(properties: dict) -> dict:
        return {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": properties}

    return {
        "type": "object",
        "additionalProperties": False,
        "minProperties": 1,
        "properties": {"add": section(items), "replace": section(items | tops), "change": section(items), "remove": section(ids)},
    }


def editor_schema(stem: str, schema: dict) -> dict:
    """The override file's schema for an editor's help: the same sections, each part by $ref into the default
    file's schema, so a replaced item gets the same completion and hover help as in the default file."""
    lists = id_lists(schema)
    ref = lambda *parts: {"$ref": f"../{stem}.schema.json#/properties/" + "/".join(parts)}
    item_lists = {name: {"type": "array", "items": ref(name, "items")} for name in lists}
    fields = lambda name: schema["properties"][name]["items"].get("properties", {})
    changes = {name: {"type": "array", "items": {"type": "object", "required": ["id"], "additionalProperties": False, "properties": {field: ref(name, "items", "properties", field) for field in fields(name)}}} for name in lists}

    def section(description: str, properties: dict) -> dict:
        return {"description": description, "type": "object", "additionalProperties": False, "properties": properties}

    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"A team's changes to data/{stem}.yml",
        "description": f"What one team changes in data/{stem}.yml: items it adds (new ids), replaces, changes in part or removes (ids the file has).",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "add": section("Items the team has and the organisation's file does not; each id must be new.", item_lists),
            "replace": section("Items (by id) or whole top-level values the team has instead of the organisation's.", item_lists | {name: ref(name) for name in schema.get("properties", {}) if name not in lists}),
            "change": section("Items (by id) of which the team words some fields its own way: only those fields, each whole; the rest stays the organisation's.", changes),
            "remove": section("The ids of items the team does without.", {name: {"type": "array", "items": ref(name, "items", "properties", "id")} for name in lists}),
        },
    }


EDITOR_SCHEMAS = "teams"  # data/schemas/teams/<stem>.schema.json: an override file's schema, for the editor


def editor_schemas(schemas_dir: Path) -> dict[str, str]:
    """Each data file's override schema as its file's text, by file name under data/schemas/teams/."""
    names = sorted(path.name.removesuffix(".schema.json") for path in schemas_dir.glob("*.schema.json"))
    return {
        f"{stem}.schema.json": json.dumps(editor_schema(stem, json.loads((schemas_dir / f"{stem}.schema.json").read_text(encoding="utf-8"))), indent=2) + "\n"
        for stem in names
        if stem not in ("common", TEAMS, "languages", "strings")
    }


def write_editor_schemas(schemas_dir: Path) -> list[Path]:
    """Write data/schemas/teams/ afresh from the data files' schemas; the paths written."""
    folder = schemas_dir / EDITOR_SCHEMAS
    folder.mkdir(exist_ok=True)
    for stale in folder.glob("*.schema.json"):
        stale.unlink()
    written = []
    for name, text in editor_schemas(schemas_dir).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def apply_team(documents: dict[str, LocatedData], data_dir: Path, schemas_dir: Path, team: str, display_dir: str) -> list[Problem]:
    """Merge the team's override files into `documents` (the default files that passed their schemas), in
    place; the problems in the override files. A merged file leaves `documents` until its problems are fixed,
    as a default file with problems does."""
    # Here, so that a build the render cache answers (which reads the teams' names) loads no schema checker.
    from jsonschema import Draft7Validator

    from .cut_text import check_cut_text
    from .schema_check import check_against, schema_of

    problems: list[Problem] = []
    for path in override_paths(data_dir, team):
        display = f"{display_dir}/{TEAMS}/{team}/{path.name}"
        if not (data_dir / path.name).is_file():
            known = sorted(p.stem for p in data_dir.glob("*.yml") if p.stem != TEAMS)
            problems.append(Problem(display, 1, 1, f"a team can only change a file the organisation has, and there is no {display_dir}/{path.name} ({did_you_mean(path.stem, known)}the files are: {', '.join(known)})"))
            continue
        override, load_problems = load_file(path, display)
        problems += load_problems
        if override is None or load_problems:
            continue
        schema = schema_of(path.stem, schemas_dir)
        found = _unnamed_lists(override, path.stem, id_lists(schema)) or check_against(override, Draft7Validator(override_schema(schema)))
        problems += found
        default = documents.pop(path.stem, None)
        if found or default is None:
            continue
        # The ids that name nothing are left out of the merge, so the merged file's own mistakes show as well.
        merged, found = merge(default, override, id_lists(schema))
        found += check_against(merged, Draft7Validator(schema)) + check_cut_text(merged, path.stem, schemas_dir) + _changed_findings(default, merged, path.stem)
        problems += found
        if not found:
            documents[path.stem] = merged
    return problems


def _changed_findings(default: LocatedData, merged: LocatedData, stem: str) -> list[Problem]:
    """Each research finding in the team's version of a file that has the id of one of the organisation's and
    says something else: the same fact stated two ways, on two teams' sites."""
    where = RESEARCH.get(stem)
    if where is None:
        return []

    def findings(document: LocatedData) -> list:
        found = document.value
        for key in where:
            found = found.get(key) if isinstance(found, dict) else None
        return found if isinstance(found, list) else []

    theirs = {item.get("id"): (index, item) for index, item in enumerate(findings(default)) if isinstance(item, dict)}
    problems = []
    for index, item in enumerate(findings(merged)):
        if not isinstance(item, dict) or item.get("id") not in theirs:
            continue
        their_index, their_item = theirs[item["id"]]
        differs = [key for key in dict.fromkeys([*their_item, *item]) if item.get(key) != their_item.get(key)]
        if differs:
            line = default.where((*where, their_index)).line
            problems.append(merged.problem((*where, index, differs[0]) if differs[0] in item else (*where, index, "id"),
                f"the research finding {quoted(item['id'])} says something else here than in {default.file} (line {line}), in its {quoted(differs[0])}: a finding is the same fact on every team's site, so copy it word for word, or give a finding of the team's own a new id"))
    return problems


def _unnamed_lists(override: LocatedData, stem: str, lists: list[str]) -> list[Problem]:
    """Items put straight under add, replace or remove, without the name of the list they belong to: the
    mistake a leader makes first, which the schema alone reports as a wrong type."""
    value = override.value if isinstance(override.value, dict) else {}
    name = lists[0] if lists else "the value's name"
    return [
        override.problem((section,), f"under '{section}:' first name the list the items belong to, on a line of its own and indented ({name}: for data/{stem}.yml{'; its lists are ' + ', '.join(lists) if len(lists) > 1 else ''}), then the items indented below that: {section}: → {name}: → - id: …")
        for section in SECTIONS
        if isinstance(value.get(section), list)
    ]


def merge(default: LocatedData, override: LocatedData, lists: list[str]) -> tuple[LocatedData, list[Problem]]:
    """The default file with the override's sections applied, every value keeping where it was written; and the
    problems: an id to replace or remove that the default file does not have, an id to add that it has."""
    sections = {name: override.value.get(name) or {} for name in SECTIONS}
    merged = LocatedData(default.file, {}, changed_by=override.file, in_first_language=default.in_first_language)
    merged.values[()] = default.where(())
    problems: list[Problem] = []
    graft = _Grafter(merged)
    for key in dict.fromkeys([*(default.value or {}), *sections["replace"], *sections["add"]]):
        if key in lists:
            merged.value[key] = _merge_list(default, override, key, sections, graft, problems)
        elif key in sections["replace"]:
            merged.value[key] = graft(override, ("replace", key), (key,))
        else:
            merged.value[key] = graft(default, (key,), (key,))
    return merged, problems


def _merge_list(default: LocatedData, override: LocatedData, key: str, sections: dict, graft: "_Grafter", problems: list[Problem]) -> list:
    """One list merged: replaced and changed items in their place, removed ones left out, added ones at the end."""
    items = (default.value or {}).get(key) or []
    ids = [item.get("id") for item in items]
    named: dict[str, Path_] = {}  # an id named in replace or remove → where

    def check(section: str, item_id: str, path: Path_) -> bool:
        if section == "add":
            if item_id in ids:
                problems.append(override.problem(path, f"{default.file} already has {quoted(item_id)} in {quoted(key)}, so it cannot be added; to change it, list it under 'replace', or the fields that differ under 'change'"))
                return False
        elif item_id not in ids:
            advice = "; to add a new one, list it under 'add'" if section in ("replace", "change") else ""
            problems.append(override.problem(path, f"{default.file} has no {quoted(item_id)} in {quoted(key)} to {section} ({did_you_mean(item_id, ids)}the ids there are: {', '.join(ids)}){advice}"))
            return False
        if item_id in named:
            first = override.where(named[item_id]).line
            problems.append(override.problem(path, f"{quoted(item_id)} is already named on line {first}; name each id once, under add, replace, change or remove"))
            return False
        named[item_id] = path
        return True

    replacing = {}
    for index, item in enumerate(sections["replace"].get(key) or []):
        if check("replace", item["id"], ("replace", key, index, "id")):
            replacing[item["id"]] = index
    changing = {}
    for index, item in enumerate(sections["change"].get(key) or []):
        if len(item) == 1:
            problems.append(override.problem(("change", key, index, "id"), f"{quoted(item['id'])} is listed under 'change' with nothing to change: add the fields the team words its own way, each whole, below its id, or remove it"))
        elif check("change", item["id"], ("change", key, index, "id")):
            changing[item["id"]] = index
    removing = {item_id for index, item_id in enumerate(sections["remove"].get(key) or []) if check("remove", item_id, ("remove", key, index))}
    adding = [index for index, item in enumerate(sections["add"].get(key) or []) if check("add", item["id"], ("add", key, index, "id"))]
    if key in (default.value or {}):
        graft.position(default, (key,), (key,))
    else:
        graft.position(override, ("add", key), (key,))
    merged = []
    for index, item_id in enumerate(ids):
        if item_id in removing:
            continue
        if item_id in replacing:
            merged.append(graft(override, ("replace", key, replacing[item_id]), (key, len(merged))))
        elif item_id in changing:
            merged.append(graft.changed(default, (key, index), override, ("change", key, changing[item_id]), (key, len(merged))))
        else:
            merged.append(graft(default, (key, index), (key, len(merged))))
    for index in adding:
        merged.append(graft(override, ("add", key, index), (key, len(merged))))
    return merged


class _Grafter:
    """Copies a value and the positions of everything in it from a file into the merged one, at a new path."""

    def __init__(self, merged: LocatedData):
        self.merged = merged
        self.indexes: dict[int, dict] = {}

    def _index(self, source: LocatedData) -> dict:
        """Each position of `source` by every path above it, up to four levels: ("change", "levels", 0, "name")."""
        if id(source) not in self.indexes:
            index: dict[tuple, list] = defaultdict(list)
            for kind in ("values", "keys", "trailing_comments"):
                for path, mark in getattr(source, kind).items():
                    for depth in range(min(len(path), 4) + 1):
                        index[path[:depth]].append((kind, path, mark))
            self.indexes[id(source)] = (source, index)
        return self.indexes[id(source)][1]

    def position(self, source: LocatedData, from_path: Path_, to_path: Path_) -> None:
        """The position of a list itself (not its items), and of its key."""
        self.merged.values[to_path] = source.where(from_path)
        self.merged.keys[to_path] = source.where_key(from_path)
        if source.file != self.merged.file:
            self.merged.origins[to_path] = (source.file, from_path)

    def changed(self, default: LocatedData, from_path: Path_, override: LocatedData, change_path: Path_, to_path: Path_) -> dict:
        """The default's item at `from_path` with each field the override's item at `change_path` names in its
        place, each position from the file it was written in."""
        item = dict(self(default, from_path, to_path))
        changes = override.value
        for part in change_path:
            changes = changes[part]
        for field in changes:
            if field == "id":
                continue
            prefix = to_path + (field,)
            for kind in ("values", "keys", "trailing_comments"):
                marks = getattr(self.merged, kind)
                for path in [path for path in marks if path[:len(prefix)] == prefix]:
                    del marks[path]
            item[field] = self(override, change_path + (field,), prefix)
        return item

    def __call__(self, source: LocatedData, from_path: Path_, to_path: Path_):
        for kind, path, mark in self._index(source)[from_path]:
            getattr(self.merged, kind)[to_path + path[len(from_path):]] = mark
        if source.file != self.merged.file:
            self.merged.origins[to_path] = (source.file, from_path)
        value = source.value
        for part in from_path:
            value = value[part]
        return value


def check_teams(documents: dict[str, LocatedData], data_dir: Path, display_dir: str) -> list[Problem]:
    """data/teams.yml: ids used once, exactly one default team; and a folder under data/teams/ for listed teams only."""
    document = documents.get(TEAMS)
    if document is None:
        folders = sorted(path.name for path in (data_dir / TEAMS).glob("*") if path.is_dir())
        return [Problem(f"{display_dir}/{TEAMS}/{folders[0]}", 1, 1, f"team folders need {display_dir}/{TEAMS}.yml listing each team")] if folders and not (data_dir / f"{TEAMS}.yml").exists() else []
    problems = []
    teams = document.value[TEAMS]
    seen: dict[str, int] = {}
    for index, team in enumerate(teams):
        if team["id"] in seen:
            problems.append(document.problem((TEAMS, index, "id"), f"duplicate team id {quoted(team['id'])} (already used on line {seen[team['id']]}; ids must be unique)"))
        seen.setdefault(team["id"], document.where((TEAMS, index, "id")).line)
    defaults = [index for index, team in enumerate(teams) if team.get("default") is True]
    if len(defaults) != 1:
        where = (TEAMS, defaults[1], "default") if defaults else (TEAMS,)
        problems.append(document.problem(where, "mark exactly one team 'default: true': the team `make build` builds" + (f" ({len(defaults)} are)" if defaults else "")))
    for folder in sorted((data_dir / TEAMS).glob("*")):
        if folder.is_dir() and folder.name not in seen:
            problems.append(Problem(f"{display_dir}/{TEAMS}/{folder.name}/", 1, 1, f"the folder is not a team in {display_dir}/{TEAMS}.yml ({did_you_mean(folder.name, seen)}the teams are: {', '.join(seen)}); add the team there or rename the folder"))
    return problems
