"""Under the Content-Security-Policy everything still works, nothing is reported, and injected code does not run."""

from __future__ import annotations

import pytest

from support.siteserver import TEMPLATES

# Installed before any page script: every CSP violation the page reports.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def watched(page):
    """The page, with CSP violations and console errors recorded from the first byte."""
    errors: list[str] = []
    page.add_init_script(LISTEN)
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, errors


def violations(page, errors) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations") + errors


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_page_reports_a_violation(watched, templates, template):
    page, errors = watched
    base, url = templates[template]
    page.goto(base + url, wait_until="networkidle")
    page.mouse.wheel(0, 20000)
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert violations(page, errors) == []


def test_search_works(watched, site_url):
    page, errors = watched
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("therapy")
    page.locator(".md-search-result__item").first.wait_for()
    # Enter opens the first result; without Material's script it would submit the search form.
    page.keyboard.press("Enter")
    page.wait_for_url("**/?h=therapy*")
    assert violations(page, errors) == []


def test_navigation_between_pages_works(watched, site_url, sample_roster):
    """Tabs load the next page under the policy and its scripts run again. navigation.instant is off
    (mkdocs.yml says why: the language menu must follow the page), so each click is a full page load."""
    page, errors = watched
    page.goto(site_url, wait_until="networkidle")
    for link, address in (("About therapy", "**/about-therapy/"), ("Find a therapist", "**/therapists/")):
        page.locator(".md-tabs__link", has_text=link).click()
        page.wait_for_url(address)
        page.wait_for_load_state("networkidle")
    # The directory page reached by a tab still filters (its script ran under the policy).
    language = min(sample_roster.facets()["language"], key=lambda f: len(f.therapists))
    page.select_option("#filter-language", value=language.term.slug)
    page.wait_for_function(
        "n => document.querySelectorAll('[data-results] li.tpg-card').length === n", arg=len(language.therapists)
    )
    assert violations(page, errors) == []


def test_the_palette_toggle_works(watched, site_url):
    page, errors = watched
    page.goto(site_url, wait_until="networkidle")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette_']:visible").click()
    other = "slate" if scheme == "default" else "default"
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{other}'")
    page.reload(wait_until="networkidle")  # the choice is kept (localStorage, read by an inline script)
    assert page.locator("body").get_attribute("data-md-color-scheme") == other
    assert violations(page, errors) == []


def test_the_directory_filter_works(watched, site_url, sample_roster):
    page, errors = watched
    page.goto(site_url + "therapists/", wait_until="networkidle")
    language = min(sample_roster.facets()["language"], key=lambda f: len(f.therapists))
    page.select_option("#filter-language", value=language.term.slug)
    cards = page.locator("[data-results] li.tpg-card")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-results] li.tpg-card').length === n", arg=len(language.therapists)
    )
    assert sorted(cards.evaluate_all("cs => cs.map(c => c.dataset.id)")) == sorted(t.id for t in language.therapists)
    assert violations(page, errors) == []


def test_injected_code_does_not_run_and_is_reported(watched, site_url):
    """The policy is enforced, not just present: markup added to a page cannot run script."""
    page, errors = watched
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("""() => {
      document.body.insertAdjacentHTML("beforeend", '<img src="x.png" onerror="window.__ran = 1">');
      const s = document.createElement("script"); s.textContent = "window.__ran = 2"; document.body.append(s);
    }""")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__ran") is None
    reported = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in reported), reported
