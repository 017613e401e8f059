"""A therapist's bio as HTML: the little Markdown a bio needs, in time proportional to its length.

A bio is written by editors and shown on a public page, so it gets a fixed subset
of Markdown and nothing else:

- paragraphs, separated by an empty line;
- lists: lines starting with "- ", "* " or "+ ", or with "1. " for a numbered list;
- **bold**, *italic* or _italic_, `code`;
- links to web pages, email addresses and phone numbers: [text](https://...),
  [text](mailto:...), [text](tel:...), or <https://...>.

Images are left out. Everything else is text: HTML tags, headings, quotes and
links to other kinds of address appear as typed. Python-Markdown, which renders the articles,
takes seconds on some 4,000-character inputs (a run of "[" is quadratic, deeply
nested lists overflow the stack); this renderer reads each character a bounded
number of times, whatever the text (benchmarks/bio.py prints the figures).
"""

from __future__ import annotations

import html
import re
from types import MappingProxyType

from markupsafe import Markup, escape

# The roster check holds each bio link to the rules of the roster's link fields (hooks/rules.py: bio_links).
SCHEMES = ("https", "mailto", "tel")
LINK_SCHEMES = ("https://", "mailto:", "tel:")
# Bold, italic and link text inside one another, at most this deep.
MAX_DEPTH = 3
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
_BULLET_RE = re.compile(r"[-*+][ \t]+")
_NUMBER_RE = re.compile(r"[0-9]{1,9}\.[ \t]+")
_MARKS_RE = re.compile(r"[\\`*_\[<!]")
_RUN_RE = re.compile(r"([*_`])\1\1+")
_HREF_RE = re.compile(r'<a href="([^"]*)" rel="noopener">')
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>|~")
# markupsafe.escape's replacements, looked up per character.
_ESCAPE = MappingProxyType({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def to_html(text: str) -> Markup:
    """The bio as HTML: paragraphs and lists, with inline formatting; raw HTML shows as text."""
    blocks = [b for b in _PARAGRAPH_BREAK_RE.split(text.replace("\r\n", "\n").strip("\n")) if b.strip()]
    return Markup("\n".join(_block(block) for block in blocks))


def link_targets(text: str) -> list[str]:
    """The address of every link to_html makes of this bio, for the roster check's link rules.

    Read back from the HTML rather than parsed a second time, so the check sees exactly
    the links a visitor would get.
    """
    return [html.unescape(url) for url in _HREF_RE.findall(to_html(text))]


def _block(block: str) -> str:
    lines = block.split("\n")
    first = lines[0].lstrip(" ")
    marker = _BULLET_RE if _BULLET_RE.match(first) else _NUMBER_RE if _NUMBER_RE.match(first) else None
    if marker is None:
        return f"<p>{_inline(block.strip())}</p>"
    items: list[list[str]] = []
    for line in lines:
        start = marker.match(line.lstrip(" "))
        if start:
            items.append([line.lstrip(" ")[start.end() :]])
        else:
            items[-1].append(line.strip())
    tag = "ul" if marker is _BULLET_RE else "ol"
    body = "\n".join(f"<li>{_inline(chr(10).join(item).strip())}</li>" for item in items)
    return f"<{tag}>\n{body}\n</{tag}>"


class _Finder:
    """str.find for a text scanned from left to right: a repeated search reuses the last answer.

    Each search starts at or after the previous one, so remembering where the last
    search for a token started and what it found means no stretch of text is
    searched twice for the same token.
    """

    def __init__(self, text: str):
        self.text = text
        self.last: dict[str, tuple[int, int]] = {}

    def find(self, token: str, start: int) -> int:
        searched = self.last.get(token)
        if searched and searched[0] <= start and (searched[1] == -1 or start <= searched[1]):
            return searched[1]
        found = self.text.find(token, start)
        self.last[token] = (start, found)
        return found


def _inline(text: str, depth: int = 0, links: bool = True) -> str:
    """Inline Markdown of one paragraph or list item as HTML; every character not part of markup is escaped."""
    if not _MARKS_RE.search(text):
        return str(escape(text))
    out: list[str] = []
    finder = _Finder(text)
    nested = depth < MAX_DEPTH
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            out.append(_ESCAPE.get(text[i + 1], text[i + 1]))
            i += 2
            continue
        run = _RUN_RE.match(text, i)
        if run:  # three or more of one mark: only the last two can start markup
            out.append(text[i : run.end() - 2])
            i = run.end() - 2
            continue
        # Each branch first checks the next character or two, so that a run of the same
        # mark (which cannot be markup) costs about as much as plain text.
        if c == "`" and text[i + 1 : i + 2] not in ("`", ""):
            end = finder.find("`", i + 1)
            if end > 0:
                out.append(f"<code>{escape(text[i + 1 : end])}</code>")
                i = end + 1
                continue
        elif c == "*" and text.startswith("**", i) and nested and _starts_text(text, i + 2):
            end = finder.find("**", i + 3)
            if end > 0 and not text[end - 1].isspace():
                out.append(f"<strong>{_inline(text[i + 2 : end], depth + 1, links)}</strong>")
                i = end + 2
                continue
        elif c in "*_" and nested and _opens(text, i):
            end = finder.find(c, i + 2)
            if end > 0 and not text[end - 1].isspace() and (c == "*" or not text[end + 1 : end + 2].isalnum()):
                out.append(f"<em>{_inline(text[i + 1 : end], depth + 1, links)}</em>")
                i = end + 1
                continue
        elif c == "[" and links and nested:
            middle = finder.find("](", i + 1)
            if middle > i + 1 and text.startswith(LINK_SCHEMES, middle + 2):
                end = finder.find(")", middle + 2)
                url = text[middle + 2 : end] if end > 0 else ""
                if url and not any(ch.isspace() for ch in url):
                    label = _inline(text[i + 1 : middle], depth + 1, links=False)
                    out.append(f'<a href="{escape(url)}" rel="noopener">{label}</a>')
                    i = end + 1
                    continue
        elif c == "!" and text[i + 1 : i + 2] == "[":
            middle = finder.find("](", i + 2)
            end = finder.find(")", middle + 2) if middle > 0 else -1
            if end > 0 and not any(ch.isspace() for ch in text[middle + 2 : end]):
                i = end + 1  # photos belong in the photo field; an image here would load from anywhere
                continue
        elif c == "<" and links and text.startswith(LINK_SCHEMES, i + 1):
            end = finder.find(">", i + 1)
            url = text[i + 1 : end] if end > 0 else ""
            if url and not any(ch.isspace() or ch == "<" for ch in url):
                out.append(f'<a href="{escape(url)}" rel="noopener">{escape(url)}</a>')
                i = end + 1
                continue
        out.append(_ESCAPE.get(c, c))
        i += 1
    return "".join(out)


def _starts_text(text: str, i: int) -> bool:
    """Whether text (not a space, not another mark) starts at i: bold and italics must hug their words."""
    after = text[i : i + 1]
    return bool(after) and not after.isspace() and after not in "*_"


def _opens(text: str, i: int) -> bool:
    """Whether the * or _ at i can start italics: text follows it, and an _ is not inside a word."""
    return _starts_text(text, i + 1) and (text[i] == "*" or i == 0 or not text[i - 1].isalnum())
