"""A Content-Security-Policy for one built page, as a <meta> tag (GitHub Pages cannot send headers).

Plain functions with no MkDocs imports; hooks/csp_hook.py applies `with_policy` to
every page, and the tests call it on sample HTML.

Scripts may come only from the site itself, plus the inline scripts the theme rendered
on that page, each allowed by the SHA-256 hash of its text. The page's content (what
its Markdown became) is the author's part: an inline script or style there stops the
build, so nothing an author writes can put a hash into the policy. The theme's code is
every executable inline script and every style in the page outside that part. Data
blocks (application/json, ld+json) are never run and never widen the policy. Anything
that reaches a page later (an injected <script>, an onclick= attribute, a javascript:
link) has no hash and does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline <script> and <style> elements: tag, attributes, body. HTML ends both at
# the first </script> or </style>, whatever follows.
_ELEMENT_RE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.I | re.S)
_SRC_RE = re.compile(r"\ssrc\s*=", re.I)
_TYPE_RE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types the browser runs; any other type (application/json, ld+json) is data.
_SCRIPT_TYPES = frozenset({"", "text/javascript", "module", "application/javascript"})
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
    """A page's content (the author's part) holds an inline script or style."""


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


def policy(html: str, content: str = "") -> str:
    """The page's policy: the fixed directives, and the hashes of the inline code outside its `content`."""
    if content:
        if content not in html:
            raise UnknownInlineCode(
                "has content that the theme did not print as it is, so its scripts cannot be told apart"
            )
        for tag, body in inline_code(content):
            raise UnknownInlineCode(
                f"has an inline <{tag}> in its content ({' '.join(body.split())[:80]!r}); a page cannot carry "
                "code. Put scripts in docs/assets/javascripts/ (listed under extra_javascript in mkdocs.yml) "
                "and styles in docs/assets/stylesheets/site.css"
            )
        html = html.replace(content, "")
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for tag, body in inline_code(html):
        if sha256(body) not in hashes[tag]:
            hashes[tag].append(sha256(body))
    return "; ".join(
        [*_FIXED, " ".join(["script-src 'self'", *hashes["script"]]), " ".join(["style-src 'self'", *hashes["style"]])]
    )


def with_policy(html: str, content: str = "") -> str:
    """The page with its policy right after <meta charset>: a policy governs only what follows it."""
    head = _CHARSET_RE.search(html) or _HEAD_RE.search(html)
    if head is None:
        raise ValueError("has no <head>, so it cannot carry a Content-Security-Policy")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, content)}">'
    return html[: head.end()] + "\n" + tag + html[head.end() :]
