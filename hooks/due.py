"""What falls due soon: article reviews and the crisis lines' check, listed before they are late.

    python hooks/due.py [--within DAYS] [--today YYYY-MM-DD] [--markdown]

prints one line per item due within DAYS (default 30) of today, overdue ones
included, earliest first; with --markdown, the body of the issue that the
weekly workflow (.github/workflows/scheduled-checks.yml) opens or updates, and
nothing at all when nothing is due. It exits 1 only when a data file cannot be
read (the pull-request checks report why).

Each kind of due item comes from one small function in SOURCES, which takes the
project folder and returns Due items. To add one, write
`def something(root: Path) -> list[Due]` and add it to SOURCES; the command,
the issue and the tests of the others need no change.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import articles
import availability
import crisis
import roster
from yamlfile import show_line

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WITHIN = 30


@dataclass(frozen=True, order=True)
class Due:
    when: datetime.date  # the day it falls due; earlier than today means overdue
    what: str  # the file it concerns, as an editor opens it: "docs/faq.md"
    task: str  # what to do, one sentence starting with a verb; "{}" where each of `values` goes
    values: tuple[str, ...] = ()  # text from the data files (a therapist's name), kept apart to be escaped

    def text(self) -> str:
        """The task for a terminal: values as they are, but never a control character."""
        return show_line(self.task.format(*self.values))


def article_reviews(root: Path) -> list[Due]:
    """Every article's next review (hooks/articles.py: next_review, or REVIEW_MAX_MONTHS after last_reviewed)."""
    return [
        Due(due, f"docs/{name}", f"review the page (last reviewed on {last}), then update last_reviewed")
        for name, last, due in articles.review_dates(root / "docs")
    ]


def crisis_check(root: Path) -> list[Due]:
    """The day the crisis lines must be checked again; after it, `mkdocs build --strict` fails."""
    data = crisis.load(root / "data" / "crisis.yml")
    when = data["verified_on"] + datetime.timedelta(days=data["review_every_days"])
    return [Due(when, "data/crisis.yml", "check every crisis number against its source, then update verified_on")]


def availability_confirmations(root: Path) -> list[Due]:
    """The day each current therapist's availability goes stale (hooks/availability.py); a project with no roster has none."""
    data = root / "data"
    if not (data / "therapists.yml").exists():
        return []
    taxonomy = roster.load_taxonomy(data / "taxonomy.yml", display_path="data/taxonomy.yml")
    listed = roster.load_and_validate(
        data / "therapists.yml", taxonomy=taxonomy, docs_dir=root / "docs", display_path="data/therapists.yml"
    )
    return [
        Due(
            availability.confirm_by(t),
            f"data/therapists.yml:{t.line}",
            "ask {} whether they are accepting new clients, then update availability and availability_confirmed_on",
            (t.name,),
        )
        for t in listed.therapists
    ]


def french_rereviews(root: Path) -> list[Due]:
    """Each French page reviewed before its English page last changed: due since that change."""
    return [
        Due(
            english_last,
            f"docs/{name}",
            f"check the French page against docs/{articles.english_name(name)} (reviewed on {english_last}), "
            "then update last_reviewed",
        )
        for name, _, english_last in articles.french_behind(root / "docs")
    ]


SOURCES: tuple[Callable[[Path], Iterable[Due]], ...] = (
    article_reviews,
    crisis_check,
    availability_confirmations,
    french_rereviews,
)


def due_within(
    root: Path, today: datetime.date, days: int, sources: Iterable[Callable[[Path], Iterable[Due]]] = SOURCES
) -> tuple[list[Due], list[str]]:
    """The items due by `today` + `days`, earliest first, and one message per source that could not be read."""
    items, errors = [], []
    for source in sources:
        try:
            items += source(root)
        except (OSError, ValueError) as exc:
            # DataError (a ValueError) lists every problem of a data file; the check command names their lines.
            errors.append(f"{source.__name__}: {exc}")
    horizon = today + datetime.timedelta(days=days)
    return sorted(item for item in items if item.when <= horizon), errors


def when_text(item: Due, today: datetime.date) -> str:
    days = (item.when - today).days
    if days < 0:
        return f"{item.when} (overdue by {-days} day{'s' if days != -1 else ''})"
    if days == 0:
        return f"{item.when} (today)"
    return f"{item.when} (in {days} day{'s' if days != 1 else ''})"


def lines(items: list[Due], today: datetime.date) -> list[str]:
    return [f"{when_text(item, today)}: {show_line(item.what)}: {item.text()}" for item in items]


def code_span(value: str) -> str:
    """`value` as a Markdown code span, whatever it contains.

    GitHub turns @name into a mention (a notification), #12 into a link and any
    web address into a link, in text but never inside code; so every file name and
    data value in the issue goes into a code span, fenced with one more backtick
    than the longest run inside it, and on one line so it cannot start a new block.
    """
    value = show_line(value)
    longest = max((len(run) for run in re.findall("`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith(("`", " ")) or value.endswith(("`", " ")) else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def markdown(items: list[Due], today: datetime.date, days: int) -> str:
    """The issue body: a checklist, earliest first; empty when nothing is due."""
    if not items:
        return ""
    rows = [
        f"- [ ] **{when_text(item, today)}** {code_span(item.what)}: {item.task.format(*map(code_span, item.values))}."
        for item in items
    ]
    return "\n".join(
        [
            f"What falls due by {today + datetime.timedelta(days=days)}, as checked on {today}. "
            "This list is rewritten every week by the scheduled checks (hooks/due.py); "
            "an item leaves it once its file has a new date on main.",
            "",
            *rows,
            "",
            'How to review a page, and the review interval: CONTRIBUTING.md, section "Reviews". '
            "An overdue review never blocks a build; the page shows that its review is due. "
            "Crisis lines past their check do fail the build.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List what falls due soon: article reviews and the crisis lines.")
    parser.add_argument("--within", type=int, default=DEFAULT_WITHIN, metavar="DAYS")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--markdown", action="store_true", help="print the scheduled issue's body")
    args = parser.parse_args(argv)
    items, errors = due_within(PROJECT_ROOT, args.today, args.within)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if args.markdown:
        print(markdown(items, args.today, args.within), end="")
    else:
        print("\n".join(lines(items, args.today) or [f"Nothing falls due within {args.within} days."]))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
