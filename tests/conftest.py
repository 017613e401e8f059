"""Shared fixtures: the site built into a temporary folder, and the sample roster. Helpers live in tests/support/."""

from __future__ import annotations

from pathlib import Path

import pytest

import roster
from support import ROOT
from support.builds import build_site

BROWSER_TESTS = ROOT / "tests" / "browser"


def pytest_collection_modifyitems(items):
    # Everything under tests/browser/ drives Chromium: `-m "not browser"` leaves it out.
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


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
