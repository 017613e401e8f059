"""Crisis lines from data/crisis.yml: one file read by the crisis box, the crisis page and the macros."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import checking
import clock
import rules
import schemas
import strings
import yamlfile
from render import render_template

CRISIS_FILE = Path(__file__).resolve().parent.parent / "data" / "crisis.yml"


def check(path: Path = CRISIS_FILE, display_path: str | None = None) -> tuple[dict | None, list[yamlfile.Problem]]:
    """The crisis data as the templates use it, or None, and every problem in the file.

    The shape is data/crisis.yml's spec in hooks/schemas.py; the rule that 9-8-8
    and 911 are present is in hooks/rules.py.
    """
    display = display_path or yamlfile.display_path(Path(path))
    root, problems = yamlfile.read_yaml(path, display, "crisis lines")
    if problems:
        return None, problems
    checker = checking.Checker(display)
    top = checker.check_file(schemas.crisis(), root)
    if "lines" in top.rows:
        rules.emergency_numbers(top.rows["lines"], checker.report, top.lines["lines"])
    if checker.problems:
        return None, sorted(checker.problems, key=lambda p: p.line)
    data = top.values
    # Each line keeps the line of its verified_on, which the notice that its check is due names.
    data["lines"] = [
        {"tel": "", "sms": "", **line, "line": row.lines["verified_on"]}
        for line, row in zip(data["lines"], top.rows["lines"], strict=True)
    ]
    return data, []


def load(path: Path = CRISIS_FILE) -> dict:
    """The checked crisis data; raise yamlfile.DataError (a ValueError) listing every problem."""
    data, problems = check(path)
    if problems:
        raise yamlfile.DataError(problems, "the crisis lines")
    return data


def check_due(line: dict, data: dict) -> date:
    """The last day `line`'s check counts: review_every_days after its own verified_on."""
    return line["verified_on"] + timedelta(days=data["review_every_days"])


def overdue(data: dict, today: date | None = None) -> list[dict]:
    """The lines whose check is overdue on `today` (the build's day unless given)."""
    today = today or clock.today()
    return [line for line in data["lines"] if today > check_due(line, data)]


def localized(data: dict, language: str) -> dict:
    """The crisis data as pages in `language` show it: each line's French fields on French pages.

    A line's `source_lang` is the language of the page its source links to: a French page
    links the English source, marked as English, when the line has no source_fr.
    """
    if language != "fr":
        lines = [
            {**line, "source_lang": "en", "verified_text": strings.long_date(line["verified_on"], language)}
            for line in data["lines"]
        ]
        return {**data, "lines": lines}
    lines = [
        {
            **line,
            "verified_text": strings.long_date(line["verified_on"], language),
            "name": line["name_fr"],
            "action": line["action_fr"],
            "hours": line["hours_fr"],
            "for": line["for_fr"],
            "source": line.get("source_fr") or line["source"],
            "source_lang": "fr" if line.get("source_fr") else "en",
        }
        for line in data["lines"]
    ]
    return {**data, "lines": lines}


def summary_html(data: dict, page_url: str, language: str = strings.DEFAULT) -> str:
    """The short crisis box for an article; `data` is localized()'s result (config.extra.crisis in a build)."""
    return render_template("crisis-summary.html", page_url, language, crisis=data)


def lines_html(data: dict, page_url: str, language: str = strings.DEFAULT) -> str:
    """Every crisis line, for the crisis page."""
    return render_template("crisis-lines.html", page_url, language, crisis=data)
