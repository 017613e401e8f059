"""Checks over a folder of built HTML: internal links and anchors (stdlib only), and the W3C Nu HTML checker.

Used on the built site by tests/test_links.py and tests/test_html_valid.py, and on
deliberately broken pages by tests/browser/test_broken_fixtures.py, which shows
that each check reports what it is meant to catch.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from support import ROOT

# From npm (package.json), so its version is pinned by package-lock.json like axe-core's.
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Attributes whose value is a URL the visitor follows or the browser loads.
URL_ATTRIBUTES = {
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("form", "action"),
}


@dataclass
class _Document:
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, tag, attribute, URL)


class _Parser(HTMLParser):
    def __init__(self, document: _Document):
        super().__init__(convert_charrefs=True)
        self.document = document

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name == "id" or (tag == "a" and name == "name"):
                self.document.ids.add(value)
            if (tag, name) in URL_ATTRIBUTES:
                candidates = (
                    [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                )
                line = self.getpos()[0]
                self.document.urls.extend((line, tag, name, url) for url in candidates)


@cache
def _parse(path: Path) -> _Document:
    document = _Document()
    parser = _Parser(document)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return document


def check_links(site: Path, mount: str = "/", served_anywhere: tuple[str, ...] = ("404.html",)) -> list[str]:
    """Every internal link, resource and #anchor in every HTML file under `site`, as served under `mount`.

    Returns one line per problem, naming the page and line. URLs with a scheme or
    host (https:, mailto:, tel:) are another site's business and are not followed.
    Pages in `served_anywhere` (the 404 page) are shown at whatever address was
    mistyped, so their internal URLs must start at the site root.
    """
    _parse.cache_clear()
    problems = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        page_url = mount + name
        for line, tag, attribute, url in _parse(path).urls:
            reason = _problem(url.strip(), page_url, site, mount, anywhere=name in served_anywhere)
            if reason:
                problems.append(f'{name}:{line}: <{tag} {attribute}="{url}">: {reason}')
    return problems


def _problem(url: str, page_url: str, site: Path, mount: str, *, anywhere: bool) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if anywhere and parts.path and not parts.path.startswith("/"):
        return "relative URL on a page that is served at any address; start it at the site root"
    target = urlsplit(urljoin(page_url, url))
    path = unquote(target.path)
    if not path.startswith(mount):
        return f"points outside the site ({mount})"
    file = site / path[len(mount) :]
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return f"no such file: {file.relative_to(site).as_posix()}"
    fragment = unquote(target.fragment)
    if fragment and file.suffix == ".html" and fragment != "top" and fragment not in _parse(file).ids:
        return f"no element with id '{fragment}' in {file.relative_to(site).as_posix()}"
    return None


@dataclass(frozen=True)
class Finding:
    """One message of the Nu HTML checker."""

    file: str  # relative to the folder that was checked
    line: int
    type: str  # "error", "warning", "info", or "non-document-error" (the checker could not read the file)
    message: str
    extract: str

    @property
    def is_error(self) -> bool:
        return self.type in ("error", "non-document-error")

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.type}: {self.message}\n    {self.extract.strip()}"


def validate_html(folder: Path, vnu_jar: Path = VNU_JAR) -> list[Finding]:
    """Every message of the W3C Nu HTML checker (vnu.jar, needs Java 11+) for the HTML files under `folder`."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("the HTML checker needs Java: apt-get install default-jre-headless")
    if not vnu_jar.is_file():
        raise RuntimeError(f"{vnu_jar} is missing: run `npm ci` (scripts/test.sh does)")
    result = subprocess.run(
        [java, "-jar", str(vnu_jar), "--format", "json", "--skip-non-html", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"vnu.jar failed ({result.returncode}): {result.stderr[-2000:]}")
    findings = []
    for message in json.loads(result.stderr)["messages"]:
        url = message.get("url", "")
        file = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
        try:
            file = file.relative_to(folder.resolve())
        except ValueError:
            pass
        kind = message["type"] if message["type"] != "info" else message.get("subType", "info")
        findings.append(
            Finding(file.as_posix(), message.get("lastLine", 0), kind, message["message"], message.get("extract", ""))
        )
    return findings
