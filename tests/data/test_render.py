"""The render step (macros/render.py): what it writes for the engine, read back as the engine reads it."""

import html
import os
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from macros.handbook import Project
from macros.render import render
from tests.conftest import run
from tests.helpers import as_written, data, site_name, yaml_text


def _front_matter(out: Path, page: str) -> tuple[dict, str]:
    body, meta = get_data((out / "docs" / page).read_text(encoding="utf-8"))
    return meta, body


def test_a_page_reads_what_mkdocs_macros_gave_it(project: Path, tmp_path: Path):
    (project / "docs" / "extra.md").write_text(
        "---\nowner: Sales ops\n---\n\n# Extra\n\n"
        "{{ config.site_name }} | {{ page.title }} | {{ page.url }} | {{ page.meta.owner }} | {{ owner }} | {{ site_name() }}\n",
        encoding="utf-8")
    rendered = render(Project(project), tmp_path / "out")
    assert rendered.problems == []
    meta, body = _front_matter(tmp_path / "out", "extra.md")
    name = site_name(project)
    # as the page's HTML reads it: the macro writes a colon in a data value as `&#58;`
    assert html.unescape(body.strip().splitlines()[-1]) == f"{name} | Extra | extra/ | Sales ops | Sales ops | {name}"
    assert meta["owner"] == "Sales ops"


def test_the_engine_reads_the_rendered_pages_with_the_handbooks_settings_and_runs_none_of_our_code(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    render(Project(project), out)
    engine = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert engine["INHERIT"] == os.path.abspath(project / "mkdocs.yml")
    assert (engine["docs_dir"], engine["theme"]["custom_dir"]) == ("docs", "overrides")
    assert engine["hooks"] == [] and engine["watch"] == []
    assert engine["plugins"] == ["search", "tags"]
    assert sorted(path.name for path in (out / "overrides" / "assets").iterdir()) == ["playbook.bundle.css", "playbook.bundle.js", "widgets", "workspace.schema.json"]


def test_a_page_names_its_sources_with_edit_links_to_the_real_files_and_its_widgets(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    render(Project(project), out)
    meta, body = _front_matter(out, "checklists.md")
    assert [source["path"] for source in meta["sources"]] == ["data/checklists.yml", "docs/checklists.md"]
    assert meta["sources"][1]["edit_url"] == "https://github.com/example/playbook/edit/main/docs/checklists.md"
    # The 1:1 preparation, done before each 1:1, reads the rep's 1:1s held (commitments.js): that page alone loads it.
    assert meta["widget_scripts"] == ["assets/widgets/dates.js", "assets/widgets/workdays.js", "assets/widgets/workspace.js", "assets/widgets/time-away.js", "assets/widgets/checklist.js",
                                      "assets/widgets/commitments.js", "assets/widgets/checklist-one-to-ones.js", "assets/widgets/term-tooltip.js"]
    prospecting, _ = _front_matter(out, "prospecting.md")  # its daily and weekly lists need no 1:1s
    assert "assets/widgets/checklist.js" in prospecting["widget_scripts"] and "assets/widgets/commitments.js" not in prospecting["widget_scripts"]
    assert meta["shows_dates"] is True
    assert "{{" not in body and 'data-checklist="' in body
    # The copy has no git history, so nothing says when it changed.
    assert meta["last_changed"] is None
    assert meta["print_footer"] == f'"{site_name(project)} · Checklists"'


def test_rendering_again_touches_only_what_changed_and_removes_what_went(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    notes = project / "docs" / "coaching" / "notes.md"
    notes.write_text("# Notes\n", encoding="utf-8")
    render(Project(project), out)
    for path in out.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1, 1))
    glossary = project / "docs" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    notes.unlink()

    assert render(Project(project), out).problems == []
    touched = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file() and path.stat().st_mtime_ns != 1)
    assert touched == ["docs/glossary.md"]
    assert not (out / "docs" / "coaching" / "notes.md").exists()


def test_a_render_with_problems_writes_nothing_and_says_where(project: Path, tmp_path: Path):
    levels = project / "data" / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("levels:", "levles:", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = run([sys.executable, "-m", "macros", "render", "--out", str(out)], project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("data/levels.yml:")
    assert not out.exists()


def _render_in_a_fresh_python(project: Path, out: Path) -> list[str]:
    """Whether a render in a new process succeeded, and whether it loaded the data layer (the model, or the
    schema checker)."""
    script = ("import sys; from pathlib import Path; from macros.project import Project; from macros.render import render; "
              f"rendered = render(Project(Path('.')), Path({str(out)!r}), cache=Project(Path('.')).cache_dir); "
              "print(rendered.problems == [], 'macros.model' in sys.modules or 'jsonschema' in sys.modules)")
    result = run([sys.executable, "-c", script], project)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def _files(out: Path) -> dict[str, bytes]:
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*") if path.is_file()}


def test_a_render_with_nothing_changed_is_copied_from_the_cache_without_loading_the_data_layer(project: Path, tmp_path: Path):
    assert _render_in_a_fresh_python(project, tmp_path / "cold") == ["True", "True"]
    assert _render_in_a_fresh_python(project, tmp_path / "warm") == ["True", "False"]
    assert _files(tmp_path / "warm") == _files(tmp_path / "cold")


TEAM = data("charter")["team"]
CHANGES = {
    "a data file": ("data/charter.yml", f"team: {TEAM}", f"team: {yaml_text(TEAM + ' and Key Accounts')}"),
    "a page": ("docs/glossary.md", "# ", "# Our "),
    "the theme's CSS": ("overrides/assets/playbook.css", "{", "{outline:0;"),
    "mkdocs.yml": ("mkdocs.yml", f"site_name: {site_name()}", f"site_name: {yaml_text(site_name() + ' for Key Accounts')}"),
}


def _change(project: Path, path: str, old: str, new: str) -> None:
    changed = project / path
    text = changed.read_text(encoding="utf-8")
    old = as_written(text, old)
    assert old in text
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_to_what_a_render_is_made_from_is_rendered_again(project: Path, tmp_path: Path, change: str):
    cache = tmp_path / "cache"
    render(Project(project), tmp_path / "before", cache=cache)
    _change(project, *CHANGES[change])
    render(Project(project), tmp_path / "cached", cache=cache)
    render(Project(project), tmp_path / "fresh")
    assert _files(tmp_path / "cached") == _files(tmp_path / "fresh") != _files(tmp_path / "before")


def test_a_change_to_the_code_that_renders_is_rendered_again(project: Path, tmp_path: Path):
    """The handbook's own macros/ renders it (make runs from its folder), so a new template is a new render."""
    _render_in_a_fresh_python(project, tmp_path / "before")
    _change(project, "macros/templates/charter.html", "pb-charter__meta", "pb-charter__meta pb-changed")
    assert _render_in_a_fresh_python(project, tmp_path / "after") == ["True", "True"]
    assert b"pb-changed" in (tmp_path / "after" / "docs" / "charter.md").read_bytes()


def test_an_edit_that_keeps_a_files_size_and_time_is_still_rendered_again(project: Path, tmp_path: Path):
    """The cache reuses a file's digest while its size and modification time are as recorded; one changed moments
    before a build is not recorded, so a second edit within the clock's resolution (same size, same time) counts."""
    cache = tmp_path / "cache"
    charter = project / "data" / "charter.yml"
    _change(project, "data/charter.yml", f"team: {TEAM}", "team: Field Sale!")
    written = charter.stat().st_mtime_ns
    render(Project(project), tmp_path / "before", cache=cache)
    _change(project, "data/charter.yml", "Field Sale!", "Field Sale?")
    os.utime(charter, ns=(written, written))
    render(Project(project), tmp_path / "after", cache=cache)
    assert b"Field Sale?" in (tmp_path / "after" / "docs" / "charter.md").read_bytes()


def _build(project: Path) -> None:
    result = run([sys.executable, "-m", "macros", "build", "--root", str(project), "--site", "site", "--pdf", "skip"], project)
    assert result.returncode == 0, result.stderr


def _stamps(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_a_build_with_nothing_changed_gives_the_engine_the_cached_pages_as_they_are(project: Path):
    entry = Project(project).cache_dir / "rendered"
    _build(project)
    before, site = _stamps(entry), _files(project / "site")
    assert "docs/charter.md" in before and "mkdocs.yml" in before
    _build(project)
    assert _stamps(entry) == before
    assert _files(project / "site") == site


def test_a_render_stopped_halfway_is_never_taken_for_the_cache(project: Path):
    """A build cut off while writing the cache leaves its folder without the stamp that names what it was made
    from: the next build renders again over it."""
    entry = Project(project).cache_dir / "rendered"
    _build(project)
    page = (entry / "docs" / "charter.md").read_bytes()
    (entry / ".made-from.json").unlink()
    (entry / "docs" / "charter.md").write_text("# half written", encoding="utf-8")
    _build(project)
    assert (entry / "docs" / "charter.md").read_bytes() == page
    assert "half written" not in (project / "site" / "charter" / "index.html").read_text(encoding="utf-8")


def test_the_pdfs_a_site_holds_are_part_of_what_a_render_is_made_from(project: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    render(Project(project), tmp_path / "every", cache=cache)
    render(Project(project), tmp_path / "none", pdfs=[], cache=cache)
    assert _files(tmp_path / "none") == _files(render(Project(project), tmp_path / "fresh", pdfs=[]).settings_file.parent)
    assert _files(tmp_path / "none") != _files(tmp_path / "every")


def _render_counting_loads(project: Path, out: Path, cache: Path | None, monkeypatch) -> tuple[list, list[str]]:
    """A render with `cache` (None: none) as a new process starts it (nothing checked yet in memory): its
    problems, and the data files it loaded."""
    import macros.handbook
    import macros.schema_check

    loaded = []
    load_bytes = macros.handbook.load_bytes
    monkeypatch.setattr(macros.handbook, "load_bytes", lambda raw, display: (loaded.append(display), load_bytes(raw, display))[1])
    macros.handbook.CHECKED_FILES.clear()
    macros.schema_check._validators.cache_clear()
    problems = render(Project(project), out, cache=cache).problems
    monkeypatch.undo()
    return problems, loaded


def test_after_a_leaders_edit_to_one_data_file_the_next_build_loads_and_checks_that_file_alone(project: Path, tmp_path: Path, monkeypatch):
    cache = tmp_path / "cache"
    problems, loaded = _render_counting_loads(project, tmp_path / "before", cache, monkeypatch)
    assert problems == [] and len(loaded) > 15 and "data/charter.yml" in loaded
    _change(project, *CHANGES["a data file"])
    problems, loaded = _render_counting_loads(project, tmp_path / "after", cache, monkeypatch)
    assert problems == [] and loaded == ["data/charter.yml"]
    # The fresh render checks every file itself: nothing kept, in memory or on disk.
    problems, loaded = _render_counting_loads(project, tmp_path / "fresh", None, monkeypatch)
    assert problems == [] and len(loaded) > 15
    assert _files(tmp_path / "after") == _files(tmp_path / "fresh")


def test_a_schema_changed_since_the_last_build_checks_every_file_again(project: Path, tmp_path: Path, monkeypatch):
    """A check kept from the last build is never trusted under a different schema: here a field the charter
    lacks becomes required, and the next build says so."""
    cache = tmp_path / "cache"
    _render_counting_loads(project, tmp_path / "before", cache, monkeypatch)
    _change(project, "data/schemas/charter.schema.json", '"required": [', '"required": ["sponsor", ')
    problems, loaded = _render_counting_loads(project, tmp_path / "after", cache, monkeypatch)
    assert len(loaded) > 15
    assert any(problem.file == "data/charter.yml" and "sponsor" in problem.message for problem in problems), problems
