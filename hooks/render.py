"""Turn a checked Roster into HTML fragments, using the templates in overrides/roster/.

Every template here is rendered with autoescaping on, so a roster string such as
"<script>" or "{{ 7*7 }}" reaches the page as text. The only HTML that is not
escaped is a bio rendered by `bio_html` (hooks/bio.py), which shows raw HTML as text and links only to
web pages, email addresses and phone numbers.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

import strings
from bio import to_html as bio_html
from filters import choices_of, directory_filters
from model import Office, Practice
from roster import FACETS, Roster, Therapist
from schemas import AVAILABILITY_MAX_AGE_DAYS

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "roster"

# Cards per directory page; beyond this the directory is split into pages, and
# the filter script loads a compact index instead of shipping every card at once.
PAGE_SIZE = 48

# How many therapists an article lists before it links to the full facet page instead.
OFFERING_LIMIT = 24

DIRECTORY_URL = "therapists/"
ACCEPTING_URL = "therapists/accepting/"
FILTER_INDEX = "therapists/directory.json"
# Every roster record with its labels in each language, published once (with the default language).
PUBLIC_JSON = "therapists.json"


@dataclass(frozen=True)
class GeneratedPage:
    """A page the site makes from the roster. `source` is named as the English page would be named in
    docs/ (therapists/jane-doe.md), so the build and the check of output paths (hooks/files_safety.py)
    see every page at the address it takes."""

    source: str
    title: str
    description: str
    render: Callable[[], str]
    search: bool = True


def json_ld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no string in it can close."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# One template environment for every Renderer, so the templates are parsed and
# compiled once per process. It holds no build's data: what differs between
# builds (roster, facets, site name, the card cache) is passed when rendering.
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def day(value: datetime.date, language: str = strings.DEFAULT) -> str:
    """2026-11-05 -> 'November 5, 2026' or '5 novembre 2026'."""
    return strings.long_date(value, language)


def map_url(office: Office) -> str:
    """A search for the office's address on OpenStreetMap: a plain link, never an embedded map."""
    return "https://www.openstreetmap.org/search?query=" + quote(office.address, safe="")


_ENV.filters.update(json_ld=json_ld, day=day)

_ENV.globals.update(
    directory_url=DIRECTORY_URL,
    map_url=map_url,
    max_age_days=AVAILABILITY_MAX_AGE_DAYS,
)


class Renderer:
    """Renders every roster page in one language. URLs in the output are relative to the page they appear on.

    The pages of another language than the default sit under /<language>/ with the
    same addresses below it, so a page's links are the English page's links with
    that prefix; photos and other assets are not translated and stay where they are.
    """

    def __init__(self, roster: Roster, *, site_name: str, site_url: str = "", language: str = strings.DEFAULT):
        self.roster = roster.localized(language)
        self.language = language
        self.prefix = "" if language == strings.DEFAULT else f"{language}/"
        self.s = strings.of(language)
        self.site_name = site_name
        self.site_url = site_url
        self.facets = self.roster.facets()
        # Card HTML already rendered, by therapist and the card's two relative links. Every
        # facet page (and directory page 2..N) sees the same links, so a therapist listed
        # under a dozen facets has their card rendered about three times, not a dozen.
        self._cards: dict[tuple, Markup] = {}

    def card_html(self, t: Therapist, url: Callable[[str], str]) -> Markup:
        """The card macro of card.html for `t`, rendered once per distinct pair of links."""
        key = (t, url(t.url), url(t.photo) if t.photo else "")
        html = self._cards.get(key)
        if html is None:
            shown = self.roster.availability(t)
            html = self._cards[key] = _ENV.get_template("card.html").module.card(t, url, shown, self.s, self.language)
        return html

    def local(self, target: str) -> str:
        """A site-relative URL of this language's copy of a page (assets have one copy)."""
        return target if target.startswith("assets/") else self.prefix + target

    def link_from(self, page_url: str) -> Callable[[str], str]:
        """url(target) for the page at `page_url` (already in this language's folder)."""
        return lambda target: get_relative_url(self.local(target), page_url)

    def _render(self, template: str, page_url: str, **context) -> str:
        """Render a page whose address (page_url) is given without the language folder."""
        return self._render_at(template, self.local(page_url), **context)

    def _render_at(self, template: str, page_url: str, **context) -> str:
        url = self.link_from(page_url)
        return _ENV.get_template(template).render(
            url=url,
            s=self.s,
            lang=self.language,
            facet_kinds=[(kind, strings.heading(kind, self.language)) for _, _, kind, _ in FACETS],
            page_url=page_url,
            card=lambda t: self.card_html(t, url),
            bio=bio_html,
            roster=self.roster,
            shown=self.roster.availability,
            facets=self.facets,
            site_name=self.site_name,
            **context,
        )

    # ---- pagination ---------------------------------------------------------

    @staticmethod
    def pages(base_url: str, count: int) -> list[tuple[int, str]]:
        """(number, URL) of each page of a list of `count` cards whose first page is `base_url`."""
        total = max(1, math.ceil(count / PAGE_SIZE))
        return [(n, base_url if n == 1 else f"{base_url}page/{n}/") for n in range(1, total + 1)]

    def _paged(self, template: str, base_url: str, items: list, number: int, **context) -> str:
        pages = self.pages(base_url, len(items))
        start = (number - 1) * PAGE_SIZE
        return self._render(
            template,
            pages[number - 1][1],
            items=items[start : start + PAGE_SIZE],
            total=len(items),
            number=number,
            pages=pages,
            **context,
        )

    # ---- what the site makes from the roster ---------------------------------

    def generated_pages(self) -> list[GeneratedPage]:
        """A profile per therapist, the facet pages, and the accepting and directory pages 2..N.

        Facet, accepting and directory pages 2..N only repeat profiles' cards, so they stay
        out of the search index, which every visitor downloads: search finds the therapist's
        own page. Page 1 of the directory is docs/therapists/index.md (the therapist_directory macro).
        """
        s, roster = self.s, self.roster
        pages = []
        for t in roster.therapists + roster.former:
            if t.former:
                description = s["former_description"].format(name=t.name)
            else:
                description = s["profile_description"].format(
                    name=t.name,
                    status=t.registration_status,
                    languages=", ".join(term.name for term in t.languages),
                )
            pages.append(
                GeneratedPage(f"therapists/{t.id}.md", t.name, description, lambda t=t: self.profile(t), not t.former)
            )
        for kind, entries in self.facets.items():
            heading = strings.heading(kind, self.language).lower()
            pages.append(
                GeneratedPage(
                    f"therapists/{kind}/index.md",
                    s["by"].format(facet=heading),
                    s["browse_description"].format(facet=heading),
                    lambda kind=kind: self.facet_index(kind),
                )
            )
            for facet in entries:
                title = f"{facet.heading}: {facet.term.name}"
                description = s["facet_description"].format(site=self.site_name, facet=heading, term=facet.term.name)
                for number, url in self.pages(facet.url, len(facet.therapists)):
                    pages.append(
                        GeneratedPage(
                            _source(url),
                            self._paged_title(title, number),
                            description,
                            lambda facet=facet, n=number: self.facet(facet, n),
                            search=False,
                        )
                    )
        for number, url in self.pages(ACCEPTING_URL, len(roster.accepting())):
            pages.append(
                GeneratedPage(
                    _source(url),
                    self._paged_title(s["accepting_title"], number),
                    s["accepting_description"],
                    lambda n=number: self.accepting(n),
                    search=False,
                )
            )
        for number, url in self.pages(DIRECTORY_URL, len(roster.therapists))[1:]:
            pages.append(
                GeneratedPage(
                    _source(url),
                    self._paged_title(s["therapists"], number),
                    s["directory_description"].format(site=self.site_name, number=number),
                    lambda n=number: self.directory(n),
                    search=False,
                )
            )
        return pages

    def generated_files(self) -> list[str]:
        """The site-relative paths of the data files this language's build writes."""
        return [self.local(FILTER_INDEX)] + ([PUBLIC_JSON] if self.language == strings.DEFAULT else [])

    def _paged_title(self, title: str, number: int) -> str:
        return title if number == 1 else self.s["page_n"].format(title=title, number=number)

    # ---- pages --------------------------------------------------------------

    def profile(self, t: Therapist) -> str:
        if t.former:
            return self._render("former.html", t.url, t=t)
        return self._render("profile.html", t.url, t=t, schema=json_ld(self.profile_schema(t)))

    def facet_index(self, kind: str) -> str:
        return self._render("facet-index.html", f"therapists/{kind}/", kind=kind, entries=self.facets[kind])

    def facet(self, facet, number: int = 1) -> str:
        """One page of the therapists who offer a facet value."""
        return self._paged("facet.html", facet.url, list(facet.therapists), number, facet=facet)

    def accepting(self, number: int = 1) -> str:
        return self._paged("accepting.html", ACCEPTING_URL, self.roster.accepting(), number)

    def directory(self, number: int = 1) -> str:
        """One page of the directory; page 1 also carries the filter controls."""
        return self._paged(
            "directory.html",
            DIRECTORY_URL,
            self.roster.therapists,
            number,
            page_size=PAGE_SIZE,
            index_url=FILTER_INDEX,
            filters=directory_filters(self.roster, self.facets, self.language) if number == 1 else [],
            in_language=self.in_language() if number == 1 else None,
        )

    def in_language(self):
        """On a page not in the default language: the facet page of the therapists who work in that
        language (e.g. /fr/therapists/language/french/), the short way to them; None in English or if none do."""
        if self.language == strings.DEFAULT:
            return None
        return next((f for f in self.facets["language"] if f.term.slug == strings.LANGUAGE_SLUGS[self.language]), None)

    def in_language_link(self, page_url: str) -> str:
        """The link to in_language()'s page, for the home page (macro in_language_link); empty in English."""
        return self._render_at("in-language.html", page_url, facet=self.in_language())

    def offering(self, approach: str, page_url: str) -> str:
        """For an article: who offers an approach, the first OFFERING_LIMIT of them, then a link to them all."""
        therapists = self.roster.offering(approach)
        facet = next((f for f in self.facets["approach"] if (f.term.en or f.term.name) == approach), None)
        term = next((t for t in self.roster.taxonomy.terms["approaches"] if (t.en or t.name) == approach), None)
        return self._render_at(
            "offering.html",
            page_url,
            approach=term.name if term else approach,
            therapists=therapists[:OFFERING_LIMIT],
            total=len(therapists),
            facet=facet,
        )

    # ---- data ---------------------------------------------------------------

    def filter_index(self) -> str:
        """What the directory's filter script loads: the filters, and each card's choices and HTML.

        The filters are listed in full (key, label, options) so that the scripts need
        no list of their own: a filter added in filters.py reaches them as data.
        """
        filters = directory_filters(self.roster, self.facets, self.language)
        records = []
        for t in self.roster.therapists:
            records.append(
                {
                    "f": choices_of(t.id, filters),
                    "html": str(self.card_html(t, self.link_from(self.local(DIRECTORY_URL)))),
                }
            )
        listed = [
            {
                "key": f.key,
                "label": f.label,
                "flag": f.flag,
                "question": f.question,
                "options": [[o.slug, o.name] for o in f.options],
            }
            for f in filters
        ]
        return json.dumps(
            {"page_size": PAGE_SIZE, "filters": listed, "therapists": records},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def contact(self, page_url: str) -> str:
        """The contact and locations page: the practice's details, its offices and their JSON-LD."""
        practice = self.roster.practice
        return self._render("contact.html", page_url, practice=practice, schema=json_ld(self.clinic_schema(practice)))

    def clinic_schema(self, practice: Practice) -> dict:
        """schema.org MedicalClinic for the practice, with each office's PostalAddress."""
        return {
            "@context": "https://schema.org",
            "@type": "MedicalClinic",
            "@id": self.site_url + "#clinic",
            "name": practice.name,
            "url": self.site_url or None,
            "telephone": practice.phone,
            "email": practice.email,
            "address": [
                {
                    "@type": "PostalAddress",
                    "name": office.name,
                    "streetAddress": office.street,
                    "addressLocality": office.city,
                    "addressRegion": office.province,
                    "postalCode": office.postal_code,
                    "addressCountry": "CA",
                }
                for office in practice.offices
            ],
        }

    def profile_schema(self, t: Therapist) -> dict:
        """schema.org ProfilePage for a therapist: who they are and the college that registers them."""
        page_url = self.site_url + self.local(t.url)
        person = {
            "@type": "Person",
            "@id": page_url + "#person",
            "name": t.name,
            "url": page_url,
            "jobTitle": t.registration_status,
            "honorificSuffix": ", ".join(t.credentials),
            "knowsLanguage": [term.name for term in t.languages],
            "knowsAbout": [term.name for term in t.areas_of_practice + t.approaches],
            "worksFor": {
                "@type": "MedicalClinic",
                "@id": self.site_url + "#clinic",
                "name": self.site_name,
                "url": self.site_url or None,
            },
            "hasCredential": {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "Registration",
                "name": t.registration_status,
                "identifier": t.registration_number,
                "recognizedBy": {"@type": "Organization", "name": t.college.title, "url": t.college.url},
                "validIn": {"@type": "AdministrativeArea", "name": "Ontario"},
            },
        }
        if t.photo:
            person["image"] = self.site_url + t.photo
        return {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "url": page_url,
            "mainEntity": person,
        }


def _source(url: str) -> str:
    """The Markdown file that MkDocs would publish at a directory URL: a/b/ -> a/b.md."""
    return url.rstrip("/") + ".md"


def render_template(template: str, page_url: str, language: str = strings.DEFAULT, **context) -> str:
    """Render one of overrides/roster/ for the page at `page_url`; `url()` in it makes links relative to that
    page, to the copy in `language` of the page it names."""
    prefix = "" if language == strings.DEFAULT else f"{language}/"
    return _ENV.get_template(template).render(
        url=lambda target: get_relative_url(prefix + target, page_url),
        page_url=page_url,
        s=strings.of(language),
        lang=language,
        **context,
    )
