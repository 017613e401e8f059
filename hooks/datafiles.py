"""Check every data file at once: the taxonomy, the practice details, the roster and the crisis lines.

`check_data_files` is what a check command (and pre-commit) calls before a build:
it returns every problem in the three files, each with file:line and the field.
"""

from __future__ import annotations

import os
from pathlib import Path

import crisis
import practice as practice_module
import roster
from yamlfile import DataError, Problem


def check_data_files(project_root: str | os.PathLike, roster_path: str | os.PathLike | None = None) -> list[Problem]:
    """Every problem in data/taxonomy.yml, data/practice.yml, the roster (default data/therapists.yml) and
    data/crisis.yml."""
    root = Path(project_root)
    problems: list[Problem] = []
    try:
        taxonomy = roster.load_taxonomy(root / "data" / "taxonomy.yml", display_path="data/taxonomy.yml")
    except DataError as exc:
        problems += exc.errors
        taxonomy = None
    practice, practice_problems = practice_module.check(root / "data" / "practice.yml", "data/practice.yml")
    problems += practice_problems
    if taxonomy is not None and practice is not None:
        path = root / "data" / "therapists.yml" if roster_path is None else root / roster_path
        display = "data/therapists.yml" if roster_path is None else _relative(path, root)
        checked = roster.check_roster(path, display, taxonomy, root / "docs", practice)
        if isinstance(checked, list):
            problems += checked
    problems += crisis.check(root / "data" / "crisis.yml", "data/crisis.yml")[1]
    return problems


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
