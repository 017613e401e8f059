"""The directory's filters (hooks/filters.py): one list for the page's controls, the filter index and help me choose."""

from __future__ import annotations

import json

import filters
import render
from filters import Filter, Option


def test_every_facet_with_values_is_a_filter_and_availability_is_a_flag(sample_roster):
    facets = sample_roster.facets()
    listed = filters.directory_filters(sample_roster, facets)
    assert [f.key for f in listed] == [kind for kind, entries in facets.items() if entries] + ["accepting"]
    language = next(f for f in listed if f.key == "language")
    assert [o.name for o in language.options] == [f.term.name for f in facets["language"]]
    assert language.options[0].ids == {t.id for t in facets["language"][0].therapists}
    accepting = listed[-1]
    assert accepting.flag and accepting.options[0].ids == {t.id for t in sample_roster.accepting()}
    # Approaches are jargon to most visitors: help me choose does not ask about them.
    assert next(f for f in listed if f.key == "approach").question == ""


def test_choices_of_a_therapist_are_the_options_that_keep_them(sample_roster):
    listed = filters.directory_filters(sample_roster, sample_roster.facets())
    t = next(t for t in sample_roster.therapists if not t.accepting_new_clients)
    choices = filters.choices_of(t.id, listed)
    assert sorted(choices["language"]) == sorted(term.slug for term in t.languages)
    assert choices["accepting"] == []


def test_a_new_filter_is_data_only(sample_roster, monkeypatch):
    """A yes/no filter added to the list reaches the page's controls and the index, with no other change."""
    first = sample_roster.therapists[0].id
    sliding = Filter(
        "sliding-scale", "Only sliding-scale fees", (Option("yes", "Sliding scale", frozenset({first})),), flag=True
    )
    original = filters.directory_filters
    monkeypatch.setattr(
        render,
        "directory_filters",
        lambda roster, facets, language="en": original(roster, facets, language) + [sliding],
    )
    renderer = render.Renderer(sample_roster, site_name="Test")

    page = renderer.directory(1)
    assert 'id="filter-sliding-scale" value="yes" data-filter="sliding-scale"' in page
    assert "Only sliding-scale fees <span data-count>(1)</span>" in page

    index = json.loads(renderer.filter_index())
    assert index["filters"][-1] == {
        "key": "sliding-scale",
        "label": "Only sliding-scale fees",
        "flag": True,
        "question": "",
        "options": [["yes", "Sliding scale"]],
    }
    assert [r["f"]["sliding-scale"] for r in index["therapists"]][:2] == [["yes"], []]
