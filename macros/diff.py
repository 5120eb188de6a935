"""Describe in a sales leader's words what a change does to the handbook, for a pull request comment.

The data files at a git ref are compared with the working tree's, as the loader reads them. List items are
matched by their stable ids, never by position or text, so a reworded question reads as changed, a question
given another stage as moved, and only a new id as added. The site's name and navigation (settings_diff.py)
and its pages (page_diff.py) follow the data, each in a group of its own.

With several teams (data/teams.yml, macros/teams.py) the summary opens with the teams the change reaches: a
shared data file, a page or the site settings every team (naming the teams with their own version of that file),
a team's file that team only; a team's file is described as what it does to that team's version of the file.
With several languages (data/languages.yml, macros/languages.py) it says which languages a change reaches: a
translation its language only; a file in the first language every language, naming those with a translation of
it, which the same change should reach.
"""

import html
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .crossrefs import select
from .diff_words import ABSENT as _ABSENT
from .diff_words import differences, short_name, value, words
from .handbook import DataError, load_handbook, validate
from .project import DATA_DIR, DOCS_DIR, Project
from .problems import counted, errors
from .loading import load_file
from .mkdocs_yml import SETTINGS_FILE
from .page_diff import page_changes
from .settings_diff import settings_changes
from .site_files import Site
from .loading import LocatedData
from .schema_check import schema_of
from .languages import LANGUAGES, NAVIGATION, Language, listed_languages
from .teams import TEAMS, Team, id_lists, listed_teams, merge

HEADING = "### What this change does to the handbook"
NO_CHANGES = "No changes to the handbook's data, pages, navigation or site name."
# The lists of a handbook's teams and languages: what a change adds or removes there comes before what it does inside one.
SITE_LISTS = (f"{DATA_DIR}/{TEAMS}.yml", f"{DATA_DIR}/{LANGUAGES}.yml")
TEAMS_REACHED = "Which teams this reaches"
LANGUAGES_REACHED = "Which languages this reaches"
NAMES_LISTED = 5  # names spelled out when several items are added or removed at once


@dataclass(frozen=True)
class ListName:
    """What a leader calls the items of one id-keyed list, and how one of them is named in a sentence."""

    noun: str
    plural: str = ""
    label: str = "the {noun} '{name}'"  # {number} is the item's place in its list, counting from 1
    shown_by: tuple[str, ...] = ("name", "title", "text")  # the first of these an item has is its name
    grouped_by: tuple[str, tuple] | None = None  # a field holding the id of an item in another list of the file

    @property
    def many(self) -> str:
        return self.plural or self.noun + "s"


# Lists whose items carry a stable id: (file stem, pattern, '*' for any item) → what one item is called.
# A list inside a list item is described "in" its item, e.g. "Added the behaviour '…' to level 4 (Problem solver)".
LISTS = {
    # The charter
    ("charter", ("values", "*")): ListName("charter value"),
    ("charter", ("expectations", "*")): ListName("expectation group"),
    ("charter", ("commitments", "*")): ListName("commitment"),
    ("charter", ("conflict", "steps", "*")): ListName("conflict step"),
    ("charter", ("conflict", "setbacks", "items", "*")): ListName("setback"),
    ("charter", ("why", "reasons", "*")): ListName("reason for the charter", "reasons for the charter"),
    # The question bank
    ("coaching_questions", ("stages", "*")): ListName("question stage"),
    ("coaching_questions", ("situations", "*")): ListName("situation"),
    ("coaching_questions", ("questions", "*")): ListName("coaching question", grouped_by=("stage", ("stages", "*"))),
    # The manager's dilemma
    ("dilemma", ("modes", "*")): ListName("mode", label="the {name} mode"),
    ("dilemma", ("modes", "*", "signals", "*")): ListName("signal"),
    ("dilemma", ("circumstance",)): ListName("circumstance signal"),
    ("dilemma", ("skill_will", "quadrants", "*")): ListName("skill/will quadrant", shown_by=("approach",)),
    # The boot camp
    ("bootcamp", ("steps", "*")): ListName("boot camp step"),
    ("bootcamp", ("calling_blocks", "*")): ListName("calling-block rule"),
    ("bootcamp", ("schedule", "*")): ListName("boot camp week"),
    ("bootcamp", ("cadence", "daily", "*")): ListName("daily cadence item"),
    ("bootcamp", ("cadence", "weekly", "*")): ListName("weekly cadence item"),
    ("bootcamp", ("activity_targets", "dimensions", "*")): ListName("activity target group"),
    ("bootcamp", ("activity_targets", "dimensions", "*", "targets", "*")): ListName("activity target", shown_by=("activity",)),
    ("bootcamp", ("provoked_luck", "research", "*")): ListName("provoked-luck finding", shown_by=("finding",)),
    ("bootcamp", ("provoked_luck", "behaviours", "*")): ListName("luck behaviour"),
    ("bootcamp", ("activity_planner", "stages", "*")): ListName("planner funnel stage"),
    # Coaching vs managing
    ("coaching", ("anti_patterns", "*")): ListName("coaching anti-pattern"),
    ("coaching", ("reasons_to_hold_back", "*")): ListName("reason to hold back", "reasons to hold back"),
    ("coaching", ("manager_vs_coach", "dimensions", "*")): ListName("manager-vs-coach dimension"),
    ("coaching", ("what_coaching_is", "parts", "*")): ListName("part of coaching", "parts of coaching"),
    ("coaching", ("research", "*")): ListName("coaching research finding", shown_by=("finding",)),
    # The six levels
    ("levels", ("levels", "*")): ListName("level", label="level {number} ({name})"),
    ("levels", ("levels", "*", "behaviours", "*")): ListName("behaviour"),
    # Onboarding, checklists, self-assessments and PDFs
    ("onboarding", ("first_week", "*")): ListName("first-week day"),
    ("onboarding", ("first_30_days", "*")): ListName("first-month week"),
    ("onboarding", ("first_week", "*", "items", "*")): ListName("onboarding item"),
    ("onboarding", ("first_30_days", "*", "items", "*")): ListName("onboarding item"),
    ("checklists", ("checklists", "*")): ListName("checklist"),
    ("checklists", ("checklists", "*", "items", "*")): ListName("item"),
    ("assessments", ("scales", "*")): ListName("answer scale"),
    ("assessments", ("scales", "*", "options", "*")): ListName("answer", shown_by=("label",)),
    ("assessments", ("assessments", "*")): ListName("self-assessment"),
    ("assessments", ("assessments", "*", "questions", "*")): ListName("statement"),
    ("assessments", ("assessments", "*", "sections", "*")): ListName("form section"),
    ("assessments", ("assessments", "*", "notes", "*")): ListName("form note", shown_by=("prompt",)),
    ("printing", ("documents", "*")): ListName("PDF"),
    # Deal and pipeline review
    ("deal_review", ("stages", "*")): ListName("CRM stage"),
    ("deal_review", ("stages", "*", "exit_criteria", "*")): ListName("exit criterion", "exit criteria"),
    ("deal_review", ("qualification", "elements", "*")): ListName("qualification element"),
    ("deal_review", ("forecast", "categories", "*")): ListName("forecast category", "forecast categories"),
    ("deal_review", ("forecast", "rules", "*")): ListName("forecast rule"),
    ("deal_review", ("review_questions", "*")): ListName("deal-review question group"),
    ("deal_review", ("review_questions", "*", "questions", "*")): ListName("deal-review question"),
    # Ramp plan, objections, when coaching isn't working
    ("ramp", ("milestones", "*")): ListName("ramp milestone"),
    ("objections", ("objections", "*")): ListName("objection"),
    ("when_coaching_stalls", ("check_first", "*")): ListName("cause to check first", "causes to check first"),
    ("when_coaching_stalls", ("steps", "*")): ListName("step of the path", "steps of the path"),
    # Debrief templates and role-plays
    ("debriefs", ("debriefs", "*")): ListName("debrief template"),
    ("debriefs", ("debriefs", "*", "prompts", "*")): ListName("debrief prompt", shown_by=("prompt",)),
    ("role_plays", ("role_plays", "*")): ListName("role-play"),
    # The glossary
    ("glossary", ("terms", "*")): ListName("glossary term", shown_by=("term",)),
    # The coaching rhythm
    ("rhythm", ("meetings", "*")): ListName("rhythm meeting"),
    ("rhythm", ("one_to_one", "boxes", "*")): ListName("1:1 time box", "1:1 time boxes"),
    # The teams
    ("teams", ("teams", "*")): ListName("team"),
}

# The order files are listed in, and whose the fields outside any list are ("Changed the charter's purpose").
FILES = {
    "charter": "the charter's",
    "coaching_questions": "the question bank's",
    "dilemma": "the dilemma page's",
    "coaching": "the coaching page's",
    "bootcamp": "the boot camp's",
    "levels": "the levels page's",
    "onboarding": "the onboarding plan's",
    "checklists": "the checklists page's",
    "assessments": "the self-assessments page's",
    "printing": "the printing settings'",
    "deal_review": "the deal review's",
    "ramp": "the ramp plan's",
    "objections": "the objection page's",
    "when_coaching_stalls": "the when-coaching-isn't-working page's",
    "debriefs": "the debrief templates'",
    "role_plays": "the role-play page's",
    "glossary": "the glossary's",
    "rhythm": "the coaching rhythm's",
    "teams": "the team list's",
}


class DiffError(Exception):
    """The change cannot be summarised (an unknown ref, no git); the message is one line for the leader."""


def summarise(project: Project, base_ref: str) -> str:
    """The Markdown summary of what the working tree's data changes since `base_ref`."""
    if not project.data_dir.is_dir():
        raise DiffError(f"no handbook data in {project.root} (expected a {DATA_DIR}/ folder); pass --root")
    commit = _commit(project.root, base_ref)
    with tempfile.TemporaryDirectory(prefix="playbook-diff-") as folder:
        base = Project(Path(folder))
        _write_tree(project.root, commit, base.root)
        before, after = _values(base), _values(project)
        groups = _compare(base, project, base_ref, before, after)
        _add_target_figures(groups, base, project)
        groups.update(_site_groups(Site.read(base.root, DOCS_DIR, _by_stem(before)), Site.read(project.root, DOCS_DIR, _by_stem(after)), base_ref))
        _fold_removed(groups, listed_teams(base.data_dir), listed_teams(project.data_dir), listed_languages(base.data_dir), listed_languages(project.data_dir), after)
        reach = _which_teams(groups, listed_teams(project.data_dir) or listed_teams(base.data_dir), after)
        languages = _which_languages(groups, listed_languages(project.data_dir) or listed_languages(base.data_dir), after)
    return _markdown(groups, reach, languages)


def _fold_removed(groups: dict[str, tuple[list[str], list[str]]], teams_were: list[Team], teams_now: list[Team], languages_were: list[Language], languages_now: list[Language], after: dict) -> None:
    """A team or a language removed with its folder, as README's step 3 does, is one line, not every file it had
    (a director's summary ran to 100,000 characters of deleted files, one "changed" to another team's words,
    and was cut before it said the team and the language were gone)."""
    gone_teams = [team for team in teams_were if team.id not in {each.id for each in teams_now}]
    gone_languages = [language for language in languages_were if language.code not in {each.code for each in languages_now}]
    for folder, what in [(f"{DATA_DIR}/{TEAMS}/{team.id}/", f"the {team.name} team's own versions") for team in gone_teams] + \
                        [(f"{DATA_DIR}/{LANGUAGES}/{language.code}/", f"the {language.name} translations") for language in gone_languages]:
        files = [file for file in groups if file.startswith(folder)]
        if not files or any(file.startswith(folder) for file in after):
            continue
        names = [PurePosixPath(file).name for file in files]
        for file in files:
            del groups[file]
        groups[folder] = ([], [f"This folder was deleted, with {what} of {_and([f'`{name}`' for name in names])}"])
    pages = groups.get(f"{DOCS_DIR}/")
    for language in gone_languages if pages else []:
        ending = f".{language.code}.md)"
        removed = [line for line in pages[1] if line.startswith("Removed the page ") and line.endswith(ending)]
        if len(removed) > 1:
            kept = [line for line in pages[1] if line not in removed]
            pages = groups[f"{DOCS_DIR}/"] = (pages[0], [*kept, f"Removed the {language.name} site's {len(removed)} pages (`{DOCS_DIR}/**/*.{language.code}.md`)"])
    lists = [file for file in groups if file in SITE_LISTS]
    folders = [file for file in groups if _is_folder(file)]
    for file in [file for file in groups if file not in lists and file not in folders]:
        groups[file] = groups.pop(file)  # after the lists and the folders removed with what they listed


def _is_folder(file: str) -> bool:
    """A group for a data folder removed whole (_fold_removed), not for one file."""
    return file.startswith(f"{DATA_DIR}/") and file.endswith("/")


def _add_target_figures(groups: dict[str, tuple[list[str], list[str]]], base: Project, current: Project) -> None:
    """A change to the planner's numbers is said as what it does to the targets it works out ("Outbound calls: 20
    a day → 25 a day"), in the group of the file each team's targets come from: a reviewer asks how many calls a
    day, not what a conversion rate became."""
    for team in [None, *(team.id for team in listed_teams(current.data_dir)[1:])]:
        old, new = _target_figures(Project(base.root, team)), _target_figures(Project(current.root, team))
        lines = [f"{activity}: {figure} → {new[target][1]}" for target, (activity, figure) in old.items() if target in new and new[target][1] != figure]
        if not lines:
            continue
        own = f"{DATA_DIR}/{TEAMS}/{team}/bootcamp.yml"
        file = own if team and (current.data_dir / TEAMS / team / "bootcamp.yml").is_file() else f"{DATA_DIR}/bootcamp.yml"
        notes, changes = groups.get(file, ([], []))
        who = f"For {next(each.name for each in listed_teams(current.data_dir) if each.id == team)}, the activity" if team else "The activity"
        groups[file] = (notes, [*changes, f"{who} targets the planner works out: " + "; ".join(lines)])


def _target_figures(project: Project) -> dict[str, tuple[str, str]]:
    """Each activity target the planner works out, by id: (its activity, its figure as the page words it); none
    while the data does not validate."""
    from .rendering import Renderer

    try:
        handbook = load_handbook(project)
    except DataError:
        return {}
    text = Renderer().render("target_figures.html", "prospecting/", handbook=handbook)
    rows = [line.split("\t") for line in str(text).splitlines() if line.count("\t") == 2]
    return {target: (html.unescape(activity), html.unescape(figure)) for target, activity, figure in rows}


def _which_languages(groups: dict[str, tuple[list[str], list[str]]], languages: list[Language], after: dict) -> list[str]:
    """The languages the changes reach, a line each: a translation only its language's sites; a file in the first
    language every language, except those with a translation of it, which show their own until it follows (said,
    so the change is made there too). Nothing with one language."""
    changed = [file for file, (_, changes) in groups.items() if changes]
    if len(languages) < 2 or not changed:
        return []
    lines = []
    for language in languages[1:]:
        folder = f"{DATA_DIR}/{LANGUAGES}/{language.code}/"
        mine = [file for file in changed if file.startswith(folder)]
        if mine:
            lines.append(f"Only the {language.name} site: {_and([f'`{file}`' for file in mine])}")
        translated = [file for file in changed if len(PurePosixPath(file).parts) == 2 and f"{folder}{PurePosixPath(file).name}" in after and f"{folder}{PurePosixPath(file).name}" not in mine]
        if translated:
            lines.append(f"The {language.name} site shows its own translation of {_and([f'`{file}`' for file in translated])} (in `{folder}`): make the same change there, or, for an item, id or figure, that site shows the {languages[0].name} file until you do")
    return lines


def _which_teams(groups: dict[str, tuple[list[str], list[str]]], teams: list[Team], after: dict) -> list[str]:
    """The teams the changes reach, a line each: every team for a shared file, a page or the site settings (and
    which teams have their own version of a shared file that changed), one team for its own files. Nothing with
    one team or none."""
    changed = [file for file, (_, changes) in groups.items() if changes and file != f"{DATA_DIR}/{TEAMS}.yml" and not _is_folder(file)]
    if len(teams) < 2 or not changed:
        return []
    own_files = {file for file in changed if _is_team_file(file)}
    shared = [file for file in changed if file not in own_files]
    lines = [f"Every team ({_and([team.name for team in teams])}): {_and([f'`{file}`' for file in shared])}"] if shared else []
    for team in teams:
        versions = [file for file in shared if len(PurePosixPath(file).parts) == 2 and f"{DATA_DIR}/{TEAMS}/{team.id}/{PurePosixPath(file).name}" in after]
        if versions:
            lines.append(f"{team.name} has its own version of {_and([f'`{file}`' for file in versions])} (in `{DATA_DIR}/{TEAMS}/{team.id}/`): what it replaces or removes there stays as it is")
    for team in teams:
        mine = [file for file in own_files if PurePosixPath(file).parts[2] == team.id]
        if mine:
            lines.append(f"Only {team.name}: {_and([f'`{file}`' for file in sorted(mine, key=_file_order)])}")
    return lines


# ---------------------------------------------------------------- reading the data at a git ref


def _commit(root: Path, ref: str) -> str:
    if _git(root, "rev-parse", "--git-dir").returncode:
        raise DiffError(f"{root} is not in a git repository, so there is no '{ref}' to compare with")
    found = None if ref.startswith("-") else _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found is None or found.returncode:
        raise DiffError(f"unknown git ref '{ref}' (expected a branch, tag or commit, e.g. origin/main or HEAD~1)")
    return found.stdout.decode().strip()


def _write_tree(root: Path, commit: str, destination: Path) -> None:
    """The data files, schemas, pages and site settings committed at `commit`, written under `destination` as they were."""
    listing = _checked(_git(root, "ls-tree", "-r", "-z", commit, "--", DATA_DIR, DOCS_DIR, SETTINGS_FILE)).decode()
    blobs = []
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        mode, kind, sha = meta.split()
        if kind == "blob" and mode in ("100644", "100755") and ".." not in PurePosixPath(path).parts:
            blobs.append((sha, path))
    if not blobs:
        return
    # One `git cat-file --batch` reads every file: "<sha> blob <size>\n<content>\n" each, in the order asked.
    contents = _checked(_git(root, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha, _ in blobs).encode()))
    position = 0
    for _, path in blobs:
        header_end = contents.index(b"\n", position)
        size = int(contents[position:header_end].split()[2])
        target = destination / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[header_end + 1 : header_end + 1 + size])
        position = header_end + 1 + size + 1


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is not installed; `diff` needs it to read the data at the base ref") from None


def _checked(result: subprocess.CompletedProcess) -> bytes:
    if result.returncode:
        message = result.stderr.decode(errors="replace").strip().splitlines() or ["no message"]
        raise DiffError(f"git {result.args[1]} failed: {message[0]}")
    return result.stdout


# ---------------------------------------------------------------- comparing two versions of the handbook


def _compare(base: Project, current: Project, base_ref: str, before: dict, after: dict) -> dict[str, tuple[list[str], list[str]]]:
    """For each data file (by display name) that changed or has problems: notes on its problems, and its changes."""
    had = _problem_counts(base) if (base.schemas_dir / "common.schema.json").exists() else Counter()
    has = _problem_counts(current)
    groups = {}
    for file in sorted(before.keys() | after.keys() | had.keys() | has.keys(), key=_file_order):
        old, new = before.get(file, _ABSENT), after.get(file, _ABSENT)
        notes = []
        if has[file]:
            problems = counted(has[file], "problem")
            if new is None:
                notes.append(f"{file} has {problems} and cannot be read, so its changes are not listed; run `make validate`")
            else:
                notes.append(f"{file} has {problems}; run `make validate` to see where")
        if old is None:
            notes.append(f"{file} could not be read at `{base_ref}`" + (", so its changes are not listed" if new is not None else ""))
        elif had[file]:
            notes.append(f"{file} had {counted(had[file], 'problem')} at `{base_ref}`")
        if old is None or new is None or old == new:
            changes = []
        elif _is_team_file(file):
            changes = _team_changes(file, old, new, after, current.schemas_dir)
        else:
            changes = _changes(file, old, new)
        if notes or changes:
            groups[file] = (notes, changes)
    return groups


def _values(project: Project) -> dict[str, dict | None]:
    """Each data file's value by display name, exactly as the build reads it; None when it cannot be read."""
    values = {}
    translations = sorted(path for path in project.data_dir.glob(f"{LANGUAGES}/*/*.yml") if path.stem != NAVIGATION)
    for path in sorted(project.data_dir.glob("*.yml")) + sorted(project.data_dir.glob(f"{TEAMS}/*/*.yml")) + translations:
        display = path.relative_to(project.root).as_posix()
        document, _ = load_file(path, display)
        values[display] = document.value if document is not None and isinstance(document.value, dict) else None
    return values


def _by_stem(values: dict[str, dict | None]) -> dict[str, dict | None]:
    return {PurePosixPath(file).stem: value for file, value in values.items() if len(PurePosixPath(file).parts) == 2}


def _and(words: list[str]) -> str:
    return " and ".join(filter(None, [", ".join(words[:-1]), words[-1]]))


def _is_team_file(file: str) -> bool:
    return PurePosixPath(file).parts[:2] == (DATA_DIR, TEAMS) and len(PurePosixPath(file).parts) == 4


def _team_changes(file: str, old, new, after: dict, schemas_dir: Path) -> list[str]:
    """A team's file's changes as what they do to the team's version of the default file (as it is now, so only
    the team's file's changes show): "Added the checklist …" rather than "Changed replace › checklists …"."""
    stem = PurePosixPath(file).stem
    default = after.get(f"{DATA_DIR}/{stem}.yml")
    try:
        lists = id_lists(schema_of(stem, schemas_dir))
        versions = [default if value is _ABSENT else merge(LocatedData(f"{DATA_DIR}/{stem}.yml", default), LocatedData(file, value), lists)[0].value for value in (old, new)]
    except (TypeError, AttributeError, KeyError, ValueError):
        return _changes(file, old, new)  # a file that is not yet valid: its own changes
    opening = ["This file is new"] if old is _ABSENT else ["This file was deleted"] if new is _ABSENT else []
    return opening + FileChanges(stem, *versions).sentences()


def _site_groups(before: Site, after: Site, base_ref: str) -> dict[str, tuple[list[str], list[str]]]:
    """The site settings a reader sees, in mkdocs.yml, and the pages in docs/, as two more groups."""
    notes = []
    if after.settings is None:
        notes.append(f"{SETTINGS_FILE} cannot be read, so its changes are not listed; run `make build` to see why")
    elif before.settings is None:
        notes.append(f"{SETTINGS_FILE} could not be read at `{base_ref}`, so its changes are not listed")
    settings = settings_changes(before, after) if not notes else []
    groups = {SETTINGS_FILE: (notes, settings)} if notes or settings else {}
    pages = page_changes(before, after)
    return groups | ({f"{DOCS_DIR}/": ([], pages)} if pages else {})


def _problem_counts(project: Project) -> Counter:
    """Each file's problems, in the default team's handbook or in any other's, or in another language's (its
    warnings aside: what a translation lacks is not a problem of the change)."""
    problems = set(validate(project)[1])
    for team in listed_teams(project.data_dir):
        problems |= set(validate(Project(project.root, team.id))[1])
    for language in listed_languages(project.data_dir)[1:]:
        problems |= set(errors(validate(Project(project.root, None, language.code))[1]))
    return Counter(problem.file for problem in problems)


def _changes(file: str, old, new) -> list[str]:
    stem = PurePosixPath(file).stem
    if old is _ABSENT:
        return ["This file is new", *FileChanges(stem, {}, new).sentences()]
    if new is _ABSENT:
        return ["This file was deleted", *FileChanges(stem, old, {}).sentences()]
    return FileChanges(stem, old, new).sentences()


def _file_order(file: str) -> tuple:
    """The default files in FILES' order, the teams and languages lists first: a team or language added or
    removed is what a change does before anything it does inside one."""
    stem = PurePosixPath(file).stem
    if file in SITE_LISTS:
        return (-1, file)
    order = list(FILES)
    return (order.index(stem) if stem in order else len(order), file)


def _markdown(groups: dict[str, tuple[list[str], list[str]]], reach: list[str] = (), languages: list[str] = ()) -> str:
    lines = [HEADING, ""]
    if not any(changes for _, changes in groups.values()):
        lines += [NO_CHANGES, ""] if groups else [NO_CHANGES]
    if reach:
        lines.append(f"- {TEAMS_REACHED}")
        lines += [f"  - {line}" for line in reach]
    if languages:
        lines.append(f"- {LANGUAGES_REACHED}")
        lines += [f"  - {line}" for line in languages]
    for file, (notes, changes) in groups.items():
        lines.append(f"- `{file}`")
        lines += [f"  - {line}" for line in notes + changes]
    return "\n".join(lines)


class FileChanges:
    """The sentences describing how one data file's value changed."""

    def __init__(self, stem: str, old: dict, new: dict):
        self.stem = stem
        self.old, self.new = old, new
        self.owner = FILES.get(stem, f"the {words(stem)} file's")

    def sentences(self) -> list[str]:
        return self._mapping((), self.old, self.new)

    def _mapping(self, pattern: tuple, old, new) -> list[str]:
        """A mapping outside any list item, in the file's order; its own fields are named after the file, or after its key."""
        lines, field_lines = [], []
        for key in _keys(old, new):
            before, after = _get(old, key), _get(new, key)
            if (self.stem, pattern + (key, "*")) in LISTS and _has_ids(before) and _has_ids(after):
                lines += self._list(pattern + (key,), before, after, within=None)
            elif _is_mapping(before) and _is_mapping(after):
                lines += self._mapping(pattern + (key,), before, after)
            elif before != after and not pattern:
                lines += _field_lines(f"{self.owner} {words(key)}", None, before, after)
            elif before != after:
                field_lines += _field_lines(f"{self.owner} {words(pattern[-1])}", key, before, after)
        if not pattern:
            return lines
        if old is _ABSENT or new is _ABSENT:
            return [f"{_verb(old, new)} {self.owner} {words(pattern[-1])}", *lines]
        return field_lines + lines

    def _list(self, pattern: tuple, old, new, within: str | None) -> list[str]:
        """Items of an id-keyed list added, removed, moved to another group, changed or put in another order."""
        name = LISTS[(self.stem, pattern + ("*",))]
        before, after = _by_id(old), _by_id(new)
        added = [after[item_id] for item_id in after if item_id not in before]
        removed = [before[item_id] for item_id in before if item_id not in after]
        kept = [item_id for item_id in after if item_id in before]
        group_field = name.grouped_by[0] if name.grouped_by else None
        moved = [item_id for item_id in kept if group_field and _get(before[item_id][1], group_field) != _get(after[item_id][1], group_field)]
        lines = []
        if added:
            lines.append(self._counted("Added", "to", name, added, within, self.new))
        if removed:
            lines.append(self._counted("Removed", "from", name, removed, within, self.old))
        lines += self._moves(name, [(before[item_id], after[item_id]) for item_id in moved], within)
        staying = [item_id for item_id in kept if item_id not in moved]
        if [item_id for item_id in before if item_id in staying] != staying:
            lines.append(f"Reordered the {name.many}" + (f" in {within}" if within else ""))
        for item_id in kept:
            lines += self._item(pattern, name, before[item_id], after[item_id], within, group_field)
        return lines

    def _item(self, pattern: tuple, name: ListName, before: tuple, after: tuple, within: str | None, group_field: str | None) -> list[str]:
        """One kept item: the fields that changed, then what changed in the lists it holds."""
        (_, old), (index, new) = before, after
        label = self._label(name, index, new)
        changed, inner = [], []
        for key in _keys(old, new):
            if key in ("id", group_field):
                continue
            if (self.stem, pattern + ("*", key, "*")) in LISTS and _has_ids(_get(old, key)) and _has_ids(_get(new, key)):
                inner += self._list(pattern + ("*", key), _get(old, key), _get(new, key), within=label)
            elif _get(old, key) != _get(new, key):
                changed += _field_lines(label + (f" in {within}" if within else ""), key, _get(old, key), _get(new, key))
        return changed + inner

    def _counted(self, verb: str, preposition: str, name: ListName, entries: list[tuple], within: str | None, root: dict) -> str:
        """'Added the coaching question '…' (stage: Diagnose)' or 'Added 3 coaching questions (stage: …): '…', …'."""
        where = f" {preposition} {within}" if within else ""
        groups = ""
        if name.grouped_by:
            field, _ = name.grouped_by
            counts = Counter(self._group_name(name, _get(item, field), root) for _, item in entries)
            groups = f" ({words(field)}: " + ", ".join(group if len(entries) == 1 else f"{group} ×{count}" for group, count in counts.items()) + ")"
        if len(entries) == 1:
            index, item = entries[0]
            return f"{verb} {self._label(name, index, item)}{where}{groups}"
        return f"{verb} {len(entries)} {name.many}{where}{groups}: {_names(_shown(item, name) for _, item in entries)}"

    def _moves(self, name: ListName, moves: list[tuple], within: str | None) -> list[str]:
        """'Moved the coaching question '…' from Diagnose to Commit', one line for each pair of groups."""
        if not moves:
            return []
        field, _ = name.grouped_by
        by_route: dict[tuple, list] = {}
        for (_, old), (index, new) in moves:
            route = (self._group_name(name, _get(old, field), self.old), self._group_name(name, _get(new, field), self.new))
            by_route.setdefault(route, []).append((index, new))
        where = f" in {within}" if within else ""
        lines = []
        for (source, destination), entries in by_route.items():
            if len(entries) == 1:
                lines.append(f"Moved {self._label(name, *entries[0])}{where} from {source} to {destination}")
            else:
                lines.append(f"Moved {len(entries)} {name.many}{where} from {source} to {destination}: {_names(_shown(item, name) for _, item in entries)}")
        return lines

    def _group_name(self, name: ListName, group_id, root: dict) -> str:
        _, groups_pattern = name.grouped_by
        for _, group in select(root, groups_pattern):
            if isinstance(group, dict) and group.get("id") == group_id:
                return _shown(group, LISTS.get((self.stem, groups_pattern), ListName("")))
        return str(group_id)

    @staticmethod
    def _label(name: ListName, index: int, item: dict) -> str:
        return name.label.format(noun=name.noun, name=_shown(item, name), number=index + 1)


# ---------------------------------------------------------------- words


def _has_ids(items) -> bool:
    """Whether a list's items can be matched by id: each has one, used once. Otherwise the list is compared whole."""
    if items is _ABSENT:
        return True
    ids = [item.get("id") if isinstance(item, dict) else None for item in items] if isinstance(items, list) else [None]
    return all(isinstance(item_id, str) for item_id in ids) and len(set(ids)) == len(ids)


def _by_id(items) -> dict[str, tuple[int, dict]]:
    """Items of a list that `_has_ids` by id, with their place in the list."""
    return {item["id"]: (index, item) for index, item in enumerate(items if isinstance(items, list) else [])}


def _keys(old, new) -> list[str]:
    """The keys of both versions of a mapping, in the new version's order, then keys only the old one has."""
    old_keys = list(old) if isinstance(old, dict) else []
    new_keys = list(new) if isinstance(new, dict) else []
    return new_keys + [key for key in old_keys if key not in new_keys]


def _get(mapping, key):
    return mapping.get(key, _ABSENT) if isinstance(mapping, dict) else _ABSENT


def _is_mapping(item) -> bool:
    return isinstance(item, dict) or item is _ABSENT


def _verb(old, new) -> str:
    return "Added" if old is _ABSENT else "Removed" if new is _ABSENT else "Changed"


def _shown(item: dict, name: ListName) -> str:
    """An item's name, title or text as a reader sees it, shortened to fit a summary line."""
    for key in name.shown_by:
        if isinstance(item.get(key), str) and item[key].strip():
            return short_name(item[key])
    return short_name(str(item.get("id")))


def _names(names) -> str:
    names = list(names)
    quoted = ", ".join(f"'{name}'" for name in names[:NAMES_LISTED])
    return quoted + (f" and {len(names) - NAMES_LISTED} more" if len(names) > NAMES_LISTED else "")


def _field_lines(subject: str, key: str | None, old, new) -> list[str]:
    """A line for each change to one field: 'Changed the charter's team: "A" → "B"' when `subject` names the
    field, 'Changed the charter value 'Ownership': meaning "A" → "B"' when `key` does."""
    verb = _verb(old, new)
    if key is None and verb != "Changed":
        return [f"{verb} {subject}: {value(new if verb == 'Added' else old)}"]
    field = "" if key is None else f"{words(key)} "
    return [f"Changed {subject}: {field}{phrase}" for phrase in differences(old, new)]
