"""The therapist roster: load data/therapists.yml, check it, and shape it for pages.

Plain functions and small data classes, with no MkDocs imports, so that the
hook, the macros, the command line and the tests all share one implementation.

    python hooks/roster.py [--github] [FILE ...]

checks roster files without building the site (default: data/therapists.yml)
and prints one line per problem, in the form an editor can act on:

    data/therapists.yml:42: therapist 'jane-doe': languages: 'Frnech' is not allowed (did you mean 'French'?)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import checking
import practice as practice_module
import rules
import schemas
import yamlfile
from model import College, Facet, Fees, Practice, Roster, Taxonomy, Term, Therapist
from schemas import FACETS, MAX_BIO, MAX_CREDENTIALS, MAX_NAME, MAX_PHOTO_BYTES, MAX_SHORT, MAX_URL
from yamlfile import DataError, Problem

__all__ = (
    "FACETS",
    "MAX_BIO",
    "MAX_CREDENTIALS",
    "MAX_NAME",
    "MAX_PHOTO_BYTES",
    "MAX_SHORT",
    "MAX_URL",
    "College",
    "DataError",
    "Facet",
    "Fees",
    "Practice",
    "Problem",
    "Roster",
    "RosterError",
    "Taxonomy",
    "Term",
    "Therapist",
    "load_and_validate",
    "load_taxonomy",
    "public_json",
    "slugify",
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROSTER = PROJECT_ROOT / "data" / "therapists.yml"
DEFAULT_TAXONOMY = PROJECT_ROOT / "data" / "taxonomy.yml"
DEFAULT_DOCS_DIR = PROJECT_ROOT / "docs"

slugify = rules.slugify
_display_path = yamlfile.display_path


class RosterError(DataError):
    """Raised with every problem found in the roster (or the taxonomy it needs)."""

    def __init__(self, errors: list[Problem], what: str = "the therapist roster"):
        super().__init__(errors, what)


def load_taxonomy(path: str | os.PathLike = DEFAULT_TAXONOMY, *, display_path: str | None = None) -> Taxonomy:
    """Read and check data/taxonomy.yml; raise DataError listing every problem."""
    display = display_path or _display_path(Path(path))
    root, problems = yamlfile.read_yaml(path, display, "taxonomy")
    checker = checking.Checker(display)
    checker.problems += problems
    if not problems:
        top = checker.check_file(schemas.taxonomy(), root)
        for _, section, kind, _ in schemas.TAXONOMY_FACETS:
            rules.term_addresses(top.rows.get(section, []), checker.report, section, kind)
            rules.mixed_script_words(top.rows.get(section, []), checker.report)
        rules.unique_names(top.rows.get("colleges", []), checker.report)
        rules.unique_names(top.rows.get("insurers", []), checker.report)
        for college in top.rows.get("colleges", []):
            rules.unique_names(college.rows.get("titles", []), checker.report)
    if checker.problems:
        raise DataError(sorted(checker.problems, key=lambda p: p.line), "the taxonomy")
    terms = {
        section: tuple(
            Term(
                v["name"],
                rules.term_address(v),
                v.get("title", ""),
                v.get("article", ""),
                v.get("fr", ""),
                v.get("title_fr", ""),
            )
            for v in top.values[section]
        )
        for _, section, _, _ in schemas.TAXONOMY_FACETS
    }
    terms["insurers"] = tuple(Term(v["name"], rules.slugify(v["name"])) for v in top.values["insurers"])
    colleges = {
        v["name"]: College(
            v["name"],
            v["title"],
            v["url"],
            v["register"],
            v.get("title_fr", ""),
            {t["name"]: t.get("supervised", False) for t in v["titles"]},
            v.get("refuses_dr", False),
        )
        for v in top.values["colleges"]
    }
    return Taxonomy(terms, colleges)


def with_offices(taxonomy: Taxonomy, practice: Practice) -> Taxonomy:
    """The taxonomy with the practice's offices as the terms of the location facet."""
    return Taxonomy({**taxonomy.terms, "offices": practice.offices}, taxonomy.colleges)


def choices(taxonomy: Taxonomy) -> dict[str, dict]:
    """The values a roster field may take, by section: name -> Term (or College); offices by id."""
    allowed = {section: {t.name: t for t in terms} for section, terms in taxonomy.terms.items()}
    allowed["offices"] = {office.slug: office for office in taxonomy.terms.get("offices", ())}
    allowed["colleges"] = dict(taxonomy.colleges)
    return allowed


def load_and_validate(
    path: str | os.PathLike = DEFAULT_ROSTER,
    *,
    taxonomy: Taxonomy | None = None,
    practice: Practice | None = None,
    docs_dir: str | os.PathLike = DEFAULT_DOCS_DIR,
    display_path: str | None = None,
) -> Roster:
    """Read a roster file and check every entry; raise RosterError listing every problem."""
    display = display_path or _display_path(Path(path))
    if taxonomy is None:
        try:
            taxonomy = load_taxonomy()
        except DataError as exc:
            raise RosterError(exc.errors, "the taxonomy the roster needs") from None
    if practice is None:
        try:
            practice = practice_module.load()
        except DataError as exc:
            raise RosterError(exc.errors, "the practice details the roster needs") from None
    problems = check_roster(path, display, taxonomy, Path(docs_dir), practice)
    if isinstance(problems, list):
        raise RosterError(problems)
    return problems


def check_roster(
    path, display: str, taxonomy: Taxonomy, docs_dir: Path, practice: Practice | None = None
) -> Roster | list[Problem]:
    """The checked Roster, or every problem in the file sorted by line (offices from `practice`, else the default)."""
    practice = practice or practice_module.load()
    with yamlfile.without_cycle_collection():
        return _check_roster(path, display, with_offices(taxonomy, practice), docs_dir, practice)


def _check_roster(path, display: str, taxonomy: Taxonomy, docs_dir: Path, practice: Practice) -> Roster | list[Problem]:
    root, problems = yamlfile.read_yaml(path, display, "roster")
    checker = checking.Checker(display, choices(taxonomy))
    checker.problems += problems
    if root is None and problems:
        return problems
    top = checker.check_file(schemas.roster(), root)
    rows = top.rows.get("therapists", [])
    unique = rules.unique_ids(rows, checker.report)
    rules.ids_leave_site_pages_alone(unique, checker.report, docs_dir)
    rules.distinct_names(unique, checker.report)
    rules.mixed_script_words(rows, checker.report)
    rules.photos_exist(rows, checker.report, docs_dir)
    rules.bio_links(rows, checker.report)
    rules.registration_titles(rows, checker.report)
    if not checker.problems:
        rules.one_current_therapist(rows, checker.report, top.lines.get("therapists", 1))
    if checker.problems:
        return sorted(checker.problems, key=lambda p: p.line)
    roster = Roster(display, taxonomy, [], practice=practice, sample=top.values.get("sample", False))
    for row in rows:
        therapist = _therapist(row)
        (roster.former if therapist.former else roster.therapists).append(therapist)
    return roster


def _therapist(row: checking.Row) -> Therapist:
    values = dict(row.values)
    registration = values.pop("registration", {})
    fees = values.pop("fees", None)
    return Therapist(
        line=row.line,
        college=registration.get("college"),
        registration_number=registration.get("number", ""),
        registration_status=registration.get("status", ""),
        supervisor=registration.get("supervisor", ""),
        fees=Fees(
            fees["individual"],
            fees["sliding_scale"],
            fees.get("couples"),
            fees.get("free_consultation", False),
            fees.get("direct_billing", ()),
        )
        if fees
        else None,
        **values,
    )


# --------------------------------------------------------------------------
# Public data
# --------------------------------------------------------------------------


def public_record(t: Therapist, site_url: str = "", today=None) -> dict:
    """What therapists.json publishes about one current therapist (everything on the profile).

    Availability is what the profile shows on `today`: "ask" once the confirmation is too old.
    """
    return {
        "id": t.id,
        "name": t.name,
        "pronouns": t.pronouns or None,
        "credentials": list(t.credentials),
        "registration": {
            "college": t.college.name,
            "college_name": t.college.title,
            "number": t.registration_number,
            "status": t.registration_status,
            "supervisor": t.supervisor or None,
        },
        "languages": [x.name for x in t.languages],
        "areas_of_practice": [x.name for x in t.areas_of_practice],
        "approaches": [x.name for x in t.approaches],
        "clients": [x.name for x in t.clients],
        "formats": [x.name for x in t.formats],
        "times": [x.name for x in t.times],
        "offices": [x.slug for x in t.offices],
        "gender_identity": t.gender_identity or None,
        "fees": {
            "individual": t.fees.individual,
            "couples": t.fees.couples,
            "sliding_scale": t.fees.sliding_scale,
            "free_consultation": t.fees.free_consultation,
            "direct_billing": [x.name for x in t.fees.direct_billing],
            "note": t.fee_note or None,
        },
        "availability": t.availability_on(today) if today else t.availability,
        "availability_confirmed_on": t.availability_confirmed_on.isoformat(),
        "booking_url": t.booking_url or None,
        "contact_url": t.contact_url or None,
        "photo": (site_url + t.photo) if t.photo else None,
        "photo_alt": t.photo_alt or None,
        "bio": t.bio,
        "url": site_url + t.url,
        # The French profile's labels: the taxonomy's fr: names, the college's French name, the French bio.
        "fr": {
            "college_name": t.college.title_fr or None,
            **{field: [x.fr or x.name for x in getattr(t, field)] for field, _, _, _ in FACETS},
            "bio": t.bio_fr or None,
            "url": site_url + "fr/" + t.url,
        },
    }


def public_json(roster: Roster, site_url: str = "") -> str:
    records = [public_record(t, site_url, roster.today) for t in roster.therapists]
    return json.dumps({"therapists": records}, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    github = "--github" in args
    files = [a for a in args if a != "--github"] or [os.environ.get("ROSTER_FILE") or "data/therapists.yml"]
    status = 0
    for file in files:
        try:
            roster = load_and_validate(file)
        except RosterError as exc:
            status = 1
            for problem in exc.errors:
                print(problem.github() if github else str(problem))
            continue
        print(
            f"{_display_path(Path(file))}: OK, {len(roster.therapists)} current and {len(roster.former)} former therapists"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
