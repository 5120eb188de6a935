"""Languages as a leader meets them (macros/languages.py): a translation that changes more than words, a strings
file with a mistake, and what is not translated yet, each reported at its file and line with what to do;
`python -m macros validate` failing on a problem and only warning about what is not translated; and one scan
of the templates and scripts that finds every word they ask for in data/strings.yml, and nothing there that
nobody asks for."""

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from macros import bundles
from macros.handbook import validate
from macros.mkdocs_yml import read_as_mkdocs
from macros.problems import quoted
from macros.project import Project, copy_project
from tests.conftest import ROOT, run, run_validate
from tests.helpers import NEEDS_SECOND_LANGUAGE, NEEDS_SECOND_TEAM, as_written, needs, with_value, yaml_text
from tests.languages import NAVIGATION_DE, PAGE, bilingual_copy

pytestmark = NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE

LANGUAGE = "de"


def _line_of(text: str, needle: str) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, needle
    return lines[0]


def _at(text: str, needle: str) -> str:
    """"LINE:COL" of `needle` in `text`, which occurs there once."""
    line = _line_of(text, needle)
    return f"{line}:{text.splitlines()[line - 1].index(needle) + 1}"


def _translate(project: Path, stem: str, old: str, new: str) -> str:
    """data/languages/de/<stem>.yml: data/<stem>.yml as a translator might leave it, `old` (once there) as `new`."""
    text = (project / "data" / f"{stem}.yml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    translated = text.replace(old, new)
    folder = project / "data" / "languages" / LANGUAGE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.yml").write_text(translated, encoding="utf-8")
    return translated


WORDS_FALL_BACK = "; until then the site shows these words in the first language"


def _falls_back(stem: str) -> str:
    return f"; until the translation matches data/{stem}.yml, the site shows that file in the first language"


def _default_line(stem: str, needle: str) -> int:
    return _line_of((ROOT / "data" / f"{stem}.yml").read_text(encoding="utf-8"), needle)


# ---------------------------------------------------------------- a translation with mistakes in every file

STRINGS_DE = ROOT / "data" / "languages" / LANGUAGE / "strings.yml"
# A strings translation with three mistakes: a key data/strings.yml does not have, a {placeholder} left out, and
# words that change with a number given in forms German does not have.
BROKEN_STRINGS = """\
checklist:
  reset: Zurücksetzen
  zuruck: Zurück
  count: "{done} erledigt"
  gone:
    one: "{count} Haken zählt nicht."
    few: "{count} Haken zählen nicht."
    other: "{count} Haken zählen nicht."
"""


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory):
    """A copy of the example whose German translation has one mistake in each of its files, as `validate` and the
    German build see it: (texts of the problems, the translated files' texts by name, `validate`'s run)."""
    project = copy_project(tmp_path_factory.mktemp("languages") / "handbook")
    texts = {
        # An id translated, which would lose every rep's saved ticks for the item.
        "checklists": _translate(project, "checklists", "      - id: charter-read\n", "      - id: charta-gelesen\n"),
        # A figure changed: German readers would be told a different time with each rep.
        "bootcamp": _translate(project, "bootcamp", 'asking how they chose each tier.", minutes_with_each_rep: 30}', 'asking how they chose each tier.", minutes_with_each_rep: 40}'),
        # An item left out of a list.
        "charter": _translate(project, "charter", "      - \"In a lost deal's review we talk about what was in our control: bad luck is never the whole answer.\"\n", ""),
        # A field the schema allows added where the default file has none.
        "debriefs": _translate(project, "debriefs", "        lines: 3\n      - id: criterion-without-evidence\n", "        hint: Woran hätten wir es früher merken können?\n        lines: 3\n      - id: criterion-without-evidence\n"),
        # A field no schema knows.
        "onboarding": _translate(project, "onboarding", "intro: >-\n", "einleitung: Willkommen\nintro: >-\n"),
    }
    folder = project / "data" / "languages" / LANGUAGE
    (folder / "strings.yml").write_text(BROKEN_STRINGS, encoding="utf-8")
    texts["strings"] = BROKEN_STRINGS
    texts["navigation"] = "Home: Start\nTeam chartre: Team-Charta\n"
    (folder / "navigation.yml").write_text(texts["navigation"], encoding="utf-8")
    problems = [problem.as_text() for problem in validate(Project(project, None, LANGUAGE))[1]]
    return problems, texts, run_validate(project)


def test_a_translated_id_is_reported_at_the_translations_line_with_the_id_to_keep(mistaken):
    problems, texts, _ = mistaken
    at = _at(texts["checklists"], "charta-gelesen")
    line = _default_line("checklists", "- id: charter-read")
    assert f"data/languages/de/checklists.yml:{at}: warning: 'charta-gelesen' should be 'charter-read', as in data/checklists.yml line {line}: it is an id, a name, a date, a page or a code, the same in every language{_falls_back('checklists')}" in problems


def test_a_changed_figure_is_reported_with_the_figure_to_keep(mistaken):
    problems, texts, _ = mistaken
    line = _line_of(texts["bootcamp"], "each tier.\", minutes_with_each_rep: 40}")
    column = texts["bootcamp"].splitlines()[line - 1].index("40}") + 1
    default = _default_line("bootcamp", "each tier.\", minutes_with_each_rep: 30}")
    assert f"data/languages/de/bootcamp.yml:{line}:{column}: warning: '40' should be '30', as in data/bootcamp.yml line {default}: a translation changes words only, so every language states the same figures{_falls_back('bootcamp')}" in problems


def test_a_dropped_item_is_reported_with_how_many_the_default_has(mistaken):
    problems, texts, _ = mistaken
    values = yaml.safe_load(texts["charter"])["values"]
    index = next(i for i, value in enumerate(values) if value["id"] == "make-our-own-luck")
    assert len(values[index]["in_practice"]) == 2
    # Reported where the list starts: its first item, in the translation and in the default file alike.
    first = "      - Everyone keeps the team's [calling block]"
    line, default = _line_of(texts["charter"], first), _default_line("charter", first)
    assert f"data/languages/de/charter.yml:{line}:7: warning: 2 items here and 3 in data/charter.yml line {default}: a translation keeps every item, in the same order{_falls_back('charter')}" in problems


def test_an_added_field_is_reported_at_its_key_with_the_fields_to_give(mistaken):
    problems, texts, _ = mistaken
    at = _at(texts["debriefs"], "hint: Woran")
    default = _default_line("debriefs", "      - id: signals")
    assert f"data/languages/de/debriefs.yml:{at}: warning: data/debriefs.yml has no 'hint' here (data/debriefs.yml line {default}): a translation gives the fields its file has, no others{_falls_back('debriefs')}" in problems


def test_a_field_no_schema_knows_is_reported_as_in_any_data_file(mistaken):
    problems, _, _ = mistaken
    assert "data/languages/de/onboarding.yml:2:1: unknown field 'einleitung' (expected one of: first_30_days, first_week, intro)" in problems


def test_a_key_data_strings_yml_lacks_is_reported_with_the_keys_there_are(mistaken):
    problems, texts, _ = mistaken
    at = _at(texts["strings"], "zuruck")
    keys = ", ".join(yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))["checklist"])
    [problem] = [p for p in problems if p.startswith(f"data/languages/de/strings.yml:{at}: ")]
    assert problem.startswith(f"data/languages/de/strings.yml:{at}: warning: data/strings.yml has no 'zuruck' under 'checklist' (line ")
    assert problem.endswith(f"; the keys there are: {keys}){WORDS_FALL_BACK}")


def test_a_dropped_placeholder_is_reported_with_the_ones_to_keep(mistaken):
    problems, texts, _ = mistaken
    at = _at(texts["strings"], '"{done} erledigt"')
    default = _default_line("strings", "  count: ")
    assert f"data/languages/de/strings.yml:{at}: warning: {{total}} is missing: keep every word in braces of data/strings.yml line {default} ({{done}}, {{total}}), where the sentence needs it{WORDS_FALL_BACK}" in problems


def test_words_with_a_number_need_the_languages_own_forms(mistaken):
    problems, texts, _ = mistaken
    line = _line_of(texts["strings"], "    one: ")
    assert f"data/languages/de/strings.yml:{line}:5: warning: give a form for each of one, other, the forms this language has (this one has one, few, other){WORDS_FALL_BACK}" in problems


def test_a_navigation_title_mkdocs_yml_lacks_is_a_problem(mistaken):
    _, _, validated = mistaken
    assert "data/languages/de/navigation.yml:2:1: mkdocs.yml has no navigation title or site_description \"Team chartre\" (did you mean 'Team charter'? write it as mkdocs.yml does)" in validated.stdout.splitlines()


def test_nothing_else_is_reported(mistaken):
    problems, _, _ = mistaken
    assert len(problems) == 8, "\n".join(problems)


def test_validate_fails_on_a_translations_problems_and_holds_back_the_warnings(mistaken):
    """Until the problems are fixed (a field no schema knows, a navigation title mkdocs.yml lacks), the warnings
    (what is out of step or not translated yet) would only bury them."""
    problems, _, validated = mistaken
    assert validated.returncode == 1, validated.stdout + validated.stderr
    printed = validated.stdout.splitlines()
    assert {problem for problem in problems if ": warning: " not in problem} <= set(printed)
    assert not [line for line in printed if ": warning: " in line]
    assert "2 problems in the handbook." in validated.stderr


def test_a_file_out_of_step_shows_in_the_first_language_and_one_in_step_in_its_own(mistaken, tmp_path):
    """The German site never states a figure or id the first language's file does not: a translation out of step
    with its file gives way to that file, whole, until it is brought back in step."""
    project = bilingual_copy(tmp_path / "handbook")
    _translate(project, "bootcamp", 'asking how they chose each tier.", minutes_with_each_rep: 30}', 'asking how they chose each tier.", minutes_with_each_rep: 40}')
    documents, problems = validate(Project(project, None, LANGUAGE))
    assert documents["bootcamp"].file == "data/bootcamp.yml" and [p for p in problems if not p.warning] == []
    assert documents["charter"].file == "data/languages/de/charter.yml"
    # A words key that cannot stand in keeps the first language's words; the others are the translation's.
    strings = documents["strings"].value["checklist"]
    assert strings["reset"] == "Zurücksetzen"


# ---------------------------------------------------------------- what is not translated yet


@pytest.fixture(scope="module")
def partly_translated(tmp_path_factory):
    """A copy of the example with the charter's data file, one page and some navigation titles in German
    (tests/languages.py), and a German strings file that leaves out the reset button's words and a navigation file
    that leaves out the site's description: `validate`'s run."""
    project = bilingual_copy(tmp_path_factory.mktemp("languages") / "handbook")
    navigation = project / "data" / "languages" / LANGUAGE / "navigation.yml"
    navigation.write_text(yaml.safe_dump(NAVIGATION_DE, allow_unicode=True), encoding="utf-8")
    strings = project / "data" / "languages" / LANGUAGE / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    # The checklist's group comes first, so its reset button is the first one in the file.
    assert text.index("checklist:\n") < text.index("  reset: Zurücksetzen\n") < text.index("\n", text.index("checklist:\n") + 200)
    strings.write_text(text.replace("  reset: Zurücksetzen\n", "", 1), encoding="utf-8")
    return run_validate(project)


def _german_keys() -> set[str]:
    """The keys the partly translated copy's strings file has: the example's German ones but the reset button."""
    return _keys(STRINGS_DE) - {"checklist.reset"}


def test_validate_passes_with_warnings_for_what_is_not_translated(partly_translated):
    assert partly_translated.returncode == 0, partly_translated.stdout + partly_translated.stderr
    printed = partly_translated.stdout.splitlines()
    assert printed and all(": warning: " in line for line in printed), printed
    assert f"The handbook's data and pages are valid, with {len(printed)} warnings (above): none stops a build, and each says what to do." in partly_translated.stderr


def test_a_key_left_out_is_a_warning_at_its_line_in_data_strings_yml(partly_translated):
    text = (ROOT / "data" / "strings.yml").read_text(encoding="utf-8")
    line = text[:text.index("  reset: Reset\n", text.index("checklist:\n"))].count("\n") + 1
    at = f"{line}:3"
    warnings = [line for line in partly_translated.stdout.splitlines() if line.startswith("data/strings.yml:")]
    assert f"data/strings.yml:{at}: warning: checklist.reset is not translated for the Deutsch site (de) yet, which shows it in English: add it to data/languages/de/strings.yml" in warnings
    # One for each key the German file leaves out, and none for the others.
    named = {line.split(": warning: ")[1].split(" ")[0] for line in warnings}
    assert named == _keys(ROOT / "data" / "strings.yml") - _german_keys()


def test_an_untranslated_data_file_is_a_warning_naming_the_file_to_create(partly_translated):
    printed = partly_translated.stdout.splitlines()
    assert "data/bootcamp.yml:1:1: warning: not translated for the Deutsch site (de) yet, which shows it in English: translate it as data/languages/de/bootcamp.yml" in printed
    assert not [line for line in printed if line.startswith("data/charter.yml:")]  # translated
    # The languages' own list is the same on every site: there is nothing to translate.
    assert not [line for line in printed if line.startswith("data/languages.yml:")]
    data_files = {path.name for path in (ROOT / "data").glob("*.yml")} - {"languages.yml", "charter.yml", "strings.yml"}
    assert {line.split(":")[0].removeprefix("data/") for line in printed if line.startswith("data/") and ":1:1: " in line} == data_files


def test_an_untranslated_page_is_a_warning_naming_the_page_to_create(partly_translated):
    printed = partly_translated.stdout.splitlines()
    assert "docs/charter.md:1:1: warning: not translated for the Deutsch site (de) yet, which shows this page in English: translate it as docs/charter.de.md" in printed
    assert not [line for line in printed if line.startswith(f"docs/{PAGE}:")]  # translated
    assert not [line for line in printed if ".de.md:" in line.split(" ")[0]]  # a translation needs none


def test_an_untranslated_site_description_is_a_warning_at_its_line_in_mkdocs_yml(partly_translated):
    # A German reviewer's case: search engines showed the German site with the English description.
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(number for number, text in enumerate(settings.splitlines(), 1) if text.startswith("site_description:"))
    description = read_as_mkdocs(ROOT)[0]["site_description"]
    printed = partly_translated.stdout.splitlines()
    assert f"mkdocs.yml:{line}:1: warning: mkdocs.yml's {quoted(description, chr(34))} is not translated for the Deutsch site (de) yet: add it to data/languages/de/navigation.yml" in printed


def test_an_untranslated_navigation_title_is_a_warning_at_its_line_in_mkdocs_yml(partly_translated):
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = _line_of(settings, "  - Glossary: glossary.md")
    printed = partly_translated.stdout.splitlines()
    assert f"mkdocs.yml:{line}:1: warning: mkdocs.yml's \"Glossary\" is not translated for the Deutsch site (de) yet: add it to data/languages/de/navigation.yml" in printed
    named = {line.split('"')[1] for line in printed if line.startswith("mkdocs.yml:")}
    assert named and not named & set(NAVIGATION_DE)


def test_an_unknown_language_is_a_located_problem(tmp_path):
    result = run([sys.executable, "-m", "macros", "build", "--language", "xx", "--site", str(tmp_path / "site"), "--pdf", "later"], ROOT)
    assert result.returncode == 1
    assert "data/languages.yml:1:1: there is no language 'xx' (the languages are: en-GB, de)" in result.stderr.splitlines()
    assert not (tmp_path / "site").exists()
    assert [problem.as_text() for problem in validate(Project(ROOT, None, "dee"))[1]] == ["data/languages.yml:1:1: there is no language 'dee' (did you mean 'de'? the languages are: en-GB, de)"]


def test_a_folder_for_a_language_not_listed_is_a_problem(project):
    shutil.copytree(project / "data" / "languages" / LANGUAGE, project / "data" / "languages" / "fr")
    assert "data/languages/fr/:1:1: the folder is not a language in data/languages.yml (the languages are: en-GB, de)" in [problem.as_text() for problem in validate(Project(project))[1]]


def test_a_translation_of_a_file_the_handbook_lacks_is_a_problem(project):
    (project / "data" / "languages" / LANGUAGE / "checklist.yml").write_text("checklists: []\n", encoding="utf-8")
    [problem] = [problem.as_text() for problem in validate(Project(project, None, LANGUAGE))[1]]
    assert problem.startswith("data/languages/de/checklist.yml:1:1: a translation takes the name of the file it translates, and data/checklist.yml is not one to translate (the files are: ")


# ---------------------------------------------------------------- every word asked for is there, and no other

TEMPLATES = ROOT / "macros" / "templates"
ASSETS = ROOT / "overrides" / "assets"
# How a template asks for words: t("group.key" …), the key written out so this scan finds it.
TEMPLATE_CALL = re.compile(r"(?<![\w.])t\(")
TEMPLATE_KEY = re.compile(r"""(?<![\w.])t\(\s*(["'])([^"']*)\1""")
SCRIPT_CALL = re.compile(r"Playbook\.t\(")
SCRIPT_KEY = re.compile(r'Playbook\.t\(\s*"')
# The theme's templates (overrides/), which MkDocs renders, read the words the render step gives them:
# config.extra.words.<group>.<key>.
THEME_KEY = re.compile(r"config\.extra\.words\.([a-z_]+)\.([a-z0-9_]+)")
THEME_GROUP = re.compile(r"\{%-?\s*set\s+(\w+)\s*=\s*config\.extra\.words\.([a-z_]+)\s*-?%\}")
# A key written out anywhere: "group.key" in quotes.
QUOTED_KEY = re.compile(r"""(["'])([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\1""")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _scripts() -> list[Path]:
    """The widget scripts the build ships (bundles.asset_sources), without words.js, which defines Playbook.t."""
    return sorted(ASSETS / name for name in bundles.asset_sources() if name.endswith(".js") and name != bundles.WORDS_SCRIPT)


def words_asked_for() -> tuple[dict[str, list[str]], list[str]]:
    """Every key the templates, scripts, theme and Python ask for, with where ("file:line"); and every call whose
    key is not written out, which neither the build (for scripts) nor this scan can see."""
    asked: dict[str, list[str]] = {}
    hidden: list[str] = []
    known = _keys(ROOT / "data" / "strings.yml")

    def found(key: str, where: str) -> None:
        asked.setdefault(key, []).append(where)

    for path in sorted(TEMPLATES.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        for call in TEMPLATE_CALL.finditer(text):
            first = TEMPLATE_KEY.match(text, call.start())
            if first:
                found(first.group(2), f"{where}:{_line(text, call.start())}")
            else:
                hidden.append(f"{where}:{_line(text, call.start())}")
        # The other keys of a choice, t("a.b" if … else "a.c"), written out too.
        for literal in QUOTED_KEY.finditer(text):
            if literal.group(2) in known:
                found(literal.group(2), f"{where}:{_line(text, literal.start())}")
    for path in _scripts():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        # The build's own rule (bundles.words_asked) decides which keys a script file is sent.
        for key in bundles.words_asked(text):
            found(key, where)
        hidden += [f"{where}:{_line(text, call.start())}" for call in SCRIPT_CALL.finditer(text) if not SCRIPT_KEY.match(text, call.start())]
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for theme in THEME_KEY.finditer(text):
            found(f"{theme.group(1)}.{theme.group(2)}", f"{path.relative_to(ROOT).as_posix()}:{_line(text, theme.start())}")
        # A group named once: {% set words = config.extra.words.theme %}, then words.<key>.
        for alias in THEME_GROUP.finditer(text):
            for used in re.finditer(rf"(?<![.\w]){alias.group(1)}\.([a-z0-9_]+)", text):
                found(f"{alias.group(2)}.{used.group(1)}", f"{path.relative_to(ROOT).as_posix()}:{_line(text, used.start())}")
    # Python's keys are checked where they are used (Words.raw fails the build on a key data/strings.yml lacks);
    # here they count as asked for, which file names (bootcamp.ics) never are.
    for path in sorted((ROOT / "macros").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for literal in QUOTED_KEY.finditer(text):
            if literal.group(2) in known:
                found(literal.group(2), f"macros/{path.name}:{_line(text, literal.start())}")
    return asked, hidden


def _keys(path: Path) -> set[str]:
    table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {f"{group}.{key}" for group, words in table.items() for key in words}


def test_the_scan_finds_the_worked_example():
    asked, _ = words_asked_for()
    template = (ROOT / "macros/templates/checklist.html").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(template, 1) if 't("checklist.date")' in text)
    assert f"macros/templates/checklist.html:{line}" in asked["checklist.date"]
    assert "overrides/assets/checklist.js" in asked["checklist.reset"]


def test_every_key_a_template_or_script_asks_for_is_in_data_strings_yml():
    asked, _ = words_asked_for()
    known = _keys(ROOT / "data" / "strings.yml")
    assert {key: places for key, places in asked.items() if key not in known} == {}


def test_every_call_writes_its_key_out():
    """A script file is sent only the keys written out in it (macros/bundles.py), so Playbook.t(cond ? "a.b" :
    "a.c") would show a key instead of words: write cond ? Playbook.t("a.b") : Playbook.t("a.c")."""
    _, hidden = words_asked_for()
    assert hidden == []


def test_every_key_in_data_strings_yml_is_asked_for():
    """No dead words: a key nobody asks for is words a translator would translate for nothing."""
    asked, _ = words_asked_for()
    assert sorted(_keys(ROOT / "data" / "strings.yml") - set(asked)) == []


def test_the_german_strings_have_only_keys_data_strings_yml_has():
    assert sorted(_keys(STRINGS_DE) - _keys(ROOT / "data" / "strings.yml")) == []


def test_a_translated_statement_keeps_its_fingerprint_from_the_first_language(tmp_path):
    """A manager's walk-through: ride-along answers given on the English site showed on the German one as "reworded
    since you answered" and counted for nothing, as each statement was fingerprinted by its text in each language.
    A translation is not a rewording: the example's German ride-along form carries the English fingerprints."""
    from macros.render import render

    def form(language: str | None) -> tuple[dict[str, str], dict[str, str]]:
        out = tmp_path / (language or "first")
        assert not render(Project(ROOT, None, language), out).problems
        text = (out / "docs" / "coaching" / "ride-along.md").read_text(encoding="utf-8")
        boxes = re.findall(r'<fieldset [^>]*data-statement="([^"]+)"[^>]*data-fingerprint="([^"]+)">\n<legend>.*?<span data-text>(.*?)</span>', text)
        return {box: printed for box, printed, _ in boxes}, {box: words for box, _, words in boxes}

    english, english_words = form(None)
    german, german_words = form("de")
    assert english and german == english
    assert all(german_words[box] != english_words[box] for box in english)  # every statement translated



def test_a_page_for_a_language_the_handbook_does_not_list_stops_validate_and_build(project):
    """A leader who drops a language but leaves some of its pages (an adopter kept docs/coaching/*.de.md after
    deleting docs/*.de.md) would publish each as a page of its own: the check names each one."""
    shutil.copy(project / "docs" / "glossary.md", project / "docs" / "glossary.fr.md")
    validated = run_validate(project)
    assert validated.returncode == 1
    assert ("docs/glossary.fr.md:1:1: a translation of glossary.md for a 'fr' site, but data/languages.yml lists no language 'fr', "
            "so the build would publish it as a page of its own: delete it, or add the language") in validated.stdout.splitlines()
    built = run([sys.executable, "-m", "macros", "build", "--site", str(project / "site"), "--pdf", "skip"], project)
    assert built.returncode == 1 and "docs/glossary.fr.md:1:1: a translation of glossary.md" in built.stdout + built.stderr
    assert not (project / "site").exists()


@needs(NEEDS_SECOND_LANGUAGE)
def test_german_dropped_with_only_the_top_folders_pages_names_the_german_pages_left(project):
    shutil.rmtree(project / "data" / "languages" / "de")
    languages = project / "data" / "languages.yml"
    languages.write_text(languages.read_text(encoding="utf-8").replace("  - code: de\n    name: Deutsch\n", ""), encoding="utf-8")
    for page in (project / "docs").glob("*.de.md"):
        page.unlink()
    left = sorted(page.relative_to(project).as_posix() for page in (project / "docs").rglob("*.de.md"))
    assert left, "the example has German pages below docs/'s top folder"
    named = sorted(line.split(":")[0] for line in run_validate(project).stdout.splitlines() if "for a 'de' site" in line)
    assert named == left


def test_a_new_leader_in_the_charter_is_a_warning_at_the_translations_line_not_a_second_leader(tmp_path):
    """A director's case: after changing the charter's team and leader, the German charter still named the old
    ones, with no warning (a changed figure had one). A name is the same in every language: the German line is
    reported, and the German site shows the charter in English, with the new leader, until it matches."""
    project = copy_project(tmp_path / "handbook")
    charter = project / "data" / "charter.yml"
    text = charter.read_text(encoding="utf-8")
    old = yaml.safe_load(text)["leader"]
    new = next(name for name in ("Katrin Hofmann, Sales Director", "Alex Chen, Sales Director") if name != old)
    charter.write_text(with_value(text, "leader", yaml_text(new)), encoding="utf-8")
    translated = (project / "data" / "languages" / LANGUAGE / "charter.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(translated)["leader"] == old  # the translation keeps the name as written
    problems = [problem.as_text() for problem in validate(Project(project, None, LANGUAGE))[1]]
    at = _at(translated, as_written(translated, f"leader: {old}")).split(":")[0]
    expected = (f"data/languages/de/charter.yml:{at}:9: warning: {quoted(old)} should be {quoted(new)}, as in "
                f"data/charter.yml line {_line_of(text, 'leader: ')}: it is an id, a name, a date, a page or a code, the same in every language{_falls_back('charter')}")
    assert expected in problems, problems
