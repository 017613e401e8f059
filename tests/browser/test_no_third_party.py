"""Every request a page makes while it loads and is used goes to 127.0.0.1, and succeeds."""

from __future__ import annotations

import pytest

from support.siteserver import TEMPLATES


def use_the_page(page) -> None:
    """Load everything a visitor could trigger: lazy images further down, and the search index."""
    page.mouse.wheel(0, 20000)
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("therapy")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_request_stays_on_the_site(page, templates, record_requests, template):
    base, url = templates[template]
    requests = record_requests(page)
    page.goto(base + url, wait_until="networkidle")
    use_the_page(page)
    assert requests.third_party() == []
    assert requests.failures == []
    # The recorder saw the page's own stylesheets and scripts, so an empty list above means something.
    assert any(url.endswith(".css") for url in requests.urls) and any(url.endswith(".js") for url in requests.urls)
    assert any("search_index.json" in url for url in requests.urls), "the search index was never loaded"


def test_a_mistyped_address_gets_the_themed_404_with_all_its_assets(page, site_url, record_requests):
    requests = record_requests(page)
    response = page.goto(site_url + "therapists/no-such-person/", wait_until="networkidle")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "We could not find that page"
    assert requests.failures == [f"404 {site_url}therapists/no-such-person/"]
    assert requests.third_party() == []
