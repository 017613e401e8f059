"""Serving a built site on 127.0.0.1 the way GitHub Pages does, and the pages that stand for each template.

Used by the browser tests (tests/browser/) and by the report commands
(scripts/lighthouse.py, scripts/screenshots.py), so all of them look at the same pages.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import re
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from support import ROOT
from support.builds import build_site


def site_mount(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path the site is published under, from site_url (e.g. "/website/").

    The 404 page's links and assets are absolute to this path, so the site must be
    served under it for that page to work.
    """
    match = re.search(r"^site_url:\s*(\S+)", config.read_text(encoding="utf-8"), re.M)
    assert match, f"{config}: no site_url"
    path = urlsplit(match.group(1)).path or "/"
    return path if path.endswith("/") else path + "/"


# Content types sent compressed (GitHub Pages compresses these too).
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _Handler(SimpleHTTPRequestHandler):
    """Files under `mount`, and the site's 404.html (status 404) for anything missing there, as on GitHub Pages.

    Text is sent gzip-compressed, as GitHub Pages sends it, so that Lighthouse measures
    the page sizes visitors download.
    """

    mount = "/"
    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.mount) and path + "/" != self.mount:
            self.send_error(404)
            return None
        local = Path(self.translate_path(self.path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        if local.is_file():
            return self._send(200, local)
        if local.exists():
            return super().send_head()  # a folder without its trailing slash: redirect
        not_found = Path(self.directory) / "404.html"
        if not not_found.is_file():
            self.send_error(404)
            return None
        return self._send(404, not_found)

    def _send(self, status: int, file: Path):
        body = file.read_bytes()
        content_type = self.guess_type(str(file))
        compress = content_type.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        inside = parts.path[len(self.mount) :] if parts.path.startswith(self.mount) else ""
        return super().translate_path("/" + inside)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@contextlib.contextmanager
def serve(directory: Path, mount: str = "/") -> Iterator[str]:
    """Serve `directory` at http://127.0.0.1:<free port><mount>; yield that URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"mount": mount}), directory=str(directory))
    with loopback(handler) as origin:
        yield f"{origin}{mount}"


@contextlib.contextmanager
def loopback(handler) -> Iterator[str]:
    """Run an HTTP request handler on 127.0.0.1 at a free port, in a thread, for the length of the block;
    yield http://127.0.0.1:<port>. Only loopback traffic: the tests never reach another host."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# Every page template of the site, by the name the tests and reports use.
TEMPLATES = (
    "home",
    "article",
    "crisis",
    "directory",
    "profile",
    "facet-index",
    "facet",
    "accepting",
    "help-me-choose",
    "contact",
    "former-profile",
    "404",
)


def template_pages(roster) -> dict[str, str]:
    """A page for each of TEMPLATES, as site-relative URLs; none for a kind of page this roster has none of
    (a profile if nobody is listed, a facet if nobody names an approach, a former profile if nobody has left)."""
    pages = {
        "home": "",
        "article": "about-therapy/what-to-expect/",
        "crisis": "crisis/",
        "directory": "therapists/",
        "facet-index": "therapists/language/",
        "accepting": "therapists/accepting/",
        "help-me-choose": "therapists/help-me-choose/",
        "contact": "about/contact/",
        "404": "404.html",
    }
    if roster.therapists:
        pages["profile"] = ([t for t in roster.therapists if t.photo] or roster.therapists)[0].url
    if roster.facets()["approach"]:
        pages["facet"] = roster.facets()["approach"][0].url
    if roster.former:
        pages["former-profile"] = roster.former[0].url
    return pages


@contextlib.contextmanager
def built_site() -> Iterator[Path]:
    """The repository built with `mkdocs build --strict` into a temporary folder, for the report commands."""
    with tempfile.TemporaryDirectory(prefix="tpg-site-") as tmp:
        result = build_site(Path(tmp))
        if result.returncode != 0:
            raise SystemExit(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")
        yield Path(tmp)
