"""The engine that builds the site, chosen in one place: the PLAYBOOK_ENGINE variable (the Makefile's ENGINE,
`mkdocs` unless set). Everything that builds or serves the site (`python -m macros build` and `serve`, the tests'
builds, bench/) takes its command line from here, so a handbook moves to another engine by one setting and no
page or data file changes.

ProperDocs is the continuation of MkDocs 1.x: its command line answers `import mkdocs.…` (in the theme, and
in the render step, which reads YAML as the engine does) with its own modules, so a ProperDocs-only install has no `mkdocs` package."""

import importlib.util
import os
import runpy
import sys

ENGINE_ENV = "PLAYBOOK_ENGINE"
ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"


def engine() -> str:
    """The chosen engine's name, which is also its Python module and its command."""
    name = os.environ.get(ENGINE_ENV) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise SystemExit(f"{ENGINE_ENV} is {name!r}: Playbook builds with {' or '.join(ENGINES)}.")
    return name


def command(*arguments: str) -> list[str]:
    """The chosen engine's command line in this Python, e.g. command("build", "--strict")."""
    return [sys.executable, "-m", engine(), *arguments]


def run(*arguments: str) -> int:
    """The chosen engine's command line run in this process, as `command(*arguments)` would run it; returns its exit
    code. A build after the render step so shares this Python's start and the modules both import (YAML, Jinja,
    Markdown) instead of paying for them twice."""
    use_engine()
    saved = sys.argv
    sys.argv = [engine(), *arguments]
    try:
        runpy.run_module(engine(), run_name="__main__", alter_sys=True)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
    finally:
        sys.argv = saved
    return 0


def use_engine() -> None:
    """Make `import mkdocs.…` in this process reach the chosen engine, as its own command line does, so our
    code and tests that read mkdocs.yml with the engine's utilities run on a ProperDocs-only install too."""
    name = engine()
    if importlib.util.find_spec(name) is None:
        raise SystemExit(f"{name} is not installed in this Python ({sys.executable}): `make ENGINE={name} …` installs it,"
                         f" or set {ENGINE_ENV} to the engine installed here.")
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401  (importing it installs the alias)
