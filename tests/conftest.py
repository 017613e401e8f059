"""Shared fixtures: the project's hooks on sys.path, and site builds into temporary folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


def build_site(out_dir: Path, *, roster: Path | None = None, project: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would; return the finished process (never raises)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROSTER_FILE", None)
    if roster is not None:
        env["ROSTER_FILE"] = str(roster)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the repository as it is, with the sample roster."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def sample_roster():
    import roster

    return roster.load_and_validate(ROOT / "data" / "therapists.yml")
