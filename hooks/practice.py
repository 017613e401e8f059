"""The practice's own details from data/practice.yml: name, contact, offices, booking and privacy contact.

One file read by the contact page, the footer, the JSON-LD and the roster (each
therapist names the offices where they see clients by their ids).
"""

from __future__ import annotations

from pathlib import Path

import checking
import rules
import schemas
import yamlfile
from model import Office, Practice

PRACTICE_FILE = Path(__file__).resolve().parent.parent / "data" / "practice.yml"


def check(
    path: Path = PRACTICE_FILE, display_path: str | None = None
) -> tuple[Practice | None, list[yamlfile.Problem]]:
    """The checked Practice, or None, and every problem in the file."""
    display = display_path or yamlfile.display_path(Path(path))
    root, problems = yamlfile.read_yaml(path, display, "practice details")
    if problems:
        return None, problems
    checker = checking.Checker(display)
    top = checker.check_file(schemas.practice(), root)
    offices = top.rows.get("offices", [])
    rules.unique_office_ids(offices, checker.report)
    rules.unique_names(offices, checker.report)
    if checker.problems:
        return None, sorted(checker.problems, key=lambda p: p.line)
    values = top.values
    return (
        Practice(
            name=values["name"],
            phone=values["phone"],
            email=values["email"],
            offices=tuple(_office(v) for v in values["offices"]),
            booking_provider=values["booking"]["provider"],
            booking_privacy_url=values["booking"]["privacy_url"],
            privacy_contact={"phone": "", **values["privacy_contact"]},
        ),
        [],
    )


def load(path: Path = PRACTICE_FILE, display_path: str | None = None) -> Practice:
    """The checked practice details; raise yamlfile.DataError (a ValueError) listing every problem."""
    practice, problems = check(path, display_path)
    if problems:
        raise yamlfile.DataError(problems, "the practice details")
    return practice


def _office(values: dict) -> Office:
    values = dict(values)
    office_id = values.pop("id")
    return Office(slug=office_id, **values)
