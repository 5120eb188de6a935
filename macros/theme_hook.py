"""MkDocs hook for our theme overrides: a filter their templates use, and our stylesheets and scripts
joined into one file each (one request per page, and gzip compresses the whole better than the parts)."""

from pathlib import Path

from markupsafe import Markup

# Bundle in the site → its sources in overrides/assets, in load order. The widgets register themselves;
# the bootstrap (playbook.js) comes last and runs them. print.css comes last so paper rules win.
BUNDLES = {
    "assets/playbook.bundle.css": ["playbook.css", "checklist.css", "assessment.css", "decision.css", "explorer.css", "planner.css", "print.css"],
    "assets/playbook.bundle.js": ["checklist.js", "assessment.js", "decision.js", "explorer.js", "planner.js", "playbook.js"],
}

_PLAIN = set(" .,:;-–—·'()/&!?+")


def css_string(text) -> Markup:
    """`text` as a quoted CSS string; anything but letters, digits and plain punctuation is escaped, so a
    page title can never end the string or the <style> element it sits in."""
    escaped = "".join(ch if ch.isalnum() or ch in _PLAIN else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(f'"{escaped}"')


def on_env(env, config, files):
    env.filters["css_string"] = css_string
    return env


def on_post_build(config):
    sources = Path(config["theme"].custom_dir) / "assets"
    for bundle, parts in BUNDLES.items():
        target = Path(config["site_dir"]) / bundle
        target.write_text("\n".join((sources / part).read_text(encoding="utf-8") for part in parts), encoding="utf-8")
