"""Rules every article in docs/ must meet, as plain functions returning problems.

The articles give health and legal information to people who may be in
distress, so each one must say who reviewed it and when, cite its sources,
never repeat the errors of the document the site replaced, never publish a
fact we could not confirm, and stay at a grade 8 reading level.

Every page in docs/ (articles, the home page, the directory's pages) is content,
never code: its front matter holds only the keys its kind allows, typed
(schemas.front_matter), its braces only calls of the site's macros
(macro_calls.py), and its text keeps to the limits that bound its build time
(page_limits.py).

The build (hooks/build.py) and `python hooks/check.py` run check_docs(); each
problem reads `docs/<file>.md:<line>: <what to fix>`.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

import yaml

import checking
import clock
import macro_calls
import page_limits
import readability
import schemas
import yamlfile
from roster import Problem, Roster

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Hashes of every 8-word run in the seed document (the document the knowledge base
# replaces). The repository keeps the hashes, never the seed's sentences;
# tests/test_articles.py checks them against the seed when it is at hand.
SEED_FINGERPRINTS = PROJECT_ROOT / "data" / "seed-fingerprints.txt"

# How long a review stays current: a page is due for review this many months after
# last_reviewed, or on its own earlier next_review. CONTRIBUTING.md ("Reviews") points here.
REVIEW_MAX_MONTHS = 12

# Pages that are not reviewed health articles: they need a description and a
# review date, but no reviewer or sources.
LIGHT_RULES = frozenset({"about/privacy.md", "about/contact.md", "about/about-this-site.md"})

# The seed document's errors (content-facts.md section 8) and wording that
# breaks safe-messaging guidance. Each pattern names what it catches.
FALSE_CLAIMS = MappingProxyType(
    {
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
        # Imprecise wording a fact-check found in our own pages (issue 21).
        "the June 2024 GST/HST date given for every licensed professional (it is the psychotherapists' date)": (
            r"\b(?:since|from|as\s+of)\s+June\s+(?:20,?\s+)?2024\b[^.]{0,80}\b(?:licen[cs]ed|regulated|any|every)\s+"
            r"(?:health\s+)?professionals?\b"
        ),
        "every crisis service listed called open now (some keep hours)": (
            r"\b(?:services|lines)\s+(?:below|above|listed(?:\s+here)?)\b[^.]{0,40}\bopen\s+now\b"
        ),
        "members of six colleges 'may provide psychotherapy' (only the controlled act and the title are restricted)": (
            r"\bmembers\s+of\s+(?:the\s+)?six\s+(?:Ontario\s+)?colleges\s+(?:may|can)\s+(?:provide|offer|practi[sc]e|do)\s+"
            r"psychotherapy\b"
        ),
        "'so is the work' after the protected title (only the controlled act is restricted)": (
            r"\btitle\s+is\s+protected\b[^.]{0,40}\bso\s+is\s+the\s+work\b"
        ),
        "a psychologist 'needs' a doctoral degree, stated as timeless (CPBAO plans master's-level psychologists)": (
            r"\bpsychologists?\s+(?:needs?|must\s+have|requires?)\s+a\s+doctoral\s+degree\b"
        ),
        "only psychologists and doctors diagnose (psychological associates and nurse practitioners do too)": (
            r"\b(?:only\s+)?(?:a\s+)?psychologists?\s+(?:and|or)\s+(?:a\s+)?(?:doctors?|physicians?)\s+(?:can|may)\s+"
            r"(?:diagnose|give\s+(?:a\s+diagnosis|one))\b"
        ),
    }
)

# Statements that are wrong without a qualifier the page must also give:
# name -> (pattern for the statement, pattern for the qualifier anywhere on the page).
NEEDS_QUALIFIER = MappingProxyType(
    {
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
)

# Numbers the fact sheet confirms (data/crisis.yml lists the crisis lines).
CONFIRMED_NUMBERS = frozenset({"416-408-4357", "1-800-668-6868", "416-808-2222"})

UNCONFIRMED = MappingProxyType(
    {
        "a fee given as a dollar figure": r"\$\s?\d",
        "the unconfirmed '80%' or 'd = 0.8' effect size": r"\b80\s?%|\b80\s+per\s?cent\b|\bd\s*[≈=~]\s*0?\.8\b|\beffect\s+size\s+of\s+(?:about\s+)?0?\.8\b",
        # An ISO date such as next_review: 2027-03-01 is a review day, not a claim about 2027.
        "CRPO's unconfirmed 2027 requirements": r"\b2027\b(?!-\d\d-\d\d)",
        "nurse practitioner prescribing": r"\bnurse\s+practitioners?\s+(?:can|may)\s+prescribe\b",
        "'OHIP does not cover' stated as fact": r"\bOHIP\s+(?:does\s+not|doesn't|will\s+not|won't)\s+(?:cover|pay)\b",
        "'counsellor' stated to be an unprotected title": r"\bcounsell?or\W{0,2}\s+is\s+not\s+a\s+protected\s+title\b",
        "a number for Gerstein or Hope for Wellness": r"(?:Gerstein|Hope\s+for\s+Wellness)[^\n]{0,120}\d{3}",
    }
)

# MkDocs' own pattern (mkdocs/utils/meta.py): the block it hands the theme is the block checked here.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*\n", re.S | re.M)
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:(.*)$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\](?!:)")
_SOURCES = re.compile(r"^## Sources[ \t]*$", re.M)
_PHONE = re.compile(r"\b(?:1-)?\d{3}-\d{3}-\d{4}\b")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NGRAM = 8


class FrontMatterError(ValueError):
    """The page has no front matter, or it is not a mapping of keys to values; `line` is where to look."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


# ---------------------------------------------------------------------------
# Each rule takes the page (its text, and its front matter where it needs it) and
# returns (line, what to fix) pairs; an empty list means the page passes.
# ---------------------------------------------------------------------------


def page_kind(name: str) -> str:
    """Which of schemas.PAGE_KINDS the page `name` (its path under docs/) is; its front matter follows that kind."""
    if english_name(name) == "index.md":
        return "home page"
    if name.startswith("therapists/"):
        return "directory page"
    return "French article" if is_french(name) else "article"


def read_front_matter(
    text: str, name: str, today: datetime.date | None = None, kind: str | None = None
) -> tuple[dict | None, list]:
    """The page's front-matter values that meet its kind's spec (hooks/schemas.py, front_matter; `kind` is
    page_kind(name) unless given), or None when there is no mapping to read, and (line, what to fix) for every
    problem, with lines counted in the file.

    The values are typed as the spec says: dates are dates, lists are tuples of text. MkDocs reads the same
    block again for the theme (and drops it silently if it is not valid YAML), so the build stops here first.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, [(1, "no front matter: start the page with a --- block (see CONTRIBUTING.md)")]
    # The block starts on the file's second line; a blank line first keeps the node tree's lines the file's.
    root, problems = yamlfile.compose("\n" + (match.group(1) or ""), name)
    found = [(p.line, p.message) for p in problems]
    if root is None and problems:
        return None, found
    checker = checking.Checker(name, today=today)
    kind = kind or page_kind(name)
    spec = schemas.front_matter(kind, light=english_name(name) in LIGHT_RULES, french=is_french(name))
    row = checker.check_file(spec, root)
    found += [(p.line, p.message) for p in checker.problems]
    return (row.values if isinstance(root, yaml.MappingNode) else None), found


def front_matter(text: str, name: str = "page.md") -> dict:
    """The page's valid front-matter values (read_front_matter); FrontMatterError when there are none to read."""
    meta, problems = read_front_matter(text, name)
    if meta is None:
        line, message = problems[0]
        raise FrontMatterError(message, line)
    return meta


def check_reviewed_by(meta: dict, roster: Roster, text: str = "") -> list[tuple[int, str]]:
    """The reviewer must be in the roster. One who has left stays: the page says so, keeping the record true."""
    value = meta.get("reviewed_by")
    if value is None:
        return []  # required by the front-matter spec, which says so
    if roster.get(str(value)) is None:
        fix = "use the id of the therapist in data/therapists.yml who reviewed the page"
        return [(_key_line(text, "reviewed_by"), f"reviewed_by: '{_shown(value)}' is not in the roster; {fix}")]
    return []


def check_next_review(meta: dict, text: str = "") -> list[tuple[int, str]]:
    if "next_review" not in meta:
        return []
    value, last = meta["next_review"], meta.get("last_reviewed")
    line = _key_line(text, "next_review")
    if _is_day(value) and _is_day(last) and not last < value <= _months_after(last, REVIEW_MAX_MONTHS):
        return [
            (
                line,
                f"next_review: {value} must come after last_reviewed ({last}) and at most {REVIEW_MAX_MONTHS} "
                "months after it (REVIEW_MAX_MONTHS in hooks/articles.py)",
            )
        ]
    return []


def review_due(meta: dict) -> datetime.date | None:
    """The day the page is due for review: its next_review, else REVIEW_MAX_MONTHS after last_reviewed."""
    if _is_day(meta.get("next_review")):
        return meta["next_review"]
    last = meta.get("last_reviewed")
    return _months_after(last, REVIEW_MAX_MONTHS) if _is_day(last) else None


def review_dates(docs_dir: str | Path) -> list[tuple[str, datetime.date, datetime.date]]:
    """(path under docs/, last_reviewed, due day) of every article with readable review dates, in path order.

    Pages whose front matter cannot be read are left to check_docs, which reports them.
    """
    docs = Path(docs_dir)
    found = []
    for path in readability.article_paths(docs):
        try:
            meta = front_matter(path.read_text(encoding="utf-8"), path.relative_to(docs).as_posix())
        except (FrontMatterError, UnicodeDecodeError):
            continue
        due = review_due(meta)
        if due is not None:
            found.append((path.relative_to(docs).as_posix(), meta["last_reviewed"], due))
    return found


def french_behind(docs_dir: str | Path) -> list[tuple[str, datetime.date, datetime.date]]:
    """(French page, its last_reviewed, its English page's) for each French page reviewed before its English page
    last changed in substance: the translation may no longer say what the English page says."""
    reviewed = {name: last for name, last, _ in review_dates(docs_dir)}
    return [
        (name, last, reviewed[english_name(name)])
        for name, last in reviewed.items()
        if is_french(name) and english_name(name) in reviewed and last < reviewed[english_name(name)]
    ]


def check_sources(text: str) -> list[tuple[int, str]]:
    problems = []
    end = _line_of(text, len(text.rstrip("\n")))
    if not _SOURCES.search(text):
        problems.append((end, "no '## Sources' heading: end the page with one, listing its sources"))
    definitions = {m.group(1): m for m in _FOOTNOTE_DEF.finditer(text)}
    if not definitions:
        problems.append((end, "no footnote definitions: cite each source as [^label]: title <https://...>"))
    references = {}
    for m in _FOOTNOTE_REF.finditer(text):
        references.setdefault(m.group(1), m)
    problems += [
        (_line_of(text, references[label].start()), f"footnote [^{_shown(label)}] is used but not defined")
        for label in sorted(set(references) - set(definitions))
    ]
    problems += [
        (_line_of(text, definitions[label].start()), f"footnote [^{_shown(label)}] is defined but never used")
        for label in sorted(set(definitions) - set(references))
    ]
    problems += [
        (_line_of(text, m.start()), f"footnote [^{_shown(label)}] gives no link to its source; add <https://...>")
        for label, m in definitions.items()
        if not re.search(r"<https?://[^>\s]+>", m.group(2))
    ]
    return problems


def fingerprint(gram: Iterable[str]) -> str:
    """A short hash of an n-gram: the repository keeps the seed's hashes, not its sentences."""
    return hashlib.sha256(" ".join(gram).encode()).hexdigest()[:16]


def _ngrams(text: str, n: int = NGRAM) -> list[tuple[int, tuple[str, ...]]]:
    """(offset of the first word, the n words) of every run of n words in the text."""
    words = list(_WORD.finditer(text.lower()))
    return [(words[i].start(), tuple(w.group() for w in words[i : i + n])) for i in range(len(words) - n + 1)]


def seed_fingerprints(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(fingerprint(gram) for text in texts for _, gram in _ngrams(text))


def load_seed_fingerprints(path: Path = SEED_FINGERPRINTS) -> frozenset[str]:
    return frozenset(path.read_text(encoding="utf-8").split())


def check_not_copied(text: str, seed_hashes: frozenset[str]) -> list[tuple[int, str]]:
    shared = [(offset, gram) for offset, gram in _ngrams(text) if fingerprint(gram) in seed_hashes]
    return [
        (_line_of(text, offset), f"shares {NGRAM} words in a row with the seed document: '{' '.join(gram)}'; reword it")
        for offset, gram in shared[:3]
    ]


def check_false_claims(text: str) -> list[tuple[int, str]]:
    return [
        (_line_of(text, m.start()), f"repeats a false or unsafe claim ({name}); remove or correct it")
        for name, rx in FALSE_CLAIMS.items()
        if (m := re.search(rx, text, re.I))
    ] + [
        (_line_of(text, m.start()), f"states a claim without its qualifier ({name}); add the qualifier or correct it")
        for name, (claim, qualifier) in NEEDS_QUALIFIER.items()
        if (m := re.search(claim, text, re.I)) and not re.search(qualifier, text, re.I)
    ]


def check_unconfirmed(text: str) -> list[tuple[int, str]]:
    problems = [
        (_line_of(text, m.start()), f"publishes an unconfirmed item ({name}); leave it off the site")
        for name, rx in UNCONFIRMED.items()
        if (m := re.search(rx, text, re.I))
    ]
    problems += [
        (_line_of(text, m.start()), f"phone number {m.group()} is not in the confirmed list")
        for m in _PHONE.finditer(text)
        if m.group() not in CONFIRMED_NUMBERS
    ]
    return problems


def check_readability(text: str) -> list[tuple[int, str]]:
    grade = readability.grade(text)
    if grade <= readability.MAX_GRADE:
        return []
    return [
        (
            1,
            f"reading grade {grade} is above {readability.MAX_GRADE:g}; use shorter sentences and common words "
            "(python hooks/readability.py shows every page's grade)",
        )
    ]


# ---------------------------------------------------------------------------
# Every rule over one page, and over every article in a docs folder.
# ---------------------------------------------------------------------------


def check_article(
    text: str,
    name: str,
    roster: Roster,
    *,
    seed_hashes: frozenset[str],
    today: datetime.date,
) -> list[tuple[int, str]]:
    """Every rule for the page `name` (its path under docs/), as (line, what to fix) pairs in line order.

    Every page in docs/ gets the rules that keep it content: its size and shape (hooks/page_limits.py),
    its front matter by kind and its macro calls (hooks/macro_calls.py). Articles get the rest.
    """
    found = page_limits.problems(_blank_front_matter(text))
    if found:
        # The rules below are not linear in shapes of text the limits refuse.
        return found
    meta, found = read_front_matter(text, name, today)
    body = _blank_front_matter(text)
    found += macro_calls.problems(body) + check_no_snippets(body)
    if meta is None:
        return sorted(found, key=lambda p: p[0])
    found += check_next_review(meta, text) + check_reviewed_by(meta, roster, text)
    kind = page_kind(name)
    french = is_french(name)
    if french and "reviewed_by" in meta:
        found += check_reviewer_speaks(meta, roster, "French", text)
    if kind not in ("article", "French article"):
        return sorted(found, key=lambda p: p[0])
    if english_name(name) not in LIGHT_RULES:
        found += check_sources(text)
    found += check_not_copied(text, seed_hashes) + check_unconfirmed(text)
    # The false-claim patterns and Flesch-Kincaid are English; French pages get Kandel-Moles.
    found += check_french_readability(text) if french else check_false_claims(text) + check_readability(text)
    return sorted(found, key=lambda p: p[0])


# pymdownx.snippets' include line (--8<-- "file"): it pastes any file of the project into the page, past
# every check made on docs/. includes/abbreviations.md reaches every page through mkdocs.yml instead.
_SNIPPET = re.compile(r"^[ \t]*;*-+8<-+", re.M)


def check_no_snippets(text: str) -> list[tuple[int, str]]:
    return [
        (_line_of(text, m.start()), "snippet includes (--8<--) are not allowed in pages; write the text in the page")
        for m in _SNIPPET.finditer(text)
    ]


def _blank_front_matter(text: str) -> str:
    """The page with its front matter as blank lines: what mkdocs-macros renders, on the file's own lines."""
    match = _FRONT_MATTER.match(text)
    return "\n" * match.group(0).count("\n") + text[match.end() :] if match else text


def is_french(name: str) -> bool:
    return name.endswith(".fr.md")


def english_name(name: str) -> str:
    """The English page a French page translates: about/privacy.fr.md -> about/privacy.md."""
    return name[: -len(".fr.md")] + ".md" if is_french(name) else name


def check_reviewer_speaks(meta: dict, roster: Roster, language: str, text: str = "") -> list[tuple[int, str]]:
    """A translated page's reviewer must work in its language (their roster entry's languages).

    A reviewer who has since left keeps only `id` and `name` (CONTRIBUTING.md, "Mark a therapist as having
    left"): their review stands as it was checked, and their departure must not fail the build.
    """
    reviewer = roster.get(str(meta.get("reviewed_by")))
    if reviewer is None or reviewer.former or any(term.name == language for term in reviewer.languages):
        return []
    return [
        (
            _key_line(text, "reviewed_by"),
            f"reviewed_by: {_shown(reviewer.id)} does not list {language} among their languages in the roster; "
            f"a {language} page needs a reviewer who works in {language}",
        )
    ]


def check_french_readability(text: str) -> list[tuple[int, str]]:
    ease = readability.french_ease(text)
    if ease >= readability.MIN_FRENCH_EASE:
        return []
    return [
        (
            1,
            f"French reading ease (Kandel-Moles) {ease} is below {readability.MIN_FRENCH_EASE:g}; use shorter "
            "sentences and shorter, common words",
        )
    ]


def check_translations(docs: Path, display_dir: str = "docs") -> list[Problem]:
    """Every English page needs a French page beside it (x.fr.md), unless its front matter says
    `untranslated: true` (the French site then shows the English page with a notice)."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        name = path.relative_to(docs).as_posix()
        if is_french(name):
            continue
        try:
            text = path.read_text(encoding="utf-8")
            meta = front_matter(text, name)
        except (FrontMatterError, UnicodeDecodeError):
            continue  # check_docs reports these
        translated = path.with_name(path.name[:-3] + ".fr.md").exists()
        if translated and "untranslated" in meta:
            problems.append(
                Problem(
                    f"{display_dir}/{name}",
                    _key_line(text, "untranslated"),
                    f"untranslated: {display_dir}/{name[:-3]}.fr.md exists now; remove this line",
                )
            )
        elif not translated and meta.get("untranslated") is not True:
            problems.append(
                Problem(
                    f"{display_dir}/{name}",
                    1,
                    f"no French version: write {display_dir}/{name[:-3]}.fr.md beside it (CONTRIBUTING.md, "
                    "'Add or update a French page'), or add 'untranslated: true' to its front matter",
                )
            )
    return problems


def check_docs(
    docs_dir: str | Path,
    roster: Roster,
    *,
    display_dir: str = "docs",
    seed_hashes: frozenset[str] | None = None,
    today: datetime.date | None = None,
) -> list[Problem]:
    """Every problem in every page under `docs_dir`, named `<display_dir>/<file>.md:<line>`."""
    docs = Path(docs_dir)
    seed_hashes = load_seed_fingerprints() if seed_hashes is None else seed_hashes
    today = today or clock.today()
    problems = []
    for path in sorted(docs.rglob("*.md")):
        name = path.relative_to(docs).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(f"{display_dir}/{name}", 1, f"the file is not UTF-8 text ({exc.reason})"))
            continue
        for line, message in check_article(text, name, roster, seed_hashes=seed_hashes, today=today):
            problems.append(Problem(f"{display_dir}/{name}", line, message))
    return problems


def _shown(value: object) -> str:
    """A value for a message, with control and invisible characters written as \\uXXXX, never sent raw to a terminal."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(value))


def _is_day(value: object) -> bool:
    # A datetime is also a date; the review fields are calendar days.
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day (a review on January 31 falls due on February 28)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _key_line(text: str, key: str) -> int:
    """The line of `key:` in the front matter, or 1 (the opening ---) when it is missing."""
    match = _FRONT_MATTER.match(text)
    block = match.group(0) if match else ""
    found = re.search(rf"^{re.escape(key)}[ \t]*:", block, re.M)
    return _line_of(text, found.start()) if found else 1
