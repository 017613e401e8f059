"""Do the sources still answer? Every external link in docs/, checked with LinkChecker.

    python hooks/linkcheck.py [--markdown] [--timeout SECONDS]

A cited page that now answers 404, or that redirects to another host or another
path, may no longer say what the article says it does. This command finds every
external link in docs/ (with the file and line that cites it), hands the list to
LinkChecker (pinned in requirements/test.in, locked in requirements/dev.txt) and prints one line per link that is
broken or has moved. With --markdown it prints the section the weekly scheduled
checks add to the issue of what falls due (hooks/due.py), and nothing when every
link is fine. It exits 0 when the check ran, whatever it found (a moved source
is work for an editor, not a broken build), and 1 when LinkChecker could not run.

Redirects that change only the scheme (http to https), a leading "www." or a
trailing slash are not reported: the page is the same.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Autolinks (<https://...>, as every footnote cites its source) and inline links ([text](https://...)).
_LINK = re.compile(r"<(https?://[^>\s]+)>|\]\((https?://[^)\s]+)\)")
# Per link; LinkChecker checks several at once. The whole run is bounded too.
DEFAULT_TIMEOUT = 30


@dataclass(frozen=True)
class Citation:
    file: str  # "docs/faq.md", as an editor opens it
    line: int


@dataclass(frozen=True)
class Finding:
    url: str
    problem: str  # "answers 404 Not Found", "moved to https://..."
    citations: tuple[Citation, ...]

    def task(self) -> str:
        if self.problem.startswith("moved"):
            return "check that the new page still says what the article cites, then update the link"
        return "find where the page went, or cite another source"


class CheckerError(RuntimeError):
    """LinkChecker is missing or did not finish."""


def external_links(docs_dir: Path, display_dir: str = "docs") -> dict[str, list[Citation]]:
    """Every http(s) link in the Markdown under docs_dir, with where each is cited, in file and line order."""
    found: dict[str, list[Citation]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{display_dir}/{path.relative_to(docs_dir).as_posix()}"
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in _LINK.finditer(text):
                found.setdefault(match.group(1) or match.group(2), []).append(Citation(name, number))
    return found


def run_linkchecker(urls: Iterable[str], timeout: int = DEFAULT_TIMEOUT) -> str:
    """LinkChecker's CSV report on `urls`: each checked on its own (recursion level 0), errors and warnings only."""
    program = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which("linkchecker")
    if program is None:
        raise CheckerError("LinkChecker is not installed; run: pip install --require-hashes -r requirements/dev.txt")
    urls = sorted(set(urls))
    command = [
        program,
        "--stdin",
        "--recursion-level=0",
        "--check-extern",
        "--output=csv",
        "--no-status",
        f"--timeout={timeout}",
    ]
    try:
        result = subprocess.run(
            command,
            input="\n".join(urls),
            capture_output=True,
            text=True,
            timeout=timeout * max(1, len(urls)) + 60,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CheckerError(f"LinkChecker did not finish within {exc.timeout:g} seconds") from None
    # 0: every link valid; 1: some link invalid or with a warning; anything else: it failed.
    if result.returncode not in (0, 1):
        raise CheckerError(f"LinkChecker failed (exit {result.returncode}): {result.stderr.strip()[-500:]}")
    return result.stdout


def moved(original: str, final: str) -> bool:
    """True when a redirect leads to another host or another path (not just https, www. or a trailing slash)."""
    a, b = urlsplit(original), urlsplit(final)

    def host(parts) -> str:
        name = (parts.hostname or "").lower()
        return name.removeprefix("www.")

    return host(a) != host(b) or a.path.rstrip("/") != b.path.rstrip("/") or a.query != b.query


def findings(report: str, citations: Mapping[str, list[Citation]]) -> list[Finding]:
    """The broken and moved links in LinkChecker's CSV report, in the order of the first file and line citing them."""
    rows = csv.DictReader((line for line in report.splitlines() if line and not line.startswith("#")), delimiter=";")
    found = []
    for row in rows:
        original, final = row.get("urlname") or "", row.get("url") or ""
        if original not in citations:
            continue
        if row.get("valid") == "False":
            problem = f"answers {row.get('result') or 'with an error'}"
            if final and moved(original, final):
                problem += f" after moving to {final}"
        elif final and moved(original, final):
            problem = f"moved to {final}"
        else:
            continue
        found.append(Finding(original, problem, tuple(citations[original])))
    return sorted(found, key=lambda f: (f.citations[0].file, f.citations[0].line, f.url))


def check(docs_dir: Path, timeout: int = DEFAULT_TIMEOUT, display_dir: str = "docs") -> list[Finding]:
    citations = external_links(docs_dir, display_dir)
    if not citations:
        return []
    return findings(run_linkchecker(citations, timeout), citations)


def where(finding: Finding) -> str:
    return ", ".join(f"{c.file}:{c.line}" for c in finding.citations)


def lines(found: list[Finding]) -> list[str]:
    return [f"{where(f)}: {f.url} {f.problem}; {f.task()}" for f in found]


def markdown(found: list[Finding], today: datetime.date) -> str:
    """The issue's section on sources: a checklist; empty when every link answers where it did."""
    if not found:
        return ""
    rows = [f"- [ ] `{where(f)}`: <{f.url}> {f.problem}: {f.task()}." for f in found]
    return "\n".join(
        [
            "## Sources that moved or vanished",
            "",
            f"The weekly link check (hooks/linkcheck.py, with LinkChecker) found these on {today}. "
            "A source that moved may no longer say what the article cites.",
            "",
            *rows,
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check every external link in docs/ for 404s and moved pages.")
    parser.add_argument("--markdown", action="store_true", help="print the scheduled issue's section")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, metavar="SECONDS", help="per link")
    args = parser.parse_args(argv)
    try:
        found = check(PROJECT_ROOT / "docs", args.timeout)
    except CheckerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.markdown:
        print(markdown(found, datetime.date.today()), end="")
    else:
        print("\n".join(lines(found) or ["Every external link answers where it did."]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
