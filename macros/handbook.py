"""Load, validate and model the whole handbook; the render step (once per build) and the
command line both start here."""

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections import OrderedDict
from contextlib import contextmanager
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .crossrefs import check_crossrefs
from .cut_text import check_cut_text
from .languages import LANGUAGES, apply_language, check_languages, first_language, listed_languages
from .loading import LocatedData, load_bytes
from .model import Handbook, build_handbook
from .problems import DataError, Problem, did_you_mean, errors, first_per_file
from .project import DATA_DIR, Project
from .schema_check import check_schema, schema_names
from .teams import TEAMS, apply_team, check_teams

# Data files a handbook may do without: data/teams.yml for a handbook of one team, data/languages.yml for one
# written in a single language.
OPTIONAL = {TEAMS, LANGUAGES}

def read_documents(project: Project) -> tuple[dict[str, LocatedData], list[Problem]]:
    """Every data file loaded and checked against its schema, with the project's team's overrides merged in (the
    default team's when it names none); only files that passed are returned."""
    names = schema_names(project.schemas_dir)
    stamp = checking_stamp(project.schemas_dir)
    problems: list[Problem] = []
    passed: dict[str, LocatedData] = {}
    for path in sorted(project.data_dir.glob("*.yml")) + sorted(project.data_dir.glob("*.yaml")):
        display = f"{DATA_DIR}/{path.name}"
        if path.stem not in names or path.suffix != ".yml":
            problems.append(Problem(display, 1, 1, f"no schema describes this file (expected one of: {', '.join(n + '.yml' for n in names)})"))
            continue
        raw = path.read_bytes()
        document, found = _checked_file(display, raw, path.stem, project.schemas_dir, stamp)
        problems += found
        if document is not None:
            passed[path.stem] = document
    for name in names:
        if name not in OPTIONAL and not (project.data_dir / f"{name}.yml").exists():
            problems.append(Problem(f"{DATA_DIR}/{name}.yml", 1, 1, "the file is missing (every handbook needs it; restore it from the example handbook)"))
    problems += check_teams(passed, project.data_dir, DATA_DIR) + check_languages(passed, project.data_dir, DATA_DIR)
    problems += _apply_language(project, passed)
    return passed, problems + _apply_team(project, passed)


def _checked_file(display: str, raw: bytes, name: str, schemas_dir: Path, stamp: str) -> tuple[LocatedData | None, tuple[Problem, ...]]:
    """One data file loaded and checked against its schema: the document if it passed, and the problems. Done
    once per file content and `stamp` (checking_stamp) in a process (CHECKED_FILES): `make validate` checks every
    team's and language's handbook, and each shares most of its files with the others. Nothing changes a loaded
    document afterwards (a team's or a language's version of a file is a new one), so one serves every handbook
    that has the file."""
    key = (display, hashlib.blake2b(raw).digest(), stamp)
    if _kept_by_this_build is not None:
        _kept_by_this_build.add(key)
    if key in CHECKED_FILES:
        CHECKED_FILES.move_to_end(key)
        return CHECKED_FILES[key]
    document, load_problems = load_bytes(raw, display)
    problems = tuple(load_problems)
    if document is not None:
        schema_problems = check_schema(document, name, schemas_dir) + check_cut_text(document, name, schemas_dir)
        # A value the loader refused is left empty; the schema's complaint about that would say it twice.
        refused = {(problem.line, problem.column) for problem in load_problems}
        problems += tuple(problem for problem in schema_problems if (problem.line, problem.column) not in refused)
    CHECKED_FILES[key] = checked = (None if problems else document), problems
    if len(CHECKED_FILES) > CHECKED_KEPT:
        CHECKED_FILES.popitem(last=False)
    return checked


# The files checked so far in this process, by name, content and checking stamp; the most recently used kept.
CHECKED_FILES: OrderedDict = OrderedDict()
CHECKED_KEPT = 256
# While a build keeps its checks (kept_checks): the keys of the files it checked.
_kept_by_this_build: set | None = None
KEPT_CHECKS = "checked-files.pickle"
# The libraries whose version can change what loading and checking a file finds.
CHECKING_LIBRARIES = ("PyYAML", "jsonschema")


def checking_stamp(schemas_dir: Path) -> str:
    """All that a data file's check depends on besides the file: the schemas, this package's code, the
    libraries' and Python's versions."""
    digest = hashlib.blake2b()
    for path in sorted(schemas_dir.rglob("*")) + sorted(Path(__file__).parent.glob("*.py")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(repr(_versions()).encode())
    return digest.hexdigest()


@cache
def _versions() -> list[str]:
    """Python's and the checking libraries' versions, which do not change while a process runs."""
    return [sys.version, *(version(name) for name in CHECKING_LIBRARIES)]


@contextmanager
def kept_checks(folder: Path | None, schemas_dir: Path):
    """The data files an earlier build checked, read from `folder` into CHECKED_FILES when they were checked under
    today's checking_stamp; yields a function that writes the files checked so far back there, for a build whose
    handbook has no problems to call, so a build after a leader's edit to one file loads and checks that file
    alone (and a failed build leaves nothing). A change to the schemas or the code in the meantime checks every
    file again: never a stale check. The cache is only a saving: one that cannot be read or written is ignored."""
    global _kept_by_this_build
    if folder is None:
        yield lambda: None
        return
    stamp = checking_stamp(schemas_dir)
    try:
        with (folder / KEPT_CHECKS).open("rb") as file:
            if pickle.load(file) == stamp:  # the stamp first, so checks made by other code are never unpickled
                for (display, digest), checked in pickle.load(file).items():
                    CHECKED_FILES.setdefault((display, digest, stamp), checked)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        pass
    _kept_by_this_build = used = set()

    def keep() -> None:
        if checking_stamp(schemas_dir) != stamp:
            return  # a schema or the code changed while the build ran: its checks may be of either
        checked = {key[:2]: CHECKED_FILES[key] for key in used if key[2] == stamp and key in CHECKED_FILES}
        temporary = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, delete=False) as file:
                temporary = file.name
                pickle.dump(stamp, file, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(checked, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / KEPT_CHECKS)
        except (OSError, pickle.PicklingError):
            if temporary:
                Path(temporary).unlink(missing_ok=True)

    try:
        yield keep
    finally:
        _kept_by_this_build = None


def _apply_language(project: Project, documents: dict[str, LocatedData]) -> list[Problem]:
    """The project's language's translations in place of the default files; the problems in them, or that the
    handbook has no such language. A team's changes apply on top, in the words its leader wrote them."""
    first = first_language(project.data_dir)
    if project.language is None or (first and project.language == first.code):
        return []
    codes = [language.code for language in listed_languages(project.data_dir)]
    if project.language not in codes:
        return [Problem(f"{DATA_DIR}/{LANGUAGES}.yml", 1, 1, f"there is no language {project.language!r} ({did_you_mean(project.language, codes)}the languages are: {', '.join(codes) or 'none yet'})")]
    return apply_language(documents, project.data_dir, project.schemas_dir, project.language, DATA_DIR)


def _apply_team(project: Project, documents: dict[str, LocatedData]) -> list[Problem]:
    """The project's team's overrides merged into `documents`; the problems in them, or that there is no such team."""
    teams = documents.get(TEAMS)
    listed = [team["id"] for team in teams.value[TEAMS]] if teams else []
    team = project.team or next((team["id"] for team in teams.value[TEAMS] if team.get("default") is True), None) if teams else project.team
    if team is None:
        return []
    if team not in listed:
        return [Problem(f"{DATA_DIR}/{TEAMS}.yml", 1, 1, f"there is no team {team!r} ({did_you_mean(team, listed)}the teams are: {', '.join(listed) or 'none yet'})")]
    return apply_team(documents, project.data_dir, project.schemas_dir, team, DATA_DIR)


def validate(project: Project) -> tuple[dict[str, LocatedData], list[Problem]]:
    """The documents that passed their schemas, and the problems in every data file (the first 100 of each),
    sorted by file and line."""
    with _no_cycle_collection():
        documents, problems = read_documents(project)
        problems += check_crossrefs(documents, project.docs_pages())
    return documents, first_per_file(set(problems))


@contextmanager
def _no_cycle_collection():
    """Loading makes many small objects and no reference cycles; Python's cycle collector would walk them
    again and again as they pile up, which made validation grow faster than the data."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def language_of(project: Project) -> str:
    """The code of the language the project's handbook is built in: its own, or the one it is written in."""
    first = first_language(project.data_dir)
    return project.language or (first.code if first else "en-GB")


def load_handbook(project: Project) -> Handbook:
    """The validated handbook; raises DataError listing every problem when the data is not valid."""
    documents, problems = validate(project)
    if errors(problems):
        raise DataError(errors(problems))
    return build_handbook(documents, language_of(project))
