"""MkDocs hook: every page carries its Content-Security-Policy (see hooks/csp.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

import csp
import page_markup


# After the theme has written the page, when its inline scripts are final. The page's content is
# the author's part, which may hold no inline code.
def on_post_page(output: str, page, config) -> str:
    try:
        return csp.with_policy(output, page.content or "")
    except csp.UnknownInlineCode as exc:
        line = page_markup.script_line(page.file.content_string) if page.file.src_uri.endswith(".md") else 1
        raise PluginError(f"docs/{page.file.src_uri}:{line}: {exc}") from None
    except ValueError as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None


# The same for pages made from a theme template alone, such as 404.html: all of it is the theme's.
def on_post_template(output_content: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output_content
    try:
        return csp.with_policy(output_content)
    except ValueError as exc:
        raise PluginError(f"{template_name}: {exc}") from None
