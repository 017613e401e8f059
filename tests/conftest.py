"""Shared fixtures: the site built into a temporary folder, and the sample roster. Helpers live in tests/support/."""

from __future__ import annotations

from pathlib import Path

import pytest

import roster
from support import ROOT
from support.builds import build_site
from support.fixture_project import ARTICLE, BASE_NAV
from support.fixture_project import build as fixture_build
from support.rosters import varied_roster

BROWSER_TESTS = ROOT / "tests" / "browser"


# The fixtures that read data/ (the sample roster, or the site built from it). A test that uses one, or reads
# data/ itself (marked by hand), is `reads_data`: the launch drill (tests/test_launch_drill.py) runs exactly these
# on edited copies of the project, so each must hold for any valid data.
DATA_FIXTURES = {"site", "sample_roster"}


def pytest_collection_modifyitems(items):
    for item in items:
        # Everything under tests/browser/ drives Chromium: `-m "not browser"` leaves it out.
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
        if DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.reads_data)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the repository as it is, with the sample roster."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def sample_roster():
    return roster.load_and_validate(ROOT / "data" / "therapists.yml")


@pytest.fixture(scope="session")
def varied_site(tmp_path_factory):
    """A small site built from support.rosters.varied_roster(): every availability state, a therapist who has left,
    every French word a profile can show, and an approach page listing its therapists; with its loaded roster."""
    tmp = tmp_path_factory.mktemp("varied")
    listing = ARTICLE.replace("untranslated: true\n", "").replace(
        "Some text.[^1]", 'Some text.[^1]\n\n{{ therapists_offering("CBT") }}'
    )
    french = listing.replace("Some text.", "Un texte simple.")
    pages = {"approaches/cbt.md": listing, "approaches/cbt.fr.md": french}
    result, out = fixture_build(tmp, pages, BASE_NAV + ["approaches/cbt.md"], varied_roster())
    assert result.returncode == 0, result.stdout + result.stderr
    path = tmp / "roster.yml"
    path.write_text(varied_roster(), encoding="utf-8")
    return out, roster.load_and_validate(path)
