"""The directory's filters (directory.js) against the roster: exact results, announced counts, keyboard use."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support.browser import describe

CARDS = "[data-results] li.tpg-card"


def narrowing_pair(roster):
    """A language and a format that together match some therapists, but fewer than the language alone does."""
    facets = roster.facets()
    for language in sorted(facets["language"], key=lambda f: -len(f.therapists)):
        for session_format in facets["format"]:
            both = [t.id for t in language.therapists if session_format.term in t.formats]
            if 0 < len(both) < len(language.therapists):
                return language.term, session_format.term, both
    pytest.fail(
        "the roster has no language and format that narrow each other; add one to support.rosters.directory_roster()"
    )


def no_match_pair(roster):
    """A language and a format that no therapist offers together, if there is one."""
    facets = roster.facets()
    for language in facets["language"]:
        for session_format in facets["format"]:
            if not any(session_format.term in t.formats for t in language.therapists):
                return language.term, session_format.term
    return None


def card_ids(page) -> list[str]:
    return page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.id)")


def first_page_ids(roster, page) -> list[str]:
    size = int(page.locator(".tpg-directory").get_attribute("data-page-size"))
    return [t.id for t in roster.therapists[:size]]


@pytest.fixture
def directory(page, directory_url):
    page.goto(directory_url + "therapists/")
    page.locator(".tpg-filters").wait_for(state="visible")
    return page


def expect_status(page, count: int) -> str:
    """Wait until the live region announces `count` therapists; return its text."""
    status = page.locator("[data-status]")
    expect(status).to_have_text(re.compile(rf"\b{count} therapists?\b"))
    return status.inner_text()


def test_status_is_a_polite_live_region(directory):
    status = directory.locator("[data-status]")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"


def test_language_and_format_narrow_to_exactly_the_matching_therapists(directory, directory_roster):
    language, session_format, expected = narrowing_pair(directory_roster)
    everyone = card_ids(directory)
    assert everyone == first_page_ids(directory_roster, directory)
    original_status = directory.locator("[data-status]").inner_text()

    directory.get_by_label("Language", exact=True).select_option(language.slug)
    directory.get_by_label("Format").select_option(session_format.slug)

    text = expect_status(directory, len(expected))
    assert card_ids(directory) == expected, text

    directory.get_by_role("button", name="Clear filters").click()
    expect_status(directory, len(directory_roster.therapists))
    assert card_ids(directory) == everyone
    assert directory.locator("[data-status]").inner_text() == original_status
    assert directory.get_by_label("Language", exact=True).input_value() == ""
    assert directory.get_by_label("Format").input_value() == ""


def test_no_match_says_so(directory, directory_roster):
    pair = no_match_pair(directory_roster)
    if pair is None:
        pytest.skip("every language is offered in every format in this roster")
    language, session_format = pair
    directory.get_by_label("Language", exact=True).select_option(language.slug)
    directory.get_by_label("Format").select_option(session_format.slug)
    expect_status(directory, 0)
    assert card_ids(directory) == []
    assert directory.locator(".tpg-empty").is_visible()


def test_accepting_checkbox_keeps_only_therapists_accepting_new_clients(directory, directory_roster):
    expected = [t.id for t in directory_roster.accepting()]
    directory.get_by_label("Only therapists accepting new clients").check()
    expect_status(directory, len(expected))
    assert card_ids(directory) == expected


def test_filters_work_with_the_keyboard_alone(directory, directory_roster):
    language, session_format, expected = narrowing_pair(directory_roster)
    everyone = card_ids(directory)

    def press_until(key: str, done: str, what: str, limit: int = 150) -> None:
        """Press `key` until the JavaScript expression `done` is true of the focused element."""
        for _ in range(limit):
            if directory.evaluate(f"(el => {done})(document.activeElement)"):
                return
            directory.keyboard.press(key)
        pytest.fail(f"{what} cannot be reached with {key}")

    press_until("Tab", "el.id === 'filter-language'", "the Language filter")
    press_until("ArrowDown", f"el.value === {language.slug!r}", f"the option {language.name}")
    press_until("Tab", "el.id === 'filter-format'", "the Format filter")
    press_until("ArrowDown", f"el.value === {session_format.slug!r}", f"the option {session_format.name}")
    expect_status(directory, len(expected))
    assert card_ids(directory) == expected

    press_until("Tab", "el.hasAttribute('data-clear')", "the Clear filters button")
    directory.keyboard.press("Enter")
    expect_status(directory, len(directory_roster.therapists))
    assert card_ids(directory) == everyone
    # Clearing puts focus back on the first filter, not at the top of the page.
    assert directory.evaluate("document.activeElement.dataset.filter") is not None


def test_filtered_results_have_no_wcag_violations(directory, directory_roster, axe):
    language, session_format, expected = narrowing_pair(directory_roster)
    directory.get_by_label("Language", exact=True).select_option(language.slug)
    directory.get_by_label("Format").select_option(session_format.slug)
    expect_status(directory, len(expected))
    violations = axe(directory)
    assert not violations, describe(violations)


def test_show_more_stays_hidden_while_nothing_is_filtered(directory):
    # Material styles .md-button as inline-block, which would override the hidden attribute.
    expect(directory.locator("[data-more]")).to_be_hidden()


def test_card_photos_keep_their_shape(directory):
    photos = directory.locator("li.tpg-card .tpg-card__photo")
    assert photos.count() > 0
    for box in photos.evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"):
        assert abs(box["width"] - box["height"]) < 1, box


def test_clearing_before_the_filter_index_arrives_keeps_the_full_list(page, directory_url, directory_roster):
    """A filter answered late must not overwrite a newer choice (here: Clear filters)."""
    language = next(f.term for f in directory_roster.facets()["language"] if len(f.therapists) < 3)
    held = []
    page.route("**/therapists/directory.json", lambda route: held.append(route))
    page.goto(directory_url + "therapists/")
    page.locator(".tpg-filters").wait_for(state="visible")
    everyone = card_ids(page)

    with page.expect_request("**/therapists/directory.json"):
        page.get_by_label("Language", exact=True).select_option(language.slug)
    for _ in range(100):  # the route handler runs as Playwright processes events
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the filter index request never reached the route"
    page.get_by_role("button", name="Clear filters").click()
    with page.expect_response("**/therapists/directory.json"):
        held[0].continue_()
    # The late answer's callback runs soon after the response; give it time, then check it changed nothing.
    page.wait_for_timeout(500)
    assert card_ids(page) == everyone
    assert page.get_by_label("Language", exact=True).input_value() == ""
    assert "match your filters" not in page.locator("[data-status]").inner_text()


def test_a_failed_filter_index_says_so_and_the_next_change_tries_again(page, directory_url, directory_roster):
    language, session_format, expected = narrowing_pair(directory_roster)
    attempts = []

    def fail_first(route):
        attempts.append(route.request.url)
        route.abort() if len(attempts) == 1 else route.continue_()

    page.route("**/therapists/directory.json", fail_first)
    page.goto(directory_url + "therapists/")
    page.locator(".tpg-filters").wait_for(state="visible")

    page.get_by_label("Language", exact=True).select_option(language.slug)
    status = page.locator("[data-status]")
    expect(status).to_contain_text("could not load")
    expect(status).to_contain_text("Browse therapists by")

    page.get_by_label("Format").select_option(session_format.slug)
    expect_status(page, len(expected))
    assert card_ids(page) == expected
    assert len(attempts) == 2
