"""The fingerprint of an answerable item's text (an assessment statement, a checklist item, a decision-helper
signal): saved with each answer in the reader's browser, so when a leader rewords an item the page can say
"changed since you answered" instead of keeping or losing the answer silently."""

import hashlib


def fingerprint(text: str) -> str:
    """The first 10 hex digits of the SHA-256 of the item's text as written in the data (Markdown and all)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
