"""The words of the handbook's tools in the language being built (data/strings.yml, or a translation of it merged
key by key): templates ask for them with t("group.key", name=value), widget scripts with Playbook.t("group.key",
{name: value}) from the same table (macros/bundles.py writes each script the keys it asks for). Words in {braces}
are filled in; words that change with a number pick the language's form for `count` (Unicode CLDR, by Babel)."""

import re

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .languages import PLACEHOLDER

# A key as templates and scripts write it: the tool's group, a dot, the words' key.
KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


class Words:
    def __init__(self, table: dict[str, dict], code: str):
        self.table = table
        self.code = code
        try:
            self.locale = Locale.parse(code, sep="-")
        except (UnknownLocaleError, ValueError):
            self.locale = Locale("en")

    def raw(self, key: str):
        """The words under `key` as written: text, or a form for each plural category. A key nobody wrote is an
        error, found by the build rather than shown to a reader."""
        group, _, name = key.partition(".")
        try:
            return self.table[group][name]
        except KeyError:
            raise KeyError(f"data/strings.yml has no {key!r}") from None

    def __call__(self, key: str, **values) -> Markup:
        """The words under `key` with their {braces} filled in, as escaped HTML: the words are text, and a value
        that is already HTML (a link) stays HTML."""
        words = self.raw(key)
        if isinstance(words, dict):
            words = words.get(self.locale.plural_form(values["count"]), words["other"])
        return Markup("").join(
            escape(part) if index % 2 == 0 else self._value(values[part])
            for index, part in enumerate(PLACEHOLDER.split(words))
        )

    def _value(self, value) -> Markup:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return escape(format_decimal(value, locale=self.locale))
        return escape(value)

    def for_script(self, keys) -> dict:
        """The words a script asks for, by key, as it gets them (Playbook.t picks forms and fills braces itself)."""
        return {key: self.raw(key) for key in sorted(keys)}
