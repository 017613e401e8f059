"""Macros that let an article show roster data in one line, e.g. {{ therapists_offering("CBT") }}.

Loaded by mkdocs-macros-plugin (module_name: hooks/macros in mkdocs.yml). The
roster comes from roster.load_for_config, the same checked copy the hook uses, so
the YAML is read once per build.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import crisis  # noqa: E402  (needs the path above)
import roster as roster_module  # noqa: E402
from render import Renderer  # noqa: E402


def define_env(env):
    config = env.conf

    def renderer() -> Renderer:
        roster = roster_module.load_for_config(config)
        return Renderer(roster, site_name=config.site_name, site_url=config.site_url or "")

    @env.macro
    def therapists_offering(approach: str) -> str:
        """The current therapists who offer an approach (its name in data/taxonomy.yml), as a list of links."""
        return renderer().offering(approach, env.page.url)

    @env.macro
    def accepting_count() -> int:
        """How many current therapists are accepting new clients."""
        return len(renderer().roster.accepting())

    @env.macro
    def therapist_directory() -> str:
        """The directory: filters, the first page of cards, and links to browse by facet."""
        return renderer().directory(1)

    @env.macro
    def crisis_summary() -> str:
        """A short box with 9-8-8, 911 and a link to the crisis page."""
        return crisis.summary_html(config.extra["crisis"], env.page.url)

    @env.macro
    def crisis_lines() -> str:
        """Every crisis line in data/crisis.yml, with when it was last checked."""
        return crisis.lines_html(config.extra["crisis"], env.page.url)
