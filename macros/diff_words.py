"""How a change summary quotes the handbook: names shortened to fit a line, and a changed value as old → new.

Every quote stays on one line (a line break shows as ⏎), a long value is cut around the part that changed, and
values are shown as typed: the summary is Markdown, so their Markdown characters are escaped.
"""

import re
from collections import Counter
from collections.abc import Iterator

from .problems import LINE_BREAK

ABSENT = object()  # a key one version of the data does not have (unlike a key set to null)
NAME_LENGTH = 60  # characters of a name or sentence quoted in a summary line
VALUE_LENGTH = 70  # characters of a value quoted before or after a change
CONTEXT = 25  # characters kept either side of what changed in a long value
CHANGES_SHOWN = 5  # changes listed for one field before the rest are counted
ENTRIES_QUOTED = 3  # entries of a list quoted whole; a longer list is counted
_NAME_KEYS = ("name", "title", "label", "term", "day", "page", "text", "prompt", "id")  # the first of these an entry has names it
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>~])")


def short_name(text: str) -> str:
    """A name, title or sentence as a reader sees it (links and emphasis as their text), shortened to fit a line."""
    text = " ".join(re.sub(r"[*`]", "", _LINK.sub(r"\1", text)).split())
    return _cut_end(text, NAME_LENGTH)


def differences(old, new) -> list[str]:
    """What changed in one field, a phrase for each change: '"A" → "B"', 'added "x"', ''Mostly managing' to 40 → 35'."""
    phrases = list(_differences(old, new, ()))
    if len(phrases) > CHANGES_SHOWN:
        return phrases[: CHANGES_SHOWN - 1] + [f"and {len(phrases) - CHANGES_SHOWN + 1} more changes"]
    return phrases


def change(old, new) -> str:
    """'"Northwind EMEA" → "Northwind Europe"'; long text cut around what changed, so the change itself shows."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return f"{value(old)} → {value(new)}"
    old_line, new_line = _one_line(old), _one_line(new)
    if old_line == new_line:
        return "only spaces or line breaks changed"
    before, after = _around_change(old_line, new_line)
    return f'"{_escaped(before)}" → "{_escaped(after)}"'


def value(item) -> str:
    """One value as a summary quotes it: text in double quotes, numbers and true/false as typed, an entry by its name."""
    if item is ABSENT or item is None or item == []:
        return "(none)"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return str(item)
    if isinstance(item, str):
        return f'"{_escaped(_cut_end(_one_line(item), VALUE_LENGTH))}"'
    if isinstance(item, dict):
        name = _entry_name(item)
        return f"'{name}'" if name else "an entry"
    if len(item) <= ENTRIES_QUOTED and all(is_plain(each) for each in item):
        return ", ".join(value(each) for each in item)
    return f"{len(item)} entries"


def is_plain(item) -> bool:
    """A value quoted whole in a summary: text, a number, true/false or nothing."""
    return item is None or isinstance(item, str | int | float | bool)


def words(key) -> str:
    return str(key).replace("_", " ")


def _differences(old, new, where: tuple[str, ...]) -> Iterator[str]:
    if old == new:
        return
    # A group of fields or a list that one version lacks is described by what is in it.
    if old is ABSENT or old is None:
        old = {} if isinstance(new, dict) else [] if isinstance(new, list) else old
    if new is ABSENT or new is None:
        new = {} if isinstance(old, dict) else [] if isinstance(old, list) else new
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*new, *(key for key in old if key not in new)]:
            yield from _differences(old.get(key, ABSENT), new.get(key, ABSENT), where + (words(key),))
    elif isinstance(old, list) and isinstance(new, list):
        yield from _list_differences(old, new, where)
    else:
        yield " ".join(where + (change(old, new),))


def _list_differences(old: list, new: list, where: tuple[str, ...]) -> Iterator[str]:
    """Entries matched by place while the list keeps its length, else by name (or, unnamed, by value): the
    entries only one version has are added or removed."""
    if sorted(map(repr, old)) == sorted(map(repr, new)):
        yield " ".join(where + ("reordered",))
    elif len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            name = _entry_name(after) if isinstance(after, dict) else None
            yield from _differences(before, after, where + (f"'{name}'" if name else f"entry {index + 1}",))
    elif (old_named := _by_name(old)) is not None and (new_named := _by_name(new)) is not None:
        for name, after in new_named.items():
            if name in old_named:
                yield from _differences(old_named[name], after, where + (f"'{name}'",))
            else:
                yield " ".join(where + (f"added '{name}'",))
        yield from (" ".join(where + (f"removed '{name}'",)) for name in old_named if name not in new_named)
    else:
        yield from (" ".join(where + (f"added {value(item)}",)) for item in only_in(new, old))
        yield from (" ".join(where + (f"removed {value(item)}",)) for item in only_in(old, new))


def _by_name(entries: list) -> dict | None:
    """The entries by name, when every entry is a mapping with a name of its own."""
    names = [_entry_name(entry) if isinstance(entry, dict) else None for entry in entries]
    if None in names or len(set(names)) != len(names):
        return None
    return dict(zip(names, entries, strict=True))


def only_in(items: list, other: list, key=repr) -> list:
    """The entries of `items` that `other` does not have as many times (compared by `key`), in their order."""
    spare = Counter(map(key, other))
    found = []
    for item in items:
        if spare[key(item)]:
            spare[key(item)] -= 1
        else:
            found.append(item)
    return found


def _entry_name(entry: dict) -> str | None:
    for key in _NAME_KEYS:
        if isinstance(entry.get(key), str) and entry[key].strip():
            return short_name(entry[key])
    return None


def _one_line(text: str) -> str:
    """The text on one line; the line break YAML adds after a `|` block is not one a leader typed."""
    return " ".join(text.strip().replace("\n", f" {LINE_BREAK} ").split())


def _around_change(old: str, new: str) -> tuple[str, str]:
    """Both texts, cut to what changed with a little of what surrounds it when either is too long to quote whole."""
    if len(old) <= VALUE_LENGTH and len(new) <= VALUE_LENGTH:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    same_end = 0
    while same_end < min(len(old), len(new)) - start and old[-1 - same_end] == new[-1 - same_end]:
        same_end += 1
    head = _word_start(old, max(0, start - CONTEXT))
    tail = _word_end(old, len(old) - max(0, same_end - CONTEXT))
    dropped = len(old) - tail
    return _window(old, head, len(old) - dropped), _window(new, head, len(new) - dropped)


def _word_start(text: str, position: int) -> int:
    """`position`, moved back to the start of its word (back, so that nothing that changed is cut off)."""
    return text.rfind(" ", 0, position + 1) + 1 if position else 0


def _word_end(text: str, position: int) -> int:
    """`position`, moved on to the end of its word."""
    if position >= len(text) or text[position] == " ":
        return position
    space = text.find(" ", position)
    return space if space != -1 else len(text)


def _window(text: str, start: int, end: int) -> str:
    part = _cut_end(text[start:end], VALUE_LENGTH)
    return ("…" if start else "") + part + ("…" if end < len(text) and not part.endswith("…") else "")


def _cut_end(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if text[length - 1] != " ":
        cut = cut.rsplit(" ", 1)[0] or cut  # end on a whole word
    return cut.rstrip(" ,;:.") + "…"


def _escaped(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)
