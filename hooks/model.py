"""The data model: frozen data classes for the roster and the taxonomy, with no I/O.

hooks/roster.py builds them from checked files; hooks/render.py and the templates read them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

import clock
import strings
from schemas import AVAILABILITY_MAX_AGE_DAYS, FACETS


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
class Office(Term):
    """An office from data/practice.yml; a Term of the location facet, its slug the office id."""

    street: str = ""
    city: str = ""
    province: str = "ON"  # every office is in Ontario, where the colleges register the therapists
    postal_code: str = ""
    step_free: bool = False
    access_note: str = ""
    transit: str = ""
    hours: str = ""
    evenings: bool = False
    weekends: bool = False

    @property
    def address(self) -> str:
        return f"{self.street}, {self.city}, {self.province} {self.postal_code}"


@dataclass(frozen=True)
class Practice:
    name: str
    phone: str
    email: str
    offices: tuple[Office, ...]
    booking_provider: str
    booking_privacy_url: str
    privacy_contact: dict


@dataclass(frozen=True)
class College:
    name: str
    title: str
    url: str
    register: str
    title_fr: str = ""
    # title -> True when it practises under supervision; left out of hashing (a dict cannot be hashed)
    titles: dict = field(default_factory=dict, compare=False)
    refuses_dr: bool = False


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
    free_consultation: bool = False
    direct_billing: tuple[Term, ...] = ()


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
    supervisor: str = ""
    languages: tuple[Term, ...] = ()
    areas_of_practice: tuple[Term, ...] = ()
    approaches: tuple[Term, ...] = ()
    clients: tuple[Term, ...] = ()
    formats: tuple[Term, ...] = ()
    times: tuple[Term, ...] = ()
    offices: tuple[Office, ...] = ()
    gender_identity: str = ""
    fees: Fees | None = None
    fee_note: str = ""
    availability: str = ""
    availability_confirmed_on: datetime.date | None = None
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

    @property
    def supervised(self) -> bool:
        """True for a registration class that practises under clinical supervision, such as RP (Qualifying)."""
        return bool(self.college and self.college.titles.get(self.registration_status))

    def booking_action(self, shown: str) -> str | None:
        """The words (a key of hooks/strings.py) of the booking button on a profile whose availability shows as
        `shown`, or None for no button: a therapist who is not accepting new clients is not offered for booking,
        one with a waitlist is offered for the waitlist, and the contact link, if any, stays."""
        if not self.booking_url or shown == "not accepting":
            return None
        return "join_waitlist" if shown == "waitlist" else "book_with"

    def availability_on(self, today: datetime.date) -> str:
        """What the site says on `today`: the roster's availability, or "ask" once it is too old to trust."""
        confirmed = self.availability_confirmed_on
        if confirmed is None or (today - confirmed).days > AVAILABILITY_MAX_AGE_DAYS:
            return "ask"
        return self.availability


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
    practice: Practice | None = None
    # The day availability is judged on: the day of the build.
    today: datetime.date = field(default_factory=clock.today)
    sample: bool = False  # the file says `sample: true`: fictional people, shown as such on every page
    language: str = strings.DEFAULT

    def get(self, therapist_id: str) -> Therapist | None:
        return next((t for t in self.therapists + self.former if t.id == therapist_id), None)

    def offering(self, approach: str) -> list[Therapist]:
        """Current therapists who offer an approach, by its taxonomy name."""
        if approach not in {t.en or t.name for t in self.taxonomy.terms["approaches"]}:
            raise KeyError(f"'{approach}' is not an approach in data/taxonomy.yml")
        return [t for t in self.therapists if any((a.en or a.name) == approach for a in t.approaches)]

    def accepting(self) -> list[Therapist]:
        """Current therapists whose "accepting" is recent enough to trust."""
        return [t for t in self.therapists if t.availability_on(self.today) == "accepting"]

    def availability(self, t: Therapist) -> str:
        return t.availability_on(self.today)

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

        return replace(
            self,
            taxonomy=replace(self.taxonomy, terms=terms, colleges=colleges),
            therapists=[convert(t) for t in self.therapists],
            former=list(self.former),
            language=language,
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
