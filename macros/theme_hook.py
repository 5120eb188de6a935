"""MkDocs hook for our theme overrides: what each page is made from and when that last changed, a filter
their templates use, and our stylesheets and scripts joined into one file each (one request per page, and
gzip compresses the whole better than the parts)."""

import os
from pathlib import Path

from markupsafe import Markup

from macros.freshness import last_changed
from macros.source_links import SourceLinks

# Bundle in the site → its sources in overrides/assets, in load order. The widgets register themselves;
# the bootstrap (playbook.js) comes last and runs them. print.css comes last so paper rules win.
BUNDLES = {
    "assets/playbook.bundle.css": ["playbook.css", "checklist.css", "assessment.css", "decision.css", "explorer.css", "planner.css", "forms.css", "rhythm.css", "workspace.css", "one-to-one.css", "charts.css", "tables.css", "print.css"],
    "assets/playbook.bundle.js": ["workspace.js", "workspace-file.js", "rep-picker.js", "workspace-page.js", "checklist.js", "assessment-notes.js", "assessment.js", "assessment-result.js", "assessment-export.js", "decision.js", "explorer.js", "planner.js", "question-basket.js", "calendar.js", "one-to-one.js", "charts.js", "rep-history.js", "team-view.js", "playbook.js"],
}

_PLAIN = set(" .,:;-–—·'()/&!?+")


def css_string(text) -> Markup:
    """`text` as a quoted CSS string; anything but letters, digits and plain punctuation is escaped, so a
    page title can never end the string or the <style> element it sits in."""
    escaped = "".join(ch if ch.isalnum() or ch in _PLAIN else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(f'"{escaped}"')


_dates: dict[str, str] = {}


def on_config(config):
    """Read git history once per build (and per rebuild under `make serve`)."""
    _dates.clear()
    _dates.update(last_changed(Path(config.config_file_path).parent))
    return config


def on_page_context(context, page, config, nav):
    """Give the page its sources: the data files its macros showed (noted by macros/wiring.py) and its
    own Markdown file, each with an edit link, and the latest date any of them changed."""
    root = Path(config.config_file_path).parent
    markdown = Path(os.path.relpath(Path(config.docs_dir) / page.file.src_path, root)).as_posix()
    links = SourceLinks(config.repo_url, config.edit_uri)
    files = page.meta.get("data_files", []) + [markdown]
    page.meta["sources"] = [{"path": path, "edit_url": links.edit(path)} for path in files]
    page.meta["last_changed"] = max((_dates[path] for path in files if path in _dates), default=None)
    return context


def on_env(env, config, files):
    env.filters["css_string"] = css_string
    return env


def on_post_build(config):
    """Write each bundle, and remove the parts mkdocs copied from the theme folder: no page loads them."""
    sources = Path(config["theme"].custom_dir) / "assets"
    for bundle, parts in BUNDLES.items():
        target = Path(config["site_dir"]) / bundle
        target.write_text("\n".join((sources / part).read_text(encoding="utf-8") for part in parts), encoding="utf-8")
        for part in parts:
            (target.parent / part).unlink(missing_ok=True)
