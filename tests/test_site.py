"""The built site, inspected: safety, privacy and the directory against the roster."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

import roster as roster_module
from support.sitefiles import html_pages, read_page


@pytest.fixture(scope="session")
def pages(site):
    return {path.relative_to(site).as_posix(): read_page(path) for path in html_pages(site)}


def test_site_has_the_expected_pages(pages, sample_roster):
    assert "404.html" in pages and "index.html" in pages and "crisis/index.html" in pages
    assert len(pages) > 20 + len(sample_roster.therapists)


def test_every_page_has_the_crisis_box(pages):
    missing = [
        name
        for name, page in pages.items()
        if not (
            'href="tel:988"' in page.html
            and "9-8-8" in page.text
            and 'href="tel:911"' in page.html
            and 'class="tpg-crisis-box"' in page.html
        )
    ]
    assert not missing, f"pages without the crisis box: {missing}"


def test_404_page_is_themed_and_links_home(pages):
    page = pages["404.html"]
    assert "We could not find that page" in page.text
    # Served at any depth, so its links must be absolute to the site root.
    assert "/website/therapists/" in page.links and "/website/crisis/" in page.links


def test_no_page_loads_anything_from_another_host(pages, site):
    offenders = []
    for name, page in pages.items():
        for tag, attribute, url in page.resources:
            for candidate in url.split(","):  # srcset lists several URLs
                parts = urlsplit(candidate.strip().split(" ")[0])
                if parts.scheme or parts.netloc:
                    offenders.append((name, tag, attribute, candidate))
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")):
            offenders.append((css.name, "css", "url", url))
    assert not offenders, offenders
    assert not any("fonts.googleapis" in p.html or "fonts.gstatic" in p.html for p in pages.values())
    # Material's script fetches repository stars from api.github.com for this component.
    assert not any('data-md-component="source"' in p.html for p in pages.values())


def test_no_analytics_or_forms(pages):
    for name, page in pages.items():
        assert "gtag(" not in page.html and "googletagmanager" not in page.html, name
        posting = [a for a in page.attributes if a[0] == "form" and a[1] == "method" and a[2].lower() == "post"]
        assert not posting, name


def test_directory_lists_every_current_therapist(pages, sample_roster):
    page = pages["therapists/index.html"]
    cards = [v for tag, k, v in page.attributes if tag == "li" and k == "data-id"]
    assert cards == [t.id for t in sample_roster.therapists]
    assert "liam-oconnor" not in cards


def test_each_therapist_has_a_profile(pages, sample_roster):
    for t in sample_roster.therapists:
        page = pages[f"therapists/{t.id}/index.html"]
        assert t.name in page.text
        assert t.registration_number in page.text
        assert f'href="{t.college.register}"' in page.html
        shown = sample_roster.availability(t)
        if shown == "ask":
            assert "Ask about availability" in page.text and "confirmed" not in page.text
        else:
            said = {"accepting": "Accepting", "waitlist": "Waitlist for", "not accepting": "Not accepting"}[shown]
            confirmed = f"{t.availability_confirmed_on:%B} {t.availability_confirmed_on.day}, "
            assert f"{said} new clients (confirmed {confirmed}" in " ".join(page.text.split()), t.id
        for office in t.offices:
            assert office.street in page.text
            assert 'href="https://www.openstreetmap.org/search?query=' in page.html
        if t.supervised:
            assert f"Practises under clinical supervision, supervised by {t.supervisor}" in page.text
        for term in t.languages + t.areas_of_practice + t.approaches + t.clients + t.formats:
            assert term.name in page.text, (t.id, term.name)
        if t.booking_url:
            assert f'href="{t.booking_url}"' in page.html


def test_former_therapist_page_keeps_its_url(pages, sample_roster):
    for t in sample_roster.former:
        page = pages[f"therapists/{t.id}/index.html"]
        assert "no longer practises" in page.text
        assert 'href="../"' in page.html


def test_profiles_carry_schema_org_profile_page(pages, sample_roster):
    for t in sample_roster.therapists:
        page = pages[f"therapists/{t.id}/index.html"]
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.html, re.S)
        assert len(blocks) == 1, t.id
        data = json.loads(blocks[0])
        assert data["@type"] == "ProfilePage"
        person = data["mainEntity"]
        assert person["@type"] == "Person" and person["name"] == t.name
        credential = person["hasCredential"]
        assert credential["recognizedBy"]["name"] == t.college.title
        assert credential["identifier"] == t.registration_number
        assert "aggregateRating" not in blocks[0] and "review" not in blocks[0].lower()


def test_facet_pages_list_exactly_the_matching_therapists(pages, sample_roster):
    facets = sample_roster.facets()
    assert set(facets) == {"area-of-practice", "approach", "language", "format", "clients", "times", "location"}
    for kind, entries in facets.items():
        index = pages[f"therapists/{kind}/index.html"]
        for facet in entries:
            assert f'href="{facet.term.slug}/"' in index.html, facet.url
            page = pages[f"{facet.url}index.html"]
            cards = [v for tag, k, v in page.attributes if tag == "li" and k == "data-id"]
            assert cards == [t.id for t in facet.therapists], facet.url
    accepting = pages["therapists/accepting/index.html"]
    cards = [v for tag, k, v in accepting.attributes if tag == "li" and k == "data-id"]
    assert cards == [t.id for t in sample_roster.accepting()]
    # Availability confirmed too long ago is not "accepting", whatever the roster says.
    stale = [
        t.id for t in sample_roster.therapists if t.availability == "accepting" and t not in sample_roster.accepting()
    ]
    assert stale and not set(stale) & set(cards)


def test_the_contact_page_footer_and_json_ld_come_from_the_practice_file(pages, sample_roster):
    practice = sample_roster.practice
    contact = pages["about/contact/index.html"]
    for office in practice.offices:
        assert office.street in contact.text and office.transit in contact.text and office.hours in contact.text
        assert f'href="https://www.openstreetmap.org/search?query={office.street.split()[0]}' in contact.html
    assert practice.privacy_contact["name"] in contact.text and practice.booking_privacy_url in contact.html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', contact.html, re.S).group(1))
    assert ld["@type"] == "MedicalClinic" and ld["telephone"] == practice.phone
    assert [a["postalCode"] for a in ld["address"]] == [o.postal_code for o in practice.offices]
    assert {a["@type"] for a in ld["address"]} == {"PostalAddress"}
    for page in (pages["index.html"], pages["404.html"], contact):
        assert practice.phone in page.text and practice.offices[0].street in page.text
    # A map is a link to another site, never an embed.
    assert not any(tag in ("iframe", "embed", "object") for tag, _, _ in contact.attributes)


def test_every_footer_links_to_about_this_site_in_the_page_language(pages):
    wrong = []
    for name, page in pages.items():
        footer = page.html[page.html.index('<address class="tpg-practice-footer') :]
        footer = footer[: footer.index("</address>")]
        french = name.startswith("fr/")
        target = "https://example.org/website/" + ("fr/" if french else "") + "about/about-this-site/"
        label = "À propos de ce site" if french else "About this site"
        base = "https://example.org/website/" + name
        if label not in footer or target not in [urljoin(base, h) for h in re.findall(r'href="([^"]+)"', footer)]:
            wrong.append(name)
    assert not wrong, f"footers without the About link in their language: {wrong}"
    assert "no advertising" in pages["about/about-this-site/index.html"].text


def test_public_json_matches_the_roster(site, sample_roster):
    data = json.loads((site / "therapists.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["therapists"]] == [t.id for t in sample_roster.therapists]
    first = data["therapists"][0]
    assert first["url"].startswith("https://toronto-psychotherapy-group.github.io/website/therapists/")
    assert set(first) >= {"name", "credentials", "registration", "languages", "fees", "availability", "bio"}


def test_filter_index_matches_the_roster(site, sample_roster):
    data = json.loads((site / "therapists" / "directory.json").read_text(encoding="utf-8"))
    assert len(data["therapists"]) == len(sample_roster.therapists)
    for record, t in zip(data["therapists"], sample_roster.therapists, strict=True):
        assert f'data-id="{t.id}"' in record["html"]
        assert record["f"]["accepting"] == (["yes"] if sample_roster.availability(t) == "accepting" else [])
        assert sorted(record["f"]["language"]) == sorted(term.slug for term in t.languages)
    listed = {f["key"]: f for f in data["filters"]}
    assert [name for _, name in listed["language"]["options"]] == [
        f.term.name for f in sample_roster.facets()["language"]
    ]
    assert listed["accepting"]["flag"] is True


def test_generated_pages_edit_the_roster_file(pages, sample_roster):
    page = pages[f"therapists/{sample_roster.therapists[0].id}/index.html"]
    assert "https://github.com/toronto-psychotherapy-group/website/edit/main/data/therapists.yml" in page.html
    assert (
        "https://github.com/toronto-psychotherapy-group/website/edit/main/docs/crisis.md"
        in pages["crisis/index.html"].html
    )


def test_articles_show_their_reviewer(pages, sample_roster):
    page = pages["crisis/index.html"]
    match = re.search(r"Last reviewed on (\w+ \d+, \d{4}) by (.+?); next review by \w+ \d+, \d{4}\.", page.text)
    assert match, "crisis page has no review line"
    reviewer = next(t for t in sample_roster.therapists if t.name == match.group(2))
    assert f'href="../therapists/{reviewer.id}/"' in page.html


def test_crisis_page_lists_every_line_from_the_data_file(pages):
    import crisis

    data = crisis.load()
    page = pages["crisis/index.html"]
    for line in data["lines"]:
        assert line["name"] in page.text
        if line["tel"]:
            assert f'href="tel:{line["tel"]}"' in page.html
    assert f"{data['verified_on']:%B}" in page.text


def test_approach_articles_list_the_therapists_who_offer_them(pages, sample_roster):
    for term in sample_roster.taxonomy.terms["approaches"]:
        if not term.article:
            continue
        page = pages[term.article[:-3] + "/index.html"]
        for t in sample_roster.offering(term.name):
            assert f'href="../../therapists/{t.id}/"' in page.html, (term.name, t.id)


def test_roster_module_is_the_only_yaml_reader_of_the_roster():
    # The hooks and the macros share the roster that build.start loaded; none of them parses the YAML itself.
    from pathlib import Path

    hooks = Path(roster_module.__file__).parent
    for name in ("therapists.py", "macros.py", "render.py", "build.py"):
        source = (hooks / name).read_text(encoding="utf-8")
        assert "yaml." not in source and "import yaml" not in source, name


def test_search_partial_is_materials_own_plus_an_accessible_name():
    # overrides/partials/search.html copies Material's file to add one attribute;
    # this fails after a Material upgrade changes the original, so the copy is refreshed.
    from pathlib import Path

    import material

    ours = (Path(__file__).parent.parent / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    body = ours[ours.index("#}") + 3 :].replace(""" aria-label="{{ lang.t('search') }}">""", ">", 1)
    assert body == theirs[theirs.index("#}") + 3 :]
