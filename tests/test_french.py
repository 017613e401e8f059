"""The French edition: every page in both languages, linked to each other, in French where it says so."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from markupsafe import escape

import articles
import crisis
import readability
import roster
import strings
import yamlfile
from support import ROOT
from support.rosters import GOOD_ENTRY

DOCS = ROOT / "docs"
FRENCH_CRISIS_HEADING = '<h2 id="crisis-box-heading">Besoin d&#39;aide maintenant?</h2>'


def _english_pages() -> list[str]:
    """Every page in docs/ as its address: about-therapy/cbt.md -> about-therapy/cbt/."""
    pages = []
    for path in sorted(DOCS.rglob("*.md")):
        name = path.relative_to(DOCS).as_posix()
        if name.endswith(".fr.md"):
            continue
        stem = name[: -len("index.md")] if name.endswith("index.md") else name[:-3] + "/"
        pages.append(stem)
    return pages


def _generated_pages(sample_roster) -> list[str]:
    """One of each kind of page the roster makes."""
    therapist = sample_roster.therapists[0]
    facets = sample_roster.facets()
    return [
        therapist.url,
        "therapists/language/",
        facets["language"][0].url,
        "therapists/accepting/",
    ]


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _alternates(html: str) -> dict[str, str]:
    return dict(
        (lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([a-z]+)">', html)
    )


def _switcher(html: str) -> dict[str, str]:
    return dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">', html)
    )


def _resolve(url: str, href: str) -> str:
    """A link from the page at `url` (relative, or absolute under the site's /website/) as a site-relative address."""
    if href.startswith("/website/"):
        return href[len("/website/") :]
    parts = [p for p in url.split("/") if p]
    for part in href.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts) + "/" if parts else ""


def test_every_page_has_a_french_page_linked_both_ways(site, sample_roster):
    for url in _english_pages() + _generated_pages(sample_roster):
        english, french = _html(site, url), _html(site, "fr/" + url)
        assert '<html lang="en"' in english, url
        assert '<html lang="fr"' in french, url
        for html, here in ((english, url), (french, "fr/" + url)):
            links = _switcher(html)
            assert _resolve(here, links["en"]) == url, (here, links)
            assert _resolve(here, links["fr"]) == "fr/" + url, (here, links)
            # <head> names each language's home page (hooks/language_hook.py says why).
            homes = _alternates(html)
            assert _resolve(here, homes["en"]) == "index.html/", (here, homes)
            assert _resolve(here, homes["fr"]) == "fr/index.html/", (here, homes)


def test_the_sitemap_gives_every_page_its_counterpart(site, sample_roster):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for url in _english_pages() + _generated_pages(sample_roster):
        for lang, address in (("en", url), ("fr", "fr/" + url)):
            link = f'<xhtml:link rel="alternate" hreflang="{lang}" href="https://toronto-psychotherapy-group.github.io/website/{address}"/>'
            assert link in sitemap, (url, lang)


def test_every_french_page_has_the_crisis_help_in_french(site):
    french = sorted((site / "fr").rglob("*.html"))
    assert len(french) > 30
    for path in french:
        html = path.read_text(encoding="utf-8")
        assert FRENCH_CRISIS_HEADING in html, path
        assert "En crise?" in html and 'href="tel:988"' in html and 'href="tel:911"' in html, path
        assert "Need help now?" not in html, path


def test_the_french_404_is_french_and_the_english_one_stays_english(site):
    french = (site / "fr" / "404.html").read_text(encoding="utf-8")
    english = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french and "Nous n&#39;avons pas trouvé cette page" in french
    assert FRENCH_CRISIS_HEADING in french
    assert '<html lang="en"' in english and "We could not find that page" in english


def test_the_crisis_page_lists_every_line_in_french(site):
    html = _html(site, "fr/crisis/")
    data = crisis.load()
    for line in data["lines"]:
        assert escape(line["name_fr"]) in html
        assert (line.get("source_fr") or line["source"]).split("/")[2] in html
    # A line without a French source links the English one, marked as English.
    assert "(en anglais)" in html


def test_a_french_profile_shows_the_french_bio_or_the_english_one_marked(varied_site):
    site, listed = varied_site
    with_french = next(t for t in listed.therapists if t.bio_fr)
    without = next(t for t in listed.therapists if not t.bio_fr)
    html = _html(site, "fr/" + with_french.url)
    notice = escape(strings.of("fr")["bio_in_english"])
    assert '<div class="tpg-bio">' in html and notice not in html
    html = _html(site, "fr/" + without.url)
    assert '<div class="tpg-bio" lang="en">' in html and notice in html


def test_french_pages_use_french_term_names(varied_site):
    site, _ = varied_site
    french = roster.load_taxonomy().terms["languages"]
    term = next(t for t in french if t.name == "French")
    html = _html(site, "fr/therapists/language/french/")
    assert f"<h1>Langue: {term.fr}</h1>" in html
    index = json.loads((site / "fr" / "therapists" / "directory.json").read_text(encoding="utf-8"))
    language = next(f for f in index["filters"] if f["key"] == "language")
    assert language["label"] == "Langue" and ["french", "Français"] in language["options"]


def test_the_french_directory_leads_to_the_therapists_who_work_in_french(varied_site):
    site, _ = varied_site
    html = _html(site, "fr/therapists/")
    assert 'class="tpg-in-language"' in html and 'href="language/french/"' in html
    assert 'class="tpg-in-language"' not in _html(site, "therapists/")


def test_therapists_json_has_both_labels(varied_site):
    site, _ = varied_site
    data = json.loads((site / "therapists.json").read_text(encoding="utf-8"))
    record = next(r for r in data["therapists"] if "French" in r["languages"])
    assert "Français" in record["fr"]["languages"]
    assert record["fr"]["url"].endswith("fr/" + record["url"].split("/website/")[-1])


def test_each_language_has_its_own_search_index(site):
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    french = json.loads((site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and french["config"]["lang"] == ["fr"]
    assert not any(d["location"].startswith("fr/") for d in english["docs"])
    assert any(d["location"].startswith("about-therapy/rp-qualifying/") for d in french["docs"])
    # French pages tell Material to load the French index (its base is /fr/).
    assert '"base": "../../fr/"' in _html(site, "fr/about-therapy/")


def test_untranslated_pages_say_so_on_the_french_site(site):
    marked = [p for p in DOCS.rglob("*.md") if "\nuntranslated: true\n" in p.read_text(encoding="utf-8")]
    if not marked:
        pytest.skip("every page is translated")
    path = marked[0].relative_to(DOCS).as_posix()
    url = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
    assert escape(strings.of("fr")["untranslated"]) in _html(site, "fr/" + url)


# ---- the checks ------------------------------------------------------------


def test_an_english_page_without_a_french_page_is_named(tmp_path):
    (tmp_path / "a.md").write_text("---\ndescription: A.\n---\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nuntranslated: true\ndescription: B.\n---\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ndescription: C.\n---\n", encoding="utf-8")
    (tmp_path / "c.fr.md").write_text("---\ndescription: C.\n---\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("---\ndescription: D.\nuntranslated: true\n---\n", encoding="utf-8")
    (tmp_path / "d.fr.md").write_text("---\ndescription: D.\n---\n", encoding="utf-8")
    found = [str(p) for p in articles.check_translations(tmp_path)]
    assert len(found) == 2
    assert found[0].startswith("docs/a.md:1: no French version: write docs/a.fr.md")
    assert found[1] == "docs/d.md:3: untranslated: docs/d.fr.md exists now; remove this line"


def test_a_french_page_needs_a_reviewer_who_works_in_french(tmp_path):
    """Jane lists French, John does not; Liam has left, and his past review stands (his entry has no languages)."""
    john = (
        GOOD_ENTRY.replace("jane-doe", "john-roe")
        .replace("Jane Doe", "John Roe")
        .replace("[English, French]", "[English]")
    )
    path = tmp_path / "therapists.yml"
    path.write_text(
        "therapists:\n" + GOOD_ENTRY + john + "  - id: liam-oconnor\n    name: Liam O'Connor\n    former: true\n",
        encoding="utf-8",
    )
    listed = roster.load_and_validate(path)
    found = {}
    for reviewer in ("jane-doe", "john-roe", "liam-oconnor"):
        text = f"---\ndescription: D.\nreviewed_by: {reviewer}\n---\n"
        found[reviewer] = articles.check_reviewer_speaks(articles.front_matter(text), listed, "French", text)
    assert found["jane-doe"] == [] and found["liam-oconnor"] == []
    ((line, message),) = found["john-roe"]
    assert line == 3 and "does not list French" in message


def test_french_syllables():
    assert [readability.french_syllables(w) for w in ("chat", "maison", "thérapie", "rencontre", "aimée")] == [
        1,
        2,
        3,
        2,
        2,
    ]


def test_kandel_moles_passes_plain_french_and_fails_hard_french():
    plain = "Vous pouvez parler à un thérapeute. Il vous écoute. Vous choisissez le rythme.\n"
    hard = (
        "Nonobstant une hétérogénéité méthodologique considérable, les interventions psychothérapeutiques "
        "contemporaines démontrent une efficacité substantielle auprès de populations diagnostiquement "
        "hétérogènes.\n"
    )
    assert readability.french_ease(plain) >= readability.MIN_FRENCH_EASE
    assert readability.french_ease(hard) < readability.MIN_FRENCH_EASE
    assert articles.check_french_readability(hard)[0][1].startswith("French reading ease (Kandel-Moles)")


def test_french_pages_skip_the_english_only_checks(sample_roster):
    text = "---\ndescription: D.\n---\n\nIl a commis un suicide, disent-ils. The best therapists.\n"
    english = articles.check_article(text, "x.md", sample_roster, seed_hashes=frozenset(), today=_today())
    french = articles.check_article(text, "x.fr.md", sample_roster, seed_hashes=frozenset(), today=_today())
    assert any("false or unsafe claim" in m for _, m in english)
    assert not any("false or unsafe claim" in m or "reading grade" in m for _, m in french)


def _today():
    return datetime.date(2026, 11, 28)


def test_a_taxonomy_term_without_a_french_name_fails_with_its_line(tmp_path):
    text = (ROOT / "data" / "taxonomy.yml").read_text(encoding="utf-8")
    broken = text.replace('  - name: Tamil\n    fr: "Tamoul"\n', "  - name: Tamil\n", 1)
    assert broken != text
    path = tmp_path / "taxonomy.yml"
    path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("  - name: Tamil") + 1
    with pytest.raises(yamlfile.DataError) as caught:
        roster.load_taxonomy(path, display_path="data/taxonomy.yml")
    assert [str(p) for p in caught.value.errors] == [f"data/taxonomy.yml:{line}: languages 'Tamil': fr: is missing"]


def test_both_string_tables_have_the_same_words():
    assert set(strings.of("en")) == set(strings.of("fr"))
    assert all(strings.of("fr")[k] or not strings.of("en")[k] for k in strings.of("en"))


def _text(html: str) -> str:
    """A page's words, tags dropped and spaces folded: what a reader sees, still HTML-escaped."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# Each availability state's badge: the French words a profile must show, and the English ones it must not.
_BADGES = {
    "accepting": ("Accepte de nouveaux clients (confirmé le", "Accepting new clients"),
    "waitlist": ("Liste d&#39;attente pour les nouveaux clients (confirmé le", "Waitlist for new clients"),
    "not accepting": ("N&#39;accepte pas de nouveaux clients (confirmé le", "Not accepting new clients"),
    "ask": ("Renseignez-vous sur les disponibilités", "Ask about availability"),
}

# English words of our templates that a French roster page must not show (data, such as an
# office's transit directions, may still be in English).
_ENGLISH = (
    "confirmed",
    "per session",
    "sliding scale",
    "Sample data",
    "Session times",
    "Offices",
    "Contact and locations",
    "sees clients in person",
    "map on OpenStreetMap",
    "Step-free",
    "Transit:",
    "Offers a free first consultation",
    "Bills these insurers directly",
)


def test_a_french_profile_shows_availability_fees_and_offices_in_french(site, sample_roster):
    """Whatever the roster holds, each French profile shows its facts in French."""
    _french_profiles(site, sample_roster)


def test_every_availability_state_and_fee_is_shown_in_french(varied_site):
    site, listed = varied_site
    assert _french_profiles(site, listed) == set(_BADGES)


def _french_profiles(site: Path, listed) -> set[str]:
    """Check every current therapist's French profile; the availability states seen."""
    seen = set()
    for t in listed.therapists:
        shown = listed.availability(t)
        french, english = _BADGES[shown]
        # The bio is the therapist's own words, in English where they wrote no French one.
        text = _text(re.sub(r'<div class="tpg-bio".*?</section>', "", _html(site, "fr/" + t.url), flags=re.S))
        assert french in text and english not in text, (t.id, shown)
        if shown != "ask":
            day = t.availability_confirmed_on
            assert f"(confirmé le {strings.long_date(day, 'fr')}" in text, t.id
        for word in _ENGLISH:
            assert word not in text, (t.id, word)
        assert ("Données fictives :" in text) == listed.sample
        if t.offices:
            assert f"Où {t.name} reçoit en personne" in text, t.id
            assert "Transport en commun :" in text, t.id  # codespell:ignore
            assert "Nous joindre et nos bureaux" in text
        if t.fees.individual:
            assert f"Séance individuelle : {t.fees.individual} $" in text, t.id
        if t.fees.free_consultation:
            assert "Offre une première consultation gratuite." in text, t.id
        if t.fees.direct_billing:
            assert "Facture directement ces assureurs :" in text, t.id
        seen.add(shown)
    return seen


def test_the_qualifying_profile_says_supervision_in_french(varied_site):
    site, listed = varied_site
    t = next(t for t in listed.therapists if t.supervised and t.supervisor)
    text = _text(_html(site, "fr/" + t.url))
    assert f"Pratique sous supervision clinique, sous la supervision de {escape(t.supervisor)}" in text
    assert f"comme l&#39;exige l&#39;ordre ({t.college.name}) pour cette catégorie d&#39;inscription." in text
    assert "supervised by" not in text and "Practises under" not in text
    assert "requires for this class of registration" not in text


def test_the_french_directory_cards_are_in_french(varied_site):
    site, listed = varied_site
    html = _html(site, "fr/therapists/")
    text = _text(html)
    for french, english in _BADGES.values():
        assert french in text and english not in text, french
    for word in _ENGLISH:
        assert word not in text, word
    assert "Données fictives :" in text and "Bureaux" in text and "Tarif" in text
    t = next(t for t in listed.therapists if t.fees.individual and t.fees.sliding_scale)
    assert f"{t.fees.individual} $ par séance, échelle mobile" in text
    # The cards the filter script loads are the same French cards.
    index = json.loads((site / "fr" / "therapists" / "directory.json").read_text(encoding="utf-8"))
    cards = " ".join(record["html"] for record in index["therapists"])
    assert "confirmé le" in cards and "confirmed" not in cards and "per session" not in cards


def test_the_french_contact_page_and_footer_are_in_french(site):
    html = _html(site, "fr/about/contact/")
    text = _text(html)
    for french in ("Nous joindre", "Téléphone :", "Courriel :", "Nos bureaux", "Heures d&#39;ouverture"):
        assert french in text, french
    for english in (
        "Reach us",
        "Phone:",
        "Email:",
        "Our offices",
        "Nearest transit",
        "Hours",
        "Questions about your privacy",
    ):
        assert english not in text, english
    footer = html[html.index('<address class="tpg-practice-footer') :]
    footer = footer[: footer.index("</address>")]
    assert "Nous joindre et nos bureaux" in footer and "Contact and locations" not in footer
    english = _html(site, "about/contact/")
    assert "Reach us" in english and "Phone: " in _text(english)


def test_an_article_lists_its_therapists_availability_in_french(varied_site):
    site, _ = varied_site
    text = _text(_html(site, "fr/approaches/cbt/"))
    assert "(liste d&#39;attente pour les nouveaux clients)" in text
    assert "waitlist for new clients" not in text
