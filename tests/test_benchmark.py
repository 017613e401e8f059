"""The build benchmark and page weight at small scale. Speed is reported by the benchmark, never asserted here."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys

import pytest
import yaml

import roster as roster_module
from benchmarks import build, synthetic
from conftest import ROOT, build_site


def test_synthetic_rosters_pass_the_validator(tmp_path):
    path = synthetic.write(tmp_path / "roster.yml", 150)
    roster = roster_module.load_and_validate(path, docs_dir=ROOT / "docs")
    assert len(roster.therapists) == 150
    assert len({t.id for t in roster.therapists}) == 150
    # Every facet page is exercised, as in a large directory.
    taxonomy = roster_module.load_taxonomy()
    facets = roster.facets()
    for _, section, kind, _ in roster_module.FACETS:
        assert len(facets[kind]) == len(taxonomy.terms[section]), kind


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


@pytest.fixture(scope="module")
def longest_bio_site(tmp_path_factory):
    """A small site whose roster has one therapist with the longest bio the validator allows."""
    tmp = tmp_path_factory.mktemp("weight")
    data = synthetic.roster(30)
    entry = dict(copy.deepcopy(data["therapists"][-1]), id="longest-bio")
    paragraph = "Sessions are practical and warm: you set goals together and try skills between sessions. "
    entry["bio"] = (paragraph * (roster_module.MAX_BIO // len(paragraph) + 1))[: roster_module.MAX_BIO]
    data["therapists"].append(entry)
    path = tmp / "roster.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert roster_module.load_and_validate(path).get("longest-bio").bio == entry["bio"]
    site = tmp / "site"
    result = build_site(site, roster=path)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_profile_with_the_longest_bio_is_under_40_kb(longest_bio_site):
    page = longest_bio_site / "therapists" / "longest-bio" / "index.html"
    assert page.stat().st_size < build.PROFILE_TARGET


def test_filter_script_is_under_10_kb():
    assert build.minified_size(ROOT / "docs" / "assets" / "javascripts" / "directory.js") < build.SCRIPT_TARGET


def test_article_pages_load_no_other_project_css_or_js(longest_bio_site):
    assets = build.page_assets(longest_bio_site, longest_bio_site / "crisis" / "index.html")
    assert "assets/stylesheets/site.css" in assets
    assert build.article_extras(longest_bio_site) == []


def test_only_profiles_are_in_the_search_index(longest_bio_site):
    index = json.loads((longest_bio_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("therapists/longest-bio/") for loc in locations)
    kinds = "|".join(kind for _, _, kind, _ in roster_module.FACETS)
    duplicates = re.compile(rf"therapists/(({kinds})/[^/#]+|accepting|page/[0-9]+)/")
    assert not [loc for loc in locations if duplicates.match(loc)]
    # One short entry per profile: found by name and credentials, without the bio or details.
    profile = [doc for doc in index["docs"] if doc["location"].startswith("therapists/longest-bio/")]
    assert [doc["location"] for doc in profile] == ["therapists/longest-bio/"]
    assert len(profile[0]["text"]) < 300, profile[0]["text"]
    assert not any("Sessions are practical and warm" in doc["text"] for doc in index["docs"])
