"""The French site in a browser: every page type at phone and desktop widths, with no axe violation,
no request leaving 127.0.0.1, crisis help in French, a language switcher that keeps the page, and a
search that answers from the French pages."""

from __future__ import annotations

import pytest

from support.browser import DESKTOP, PHONE, axe_failures, describe, page_urls
from support.siteserver import TEMPLATES

LAYOUTS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
}


def french(url: str) -> str:
    return "fr/" + url


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_french_page_is_accessible_local_and_has_crisis_help_in_french(
    browser, templates, axe, record_requests, template, layout
):
    base, url = templates[template]
    context = browser.new_context(color_scheme="light", **LAYOUTS[layout])
    try:
        page = context.new_page()
        requests = record_requests(page)
        page.goto(base + french(url), wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == "fr"
        box = page.locator("#crisis-box-heading")
        assert box.inner_text() == "Besoin d'aide maintenant?"
        assert page.locator(".tpg-crisis-banner").inner_text().startswith("En crise?")
        violations = axe(page)
        assert requests.third_party() == []
        assert requests.failures == []
    finally:
        context.close()
    assert not violations, f"{base}{french(url)} ({layout}):\n{describe(violations)}"


def test_a_missing_french_address_can_use_the_french_404(page, site_url):
    # GitHub Pages serves /404.html for every missing address; /fr/404.html is there for
    # hosts that serve a folder's own 404, and links to it work everywhere.
    page.goto(site_url + "fr/404.html")
    assert page.get_by_role("heading", level=1).inner_text() == "Nous n'avons pas trouvé cette page"
    assert page.locator("#crisis-box-heading").inner_text() == "Besoin d'aide maintenant?"


@pytest.mark.parametrize("template", ["article", "profile", "facet"])
def test_the_language_switcher_returns_to_the_same_page(page, templates, template):
    base, url = templates[template]
    page.goto(base + french(url))
    page.locator('a.md-select__link[hreflang="en"]').first.dispatch_event("click")
    page.wait_for_url(base + url)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator('a.md-select__link[hreflang="fr"]').first.dispatch_event("click")
    page.wait_for_url(base + french(url))
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_search_on_a_french_page_finds_french_pages(page, site_url, record_requests):
    requests = record_requests(page)
    page.goto(site_url + french("about-therapy/rp-qualifying/"), wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("psychothérapeute")
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert first.get_attribute("href").startswith(site_url + "fr/")
    assert any(url.endswith("/fr/search/search_index.json") for url in requests.urls)
    assert not any(url.endswith("/website/search/search_index.json") for url in requests.urls)


def test_every_french_article_has_no_wcag_a_or_aa_violations(browser, site_url, axe):
    # As test_accessibility.py's test of every English article, for each translated page.
    urls = page_urls("fr")
    assert len(urls) > 20
    failures = axe_failures(browser, site_url, axe, urls, "fr")
    assert not failures, "\n".join(failures)
