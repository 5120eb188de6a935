"""Load, validate and model the whole handbook; the render step (once per build) and the
command line both start here."""

import gc
from contextlib import contextmanager

from .crossrefs import check_crossrefs
from .cut_text import check_cut_text
from .loading import LocatedData, load_file
from .model import Handbook, build_handbook
from .problems import DataError, Problem, first_per_file
from .project import DATA_DIR, Project
from .schema_check import check_schema, schema_names

def read_documents(project: Project) -> tuple[dict[str, LocatedData], list[Problem]]:
    """Every data file loaded and checked against its schema; only files that passed are returned."""
    names = schema_names(project.schemas_dir)
    problems: list[Problem] = []
    passed: dict[str, LocatedData] = {}
    for path in sorted(project.data_dir.glob("*.yml")) + sorted(project.data_dir.glob("*.yaml")):
        display = f"{DATA_DIR}/{path.name}"
        if path.stem not in names or path.suffix != ".yml":
            problems.append(Problem(display, 1, 1, f"no schema describes this file (expected one of: {', '.join(n + '.yml' for n in names)})"))
            continue
        document, load_problems = load_file(path, display)
        problems += load_problems
        if document is None:
            continue
        schema_problems = check_schema(document, path.stem, project.schemas_dir) + check_cut_text(document, path.stem, project.schemas_dir)
        # A value the loader refused is left empty; the schema's complaint about that would say it twice.
        refused = {(problem.line, problem.column) for problem in load_problems}
        problems += [problem for problem in schema_problems if (problem.line, problem.column) not in refused]
        if not load_problems and not schema_problems:
            passed[path.stem] = document
    for name in names:
        if not (project.data_dir / f"{name}.yml").exists():
            problems.append(Problem(f"{DATA_DIR}/{name}.yml", 1, 1, "the file is missing (every handbook needs it; restore it from the example handbook)"))
    return passed, problems


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


def load_handbook(project: Project) -> Handbook:
    """The validated handbook; raises DataError listing every problem when the data is not valid."""
    documents, problems = validate(project)
    if problems:
        raise DataError(problems)
    return build_handbook(documents)
