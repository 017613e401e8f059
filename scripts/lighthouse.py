"""Lighthouse scores for the home page, an article, the directory and a profile.

Usage: PYTHONPATH=hooks:tests .venv/bin/python scripts/lighthouse.py [--desktop]
(hooks/ for the roster, tests/ for the shared site server in tests/support/)

Builds the site into a temporary folder, serves it on 127.0.0.1, and runs
Lighthouse with Debian's chromium on each page (Lighthouse's default
phone emulation and simulated slow network, or its desktop preset with
--desktop). Prints the four category scores, writes the full reports to
reports/lighthouse/, and exits 1 if a page misses its target: 100 for
accessibility, best practices and SEO, 95 for performance.

Lighthouse is not in package.json, because `npm ci` runs before every test run;
it is installed here, on first use, into .cache/lighthouse/, with `npm ci` from its
own lock (scripts/lighthouse-npm/): every package at its locked version and hash.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import roster
from support import ROOT
from support.siteserver import built_site, serve, site_mount, template_pages

LOCKED = ROOT / "scripts" / "lighthouse-npm"
LOCK_FILES = ("package.json", "package-lock.json")
CACHE = ROOT / ".cache" / "lighthouse"
REPORTS = ROOT / "reports" / "lighthouse"
PAGES = ("home", "article", "directory", "profile")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-dev-shm-usage"


def lighthouse() -> Path:
    """The lighthouse command, installed into .cache/lighthouse/ from the committed lock unless already there."""
    command = CACHE / "node_modules" / ".bin" / "lighthouse"
    current = all(
        (CACHE / name).is_file() and (CACHE / name).read_bytes() == (LOCKED / name).read_bytes() for name in LOCK_FILES
    )
    if not (current and command.exists()):
        print(f"Installing Lighthouse into {CACHE.relative_to(ROOT)}/ from {LOCKED.relative_to(ROOT)}/ ...", flush=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        for name in LOCK_FILES:
            (CACHE / name).write_bytes((LOCKED / name).read_bytes())
        # npm ci installs exactly the lock and fails on any file whose integrity hash differs.
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=CACHE, check=True)
    return command


def audit(command: Path, url: str, name: str, desktop: bool) -> dict:
    """Run Lighthouse on one URL; return its JSON report."""
    output = REPORTS / name
    args = [str(command), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--output=json", "--output=html",
            f"--output-path={output}"]  # fmt: skip
    if desktop:
        args.append("--preset=desktop")
    subprocess.run(args, check=True, env={"CHROME_PATH": "/usr/bin/chromium", **os.environ})
    return json.loads(output.with_suffix(".report.json").read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset instead of a phone")
    desktop = parser.parse_args().desktop

    command = lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)  # Lighthouse will not create it
    pages = template_pages(roster.load_and_validate())
    misses = []
    print(f"{'page':<10} {'URL':<32} " + " ".join(f"{c:>14}" for c in TARGETS))
    with built_site() as site, serve(site, site_mount()) as base:
        for name in PAGES:
            report = audit(command, base + pages[name], name, desktop)
            scores = {c: round(report["categories"][c]["score"] * 100) for c in TARGETS}
            print(f"{name:<10} {'/' + pages[name]:<32} " + " ".join(f"{scores[c]:>14}" for c in TARGETS), flush=True)
            for category, score in scores.items():
                if score < TARGETS[category]:
                    failed = [
                        ref["id"]
                        for ref in report["categories"][category]["auditRefs"]
                        if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
                    ]
                    misses.append(f"{name}: {category} {score} < {TARGETS[category]}; audits below 1: {failed}")
    print(f"\nFull reports: {REPORTS.relative_to(ROOT)}/<page>.report.html")
    if misses:
        print("\nBelow target:\n" + "\n".join(misses))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
