"""What the tests (and the report commands in scripts/) share: site builds, reading and serving a built site,
the link and HTML checks, and the browser set-up. Test modules import from here, never from each other."""

import datetime
from pathlib import Path

import clock

ROOT = Path(__file__).resolve().parent.parent.parent

# The day this test run builds for (hooks/clock.py: SOURCE_DATE_EPOCH, or the calendar's today). Fixtures'
# dates are counted back from it, so every test holds on any day: a year from now, or with a build day set.
TODAY = clock.today()
# When the fixture roster's availability was confirmed: recent enough to be trusted on TODAY.
CONFIRMED = TODAY - datetime.timedelta(days=8)
# When the fixture articles were last reviewed: their review is not yet due on TODAY.
REVIEWED = TODAY - datetime.timedelta(days=30)
