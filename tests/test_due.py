"""hooks/due.py: what falls due within 30 days of a given day, for the weekly issue."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import check
import due
from support import ROOT
from support.fixture_project import ARTICLE

TODAY = datetime.date(2026, 11, 28)


@pytest.fixture
def project(tmp_path) -> Path:
    """Four articles (due overdue, in 10 days, in 30 days, in 31 days) and crisis lines due in 20 days."""
    docs = tmp_path / "docs"
    (docs / "about").mkdir(parents=True)
    pages = {
        "overdue.md": "last_reviewed: 2025-11-01",
        "soon.md": "last_reviewed: 2026-11-01\nnext_review: 2026-12-08",
        "about/edge.md": "last_reviewed: 2025-12-28",
        "later.md": "last_reviewed: 2025-12-29",
    }
    for name, dates in pages.items():
        (docs / name).write_text(ARTICLE.replace("last_reviewed: 2026-11-01", dates), encoding="utf-8")
    (docs / "broken.md").write_text("# No front matter: the check command reports it\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    crisis = (ROOT / "data" / "crisis.yml").read_text(encoding="utf-8")
    verified = next(line for line in crisis.splitlines() if line.startswith("verified_on:"))
    every = next(line for line in crisis.splitlines() if line.startswith("review_every_days:"))
    crisis = crisis.replace(verified, "verified_on: 2026-06-01").replace(every, "review_every_days: 200")
    (tmp_path / "data" / "crisis.yml").write_text(crisis, encoding="utf-8")
    return tmp_path


def test_lists_what_falls_due_within_30_days_earliest_first(project):
    items, errors = due.due_within(project, TODAY, 30)
    assert errors == []
    assert due.lines(items, TODAY) == [
        "2026-11-01 (overdue by 27 days): docs/overdue.md: review the page (last reviewed on 2025-11-01), "
        "then update last_reviewed",
        "2026-12-08 (in 10 days): docs/soon.md: review the page (last reviewed on 2026-11-01), then update last_reviewed",
        "2026-12-18 (in 20 days): data/crisis.yml: check every crisis number against its source, then update "
        "verified_on",
        "2026-12-28 (in 30 days): docs/about/edge.md: review the page (last reviewed on 2025-12-28), "
        "then update last_reviewed",
    ]


def test_the_window_is_a_parameter(project):
    items, _ = due.due_within(project, TODAY, 0)
    assert [item.what for item in items] == ["docs/overdue.md"]
    items, _ = due.due_within(project, TODAY, 31)
    assert [item.what for item in items][-1] == "docs/later.md"


def test_the_issue_body_is_a_checklist_and_empty_when_nothing_is_due(project):
    items, _ = due.due_within(project, TODAY, 30)
    body = due.markdown(items, TODAY, 30)
    assert body.startswith("What falls due by 2026-12-28, as checked on 2026-11-28.")
    assert body.count("\n- [ ] ") == 4
    assert "- [ ] **2026-12-18 (in 20 days)** `data/crisis.yml`: check every crisis number" in body
    assert due.markdown([], TODAY, 30) == ""


def test_availability_falls_due_60_days_after_it_was_confirmed(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "docs" / "assets")
    items, errors = due.due_within(tmp_path, datetime.date(2026, 11, 28), 0, [due.availability_confirmations])
    assert errors == []
    assert {item.text().split(" whether")[0] for item in items} == {"ask Noah Abebe", "ask Fatima Haidari"}
    assert all(item.what.startswith("data/therapists.yml:") for item in items)


def test_a_new_source_is_one_function(project):
    def stale_availability(root: Path) -> list[due.Due]:
        return [due.Due(datetime.date(2026, 12, 1), "data/therapists.yml", "confirm who is accepting new clients")]

    items, errors = due.due_within(project, TODAY, 5, (*due.SOURCES, stale_availability))
    assert errors == []
    assert [item.what for item in items] == ["docs/overdue.md", "data/therapists.yml"]


def test_a_file_that_cannot_be_read_is_reported_and_the_rest_still_listed(project):
    (project / "data" / "crisis.yml").write_text("lines: [\n", encoding="utf-8")
    items, errors = due.due_within(project, TODAY, 30)
    (error,) = errors
    assert error.startswith("crisis_check: ") and "data/crisis.yml" in error
    assert [item.what for item in items] == ["docs/overdue.md", "docs/soon.md", "docs/about/edge.md"]


def test_the_command_runs_on_the_project_and_exits_0(tmp_path):
    # The scheduled workflow runs this exact command; a fixed --today keeps the answer known.
    project = tmp_path / "project"
    for folder in ("hooks", "data", "docs"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    command = [sys.executable, "hooks/due.py", "--within", "30", "--today", "2026-11-28", "--markdown"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    # The sample articles were all reviewed in November 2026; the sample roster has therapists whose
    # availability is stale on purpose (confirmed 2026-08-31 and 2026-09-04) and others confirmed since.
    assert "docs/" not in result.stdout
    assert "ask `Noah Abebe`" in result.stdout and "ask `Fatima Haidari`" in result.stdout, result.stdout
    command[5] = "2027-11-20"
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and "`docs/faq.md`" in result.stdout, result.stdout + result.stderr


HOSTILE = [
    "@octocat and @toronto-psychotherapy-group/web-maintainers",
    "[a link](https://evil.example/) <https://evil.example/> https://evil.example/",
    '<img src=x onerror="alert(1)"> <!-- comment',
    "#1 and GH-2 and owner/repo#3",
    "a`b``c",
    "`",
    "x\n\n# A heading\n- [x] @all",
    "*bold* _it_ ~~gone~~ | table |",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_the_issue_body_shows_file_names_and_data_only_inside_code(value):
    import html
    import re

    import markdown

    item = due.Due(TODAY, f"docs/{value}.md", "ask {} whether they are accepting new clients", (value,))
    body = due.markdown([item], TODAY, 30)
    rendered = markdown.markdown(body)
    codes = [html.unescape(c) for c in re.findall(r"<code>(.*?)</code>", rendered, re.S)]
    # Each value is one code span, whole, on one line (a line break would start a new Markdown block).
    assert codes == [f"docs/{value}.md".replace("\n", "\\u000a"), value.replace("\n", "\\u000a")]
    outside = re.sub(r"<code>.*?</code>", "", rendered, flags=re.S)
    for trace in ("@", "evil", "<img", "<a ", "#1", "<h1", "<em>", "<strong>bold"):
        assert trace not in outside, outside
    assert "\n- [ ] " not in body.split("\n- [ ] ", 1)[1]


def test_the_terminal_list_shows_values_without_control_characters():
    item = due.Due(TODAY, "docs/a\x1b[31m.md", "ask {} whether", ("Jane\nDoe",))
    assert due.lines([item], TODAY) == ["2026-11-28 (today): docs/a\\u001b[31m.md: ask Jane\\u000aDoe whether"]


def test_a_french_page_reviewed_before_its_english_page_changed_needs_a_french_rereview(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {
        "changed.md": "last_reviewed: 2026-11-20",
        "changed.fr.md": "last_reviewed: 2026-10-01",
        "same.md": "last_reviewed: 2026-11-20",
        "same.fr.md": "last_reviewed: 2026-11-20",
        "newer.md": "last_reviewed: 2026-10-01",
        "newer.fr.md": "last_reviewed: 2026-11-20",
    }
    for name, dates in pages.items():
        (docs / name).write_text(ARTICLE.replace("last_reviewed: 2026-11-01", dates), encoding="utf-8")
    items, errors = due.due_within(tmp_path, TODAY, 0, [due.french_rereviews])
    assert errors == []
    assert due.lines(items, TODAY) == [
        "2026-11-20 (overdue by 8 days): docs/changed.fr.md: check the French page against docs/changed.md "
        "(reviewed on 2026-11-20), then update last_reviewed"
    ]
    # The build and the check command say so too, as a notice that never fails them.
    (notice,) = check.french_review_notices(docs, "docs")
    assert notice.startswith("docs/changed.fr.md: needs a French re-review: last reviewed on 2026-10-01, before its")
