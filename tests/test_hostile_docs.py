"""Hostile and careless input from page authors (docs/ and includes/): a file:line message, never a traceback.

Each folder in tests/fixtures/hostile-docs/ is one class of problem. Its `expect.txt` has two lines:

    Tests: what the fixture tries
    expect: docs/page.md:LINE: fragment of the message

Every other file in the folder is laid over a small copy of this project (tests/support/fixture_project.py)
at the same path: `docs/page.md` becomes a page (in the nav, unless it is a French page), `includes/...`
replaces an include, any other file is copied as it is. The fixture must stop both the strict build and
`python hooks/check.py`, each naming the file and line, and neither may print a traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT
from support.builds import build_site
from support.fixture_project import BASE_NAV, make_project

FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures" / "hostile-docs").iterdir() if p.is_dir())
EXPECT_RE = re.compile(r"\ATests: .+\nexpect: (\S+?):(\d+): (.+)\n?\Z")


def expectation(folder: Path) -> tuple[str, str]:
    match = EXPECT_RE.match((folder / "expect.txt").read_text(encoding="utf-8"))
    assert match, f"{folder.name}/expect.txt must have a 'Tests:' line and an 'expect: FILE:LINE: fragment' line"
    return f"{match[1]}:{match[2]}", match[3]


def fixture_project(tmp: Path, folder: Path) -> Path:
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "expect.txt"]
    pages = {
        p.relative_to(folder / "docs").as_posix(): p.read_text(encoding="utf-8")
        for p in files
        if p.suffix == ".md" and (folder / "docs") in p.parents and _is_text(p)
    }
    nav = BASE_NAV + [name for name in pages if not name.endswith(".fr.md") and name not in BASE_NAV]
    project = make_project(tmp, pages, nav)
    for path in files:
        relative = path.relative_to(folder)
        if relative.parts[0] == "docs" and relative.relative_to("docs").as_posix() in pages:
            continue
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, project / relative)
    return project


def _is_text(path: Path) -> bool:
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("folder", FIXTURES, ids=lambda p: p.name)
def test_fixture_stops_the_build_and_the_check_at_its_line(tmp_path, folder):
    where, fragment = expectation(folder)
    project = fixture_project(tmp_path, folder)

    built = build_site(tmp_path / "out", project=project)
    output = built.stdout + built.stderr
    assert built.returncode != 0, f"the build passed:\n{output}"
    assert "Traceback" not in output, output
    assert any(where in line and fragment in line for line in output.splitlines()), output

    checked = subprocess.run(
        [sys.executable, "hooks/check.py"], cwd=project, capture_output=True, text=True, timeout=300
    )
    output = checked.stdout + checked.stderr
    assert checked.returncode != 0, f"the check passed:\n{output}"
    assert "Traceback" not in output, output
    assert any(where in line and fragment in line for line in output.splitlines()), output
