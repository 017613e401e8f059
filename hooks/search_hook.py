"""MkDocs hook: keep articles' sources and footnotes out of the search index.

A search for "anxiety" listed "Sources" sections first: reference lists repeat an
article's key words in every title, and on a phone they filled the screen. Material's
search plugin leaves out any element marked data-search-exclude, and a whole section
when its heading is marked; it reads page.content after this event.
"""

from __future__ import annotations

import re

# The heading "## Sources" (the toc extension gives it the id "sources", or "sources_2"
# and so on if a page repeats it) and the footnotes list Python-Markdown adds at the end.
_SOURCES_HEADING = re.compile(r'<h([1-6]) id="(sources(?:_\d+)?)"')
_FOOTNOTES = '<div class="footnote">'


# Mark the Sources section and the footnotes of every Markdown page.
def on_page_content(html: str, page, config, files) -> str:
    html = _SOURCES_HEADING.sub(r'<h\1 id="\2" data-search-exclude', html)
    return html.replace(_FOOTNOTES, '<div class="footnote" data-search-exclude>')
