"""Availability with a date: trusted for AVAILABILITY_MAX_AGE_DAYS, then "Ask about availability", never a failed build."""

from __future__ import annotations

import datetime

import availability
import roster as roster_module
from schemas import AVAILABILITY_MAX_AGE_DAYS
from support import CONFIRMED, TODAY
from support.fixture_project import build
from support.rosters import GOOD_ENTRY
from support.sitefiles import read_page


def _roster(tmp_path, entries: str) -> roster_module.Roster:
    path = tmp_path / "therapists.yml"
    path.write_text("therapists:\n" + entries, encoding="utf-8")
    return roster_module.load_and_validate(path, display_path="data/therapists.yml")


def test_accepting_is_trusted_for_the_set_number_of_days_and_no_longer(tmp_path):
    roster = _roster(tmp_path, GOOD_ENTRY)
    (jane,) = roster.therapists
    last_day = CONFIRMED + datetime.timedelta(days=AVAILABILITY_MAX_AGE_DAYS)
    assert jane.availability_on(last_day) == "accepting"
    assert jane.availability_on(last_day + datetime.timedelta(days=1)) == "ask"
    roster.today = last_day + datetime.timedelta(days=1)
    assert roster.accepting() == []


def test_the_due_list_names_file_line_and_therapist_and_looks_ahead(tmp_path):
    roster = _roster(tmp_path, GOOD_ENTRY)
    stale_on = CONFIRMED + datetime.timedelta(days=AVAILABILITY_MAX_AGE_DAYS + 1)
    assert availability.stale_availability(roster, stale_on - datetime.timedelta(days=8), within_days=7) == []
    (soon,) = availability.stale_availability(roster, stale_on - datetime.timedelta(days=7), within_days=7)
    assert soon.startswith(f"data/therapists.yml:2: therapist 'jane-doe': availability_confirmed_on: {CONFIRMED}")
    assert "goes stale on" in soon
    (late,) = availability.stale_availability(roster, stale_on, within_days=0)
    assert f"is {AVAILABILITY_MAX_AGE_DAYS + 1} days old (the site shows 'Ask about availability')" in late


def test_stale_availability_is_an_info_notice_that_never_fails_the_strict_build(tmp_path):
    old = (TODAY - datetime.timedelta(days=AVAILABILITY_MAX_AGE_DAYS + 30)).isoformat()
    result, out = build(tmp_path, roster="therapists:\n" + GOOD_ENTRY.replace(str(CONFIRMED), old))
    assert result.returncode == 0, result.stderr
    notice = next(line for line in result.stderr.splitlines() if "availability_confirmed_on" in line)
    assert notice.startswith("INFO") and "therapist 'jane-doe'" in notice
    profile = read_page(out / "therapists" / "jane-doe" / "index.html")
    assert "Ask about availability" in profile.text and "Accepting new clients" not in profile.text
    accepting = read_page(out / "therapists" / "accepting" / "index.html")
    assert "jane-doe" not in accepting.html
