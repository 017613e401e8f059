"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page template, in both palettes, on desktop and phone."""

from __future__ import annotations

import pytest

from support.browser import DESKTOP, PHONE, axe_failures, describe, page_urls
from support.siteserver import TEMPLATES

# Material picks its palette from prefers-color-scheme (the media queries in mkdocs.yml).
SCHEMES = {"light": "default", "dark": "slate"}
LAYOUTS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_wcag_a_or_aa_violations(browser, templates, axe, template, scheme, layout):
    base, url = templates[template]
    context = browser.new_context(color_scheme=scheme, **LAYOUTS[layout])
    try:
        page = context.new_page()
        page.goto(base + url, wait_until="load")
        # Guard against testing the wrong palette if Material changes how it picks one.
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        violations = axe(page)
    finally:
        context.close()
    assert not violations, f"{base}{url} ({scheme}, {layout}):\n{describe(violations)}"


def test_every_article_has_no_wcag_a_or_aa_violations(browser, site_url, axe):
    # Content differs from article to article (tables, footnotes, admonitions, abbreviations),
    # so every one is checked, in one palette: the palettes were compared above.
    urls = [url for url in page_urls("en") if not url.startswith("therapists/")]
    failures = axe_failures(browser, site_url, axe, urls, "en")
    assert not failures, "\n".join(failures)
