"""One handbook, several languages. data/languages.yml lists them, the one the handbook is written in first. A
translation replaces a default file whole, under the same name:

    data/languages/<code>/charter.yml   the charter in that language, every id, figure and code as in data/charter.yml
    data/languages/<code>/strings.yml   the tools' words, key by key: a key left out shows in the first language
    data/languages/<code>/navigation.yml  the navigation's titles and the site's description, from mkdocs.yml's
                                          words to the language's
    docs/charter.<code>.md              the page in that language

A translation changes words only: the same items in the same order, the same ids, dates, codes and figures, so
both languages state the same facts and a rep's saved answers carry over. What is not translated yet shows in the
first language, and `untranslated` lists it (file:line) as warnings."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from .loading import LocatedData, Path_, load_file
from .mkdocs_yml import SETTINGS_FILE, TolerantLoader, load_settings
from .problems import Problem, did_you_mean, quoted

LANGUAGES = "languages"  # data/languages.yml lists them; data/languages/<code>/ holds each one's translations
STRINGS = "strings"
NAVIGATION = "navigation"  # data/languages/<code>/navigation.yml: mkdocs.yml's titles in the language
UNTRANSLATABLE = {LANGUAGES}  # the languages' codes and names, the same on every site
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Language:
    code: str
    name: str


def listed_languages(data_dir: Path) -> list[Language]:
    """The languages data/languages.yml lists, read leniently (validation reports its mistakes): none without it."""
    try:
        listed = yaml.load((data_dir / f"{LANGUAGES}.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)[LANGUAGES]
        return [Language(str(language["code"]), str(language["name"])) for language in listed]
    except (OSError, yaml.YAMLError, TypeError, KeyError):
        return []


def first_language(data_dir: Path) -> Language | None:
    """The language the handbook is written in: data/*.yml, docs/ and data/strings.yml."""
    return next(iter(listed_languages(data_dir)), None)


def translations_dir(data_dir: Path, code: str) -> Path:
    return data_dir / LANGUAGES / code


def translated_page(name: str, code: str) -> str:
    """docs/ path of a page's translation: charter.md → charter.de.md."""
    return f"{name.removesuffix('.md')}.{code}.md"


def page_language(name: str) -> tuple[str, str] | None:
    """A page named as a translation (charter.de.md): the page it translates and the language's code."""
    stem, _, code = name.removesuffix(".md").rpartition(".")
    return (f"{stem}.md", code) if name.endswith(".md") and stem else None


def is_translation(name: str, codes) -> bool:
    """Whether a page under docs/ is another page's translation (charter.de.md), which only its language shows."""
    named = page_language(name)
    return named is not None and named[1] in codes


def stray_translations(docs_dir: Path, data_dir: Path) -> list[Problem]:
    """Pages named as another page's translation (charter.de.md beside charter.md) for a language data/languages.yml
    does not list: no site shows them as translations, so the build would publish each as a page of its own, as
    after deleting a language but only some of its pages."""
    codes = {language.code for language in listed_languages(data_dir)}
    if not codes and (data_dir / f"{LANGUAGES}.yml").is_file():
        return []  # a list that doesn't read: validation names its mistake, and these pages follow from it
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        original, code = page_language(page.name) or ("", "")
        if original and code not in codes and page.with_name(original).is_file():
            problems.append(Problem(
                f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}", 1, 1,
                f"a translation of {original} for a '{code}' site, but {data_dir.name}/{LANGUAGES}.yml lists no language "
                f"'{code}', so the build would publish it as a page of its own: delete it, or add the language",
            ))
    return problems


def plural_forms(code: str) -> set[str]:
    """The forms words take with a number in the language (Unicode CLDR, by Babel): {"one", "other"} in English
    and German, six in Arabic."""
    try:
        return set(Locale.parse(code, sep="-").plural_form.tags) | {"other"}
    except (UnknownLocaleError, ValueError):
        return {"one", "other"}


def language_name(code: str, in_language: str) -> str:
    """The language of `code` as `in_language` names it (Unicode CLDR, by Babel): "Englisch" for en-GB in German,
    for a sentence in that language (a German reviewer read "im Original (English)")."""
    return Locale.parse(in_language, sep="-").languages[Locale.parse(code, sep="-").language]


def check_languages(documents: dict[str, LocatedData], data_dir: Path, display_dir: str) -> list[Problem]:
    """data/languages.yml: codes listed once, each one Babel knows (for its plural forms and number words); and a
    folder under data/languages/ for listed languages only."""
    document = documents.get(LANGUAGES)
    if document is None:
        return []
    problems = []
    seen: dict[str, int] = {}
    for index, language in enumerate(document.value[LANGUAGES]):
        code = language["code"]
        if code in seen:
            problems.append(document.problem((LANGUAGES, index, "code"), f"{quoted(code)} is already listed on line {seen[code]}; list each language once"))
        seen.setdefault(code, document.where((LANGUAGES, index, "code")).line)
        try:
            Locale.parse(code, sep="-")
        except (UnknownLocaleError, ValueError):
            problems.append(document.problem((LANGUAGES, index, "code"), f"{quoted(code)} is not a language code this build knows; write it as browsers do, e.g. de, fr, en-GB, pt-BR"))
    first = next(iter(seen), None)
    for folder in sorted((data_dir / LANGUAGES).glob("*")):
        if folder.is_dir() and (folder.name not in seen or folder.name == first):
            why = "the language the handbook is written in needs no translation" if folder.name == first else f"the folder is not a language in {display_dir}/{LANGUAGES}.yml (the languages are: {', '.join(seen)})"
            problems.append(Problem(f"{display_dir}/{LANGUAGES}/{folder.name}/", 1, 1, why))
    return problems


def apply_language(documents: dict[str, LocatedData], data_dir: Path, schemas_dir: Path, code: str, display_dir: str) -> list[Problem]:
    """The language's translations in place of the default files in `documents` (those that passed their schemas);
    the problems in the translations. A translation that cannot be read is a problem, and leaves its file out of
    `documents`, as a default file with problems does. One out of step with its file (an item, id or figure
    changed in one and not the other, as when a leader edits the first language's file) is a warning: the site
    shows that file in the first language until the translation catches up, so every figure shown is the file's."""
    # Here, so that a build the render cache answers (which reads the languages' names) loads no schema checker.
    from .cut_text import check_cut_text
    from .schema_check import check_schema, translates

    problems: list[Problem] = []
    for path in sorted(translations_dir(data_dir, code).glob("*.yml")):
        display = f"{display_dir}/{LANGUAGES}/{code}/{path.name}"
        if path.stem == NAVIGATION:
            continue  # read with mkdocs.yml's navigation (macros/render.py)
        if path.stem in UNTRANSLATABLE or not (data_dir / path.name).is_file():
            known = sorted(p.stem for p in data_dir.glob("*.yml") if p.stem not in UNTRANSLATABLE)
            problems.append(Problem(display, 1, 1, f"a translation takes the name of the file it translates, and {display_dir}/{path.name} is not one to translate (the files are: {', '.join(known)}, and {NAVIGATION}.yml for the navigation)"))
            continue
        translated, found = load_file(path, display)
        if translated is not None and not found:
            found = check_schema(translated, path.stem, schemas_dir) + check_cut_text(translated, path.stem, schemas_dir)
        default = documents.get(path.stem)
        if translated is None or found or default is None:
            documents.pop(path.stem, None)
            problems += found
            continue
        if path.stem == STRINGS:
            out_of_step = check_strings(default, translated, code)
            documents[path.stem] = merged_strings(default, translated, {problem_path for problem_path, _ in out_of_step})
            problems += [replace(problem, warning=True, message=f"{problem.message}; until then the site shows these words in the first language") for _, problem in out_of_step]
            continue
        out_of_step = check_words_only(default, translated, lambda at: translates(schemas_dir, path.stem, at))
        if out_of_step:
            problems += [replace(problem, warning=True, message=f"{problem.message}; until the translation matches {default.file}, the site shows that file in the first language") for problem in out_of_step]
        else:
            first = dict(default.texts())
            translated.in_first_language = {text: first[at] for at, text in translated.texts() if at in first and first[at] != text}
            documents[path.stem] = translated
    return problems


def check_words_only(default: LocatedData, translated: LocatedData, is_words) -> list[Problem]:
    """A translated file that differs from its default file in words only: the same keys, the same number of items,
    and the same ids, dates, codes and figures (`is_words(path)` says where the schema wants free text)."""
    problems: list[Problem] = []

    def line(path: Path_) -> str:
        return f"{default.file} line {default.where(path).line}"

    def walk(was, now, path: Path_) -> None:
        if isinstance(was, dict) and isinstance(now, dict):
            for key in was.keys() - now.keys():
                problems.append(translated.problem(path, f"{quoted(key)} is missing here ({line(path + (key,))} has it): a translation gives every field its file has"))
            for key in now.keys() - was.keys():
                problems.append(translated.problem(path + (key,), f"{default.file} has no {quoted(key)} here ({line(path)}): a translation gives the fields its file has, no others", at_key=True))
            for key in was.keys() & now.keys():
                walk(was[key], now[key], path + (key,))
        elif isinstance(was, list) and isinstance(now, list):
            if len(was) != len(now):
                problems.append(translated.problem(path, f"{len(now)} items here and {len(was)} in {line(path)}: a translation keeps every item, in the same order"))
            for index, (old, new) in enumerate(zip(was, now)):
                walk(old, new, path + (index,))
        elif isinstance(was, str) and isinstance(now, str):
            if was != now and not is_words(path):
                problems.append(translated.problem(path, f"{quoted(now)} should be {quoted(was)}, as in {line(path)}: it is an id, a name, a date, a page or a code, the same in every language"))
        elif type(was) is not type(now) or was != now:
            problems.append(translated.problem(path, f"{quoted(now)} should be {quoted(was)}, as in {line(path)}: a translation changes words only, so every language states the same figures"))

    walk(default.value, translated.value, ())
    return problems


def check_strings(default: LocatedData, translated: LocatedData, code: str) -> list[tuple[Path_, Problem]]:
    """A strings translation's keys that cannot stand in for the default's, each with its problem: a key the default
    does not have; one without the placeholders the default has (a form may leave out the number, "Ein Haken"), or,
    for words that change with a number, without every form the language has."""
    found: list[tuple[Path_, Problem]] = []
    forms = plural_forms(code)
    for group, words in translated.value.items():
        known = default.value.get(group)
        if known is None:
            found.append(((group,), translated.problem((group,), f"{default.file} has no {quoted(group)}: a translation gives the keys that file has (they are: {', '.join(default.value)})", at_key=True)))
            continue
        for key, text in words.items():
            path = (group, key)
            if key not in known:
                found.append((path, translated.problem(path, f"{default.file} has no {quoted(key)} under {quoted(group)} (line {default.where((group,)).line}; the keys there are: {', '.join(known)})", at_key=True)))
                continue
            found += [(path, problem) for problem in _check_text(default, translated, path, known[key], text, forms)]
    return found


def _check_text(default: LocatedData, translated: LocatedData, path: Path_, was, now, forms: set[str]) -> list[Problem]:
    where = f"{default.file} line {default.where(path).line}"
    if isinstance(was, dict) and not isinstance(now, dict):
        return [translated.problem(path, f"these words change with a number (as in {where}): give a form for each of {', '.join(sorted(forms))}")]
    if isinstance(now, dict) and (set(now) != forms):
        return [translated.problem(path, f"give a form for each of {', '.join(sorted(forms))}, the forms this language has (this one has {', '.join(now) or 'none'})")]
    expected = _placeholders(was)
    problems = []
    for form, text in (now.items() if isinstance(now, dict) else [(None, now)]):
        unknown = _placeholders(text) - expected
        if unknown:
            at = path + ((form,) if form else ())
            problems.append(translated.problem(at, f"{{{sorted(unknown)[0]}}} is not filled in here; the words in braces are those of {where}: {', '.join('{' + name + '}' for name in sorted(expected)) or 'none'}"))
    missing = expected - _placeholders(now) - ({"count"} if isinstance(now, dict) else set())
    if missing:
        problems.append(translated.problem(path, f"{{{sorted(missing)[0]}}} is missing: keep every word in braces of {where} ({', '.join('{' + name + '}' for name in sorted(expected))}), where the sentence needs it"))
    return problems


def _placeholders(text) -> set[str]:
    if isinstance(text, dict):
        return set().union(*map(_placeholders, text.values()))
    return set(PLACEHOLDER.findall(text))


def merged_strings(default: LocatedData, translated: LocatedData, left_out: set[Path_]) -> LocatedData:
    """The default strings with the translated keys in their place, each value keeping where it was written; the
    keys at `left_out` (and any group or key the default has not) keep the default's words."""
    value = {group: dict(words) for group, words in default.value.items()}
    merged = LocatedData(default.file, value, dict(default.values), dict(default.keys))
    taken = [
        (group, key)
        for group, words in translated.value.items()
        for key in words
        if key in value.get(group, {}) and (group,) not in left_out and (group, key) not in left_out
    ]
    for group, key in taken:
        value[group][key] = translated.value[group][key]
        merged.origins[(group, key)] = (translated.file, (group, key))
    for kind in ("values", "keys"):
        table = getattr(merged, kind)
        for path, mark in getattr(translated, kind).items():
            if tuple(path[:2]) in taken:
                table[path] = mark
    return merged


def untranslated(data_dir: Path, docs_dir: Path, code: str, display_dir: str, docs_display: str, nav_titles: dict[str, int]) -> list[Problem]:
    """Warnings, one per thing the language's handbook still shows in the first language: each data file with no
    translation, each key of data/strings.yml the translation leaves out, each page with no translation beside
    it, and each navigation title (`nav_titles`: mkdocs.yml's titles, by the line they are on)."""
    folder = translations_dir(data_dir, code)
    name = next((language.name for language in listed_languages(data_dir) if language.code == code), code)
    first = first_language(data_dir)
    shown_in = first.name if first else "the first language"
    warnings = []
    for path in sorted(data_dir.glob("*.yml")):
        if path.stem not in UNTRANSLATABLE and not (folder / path.name).is_file():
            warnings.append(Problem(f"{display_dir}/{path.name}", 1, 1, f"not translated for the {name} site ({code}) yet, which shows it in {shown_in}: translate it as {display_dir}/{LANGUAGES}/{code}/{path.name}", warning=True, untranslated_in=name))
    default = _lenient(data_dir / f"{STRINGS}.yml", f"{display_dir}/{STRINGS}.yml")
    translated = _lenient(folder / f"{STRINGS}.yml", "") if (folder / f"{STRINGS}.yml").is_file() else None
    if default is not None and translated is not None:
        have = translated.value if isinstance(translated.value, dict) else {}
        for group, words in (default.value or {}).items():
            for key in words or {}:
                if key not in (have.get(group) or {}):
                    warnings.append(replace(default.problem((group, key), f"{group}.{key} is not translated for the {name} site ({code}) yet, which shows it in {shown_in}: add it to {display_dir}/{LANGUAGES}/{code}/{STRINGS}.yml", at_key=True, warning=True), untranslated_in=name))
    for page in sorted(docs_dir.rglob("*.md")):
        page_name = page.relative_to(docs_dir).as_posix()
        if not is_translation(page_name, {code}) and not (docs_dir / translated_page(page_name, code)).is_file():
            warnings.append(Problem(f"{docs_display}/{page_name}", 1, 1, f"not translated for the {name} site ({code}) yet, which shows this page in {shown_in}: translate it as {docs_display}/{translated_page(page_name, code)}", warning=True, untranslated_in=name))
    titles = navigation_titles(data_dir, code)
    for title, line in nav_titles.items():
        if title not in titles:
            warnings.append(Problem("mkdocs.yml", line, 1, f"mkdocs.yml's {quoted(title, chr(34))} is not translated for the {name} site ({code}) yet: add it to {display_dir}/{LANGUAGES}/{code}/{NAVIGATION}.yml", warning=True, untranslated_in=name))
    return warnings


def navigation_titles(data_dir: Path, code: str) -> dict[str, str]:
    """mkdocs.yml's navigation titles → the language's, from data/languages/<code>/navigation.yml (validated
    with the data: see apply_language's caller)."""
    document = _lenient(translations_dir(data_dir, code) / f"{NAVIGATION}.yml", "")
    return {str(key): str(value) for key, value in document.value.items()} if document is not None and isinstance(document.value, dict) else {}


def _lenient(path: Path, display: str) -> LocatedData | None:
    if not path.is_file():
        return None
    document, _ = load_file(path, display)
    return document


def translated_nav(nav, titles: dict[str, str]):
    """mkdocs.yml's navigation with each title the language has in its place (the others as written)."""
    if isinstance(nav, list):
        return [translated_nav(item, titles) for item in nav]
    if isinstance(nav, dict):
        return {titles.get(str(title), title): translated_nav(target, titles) for title, target in nav.items()}
    return nav


def nav_title_lines(settings: Mapping, settings_text: str) -> dict[str, int]:
    """Each title in mkdocs.yml's navigation, and its site_description (which search engines and shared links show
    under the site's name), by the line of mkdocs.yml it is written on (1 when not found). The site's name is a
    name, the same in every language."""
    nav = settings.get("nav")
    titles: list[str] = []

    def walk(items):
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                for title, target in item.items():
                    titles.append(str(title))
                    walk(target)

    walk(nav)
    lines = settings_text.splitlines()
    found = {}
    for title in titles:
        written = (f"- {title}:", f'- "{title}":', f"- '{title}':")
        found[title] = next((number for number, line in enumerate(lines, 1) if line.strip().startswith(written)), 1)
    description = settings.get("site_description")
    if isinstance(description, str) and description.strip():
        found[description] = next((number for number, line in enumerate(lines, 1) if line.startswith("site_description:")), 1)
    return found


def title_places(root: Path, data_dir: Path, code: str | None, display_dir: str) -> list[tuple[str, str, int]]:
    """Each navigation title a site shows (and its description), with the file and line a leader writes it on:
    mkdocs.yml's, and for a language after the first (`code`) data/languages/<code>/navigation.yml's."""
    settings_text = (root / SETTINGS_FILE).read_text(encoding="utf-8")
    places = [(title, SETTINGS_FILE, line) for title, line in nav_title_lines(load_settings(root / SETTINGS_FILE, TolerantLoader) or {}, settings_text).items()]
    display = f"{display_dir}/{LANGUAGES}/{code}/{NAVIGATION}.yml"
    document = _lenient(translations_dir(data_dir, code) / f"{NAVIGATION}.yml", display) if code else None
    if document is not None and isinstance(document.value, dict):
        places += [(words, display, document.where((title,)).line) for title, words in document.value.items() if isinstance(words, str)]
    return places


def check_navigation(data_dir: Path, code: str, nav_titles: dict[str, int], display_dir: str) -> list[Problem]:
    """data/languages/<code>/navigation.yml: titles mkdocs.yml's navigation has, each to words."""
    path = translations_dir(data_dir, code) / f"{NAVIGATION}.yml"
    if not path.is_file():
        return []
    display = f"{display_dir}/{LANGUAGES}/{code}/{NAVIGATION}.yml"
    document, problems = load_file(path, display)
    if document is None or problems:
        return problems
    if not isinstance(document.value, dict):
        return [document.problem((), "expected each of mkdocs.yml's navigation titles, then ':' and the title in this language, one to a line")]
    for title, words in document.value.items():
        if str(title) not in nav_titles:
            problems.append(document.problem((title,), f"mkdocs.yml has no navigation title or site_description {quoted(title, chr(34))} ({did_you_mean(title, nav_titles)}write it as mkdocs.yml does)", at_key=True))
        if not isinstance(words, str) or not words.strip():
            problems.append(document.problem((title,), f"expected the title in this language after {quoted(title, chr(34))}:"))
    return problems
