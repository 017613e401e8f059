"""Small fixture sites built with the real configuration: mistakes must fail the build, clearly."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from strings import long_date
from support import CONFIRMED, REVIEWED, ROOT
from support.builds import build_site
from support.fixture_project import ARTICLE, BASE_NAV, build, make_project
from support.rosters import GOOD_ENTRY
from support.sitefiles import html_pages, read_page


def test_fixture_project_builds(tmp_path):
    result, out = build(tmp_path, {"article.md": ARTICLE}, BASE_NAV + ["article.md"])
    assert result.returncode == 0, result.stdout + result.stderr
    checked = _check_command(tmp_path / "project")
    assert checked.returncode == 0 and checked.stdout.startswith("OK: 1 current"), checked.stdout + checked.stderr
    page = read_page(out / "article" / "index.html")
    assert f"Last reviewed on {long_date(REVIEWED, 'en')} by Jane Doe" in page.text


def test_broken_internal_link_fails_the_build(tmp_path):
    broken = ARTICLE.replace("Some text.", "See [this](no-such-page.md).")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr and "not found" in result.stderr


def test_broken_anchor_fails_the_build(tmp_path):
    broken = ARTICLE.replace("Some text.", "See [this](crisis.md#no-such-heading).")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "no-such-heading" in result.stderr


def test_page_missing_from_nav_fails_the_build(tmp_path):
    result, _ = build(tmp_path, {"article.md": ARTICLE}, BASE_NAV)
    assert result.returncode != 0
    assert 'not included in the "nav"' in result.stderr and "article.md" in result.stderr


def test_unknown_macro_fails_the_build(tmp_path):
    broken = ARTICLE.replace("Some text.", "Some text. {{ therapist_offering('CBT') }}")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "therapist_offering" in result.stdout + result.stderr


def test_unknown_reviewer_fails_the_build(tmp_path):
    broken = ARTICLE.replace("reviewed_by: jane-doe", "reviewed_by: nobody-here")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "docs/article.md:4: reviewed_by: 'nobody-here' is not in the roster" in result.stderr


def test_bad_roster_fails_with_every_message_and_no_traceback(tmp_path):
    bad = "therapists:\n" + GOOD_ENTRY.replace("[English, French]", "[English, Frnech]").replace(
        'number: "001234"', "number: 001234"
    )
    result, out = build(tmp_path, roster=bad)
    assert result.returncode != 0
    assert (
        "data/therapists.yml:10: therapist 'jane-doe': languages: 'Frnech' is not allowed (did you mean 'French'?)"
        in result.stderr
    )
    assert (
        "data/therapists.yml:8: therapist 'jane-doe': registration.number: '001234' is read by YAML as a number"
        in result.stderr
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert not html_pages(out), "a failed build must not leave half a site"


def test_roster_file_comes_from_the_environment(tmp_path):
    sam = "therapists:\n" + GOOD_ENTRY.replace("jane-doe", "sam-lee").replace("Jane Doe", "Sam Lee")
    project = make_project(tmp_path, {}, BASE_NAV, roster=sam)
    other = tmp_path / "other.yml"
    john = GOOD_ENTRY.replace("jane-doe", "john-roe").replace("Jane Doe", "John Roe")
    other.write_text("therapists:\n" + GOOD_ENTRY + john, encoding="utf-8")
    result = build_site(tmp_path / "out", project=project, roster=other)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "therapists" / "john-roe" / "index.html").exists()
    assert not (tmp_path / "out" / "therapists" / "sam-lee").exists()


PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "{{ 7*7 }}",
    "{% if true %}x{% endif %}",
    'O\'Neil & "Co"',
]


def test_injection_payloads_appear_only_as_text(tmp_path):
    payload = " ".join(PAYLOADS)
    quoted = json.dumps(payload)
    name = " ".join(PAYLOADS[:3])  # names are limited to 100 characters
    entry = textwrap.dedent(f"""\
      - id: evil-entry
        name: {json.dumps(name)}
        pronouns: {quoted}
        credentials: [{quoted}, RP]
        registration:
          college: CRPO
          number: "123456"
          status: RP (Qualifying)
          supervisor: {json.dumps(name)}
        languages: [English]
        areas_of_practice: [Anxiety]
        approaches: [CBT]
        clients: [Adults]
        formats: [In person, Video]
        offices: [spadina]
        gender_identity: {json.dumps(name)}
        fees:
          individual: 150
          sliding_scale: true
        fee_note: {quoted}
        availability: accepting
        availability_confirmed_on: {CONFIRMED}
        booking_url: 'https://booking.example.org/x"onmouseover="alert(3)'
        contact_url: mailto:evil@example.org
        photo: assets/therapists/evil-entry.webp
        photo_alt: {quoted}
        bio: |
          {payload}

          [click me](javascript:alert(4)) and ![img](https://evil.example.org/x.png)

          <div onclick="alert(5)">raw block</div>
    """)
    # The fixture articles' reviewer, jane-doe, comes second.
    roster = "therapists:\n" + textwrap.indent(entry, "  ") + GOOD_ENTRY
    project = make_project(tmp_path, {}, BASE_NAV, roster)
    shutil.copy(
        ROOT / "tests" / "fixtures" / "photos" / "square.webp", project / "docs/assets/therapists/evil-entry.webp"
    )
    # The practice's details reach every page's footer, the contact page and its JSON-LD.
    practice_file = project / "data" / "practice.yml"
    practice_text = practice_file.read_text(encoding="utf-8")
    for field in ("access_note", "transit", "hours"):
        practice_text = re.sub(rf"(?m)^(    {field}): .*$", rf"\1: {json.dumps(payload)}", practice_text)
    practice_text = practice_text.replace("name: Spadina office", f"name: {json.dumps(name)}")
    practice_text = practice_text.replace("provider: Example Booking", f"provider: {json.dumps(name)}")
    practice_file.write_text(practice_text, encoding="utf-8")
    (project / "docs" / "about").mkdir()
    (project / "docs" / "about" / "contact.md").write_text(
        f"---\ndescription: Contact.\nlast_reviewed: {REVIEWED}\nuntranslated: true\n---\n# Contact\n\nCall us.\n\n{{{{ practice_contact() }}}}\n",
        encoding="utf-8",
    )
    (project / "docs" / "about" / "privacy.md").write_text(
        f"---\ndescription: Privacy.\nlast_reviewed: {REVIEWED}\nuntranslated: true\n---\n# Privacy\n\nWe do not keep what you read. We use no cookies. You can ask us what we hold.\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  - about/contact.md\n  - about/privacy.md\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = build_site(out, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    profile = read_page(out / "therapists" / "evil-entry" / "index.html")
    contact = read_page(out / "about" / "contact" / "index.html")
    for text in PAYLOADS:
        assert text in profile.text, text
        assert text in contact.text, text
    assert f"supervised by {name}" in profile.text and name in read_page(out / "index.html").text
    assert "49" not in profile.text
    assert profile.title.startswith(name)
    for page_path in html_pages(out):
        page = read_page(page_path)
        assert not any("alert(" in script for script in page.scripts), page_path
        handlers = [(tag, name) for tag, name, value in page.attributes if name.startswith("on")]
        assert not handlers, (page_path, handlers)
        assert not any(value.lower().startswith("javascript:") for _, _, value in page.attributes), page_path
        assert "evil.example.org" not in page.html, page_path
    public = json.loads((out / "therapists.json").read_text(encoding="utf-8"))["therapists"][0]
    assert public["pronouns"] == payload and public["name"] == name
    card_html = json.loads((out / "therapists" / "directory.json").read_text())["therapists"][0]["html"]
    assert "<script>" not in card_html and "&lt;script&gt;" in card_html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', profile.html, re.S).group(1)
    assert "</script" not in ld.lower() and json.loads(ld)["mainEntity"]["name"] == name
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', contact.html, re.S).group(1)
    assert "</script" not in ld.lower() and json.loads(ld)["address"][0]["name"] == name


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path):
    project = make_project(tmp_path, {"article.md": ARTICLE}, BASE_NAV + ["article.md"])
    out = tmp_path / "out"
    assert build_site(out, project=project).returncode == 0
    (out / ".keep").write_text("MkDocs never deletes hidden files from the output folder")
    before = _files(out)
    article = project / "docs" / "article.md"

    # Late: --strict fails on a broken link only after every page has been written.
    article.write_text(ARTICLE.replace("Some text.", "Some [text](missing.md)."), encoding="utf-8")
    late = build_site(out, project=project)
    assert late.returncode != 0 and "missing.md" in late.stderr
    assert _files(out) == before

    # Early: a bad roster stops the build before anything is written.
    article.write_text(ARTICLE, encoding="utf-8")
    (project / "data" / "therapists.yml").write_text("therapists: 3\n", encoding="utf-8")
    early = build_site(out, project=project)
    assert early.returncode != 0 and "therapists.yml" in early.stderr
    assert _files(out) == before

    # A build that passes replaces the site, keeps the hidden file, and leaves no folder behind.
    (project / "data" / "therapists.yml").write_text("therapists:\n" + GOOD_ENTRY, encoding="utf-8")
    article.write_text(ARTICLE.replace("Some text.", "Other text."), encoding="utf-8")
    assert build_site(out, project=project).returncode == 0
    assert "Other text." in read_page(out / "article" / "index.html").text
    assert (out / ".keep").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]


def test_every_article_problem_is_listed_with_its_line(tmp_path):
    broken = ARTICLE.replace(f"last_reviewed: {REVIEWED}", "last_reviewed: soon").replace("## Sources", "## Notes")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "docs/article.md:3: last_reviewed: must be a date like 2026-11-26 (no quotes), not 'soon'" in result.stderr
    assert "docs/article.md:14: no '## Sources' heading" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def _check_command(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "hooks/check.py"], cwd=project, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    "mistake",
    [
        ("docs/article.md", "reviewed_by: jane-doe", "reviewed_by: nobody-here"),
        ("docs/article.md", f"last_reviewed: {REVIEWED}", "last_reviewed: 2999-11-01"),
        ("data/therapists.yml", "[English, French]", "[English, Frnech]"),
    ],
    ids=["reviewer", "future-review", "roster"],
)
def test_the_check_command_reports_what_fails_the_build(tmp_path, mistake):
    project = make_project(tmp_path, {"article.md": ARTICLE}, BASE_NAV + ["article.md"])
    file, old, new = mistake
    text = (project / file).read_text(encoding="utf-8")
    (project / file).write_text(text.replace(old, new), encoding="utf-8")

    checked = _check_command(project)
    built = build_site(tmp_path / "out", project=project)

    assert checked.returncode != 0 and built.returncode != 0
    problems = [line.removeprefix("warning: ") for line in checked.stdout.splitlines()]
    problems = [line for line in problems if line.startswith(f"{file}:")]
    assert problems and all(line in built.stderr for line in problems), (checked.stdout, built.stderr)
    assert "Traceback" not in checked.stdout + checked.stderr


def test_a_crisis_line_due_for_its_check_is_a_notice_that_never_fails_the_strict_build(tmp_path):
    """An overdue check must not hold back an urgent fix: the build and the check name the one line, and pass."""
    project = make_project(tmp_path, {}, BASE_NAV)
    crisis_file = project / "data" / "crisis.yml"
    text = crisis_file.read_text(encoding="utf-8")
    first = re.search(r"(?m)^    verified_on: .*$", text)
    crisis_file.write_text(
        text[: first.start()] + "    verified_on: 2020-01-01" + text[first.end() :], encoding="utf-8"
    )
    line = text.count("\n", 0, first.start()) + 1
    name = re.findall(r"(?m)^  - name: (.*)$", text[: first.start()])[-1]

    checked = _check_command(project)
    built = build_site(tmp_path / "out", project=project)

    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + built.stderr
    notice = f"data/crisis.yml:{line}: crisis line '{name}': verified_on: last checked on 2020-01-01"
    assert f"notice: {notice}" in checked.stdout
    (logged,) = [entry for entry in built.stderr.splitlines() if notice in entry]
    assert logged.startswith("INFO")
    # Only that line is due: each line has its own check date.
    assert checked.stdout.count("data/crisis.yml:") == 1
