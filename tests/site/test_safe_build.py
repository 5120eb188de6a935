"""A failed build leaves the last good site/ as it was; a good build replaces it whole."""

import sys

from tests.conftest import run


def _build(project):
    # Without printing: what a build does with the PDFs is tested in test_deployable_build.py.
    return run([sys.executable, "-m", "macros", "build", "--root", str(project), "--site", "site", "--pdf", "skip"], project)


def test_failed_build_keeps_the_last_good_site_and_leaves_no_half_written_folder(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")
    charter = project / "data" / "charter.yml"
    charter.write_text(charter.read_text(encoding="utf-8").replace("    meaning:", "    meanign:", 1), encoding="utf-8")

    result = _build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"
    # Beside the site, only what the next build may reuse: each file's digest, no half-built site or rendered pages.
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".")) == [".playbook"]
    assert sorted(path.relative_to(project).as_posix() for path in (project / ".playbook").rglob("*")) == [".playbook/cache", ".playbook/cache/digests.json"]


def test_good_build_replaces_the_site_whole(project):
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("from an old build", encoding="utf-8")

    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "charter" / "index.html").is_file()
    # Nothing left beside the site but the build's cache (no half-built site; the rendered pages are the cache's).
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".")) == [".playbook"]
    assert [path.name for path in (project / ".playbook").iterdir()] == ["cache"]
