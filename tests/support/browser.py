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


@dataclass
class Requests:
    """Every URL a page asked for, and every response that failed, while recorded."""

    urls: list[str]
    failures: list[str]

    def third_party(self, host: str = "127.0.0.1") -> list[str]:
        """Requests that left `host`. data: and blob: URLs never reach the network."""
        return [u for u in self.urls if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != host]
