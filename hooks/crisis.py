"""Crisis lines from data/crisis.yml: one file read by the crisis box, the crisis page and the macros."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from render import render_template

CRISIS_FILE = Path(__file__).resolve().parent.parent / "data" / "crisis.yml"
REQUIRED = ("name", "action", "hours", "for", "source")
# The source becomes a link on the crisis page: a javascript: or data: address would run there.
WEB_ADDRESS_RE = re.compile(r"^https://[^\s/?#]+\S*$")


def load(path: Path = CRISIS_FILE) -> dict:
    """The crisis data, checked: every line has its fields and a source, and 9-8-8 and 911 are present."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    problems = []
    if not isinstance(data.get("verified_on"), date):
        problems.append("verified_on: must be a date like 2026-11-26")
    for number, line in enumerate(data.get("lines") or [], start=1):
        missing = [key for key in REQUIRED if not line.get(key)]
        if missing:
            problems.append(f"line {number} ({line.get('name', '?')}): missing {', '.join(missing)}")
        elif not WEB_ADDRESS_RE.match(str(line["source"])):
            problems.append(f"line {number} ({line['name']}): source: must be a web address starting with https://")
        line.setdefault("tel", "")
        line.setdefault("sms", "")
    tels = {line.get("tel") for line in data.get("lines") or []}
    if not {"988", "911"} <= tels:
        problems.append('the lines must include 9-8-8 (tel: "988") and 911 (tel: "911")')
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return data


def overdue(data: dict, today: date | None = None) -> bool:
    """True when the numbers are due to be checked again."""
    today = today or date.today()
    return today - data["verified_on"] > timedelta(days=data["review_every_days"])


def summary_html(data: dict, page_url: str) -> str:
    """The short crisis box for an article; `data` is load()'s result (config.extra.crisis in a build)."""
    return render_template("crisis-summary.html", page_url, crisis=data)


def lines_html(data: dict, page_url: str) -> str:
    """Every crisis line, for the crisis page."""
    return render_template("crisis-lines.html", page_url, crisis=data)
