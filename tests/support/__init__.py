"""What the tests (and the report commands in scripts/) share: site builds, reading and serving a built site,
the link and HTML checks, and the browser set-up. Test modules import from here, never from each other."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
