"""The data model: frozen data classes for the roster and the taxonomy, with no I/O.

hooks/roster.py builds them from checked files; hooks/render.py and the templates read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas import FACETS


@dataclass(frozen=True)
class Term:
    """One allowed value of a facet, e.g. the language 'French'."""

    name: str
    slug: str
    title: str = ""
    article: str = ""


@dataclass(frozen=True)
class College:
    name: str
    title: str
    url: str
    register: str


@dataclass(frozen=True)
class Taxonomy:
    terms: dict[str, tuple[Term, ...]]
    colleges: dict[str, College]

    def term(self, section: str, name: str) -> Term:
        return next(t for t in self.terms[section] if t.name == name)


@dataclass(frozen=True)
class Fees:
    individual: int
    sliding_scale: bool
    couples: int | None = None


@dataclass(frozen=True)
class Therapist:
    id: str
    name: str
    line: int
    former: bool = False
    pronouns: str = ""
    credentials: tuple[str, ...] = ()
    college: College | None = None
    registration_number: str = ""
    registration_status: str = ""
    languages: tuple[Term, ...] = ()
    areas_of_practice: tuple[Term, ...] = ()
    approaches: tuple[Term, ...] = ()
    clients: tuple[Term, ...] = ()
    formats: tuple[Term, ...] = ()
    fees: Fees | None = None
    fee_note: str = ""
    accepting_new_clients: bool = False
    booking_url: str = ""
    contact_url: str = ""
    photo: str = ""
    photo_alt: str = ""
    bio: str = ""

    @property
    def url(self) -> str:
        """Site-relative URL of the profile page."""
        return f"therapists/{self.id}/"

    @property
    def initials(self) -> str:
        parts = [p for p in re.split(r"[\s-]+", self.name) if p[:1].isalpha()]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def facet(self, field_name: str) -> tuple[Term, ...]:
        return getattr(self, field_name)


@dataclass(frozen=True)
class Facet:
    """One browsable value, e.g. language 'French', with the therapists who offer it."""

    kind: str  # URL segment, e.g. "language"
    heading: str
    term: Term
    therapists: tuple[Therapist, ...]

    @property
    def url(self) -> str:
        return f"therapists/{self.kind}/{self.term.slug}/"


@dataclass
class Roster:
    path: str
    taxonomy: Taxonomy
    therapists: list[Therapist]  # current, in file order
    former: list[Therapist] = field(default_factory=list)
    sample: bool = False  # the file says `sample: true`: fictional people, shown as such on every page

    def get(self, therapist_id: str) -> Therapist | None:
        return next((t for t in self.therapists + self.former if t.id == therapist_id), None)

    def offering(self, approach: str) -> list[Therapist]:
        """Current therapists who offer an approach, by its taxonomy name."""
        if approach not in {t.name for t in self.taxonomy.terms["approaches"]}:
            raise KeyError(f"'{approach}' is not an approach in data/taxonomy.yml")
        return [t for t in self.therapists if any(a.name == approach for a in t.approaches)]

    def accepting(self) -> list[Therapist]:
        return [t for t in self.therapists if t.accepting_new_clients]

    def facets(self) -> dict[str, list[Facet]]:
        """Every non-empty facet value, grouped by facet, in taxonomy order."""
        grouped: dict[str, list[Facet]] = {}
        for field_name, section, kind, heading in FACETS:
            members: dict[str, list[Therapist]] = {t.name: [] for t in self.taxonomy.terms[section]}
            for therapist in self.therapists:
                for term in therapist.facet(field_name):
                    members[term.name].append(therapist)
            grouped[kind] = [
                Facet(kind, heading, term, tuple(members[term.name]))
                for term in self.taxonomy.terms[section]
                if members[term.name]
            ]
        return grouped
