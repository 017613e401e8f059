"""A small copy of this project (its configuration, hooks, theme and data) with only the pages a test gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import REVIEWED, ROOT
from support.builds import build_site
from support.rosters import GOOD_ENTRY

ARTICLE = f"""\
---
description: A test article.
last_reviewed: {REVIEWED}
reviewed_by: jane-doe
untranslated: true
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
    # The site's own assets, without the roster's photos: a fixture's roster brings its own (support/drill.py).
    photos = ROOT / "docs" / "assets" / "therapists"
    shutil.copytree(
        ROOT / "docs" / "assets",
        project / "docs" / "assets",
        ignore=lambda folder, names: names if Path(folder) == photos else [],
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n" + "".join(f"  - {p}\n" for p in nav)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    # Pages other pages link to; each is an article that meets every rule of hooks/articles.py.
    base = {
        "index.md": "---\ndescription: Home.\n---\n# Home\n",
        "crisis.md": ARTICLE.replace("Some text.[^1]", "Some text.[^1]\n\n{{ crisis_lines() }}"),
        "therapists/index.md": "---\ndescription: Directory.\n---\n# Find a therapist\n\n{{ therapist_directory() }}\n",
        "about-therapy/index.md": ARTICLE,
        "about-therapy/cost-and-coverage.md": ARTICLE,
        "about-therapy/choosing-a-therapist.md": ARTICLE,
    }
    given = {**base, **pages}
    for name, text in given.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(_untranslated(name, text, given), encoding="utf-8")
    (project / "data" / "therapists.yml").write_text(roster or "therapists:\n" + GOOD_ENTRY, encoding="utf-8")
    # The crisis lines were checked as recently as the fixture's articles were reviewed, whatever day the test runs.
    crisis = project / "data" / "crisis.yml"
    crisis.write_text(
        re.sub(r"(?m)^    verified_on: .*$", f"    verified_on: {REVIEWED}", crisis.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    return project


def _untranslated(name: str, text: str, pages: dict[str, str]) -> str:
    """An English page without a French page in the test is marked untranslated (the build requires one
    or the other); the mark goes last in the front matter, so the front matter's lines do not move."""
    if name.endswith(".fr.md") or f"{name[:-3]}.fr.md" in pages or not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    if end == -1 or "\nuntranslated:" in text[:end]:
        return text
    return f"{text[:end]}\nuntranslated: true{text[end:]}"


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
