"""The directory's filters: what a visitor can narrow the list by, and whom each choice keeps.

One list serves the directory's controls (overrides/roster/directory.html), the
filter index that directory.js loads (Renderer.filter_index) and the "help me
choose" page, whose script reads the list from that index. Neither script knows
any filter by name, so a new filter is data here and nothing else:

- a facet added to roster.FACETS appears by itself (e.g. location, session times);
- a yes/no choice is a Filter with one Option and flag=True (e.g. sliding scale,
  free first consultation, evening or weekend sessions);
- a limit is a choice whose options each keep everyone at or under it (e.g. a
  maximum fee: "Up to $150" keeps every therapist whose fee is at most 150).
"""

from __future__ import annotations

from dataclasses import dataclass

import strings
from roster import Roster, slugify

# The "Maximum fee" choices, in dollars per individual session.
FEE_LIMITS = (100, 125, 150, 175, 200, 250)


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


# The filters a visitor can answer a plain question about without knowing the jargon; the
# questions themselves, in each language, are in hooks/strings.py (question_<key>).
# Approaches are left out: choosing between CBT and EMDR is what a first conversation is for.
QUESTIONS = ("area-of-practice", "language", "format", "clients", "times", "location", "fee")


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
    therapists = roster.therapists
    fees = [
        Option(
            str(limit),
            s["fee_up_to"].format(limit=limit),
            frozenset(t.id for t in therapists if t.fees.individual <= limit),
        )
        for limit in FEE_LIMITS
    ]
    # Only limits that change something: one that keeps no one, or the same people as the
    # limit below it, would be a choice that cannot help.
    fees = [o for n, o in enumerate(fees) if o.ids and (n == 0 or o.ids != fees[n - 1].ids)]
    if fees:
        filters.append(Filter("fee", s["fee_label"], tuple(fees), question=s["question_fee"]))
    for key, label, name, keep in (
        ("sliding", s["sliding_label"], s["sliding_name"], lambda t: t.fees.sliding_scale),
        ("consult", s["consult_label"], s["consult_name"], lambda t: t.fees.free_consultation),
    ):
        ids = frozenset(t.id for t in therapists if keep(t))
        if ids:
            filters.append(Filter(key, label, (Option("yes", name, ids),), flag=True))
    insurers = [
        # By address: on French pages the terms are the French copies of the roster's.
        Option(term.slug, term.name, frozenset(t.id for t in therapists if term.slug in _slugs(t.fees.direct_billing)))
        for term in roster.taxonomy.terms["insurers"]
    ]
    if any(o.ids for o in insurers):
        filters.append(Filter("billing", s["billing_label"], tuple(o for o in insurers if o.ids)))
    genders = gender_options(roster)
    if genders:
        filters.append(Filter("gender", s["gender_label"], genders))
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


def _slugs(terms) -> set[str]:
    return {term.slug for term in terms}


def gender_options(roster: Roster) -> tuple[Option, ...]:
    """One option per gender identity therapists wrote, compared without case, spacing or punctuation.

    Only what therapists chose to write is offered, in the first spelling listed: no
    controlled list, so no one is put in a category they did not choose.
    """
    grouped: dict[str, tuple[str, set[str]]] = {}
    for t in roster.therapists:
        if t.gender_identity:
            words = " ".join(t.gender_identity.split())
            # A value with no Latin letters has no slug; it is still its own option.
            key = slugify(words) or words.casefold()
            grouped.setdefault(key, (words, set()))[1].add(t.id)
    return tuple(
        Option(key if slugify(key) == key else f"g{n}", name, frozenset(ids))
        for n, (key, (name, ids)) in enumerate(grouped.items())
    )
