"""MkDocs hook: give every page the crisis lines from data/crisis.yml, and insist they are re-checked."""

from __future__ import annotations

import logging

import build
import check
import crisis
import strings

# A warning on an mkdocs.* logger fails `mkdocs build --strict`.
log = logging.getLogger("mkdocs.hooks.crisis")


# The crisis lines, checked by build.start, for the crisis box (overrides/partials/crisis-box.html) and
# the macros, in the language being built (the i18n plugin runs on_config again for each language), and
# the words of our theme overrides in that language.
def on_config(config):
    state = build.of(config)
    if state.language == strings.DEFAULT:
        for warning in check.crisis_warnings(state.crisis):
            log.warning(warning)
    config.extra["crisis"] = crisis.localized(state.crisis, state.language)
    config.extra["ui"] = strings.of(state.language)
    return config
