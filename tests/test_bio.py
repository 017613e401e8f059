"""Bios: the Markdown subset they may use, everything else as text, and a cost that no text can blow up."""

from __future__ import annotations

import pytest

from bio import to_html


@pytest.mark.parametrize(
    "text, html",
    [
        ("One line\nand the next.\n\nSecond.", "<p>One line\nand the next.</p>\n<p>Second.</p>"),
        ("**How she works.** Gently.", "<p><strong>How she works.</strong> Gently.</p>"),
        ("*calm* and _kind_, not snake_case_name", "<p><em>calm</em> and <em>kind</em>, not snake_case_name</p>"),
        ("- one\n- two\n  more", "<ul>\n<li>one</li>\n<li>two\nmore</li>\n</ul>"),
        ("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>"),
        (
            "[Her site](https://example.org/a_b) or <mailto:a@example.org>",
            '<p><a href="https://example.org/a_b" rel="noopener">Her site</a> or '
            '<a href="mailto:a@example.org" rel="noopener">mailto:a@example.org</a></p>',
        ),
        ("[**Call**](tel:+14165550100)", '<p><a href="tel:+14165550100" rel="noopener"><strong>Call</strong></a></p>'),
        ("`a <b>`", "<p><code>a &lt;b&gt;</code></p>"),
        (r"\*not italic\*", "<p>*not italic*</p>"),
    ],
)
def test_the_markdown_a_bio_may_use(text, html):
    assert to_html(text) == html


@pytest.mark.parametrize(
    "text, html",
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<img src=x onerror="alert(1)">', "<p>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</p>"),
        ("[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>"),
        ("[click](JAVASCRIPT:alert(1))", "<p>[click](JAVASCRIPT:alert(1))</p>"),
        ("[x](https://a.org/ onclick=alert(1))", "<p>[x](https://a.org/ onclick=alert(1))</p>"),
        ('[x](https://a.org/"onmouseover="alert(1))', '<p><a href="https://a.org/&#34;onmouseover=&#34;alert(1"'),
        ("<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>"),
        ("# Heading\n\n> quote", "<p># Heading</p>\n<p>&gt; quote</p>"),
        ("{{ 7*7 }} {% if 1 %}", "<p>{{ 7*7 }} {% if 1 %}</p>"),
    ],
)
def test_everything_else_is_text(text, html):
    assert to_html(text).startswith(html)


def test_an_image_is_left_out():
    assert to_html("Hi ![photo](https://evil.example/x.png) there") == "<p>Hi  there</p>"


def test_a_deeply_nested_list_renders_instead_of_crashing():
    # Python-Markdown raised RecursionError on this 4,000-character bio.
    html = to_html("- " * 2000)
    assert html.startswith("<ul>\n<li>- - ")
