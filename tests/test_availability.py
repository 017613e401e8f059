"""Availability with a date: trusted for AVAILABILITY_MAX_AGE_DAYS, then "Ask about availability", never a failed build."""

from __future__ import annotations

import datetime
import re

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


def test_the_booking_button_follows_availability(tmp_path):
    """Book when accepting, the waitlist when there is one, and no booking for new clients when not accepting
    (the contact link, if any, stays): in both languages."""
    entries = {
        "accepting": GOOD_ENTRY,
        "waitlist": _other("wait-list", "availability: waitlist"),
        "not accepting": _other("not-taking", "availability: not accepting"),
        "not accepting, with a contact link": _other(
            "not-taking-mail", "availability: not accepting\n    contact_url: mailto:office@example.org"
        ),
    }
    result, out = build(tmp_path, roster="therapists:\n" + "".join(entries.values()))
    assert result.returncode == 0, result.stderr
    expected = {
        "jane-doe": ("Book with Jane Doe", "Prendre rendez-vous avec Jane Doe"),
        "wait-list": ("Join the waitlist for Wait List", "S&#39;inscrire sur la liste d&#39;attente de Wait List"),
        "not-taking": (None, None),
        "not-taking-mail": (None, None),
    }
    for therapist, (english, french) in expected.items():
        for prefix, words in (("", english), ("fr/", french)):
            profile = read_page(out / prefix / "therapists" / therapist / "index.html")
            buttons = re.findall(
                r'<a class="md-button md-button--primary" href="([^"]+)"[^>]*>([^<]*)</a>', profile.html
            )
            assert buttons == ([("https://booking.example.org/jane", words)] if words else []), (therapist, buttons)
    assert 'href="mailto:office@example.org"' in read_page(out / "therapists" / "not-taking-mail" / "index.html").html


def _other(therapist_id: str, availability_line: str) -> str:
    name = therapist_id.replace("-", " ").title()
    entry = GOOD_ENTRY.replace("jane-doe", therapist_id).replace("Jane Doe", name)
    return entry.replace("availability: accepting", availability_line)
