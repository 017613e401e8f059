"""Write data/therapists.schema.json, the JSON Schema that editors' YAML tools use.

    python scripts/gen_schema.py           rewrite the schema
    python scripts/gen_schema.py --check   fail if the committed schema is out of date

The allowed languages, specialties, approaches, client groups, formats and
colleges come from data/taxonomy.yml, and the patterns and length limits from
hooks/roster.py, so the schema cannot drift from the build's own check. The
build's check stays the authority: it also sees what JSON Schema cannot
(duplicate keys, YAML 1.1 booleans, unquoted numbers, photo files, unique ids).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import roster  # noqa: E402  (hooks/ is not a package)

SCHEMA_PATH = ROOT / "data" / "therapists.schema.json"

# Characters a link may not contain: spaces, control characters and the
# invisible ones that hide a "javascript:" link from a reviewer.
_INVISIBLE = r"\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff"
# Text fields: something visible, and no control characters except newline and tab.
_TEXT = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"
_HTTPS = rf"https://[^/?#@{_INVISIBLE}]+(?:[/?#][^{_INVISIBLE}]*)?"


def _bare(pattern: str) -> str:
    """A roster.py pattern without its ^...$ anchors, to combine with others."""
    return pattern.removeprefix("^").removesuffix("$")


def text(title: str, description: str, example: str, max_length: int = roster.MAX_SHORT) -> dict:
    return {
        "title": title,
        "description": description,
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": _TEXT,
        "examples": [example],
    }


def choices(taxonomy: roster.Taxonomy, section: str, title: str, description: str, example: list[str]) -> dict:
    names = [term.name for term in taxonomy.terms[section]]
    return {
        "title": title,
        "description": f"{description} Allowed values (from data/taxonomy.yml): {', '.join(names)}.",
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {"type": "string", "enum": names},
        "examples": [example],
    }


def fee(title: str, description: str, example: int) -> dict:
    return {
        "title": title,
        "description": description,
        "type": "integer",
        "minimum": 0,
        "maximum": 999999,
        "examples": [example],
    }


def build_schema(taxonomy: roster.Taxonomy) -> dict:
    colleges = list(taxonomy.colleges.values())
    approach_titles = "; ".join(f"{t.name} = {t.title}" for t in taxonomy.terms["approaches"] if t.title)
    properties = {
        "id": {
            "title": "Page address",
            "description": "Lowercase letters, digits and single hyphens, usually first-last name. It becomes the "
            "profile address /therapists/<id>/, so never change it once published. Must be unique.",
            "type": "string",
            "pattern": roster.ID_RE.pattern,
            "maxLength": roster.MAX_SHORT,
            "not": {"enum": sorted(roster.RESERVED_IDS)},
            "examples": ["jane-doe"],
        },
        "name": text("Name", "Full name as the public should see it.", "Jane Doe", roster.MAX_NAME),
        "pronouns": text("Pronouns (optional)", "Shown after the name.", "she/her"),
        "credentials": {
            "title": "Credentials",
            "description": "Degrees and designations, in the order to show them. Quote any that contain a colon "
            "or start with a bracket.",
            "type": "array",
            "minItems": 1,
            "maxItems": roster.MAX_CREDENTIALS,
            "items": text("Credential", "One degree or designation.", "MA"),
            "examples": [["MA", "RP"]],
        },
        "registration": {
            "title": "Registration",
            "description": "The Ontario college the therapist is registered with, so readers can check the "
            "public register.",
            "type": "object",
            "additionalProperties": False,
            "required": ["college", "number", "status"],
            "properties": {
                "college": {
                    "title": "College",
                    "description": "Short name of the regulatory college: "
                    + "; ".join(f"{c.name} = {c.title}" for c in colleges)
                    + ".",
                    "type": "string",
                    "enum": [c.name for c in colleges],
                    "examples": ["CRPO"],
                },
                "number": {
                    "title": "Registration number",
                    "description": 'Exactly as on the college\'s register, IN QUOTES ("001234"): without quotes '
                    "YAML drops leading zeros or reads the number as octal.",
                    "type": "string",
                    "pattern": roster.REGISTRATION_NUMBER_RE.pattern,
                    "examples": ["001234"],
                },
                "status": text(
                    "Registration status",
                    "The class of registration, as the register shows it.",
                    "Registered Psychotherapist",
                ),
            },
            "examples": [{"college": "CRPO", "number": "001234", "status": "Registered Psychotherapist"}],
        },
        "languages": choices(
            taxonomy, "languages", "Languages", "Languages therapy is offered in.", ["English", "French"]
        ),
        "specialties": choices(
            taxonomy, "specialties", "Specialties", "Concerns the therapist works with.", ["Anxiety", "Depression"]
        ),
        "approaches": choices(
            taxonomy, "approaches", "Approaches", f"Kinds of therapy offered ({approach_titles}).", ["CBT", "ACT"]
        ),
        "clients": choices(taxonomy, "clients", "Client groups", "Who the therapist sees.", ["Individuals", "Adults"]),
        "formats": choices(taxonomy, "formats", "Session formats", "How sessions happen.", ["In person", "Video"]),
        "fees": {
            "title": "Fees",
            "description": "Fees in whole Canadian dollars per session.",
            "type": "object",
            "additionalProperties": False,
            "required": ["individual", "sliding_scale"],
            "properties": {
                "individual": fee("Individual session fee", "Dollars, digits only (no $). 0 for OHIP-covered.", 160),
                "couples": fee("Couples session fee (optional)", "Dollars, digits only (no $).", 190),
                "sliding_scale": {
                    "title": "Sliding scale",
                    "description": "true if a reduced fee is offered to people who could not otherwise afford "
                    "therapy, else false (write true or false, never yes or no).",
                    "type": "boolean",
                    "examples": [True],
                },
            },
            "examples": [{"individual": 160, "sliding_scale": True}],
        },
        "fee_note": text(
            "Fee note (optional)",
            "One sentence shown under the fees.",
            "Covered by OHIP with a referral from your family doctor.",
        ),
        "accepting_new_clients": {
            "title": "Accepting new clients",
            "description": "true or false (never yes or no). Change this when the therapist's availability changes.",
            "type": "boolean",
            "examples": [True],
        },
        "booking_url": {
            "title": "Booking link (optional)",
            "description": "The therapist's online booking page. Must start with https://.",
            "type": "string",
            "maxLength": roster.MAX_URL,
            "pattern": f"^{_HTTPS}$",
            "examples": ["https://booking.example.org/jane-doe"],
        },
        "contact_url": {
            "title": "Contact link (optional)",
            "description": "A web page (https://...), an email (mailto:name@example.org) or a phone number "
            "(tel:+14165550100).",
            "type": "string",
            "maxLength": roster.MAX_URL,
            "pattern": f"^(?:{_HTTPS}|mailto:{_bare(roster.EMAIL_RE.pattern)}|tel:{_bare(roster.PHONE_RE.pattern)})$",
            "examples": ["mailto:jane.doe@example.org", "tel:+14165550100"],
        },
        "photo": {
            "title": "Photo (optional)",
            "description": "Path of the photo inside docs/: upload a square JPEG, PNG or WebP (at least 400x400 "
            "pixels, under 200 KB) to docs/assets/therapists/ first. Needs photo_alt.",
            "type": "string",
            "pattern": roster.PHOTO_RE.pattern,
            "examples": ["assets/therapists/jane-doe.jpg"],
        },
        "photo_alt": text(
            "Photo description",
            "What the photo shows, for people using screen readers. Required with a photo.",
            "Jane Doe smiling, in a blue sweater, in front of a bookshelf",
        ),
        "bio": text(
            "Biography",
            "A few short paragraphs in plain language (Markdown allowed). Start the line "
            "with 'bio: |' and indent the paragraphs below it.",
            "Jane works with adults who feel anxious.",
            roster.MAX_BIO,
        ),
        "former": {
            "title": "Former therapist (optional)",
            "description": "true when the therapist has left. Keep the entry with id and name only, so the old "
            "profile address shows a 'no longer with us' page instead of an error.",
            "type": "boolean",
            "examples": [True],
        },
    }
    required_when_current = [name for name in roster.FIELDS if name in roster.REQUIRED_FIELDS]
    former = {"required": ["former"], "properties": {"former": {"const": True}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated by scripts/gen_schema.py from data/taxonomy.yml and hooks/roster.py. "
        "Do not edit by hand: run python scripts/gen_schema.py.",
        "title": "Therapist roster",
        "description": "The practice's therapists (data/therapists.yml). How to edit: CONTRIBUTING.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["therapists"],
        "properties": {
            "therapists": {
                "title": "Therapists",
                "description": "One entry per therapist, each starting with '- id:'. At least one must be current "
                "(not former).",
                "type": "array",
                "minItems": 1,
                "contains": {"not": former},
                "items": {
                    "title": "Therapist",
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "name"],
                    "properties": properties,
                    "dependentRequired": {"photo": ["photo_alt"]},
                    "if": former,
                    "else": {"required": required_when_current},
                },
            },
        },
    }


def render(taxonomy: roster.Taxonomy | None = None) -> str:
    schema = build_schema(taxonomy or roster.load_taxonomy())
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    expected = render()
    relative = SCHEMA_PATH.relative_to(ROOT).as_posix()
    if "--check" in argv:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != expected:
            print(
                f"{relative} is out of date with data/taxonomy.yml or hooks/roster.py: "
                "run python scripts/gen_schema.py and commit the result"
            )
            return 1
        print(f"{relative}: up to date")
        return 0
    SCHEMA_PATH.write_text(expected, encoding="utf-8")
    print(f"wrote {relative}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
