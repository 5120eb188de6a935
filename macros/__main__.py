"""Command line: `python -m macros validate [--format text|github]`, `render`, `build`, `serve`, `pdf` and
`diff BASE_REF`."""

import argparse
from dataclasses import replace
import sys
from pathlib import Path

from . import engine

engine.use_engine()  # before the modules below import the engine's YAML loader

from .project import Project
from .site_settings import read_site_settings
from .problems import DataError, Problem, counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Check the handbook's data files.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file and every macro in the pages, and list every problem")
    check.add_argument("--format", choices=["text", "github"], default="text", help="github prints Actions annotations")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    render = commands.add_parser("render", help="validate, then write the rendered pages, theme and the engine's mkdocs.yml into a folder (what `build` and `serve` give the engine)")
    render.add_argument("--out", type=Path, required=True, help="the folder to write (made to hold exactly what the engine needs)")
    render.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    render.add_argument("--team", help="the team whose handbook to build, from data/teams.yml (default: the team marked default: true)")
    build = commands.add_parser("build", help="validate, then build the site into a new folder and swap it in only if the build succeeds")
    build.add_argument("--site", type=Path, default=Path("site"), help="where the site goes (default: site)")
    build.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    build.add_argument("--team", help="the team whose handbook to build, from data/teams.yml (default: the team marked default: true)")
    build.add_argument("--pdf", choices=["auto", "require", "skip", "later"], default="auto", help="print the PDFs into the site: when Chromium is there (auto, the default; else the last build's are kept), or fail without it (require), or only keep the last build's (skip), or link every document and print none (later: `pdf` follows)")
    serve = commands.add_parser("serve", help="serve the site with live reload, built by the engine PLAYBOOK_ENGINE names (mkdocs unless set)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="the address to serve at (default: 127.0.0.1:8000)")
    serve.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    serve.add_argument("--team", help="the team whose handbook to build, from data/teams.yml (default: the team marked default: true)")
    pdf = commands.add_parser("pdf", help="print the documents in data/printing.yml from the built site")
    pdf.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    pdf.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    pdf.add_argument("--team", help="the team whose site it is, from data/teams.yml (default: the team marked default: true)")
    diff = commands.add_parser("diff", help="summarise in plain words what a change does to the data, pages and navigation since a git ref, for a pull request comment")
    diff.add_argument("base", metavar="BASE_REF", help="the branch, tag or commit to compare with, e.g. origin/main")
    diff.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    commands.add_parser("team-schemas", help="write data/schemas/teams/: the schema of a team's changes to each data file, for the editor's help (after a change to a data file's schema)")
    arguments = parser.parse_args(argv)
    if arguments.command == "team-schemas":
        from .teams import write_editor_schemas

        written = write_editor_schemas(Path.cwd() / "data" / "schemas")
        print(f"wrote {len(written)} schemas in data/schemas/teams/", file=sys.stderr)
        return 0
    if arguments.command == "diff":
        return _diff(arguments.root, arguments.base)
    if arguments.command == "pdf":
        return _pdf(Project(arguments.root, arguments.team), arguments.site)
    if arguments.command == "serve":
        from .preview import serve

        return serve(arguments.root.resolve(), arguments.dev_addr, arguments.team)
    if arguments.command == "render":
        return _render(Project(arguments.root.resolve(), arguments.team), arguments.out.resolve())
    if arguments.command == "build":
        from .site_build import build_site

        return build_site(arguments.root, arguments.site, arguments.pdf, arguments.team)

    problems = _validate(Project(arguments.root))
    for problem in problems:
        print(problem.as_github() if arguments.format == "github" else problem.as_text())
    if problems:
        print(f"{counted(len(problems), 'problem')} in the handbook.", file=sys.stderr)
        return 1
    print("The handbook's data and pages are valid.", file=sys.stderr)
    return 0


def _validate(project: Project) -> list[Problem]:
    """Every problem in the data and in the pages' macros, read with mkdocs.yml's settings as the build reads them,
    for the default team and then every other team in data/teams.yml (macros/teams.py): a problem that only one
    team's handbook has is named with the team."""
    from .teams import TEAMS, listed_teams
    from .wiring import check_handbook  # here, so that a build the render cache answers does not load it
    settings, problems = read_site_settings(project)
    found = set(check_handbook(project, settings)[1])
    for team in [team for team in listed_teams(project.data_dir) if not team.default]:  # the default one is checked above
        own_files = f"{project.data_dir.name}/{TEAMS}/{team.id}/"
        for problem in check_handbook(Project(project.root, team.id), settings)[1]:
            if problem not in found:
                named = problem if problem.file.startswith(own_files) else replace(problem, message=f"{problem.message} (in the {team.id} team's handbook)")
                found.add(named)
    return sorted(problems + list(found))


def _render(project: Project, out: Path) -> int:
    from .render import render

    rendered = render(project, out, cache=project.cache_dir)
    for problem in rendered.problems:
        print(problem.as_text(), file=sys.stderr)
    if rendered.problems:
        print(f"{counted(len(rendered.problems), 'problem')} in the handbook: the pages were not rendered.", file=sys.stderr)
        return 1
    return 0


def _pdf(project: Project, site: Path) -> int:
    from .pdf import PrintError, print_documents

    try:
        for path in print_documents(project, site):
            print(f"wrote {path}", file=sys.stderr)
    except (PrintError, DataError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _diff(root: Path, base: str) -> int:
    from .diff import DiffError, summarise  # here, so that `validate` does not load Jinja for the pages

    try:
        print(summarise(Project(root), base))
    except DiffError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
