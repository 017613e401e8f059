"""Small fixture sites built with the real configuration: mistakes must fail the build, clearly."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

from conftest import ROOT, build_site
from sitefiles import html_pages, read_page
from test_roster import GOOD_ENTRY

ARTICLE = """\
---
description: A test article.
last_reviewed: 2026-11-01
reviewed_by: jane-doe
---

# Test article

Some text.[^1]

## Sources

[^1]: A source. <https://www.crpo.ca/>
"""


def make_project(tmp: Path, pages: dict[str, str], nav: list[str], roster: str | None = None) -> Path:
    """A copy of this project's configuration, hooks and theme with only the given docs pages."""
    project = tmp / "project"
    for folder in ("hooks", "overrides", "data", "includes"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "includes").mkdir(exist_ok=True)
    (project / "includes" / "abbreviations.md").touch()
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n" + "".join(f"  - {p}\n" for p in nav)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    base = {
        "index.md": "---\ndescription: Home.\n---\n# Home\n",
        "crisis.md": "---\ndescription: Crisis.\n---\n# Crisis\n\n{{ crisis_lines() }}\n",
        "therapists/index.md": "---\ndescription: Directory.\n---\n# Find a therapist\n\n{{ therapist_directory() }}\n",
        "about-therapy/index.md": "---\ndescription: About.\n---\n# About\n",
        "about-therapy/cost-and-coverage.md": "---\ndescription: Cost.\n---\n# Cost\n",
        "about-therapy/choosing-a-therapist.md": "---\ndescription: Choosing.\n---\n# Choosing\n",
    }
    for name, text in {**base, **pages}.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    (project / "data" / "therapists.yml").write_text(roster or "therapists:\n" + GOOD_ENTRY, encoding="utf-8")
    return project


BASE_NAV = [
    "index.md",
    "crisis.md",
    "therapists/index.md",
    "about-therapy/index.md",
    "about-therapy/cost-and-coverage.md",
    "about-therapy/choosing-a-therapist.md",
]


def build(tmp_path, pages=None, nav=None, roster=None):
    project = make_project(tmp_path, pages or {}, nav if nav is not None else BASE_NAV, roster)
    out = tmp_path / "out"
    return build_site(out, project=project), out


def test_fixture_project_builds(tmp_path):
    result, out = build(tmp_path, {"article.md": ARTICLE}, BASE_NAV + ["article.md"])
    assert result.returncode == 0, result.stdout + result.stderr
    page = read_page(out / "article" / "index.html")
    assert "Last reviewed on November 1, 2026 by Jane Doe" in page.text


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
    broken = ARTICLE.replace("Some text.", "{{ therapist_offering('CBT') }}")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "therapist_offering" in result.stdout + result.stderr


def test_unknown_reviewer_fails_the_build(tmp_path):
    broken = ARTICLE.replace("reviewed_by: jane-doe", "reviewed_by: nobody-here")
    result, _ = build(tmp_path, {"article.md": broken}, BASE_NAV + ["article.md"])
    assert result.returncode != 0
    assert "docs/article.md: reviewed_by: 'nobody-here' is not in the roster" in result.stderr


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
    project = make_project(tmp_path, {}, BASE_NAV)
    other = tmp_path / "other.yml"
    other.write_text(
        "therapists:\n" + GOOD_ENTRY.replace("jane-doe", "john-roe").replace("Jane Doe", "John Roe"), encoding="utf-8"
    )
    result = build_site(tmp_path / "out", project=project, roster=other)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "therapists" / "john-roe" / "index.html").exists()
    assert not (tmp_path / "out" / "therapists" / "jane-doe").exists()


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
          status: {quoted}
        languages: [English]
        specialties: [Anxiety]
        approaches: [CBT]
        clients: [Adults]
        formats: [Video]
        fees:
          individual: 150
          sliding_scale: true
        fee_note: {quoted}
        accepting_new_clients: true
        booking_url: 'https://booking.example.org/x"onmouseover="alert(3)'
        contact_url: mailto:evil@example.org
        photo: assets/therapists/olena-kovalenko.webp
        photo_alt: {quoted}
        bio: |
          {payload}

          [click me](javascript:alert(4)) and ![img](https://evil.example.org/x.png)

          <div onclick="alert(5)">raw block</div>
    """)
    roster = "therapists:\n" + textwrap.indent(entry, "  ")
    result, out = build(tmp_path, roster=roster)
    assert result.returncode == 0, result.stdout + result.stderr
    profile = read_page(out / "therapists" / "evil-entry" / "index.html")
    for text in PAYLOADS:
        assert text in profile.text, text
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
