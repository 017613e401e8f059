"""The directory as a visitor uses it on a phone (390 x 844) and a laptop (1280 x 800): issue 14.

Few taps to an answer, the first card on the first screen, choices kept in the address,
counts that follow the other choices, search that finds, and a visible keyboard focus.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

from support.browser import describe

CARDS = "[data-results] li.tpg-card"
SIZES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
# The visitor of the issue: French-speaking, online (video) sessions, anxiety, accepting new clients; someone
# fits in support.rosters.directory_roster(). The same visitor speaking Spanish finds nobody (the one Spanish
# speaker sees people in person only), and is told which filter to drop.
GOALS = {
    "someone-fits": (("language", "French"), ("format", "Video"), ("area-of-practice", "Anxiety")),
    "nobody-fits": (("language", "Spanish"), ("format", "Video"), ("area-of-practice", "Anxiety")),
}


@pytest.fixture(params=list(SIZES))
def sized(request, browser):
    context = browser.new_context(**SIZES[request.param])
    page = context.new_page()
    page.size = request.param
    yield page
    context.close()


def card_ids(page) -> list[str]:
    return page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.id)")


def slug_of(roster, kind: str, name: str) -> str:
    return next(f.term.slug for f in roster.facets()[kind] if f.term.name == name)


def who(roster, wanted: dict[str, str], accepting: bool = False) -> list[str]:
    """Ids of the therapists who offer every wanted facet value (kind -> term name), in roster order."""
    chosen = [t for t in roster.therapists if not accepting or roster.availability(t) == "accepting"]
    for kind, name in wanted.items():
        members = {t.id for f in roster.facets()[kind] if f.term.name == name for t in f.therapists}
        chosen = [t for t in chosen if t.id in members]
    return [t.id for t in chosen]


def expect_count(page, count: int) -> str:
    status = page.locator("[data-status]")
    expect(status).to_have_text(re.compile(rf"\b{count} therapists?\b"))
    return status.inner_text()


def open_directory(page, base_url: str, query: str = "") -> None:
    page.goto(base_url + "therapists/" + query)
    page.locator(".tpg-filters").wait_for(state="visible")


def test_first_card_is_on_the_first_phone_screen(browser, directory_url):
    context = browser.new_context(**SIZES["phone"])
    try:
        page = context.new_page()
        open_directory(page, directory_url)
        name = page.locator(CARDS).first.locator(".tpg-card__name")
        box = name.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
        # The filters wait behind one button; the bar says how many are listed.
        expect(page.locator("[data-toggle]")).to_be_visible()
        expect(page.get_by_label("Language", exact=True)).to_be_hidden()
        expect(page.locator("[data-status]")).to_be_in_viewport()
    finally:
        context.close()


def test_the_filters_button_is_a_disclosure_on_a_phone_and_absent_on_a_laptop(browser, directory_url):
    phone = browser.new_context(**SIZES["phone"])
    try:
        page = phone.new_page()
        open_directory(page, directory_url)
        toggle = page.locator("[data-toggle]")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(page.get_by_label("Language", exact=True)).to_be_visible()
        assert page.evaluate("document.activeElement.dataset.toggle") == ""
        page.keyboard.press("Enter")
        expect(page.get_by_label("Language", exact=True)).to_be_hidden()
    finally:
        phone.close()
    laptop = browser.new_context(**SIZES["desktop"])
    try:
        page = laptop.new_page()
        open_directory(page, directory_url)
        expect(page.locator("[data-toggle]")).to_be_hidden()
        expect(page.get_by_label("Language", exact=True)).to_be_visible()
    finally:
        laptop.close()


@pytest.mark.parametrize("goal", list(GOALS))
def test_the_visitor_of_the_issue_gets_an_answer_in_four_taps(sized, directory_url, directory_roster, goal):
    """Each click, or each choice from a list, is one tap. The visitor stops at an answer:
    a card that fits, or a zero that names the filter to drop."""
    page = sized
    open_directory(page, directory_url)
    taps = 0
    if page.size == "phone":
        page.locator("[data-toggle]").click()
        taps += 1
    wanted: dict[str, str] = {}
    for kind, name in GOALS[goal]:
        page.locator(f"#filter-{kind}").select_option(slug_of(directory_roster, kind, name))
        taps += 1
        wanted[kind] = name
        expect_count(page, len(who(directory_roster, wanted)))
        if not who(directory_roster, wanted):
            break
    else:
        if taps < 4:
            page.get_by_label("Only therapists accepting new clients").check()
            taps += 1
    assert taps <= 4

    fits = who(directory_roster, dict(GOALS[goal]), accepting=True)
    assert bool(fits) == (goal == "someone-fits"), "support.rosters.directory_roster() no longer has this shape"
    if fits:
        assert set(card_ids(page)) & set(fits), "no card that fits is listed"
        return
    # Nobody fits: the page says so and names a filter whose removal brings someone back.
    assert card_ids(page) == []
    first = page.locator("[data-drop]").first
    expect(first).to_be_visible()
    dropped = first.get_attribute("data-drop")
    rest = {k: v for k, v in wanted.items() if k != dropped}
    label = dict(GOALS[goal])[dropped]
    expect(first).to_contain_text(label)
    expect(first).to_contain_text(f"({len(who(directory_roster, rest))} therapist")
    expect(page.locator("[data-status]")).to_contain_text("Removing \u201c")
    first.click()
    expect_count(page, len(who(directory_roster, rest)))
    assert card_ids(page) == who(directory_roster, rest)
    assert f"{dropped}=" not in page.url


def test_counts_follow_the_other_choices_and_zero_is_marked(page, directory_url, directory_roster):
    open_directory(page, directory_url)
    language = next(
        f for f in directory_roster.facets()["language"] if 0 < len(f.therapists) < len(directory_roster.therapists)
    )
    page.get_by_label("Language", exact=True).select_option(language.term.slug)
    expect_count(page, len(language.therapists))
    texts = page.locator("#filter-format option").evaluate_all("os => os.filter(o => o.value).map(o => o.textContent)")
    for facet, text in zip(directory_roster.facets()["format"], texts, strict=True):
        n = sum(facet.term in t.formats for t in language.therapists)
        assert text == f"{facet.term.name} ({n})" if n else f"{facet.term.name} (none)", text
    # The language's own options count as if no language were chosen.
    own = page.locator(f'#filter-language option[value="{language.term.slug}"]').text_content()
    assert own == f"{language.term.name} ({len(language.therapists)})"
    accepting = sum(directory_roster.availability(t) == "accepting" for t in language.therapists)
    expect(page.locator("label[for=filter-accepting]")).to_contain_text(f"({accepting})" if accepting else "(none)")


def test_the_address_reproduces_a_filtered_list_and_survives_reload(page, directory_url, directory_roster):
    language = next(f for f in directory_roster.facets()["language"] if len(f.therapists) > 1)
    format_ = next(
        f
        for f in directory_roster.facets()["format"]
        if 0 < len(who(directory_roster, {"language": language.term.name, "format": f.term.name}))
    )
    expected = who(directory_roster, {"language": language.term.name, "format": format_.term.name})
    open_directory(page, directory_url, f"?language={language.term.slug}&format={format_.term.slug}")
    expect_count(page, len(expected))
    assert card_ids(page) == expected
    assert page.get_by_label("Language", exact=True).input_value() == language.term.slug
    expect(page.locator("[data-chosen]")).to_have_text(" (2 on)")

    page.get_by_label("Only therapists accepting new clients").check()
    accepting = who(directory_roster, {"language": language.term.name, "format": format_.term.name}, accepting=True)
    expect_count(page, len(accepting))
    assert parse_qs(urlsplit(page.url).query) == {
        "language": [language.term.slug],
        "format": [format_.term.slug],
        "accepting": ["yes"],
    }
    page.reload()
    page.locator(".tpg-filters").wait_for(state="visible")
    expect_count(page, len(accepting))
    assert card_ids(page) == accepting
    assert page.get_by_label("Only therapists accepting new clients").is_checked()

    page.get_by_role("button", name="Clear filters").click()
    expect_count(page, len(directory_roster.therapists))
    assert urlsplit(page.url).query == ""


def test_an_unknown_value_in_the_address_is_ignored(page, directory_url, directory_roster):
    open_directory(page, directory_url, "?language=klingon&unrelated=1")
    expect(page.locator("[data-status]")).to_have_text(re.compile(r"Showing all"))
    assert page.get_by_label("Language", exact=True).input_value() == ""


def test_back_from_a_profile_restores_the_list_and_its_filters_together(sized, directory_url, directory_roster):
    page = sized
    language = next(
        f for f in directory_roster.facets()["language"] if 1 < len(f.therapists) < len(directory_roster.therapists)
    )
    expected = [t.id for t in language.therapists]
    open_directory(page, directory_url, f"?language={language.term.slug}")
    expect_count(page, len(expected))
    page.locator(CARDS).first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/therapists/" + re.escape(expected[0]) + "/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(f"?language={language.term.slug}") + "$"))
    expect_count(page, len(expected))
    assert card_ids(page) == expected
    assert page.locator("#filter-language").input_value() == language.term.slug


def test_filtering_in_the_page_and_back_from_a_profile(page, directory_url, directory_roster):
    """Filters chosen in the page (not from a link) are in the address that Back returns to."""
    language = next(
        f for f in directory_roster.facets()["language"] if 1 < len(f.therapists) < len(directory_roster.therapists)
    )
    expected = [t.id for t in language.therapists]
    open_directory(page, directory_url)
    page.get_by_label("Language", exact=True).select_option(language.term.slug)
    expect_count(page, len(expected))
    page.locator(CARDS).nth(1).get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/therapists/" + re.escape(expected[1]) + "/$"))
    page.go_back()
    expect_count(page, len(expected))
    assert card_ids(page) == expected
    assert page.get_by_label("Language", exact=True).input_value() == language.term.slug


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_accepting_checkbox_shows_keyboard_focus(browser, directory_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport=SIZES["desktop"]["viewport"])
    try:
        page = context.new_page()
        open_directory(page, directory_url)
        box = page.get_by_label("Only therapists accepting new clients")
        for _ in range(200):
            if page.evaluate("document.activeElement.id") == "filter-accepting":
                break
            page.keyboard.press("Tab")
        else:
            pytest.fail("the checkbox cannot be reached with Tab")
        style = box.evaluate(
            "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
        )
        assert style[0] != "none" and float(style[1].rstrip("px")) >= 1, style
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert style[2] != background, (style, background)
    finally:
        context.close()


def test_zero_results_and_open_filters_have_no_wcag_22_violations(browser, directory_url, directory_roster, axe):
    context = browser.new_context(**SIZES["phone"])
    try:
        page = context.new_page()
        open_directory(
            page,
            directory_url,
            "?" + "&".join(f"{k}={slug_of(directory_roster, k, v)}" for k, v in GOALS["nobody-fits"]),
        )
        expect_count(page, 0)
        page.locator("[data-toggle]").click()
        expect(page.locator("[data-toggle]")).to_have_attribute("aria-expanded", "true")
        violations = axe(page)
    finally:
        context.close()
    assert not violations, describe(violations)


# ---- search ------------------------------------------------------------------


def search(page, base_url: str, query: str) -> list[str]:
    """Site-relative addresses of Material's search results for `query`, best first."""
    page.goto(base_url)
    page.keyboard.press("/")
    # A query typed before the index has loaded is not searched again once it has.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    return [
        urlsplit(h).path.removeprefix(urlsplit(base_url).path)
        + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
        for h in hrefs
    ]


@pytest.mark.parametrize("query", ["988", "911", "suicide", "crisis"])
def test_search_finds_the_crisis_page_first(page, site_url, query):
    assert search(page, site_url, query)[0] == "crisis/"


def test_search_for_anxiety_leads_to_therapists_and_never_to_sources(page, directory_url, directory_roster):
    found = search(page, directory_url, "anxiety")
    # Which therapist page ranks first depends on how long each profile is (Lunr weighs short pages up), so the
    # first result is one of the directory's pages, and the browse page by area is among the results.
    assert found[0].startswith("therapists/"), found
    assert "therapists/area-of-practice/" in found, found
    anxious = {
        t.url for f in directory_roster.facets()["area-of-practice"] if f.term.name == "Anxiety" for t in f.therapists
    }
    assert anxious & set(found), found
    assert not [f for f in found if f.endswith(("#sources", "#fn:1"))], found


def test_search_finds_a_profile_by_language_and_approach(page, directory_url, directory_roster):
    french = next(f for f in directory_roster.facets()["language"] if f.term.name == "French")
    assert {t.url for t in french.therapists} <= set(search(page, directory_url, "French"))
    dbt = next(f for f in directory_roster.facets()["approach"] if f.term.name == "DBT")
    assert {t.url for t in dbt.therapists} <= set(search(page, directory_url, "DBT"))


# ---- chrome ------------------------------------------------------------------


def test_public_pages_show_no_repository_link_or_edit_pencil_but_a_report_link(page, site_url):
    page.goto(site_url + "approaches/cbt/")
    assert page.locator(".md-source, .md-content__button").count() == 0
    report = page.get_by_role("link", name="Report a mistake on this page")
    expected_page = "https://toronto-psychotherapy-group.github.io/website/approaches/cbt/"
    assert report.get_attribute("href") == (
        "https://github.com/toronto-psychotherapy-group/website/issues/new"
        f"?template=article-error.yml&page={quote(expected_page)}"
    )
    staff = page.get_by_role("link", name="Edit (staff)")
    assert staff.get_attribute("href").endswith("/edit/main/docs/approaches/cbt.md")


def test_home_title_says_the_name_once(page, site_url):
    page.goto(site_url)
    assert page.title() == "Toronto Psychotherapy Group"


def test_on_a_phone_permalinks_stay_with_their_heading(browser, site_url):
    context = browser.new_context(**SIZES["phone"])
    try:
        page = context.new_page()
        page.goto(site_url + "about-therapy/professions-compared/")
        alone = page.locator(".md-typeset h2, .md-typeset h3").evaluate_all(
            """hs => hs.filter(h => {
                const link = h.querySelector('.headerlink');
                if (!link) return false;
                const range = document.createRange();
                range.setStart(h, 0);
                range.setEndBefore(link);
                const lines = [...range.getClientRects()];
                return !lines.some(r => Math.abs(r.top - link.getBoundingClientRect().top) < 4);
            }).map(h => h.id)"""
        )
        assert alone == []
    finally:
        context.close()


def test_on_a_phone_an_email_address_on_a_profile_stays_whole(browser, directory_url, directory_roster):
    context = browser.new_context(**SIZES["phone"])
    try:
        page = context.new_page()
        emailer = next(t for t in directory_roster.therapists if t.contact_url.startswith("mailto:"))
        page.goto(directory_url + emailer.url)
        address = page.locator(".tpg-profile__actions .tpg-nowrap")
        assert address.inner_text() == emailer.contact_url[7:]
        assert address.evaluate("el => el.getClientRects().length") == 1
        button = page.locator(".tpg-profile__actions .md-button").last.bounding_box()
        assert button["x"] + button["width"] <= 390
    finally:
        context.close()


# ---- help me choose -----------------------------------------------------------


def test_help_me_choose_sets_the_directory_filters_and_keeps_answers_in_the_browser(
    page, directory_url, directory_roster, record_requests
):
    page.goto(directory_url + "therapists/help-me-choose/")
    expect(page.get_by_label("What would you like help with?")).to_be_visible()
    expect(page.locator("main")).to_contain_text("starting point, not a match")
    storage = "JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])"
    before = page.evaluate(storage)
    requests = record_requests(page)
    area = next(f for f in directory_roster.facets()["area-of-practice"] if f.term.name == "Anxiety")
    page.get_by_label("What would you like help with?").select_option(area.term.slug)
    page.get_by_label("Only show therapists who are accepting new clients").check()
    expected = who(directory_roster, {"area-of-practice": "Anxiety"}, accepting=True)
    expect(page.locator("[data-chooser] [data-status]")).to_contain_text(f"{len(expected)} therapist")
    link = page.locator("[data-link]")
    assert link.get_attribute("href") == f"../?area-of-practice={area.term.slug}&accepting=yes"
    share = page.locator("[data-share]")
    assert share.inner_text() == directory_url + f"therapists/?area-of-practice={area.term.slug}&accepting=yes"
    # Answering sent nothing and stored nothing (Material keeps its own settings in storage).
    assert requests.urls == []
    assert page.evaluate(storage) == before

    link.click()
    expect_count(page, len(expected))
    assert card_ids(page) == expected
    assert page.get_by_label("Area of practice").input_value() == area.term.slug


def test_help_me_choose_without_javascript_points_to_the_browse_pages(browser, directory_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(directory_url + "therapists/help-me-choose/")
        expect(page.locator("[data-chooser]")).to_be_hidden()
        for name in ("area of practice", "language", "who is accepting new clients"):
            expect(page.locator("main").get_by_role("link", name=name, exact=True)).to_be_visible()
    finally:
        context.close()
