"""The limits that keep a page's build linear in its length (hooks/page_limits.py): real prose passes, the shapes
that make Python-Markdown slow or crash are refused with their line, before any slower rule reads the page.
benchmarks/pages.py prints the timings; no test here times anything."""

from __future__ import annotations

import datetime

import pytest

import articles
import page_limits


@pytest.mark.parametrize(
    "line",
    [
        "See [what to expect](what-to-expect.md) and the sources.[^1]",
        "[A link with a footnote[^1]](https://example.org/a_(b)) and \\[a bracket\\] on its own.",
        '<span lang="en">Therapy</span> and <abbr title="x">CBT</abbr>.',
        "> > > > > > six quotes deep",
        "                    - five indents and a list",
        "*" * page_limits.MAX_RUN,
        "| --- | --- |",
    ],
)
def test_real_prose_shapes_pass(line):
    assert page_limits.problems(f"Before.\n\n{line}\n") == []


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("[" * 500, "500 '[' characters in a row; at most 40"),
        ("*" * (page_limits.MAX_RUN + 1), "41 '*' characters in a row"),
        ("[[[[a]]]]", "brackets nested 4 deep; at most 3"),
        ("See [the list", "a '[' is not closed by ']' on the same line"),
        ("See [the list](page.md", "a link's address '](' is not closed by ')' on the same line"),
        ("An <a href='x' tag", "an HTML tag '<' is not closed by '>' on the same line"),
        ("> " * 7 + "a", "this line nests 7 lists, quotes or indents"),
        ("- " * 3000 + "a", "this line nests 3000 lists, quotes or indents"),
        ("1. " * 7 + "a", "this line nests 7 lists, quotes or indents"),
    ],
)
def test_each_costly_shape_is_refused_with_its_line(line, fragment):
    ((number, message),) = page_limits.problems(f"Before.\n\n{line}\nAfter.\n", first_line=4)
    assert number == 6 and message.startswith(fragment), message


def test_a_page_over_the_size_limit_is_refused_at_its_first_line():
    ((number, message),) = page_limits.problems("word " * (page_limits.MAX_PAGE_CHARS // 5 + 1))
    assert number == 1 and f"the limit is {page_limits.MAX_PAGE_CHARS:,}" in message


def test_a_page_over_a_limit_gets_only_the_limit_problems(sample_roster):
    # The article rules (readability, claims, sources) are not linear in these shapes, so they never see them.
    text = "---\ndescription: A page.\n---\n\n# A page\n\n" + "[" * 20_000 + "\n"
    found = articles.check_article(
        text, "a.md", sample_roster, seed_hashes=frozenset(), today=datetime.date(2026, 11, 26)
    )
    assert found == [
        (7, "20000 '[' characters in a row; at most 40 are allowed (write fewer, or describe them in words)")
    ]


def test_a_long_block_and_a_page_abbreviation_are_refused_at_their_lines():
    block = "term\n: definition\n" * (page_limits.MAX_BLOCK_LINES // 2 + 1)
    found = page_limits.problems(f"Before.\n\n{block}\n*[CBT]: Cognitive behavioural therapy\n")
    assert found[0][0] == 3 and found[0][1].startswith(
        f"this paragraph, list or table runs more than {page_limits.MAX_BLOCK_LINES}"
    )
    assert found[1][1].startswith("abbreviations are defined once for every page, in includes/abbreviations.md")
    assert found[1][0] == 3 + page_limits.MAX_BLOCK_LINES + 3
