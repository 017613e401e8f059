"""MkDocs hook: give every page the crisis lines from data/crisis.yml, and insist they are re-checked."""

from __future__ import annotations

import logging

import build
import check

# A warning on an mkdocs.* logger fails `mkdocs build --strict`.
log = logging.getLogger("mkdocs.hooks.crisis")


# The crisis lines, checked by build.start, for the crisis box (overrides/partials/crisis-box.html) and the macros.
def on_config(config):
    data = build.of(config).crisis
    for warning in check.crisis_warnings(data):
        log.warning(warning)
    config.extra["crisis"] = data
    return config
