"""What Material's search index holds (issue 14): what a visitor looks for, without sources or repeated cards."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="session")
def index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_sources_and_footnotes_are_not_indexed(index):
    sections = [d["location"] for d in index if d["location"].rsplit("#", 1)[-1].startswith("sources")]
    assert sections == []
    # Footnote back-links (↩) and the footnote list's ids are the marks of an indexed footnote.
    assert [d["location"] for d in index if "\u21a9" in d["text"] or "fn:" in d["text"]] == []


def test_profiles_are_found_by_area_of_practice_approach_and_language(index, sample_roster):
    by_location = {d["location"]: d for d in index}
    for t in sample_roster.therapists:
        text = by_location[t.url]["text"]
        for term in t.areas_of_practice + t.approaches + t.languages:
            assert term.name in text, (t.id, term.name)
        # Each label stays a word of its own in the preview ("Languages French", not "LanguagesFrench").
        assert f"Languages {t.languages[0].name}" in text, text


def test_the_directory_page_indexes_its_introduction_only(index):
    assert [d["location"] for d in index if d["location"].startswith("therapists/#")] == []


def test_the_crisis_page_is_tagged_with_the_numbers_people_type(index):
    crisis = next(d for d in index if d["location"] == "crisis/")
    assert {"988", "911", "crisis", "suicide"} <= set(crisis["tags"])
