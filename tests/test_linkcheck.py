"""hooks/linkcheck.py against a small server on 127.0.0.1: it finds the page that vanished and the page that moved.

Only loopback traffic: every link in the fixture docs points at the test's own server.
"""

from __future__ import annotations

import datetime
import http.server

import linkcheck
import pytest

from support.siteserver import loopback


class _Handler(http.server.BaseHTTPRequestHandler):
    # path -> (status, Location header or None)
    ROUTES = {
        "/ok": (200, None),
        "/moved": (301, "/new-home"),
        "/new-home": (200, None),
        "/slash": (301, "/slash/"),
        "/slash/": (200, None),
    }

    def do_GET(self):
        status, location = self.ROUTES.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch):
    # A proxy set for the machine must not see loopback requests.
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with loopback(_Handler) as origin:
        yield origin


def _docs(tmp_path, base):
    docs = tmp_path / "docs"
    (docs / "about").mkdir(parents=True)
    (docs / "about" / "page.md").write_text(
        "# Page\n\n"
        f"Fine.[^ok] Gone.[^gone] Moved.[^moved] See [slash]({base}/slash).\n\n"
        "## Sources\n\n"
        f"[^ok]: A page. <{base}/ok>\n"
        f"[^gone]: A page that vanished. <{base}/gone>\n"
        f"[^moved]: A page that moved. <{base}/moved>\n",
        encoding="utf-8",
    )
    (docs / "page.fr.md").write_text(f"# Page\n\nDisparue. <{base}/gone>\n", encoding="utf-8")
    return docs


def test_finds_the_vanished_and_the_moved_page_and_where_each_is_cited(tmp_path, server):
    found = linkcheck.check(_docs(tmp_path, server), timeout=5)
    by_url = {f.url: f for f in found}
    assert set(by_url) == {f"{server}/gone", f"{server}/moved"}, found
    gone = by_url[f"{server}/gone"]
    assert gone.problem == "answers 404 Not Found"
    assert [(c.file, c.line) for c in gone.citations] == [("docs/about/page.md", 8), ("docs/page.fr.md", 3)]
    moved = by_url[f"{server}/moved"]
    assert moved.problem == f"moved to {server}/new-home"
    assert [(c.file, c.line) for c in moved.citations] == [("docs/about/page.md", 9)]

    section = linkcheck.markdown(found, datetime.date(2026, 1, 5))
    assert section.startswith("## Sources that moved or vanished")
    assert f"- [ ] `docs/about/page.md:8, docs/page.fr.md:3`: <{server}/gone> answers 404 Not Found:" in section
    assert f"<{server}/moved> moved to {server}/new-home: check that the new page" in section


def test_every_link_fine_gives_an_empty_section(tmp_path, server):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(f"[ok]({server}/ok) and <{server}/slash>\n", encoding="utf-8")
    assert linkcheck.check(docs, timeout=5) == []
    assert linkcheck.markdown([], datetime.date(2026, 1, 5)) == ""


@pytest.mark.parametrize(
    ("original", "final", "is_moved"),
    [
        ("http://crpo.ca/page", "https://www.crpo.ca/page/", False),
        ("https://crpo.ca/page", "https://crpo.ca/other", True),
        ("https://crpo.ca/page", "https://example.org/page", True),
        ("https://crpo.ca/page?id=1", "https://crpo.ca/page?id=2", True),
    ],
)
def test_a_move_is_a_new_host_or_path_not_https_or_www(original, final, is_moved):
    assert linkcheck.moved(original, final) is is_moved


def test_links_are_found_in_footnotes_and_inline_links_but_not_mail_or_phone(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(
        "[call](tel:988) [mail](mailto:a@example.org)\n[x](https://a.example/1) <https://b.example/2>\n",
        encoding="utf-8",
    )
    assert linkcheck.external_links(docs) == {
        "https://a.example/1": [linkcheck.Citation("docs/a.md", 2)],
        "https://b.example/2": [linkcheck.Citation("docs/a.md", 2)],
    }


def test_a_missing_checker_is_a_plain_error(monkeypatch):
    monkeypatch.setattr(linkcheck.shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(linkcheck.CheckerError, match="pip install --require-hashes -r requirements/dev.txt"):
        linkcheck.run_linkchecker(["https://a.example/"])
