"""MkDocs hook: every page carries its Content-Security-Policy (see hooks/csp.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

import csp


# Read the theme's templates afresh on each build (`mkdocs serve` rebuilds after an edit).
def on_config(config):
    csp.theme_code.cache_clear()
    return config


# After the theme has written the page, when its inline scripts are final.
def on_post_page(output: str, page, config) -> str:
    return _protected(output, f"docs/{page.file.src_uri}", config)


# The same for pages made from a theme template alone, such as 404.html.
def on_post_template(output_content: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return _protected(output_content, template_name, config)


def _protected(html: str, name: str, config) -> str:
    try:
        return csp.with_policy(html, csp.theme_code(tuple(config.theme.dirs)))
    except ValueError as exc:
        raise PluginError(f"{name}: {exc}") from None
