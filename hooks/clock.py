"""The day the site is built for: the one place that reads the calendar.

Availability goes stale, reviews and crisis-line checks fall due, and dates in the
future are refused, all relative to this day. It is today, unless SOURCE_DATE_EPOCH
(the reproducible-builds convention, which MkDocs also reads for the sitemap) names
another moment: the tests set it, so that no test depends on the calendar, and a
maintainer can preview the site as it will look on a later day.
"""

from __future__ import annotations

import datetime
import os


def today() -> datetime.date:
    """The build's day: SOURCE_DATE_EPOCH's date in UTC when it is set, otherwise today's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.date.today()
    if not epoch.isdigit():
        raise ValueError(
            f"SOURCE_DATE_EPOCH is {epoch!r}: it must be a number of seconds since 1970 (or unset it to build for today)"
        )
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()


def epoch(day: datetime.date) -> str:
    """SOURCE_DATE_EPOCH for noon UTC on `day`, for a build (or a test) that is to run on that day."""
    return str(int(datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.UTC).timestamp()))
