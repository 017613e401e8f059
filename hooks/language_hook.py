"""MkDocs hook: what the i18n plugin (mkdocs-static-i18n) leaves to us when it builds each language.

The plugin builds the default language, then, from its own on_post_build, builds each
other language again with the same config into the same folder.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

import build


# Every language build writes the theme's 404.html at the top of the site: keep the default
# language's there and move each other language's to its own folder (/fr/404.html). Runs
# before the plugin's on_post_build (priority -100) starts the next language's build.
@event_priority(-50)
def on_post_build(config):
    state = build.of(config)
    state.output.keep_404(config, state.renderer.prefix)


# Search on a page of another language uses that language's own index (/fr/search/search_index.json,
# written by hooks/search_hook.py), so French stemming applies and English pages do not come first.
# Material fetches the index, and resolves the results' addresses, from its config's "base"; the page's
# base plus the language folder is the base of that index.
def on_post_page(output: str, page, config) -> str:
    return _language_base(output, build.of(config).renderer.prefix)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    return _language_base(output_content, build.of(config).renderer.prefix)


def _language_base(html: str, prefix: str) -> str:
    if not prefix:
        return html
    # With its closing slash: Material resolves "search/search_index.json" against it.
    return _BASE.sub(lambda m: f'{m.group(1)}"{m.group(2).rstrip("/")}/{prefix}"', html, count=1)


# The "base" entry of Material's <script id="__config" type="application/json">.
_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": )"([^"<]*)"')
