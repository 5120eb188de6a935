"""The parts of a handbook project that make its site: what a copy of the project needs to build (the tests'
edited handbooks, bench/'s scaled ones, a trial on another engine)."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")


def copy_project(destination: Path) -> Path:
    """A private copy of the example handbook in `destination`, to edit or build freely."""
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination
