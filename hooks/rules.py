"""What a schema cannot say: rules across entries and against the files on disk.

Each rule is a small function over the checked rows (hooks/checking.py's Row) that
calls `report(line, where, message)` for each problem. All of them are linear: a
comparison between entries goes through a dict keyed on a normalized value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import bio
from checking import Row, link_problem, suggest
from schemas import GENERATED_PAGES, MAX_PHOTO_BYTES
from yamlfile import show

Report = Callable[[int, str, str], None]


def slugify(text: str) -> str:
    """'LGBTQ2S+ affirming care' -> 'lgbtq2s-affirming-care'; accents folded; '' when nothing Latin is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def lookalike_key(text: str) -> str:
    """What a reader sees: compatibility forms folded, case folded, spaces, punctuation and invisibles removed."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "CPZ")


# Scripts whose letters include lookalikes of Latin ones (Cyrillic а, Greek ο, ...).
_LATIN_LOOKALIKES = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})


def mixed_script_words(rows: list[Row], report: Report, field: str = "name") -> None:
    """A word mixing Latin letters with lookalike letters of another script ('Jаne' with a Cyrillic а).

    NFKC and case folding do not catch these, so they are refused outright; a name
    written wholly in one script ('Жанна') is fine.
    """
    for row in rows:
        value = row.values.get(field)
        if value is None:
            continue
        for word in value.split():
            scripts = {unicodedata.name(c, "?").split(" ")[0] for c in word if c.isalpha()}
            if "LATIN" in scripts and scripts & _LATIN_LOOKALIKES:
                other = " and ".join(sorted(scripts & _LATIN_LOOKALIKES)).title()
                report(
                    row.lines[field],
                    row.where,
                    f"{field}: '{show(word)}' mixes Latin and {other} letters, which can look the same; retype it",
                )
                break


# ---- the roster --------------------------------------------------------------


def unique_ids(rows: list[Row], report: Report) -> list[Row]:
    """Each id once; returns the rows with a first-seen id, for the rules that compare entries."""
    first: dict[str, int] = {}
    unique = []
    for row in rows:
        therapist_id = row.values.get("id")
        if therapist_id is None:
            continue
        if therapist_id in first:
            report(
                row.lines["id"],
                row.where,
                f"id: '{therapist_id}' is already used on line {first[therapist_id]}; ids must be unique",
            )
        else:
            first[therapist_id] = row.lines["id"]
            unique.append(row)
    return unique


def ids_leave_site_pages_alone(rows: list[Row], report: Report, docs_dir: Path) -> None:
    """An id whose address is already a page in docs/therapists/ would replace it."""
    for row in rows:
        therapist_id = row.values["id"]
        for page in (f"therapists/{therapist_id}.md", f"therapists/{therapist_id}/index.md"):
            if (docs_dir / page).is_file():
                report(
                    row.lines["id"],
                    row.where,
                    f"id: '{therapist_id}' would take the address of docs/{page}, line 1; choose another id",
                )


def distinct_names(rows: list[Row], report: Report) -> None:
    """Two entries whose names look the same (case, spacing, invisible characters aside) would confuse readers."""
    first: dict[str, Row] = {}
    for row in rows:
        name = row.values.get("name")
        if name is None:
            continue
        key = lookalike_key(name)
        if key in first:
            other = first[key]
            report(
                row.lines["name"],
                row.where,
                f"name: '{show(name)}' looks the same as the name on line {other.lines['name']} "
                f"('{show(other.values['name'])}'); make them clearly different, for example with a middle initial",
            )
        else:
            first[key] = row


def photos_exist(rows: list[Row], report: Report, docs_dir: Path) -> None:
    for row in rows:
        photo = row.values.get("photo")
        if photo is None:
            continue
        path = docs_dir / photo
        line = row.lines["photo"]
        if not path.is_file():
            report(line, row.where, f"photo: the file docs/{photo} does not exist; upload it first")
        elif path.is_symlink() or not path.resolve().is_relative_to(docs_dir.resolve()):
            # The build copies what a link points to, which could be any file on the machine.
            report(line, row.where, f"photo: docs/{photo} is a link to another file; upload the photo itself")
        elif path.stat().st_size > MAX_PHOTO_BYTES:
            size = -(-path.stat().st_size // 1024)  # round up, so 200.1 KB reads as 201
            report(
                line,
                row.where,
                f"photo: docs/{photo} is {size} KB; make it smaller than {MAX_PHOTO_BYTES // 1024} KB "
                "(see CONTRIBUTING.md, 'Add a photo')",
            )


def bio_links(rows: list[Row], report: Report, fields: tuple[str, ...] = ("bio", "bio_fr")) -> None:
    """A link in a bio meets the same rules as the roster's link fields (checking.link_problem)."""
    for row in rows:
        for field in fields:
            text = row.values.get(field)
            for url in bio.link_targets(text) if text else ():
                problem = link_problem(url, bio.SCHEMES)
                if problem:
                    report(row.lines[field], row.where, f"{field}: the link {problem}")


def one_current_therapist(rows: list[Row], report: Report, line: int) -> None:
    if rows and all(row.values.get("former") for row in rows):
        report(line, "", "therapists: there must be at least one current (not former) therapist")


# ---- the taxonomy --------------------------------------------------------------


def term_address(values: dict) -> str:
    return values.get("slug") or slugify(values["name"])


def term_addresses(rows: list[Row], report: Report, section: str, kind: str) -> None:
    """Every term of a facet gets its own, non-empty address that no generated page uses."""
    first: dict[str, Row] = {}
    names: dict[str, Row] = {}
    for row in rows:
        if "name" not in row.values:
            continue
        name = row.values["name"]
        slug = term_address(row.values)
        key = lookalike_key(name)
        line = row.lines.get("slug", row.lines["name"])
        if not slug:
            report(
                line,
                row.where,
                f"name: '{show(name)}' has no Latin letters or digits to make its web address from; "
                "add a line 'slug: ' with one, like 'slug: punjabi'",
            )
        elif slug in GENERATED_PAGES:
            report(
                line,
                row.where,
                f"name: its address /therapists/{kind}/{slug}/ is one the site uses for its own pages; "
                "add a line 'slug: ' with another",
            )
        elif slug in first:
            other = first[slug]
            report(
                line,
                row.where,
                f"name: '{show(name)}' gets the same address /therapists/{kind}/{slug}/ as "
                f"'{show(other.values['name'])}' on line {other.lines['name']}; rename one or give it a different slug",
            )
        elif key in names:
            # Different addresses, same look: two entries a reader cannot tell apart.
            other = names[key]
            report(
                row.lines["name"],
                row.where,
                f"name: '{show(name)}' looks the same as '{show(other.values['name'])}' on line "
                f"{other.lines['name']}; keep one",
            )
        else:
            first[slug] = row
            names[key] = row


def unique_names(rows: list[Row], report: Report) -> None:
    first: dict[str, int] = {}
    for row in rows:
        name = row.values.get("name")
        if name is None:
            continue
        key = lookalike_key(name)
        if key in first:
            report(row.lines["name"], row.where, f"name: '{show(name)}' is already listed on line {first[key]}")
        else:
            first[key] = row.lines["name"]


# ---- registration titles and offices ---------------------------------------------

# "Dr." or "Doctor" as a title, in a name or a credential.
_DR = re.compile(r"(?<![A-Za-z])(?:Dr\.?|Doctor)(?![A-Za-z])", re.I)
# The marks CRPO never issues for the Qualifying class, e.g. "RP (Q)".
_SHORT_QUALIFYING = re.compile(r"\(Q\)", re.I)


def registration_titles(rows: list[Row], report: Report) -> None:
    """registration.status is a title the therapist's college issues (data/taxonomy.yml, colleges: titles)."""
    for row in rows:
        registration = row.values.get("registration")
        if not registration:
            continue
        college, status = registration["college"], registration["status"]
        lines = row.rows["registration"][0].lines
        line = lines["status"]
        if status not in college.titles:
            allowed = ", ".join(f"'{t}'" for t in college.titles)
            if _SHORT_QUALIFYING.search(status):
                hint = " (write 'Registered Psychotherapist (Qualifying)' or 'RP (Qualifying)'; never '(Q)')"
            else:
                hint = suggest(status, college.titles, f"{college.name} issues {allowed}")
            report(
                line,
                row.where,
                f"registration.status: '{show(status)}' is not a title {college.name} issues{hint}",
            )
        elif college.titles[status] and not registration.get("supervisor"):
            report(
                line,
                row.where,
                f"registration.supervisor: is missing; {college.name} requires '{status}' registrants to practise "
                "under clinical supervision: add a line 'supervisor:' under status: with the supervisor's name",
            )
        if college.refuses_dr:
            for field in ("name", "credentials"):
                values = row.values.get(field)
                texts = [values] if isinstance(values, str) else list(values or ())
                if any(_DR.search(text) for text in texts):
                    report(
                        row.lines[field],
                        row.where,
                        f"{field}: {college.name} does not allow its members to use 'Dr.' or 'Doctor' when "
                        "providing care; remove it (a doctorate can be listed as PhD or PsyD)",
                    )


def unique_office_ids(rows: list[Row], report: Report) -> None:
    first: dict[str, int] = {}
    for row in rows:
        office_id = row.values.get("id")
        if office_id is None:
            continue
        if office_id in first:
            report(row.lines["id"], row.where, f"id: '{office_id}' is already used on line {first[office_id]}")
        else:
            first[office_id] = row.lines["id"]


# ---- the crisis lines --------------------------------------------------------------


def emergency_numbers(rows: list[Row], report: Report, line: int) -> None:
    """9-8-8 and 911 are on every page; the crisis box is built around them."""
    tels = {row.values.get("tel") for row in rows}
    for number, label in (("988", "9-8-8"), ("911", "911")):
        if number not in tels:
            report(line, "", f'lines: {label} is missing; the lines must include a line with tel: "{number}"')
