"""The directory's filters: what a visitor can narrow the list by, and whom each choice keeps.

One list serves the directory's controls (overrides/roster/directory.html), the
filter index that directory.js loads (Renderer.filter_index) and the "help me
choose" page, whose script reads the list from that index. Neither script knows
any filter by name, so a new filter is data here and nothing else:

- a facet added to roster.FACETS appears by itself (e.g. location, gender identity);
- a yes/no choice is a Filter with one Option and flag=True (e.g. sliding scale,
  free first consultation, evening or weekend sessions);
- a limit is a choice whose options each keep everyone at or under it (e.g. a
  maximum fee: "Up to $150" keeps every therapist whose fee is at most 150).
"""

from __future__ import annotations

from dataclasses import dataclass

import strings
from roster import Roster


@dataclass(frozen=True)
class Option:
    slug: str  # the value in the URL query, e.g. "french"
    name: str  # what the visitor reads, e.g. "French"
    ids: frozenset[str]  # the therapists this choice keeps


@dataclass(frozen=True)
class Filter:
    key: str  # the URL query's name and the control's id, e.g. "language"
    label: str  # the control's label
    options: tuple[Option, ...]
    flag: bool = False  # one yes/no choice, shown as a checkbox
    # How the "help me choose" page asks about it; a filter without one is not asked there.
    question: str = ""


# The facets a visitor can answer a plain question about without knowing the jargon; the
# questions themselves, in each language, are in hooks/strings.py (question_<facet>).
# Approaches are left out: choosing between CBT and EMDR is what a first conversation is for.
QUESTIONS = ("area-of-practice", "language", "format", "clients")


def directory_filters(roster: Roster, facets: dict, language: str = strings.DEFAULT) -> list[Filter]:
    """Every filter that has something to choose, in display order: the facets, then availability.

    `facets` is roster.facets() (passed in because the renderer already has it); labels and
    questions are in `language`.
    """
    s = strings.of(language)
    filters = [
        Filter(
            key=kind,
            label=entries[0].heading,
            options=tuple(Option(f.term.slug, f.term.name, frozenset(t.id for t in f.therapists)) for f in entries),
            question=s[f"question_{kind}"] if kind in QUESTIONS else "",
        )
        for kind, entries in facets.items()
        if entries
    ]
    accepting = frozenset(t.id for t in roster.accepting())
    filters.append(
        Filter(
            key="accepting",
            label=s["filter_accepting"],
            options=(Option("yes", s["accepting"], accepting),),
            flag=True,
            question=s["question_accepting"],
        )
    )
    return filters


def choices_of(therapist_id: str, filters: list[Filter]) -> dict[str, list[str]]:
    """The option slugs that keep one therapist, by filter key: what the filter index stores per card."""
    return {f.key: [o.slug for o in f.options if therapist_id in o.ids] for f in filters}
