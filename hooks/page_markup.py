"""What a page author's Markdown may turn into: HTML from an allowlist, links that cannot run code.

Articles (docs/) and the glossary includes (includes/, which pymdownx.snippets appends to
every page) are reviewed by clinicians, who judge whether a page is true and kind, not
whether it hides code. So each file is rendered with the site's own Markdown settings
(mkdocs.yml's markdown_extensions) and the HTML it produces is checked: every element
and attribute must be on the allowlist below, and every link must be a web, mail or
phone address or a link within the site. Checking the rendered HTML rather than the text
covers Markdown's own link syntax (`[x](javascript:...)`, reference links, autolinks)
and attributes written with attr_list (`{: onclick=... }`) as well as raw HTML.

The build (hooks/build.py, through check.check_all) and `python hooks/check.py` both run
check_project(); each problem reads `docs/<file>.md:<line>: <what to fix>`.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

import markdown
import yaml

from roster import Problem

# ---------------------------------------------------------------------------
# The allowlist: each element an article may contain, with the attributes it may
# carry besides GLOBAL_ATTRIBUTES, and why it is here. An element that is not
# listed (script, style, iframe, object, embed, form, meta, base, link, svg,
# math, any unknown tag) stops the build.
# ---------------------------------------------------------------------------
ALLOWED = MappingProxyType(
    {
        # Markdown's own blocks and inline text.
        "p": frozenset(),
        "h1": frozenset(),
        "h2": frozenset(),
        "h3": frozenset(),
        "h4": frozenset(),
        "h5": frozenset(),
        "h6": frozenset(),
        "em": frozenset(),
        "strong": frozenset(),
        "code": frozenset(),
        "pre": frozenset(),
        "blockquote": frozenset(),
        "ul": frozenset(),
        "ol": frozenset(),
        "li": frozenset(),
        "hr": frozenset(),
        # Two trailing spaces, or <br> in a table cell, break a line.
        "br": frozenset(),
        # Links: the footnotes (`[^1]`) and the toc extension's permalinks are links too.
        "a": frozenset({"href"}),
        # Images from the site only (docs/assets/); see _check_url.
        "img": frozenset({"src", "alt"}),
        # The tables extension.
        "table": frozenset(),
        "thead": frozenset(),
        "tbody": frozenset(),
        "tr": frozenset(),
        "th": frozenset(),
        "td": frozenset(),
        # def_list (the glossary).
        "dl": frozenset(),
        "dt": frozenset(),
        "dd": frozenset(),
        # The abbr extension: glossary terms in includes/abbreviations*.md get a tooltip.
        "abbr": frozenset(),
        # The footnotes extension marks each reference with <sup>.
        "sup": frozenset(),
        # `<div class="grid cards" markdown>` (md_in_html) on the home page and in
        # professions-compared; admonitions and the footnotes list are divs too.
        "div": frozenset(),
        # A word in another language (`<span lang="en">`) on a French page.
        "span": frozenset(),
        # pymdownx.details (`??? note`); `???+` opens it.
        "details": frozenset({"open"}),
        "summary": frozenset(),
        # A photo or diagram with its caption.
        "figure": frozenset(),
        "figcaption": frozenset(),
    }
)
# Attributes any allowed element may carry: anchors and styling hooks (toc, footnotes, attr_list),
# tooltips (abbr, footnote links) and the language of a passage. No `style`: the site's policy
# blocks inline styles, so a table column aligned with `:---` would not show aligned anyway.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
# Attributes holding an address, and the schemes they may use; anything else (javascript:,
# data:, vbscript:, file:, ...) is refused. Links within the site have no scheme.
URL_ATTRIBUTES = frozenset({"href", "src"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Before a URL's scheme is read: whitespace and control characters a browser skips or removes.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Every tag-like run in the rendered HTML, whatever a parser would make of it: text that
# Markdown wrote is escaped (&lt;), so any `<name` there came from raw HTML.
_TAG_LIKE = re.compile(r"</?([a-zA-Z][^\s/>]*)")
# A whole start tag, its quoted values skipped over, and an event attribute in what is left.
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>?")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_EVENT_ATTRIBUTE = re.compile(r"[\s/](on[a-z]+)\s*=", re.I)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_SCRIPT = re.compile(r"<\s*script", re.I)
_SNIPPET = "--8<--"


@dataclass(frozen=True)
class Finding:
    """One refused thing in a page's HTML: the message, and how to find it in the Markdown."""

    message: str
    # A pattern for the text in the source that produced it (a tag, an attribute), or None for a URL.
    needle: re.Pattern | None = None
    scheme: str = ""


def _tag_needle(tag: str) -> re.Pattern:
    return re.compile(rf"<{re.escape(tag)}(?![\w-])", re.I)


def _attribute_needle(name: str) -> re.Pattern:
    # After a space or a quote, before `=` or the end of the tag: not the element <style> for style=.
    return re.compile(rf"(?<=[\s\"'/]){re.escape(name)}(?=\s*=|[\s>}}/]|$)", re.I)


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        allowed = ALLOWED.get(tag)
        if allowed is None:
            return  # reported once for every tag by scan() below
        for name, value in attrs:
            if name not in allowed and name not in GLOBAL_ATTRIBUTES:
                self.found.append(Finding(_attribute_message(tag, name), _attribute_needle(name)))
            elif name in URL_ATTRIBUTES:
                problem = _check_url(tag, name, value or "")
                if problem:
                    self.found.append(problem)

    handle_startendtag = handle_starttag


def scan(rendered: str) -> list[Finding]:
    """Everything refused in one page's rendered HTML, in page order within each kind."""
    found = []
    for match in _TAG_LIKE.finditer(rendered):
        tag = match.group(1).lower()
        if tag not in ALLOWED and not match.group(0).startswith("</"):
            found.append(Finding(_tag_message(tag), _tag_needle(tag)))
    parser = _Scan()
    parser.feed(rendered)
    parser.close()
    found += parser.found
    # Event attributes that a lenient parser could read differently (`<a title=">"onclick=...>`) than a
    # browser: every `on...=` inside a tag counts, beyond those the parser has reported already.
    reported = [f.needle.pattern for f in parser.found if f.needle is not None]
    for tag in _START_TAG.finditer(rendered):
        for event in _EVENT_ATTRIBUTE.finditer(_QUOTED.sub(" ", tag.group(2))):
            name = event.group(1).lower()
            finding = Finding(_attribute_message(tag.group(1).lower(), name), _attribute_needle(name))
            if finding.needle.pattern in reported:
                reported.remove(finding.needle.pattern)
            else:
                found.append(finding)
    return found


def _tag_message(tag: str) -> str:
    shown = _shown(tag)
    if tag == "script":
        why = "a page cannot carry code; scripts belong in docs/assets/javascripts/, reviewed as code"
    else:
        why = "articles may use only the HTML elements listed in ALLOWED in hooks/page_markup.py"
    return f"<{shown}> is not allowed in a page: {why}; remove it"


def _attribute_message(tag: str, name: str) -> str:
    if name.startswith("on"):
        why = "event attributes run code"
    elif name == "style":
        why = "the site's policy blocks inline styles; in a table, write --- rather than :---"
    else:
        why = f"<{_shown(tag)}> may carry only the attributes listed in hooks/page_markup.py"
    return f"attribute {_shown(name)}= on <{_shown(tag)}> is not allowed ({why}); remove it"


def _check_url(tag: str, attribute: str, value: str) -> Finding | None:
    """A refused address: a scheme other than LINK_SCHEMES, or an image from another site."""
    address = _IGNORED_IN_URL.sub("", value)
    scheme = _SCHEME.match(address)
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        name = scheme.group(1).lower()
        return Finding(
            f"{attribute}={_shown(address[:60])!r}: a {_shown(name)}: address is not allowed in a page; "
            f"link to an http(s):, mailto: or tel: address or to a page of the site",
            scheme=name,
        )
    if tag == "img" and (scheme or address.startswith("//")):
        return Finding(
            f"<img src={_shown(address[:60])!r}>: images must come from the site; put the file in docs/assets/ "
            "and link to it there",
            needle=re.compile(re.escape(value[:40])),
        )
    return None


# ---------------------------------------------------------------------------
# Rendering a file as the build does, and finding each problem's line.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    extensions: tuple
    configs: dict


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml, with MkDocs' own tags (!ENV, !relative) read as nothing: only markdown_extensions is used."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def settings(project_dir: str | os.PathLike) -> Settings:
    """The Markdown extensions and their options in the project's mkdocs.yml, as the build uses them.

    MkDocs always adds toc, tables and fenced_code. The snippets extension appends no include:
    each include is checked as its own file, so a problem names the include, not every page.
    """
    with open(Path(project_dir) / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml.load(f, Loader=_ConfigLoader) or {}
    extensions, configs = ["toc", "tables", "fenced_code"], {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        configs[name] = dict(options or {})
    if "pymdownx.snippets" in configs:
        configs["pymdownx.snippets"] |= {"auto_append": [], "base_path": [str(project_dir)]}
    return Settings(tuple(extensions), configs)


def render(text: str, how: Settings) -> str:
    """The HTML of a Markdown file, its front matter left out as the build leaves it out."""
    match = _FRONT_MATTER.match(text)
    body = "\n" * match.group(0).count("\n") + text[match.end() :] if match else text
    return markdown.Markdown(extensions=list(how.extensions), extension_configs=how.configs).convert(body)


def check_text(text: str, how: Settings) -> list[tuple[int, str]]:
    """(line, what to fix) for everything refused in one Markdown file, in line order."""
    lines = _searchable_lines(text)
    # Third-party extensions run on an author's text: whatever they raise becomes a message, never a
    # traceback. The one known case: pymdownx.snippets cannot find the file a `--8<--` line names.
    try:
        rendered = render(text, how)
    except Exception as exc:
        return [(_snippet_line(lines), f"the page cannot be rendered: {_shown(exc)}")]
    seen: dict[str, int] = {}
    problems = set()
    for finding in scan(rendered):
        key = finding.needle.pattern if finding.needle is not None else finding.scheme
        nth = seen[key] = seen.get(key, -1) + 1
        problems.add((_line(lines, finding, nth), finding.message))
    return sorted(problems)


def _searchable_lines(text: str) -> list[str]:
    """The file's lines as the search for a problem sees them: code, which Markdown escapes, blanked."""
    lines, fence = [], None
    for line in text.split("\n"):
        opener = _FENCE.match(line)
        if fence is None and opener:
            fence = opener.group(1)[0] * 3
            lines.append("")
        elif fence is not None:
            fence = None if line.strip().startswith(fence) else fence
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub("", line))
    return lines


def _line(lines: list[str], finding: Finding, nth: int) -> int:
    """The line of the nth occurrence of what produced `finding`; the last one if there are fewer."""
    hits = []
    for number, line in enumerate(lines, 1):
        if finding.needle is not None:
            hits += [number] * len(finding.needle.findall(line))
        elif f"{finding.scheme}:" in _IGNORED_IN_URL.sub("", html.unescape(line)).lower():
            hits.append(number)
    if not hits:
        # Not written in the file itself: brought in by a snippet (`--8<--`), if the page has one.
        return _snippet_line(lines)
    return hits[min(nth, len(hits) - 1)]


def _snippet_line(lines: list[str]) -> int:
    return next((number for number, line in enumerate(lines, 1) if _SNIPPET in line), 1)


def script_line(text: str) -> int:
    """The line of the first <script> in a Markdown file, for a message about one in its page."""
    return _line(_searchable_lines(text), Finding("", _tag_needle("script")), 0)


def check_front_matter(meta: dict, text: str) -> list[tuple[int, str]]:
    """Front matter is text that the theme prints escaped; a <script> in it is never text an author means."""
    problems = []
    for key, value in meta.items():
        if _SCRIPT.search(str(value)):
            found = re.search(rf"^{re.escape(str(key))}[ \t]*:", text, re.M)
            line = text.count("\n", 0, found.start()) + 1 if found else 1
            problems.append((line, f"{_shown(key)}: a <script> is not allowed in front matter; remove it"))
    return problems


def check_project(
    project_dir: str | os.PathLike, docs_dir: str | os.PathLike, display_dir: str = "docs"
) -> list[Problem]:
    """Every refused element, attribute and link in the Markdown of docs/ and includes/, as file:line problems."""
    how = settings(project_dir)
    files = [(p, f"{display_dir}/{p.relative_to(docs_dir).as_posix()}") for p in sorted(Path(docs_dir).rglob("*.md"))]
    includes = Path(project_dir) / "includes"
    files += [(p, f"includes/{p.relative_to(includes).as_posix()}") for p in sorted(includes.rglob("*.md"))]
    problems = []
    for path, name in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # articles.check_docs reports a file that cannot be read
        found = check_text(text, how)
        match = _FRONT_MATTER.match(text)
        if match:
            # Front matter YAML cannot read (bad syntax, an impossible date, nesting too deep) is reported
            # by articles.check_docs with its line; here it only has no values to look at.
            try:
                meta = yaml.safe_load(match.group(1) or "")
                if isinstance(meta, dict):
                    found += check_front_matter(meta, text)
            except (yaml.YAMLError, ValueError, RecursionError):
                pass
        problems += [Problem(name, line, message) for line, message in sorted(found)]
    return problems


def _shown(value: object) -> str:
    """A value for a message, with control and invisible characters written as \\uXXXX."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(value))
