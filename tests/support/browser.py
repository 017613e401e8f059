"""What the browser tests share besides fixtures: the browser, axe-core, page sizes, and readable results."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from support import ROOT

# Debian's chromium here and in CI; CHROME_PATH points elsewhere (e.g. Chrome on GitHub's runners).
CHROMIUM = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIXTURES = ROOT / "tests" / "browser" / "fixtures"
# WCAG 2.0, 2.1 and 2.2, levels A and AA (Ontario's standard is WCAG 2.0 AA; we aim at 2.2 AA).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


def describe(violations: list[dict]) -> str:
    """axe violations as readable lines: rule, impact, help, and the offending elements."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def page_urls(language: str = "en") -> list[str]:
    """Site-relative URL of every Markdown page in docs/ in `language` ("en": page.md, "fr": page.fr.md)."""
    docs = ROOT / "docs"
    urls = []
    for source in sorted(docs.rglob("*.md")):
        name = source.relative_to(docs).as_posix()
        french = name.endswith(".fr.md")
        if french != (language == "fr"):
            continue
        path = name.removesuffix(".fr.md" if french else ".md")
        url = "" if path == "index" else path.removesuffix("/index") + "/"
        urls.append(("fr/" if french else "") + url)
    return urls


def axe_failures(browser, site_url: str, axe, urls: list[str], language: str) -> list[str]:
    """Each page of `urls` that is missing, not in `language`, or has axe violations, with what is wrong."""
    context = browser.new_context(color_scheme="light", viewport=DESKTOP)
    failures = []
    try:
        page = context.new_page()
        for url in urls:
            response = page.goto(site_url + url, wait_until="load")
            if response is None or not response.ok:
                failures.append(f"{url}: HTTP {response.status if response else 'no response'}")
                continue
            if page.evaluate("document.documentElement.lang") != language:
                failures.append(f"{url}: lang is not {language}")
            violations = axe(page)
            if violations:
                failures.append(f"{url}:\n{describe(violations)}")
    finally:
        context.close()
    return failures


@dataclass
class Requests:
    """Every URL a page asked for, and every response that failed, while recorded."""

    urls: list[str]
    failures: list[str]

    def third_party(self, host: str = "127.0.0.1") -> list[str]:
        """Requests that left `host`. data: and blob: URLs never reach the network."""
        return [u for u in self.urls if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != host]
