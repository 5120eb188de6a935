"""When each file last changed, from git history, so pages can say how fresh they are. A build from a
tarball or any folder without git history simply gets no dates."""

import subprocess
from pathlib import Path


def last_changed(root: Path) -> dict[str, str]:
    """The date (YYYY-MM-DD) of the latest commit touching each file under `root`, keyed by its path
    relative to `root`; empty when `root` is not in a git repository or git is missing."""
    try:
        log = subprocess.run(
            ["git", "log", "--relative", "--no-renames", "--name-only", "--format=%x00%cs", "--", "."],
            cwd=root, capture_output=True, text=True, timeout=60, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line and date:
            dates.setdefault(line, date)  # newest commits come first
    return dates
