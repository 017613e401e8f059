"""Macros that let an article show roster data in one line, e.g. {{ therapists_offering("CBT") }}.

Loaded by mkdocs-macros-plugin (module_name: hooks/macros in mkdocs.yml). The
macros draw on the build's own state (hooks/build.py): the roster and renderer
that the hooks use, so the YAML is read and checked once per build.

The plugin loads this file by its path without putting hooks/ on sys.path; the
imports below still resolve because MkDocs has already run the hooks listed in
mkdocs.yml (it loads them while reading the configuration, before any plugin
event), and they imported these same modules from hooks/.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

import build
import crisis
import macro_calls


# Just before the plugin renders a page: the exact text it will render holds nothing but text and calls of
# the macros below with literal arguments (hooks/macro_calls.py). The build has checked every file in docs/
# already (hooks/articles.py); this covers the text as it reaches the renderer, whatever changed it since.
def on_pre_page_macros(env):
    page = env.page
    if page.meta.get("render_macros") is False:
        return
    source = page.file.content_string
    before = source[: len(source) - len(env.markdown)] if source.endswith(env.markdown) else ""
    problems = macro_calls.problems(env.markdown, before.count("\n") + 1)
    if problems:
        where = os.path.relpath(page.file.abs_src_path, os.path.dirname(env.conf.config_file_path))
        raise PluginError("\n".join(f"{where}:{line}: {message}" for line, message in problems))


def define_env(env):
    config = env.conf

    @env.macro
    def therapists_offering(approach: str) -> str:
        """The current therapists who offer an approach (its name in data/taxonomy.yml), as a list of links."""
        return build.of(config).renderer.offering(approach, env.page.url)

    @env.macro
    def accepting_count() -> int:
        """How many current therapists are accepting new clients."""
        return len(build.of(config).roster.accepting())

    @env.macro
    def therapist_directory() -> str:
        """The directory: filters, the first page of cards, and links to browse by facet."""
        return build.of(config).renderer.directory(1)

    @env.macro
    def in_language_link() -> str:
        """On a French page, a prominent link to the therapists who offer sessions in French; nothing in English."""
        return build.of(config).renderer.in_language_link(env.page.url)

    @env.macro
    def practice_contact() -> str:
        """The practice's phone, email, offices and privacy contact (data/practice.yml)."""
        return build.of(config).renderer.contact(env.page.url)

    @env.macro
    def crisis_summary() -> str:
        """A short box with 9-8-8, 911 and a link to the crisis page."""
        state = build.of(config)
        return crisis.summary_html(crisis.localized(state.crisis, state.language), env.page.url, state.language)

    @env.macro
    def crisis_lines() -> str:
        """Every crisis line in data/crisis.yml, with when it was last checked."""
        state = build.of(config)
        return crisis.lines_html(crisis.localized(state.crisis, state.language), env.page.url, state.language)
