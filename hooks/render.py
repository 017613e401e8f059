"""Turn a checked Roster into HTML fragments, using the templates in overrides/roster/.

Every template here is rendered with autoescaping on, so a roster string such as
"<script>" or "{{ 7*7 }}" reaches the page as text. The only HTML that is not
escaped is a bio rendered by `bio_html` (hooks/bio.py), which shows raw HTML as text and links only to
web pages, email addresses and phone numbers.
"""

from __future__ import annotations

import json
import math
import posixpath
from pathlib import Path

import jinja2
from markupsafe import Markup

from bio import to_html as bio_html
from roster import FACETS, Roster, Therapist

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "roster"

# Cards per directory page; beyond this the directory is split into pages, and
# the filter script loads a compact index instead of shipping every card at once.
PAGE_SIZE = 48

# How many therapists an article lists before it links to the full facet page instead.
OFFERING_LIMIT = 24

DIRECTORY_URL = "therapists/"
ACCEPTING_URL = "therapists/accepting/"
FILTER_INDEX = "therapists/directory.json"


def relative(target: str, base: str) -> str:
    """URL of site-relative `target` as seen from the page at site-relative `base` (both directory URLs)."""
    path = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not path.endswith("/"):
        path += "/"
    return "./" if path == "./" else path


def json_ld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no string in it can close."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# One template environment for every Renderer: the macros make a Renderer per
# call, and each would otherwise parse and compile the templates again. What
# differs between rosters (roster, facets, site name) is passed when rendering.
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters.update(bio=bio_html, json_ld=json_ld)

# Card HTML already rendered, by therapist and the card's two relative links. Every
# facet page (and directory page 2..N) sees the same links, so a therapist listed
# under a dozen facets has their card rendered about three times, not a dozen.
_cards: dict[tuple, Markup] = {}


def card_html(t: Therapist, url) -> Markup:
    """The card macro of card.html for `t`, rendered once per distinct pair of links."""
    key = (t, url(t.url), url(t.photo) if t.photo else "")
    html = _cards.get(key)
    if html is None:
        html = _cards[key] = _ENV.get_template("card.html").module.card(t, url)
    return html


_ENV.globals.update(
    facet_kinds=[(kind, heading) for _, _, kind, heading in FACETS],
    directory_url=DIRECTORY_URL,
    card_html=card_html,
)


class Renderer:
    """Renders every roster page. URLs in the output are relative to the page they appear on."""

    def __init__(self, roster: Roster, *, site_name: str, site_url: str = ""):
        self.roster = roster
        self.site_name = site_name
        self.site_url = site_url
        self.facets = _facets(roster)

    def _render(self, template: str, page_url: str, **context) -> str:
        return render_template(
            template, page_url, roster=self.roster, facets=self.facets, site_name=self.site_name, **context
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
            "directory.html", DIRECTORY_URL, self.roster.therapists, number, page_size=PAGE_SIZE, index_url=FILTER_INDEX
        )

    def offering(self, approach: str, page_url: str) -> str:
        """For an article: who offers an approach, the first OFFERING_LIMIT of them, then a link to them all."""
        therapists = self.roster.offering(approach)
        facet = next((f for f in self.facets["approach"] if f.term.name == approach), None)
        return self._render(
            "offering.html",
            page_url,
            approach=approach,
            therapists=therapists[:OFFERING_LIMIT],
            total=len(therapists),
            facet=facet,
        )

    # ---- data ---------------------------------------------------------------

    def filter_index(self) -> str:
        """What the directory's filter script loads: each card's facets and its HTML."""
        records = []
        for t in self.roster.therapists:
            records.append(
                {
                    "f": {kind: [term.slug for term in t.facet(field)] for field, _, kind, _ in FACETS},
                    "a": t.accepting_new_clients,
                    "html": str(card_html(t, lambda target: relative(target, DIRECTORY_URL))),
                }
            )
        return json.dumps({"page_size": PAGE_SIZE, "therapists": records}, ensure_ascii=False, separators=(",", ":"))

    def profile_schema(self, t: Therapist) -> dict:
        """schema.org ProfilePage for a therapist: who they are and the college that registers them."""
        page_url = self.site_url + t.url
        person = {
            "@type": "Person",
            "@id": page_url + "#person",
            "name": t.name,
            "url": page_url,
            "jobTitle": t.registration_status,
            "honorificSuffix": ", ".join(t.credentials),
            "knowsLanguage": [term.name for term in t.languages],
            "knowsAbout": [term.name for term in t.specialties + t.approaches],
            "worksFor": {"@type": "MedicalClinic", "name": self.site_name, "url": self.site_url or None},
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


def render_template(template: str, page_url: str, **context) -> str:
    """Render one of overrides/roster/ for the page at `page_url`; `url()` in it makes links relative to that page."""

    def url(target: str) -> str:
        return relative(target, page_url)

    return _ENV.get_template(template).render(url=url, page_url=page_url, **context)


def _facets(roster: Roster) -> dict:
    """roster.facets(), computed once per roster (the macros make a Renderer per call)."""
    if _facets_of.get("roster") is not roster:
        _facets_of.update(roster=roster, facets=roster.facets())
    return _facets_of["facets"]


_facets_of: dict = {}


def new_build() -> None:
    """Forget cards and facets from an earlier build (`mkdocs serve` rebuilds after a template edit)."""
    _cards.clear()
    _facets_of.clear()
