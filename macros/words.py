"""The words of the handbook's tools in the language being built (data/strings.yml, or a translation of it merged
key by key): templates ask for them with t("group.key", name=value), widget scripts with Playbook.t("group.key",
{name: value}) from the same table (macros/bundles.py writes each script the keys it asks for). Words in {braces}
are filled in; words that change with a number pick the language's form for `count` (Unicode CLDR, by Babel)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .languages import PLACEHOLDER
from .meeting_time import whole

# The languages that write every noun with a capital letter, so a title keeps its case inside a sentence.
NOUNS_CAPITALISED = {"de", "lb"}


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
        return Markup("").join(
            escape(part) if index % 2 == 0 else self._value(values[part])
            for index, part in enumerate(PLACEHOLDER.split(self._form(key, values)))
        )

    def plain(self, key: str, **values) -> str:
        """The words under `key`, filled in, as plain text: for a file that is not HTML (a calendar's events)."""
        return PLACEHOLDER.sub(lambda found: self._figure(values[found.group(1)]), self._form(key, values))

    def _form(self, key: str, values: dict) -> str:
        """The words under `key`; for words that change with a number, the form the language takes for `count`."""
        words = self.raw(key)
        if isinstance(words, dict):
            return words.get(self.locale.plural_form(values["count"]), words["other"])
        return words

    def _figure(self, value) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return format_decimal(value, locale=self.locale)
        return str(value)

    def _value(self, value) -> Markup:
        return escape(self._figure(value)) if not isinstance(value, Markup) else value

    def number(self, value, scale: int = 1) -> str:
        """A figure from the data (times `scale`) as typed, in the language's digits: 2.5 is "2.5", or "2,5"."""
        return format_decimal((Decimal(str(value)) * scale).normalize(), locale=self.locale, decimal_quantization=False, group_separator=False)

    def percent(self, share: Fraction, places: int = 0) -> Markup:
        """A share as a percentage, a half going up: 2680/10400 is "26%" in English, "26 %" in German."""
        scaled = Decimal(whole(share * 100 * 10**places)).scaleb(-places)
        return self("units.percent", number=format_decimal(scaled, locale=self.locale, decimal_quantization=False))

    def percent_against(self, share: Fraction, limit: Fraction) -> Markup:
        """A share beside a limit, with a place where whole percents would hide which side of it the share is on:
        505/1000 against a limit of 1/2 is "50.5%", not "50%"."""
        shown = self.percent(share)
        return self.percent(share, 1) if share != limit and shown == self.percent(limit) else shown

    def duration(self, minutes: Fraction | int) -> Markup:
        """Minutes as a reader says them, to the nearest minute: "20 min", "2 h", "2 h 10 min"."""
        hours, rest = divmod(whole(Fraction(minutes)), 60)
        if not hours:
            return self("units.minutes", minutes=rest)
        return self("units.hours_minutes", hours=hours, minutes=rest) if rest else self("units.hours", hours=hours)

    def listed(self, names: list[str]) -> str:
        """Names joined as the language lists them, as the widgets' Playbook.list does: "A, B and C", "A, B und C"."""
        return format_list(list(names), locale=self.locale)

    def date(self, iso: str) -> str:
        """A day from the data ("2026-01-05") as the language writes it in a sentence: "5 January 2026", "5. Januar 2026"."""
        return format_date(date.fromisoformat(iso), format="long", locale=self.locale)

    def in_sentence(self, title: str) -> str:
        """A title as it reads inside a sentence: in lower case ("download the onboarding pack"), except in the
        languages that write every noun with a capital (German, Luxembourgish)."""
        return title if self.locale.language in NOUNS_CAPITALISED else title.lower()

    def for_script(self, keys) -> dict:
        """The words a script asks for, by key, as it gets them (Playbook.t picks forms and fills braces itself)."""
        return {key: self.raw(key) for key in sorted(keys)}
