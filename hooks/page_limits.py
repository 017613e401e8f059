"""Limits that keep the time to build a page linear in its length.

Python-Markdown, with this site's extensions, takes time that grows with the square
of the input for a few shapes of text (benchmarks/pages.py prints the figures):
a `[` or `[text](` that never closes makes the link parser search the rest of the
paragraph, once per bracket; an HTML tag that never closes does the same to the HTML
parser; each `>` or list marker at the start of a line opens one more nested block
that is parsed again inside the last (deep enough, and Python runs out of stack: a
traceback, not a message); a definition list with no blank lines is cut and copied
once per term; and each abbreviation definition (`*[CBT]: ...`) adds a pattern that
is run over the whole page. None of these shapes occurs in real prose, so the rules
below refuse them, each with its line, before any of it is parsed. With them, every
search ends within its line or block, and every line nests a bounded number of blocks.
"""

from __future__ import annotations

import re

# The longest page is about 23,000 characters; a page past this size is two pages.
MAX_PAGE_CHARS = 60_000
# Lists and quotes inside one another, counted at the start of a line: `> - 1.` is 3.
MAX_NESTING = 6
# Brackets inside brackets on one line: [a link with a footnote[^1]](https://...) is 2.
MAX_BRACKET_DEPTH = 3
# The same punctuation character many times in a row is never prose.
MAX_RUN = 40
# Lines of one paragraph, list or table with no blank line: the longest block today has 39.
MAX_BLOCK_LINES = 80

_RUN = re.compile(rf"([^\w\s])\1{{{MAX_RUN},}}")
# One level of nesting at the start of a line: a quote mark, a list marker, or four columns of indent.
_LEVEL = re.compile(r" {4}|\t|[ ]{0,3}(?:>|[-*+](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))[ \t]?")
# An HTML tag, comment or declaration starts; its `>` must come on the same line.
_TAG_START = re.compile(r"<[A-Za-z/!?]")
# An abbreviation definition, *[CBT]: ...: each one is a pattern run over the whole page.
_ABBREVIATION = re.compile(r"[ ]{0,3}\*\[[^\]]*\]:")


def problems(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, what to fix) for each limit the page text breaks; `first_line` is the file line of its first line."""
    if len(text) > MAX_PAGE_CHARS:
        return [
            (
                first_line,
                f"the page is {len(text):,} characters long; the limit is {MAX_PAGE_CHARS:,} "
                "(MAX_PAGE_CHARS in hooks/page_limits.py): split it into two pages",
            )
        ]
    found = []
    block_start, block_lines = first_line, 0
    for number, line in enumerate(text.split("\n"), first_line):
        if not line.strip():
            block_lines = 0
            continue
        if not block_lines:
            block_start = number
        block_lines += 1
        if block_lines == MAX_BLOCK_LINES + 1:
            found.append(
                (
                    block_start,
                    f"this paragraph, list or table runs more than {MAX_BLOCK_LINES} lines without a blank line; "
                    "add a blank line where a new paragraph, item or table can start",
                )
            )
        message = _line_problem(line)
        if message:
            found.append((number, message))
    return sorted(found)


def _line_problem(line: str) -> str | None:
    if _ABBREVIATION.match(line):
        return "abbreviations are defined once for every page, in includes/abbreviations.md; move this line there"
    run = _RUN.search(line)
    if run:
        return (
            f"{len(run.group())} '{run.group(1)}' characters in a row; at most {MAX_RUN} are allowed "
            "(write fewer, or describe them in words)"
        )
    nesting, position = 0, 0
    while level := _LEVEL.match(line, position):
        if level.end() == position:
            break
        nesting, position = nesting + 1, level.end()
    if nesting > MAX_NESTING:
        return (
            f"this line nests {nesting} lists, quotes or indents in one another; at most {MAX_NESTING} are "
            "allowed (use fewer '>' and list markers, or less indent)"
        )
    return _brackets(line) or _tags(line)


def _brackets(line: str) -> str | None:
    depth, parens, in_target, escaped = 0, 0, False, False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_target:
            parens += (char == "(") - (char == ")")
            in_target = parens > 0
        elif char == "[":
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                return (
                    f"brackets nested {depth} deep; at most {MAX_BRACKET_DEPTH} are allowed (a footnote in a "
                    "link's text is 2)"
                )
        elif char == "]" and depth:
            depth -= 1
            in_target = line.startswith("(", index + 1)
    if depth:
        return "a '[' is not closed by ']' on the same line; close it, or write \\[ for a bracket on its own"
    if in_target:
        return "a link's address '](' is not closed by ')' on the same line; close it"
    return None


def _tags(line: str) -> str | None:
    # A tag that starts after the line's last '>' never closes.
    last = line.rfind(">")
    if _TAG_START.search(line, last + 1):
        return "an HTML tag '<' is not closed by '>' on the same line; close it, or write &lt; for a '<'"
    return None
