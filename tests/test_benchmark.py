"""The build benchmark and page weight at small scale. Speed is reported by the benchmark, never asserted here."""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml

import practice
import roster as roster_module
import therapists
from benchmarks import build, synthetic
from schemas import PROFILE_BUDGET_BYTES
from support import ROOT, TODAY
from support.builds import build_site
from support.drill import copy_project


def test_synthetic_rosters_pass_the_validator(tmp_path):
    path = synthetic.write(tmp_path / "roster.yml", 150)
    roster = roster_module.load_and_validate(path, docs_dir=ROOT / "docs")
    assert len(roster.therapists) == 150
    assert len({t.id for t in roster.therapists}) == 150
    # Every facet page is exercised, as in a large directory.
    facets = roster.facets()
    for _, section, kind, _ in roster_module.FACETS:
        assert len(facets[kind]) == len(roster.taxonomy.terms[section]), kind


def test_synthetic_rosters_are_the_same_for_the_same_seed():
    assert synthetic.roster(40) == synthetic.roster(40)
    assert synthetic.roster(40) != synthetic.roster(40, seed=1)


@pytest.mark.slow
def test_quick_benchmark_prints_every_figure():
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.build", "--quick", "--sizes", "30", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for figure in (
        "30 therapists",
        "build seconds",
        "ms per generated page",
        "peak memory (MB)",
        "site size (MB)",
        "therapists.json",
        "search index",
        "directory page (HTML)",
        "filter index",
        "largest profile",
        "Targets",
    ):
        assert figure in done.stdout, figure


BIO_PARAGRAPH = "Sessions are practical and warm: you set goals together & try <skills> between sessions. "


def at_most(text: str, limit: int) -> str:
    """`text` repeated and cut to exactly `limit` characters, ending in a letter (YAML would trim a space)."""
    cut = (text * (limit // len(text) + 1))[:limit]
    return cut[:-1] + "x" if cut.endswith(" ") else cut


def heaviest_entry(base: dict) -> dict:
    """A valid entry with every field at the validator's limit: the heaviest profile page a roster can make."""
    taxonomy = roster_module.load_taxonomy()
    url = "https://booking.example.org/"
    entry = dict(
        copy.deepcopy(base),
        id="heaviest",
        name=at_most("Wolfeschlegelsteinhausen ", roster_module.MAX_NAME),
        pronouns=at_most("she/her ", roster_module.MAX_SHORT),
        credentials=[at_most("MSW ", roster_module.MAX_SHORT)] * roster_module.MAX_CREDENTIALS,
        registration={
            "college": "CRPO",
            "number": "9" * 20,
            "status": "Registered Psychotherapist (Qualifying)",  # the longest title, and the supervision note
            "supervisor": at_most("Wolfeschlegelsteinhausen ", roster_module.MAX_NAME),
        },
        gender_identity=at_most("Two-Spirit ", roster_module.MAX_NAME),
        availability="accepting",
        availability_confirmed_on=TODAY,
        fees={
            "individual": 999999,  # six digits, the most allowed
            "couples": 999999,
            "sliding_scale": True,
            "free_consultation": True,
            "direct_billing": [term.name for term in taxonomy.terms["insurers"]],
        },
        fee_note=at_most("Sliding scale on request. ", roster_module.MAX_SHORT),
        booking_url=url + "b" * (roster_module.MAX_URL - len(url)),
        contact_url=url + "c" * (roster_module.MAX_URL - len(url)),
        photo="assets/therapists/heaviest.webp",
        photo_alt=at_most("A portrait of the therapist, smiling. ", roster_module.MAX_SHORT),
        bio=at_most(BIO_PARAGRAPH, roster_module.MAX_BIO),
    )
    for _, section, _, _ in roster_module.FACETS:
        if section in taxonomy.terms:
            entry[section] = [term.name for term in taxonomy.terms[section]]
    entry["formats"] = [term.name for term in taxonomy.terms["formats"]]  # with In person, so every office
    entry["offices"] = [office.slug for office in practice.load().offices]
    return entry


@pytest.fixture(scope="module")
def heaviest_site(tmp_path_factory):
    """A small site whose roster has one therapist with every field at the validator's limit."""
    tmp = tmp_path_factory.mktemp("weight")
    data = synthetic.roster(30)
    entry = heaviest_entry(data["therapists"][-1])
    data["therapists"].append(entry)
    path = tmp / "roster.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    project = copy_project(tmp)
    shutil.copy(
        ROOT / "tests" / "fixtures" / "photos" / "square.webp", project / "docs/assets/therapists/heaviest.webp"
    )
    loaded = roster_module.load_and_validate(path, docs_dir=project / "docs").get("heaviest")
    assert (len(loaded.name), len(loaded.bio), len(loaded.credentials)) == (
        roster_module.MAX_NAME,
        roster_module.MAX_BIO,
        roster_module.MAX_CREDENTIALS,
    )
    assert len(loaded.supervisor) == len(loaded.gender_identity) == roster_module.MAX_NAME
    assert len(loaded.offices) == len(practice.load().offices) and loaded.fees.direct_billing
    site = tmp / "site"
    result = build_site(site, roster=path, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stderr


def test_the_heaviest_valid_profile_is_published_and_its_weight_printed(heaviest_site):
    """The page weight is a budget (benchmarks/build.py prints it): over it, the build notes it and publishes."""
    site, log = heaviest_site
    page = site / "therapists" / "heaviest" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert html.escape(BIO_PARAGRAPH.strip(), quote=False) in text
    assert "Practises under clinical supervision" in text and "Bills these insurers directly" in text
    for dest in ("therapists/heaviest/index.html", "fr/therapists/heaviest/index.html"):
        size = (site / dest).stat().st_size
        print(f"largest profile ({dest}): {size} bytes (budget {build.PROFILE_TARGET})")
        notices = [line for line in log.splitlines() if f"  {dest}: the profile page is" in line]
        assert len(notices) == (size > build.PROFILE_TARGET), notices
        assert all(line.startswith("INFO") for line in notices)


def test_a_profile_over_its_budget_gets_a_notice_that_says_nothing_in_the_roster_needs_to_change():
    assert therapists.weight_notice("therapists/x/index.html", PROFILE_BUDGET_BYTES) is None
    notice = therapists.weight_notice("therapists/x/index.html", PROFILE_BUDGET_BYTES + 55)
    assert notice.startswith(f"therapists/x/index.html: the profile page is {PROFILE_BUDGET_BYTES + 55:,} bytes")
    assert "published as it is" in notice and "nothing in the roster needs to change" in notice


def test_filter_script_is_under_10_kb():
    assert build.minified_size(ROOT / "docs" / "assets" / "javascripts" / "directory.js") < build.SCRIPT_TARGET


def test_article_pages_load_no_other_project_css_or_js(heaviest_site):
    heaviest_site, _ = heaviest_site
    assets = build.page_assets(heaviest_site, heaviest_site / "crisis" / "index.html")
    assert "assets/stylesheets/site.css" in assets
    assert build.article_extras(heaviest_site) == []


def test_only_profiles_are_in_the_search_index(heaviest_site):
    heaviest_site, _ = heaviest_site
    index = json.loads((heaviest_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("therapists/heaviest/") for loc in locations)
    kinds = "|".join(kind for _, _, kind, _ in roster_module.FACETS)
    duplicates = re.compile(rf"therapists/(({kinds})/[^/#]+|accepting|page/[0-9]+)/")
    assert not [loc for loc in locations if duplicates.match(loc)]
    # One short entry per profile: found by name, credentials, areas of practice, approaches and
    # languages (issue 14: a visitor searches "anxiety" or "French"), without the bio or fees.
    profile = [doc for doc in index["docs"] if doc["location"].startswith("therapists/heaviest/")]
    assert [doc["location"] for doc in profile] == ["therapists/heaviest/"]
    text = profile[0]["text"]
    assert "Wolfeschlegelsteinhausen" in text and "MSW" in text
    assert "Mindfulness-based" in text and "Emotion-focused" in text, text
    assert "Sliding scale" not in text, text
    assert not any("Sessions are practical and warm" in doc["text"] for doc in index["docs"])
