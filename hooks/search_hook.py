"""MkDocs hook: keep articles' sources and footnotes out of the search index.

A search for "anxiety" listed "Sources" sections first: reference lists repeat an
article's key words in every title, and on a phone they filled the screen. Material's
search plugin leaves out any element marked data-search-exclude, and a whole section
when its heading is marked; it reads page.content after this event.
"""

from __future__ import annotations

import json
import os
import re

from mkdocs.plugins import event_priority

import build
import strings

# The heading "## Sources" (the toc extension gives it the id "sources", or "sources_2"
# and so on if a page repeats it) and the footnotes list Python-Markdown adds at the end.
_SOURCES_HEADING = re.compile(r'<h([1-6]) id="(sources(?:_\d+)?)"')
_FOOTNOTES = '<div class="footnote">'


# Mark the Sources section and the footnotes of every Markdown page.
def on_page_content(html: str, page, config, files) -> str:
    html = _SOURCES_HEADING.sub(r'<h\1 id="\2" data-search-exclude', html)
    return html.replace(_FOOTNOTES, '<div class="footnote" data-search-exclude>')


# One search index per language. The i18n plugin merges every language's pages into one index
# with lang [en, fr], so a search on a French page listed English pages first, stemmed as
# English. Split it: /search/search_index.json keeps the English pages (English stemming),
# /fr/search/search_index.json the French ones, with addresses relative to /fr/ (the base
# French pages give Material, hooks/language_hook.py). Runs once, when the last language
# build ends: after the plugin writes the merged index (priority -100), before the site is
# published (-110).
@event_priority(-105)
def on_post_build(config):
    if build.of(config).output.unfinished != 1:
        return
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        index = json.load(f)
    for language, docs in split_by_language(index["docs"]).items():
        if not docs and language != strings.DEFAULT:
            continue  # a language not built (its `build: false` in mkdocs.yml)
        prefix = "" if language == strings.DEFAULT else f"{language}/"
        target = os.path.join(config.site_dir, prefix, "search", "search_index.json")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            json.dump(
                {**index, "config": {**index["config"], "lang": [language]}, "docs": docs},
                f,
                ensure_ascii=False,
                separators=(",", ":"),
            )


def split_by_language(docs: list[dict]) -> dict[str, list[dict]]:
    """The index entries of each language, their locations relative to that language's folder."""
    split = {language: [] for language in strings.LANGUAGES}
    for doc in docs:
        language = next((lang for lang in strings.LANGUAGES if doc["location"].startswith(f"{lang}/")), strings.DEFAULT)
        prefix = "" if language == strings.DEFAULT else f"{language}/"
        split[language].append({**doc, "location": doc["location"][len(prefix) :]})
    return split
