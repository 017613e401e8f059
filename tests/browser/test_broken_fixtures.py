"""Each checker fails on a page broken on purpose (fixtures/broken/), and passes its clean twin (fixtures/clean/).

Without these, a checker that silently checked nothing would pass the real site too.
"""

from __future__ import annotations

import pytest

from support.browser import FIXTURES
from support.sitecheck import check_links, validate_html


def test_link_checker_reports_a_missing_page_and_a_missing_anchor():
    # Over both folders: the clean pages contribute nothing, the broken page exactly its two mistakes.
    assert check_links(FIXTURES) == [
        'broken/index.html:16: <a href="missing.html">: no such file: broken/missing.html',
        "broken/index.html:16: <a href=\"../clean/other.html#nowhere\">: no element with id 'nowhere' in clean/other.html",
    ]


def test_axe_reports_an_image_without_alt_text(page, fixtures_url, axe):
    page.goto(fixtures_url + "broken/")
    assert [v["id"] for v in axe(page)] == ["image-alt"]
    page.goto(fixtures_url + "clean/")
    assert axe(page) == []


def test_request_recorder_reports_a_third_party_script(page, fixtures_url, record_requests):
    requests = record_requests(page)
    page.goto(fixtures_url + "broken/")
    assert requests.third_party() == ["https://cdn.example.com/tracker.js"]
    requests.urls.clear()
    page.goto(fixtures_url + "clean/")
    assert requests.third_party() == []
    assert requests.urls, "the recorder saw nothing"


@pytest.mark.html_validator
def test_html_checker_reports_an_image_without_alt_text():
    errors = [f for f in validate_html(FIXTURES / "broken") if f.is_error]
    assert [(f.file, f.line) for f in errors] == [("index.html", 14)], errors
    assert "alt" in errors[0].message
    assert [f for f in validate_html(FIXTURES / "clean") if f.is_error] == []
