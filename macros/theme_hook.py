"""MkDocs hook: filters for our theme overrides (overrides/*.html), which Jinja renders outside macros."""

from markupsafe import Markup

_PLAIN = set(" .,:;-–—·'()/&!?+")


def css_string(text) -> Markup:
    """`text` as a quoted CSS string; anything but letters, digits and plain punctuation is escaped, so a
    page title can never end the string or the <style> element it sits in."""
    escaped = "".join(ch if ch.isalnum() or ch in _PLAIN else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(f'"{escaped}"')


def on_env(env, config, files):
    env.filters["css_string"] = css_string
    return env
