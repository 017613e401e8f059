"""A fixture site's review lines: a reviewer who has left stays named, and a page past its review says so.

Neither fails `mkdocs build --strict`: an overdue review must never block an urgent fix.
"""

from __future__ import annotations

import re
import subprocess
import sys

from strings import long_date
from support import REVIEWED
from support.fixture_project import ARTICLE, BASE_NAV, build
from support.rosters import GOOD_ENTRY
from support.sitefiles import read_page

ROSTER = "therapists:\n" + GOOD_ENTRY + "  - id: liam-oconnor\n    name: Liam O'Connor\n    former: true\n"
PAGES = {
    "left.md": ARTICLE.replace("reviewed_by: jane-doe", "reviewed_by: liam-oconnor"),
    "overdue.md": ARTICLE.replace(f"last_reviewed: {REVIEWED}", "last_reviewed: 2024-03-15"),
    "set-date.md": ARTICLE.replace(f"last_reviewed: {REVIEWED}", "last_reviewed: 2024-03-15\nnext_review: 2024-09-01"),
}
DUE_NOTE = "This page is due for its next review"


def test_review_lines_keep_the_record_and_say_when_a_review_is_due(tmp_path):
    result, out = build(tmp_path, PAGES, BASE_NAV + list(PAGES), ROSTER)
    assert result.returncode == 0, result.stdout + result.stderr

    left = read_page(out / "left" / "index.html")
    line = re.sub(r"\s+", " ", left.text)
    assert f"Reviewed on {long_date(REVIEWED, 'en')} by Liam O'Connor, who has since left the practice." in line
    assert "Last reviewed" not in line and DUE_NOTE not in line
    assert "../therapists/liam-oconnor/" in left.links

    current = re.sub(r"\s+", " ", read_page(out / "about-therapy" / "index.html").text)
    assert f"Last reviewed on {long_date(REVIEWED, 'en')} by Jane Doe." in current
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
