"""The directory's filters (hooks/filters.py): one list for the page's controls, the filter index and help me choose."""

from __future__ import annotations

import json

import pytest

import filters
import render
import roster
from filters import Filter, Option
from support.rosters import varied_roster


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    """A small roster with one therapist in each availability state and every kind of fee."""
    path = tmp_path_factory.mktemp("filters") / "therapists.yml"
    path.write_text(varied_roster(), encoding="utf-8")
    return roster.load_and_validate(path)


def test_every_facet_with_values_is_a_filter_and_availability_is_a_flag(varied):
    facets = varied.facets()
    listed = filters.directory_filters(varied, facets)
    kinds = [kind for kind, entries in facets.items() if entries]
    assert [f.key for f in listed] == [*kinds, "fee", "sliding", "consult", "billing", "gender", "accepting"]
    language = next(f for f in listed if f.key == "language")
    assert [o.name for o in language.options] == [f.term.name for f in facets["language"]]
    assert language.options[0].ids == {t.id for t in facets["language"][0].therapists}
    accepting = listed[-1]
    assert accepting.flag and accepting.options[0].ids == {t.id for t in varied.accepting()}
    # Approaches are jargon to most visitors: help me choose does not ask about them.
    assert next(f for f in listed if f.key == "approach").question == ""


def test_choices_of_a_therapist_are_the_options_that_keep_them(varied):
    listed = filters.directory_filters(varied, varied.facets())
    t = next(t for t in varied.therapists if varied.availability(t) != "accepting")
    choices = filters.choices_of(t.id, listed)
    assert sorted(choices["language"]) == sorted(term.slug for term in t.languages)
    assert choices["accepting"] == []


def test_a_new_filter_is_data_only(varied, monkeypatch):
    """A yes/no filter added to the list reaches the page's controls and the index, with no other change."""
    first = varied.therapists[0].id
    sliding = Filter(
        "sliding-scale", "Only sliding-scale fees", (Option("yes", "Sliding scale", frozenset({first})),), flag=True
    )
    original = filters.directory_filters
    monkeypatch.setattr(
        render,
        "directory_filters",
        lambda roster, facets, language="en": original(roster, facets, language) + [sliding],
    )
    renderer = render.Renderer(varied, site_name="Test")

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


def test_a_fee_limit_keeps_everyone_at_or_under_it(varied):
    fee = next(f for f in filters.directory_filters(varied, varied.facets()) if f.key == "fee")
    for option in fee.options:
        limit = int(option.slug)
        assert option.name == f"Up to ${limit}"
        assert option.ids == {t.id for t in varied.therapists if t.fees.individual <= limit}
    # No two limits keep the same people: each choice changes the list.
    assert len({o.ids for o in fee.options}) == len(fee.options)


def test_accepting_leaves_out_availability_too_old_to_trust(varied):
    stale = [t for t in varied.therapists if t.availability == "accepting" and varied.availability(t) == "ask"]
    assert stale, "the sample roster has an accepting therapist whose confirmation is too old"
    accepting = filters.directory_filters(varied, varied.facets())[-1]
    assert not {t.id for t in stale} & accepting.options[0].ids


def test_gender_is_only_what_therapists_wrote_compared_without_case_or_spacing(varied):
    import dataclasses

    a, b, c = varied.therapists[:3]
    roster = dataclasses.replace(
        varied,
        therapists=[
            dataclasses.replace(a, gender_identity="Two-Spirit"),
            dataclasses.replace(b, gender_identity="two  spirit"),
            dataclasses.replace(c, gender_identity=""),
        ],
    )
    (option,) = filters.gender_options(roster)
    assert (option.slug, option.name, option.ids) == ("two-spirit", "Two-Spirit", {a.id, b.id})
