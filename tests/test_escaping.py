"""Front-matter text is escaped exactly once on its way through Material's templates (hooks/escaping_hook.py)."""

from __future__ import annotations

import json
import re
from html import unescape

from support.sitefiles import read_page


def test_a_name_with_an_apostrophe_is_escaped_once_in_title_and_description(varied_site):
    site, _ = varied_site
    page = read_page(site / "therapists" / "liam-oconnor" / "index.html")
    assert page.title == "Liam O'Connor - Toronto Psychotherapy Group"
    description = re.search(r'<meta name="description" content="([^"]*)">', page.html).group(1)
    assert unescape(description) == "Liam O'Connor: no longer practises here."
    assert "&amp;#" not in page.html


def test_page_titles_in_the_search_index_are_escaped_once(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert titles and not any("&amp;#" in t or "&amp;amp;" in t for t in titles)


def test_markup_in_an_article_title_or_description_is_text(tmp_path):
    from escaping_hook import on_page_content

    class Page:
        meta = {"title": "Q&A </title><script>alert(1)</script>", "description": '"><img src=x>', "author": "A & B"}
        title = meta["title"]

    page = Page()
    on_page_content("<p>body</p>", page, None, None)
    on_page_content("<p>body</p>", page, None, None)  # a second pass changes nothing
    assert page.meta["title"] == "Q&amp;A &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert page.title == page.meta["title"]
    assert page.meta["description"] == "&#34;&gt;&lt;img src=x&gt;"
    assert page.meta["author"] == "A &amp; B"


def test_a_title_from_a_heading_is_text_wherever_the_theme_prints_it(tmp_path):
    """Material's `striptags` decodes a heading's entities; the title must still reach <title>, the nav,
    the header and the search index as text."""
    from support.fixture_project import ARTICLE, BASE_NAV, build

    heading = "&lt;/title&gt;&lt;img data-pwn src=x onerror=alert(1)&gt; Q&amp;A"
    # Short sentences keep the page within the reading grade that the heading's long words would break.
    text = ARTICLE.replace("# Test article", f"# {heading}").replace("Some text.", "Some text. " + "It is short. " * 20)
    result, out = build(tmp_path, {"heading.md": text}, BASE_NAV + ["heading.md"])
    assert result.returncode == 0, result.stdout + result.stderr
    shown = "</title><img data-pwn src=x onerror=alert(1)> Q&A"
    page = read_page(out / "heading" / "index.html")
    assert page.title == f"{shown} - Toronto Psychotherapy Group"
    assert page.text.count(shown) >= 2  # the header and the page's own heading
    for path in (out / "heading" / "index.html", out / "about-therapy" / "index.html"):
        html = path.read_text(encoding="utf-8")
        assert "data-pwn" in html and not re.search(r"<img[^>]*data-pwn", html), path
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("heading/")]
    assert titles and all("<img" not in t and unescape(t).startswith("</title>") for t in titles[:1])
