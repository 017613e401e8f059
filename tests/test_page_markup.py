"""Markdown in docs/ and includes/ renders only to allowed HTML and safe links (hooks/page_markup.py).

The hostile-docs fixtures (tests/fixtures/hostile-docs/html-*) prove that the build and
`python hooks/check.py` stop on each class; these cases try the variants of each quickly.
"""

from __future__ import annotations

import pytest

import page_markup
from support import ROOT

HOW = page_markup.settings(ROOT)


def problems(text: str) -> list[tuple[int, str]]:
    return page_markup.check_text(text, HOW)


@pytest.mark.parametrize(
    "text",
    [
        "Text\n\n<SCRIPT>alert(1)</SCRIPT>\n",
        "Text\n\n<Script Type=module>alert(1)</Script>\n",
        "Text\n\n<div markdown><script>alert(1)</script></div>\n",
        "Text\n\n<!-- <script>alert(1)</script> -->\n",
        'Text\n\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>\n',
        'Text\n\n<a href="&#x6A;&#x61;vascript&#58;alert(1)">x</a>\n',
        "Text\n\n[x](  JaVaScRiPt:alert(1))\n",
        "Text\n\n[x](java\tscript:alert(1))\n",
        "[x][r]\n\n[r]: <javascript:alert(1)>\n",
        'Text\n\n<a href="\x01javascript:alert(1)">x</a>\n',
        "Text\n\n[x](vbscript:msgbox(1))\n",
        "Text\n\n[x](data:text/html,hello)\n",
        "Text\n\n<a/onclick=alert(1)>x</a>\n",
        'Text\n\n<div title=">"onclick=alert(1)>x</div>\n',
        'Text\n\n## Heading {: onclick="alert(1)" }\n',
        "Text\n\n<details open ontoggle=alert(1)><summary>x</summary>y</details>\n",
        'Text\n\n<img src="//evil.example/p.png" alt="x">\n',
        'Text\n\n<p style="display:none">x</p>\n',
    ],
)
def test_each_variant_is_refused_at_its_line(text):
    found = problems(text)
    assert found and all(line == 3 for line, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        '<div class="grid cards" markdown>\n\n- **CBT**: [a page](cbt.md)\n\n</div>\n',
        '<span lang="en">mental health</span> and <abbr title="College">CRPO</abbr>\n',
        '??? note "More"\n    Text.\n',
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n",
        "[web](https://www.crpo.ca/) [mail](mailto:a@example.org) [phone](tel:988) [page](../faq.md#x)\n",
        "Show `<script>alert(1)</script>` as code, and &lt;script&gt; as text.\n",
        "```html\n<iframe src=x></iframe>\n```\n",
        "Text.[^1]\n\n[^1]: A source. <https://www.crpo.ca/>\n",
        "![A diagram](../assets/images/x.png)\n",
        "<details>\n<summary>More</summary>\n\nText.\n\n</details>\n",
    ],
)
def test_what_articles_use_is_allowed(text):
    assert problems(text) == []


def test_each_occurrence_is_found_at_its_own_line_after_code_that_shows_the_same_tag():
    text = (
        "Use `<iframe>` in code.\n\n```\n<iframe>\n```\n\n<iframe src=a></iframe>\n\nText\n\n<iframe src=b></iframe>\n"
    )
    assert [line for line, _ in problems(text)] == [7, 11]


def test_front_matter_lines_count():
    text = "---\ndescription: x\n---\n\n# T\n\n<script>alert(1)</script>\n"
    assert [line for line, _ in problems(text)] == [7]


def test_a_script_in_front_matter_is_refused_at_its_key():
    text = "---\ndescription: x\ntitle: T <SCRIPT src=x></SCRIPT>\n---\n\n# T\n"
    assert page_markup.check_front_matter({"description": "x", "title": "T <SCRIPT src=x></SCRIPT>"}, text) == [
        (3, "title: a <script> is not allowed in front matter; remove it")
    ]


def test_the_real_docs_and_includes_pass():
    assert page_markup.check_project(ROOT, ROOT / "docs") == []


def test_a_snippet_that_brings_in_a_script_is_refused_at_the_snippet_line(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "x.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    how = page_markup.settings(tmp_path)
    found = page_markup.check_text('Text\n\n--8<-- "x.html"\n', how)
    assert [line for line, _ in found] == [3] and "<script>" in found[0][1]
    assert page_markup.check_text('Text\n\n--8<-- "missing.md"\n', how) == [
        (3, "the page cannot be rendered: Snippet at path 'missing.md' could not be found")
    ]
