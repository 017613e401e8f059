"""A fixture site's review lines: a reviewer who has left stays named, and a page past its review says so.

Neither fails `mkdocs build --strict`: an overdue review must never block an urgent fix.
"""

from __future__ import annotations

import re
import subprocess
import sys

from support.fixture_project import ARTICLE, BASE_NAV, build
from support.rosters import GOOD_ENTRY
from support.sitefiles import read_page

ROSTER = "therapists:\n" + GOOD_ENTRY + "  - id: liam-oconnor\n    name: Liam O'Connor\n    former: true\n"
PAGES = {
    "left.md": ARTICLE.replace("reviewed_by: jane-doe", "reviewed_by: liam-oconnor"),
    "overdue.md": ARTICLE.replace("last_reviewed: 2026-11-01", "last_reviewed: 2024-03-15"),
    "set-date.md": ARTICLE.replace("last_reviewed: 2026-11-01", "last_reviewed: 2024-03-15\nnext_review: 2024-09-01"),
}
DUE_NOTE = "This page is due for its next review"


def test_review_lines_keep_the_record_and_say_when_a_review_is_due(tmp_path):
    result, out = build(tmp_path, PAGES, BASE_NAV + list(PAGES), ROSTER)
    assert result.returncode == 0, result.stdout + result.stderr

    left = read_page(out / "left" / "index.html")
    line = re.sub(r"\s+", " ", left.text)
    assert "Reviewed on November 1, 2026 by Liam O'Connor, who has since left the practice;" in line
    assert "Last reviewed" not in line and DUE_NOTE not in line
    assert "../therapists/liam-oconnor/" in left.links

    current = re.sub(r"\s+", " ", read_page(out / "about-therapy" / "index.html").text)
    assert "Last reviewed on November 1, 2026 by Jane Doe;" in current
    assert "who has since left" not in current and DUE_NOTE not in current

    for name in ("overdue", "set-date"):
        assert DUE_NOTE in read_page(out / name / "index.html").text, name

    # The build says so too, at INFO: --strict passed above.
    assert re.search(
        r"INFO +- +docs/overdue\.md: review due since 2025-03-15 \(last reviewed on 2024-03-15\)", result.stderr
    ), result.stderr
    assert "docs/set-date.md: review due since 2024-09-01" in result.stderr
    assert "docs/left.md: review due" not in result.stderr

    # So does the check command, and it passes.
    checked = subprocess.run(
        [sys.executable, "hooks/check.py"], cwd=tmp_path / "project", capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "notice: docs/overdue.md: review due since 2025-03-15" in checked.stdout


# Every date here is long past, so what the pages say does not depend on the day the test runs.
FRENCH_ARTICLE = """\
---
description: Un article de test.
last_reviewed: 2024-03-01
reviewed_by: jane-doe
---

# Article de test

Un texte court.[^1]

## Sources

[^1]: Une source. <https://www.crpo.ca/>
"""
CYCLE_PAGES = {
    "default.md": ARTICLE.replace("last_reviewed: 2026-11-01", "last_reviewed: 2024-03-15").replace(
        "untranslated: true\n", ""
    ),
    "default.fr.md": FRENCH_ARTICLE,
    "set-date.md": PAGES["set-date.md"],
}


def test_every_article_says_when_its_next_review_is_due_in_its_own_language(tmp_path):
    result, out = build(tmp_path, CYCLE_PAGES, BASE_NAV + ["default.md", "set-date.md"], ROSTER)
    assert result.returncode == 0, result.stdout + result.stderr

    # Without next_review, the review falls due REVIEW_MAX_MONTHS (12) after last_reviewed.
    english = read_page(out / "default" / "index.html")
    assert "Last reviewed on March 15, 2024 by Jane Doe; next review by March 15, 2025." in english.text
    assert '<time datetime="2025-03-15">' in english.html

    # The French page gives its own dates, the French way (the first of a month is "1er").
    french = read_page(out / "fr" / "default" / "index.html")
    assert "Révisé le 1er mars 2024 par Jane Doe; prochaine révision au plus tard le 1er mars 2025." in french.text
    assert "next review" not in french.text

    # An earlier next_review in the front matter is the date shown.
    chosen = read_page(out / "set-date" / "index.html")
    assert "Last reviewed on March 15, 2024 by Jane Doe; next review by September 1, 2024." in chosen.text


def test_sample_data_is_impossible_to_miss(tmp_path):
    pages = {"left.md": PAGES["left.md"]}
    result, out = build(tmp_path, pages, BASE_NAV + list(pages), "sample: true\n" + ROSTER)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(
        r"INFO +- +data/therapists\.yml: sample: true: the roster \(1 therapist\) and every article's", result.stderr
    )
    for page in ("therapists/index.html", "therapists/jane-doe/index.html", "therapists/language/french/index.html"):
        assert "Sample data: the therapists on this site are fictional examples" in read_page(out / page).text, page
    for page in ("left/index.html", "about-therapy/index.html"):
        assert "Sample data: this reviewer is a fictional example" in read_page(out / page).text, page


def test_a_real_roster_shows_no_sample_notes(tmp_path):
    result, out = build(tmp_path, roster=ROSTER)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sample" not in result.stderr
    for page in ("therapists/index.html", "therapists/jane-doe/index.html", "about-therapy/index.html"):
        assert "Sample data" not in read_page(out / page).text, page
