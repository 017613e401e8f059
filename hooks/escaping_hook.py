"""MkDocs hook: front-matter text and headings reach the theme escaped.

Material prints a page's title, description and author as HTML (MkDocs renders
theme templates with autoescaping off), in <title>, meta tags, the header, the
navigation and the search index. Front matter is text, whether an editor wrote
it or hooks/therapists.py generated it from the roster, so it is escaped here,
once, for every page. Markup is never escaped twice, so this is safe to repeat.

A title taken from the page's first heading (or from the nav) is escaped too: MkDocs
gives the heading's HTML with its entities (`&lt;`), and Material's `striptags`
filter would decode them back into markup in <title>; overrides/main.html prints
the escaped title instead.
"""

from __future__ import annotations

from html import unescape

from markupsafe import Markup, escape

# The front-matter keys that Material's templates print.
THEME_TEXT = ("title", "description", "author", "subtitle")


# After macros have rendered the page (and perhaps its title), before any page's
# template is rendered: every page's title appears in the others' navigation.
def on_page_content(html: str, page, config, files) -> str:
    for key in THEME_TEXT:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])
    if "title" in page.meta and isinstance(page.title, str):
        page.title = escape(page.title)
    elif isinstance(page.title, str) and not isinstance(page.title, Markup):
        page.title = escape(unescape(page.title))
    return html
