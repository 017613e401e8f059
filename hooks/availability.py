"""Availability that has not been confirmed for too long: the build's notice and the due list.

A therapist's "accepting new clients" is trusted for AVAILABILITY_MAX_AGE_DAYS
after availability_confirmed_on (Therapist.availability_on in hooks/model.py);
after that the site says "Ask about availability". Stale availability never
fails a build: the build logs this list at INFO, and the weekly due list
(stale_availability with a look-ahead) asks someone to confirm it.
"""

from __future__ import annotations

import datetime

from model import Roster, Therapist
from schemas import AVAILABILITY_MAX_AGE_DAYS


def confirm_by(t: Therapist) -> datetime.date:
    """The last day the site trusts `t`'s availability; from the next day it says "Ask about availability"."""
    return t.availability_confirmed_on + datetime.timedelta(days=AVAILABILITY_MAX_AGE_DAYS)


def stale_availability(roster: Roster, today: datetime.date, within_days: int = 0) -> list[str]:
    """One line per current therapist whose availability is stale on `today`, or will be within `within_days`.

    Each line names the roster file and the therapist's line, like the build's other messages.
    """
    lines = []
    for t in roster.therapists:
        due = confirm_by(t)
        if today + datetime.timedelta(days=within_days) <= due:
            continue
        when = "the site shows 'Ask about availability'" if today > due else f"goes stale on {due.isoformat()}"
        lines.append(
            f"{roster.path}:{t.line}: therapist '{t.id}': availability_confirmed_on: "
            f"{t.availability_confirmed_on.isoformat()} is {(today - t.availability_confirmed_on).days} days old "
            f"({when}); ask {t.name} and update availability and availability_confirmed_on"
        )
    return lines
