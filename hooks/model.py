"""The data model: frozen data classes for the roster and the taxonomy, with no I/O.

hooks/roster.py builds them from checked files; hooks/render.py and the templates read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import strings
from schemas import FACETS


@dataclass(frozen=True)
class Term:
    """One allowed value of a facet, e.g. the language 'French'."""

    name: str
    slug: str
    title: str = ""
    article: str = ""
    fr: str = ""  # the French name (data/taxonomy.yml requires it)
    title_fr: str = ""
    en: str = ""  # on a French copy (in_french): the English name, which macros and the roster use


@dataclass(frozen=True)
class College:
    name: str
    title: str
    url: str
    register: str
    title_fr: str = ""


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
    bio_fr: str = ""
    # The language of the bio this copy shows: "fr" on a French page only when bio_fr is given.
    bio_lang: str = "en"

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


def in_french(term: Term) -> Term:
    """The term as French pages show it: same address (slug), French name and title."""
    return replace(term, name=term.fr or term.name, title=term.title_fr or term.title, en=term.name)


@dataclass
class Roster:
    path: str
    taxonomy: Taxonomy
    therapists: list[Therapist]  # current, in file order
    former: list[Therapist] = field(default_factory=list)
    language: str = strings.DEFAULT

    def get(self, therapist_id: str) -> Therapist | None:
        return next((t for t in self.therapists + self.former if t.id == therapist_id), None)

    def offering(self, approach: str) -> list[Therapist]:
        """Current therapists who offer an approach, by its taxonomy name."""
        if approach not in {t.en or t.name for t in self.taxonomy.terms["approaches"]}:
            raise KeyError(f"'{approach}' is not an approach in data/taxonomy.yml")
        return [t for t in self.therapists if any((a.en or a.name) == approach for a in t.approaches)]

    def accepting(self) -> list[Therapist]:
        return [t for t in self.therapists if t.accepting_new_clients]

    def localized(self, language: str) -> Roster:
        """The roster as pages in `language` show it: French term names, French bio or the English one marked as such.

        Slugs stay the same, so a French facet page has the English page's address under /fr/.
        """
        if language != "fr":
            return self
        terms = {section: tuple(in_french(t) for t in ts) for section, ts in self.taxonomy.terms.items()}
        colleges = {k: replace(c, title=c.title_fr or c.title) for k, c in self.taxonomy.colleges.items()}

        def convert(t: Therapist) -> Therapist:
            if t.former:
                return t
            return replace(
                t,
                college=colleges.get(t.college.name, t.college) if t.college else None,
                bio=t.bio_fr or t.bio,
                bio_lang="fr" if t.bio_fr else "en",
                **{f: tuple(in_french(x) for x in getattr(t, f)) for f, _, _, _ in FACETS},
            )

        return Roster(
            self.path, Taxonomy(terms, colleges), [convert(t) for t in self.therapists], list(self.former), language
        )

    def facets(self) -> dict[str, list[Facet]]:
        """Every non-empty facet value, grouped by facet, in taxonomy order."""
        grouped: dict[str, list[Facet]] = {}
        for field_name, section, kind, _ in FACETS:
            heading = strings.heading(kind, self.language)
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
