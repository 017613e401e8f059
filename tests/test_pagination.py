"""A roster larger than one page: every list is split into pages that, together, hold exactly the right therapists."""

from __future__ import annotations

import re

import pytest

import render
import roster as roster_module
from benchmarks import synthetic
from support.builds import build_site
from support.sitefiles import read_page

COUNT = 130  # three directory pages of render.PAGE_SIZE (48)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    path = synthetic.write(folder / "roster.yml", COUNT)
    result = build_site(folder / "site", roster=path)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site", roster_module.load_and_validate(path)


def cards_across_pages(site, first_url: str) -> list[str]:
    """Card ids on a list page and on every page its page links lead to, in page order."""
    first = read_page(site / first_url / "index.html")
    urls = [first_url] + [f"{first_url}page/{n}/" for n in range(2, 1 + len(page_numbers(first)))]
    ids = []
    for url in urls:
        page = read_page(site / url / "index.html")
        ids += [v for tag, k, v in page.attributes if tag == "li" and k == "data-id"]
    return ids


def page_numbers(page) -> list[str]:
    nav = re.search(r'<nav class="tpg-pages".*?</nav>', page.html, re.S)
    return re.findall(r">(\d+)<", nav.group(0)) if nav else ["1"]


def test_directory_pages_hold_every_therapist_once(big):
    site, roster = big
    assert len(roster.therapists) >= COUNT
    first = read_page(site / "therapists" / "index.html")
    assert page_numbers(first) == ["1", "2", "3"]
    assert cards_across_pages(site, "therapists/") == [t.id for t in roster.therapists]


def test_facet_and_accepting_pages_are_split_and_complete(big):
    site, roster = big
    split = 0
    for entries in roster.facets().values():
        for facet in entries:
            assert cards_across_pages(site, facet.url) == [t.id for t in facet.therapists], facet.url
            split += len(facet.therapists) > render.PAGE_SIZE
    assert split, "the test roster should make at least one facet longer than a page"
    assert cards_across_pages(site, "therapists/accepting/") == [t.id for t in roster.accepting()]


def test_every_list_page_is_at_most_one_page_of_cards(big):
    site, _ = big
    for path in (site / "therapists").rglob("index.html"):
        cards = read_page(path).html.count('class="tpg-card"')
        assert cards <= render.PAGE_SIZE, path


def test_approach_articles_list_a_few_and_link_to_the_rest(big):
    site, roster = big
    cbt = roster.offering("CBT")
    assert len(cbt) > render.OFFERING_LIMIT
    page = read_page(site / "approaches" / "cbt" / "index.html")
    listed = re.findall(r'<li><a href="\.\./\.\./therapists/([a-z0-9-]+)/"', page.html)
    assert listed == [t.id for t in cbt[: render.OFFERING_LIMIT]]
    assert f"See all {len(cbt)} therapists who offer CBT" in page.text
    assert 'href="../../therapists/approach/cbt/"' in page.html
