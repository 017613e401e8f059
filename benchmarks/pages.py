"""How long one page takes to check and convert: ordinary prose against the worst inputs we know, same length.

    PYTHONPATH=hooks python -m benchmarks.pages [characters]

Each input is a page of `characters` (default: the limit, page_limits.MAX_PAGE_CHARS)
that stays within the limits of hooks/page_limits.py, so the build would accept its
shape. The time is what the build spends on the page's text: every rule of
hooks/articles.py (limits, front matter, macro calls, article rules) and Python-Markdown
with this site's extensions (mkdocs.yml). It prints the best of a few timings, its
ratio to ordinary prose of the same length (target: at most about 2x), and how the
time grows when the length doubles (2 is linear). It asserts nothing: timings depend
on the machine, so the figures are for people to read.
"""

from __future__ import annotations

import datetime
import sys
import timeit
from pathlib import Path

import markdown
from mkdocs.config import load_config

import articles
import page_limits
import roster as roster_module

ROOT = Path(__file__).resolve().parent.parent
ORDINARY = (
    "Therapy can help people who feel stuck, anxious or low. **Sessions** are *warm* and practical; "
    "see [what to expect](what-to-expect.md) and ask about fees.[^1]\n\n"
)


def block(lines: str) -> str:
    """`lines` repeated in one block, as often as the limit on a block's lines allows, then a blank line."""
    return lines * (page_limits.MAX_BLOCK_LINES // lines.count("\n")) + "\n"


# Shapes that make Python-Markdown search ahead or nest, each as far as the limits allow.
WORST = {
    "[[[a]]] (brackets, 3 deep)": "[[[a]]] ",
    "[a](b) (links)": "[a](b) ",
    "[a] (reference-like)": "[a] ",
    "[^a] (footnote-like)": "[^a] ",
    "![a](b) (images)": "![a](b) ",
    "<a <a ... > (tags)": block("<a <a <a <a <a <a <a <a >\n"),
    "<b>a</b> (inline HTML)": "<b>a</b> ",
    "> x 6 (quotes)": block("> > > > > > a\n"),
    "- x 6 (lists)": block("- - - - - - a\n"),
    "1. x 6 (lists)": block("1. 1. 1. 1. 1. 1. a\n"),
    "indented lists": block("".join("    " * i + "- a\n" for i in range(6))),
    "* x 40": "*" * 40 + " ",
    "_ x 40": "_" * 40 + " ",
    "` x 40": "`" * 40 + " ",
    "| x 40": block("|" * 40 + "\n"),
    "\\ x 40": "\\" * 40 + " ",
    "**a (open bold)": "**a ",
    "`a (open code)": "`a ",
    "table rows": "| a | b |\n|---|---|\n" + "| c | d |\n" * (page_limits.MAX_BLOCK_LINES - 2) + "\n",
    "footnote definitions": block("[^a]: b\n"),
    "definition lists": "a\n: b\n\n",
    "definition lists, no blank lines": block("a\n: b\n"),
    "lists, no blank lines": block("- a\n"),
    "{{ }} (macro calls)": "{{ accepting_count() }} ",
    "& entities": "&amp; ",
}


def fill(unit: str, length: int) -> str:
    """Whole copies of `unit` up to `length` characters (a cut copy could leave a bracket open)."""
    return unit * max(1, length // len(unit))


class Page:
    """One page's text through the build's article rules and Markdown, as the build does it."""

    def __init__(self) -> None:
        config = load_config(str(ROOT / "mkdocs.yml"))
        self.extensions = config.markdown_extensions
        self.configs = config.mdx_configs
        self.roster = roster_module.load_and_validate(ROOT / "data" / "therapists.yml")
        self.head = (
            f"---\ndescription: A page.\nlast_reviewed: 2026-01-05\nreviewed_by: {self.roster.therapists[0].id}\n"
            "untranslated: true\n---\n\n# A page\n\n"
        )

    def text(self, unit: str, length: int) -> str:
        return self.head + fill(unit, length - len(self.head))

    def build(self, text: str) -> None:
        refused = page_limits.problems(text)
        assert not refused, refused[:1]  # the benchmark times only what the build accepts
        articles.check_article(text, "page.md", self.roster, seed_hashes=frozenset(), today=datetime.date(2026, 12, 6))
        markdown.Markdown(extensions=self.extensions, extension_configs=self.configs).convert(text)


def best(page: Page, text: str, repeat: int) -> float:
    return min(timeit.repeat(lambda: page.build(text), number=1, repeat=repeat))


def figures(length: int, repeat: int = 3) -> list[tuple[str, float, float, float]]:
    """(input, milliseconds, ratio to ordinary prose of the same length, growth) for each worst input.

    Growth is the time at `length` over the time at half of it: about 2 when the time is linear in the
    length, 4 when it grows with its square. Ordinary prose is timed again next to each input, so that
    a busy machine slows both sides of a ratio alike.
    """
    page = Page()
    rows = []
    for name, unit in {"ordinary": ORDINARY, **WORST}.items():
        half = best(page, page.text(unit, length // 2), repeat)
        base, time = best(page, page.text(ORDINARY, length), repeat), best(page, page.text(unit, length), repeat)
        rows.append((name, time * 1000, time / base, time / half))
    return rows


def main(argv: list[str]) -> None:
    length = int(argv[0]) if argv else page_limits.MAX_PAGE_CHARS
    print(f"{'input (' + format(length, ',') + ' characters)':<30} {'ms':>9} {'x ordinary':>11} {'growth':>7}")
    for name, ms, ratio, growth in figures(length):
        print(f"{name:<30} {ms:9.1f} {ratio:11.2f} {growth:7.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
