"""Browser tests: the built site served on 127.0.0.1 from the test session, and Debian's Chromium.

pytest-playwright provides the `browser` and `page` fixtures; this file points it at
/usr/bin/chromium (Playwright's own browser download is not used) and adds helpers
that the tests share: the served site, the template pages, axe-core, and a recorder
of every request a page makes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import roster
from model import Roster
from support import ROOT, drill
from support.browser import AXE, CHROMIUM, FIXTURES, WCAG_TAGS, Requests
from support.builds import build_site
from support.fixture_project import BASE_NAV, make_project
from support.rosters import directory_roster as directory_roster_text
from support.siteserver import TEMPLATES, serve, site_mount, template_pages


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's chromium; always pass --disable-dev-shm-usage ourselves, because the
    # wrapper's own /dev/shm size check misfires where /dev/shm is mounted twice.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--disable-dev-shm-usage"]}


@pytest.fixture(scope="session")
def site_url(site) -> Iterator[str]:
    """The built site, served under its published path (e.g. http://127.0.0.1:PORT/website/)."""
    with serve(site, site_mount()) as url:
        yield url


@pytest.fixture(scope="session")
def directory_site(tmp_path_factory) -> tuple[Path, Roster]:
    """A small site built from support.rosters.directory_roster(), with a photo and the help-me-choose page, and
    its loaded roster. The directory's behaviour is tested here, on a roster of a known shape: the real roster
    may have anyone in it (at launch: no French, nobody accepting, no photos)."""
    tmp = tmp_path_factory.mktemp("directory")
    chooser = "therapists/help-me-choose.md"
    pages = {chooser: (ROOT / "docs" / chooser).read_text(encoding="utf-8")}
    project = make_project(tmp, pages, [*BASE_NAV, chooser], directory_roster_text())
    drill.add_photo(project)
    out = tmp / "out"
    result = build_site(out, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, roster.load_and_validate(project / drill.ROSTER, docs_dir=project / "docs")


@pytest.fixture(scope="session")
def directory_roster(directory_site) -> Roster:
    return directory_site[1]


@pytest.fixture(scope="session")
def directory_url(directory_site) -> Iterator[str]:
    """The directory fixture site, served as site_url serves the real one."""
    with serve(directory_site[0], site_mount()) as url:
        yield url


@pytest.fixture(scope="session")
def templates(request, site_url, sample_roster) -> dict[str, tuple[str, str]]:
    """Name of each page template -> (served site, site-relative URL) of a page that uses it: a page of the real
    site, or of the directory fixture site for a kind of page the real roster has none of (e.g. nobody has left)."""
    pages = {name: (site_url, url) for name, url in template_pages(sample_roster).items()}
    if set(TEMPLATES) - set(pages):
        fixture_url = request.getfixturevalue("directory_url")
        fixture_pages = template_pages(request.getfixturevalue("directory_roster"))
        pages = {name: (fixture_url, url) for name, url in fixture_pages.items()} | pages
    missing = set(TEMPLATES) - set(pages)
    assert not missing, f"no page for the templates {sorted(missing)}"
    return pages


@pytest.fixture(scope="session")
def fixtures_url() -> Iterator[str]:
    """tests/browser/fixtures/, served the same way as the site."""
    with serve(FIXTURES, "/") as url:
        yield url


@pytest.fixture(scope="session")
def axe() -> Callable:
    """axe(page) -> the page's WCAG 2.0, 2.1 and 2.2 A and AA violations, as axe-core reports them."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (scripts/test.sh does)")

    def run(page) -> list[dict]:
        # Run through DevTools: the page's Content-Security-Policy blocks an added inline <script>.
        page.evaluate(AXE.read_text(encoding="utf-8"))
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        return results["violations"]

    return run


@pytest.fixture
def record_requests() -> Callable:
    """record_requests(page) -> a Requests that fills as the page loads.

    Requests to other hosts are recorded and then aborted: the machine may have no
    internet, and a test must not wait for a DNS failure.
    """

    def start(page) -> Requests:
        seen = Requests([], [])
        context = page.context

        def local(url: str) -> bool:
            return urlsplit(url).hostname == "127.0.0.1"

        context.on("request", lambda request: seen.urls.append(request.url))
        context.route("**/*", lambda route: route.continue_() if local(route.request.url) else route.abort())
        context.on("response", lambda r: r.status >= 400 and seen.failures.append(f"{r.status} {r.url}"))
        context.on("requestfailed", lambda r: local(r.url) and seen.failures.append(f"{r.failure} {r.url}"))
        return seen

    return start
