"""MkDocs hook: what the i18n plugin (mkdocs-static-i18n) leaves to us when it builds each language.

The plugin builds the default language, then, from its own on_post_build, builds each
other language again with the same config into the same folder.
"""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

import build
import strings


# The glossary's abbreviations (pymdownx.snippets' auto_append) in the language being built:
# includes/abbreviations.fr.md on French pages, where it exists. Markdown extensions are set
# per page from this config, which the plugin builds each language with in turn.
def on_config(config):
    prefix = build.of(config).renderer.prefix
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if not prefix or not snippets:
        return config
    base = os.path.dirname(config.config_file_path)
    localized = []
    for name in snippets.get("auto_append", []):
        stem, dot, ext = name.rpartition(".")
        translated = f"{stem}.{prefix.rstrip('/')}{dot}{ext}"
        localized.append(translated if os.path.exists(os.path.join(base, translated)) else name)
    snippets["auto_append"] = localized
    return config


# Every language build writes the theme's 404.html at the top of the site: keep the default
# language's there and move each other language's to its own folder (/fr/404.html). Runs
# before the plugin's on_post_build (priority -100) starts the next language's build.
# Material also fetches sitemap.xml from its base, which is /fr/ on French pages
# (on_post_page below): the French build puts a copy of the site's sitemap there.
@event_priority(-50)
def on_post_build(config):
    state = build.of(config)
    prefix = state.renderer.prefix
    state.output.keep_404(config, prefix)
    if prefix:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            source = os.path.join(config.site_dir, name)
            if os.path.exists(source):
                shutil.copyfile(source, os.path.join(config.site_dir, prefix, name))


# Search on a page of another language uses that language's own index (/fr/search/search_index.json,
# written by hooks/search_hook.py), so French stemming applies and English pages do not come first.
# Material fetches the index, and resolves the results' addresses, from its config's "base"; the page's
# base plus the language folder is the base of that index.
def on_post_page(output: str, page, config) -> str:
    return _language_roots(_language_base(output, build.of(config).renderer.prefix), page.url)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    # The 404 page is served at any address, so its links start at the site's own path.
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return _language_roots(_language_base(output_content, build.of(config).renderer.prefix), None, site_path)


# The <link rel="alternate" hreflang> tags in <head> name each language's home page as
# .../index.html. Material's script fetches sitemap.xml beside each of them (which 404s beside a
# page's own address), and reroutes a click on any link under one of them through that sitemap,
# which fails on a server with a port of its own; links under .../index.html/ do not exist, so
# the language menu's links (the i18n plugin's, to this page in each language) are followed as
# they are, with or without JavaScript. sitemap.xml gives every page's counterparts (hreflang).
def _language_roots(html: str, page_url: str | None, site_path: str = "") -> str:
    def root(match: re.Match) -> str:
        language = match.group(2)
        home = "index.html" if language == strings.DEFAULT else f"{language}/index.html"
        href = site_path + home if page_url is None else get_relative_url(home, page_url)
        return f'{match.group(1)}"{href}" hreflang="{language}">'

    return _ALTERNATE.sub(root, html)


_ALTERNATE = re.compile(r'(<link rel="alternate" href=)"[^"]*" hreflang="([a-z]{2})">')


def _language_base(html: str, prefix: str) -> str:
    if not prefix:
        return html
    # With its closing slash: Material resolves "search/search_index.json" against it.
    return _BASE.sub(lambda m: f'{m.group(1)}"{m.group(2).rstrip("/")}/{prefix}"', html, count=1)


# The "base" entry of Material's <script id="__config" type="application/json">.
_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": )"([^"<]*)"')
