"""MkDocs hook: give every page the crisis lines from data/crisis.yml, and insist they are re-checked."""

from __future__ import annotations

import logging

import build
import crisis

# A warning on an mkdocs.* logger fails `mkdocs build --strict`.
log = logging.getLogger("mkdocs.hooks.crisis")


# The crisis lines, checked by build.start, for the crisis box (overrides/partials/crisis-box.html) and the macros.
def on_config(config):
    data = build.of(config).crisis
    if crisis.overdue(data):
        log.warning(
            "data/crisis.yml: verified_on: the crisis numbers were last checked on %s, more than %s days ago; "
            "check each against its source and update verified_on",
            data["verified_on"],
            data["review_every_days"],
        )
    config.extra["crisis"] = data
    return config
