"""MkDocs hook: give every page the crisis lines from data/crisis.yml (build.start has checked them and noted
any line due for a check)."""

from __future__ import annotations

import build
import crisis
import strings


# The crisis lines, checked by build.start, for the crisis box (overrides/partials/crisis-box.html) and
# the macros, in the language being built (the i18n plugin runs on_config again for each language), and
# the words of our theme overrides in that language.
def on_config(config):
    state = build.of(config)
    config.extra["crisis"] = crisis.localized(state.crisis, state.language)
    config.extra["ui"] = strings.of(state.language)
    return config
