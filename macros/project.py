"""What a handbook project is: where its parts live on disk, and the parts that make its site, which a copy of the
project needs to build (the tests' edited handbooks, bench/'s scaled ones, a trial on another engine)."""

import shutil
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = "data"
DOCS_DIR = "docs"


@dataclass(frozen=True)
class Project:
    """Where a handbook lives on disk, the team whose handbook it is (macros/teams.py): None for the default
    team that data/teams.yml names, or the organisation's data alone when there is no data/teams.yml; and the
    language (macros/languages.py): None for the one the handbook is written in."""

    root: Path
    team: str | None = None
    language: str | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def schemas_dir(self) -> Path:
        return self.data_dir / "schemas"

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def cache_dir(self) -> Path:
        """Where the build keeps what it can reuse next time (macros/render_cache.py); not in git."""
        return self.root / ".playbook" / "cache" / (f"team-{self.team}" if self.team else "") / (f"language-{self.language}" if self.language else "")

    def docs_pages(self) -> set[str]:
        return {path.relative_to(self.docs_dir).as_posix() for path in self.docs_dir.rglob("*.md")}


ROOT = Path(__file__).resolve().parent.parent
PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")


def copy_project(destination: Path) -> Path:
    """A private copy of the example handbook in `destination`, to edit or build freely. The macros' compiled
    bytecode comes too: Python checks it against each source file's time and size, so a copy whose code is
    edited compiles that file again, and every other command in the copy starts about 0.2 s sooner. Not the
    files another Python is writing there as it compiles (`x.cpython-311.pyc.<number>`, renamed when complete):
    one may be gone before it is copied."""
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("*.pyc.*"))
        else:
            shutil.copy2(source, destination / part)
    return destination
