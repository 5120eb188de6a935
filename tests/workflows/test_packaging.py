"""Installing Playbook prints no packaging deprecation: pip builds the package with setuptools (the version the
test extra pins, so offline) and nothing in its output is deprecated; the licence is an SPDX expression."""

import shutil
import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_building_the_package_prints_no_deprecation_warning(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for part in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / part, source / part)
    shutil.copytree(ROOT / "macros", source / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", str(wheels), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "deprecat" not in output.lower(), output
    (wheel,) = wheels.glob("playbook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA")))
    assert "License-Expression: MIT" in metadata.decode("utf-8").splitlines()
