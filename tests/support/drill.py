"""Everyday edits and the launch, done to a copy of this project as an editor would do them.

Each edit is a function that changes a copy of the project the way CONTRIBUTING.md says (and nothing
else), whatever the data holds: it finds the therapist, photo or reviewer it needs in the copy itself.
tests/test_launch_drill.py runs the data check, the strict build and the tests that read data/ on each
edited copy; all must pass, because each edit is correct.
"""

from __future__ import annotations

import datetime
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import clock
from support import ROOT

# What a clean clone has that a test needs; never the built site, the virtualenv or node_modules.
IGNORED = shutil.ignore_patterns(
    ".git", "site", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache", ".*.new-*"
)
ROSTER = Path("data") / "therapists.yml"
PHOTOS = Path("docs") / "assets" / "therapists"


def copy_project(tmp: Path) -> Path:
    project = tmp / "project"
    shutil.copytree(ROOT, project, ignore=IGNORED, symlinks=True)
    return project


def blocks(text: str) -> tuple[str, list[str]]:
    """The roster file's text before its first entry, and each entry's block (from `  - id:` to the next)."""
    head, *entries = re.split(r"(?m)^(?=  - id: )", text)
    return head, entries


def _current(entries: list[str]) -> list[str]:
    return [e for e in entries if not re.search(r"(?m)^    former: true\s*$", e)]


def _id(entry: str) -> str:
    return re.match(r"  - id: (\S+)", entry).group(1)


def _name(entry: str) -> str:
    return re.search(r"(?m)^    name: (.+)$", entry).group(1).strip()


def reviewers(project: Path) -> set[str]:
    """The roster ids that articles name as their reviewer."""
    found = set()
    for page in (project / "docs").rglob("*.md"):
        match = re.search(r"(?m)^reviewed_by: *(\S+)", page.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1).strip("'\""))
    return found


def launch(project: Path) -> None:
    """The practice replaces the sample roster (CONTRIBUTING.md, "Before launch"): three new therapists, no photos,
    none speaking French and none accepting new clients; the articles' reviewers stay, as people who have left."""
    roster_file = project / ROSTER
    head, entries = blocks(roster_file.read_text(encoding="utf-8"))
    kept = [
        f"  - id: {_id(e)}\n    name: {_name(e)}\n    former: true\n\n" for e in entries if _id(e) in reviewers(project)
    ]
    new = [
        _new_therapist("ravi-menon", "Ravi Menon", '"004417"', "waitlist"),
        _new_therapist("ana-lima", "Ana Lima", '"104418"', "not accepting"),
        _new_therapist("joe-park", "Joe Park", '"204419"', "not accepting"),
    ]
    roster_file.write_text(head + "".join(new) + "".join(kept), encoding="utf-8")
    for photo in (project / PHOTOS).iterdir():
        photo.unlink()


def _new_therapist(therapist_id: str, name: str, number: str, availability: str) -> str:
    confirmed = clock.today() - datetime.timedelta(days=3)
    return (
        f"  - id: {therapist_id}\n    name: {name}\n    credentials: [MA, RP]\n    registration:\n"
        f"      college: CRPO\n      number: {number}\n      status: Registered Psychotherapist\n"
        "    languages: [English]\n    areas_of_practice: [Anxiety]\n    approaches: [CBT]\n"
        "    clients: [Adults]\n    formats: [Video]\n    fees:\n      individual: 150\n      sliding_scale: false\n"
        f"    availability: {availability}\n    availability_confirmed_on: {confirmed}\n"
        f"    booking_url: https://booking.example.org/{therapist_id}\n"
        f"    bio: |\n      {name.split()[0]} works with adults.\n\n"
    )


def departure_with_photo(project: Path) -> None:
    """A therapist with a photo leaves (CONTRIBUTING.md, "Mark a therapist as having left"): their block keeps
    `- id:` and `name:` and gains `former: true`, and their photo file is deleted."""
    roster_file = project / ROSTER
    head, entries = blocks(roster_file.read_text(encoding="utf-8"))
    with_photo = [e for e in _current(entries) if re.search(r"(?m)^    photo: ", e)]
    if not with_photo:
        # A roster with no photo: give one to the first therapist first, as "Add or change a photo" says.
        add_photo(project)
        head, entries = blocks(roster_file.read_text(encoding="utf-8"))
        with_photo = [e for e in _current(entries) if re.search(r"(?m)^    photo: ", e)]
    leaving = with_photo[0]
    photo = re.search(r"(?m)^    photo: (\S+)", leaving).group(1)
    entries[entries.index(leaving)] = f"  - id: {_id(leaving)}\n    name: {_name(leaving)}\n    former: true\n\n"
    roster_file.write_text(head + "".join(entries), encoding="utf-8")
    (project / "docs" / photo).unlink()


def add_photo(project: Path) -> None:
    """The first current therapist gets a photo: a copy of this project's first photo, or a small PNG."""
    roster_file = project / ROSTER
    head, entries = blocks(roster_file.read_text(encoding="utf-8"))
    first = _current(entries)[0]
    (project / PHOTOS).mkdir(parents=True, exist_ok=True)
    target = project / PHOTOS / f"{_id(first)}.png"
    target.write_bytes(_png(200))
    lines = f"    photo: assets/therapists/{target.name}\n    photo_alt: {_name(first)} smiling\n"
    entries[entries.index(first)] = first.replace("    bio: |", lines + "    bio: |", 1)
    roster_file.write_text(head + "".join(entries), encoding="utf-8")


def _png(side: int) -> bytes:
    """A grey square PNG: what a cropped photo is to the build's checks."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + b"\x80" * side for _ in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def leading_zero_number(project: Path) -> None:
    """A registration number that starts with 0, in double quotes as the template shows (`number: "001234"`)."""
    roster_file = project / ROSTER
    text = roster_file.read_text(encoding="utf-8")
    roster_file.write_text(re.sub(r'(?m)^(      number: )"?[^"\n]*"?', r'\1"0912389"', text, count=1), encoding="utf-8")


def new_taxonomy_value(project: Path) -> None:
    """A new area of practice in data/taxonomy.yml (with its French name), used by a therapist in the same change."""
    taxonomy = project / "data" / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    start = text.index("\nareas_of_practice:\n") + len("\nareas_of_practice:\n")
    name = "Workplace stress and burnout after a drill"
    taxonomy.write_text(
        text[:start] + f'  - name: {name}\n    fr: "Stress au travail"\n' + text[start:], encoding="utf-8"
    )
    roster_file = project / ROSTER
    head, entries = blocks(roster_file.read_text(encoding="utf-8"))
    first = _current(entries)[0]
    entries[entries.index(first)] = re.sub(r"(?m)^(    areas_of_practice: \[)", rf"\g<1>{name}, ", first, count=1)
    roster_file.write_text(head + "".join(entries), encoding="utf-8")


def crisis_line_check(project: Path) -> None:
    """One crisis line's check recorded (CONTRIBUTING.md, "Record a crisis line check"): that line's verified_on only."""
    crisis_file = project / "data" / "crisis.yml"
    text = crisis_file.read_text(encoding="utf-8")
    first = re.search(r"(?m)^    verified_on: .*$", text)
    crisis_file.write_text(
        f"{text[: first.start()]}    verified_on: {clock.today()}{text[first.end() :]}", encoding="utf-8"
    )


def a_year_ahead() -> datetime.date:
    """The day a year after this run's day: availability goes stale, reviews and crisis checks fall due."""
    return clock.today() + datetime.timedelta(days=366)


EDITS = {
    "launch": launch,
    "departure-with-photo": departure_with_photo,
    "leading-zero-number": leading_zero_number,
    "new-taxonomy-value": new_taxonomy_value,
    "crisis-line-check": crisis_line_check,
    "a-year-ahead": None,
}


def run(project: Path, command: list[str], env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *command], cwd=project, env=env, capture_output=True, text=True, timeout=timeout
    )
