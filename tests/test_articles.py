"""Rules every article in docs/ must meet, and a failing example for each rule.

The articles give health and legal information to people who may be in
distress, so each one must say who reviewed it and when, cite its sources,
never repeat the errors of the document the site replaced, never publish a
fact we could not confirm, and stay at a grade 8 reading level.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import readability  # noqa: E402

DOCS = ROOT / "docs"
# The document the knowledge base replaces. It lives in the project's shared
# folder beside the repository, not in the repository, so it is never published.
SEED_DIR = Path(os.environ.get("SEED_DIR", ROOT.parent / "shared" / "seed"))
SEED_FINGERPRINTS = ROOT / "tests" / "fixtures" / "seed-8gram-hashes.txt"

# Pages that are not reviewed health articles: they need a description and a
# review date, but no reviewer or sources.
LIGHT_RULES = {"about/privacy.md"}

ARTICLES = readability.article_paths(DOCS)
FULL_RULES = [p for p in ARTICLES if p.relative_to(DOCS).as_posix() not in LIGHT_RULES]


def _id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


# ---------------------------------------------------------------------------
# Checks: each takes page text and returns a list of problems (empty = fine).
# ---------------------------------------------------------------------------


def front_matter(text: str) -> dict:
    """The page's YAML front matter, which must be a mapping."""
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    if not match:
        raise ValueError("no front matter: the page must start with a --- block")
    meta = yaml.safe_load(match.group(1))
    if not isinstance(meta, dict):
        raise ValueError(f"front matter is a {type(meta).__name__}, not a mapping of keys to values")
    return meta


def check_description(meta: dict) -> list[str]:
    value = meta.get("description")
    if not isinstance(value, str) or not value.strip():
        return ["description: missing or empty"]
    # Material writes it into <meta content="..."> without escaping it.
    return [f"description: must not contain {c}" for c in '"<>&' if c in value]


def check_last_reviewed(meta: dict, today: datetime.date) -> list[str]:
    value = meta.get("last_reviewed")
    # A datetime is also a date; the field is a calendar day, so reject it.
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        return [f"last_reviewed: {value!r} is not a date like 2026-11-26"]
    return [f"last_reviewed: {value} is in the future"] if value > today else []


def current_therapist_ids(roster_text: str) -> set[str]:
    entries = yaml.safe_load(roster_text)["therapists"]
    return {t["id"] for t in entries if not t.get("former", False)}


def check_reviewed_by(meta: dict, current_ids: set[str]) -> list[str]:
    value = meta.get("reviewed_by")
    if value in current_ids:
        return []
    return [f"reviewed_by: {value!r} is not the id of a current therapist in data/therapists.yml"]


_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:(.*)$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\](?!:)")


def check_sources(text: str) -> list[str]:
    problems = []
    if not re.search(r"^## Sources[ \t]*$", text, re.M):
        problems.append("no '## Sources' heading")
    definitions = {label: body for label, body in _FOOTNOTE_DEF.findall(text)}
    if not definitions:
        problems.append("no footnote definitions ([^label]: source)")
    references = set(_FOOTNOTE_REF.findall(text))
    problems += [f"footnote [^{label}] is used but not defined" for label in sorted(references - set(definitions))]
    problems += [f"footnote [^{label}] is defined but never used" for label in sorted(set(definitions) - references)]
    problems += [
        f"footnote [^{label}] gives no link to its source"
        for label, body in definitions.items()
        if not re.search(r"<https?://[^>\s]+>", body)
    ]
    return problems


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NGRAM = 8


def _ngrams(text: str, n: int = NGRAM) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def fingerprint(gram: tuple[str, ...]) -> str:
    """A short hash of an n-gram: the repository keeps the seed's hashes, not its sentences."""
    return hashlib.sha256(" ".join(gram).encode()).hexdigest()[:16]


def seed_fingerprints(texts) -> set[str]:
    return {fingerprint(g) for text in texts for g in _ngrams(text)}


def check_not_copied(text: str, seed_hashes: set[str]) -> list[str]:
    shared = sorted(g for g in _ngrams(text) if fingerprint(g) in seed_hashes)
    return [f"shares {NGRAM} words in a row with the seed document: '{' '.join(g)}'" for g in shared[:3]]


# The seed document's errors (content-facts.md section 8) and wording that
# breaks safe-messaging guidance. Each pattern names what it catches.
FALSE_CLAIMS = {
    "psychotherapists are unlicensed": r"\bnot\s+(?:even\s+)?licen[cs]ed\b",
    "no training is required": r"\bnot\s+(?:legally\s+)?required\s+to\s+(?:have|complete)\b",
    "therapy swaps painful memories for pleasant ones": r"\bredirect\w*\b[^.]{0,80}\bmore\s+pleasant\b",
    "therapy is not mainstream": r"\bnot\s+utili[sz]e\s+a\s+more\s+traditional\b",
    "psychologists attend group therapy led by others": r"\bpsychologists?\s+(?:frequently\s+)?attend\s+group\s+therapy\b",
    "psychologists can prescribe in Ontario": r"\bpsychologists\s+(?:can|may|are\s+able\s+to)\s+prescribe\b",
    "therapists must report any risk": r"\b(?:must|have\s+to|are\s+required\s+to)\s+(?:warn\s+(?:others|anyone|people)|report\s+(?:any|every|all)\s+risks?)\b",
    "'committed suicide' (say 'died by suicide')": r"\bcommit(?:s|ted|ting)?\s+suicide\b",
    "superlative about the practice": r"\bthe\s+best\s+(?:psychotherapists?|therapists?|practice|care)\b",
    # Errors a fact-check found in our own pages (issue 13).
    "'psychotherapist' as a CRPO-only title (true only until 2017)": r"\bonly\s+CRPO\s+members\s+may\s+use\s+(?:them|these\s+titles)\b|\bare\s+for\s+CRPO\s+members\s+only\b",
    "prolonged exposure as the top choice of every PTSD guideline": r"\bprolonged\s+exposure\b[^.]{0,60}\bstrongest\b[^.]{0,60}\bevery\b",
    "CRPO's 2015 remark on insurers presented as current": r"\bbeginning\s+to\s+recogni[sz]e\b",
    "therapy as 'proven methods' (the APA says methods from established principles)": r"\bproven\s+methods\b",
}

# Statements that are wrong without a qualifier the page must also give.
# Each entry: (pattern for the statement, pattern for the qualifier anywhere on the page).
NEEDS_QUALIFIER = {
    "a duty to report 'a child' without the under-16 limit (16 and 17 may be reported, not must)": (
        r"\bmust\s+(?:promptly\s+)?report\b[^.]{0,120}\bchild",
        r"\bunder\s+16\b|\b16\s+(?:or|and)\s+17\b",
    ),
    "OSP described as adults-only (BounceBack starts at 15)": (
        r"(?:\bOSP\b|Ontario\s+Structured\s+Psychotherapy|free\s+public\s+program)[^.]{0,150}\.?[^.]{0,150}?(?:\badults\b|\b18\s+and\s+(?:over|older)|\b18\+)",
        r"\b(?:age|aged)\s+15\b|\b15\s+and\s+(?:up|over|older)\b",
    ),
    "reporting a health professional's sexual abuse without saying the client's name stays out": (
        r"\bsexually\s+abused\b[^.]{0,160}\b(?:must|have\s+to|has\s+to)\s+report\b",
        r"\byour\s+name\b|\bclient's\s+name\b|\bname\s+is\s+(?:left|kept)\s+out\b",
    ),
    "'Registered Mental Health Therapist' without saying CRPO does not use it": (
        r"\bRegistered\s+Mental\s+Health\s+Therapist\b",
        r"\bnot\s+(?:in\s+use|use\s+it|used)\b|\bdoes\s+not\s+use\b",
    ),
    "no GST/HST on therapy without the insurer-report exception": (
        r"\bno\s+GST\b",
        r"\binsur\w*\b[^.]{0,80}\b(?:tax\w*|GST|HST)\b|\b(?:tax\w*|GST|HST)\b[^.]{0,80}\binsur",
    ),
}


def check_false_claims(text: str) -> list[str]:
    flat = " ".join(text.split())
    problems = [
        f"repeats a false or unsafe claim ({name})" for name, rx in FALSE_CLAIMS.items() if re.search(rx, flat, re.I)
    ]
    return problems + [
        f"states a claim without its qualifier ({name})"
        for name, (claim, qualifier) in NEEDS_QUALIFIER.items()
        if re.search(claim, flat, re.I) and not re.search(qualifier, flat, re.I)
    ]


# Numbers the fact sheet confirms (data/crisis.yml lists the crisis lines).
CONFIRMED_NUMBERS = {"416-408-4357", "1-800-668-6868", "416-808-2222"}

UNCONFIRMED = {
    "a fee given as a dollar figure": r"\$\s?\d",
    "the unconfirmed '80%' or 'd = 0.8' effect size": r"\b80\s?%|\b80\s+per\s?cent\b|\bd\s*[≈=~]\s*0?\.8\b|\beffect\s+size\s+of\s+(?:about\s+)?0?\.8\b",
    "CRPO's unconfirmed 2027 requirements": r"\b2027\b",
    "nurse practitioner prescribing": r"\bnurse\s+practitioners?\s+(?:can|may)\s+prescribe\b",
    "'OHIP does not cover' stated as fact": r"\bOHIP\s+(?:does\s+not|doesn't|will\s+not|won't)\s+(?:cover|pay)\b",
    "'counsellor' stated to be an unprotected title": r"\bcounsell?or\W{0,2}\s+is\s+not\s+a\s+protected\s+title\b",
    "a number for Gerstein or Hope for Wellness": r"(?:Gerstein|Hope\s+for\s+Wellness)[^\n]{0,120}\d{3}",
}
_PHONE = re.compile(r"\b(?:1-)?\d{3}-\d{3}-\d{4}\b")


def check_unconfirmed(text: str) -> list[str]:
    problems = [
        f"publishes an unconfirmed item ({name})" for name, rx in UNCONFIRMED.items() if re.search(rx, text, re.I)
    ]
    problems += [
        f"phone number {n} is not in the confirmed list" for n in _PHONE.findall(text) if n not in CONFIRMED_NUMBERS
    ]
    return problems


def check_readability(text: str) -> list[str]:
    grade = readability.grade(text)
    return [f"reading grade {grade} is above {readability.MAX_GRADE:g}"] if grade > readability.MAX_GRADE else []


# ---------------------------------------------------------------------------
# The checks applied to every article.
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_ngrams() -> set[str]:
    """Hashes of every 8-word run in the seed document, kept in the repository so the check runs anywhere."""
    return set(SEED_FINGERPRINTS.read_text(encoding="utf-8").split())


def test_seed_fingerprints_match_the_seed_document():
    # Regenerate with: python tests/test_articles.py --write-seed-fingerprints (needs the seed in SEED_DIR).
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"seed document not in {SEED_DIR}; the committed fingerprints are still checked against every page")
    expected = seed_fingerprints(f.read_text(encoding="utf-8") for f in files)
    assert set(SEED_FINGERPRINTS.read_text(encoding="utf-8").split()) == expected


@pytest.fixture(scope="module")
def current_ids() -> set[str]:
    return current_therapist_ids((ROOT / "data" / "therapists.yml").read_text(encoding="utf-8"))


def test_the_knowledge_base_is_there():
    names = {_id(p) for p in ARTICLES}
    assert {"about-therapy/what-psychotherapists-do.md", "approaches/cbt.md", "faq.md", "glossary.md"} <= names


@pytest.mark.parametrize("path", ARTICLES, ids=_id)
def test_front_matter_describes_and_dates_the_page(path):
    meta = front_matter(path.read_text(encoding="utf-8"))
    assert check_description(meta) + check_last_reviewed(meta, datetime.date.today()) == []


@pytest.mark.parametrize("path", FULL_RULES, ids=_id)
def test_reviewed_by_a_current_therapist(path, current_ids):
    assert check_reviewed_by(front_matter(path.read_text(encoding="utf-8")), current_ids) == []


@pytest.mark.parametrize("path", FULL_RULES, ids=_id)
def test_cites_its_sources(path):
    assert check_sources(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", ARTICLES, ids=_id)
def test_does_not_copy_the_seed_document(path, seed_ngrams):
    assert check_not_copied(path.read_text(encoding="utf-8"), seed_ngrams) == []


@pytest.mark.parametrize("path", ARTICLES, ids=_id)
def test_does_not_repeat_false_or_unconfirmed_claims(path):
    text = path.read_text(encoding="utf-8")
    assert check_false_claims(text) + check_unconfirmed(text) == []


@pytest.mark.parametrize("path", ARTICLES, ids=_id)
def test_reads_at_grade_8_or_lower(path):
    assert check_readability(path.read_text(encoding="utf-8")) == []


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


def test_good_example_passes_every_check():
    meta = front_matter(GOOD)
    assert check_description(meta) == []
    assert check_last_reviewed(meta, datetime.date(2026, 11, 26)) == []
    assert check_reviewed_by(meta, {"amara-okafor"}) == []
    assert check_sources(GOOD) == []
    assert check_false_claims(GOOD) + check_unconfirmed(GOOD) + check_readability(GOOD) == []


@pytest.mark.parametrize(
    "text",
    ["# No front matter\n", "---\n- a list\n---\n", "---\nkey: [unclosed\n---\n"],
    ids=["none", "list", "bad-yaml"],
)
def test_front_matter_must_be_a_mapping(text):
    with pytest.raises((ValueError, yaml.YAMLError)):
        front_matter(text)


def test_description_must_be_plain_text():
    assert check_description({"description": "  "})
    assert check_description({})
    assert check_description({"description": 'From "controlled act" to fees.'})


@pytest.mark.parametrize(
    "value",
    ["2026-11-26", datetime.datetime(2026, 1, 1, 9, 0), datetime.date(2027, 1, 1), None],
    ids=["string", "datetime", "future", "missing"],
)
def test_last_reviewed_must_be_a_past_date(value):
    assert check_last_reviewed({"last_reviewed": value}, datetime.date(2026, 11, 26))


def test_reviewer_must_be_current():
    roster = "therapists:\n  - id: amara-okafor\n  - id: liam-oconnor\n    former: true\n"
    ids = current_therapist_ids(roster)
    assert ids == {"amara-okafor"}
    assert check_reviewed_by({"reviewed_by": "liam-oconnor"}, ids)
    assert check_reviewed_by({"reviewed_by": "nobody"}, ids)
    assert check_reviewed_by({}, ids)


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


if __name__ == "__main__" and sys.argv[1:] == ["--write-seed-fingerprints"]:
    hashes = seed_fingerprints(f.read_text(encoding="utf-8") for f in sorted(SEED_DIR.glob("*.txt")))
    SEED_FINGERPRINTS.write_text("\n".join(sorted(hashes)) + "\n", encoding="utf-8")
    print(f"{SEED_FINGERPRINTS}: {len(hashes)} hashes")
