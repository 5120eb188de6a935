"""Build the site into a fresh folder beside it and swap it in only when the build succeeds, so a failed
build (bad data, a broken link under --strict) never leaves a half-written site/ that could be deployed."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(root: Path, site_dir: Path) -> int:
    """`mkdocs build --strict` of the handbook at `root` into `site_dir`; returns mkdocs' exit code."""
    site_dir = (root / site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)], cwd=root)
        if result.returncode != 0:
            return result.returncode
        old = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
