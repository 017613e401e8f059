"""The Content-Security-Policy on every built page: first in <head>, and allowing exactly the page's theme scripts."""

from __future__ import annotations

import re

import pytest

import csp
from support.sitefiles import html_pages

META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
DATA_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# A page as the theme writes it: its scripts in <head>, its content (what the Markdown became) in <article>.
CONTENT = '<p>Text</p><script type="application/ld+json">{"@type": "Person"}</script><script src="a.js"></script>'
PAGE = (
    '<head><meta charset="utf-8"><script>__md_scope=new URL("../..",location)</script>'
    '<script id="__config" type="application/json">{"base": ".."}</script></head>'
    f"<body><article>{CONTENT}</article><script>var t=1</script></body>"
)


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


def test_every_page_has_one_policy_before_anything_it_governs(site):
    pages = html_pages(site)
    assert len(pages) > 50 and any(p.name == "404.html" for p in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert len(META_RE.findall(html)) == 1, page
        head = html[: html.index(META_RE.search(html).group(0))]
        assert not re.search(r"<(script|style|link|base)\b", head, re.I), page


def test_the_policy_allows_exactly_the_inline_scripts_on_the_page(site):
    """Exactly the theme's executable inline scripts; the JSON-LD that the practice's details and the
    profiles carry never reaches the policy."""
    seen, data = set(), 0
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        policy = directives(META_RE.search(html).group(1))
        scripts = [csp.sha256(body) for tag, body in csp.inline_code(html) if tag == "script"]
        assert len(scripts) == 3, page  # Material's scope, palette and anchor-target scripts
        assert policy["script-src"] == ["'self'", *scripts], page
        assert "'unsafe-inline'" not in str(policy) and "'unsafe-eval'" not in str(policy)
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'none'"] and policy["default-src"] == ["'self'"]
        seen.add(scripts[0])
        for body in DATA_RE.findall(html):
            data += 1
            assert csp.sha256(body) not in policy["script-src"], page
    assert data
    # Material's first script holds the path to the site root, so pages at different depths differ.
    assert len(seen) >= 3


def test_the_policy_holds_the_hash_of_each_executable_script_outside_the_content():
    assert directives(csp.policy(PAGE, CONTENT))["script-src"] == [
        "'self'",
        csp.sha256('__md_scope=new URL("../..",location)'),
        csp.sha256("var t=1"),
    ]
    assert csp.with_policy(PAGE, CONTENT).startswith('<head><meta charset="utf-8">\n<meta http-equiv=')


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        '<script>__md_scope=new URL("../..",location)</script>',
        "<script type=module>import('/x.js')</script>",
        "<SCRIPT type='text/javascript'>alert(1)</SCRIPT >",
        "<style>body{display:none}</style>",
    ],
)
def test_inline_code_in_the_content_stops_the_build_even_when_the_theme_has_the_same(script):
    content = f"<p>Text</p>{script}"
    with pytest.raises(csp.UnknownInlineCode, match="in its content"):
        csp.policy(PAGE.replace(CONTENT, content), content)


def test_content_the_theme_did_not_print_as_it_is_stops_the_build():
    with pytest.raises(csp.UnknownInlineCode, match="did not print"):
        csp.policy(PAGE, "<p>Other text</p>")


def test_data_blocks_and_script_files_never_widen_the_policy():
    html = PAGE.replace("<script>var t=1</script>", '<script type="application/ld+json">{"a": 1}</script>')
    assert directives(csp.policy(html, CONTENT))["script-src"] == [
        "'self'",
        csp.sha256('__md_scope=new URL("../..",location)'),
    ]


def test_the_hook_names_the_page_and_the_line_of_a_script_in_its_content():
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    import csp_hook

    source = "---\ndescription: x\n---\n\n# Page\n\n<script>alert(1)</script>\n"
    content = "<h1>Page</h1><script>alert(1)</script>"
    page = SimpleNamespace(content=content, file=SimpleNamespace(src_uri="x.md", content_string=source))
    with pytest.raises(PluginError, match=r"^docs/x\.md:7: has an inline <script> in its content"):
        csp_hook.on_post_page(PAGE.replace(CONTENT, content), page, None)
