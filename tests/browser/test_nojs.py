"""Without JavaScript the filters stay hidden, and the browse links reach every therapist by every facet."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect


@pytest.fixture
def nojs(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def follow(page, link, url: str | None = None) -> None:
    """Click a link and wait until the page it leads to has loaded.

    A click only waits for the navigation to start; reading the DOM straight after it races the
    new page's parsing (this raced on a slower CI machine and read an empty list).
    """
    with page.expect_navigation(wait_until="load"):
        link.click()
    if url is not None:
        assert page.url == url


def card_ids(page) -> list[str]:
    return page.locator("li.tpg-card").evaluate_all("cards => cards.map(c => c.dataset.id)")


def test_directory_without_javascript_lists_everyone_and_hides_the_filters(nojs, directory_url, directory_roster):
    nojs.goto(directory_url + "therapists/")
    expect(nojs.locator(".tpg-filters")).to_be_hidden()
    listed = card_ids(nojs)
    # Later directory pages, if the roster is long enough to have them.
    for href in nojs.locator("[data-pagination] a").evaluate_all("links => links.map(a => a.href)"):
        nojs.goto(href)
        listed += card_ids(nojs)
    assert listed == [t.id for t in directory_roster.therapists]


def test_every_facet_page_is_reachable_by_links_and_complete(nojs, directory_url, directory_roster):
    facets = directory_roster.facets()
    # A kind of facet nobody in the roster has (e.g. no one gives their times) has no page to reach.
    offered = {kind: entries for kind, entries in facets.items() if entries}
    assert offered, "the roster offers no facet at all"
    headings = {kind: entries[0].heading for kind, entries in offered.items()}
    for kind, entries in offered.items():
        nojs.goto(directory_url + "therapists/")
        link = nojs.locator(".tpg-browse").get_by_role("link", name=headings[kind], exact=True)
        follow(nojs, link, directory_url + f"therapists/{kind}/")
        expect(nojs.locator(".tpg-facet-index a")).to_have_count(len(entries))
        links = {
            name: href
            for name, href in nojs.locator(".tpg-facet-index a").evaluate_all(
                "links => links.map(a => [a.textContent.trim(), a.href])"
            )
        }
        assert list(links) == [facet.term.name for facet in entries], kind
        for facet in entries:
            assert links[facet.term.name] == urljoin(directory_url, facet.url)
            nojs.goto(links[facet.term.name])
            assert card_ids(nojs) == [t.id for t in facet.therapists], facet.url


def test_accepting_page_is_reachable_and_complete(nojs, directory_url, directory_roster):
    nojs.goto(directory_url + "therapists/")
    follow(nojs, nojs.locator(".tpg-browse").get_by_role("link", name="Accepting new clients"))
    assert card_ids(nojs) == [t.id for t in directory_roster.accepting()]
