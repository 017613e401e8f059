"""A Content-Security-Policy for one built page, as a <meta> tag (GitHub Pages cannot send headers).

Plain functions with no MkDocs imports; hooks/csp_hook.py applies `with_policy` to
every page, and the tests call it on sample HTML.

Scripts may come only from the site itself, plus the inline scripts of the theme's
own templates, each allowed by the SHA-256 hash of its text on that page. Material
writes three small inline scripts on every page, and one of them holds the page's
relative path to the site root, so the hashes differ from page to page. An inline
script that no theme template has (one pasted into an article, or roster text that
escaped escaping) stops the build instead of being allowed; anything that reaches a
page later (an injected <script>, an onclick= attribute, a javascript: link) has no
hash and does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

# Inline <script> and <style> elements: tag, attributes, body. HTML ends both at
# the first </script> or </style>, whatever follows.
_ELEMENT_RE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.I | re.S)
_SRC_RE = re.compile(r"\ssrc\s*=", re.I)
_TYPE_RE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types the browser runs; any other type (application/json, ld+json) is data.
_SCRIPT_TYPES = frozenset({"", "text/javascript", "module", "application/javascript"})
_JINJA_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# What a Jinja expression inside a theme script may print: a path or a word, never a quote or a tag.
_VALUE = r"[^<>\"'`\\]*"
_CHARSET_RE = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD_RE = re.compile(r"<head\b[^>]*>", re.I)

# What the site needs besides scripts and styles. Images: Material's stylesheet
# draws its icons from data: URLs. Connections: the search index, instant
# navigation and the directory's filter index, all on the site. Forms: Material's
# search form is never submitted (its script answers instead), and the site
# collects nothing. frame-ancestors and report-uri cannot be set from a <meta> tag.
_FIXED = (
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
)


class UnknownInlineCode(ValueError):
    """A page holds an inline script or style that no theme template has."""


def sha256(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_code(html: str) -> list[tuple[str, str]]:
    """(tag, body) of each inline script the browser would run and each inline style, in page order."""
    found = []
    for tag, attributes, body in _ELEMENT_RE.findall(html):
        tag = tag.lower()
        kind = _TYPE_RE.search(attributes)
        runs = not _SRC_RE.search(attributes) and (kind.group(1).lower() if kind else "") in _SCRIPT_TYPES
        if tag == "style" or runs:
            found.append((tag, body))
    return found


@cache
def theme_code(template_dirs: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """A pattern for each inline script and style in the theme's templates; Jinja expressions match a plain value."""
    patterns = set()
    for folder in template_dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            for _, _, body in _ELEMENT_RE.findall(template.read_text(encoding="utf-8")):
                parts = _JINJA_RE.split(body)
                patterns.add(_VALUE.join(re.escape(part) for part in parts))
    return tuple(re.compile(p, re.S) for p in sorted(patterns))


def policy(html: str, allowed: tuple[re.Pattern, ...]) -> str:
    """The page's policy: the fixed directives, and the hashes of its inline code, which must be the theme's."""
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for tag, body in inline_code(html):
        if not any(pattern.fullmatch(body) for pattern in allowed):
            raise UnknownInlineCode(
                f"has an inline <{tag}> that is not part of the theme ({' '.join(body.split())[:80]!r}); "
                "the Content-Security-Policy would block it. Put scripts in docs/assets/javascripts/ "
                "(listed under extra_javascript in mkdocs.yml) and styles in docs/assets/stylesheets/site.css"
            )
        if sha256(body) not in hashes[tag]:
            hashes[tag].append(sha256(body))
    return "; ".join(
        [*_FIXED, " ".join(["script-src 'self'", *hashes["script"]]), " ".join(["style-src 'self'", *hashes["style"]])]
    )


def with_policy(html: str, allowed: tuple[re.Pattern, ...]) -> str:
    """The page with its policy right after <meta charset>: a policy governs only what follows it."""
    head = _CHARSET_RE.search(html) or _HEAD_RE.search(html)
    if head is None:
        raise ValueError("has no <head>, so it cannot carry a Content-Security-Policy")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, allowed)}">'
    return html[: head.end()] + "\n" + tag + html[head.end() :]
