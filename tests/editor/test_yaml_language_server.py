"""The editor help a leader gets in VS Code: the real YAML language server, run over the data files.

The Red Hat YAML extension runs `yaml-language-server`; it finds each file's schema from the
`# yaml-language-server: $schema=...` line at its top and the shared definitions through `$ref`, both on disk.
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing_tool
from tests.editor.lsp_client import LanguageClient
from tests.helpers import NEEDS_SECOND_TEAM, needs

VSCODE_SETTINGS = ROOT / ".vscode" / "settings.json"
SERVER = Path(__file__).parent / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
DATA_FILES = sorted(path.name for path in (ROOT / "data").glob("*.yml"))
# What an editor with the extension sends; the two stores are switched off because they fetch catalogues from
# the internet, which the data files do not need.
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "yamlVersion": "1.2",
        "schemaStore": {"enable": False},
        "kubernetesCRDStore": {"enable": False},
    }
}


def _server_command() -> list[str]:
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "no node found: install Node.js and npm (Debian's nodejs and npm) to test the editor help"
    elif not SERVER.exists():
        missing = "yaml-language-server is not installed: run `make test` (or `npm ci --prefix tests/editor`)"
    if missing:
        missing_tool(missing)
    return [node, str(SERVER), "--stdio"]


@pytest.fixture(scope="module")
def server():
    client = LanguageClient(_server_command(), ROOT, SETTINGS)
    try:
        client.initialize(ROOT)
        client.configure()
        yield client
    finally:
        client.close()


@pytest.fixture(scope="module")
def shipped(server) -> dict[str, str]:
    """Every data file opened in the server at once, so their checks run side by side: name -> URI."""
    return {name: server.open(ROOT / "data" / name) for name in DATA_FILES}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A folder laid out like data/, so a copied file's `$schema=schemas/...` line still finds its schema."""
    folder = tmp_path_factory.mktemp("data")
    shutil.copytree(ROOT / "data" / "schemas", folder / "schemas")
    return folder


def errors(diagnostics: list[dict]) -> list[str]:
    """The errors among `diagnostics`, as "line N: message" with lines counted from 1 as an editor shows them."""
    return [f"line {d['range']['start']['line'] + 1}: {d['message']}" for d in diagnostics if d.get("severity", 1) == 1]


def first_field(lines: list[str]) -> int:
    """The number of the first line that is not a comment: the file's first top-level field."""
    return next(number for number, line in enumerate(lines) if line and not line.startswith("#"))


def test_there_are_data_files_to_check():
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("name", DATA_FILES)
def test_shipped_data_file_has_no_errors_in_the_editor(server, shipped, name):
    assert errors(server.diagnostics(shipped[name])) == []


@pytest.mark.parametrize("file, field, where", [
    ("charter.yml", "team", ("properties", "team")),
    ("charter.yml", "meaning", ("properties", "values", "items", "properties", "meaning")),
    ("levels.yml", "name", ("properties", "levels", "items", "properties", "name")),
])
def test_hover_help_is_the_fields_own_not_the_shared_definitions(server, shipped, file, field, where):
    """Many fields share one definition (text, Markdown, id); hovering must still explain the field itself."""
    schema = json.loads((ROOT / "data" / "schemas" / f"{Path(file).stem}.schema.json").read_text(encoding="utf-8"))
    for key in where:
        schema = schema[key]
    lines = (ROOT / "data" / file).read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.lstrip(" -").startswith(f"{field}:"))
    help_text = server.hover(shipped[file], number, lines[number].index(f"{field}:") + 1)
    assert help_text.startswith(f"#### {schema['title']}\n"), help_text
    assert schema["description"] in help_text.replace("\\", ""), help_text


@pytest.mark.parametrize("name", DATA_FILES)
def test_shipped_data_file_gets_hover_help_from_its_own_schema(server, shipped, name):
    """No errors could also mean no schema was found; hover help on the first field shows that it was."""
    lines = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=schemas/{Path(name).stem}.schema.json"
    help_text = server.hover(shipped[name], first_field(lines), 1)
    assert f"Source: [{Path(name).stem}.schema.json]" in help_text


# Each mistake: the file, the text replaced, what replaces it, how the line the editor must flag starts, and
# how the message shown there starts.
MISTAKES = {
    "unknown-field": (
        "charter.yml",
        "    meaning: Your territory",
        "    meanign: Your territory",
        "    meanign: Your territory",
        "Property meanign is not allowed",
    ),
    "wrong-type": (
        "bootcamp.yml",
        "  average_deal_size: 20000\n",
        "  average_deal_size: twenty thousand\n",
        "  average_deal_size:",
        'Incorrect type. Expected "integer"',
    ),
    "missing-required-field": (
        "charter.yml",
        "    name: Make our own luck\n",
        "",
        "  - id: make-our-own-luck",
        'Missing property "name"',
    ),
    # The id rule lives in common.schema.json, so this is flagged only if the `$ref` to it resolves.
    "id-not-in-kebab-case": (
        "coaching_questions.yml",
        "  - id: diagnose\n",
        "  - id: Diagnose Deal\n",
        "  - id: Diagnose Deal",
        "String does not match the pattern",
    ),
    "tab-indentation": (
        "charter.yml",
        "    name: Make our own luck\n",
        "\tname: Make our own luck\n",
        "\tname: Make our own luck",
        "Tabs are not allowed as indentation",
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_broken_copy_is_flagged_in_the_editor_at_the_line_of_the_mistake(server, scratch, mistake):
    name, old, new, flagged_line, message = MISTAKES[mistake]
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {name}"
    broken = text.replace(old, new)
    starts = [number for number, line in enumerate(broken.splitlines()) if line.startswith(flagged_line)]
    assert len(starts) == 1, f"one line of the broken {name} must start with {flagged_line!r}"
    copy = scratch / f"{mistake}.yml"
    copy.write_text(broken, encoding="utf-8")

    diagnostics = server.diagnostics(server.open(copy))

    flagged = [d for d in diagnostics if d["range"]["start"]["line"] == starts[0] and d["message"].startswith(message)]
    assert flagged, f"expected {message!r} on line {starts[0] + 1}, got {errors(diagnostics)}"
    assert all(d.get("severity", 1) == 1 for d in flagged)


# Without the schema line: .vscode/settings.json maps each file to its schema, for a leader whose copy lost it.


def workspace_settings() -> dict:
    """The `yaml.*` settings of .vscode/settings.json as the server pulls them: dotted keys become nested."""
    yaml_settings: dict = {}
    for key, value in json.loads(VSCODE_SETTINGS.read_text(encoding="utf-8")).items():
        if key.startswith("yaml."):
            *parents, last = key.removeprefix("yaml.").split(".")
            node = yaml_settings
            for parent in parents:
                node = node.setdefault(parent, {})
            node[last] = value
    # Offline here; VS Code would fetch these catalogues, which the data files do not need.
    yaml_settings["schemaStore"] = {"enable": False}
    yaml_settings["kubernetesCRDStore"] = {"enable": False}
    return {"yaml": yaml_settings}


def test_vscode_recommends_the_red_hat_yaml_extension():
    recommendations = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommendations


def test_vscode_settings_map_every_data_file_to_the_schema_its_first_line_names():
    mapped = workspace_settings()["yaml"]["schemas"]
    expected = {f"data/schemas/{Path(name).stem}.schema.json": f"data/{name}" for name in DATA_FILES}
    expected |= {f"data/schemas/teams/{path.name}": f"data/teams/*/{path.name.removesuffix('.schema.json')}.yml" for path in (ROOT / "data" / "schemas" / "teams").glob("*.schema.json")}
    assert mapped == expected
    assert all((ROOT / schema).is_file() for schema in mapped)


@pytest.fixture(scope="module")
def unmarked_workspace(tmp_path_factory) -> Path:
    """A copy of the handbook's data with every file's schema line taken out."""
    workspace = tmp_path_factory.mktemp("workspace")
    shutil.copytree(ROOT / "data" / "schemas", workspace / "data" / "schemas")
    for name in DATA_FILES:
        lines = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (workspace / "data" / name).write_text("".join(lines[1:]), encoding="utf-8")
    return workspace


@pytest.fixture(scope="module")
def workspace_server(unmarked_workspace):
    client = LanguageClient(_server_command(), unmarked_workspace, workspace_settings())
    try:
        client.initialize(unmarked_workspace)
        client.configure()
        yield client
    finally:
        client.close()


def test_without_the_schema_line_the_workspace_settings_still_find_each_schema(workspace_server, unmarked_workspace):
    opened = {name: workspace_server.open(unmarked_workspace / "data" / name) for name in DATA_FILES}
    for name, uri in opened.items():
        assert errors(workspace_server.diagnostics(uri)) == [], name
        lines = (unmarked_workspace / "data" / name).read_text(encoding="utf-8").splitlines()
        assert f"{Path(name).stem}.schema.json" in workspace_server.hover(uri, first_field(lines), 1), name


def test_without_the_schema_line_a_mistake_is_still_flagged(workspace_server, unmarked_workspace):
    text = (unmarked_workspace / "data" / "charter.yml").read_text(encoding="utf-8")
    broken = text.replace("    meaning: Your territory", "    meanign: Your territory")
    expected_line = next(number for number, line in enumerate(broken.splitlines()) if "meanign" in line)
    # Any data/charter.yml in the workspace matches the pattern; this one is a second, broken copy.
    charter = unmarked_workspace / "broken" / "data" / "charter.yml"
    charter.parent.mkdir(parents=True)
    charter.write_text(broken, encoding="utf-8")

    diagnostics = workspace_server.diagnostics(workspace_server.open(charter))

    assert [d["range"]["start"]["line"] for d in diagnostics if "meanign" in d["message"]] == [expected_line]


def test_mkdocs_yml_has_no_errors_with_the_workspace_settings(workspace_server):
    """mkdocs.yml reads SITE_URL through mkdocs' !ENV tag; the workspace settings declare the tag, or the editor
    marks that line as an error."""
    assert errors(workspace_server.diagnostics(workspace_server.open(ROOT / "mkdocs.yml"))) == []


# A team's changes (data/teams/<team>/<file>.yml): each file's schema in data/schemas/teams/ takes its items from the
# data file's own schema, so a replaced item gets the same help as in the organisation's file.
TEAM_FILES = sorted((ROOT / "data" / "teams").glob("*/*.yml"))


@needs(NEEDS_SECOND_TEAM)
@pytest.mark.parametrize("path", TEAM_FILES, ids=lambda path: path.relative_to(ROOT / "data").as_posix())
def test_a_teams_file_has_no_errors_and_the_help_of_the_file_it_changes(server, path):
    uri = server.open(path)
    assert errors(server.diagnostics(uri)) == []
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=../../schemas/teams/{path.stem}.schema.json"
    # an item's id, or, in a file that replaces whole values only (a list of texts), the first value it names
    number = next((n for n, line in enumerate(lines) if line.lstrip(" -").startswith("id:")), None)
    if number is None:
        number = next(n for n, line in enumerate(lines) if re.match(r"^  [a-z_]+:", line))
    word = lines[number].strip(" -").split(":")[0] + ":"
    assert f"{path.stem}.schema.json" in server.hover(uri, number, lines[number].index(word) + 1)


@needs(NEEDS_SECOND_TEAM)
def test_a_mistake_in_a_teams_replaced_item_is_flagged_at_its_line(server, tmp_path):
    team = tmp_path / "data" / "teams" / "key-accounts"
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    team.mkdir(parents=True)
    text = (ROOT / "data" / "teams" / "key-accounts" / "checklists.yml").read_text(encoding="utf-8")
    broken = text.replace("      title: New key-account rep's first week", "      titel: New key-account rep's first week")
    assert broken != text
    (team / "checklists.yml").write_text(broken, encoding="utf-8")
    expected_line = next(number for number, line in enumerate(broken.splitlines()) if "titel" in line)

    diagnostics = server.diagnostics(server.open(team / "checklists.yml"))

    assert any(d["range"]["start"]["line"] == expected_line and d["message"].startswith("Property titel is not allowed") for d in diagnostics), errors(diagnostics)
