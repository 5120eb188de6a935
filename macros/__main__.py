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
    render.add_argument("--language", help="the language to build it in, a code from data/languages.yml (default: the first, the handbook's own)")
    build = commands.add_parser("build", help="validate, then build the site into a new folder and swap it in only if the build succeeds")
    build.add_argument("--site", type=Path, help="where the site goes (default: site/, another team's in site/<team>/, another language's in a folder named by its code in its team's: site/de/, site/key-accounts/de/)")
    build.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    build.add_argument("--team", help="the team whose handbook to build, from data/teams.yml (default: the team marked default: true)")
    build.add_argument("--language", help="the language to build it in, a code from data/languages.yml (default: the first, the handbook's own)")
    build.add_argument("--every-site", action="store_true", help="build every team's site in every language, each where the header's menus link to it (what is published)")
    build.add_argument("--pdf", choices=["auto", "require", "skip", "later"], default="auto", help="print the PDFs into the site: when Chromium is there (auto, the default; else the last build's are kept), or fail without it (require), or only keep the last build's (skip), or link every document and print none (later: `pdf` follows)")
    serve = commands.add_parser("serve", help="serve the site with live reload, built by the engine PLAYBOOK_ENGINE names (mkdocs unless set)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="the address to serve at (default: 127.0.0.1:8000)")
    serve.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    serve.add_argument("--team", help="the team whose handbook to build, from data/teams.yml (default: the team marked default: true)")
    serve.add_argument("--language", help="the language to build it in, a code from data/languages.yml (default: the first, the handbook's own)")
    pdf = commands.add_parser("pdf", help="print the documents in data/printing.yml from the built site")
    pdf.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    pdf.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    pdf.add_argument("--team", help="the team whose site it is, from data/teams.yml (default: the team marked default: true)")
    pdf.add_argument("--language", help="the language the site is in, a code from data/languages.yml (default: the first)")
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
        return _pdf(Project(arguments.root, arguments.team, arguments.language), arguments.site)
    if arguments.command == "serve":
        from .preview import serve

        return serve(arguments.root.resolve(), arguments.dev_addr, arguments.team, arguments.language)
    if arguments.command == "render":
        return _render(Project(arguments.root.resolve(), arguments.team, arguments.language), arguments.out.resolve())
    if arguments.command == "build":
        from .site_build import build_every_site, build_site

        if arguments.every_site:
            return build_every_site(arguments.root, arguments.pdf)
        return build_site(arguments.root, arguments.site, arguments.pdf, arguments.team, arguments.language)

    found = _validate(Project(arguments.root))
    problems = [problem for problem in found if not problem.warning]
    # What a translation lacks is listed once the handbook has no problem left: until then it would bury them.
    for line in _report(problems or found, arguments.format == "github"):
        print(line)
    if problems:
        print(f"{counted(len(problems), 'problem')} in the handbook.", file=sys.stderr)
        # the rules on what the figures work out to (macros/wiring.py) need data without problems
        print("Some checks, such as whether the targets fit the calling blocks, run once these are fixed: run the checks again after fixing them.", file=sys.stderr)
        return 1
    # Warnings: what a translation lacks (shown in the first language meanwhile) and dates gone by (macros/upcoming.py).
    warned = f", with {counted(len(found), 'warning')} (above): none stops a build, and each says what to do" if found else ""
    print(f"The handbook's data and pages are valid{warned}.", file=sys.stderr)
    return 0


def _report(found: list[Problem], github: bool) -> list[str]:
    """The lines validate prints: what wants acting on first (a date gone by), then what a translation still
    lacks. GitHub shows only the first ten warnings of a step, so there a translation's are counted in one
    annotation (a director found a day off gone by as the sixteenth, under the untranslated pages)."""
    ordered = sorted(found, key=lambda problem: bool(problem.untranslated_in))
    if not github:
        return [problem.as_text() for problem in ordered]
    lines = [problem.as_github() for problem in ordered if not problem.untranslated_in]
    for language in dict.fromkeys(problem.untranslated_in for problem in ordered if problem.untranslated_in):
        count = sum(problem.untranslated_in == language for problem in ordered)
        lines.append(f"::warning::{counted(count, 'thing')} not translated for the {language} site yet, which shows them in the first language meanwhile: run make validate to list each, with the file to translate it in")
    return lines


def _validate(project: Project) -> list[Problem]:
    """Every problem in the data and in the pages' macros, read with mkdocs.yml's settings as the build reads them,
    for the default team and then every other team in data/teams.yml (macros/teams.py): a problem that only one
    team's handbook has is named with the team."""
    from .teams import TEAMS, listed_teams
    from .wiring import check_handbook  # here, so that a build the render cache answers does not load it
    settings, problems = read_site_settings(project)
    default = set(check_handbook(project, settings)[1])
    found = set(default)
    for team in [team for team in listed_teams(project.data_dir) if not team.default]:  # the default one is checked above
        own_files = f"{project.data_dir.name}/{TEAMS}/{team.id}/"
        for problem in check_handbook(Project(project.root, team.id), settings)[1]:
            if problem not in found:
                named = problem if problem.file.startswith(own_files) else replace(problem, message=f"{problem.message} (in the {team.id} team's handbook)")
                found.add(named)
    return sorted(problems + list(found) + _validate_languages(project, settings, default))


def _validate_languages(project: Project, settings, first_found: set[Problem]) -> list[Problem]:
    """Each language's handbook after the first, checked as its site is built: the problems only it has (beside
    `first_found`, the first language's, which `settings` gave), named with the language; its navigation titles;
    and, as warnings, what it does not translate yet."""
    from .languages import check_navigation, listed_languages, nav_title_lines, untranslated
    from .mkdocs_yml import SETTINGS_FILE
    from .wiring import check_handbook

    languages = listed_languages(project.data_dir)
    if settings is None:
        return []
    lines = nav_title_lines(settings.settings, (project.root / SETTINGS_FILE).read_text(encoding="utf-8"))
    found: set[Problem] = set()
    for language in languages[1:]:
        translated = Project(project.root, project.team, language.code)
        for problem in check_handbook(translated, read_site_settings(translated)[0])[1]:
            if problem not in first_found:
                own = f"/{language.code}/" in problem.file or problem.file.endswith(f".{language.code}.md")
                found.add(problem if own else replace(problem, message=f"{problem.message} (in the {language.name} handbook)"))
        found |= set(check_navigation(project.data_dir, language.code, lines, project.data_dir.name))
        found |= set(untranslated(project.data_dir, project.docs_dir, language.code, project.data_dir.name, project.docs_dir.name, lines))
    return sorted(found)


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
