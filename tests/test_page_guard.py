"""hooks/page_guard.py: a generated page never silently takes the place of a page in docs/."""

from __future__ import annotations

import pytest
from test_build_failures import build

from test_roster import GOOD_ENTRY

HELP_PAGE = {"therapists/help-me-choose.md": "---\ndescription: Help.\n---\n# Help me choose\n"}


def roster_with(therapist_id: str) -> str:
    return "therapists:\n" + GOOD_ENTRY + GOOD_ENTRY.replace("id: jane-doe", f"id: {therapist_id}")


def test_a_second_therapist_with_an_unused_id_builds(tmp_path):
    result, out = build(tmp_path, HELP_PAGE, None, roster_with("jane-roe"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "therapists" / "jane-roe" / "index.html").is_file()


@pytest.mark.parametrize("therapist_id", ["index", "help-me-choose"])
def test_a_profile_that_would_replace_a_docs_page_fails_the_build(tmp_path, therapist_id):
    """ "index" would replace the directory, "help-me-choose" the page of that name; the roster allows both ids."""
    result, out = build(tmp_path, HELP_PAGE, None, roster_with(therapist_id))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f"docs/therapists/{therapist_id}.md: a generated page has the same address" in output
    assert f"the id '{therapist_id}'" in output
