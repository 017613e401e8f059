"""Reading a built site: its HTML pages, and the links, resources and text in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    path: Path
    html: str
    text: str = ""
    title: str = ""
    scripts: list[str] = field(default_factory=list)  # bodies of inline scripts the browser runs (not JSON data)
    resources: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, URL) loaded by the browser
    links: list[str] = field(default_factory=list)  # <a href>
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # every (tag, name, value)
    ids: set[str] = field(default_factory=set)


class _Parser(HTMLParser):
    # Attributes that make the browser fetch something as the page loads.
    LOADS = {
        ("script", "src"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("iframe", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("link", "href"),
    }

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        self.text: list[str] = []
        self.data_script = False

    def handle_starttag(self, tag, attrs):
        attrs = [(k, v or "") for k, v in attrs]
        self.stack.append(tag)
        if tag == "script":
            self.data_script = "json" in dict(attrs).get("type", "")
        for name, value in attrs:
            self.page.attributes.append((tag, name, value))
            if name == "id":
                self.page.ids.add(value)
            if (tag, name) in self.LOADS:
                rel = dict(attrs).get("rel", "")
                # Navigational <link>s (canonical, alternate, next) are not fetched by the browser.
                if tag == "link" and not any(
                    r in rel
                    for r in (
                        "stylesheet",
                        "icon",
                        "preload",
                        "modulepreload",
                        "preconnect",
                        "dns-prefetch",
                        "manifest",
                    )
                ):
                    continue
                self.page.resources.append((tag, name, value))
            if tag == "a" and name == "href":
                self.page.links.append(value)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        current = self.stack[-1] if self.stack else ""
        if current == "script":
            if not self.data_script:
                self.page.scripts.append(data)
        elif current == "title":
            self.page.title += data
        elif current != "style":
            self.text.append(data)


def read_page(path: Path) -> Page:
    page = Page(path, path.read_text(encoding="utf-8"))
    parser = _Parser(page)
    parser.feed(page.html)
    page.text = " ".join("".join(parser.text).split())
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, path: Path) -> str:
    """Site-relative directory URL of a built page: therapists/jane-doe/index.html -> therapists/jane-doe/."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel
