"""MkDocs hook: what the i18n plugin (mkdocs-static-i18n) leaves to us when it builds each language.

The plugin builds the default language, then, from its own on_post_build, builds each
other language again with the same config into the same folder.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

import build


# Every language build writes the theme's 404.html at the top of the site: keep the default
# language's there and move each other language's to its own folder (/fr/404.html). Runs
# before the plugin's on_post_build (priority -100) starts the next language's build.
@event_priority(-50)
def on_post_build(config):
    state = build.of(config)
    state.output.keep_404(config, state.renderer.prefix)
