"""Hostile text in every data file, front-matter field, article and include stays text, on every kind of page,
in a real browser.

The fixture is the whole project with a therapist whose every text field is a
payload: script tags, event handlers, javascript: links, Jinja expressions and
closing tags that would end a <title>, <script>, <textarea> or <style>. The same
payloads go into the crisis lines, the taxonomy (one term of each facet that only
this therapist has, and a college), an article's title and description, its body
(as text: code, entities, escapes, a link's title), a heading, a page whose title
comes from its heading, and the glossary include that every page appends; the
therapist reviews that article, accepts new clients and has a former colleague
with a hostile name. A payload that turned into markup anywhere would carry
data-pwn or an event handler, open a dialog, or fetch from evil.example. (Markup
that the checks refuse, such as a raw <script> in an article, cannot be built at
all: tests/fixtures/hostile-docs/html-*.)
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from support import REVIEWED, ROOT
from support.builds import build_site
from support.sitefiles import html_pages, read_page
from support.siteserver import serve, site_mount

# Text that is evaluated would print PWNEVAL or PWNLOOPA; as text it never does.
JINJA = '{{ "PWN" ~ "EVAL" }}{% for c in "A" %}PWNLOOP{{ c }}{% endfor %}'
CLOSERS = "</title></textarea></script></style>"
MARKUP = "\"'><script data-pwn>alert(1)</script><img data-pwn src=//evil.example/p onerror=alert(2)>"
# At most 200 characters each: the limit of the roster's short fields.
LONG = f"Pwn {CLOSERS}{MARKUP}{JINJA}"
OTHER = f"Fee </noscript><svg data-pwn onload=alert(3)><a data-pwn href=javascript:alert(4)>x</a> {JINJA}"
# Names are limited to 100 characters.
NAME = 'Pwn Q </title></script>"><img data-pwn src=x onerror=alert(6)>{{ "PWN" ~ "EVAL" }}'
FORMER_NAME = 'Gone </title>"><svg data-pwn onload=alert(7)>{{ "PWN" ~ "EVAL" }}'
# Links must pass the roster's checks (https:, one word), so these try to break out of the attribute.
URL = 'https://evil.example/"><svg/data-pwn/onload=alert(8)>'
ARTICLE = "about-therapy/what-to-expect.md"
ARTICLE_URL = "about-therapy/what-to-expect/"
# Article front matter is rendered by mkdocs-macros on purpose, so it gets the HTML payloads only.
ARTICLE_TITLE = "What to expect </title><img data-pwn src=x onerror=alert(9)>"
# The article checker refuses " < > and & in a description, so this one tests that it is escaped once.
ARTICLE_DESCRIPTION = "It's a 'quoted' description"
# Text in the article's body that Markdown must leave as text: a code span, a code block, entities,
# a backslash escape and a link's title; and a glossary term whose tooltip (from the include) is a payload.
BODY = (
    "PWNBODY `<script data-pwn>alert(21)</script>` and &lt;img data-pwn src=x onerror=alert(23)&gt; "
    "&#60;svg data-pwn onload=alert(24)> [a link](https://www.crpo.ca/ '\"><img data-pwn src=x onerror=alert(25)>') "
    "PWNABBR.\n\n```html\n<img data-pwn src=x onerror=alert(22)>\n```\n\n"
    "## PWNSUB &lt;img data-pwn src=x onerror=alert(26)&gt; `<svg data-pwn onload=alert(27)>`\n\nMore text.\n\n"
)
ABBREVIATION = '"><img data-pwn src=x onerror=alert(28)></abbr><script data-pwn>alert(29)</script>'
# A page whose title comes from its first heading (no title in its front matter, none in the nav).
HEADING_PAGE, HEADING_URL = "approaches/index.md", "approaches/"
HEADING = "PWNHEAD &lt;/title&gt;&lt;img data-pwn src=x onerror=alert(19)&gt;"

assert len(LONG) <= 200 and len(OTHER) <= 200 and len(NAME) <= 100 and len(FORMER_NAME) <= 100

# A term of each taxonomy section that only the payload therapist has: (section, facet kind, name).
TERMS = [
    ("languages", "language", "Lang " + MARKUP[:80]),
    ("areas_of_practice", "area-of-practice", "Spec <script data-pwn>alert(10)</script>"),
    ("approaches", "approach", "Appr <img data-pwn src=x onerror=alert(11)>"),
    ("clients", "clients", "Cli </title><svg data-pwn onload=alert(12)>"),
    ("formats", "format", 'Fmt "><img data-pwn src=x onerror=alert(13)>'),
    ("times", "times", "Time <svg data-pwn onload=alert(17)>"),
]
COLLEGE = "PWN <img data-pwn src=x onerror=alert(14)>"
INSURER = "Ins <img data-pwn src=x onerror=alert(18)>"

SELECTOR = "[data-pwn], [onerror], [onload], [onclick], [onmouseover], a[href^='javascript:' i]"


def payload_entry(photo: str) -> dict:
    terms = {section: [name] for section, _, name in TERMS}
    terms["languages"].append("English")
    return {
        "id": "pwn-payload",
        "name": NAME,
        "pronouns": LONG,
        "credentials": [LONG, "RP"],
        "registration": {"college": COLLEGE, "number": "PWN-1", "status": LONG, "supervisor": NAME},
        **terms,
        "formats": [*terms["formats"], "In person"],
        "offices": ["spadina"],
        "gender_identity": NAME,
        "fees": {"individual": 150, "sliding_scale": True, "free_consultation": True, "direct_billing": [INSURER]},
        "fee_note": OTHER,
        "availability": "accepting",
        "availability_confirmed_on": datetime.date.today(),
        "booking_url": URL,
        "contact_url": URL,
        "photo": photo,
        "photo_alt": LONG,
        "bio": f"{LONG}\n\n[link](javascript:alert(15)) <b data-pwn onclick=alert(16)>b</b>\n\n{OTHER}",
    }


def make_payload_project(tmp: Path) -> Path:
    """This project, copied, with the payloads in its roster, taxonomy, crisis lines and one article."""
    project = tmp / "project"
    for folder in ("docs", "hooks", "overrides", "includes", "data"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    data = project / "data"

    taxonomy = yaml.safe_load((data / "taxonomy.yml").read_text(encoding="utf-8"))
    for section, _, name in TERMS:
        term = {"name": name, "fr": name}
        if section == "approaches":
            term.update(title=LONG, article="approaches/cbt.md")
        taxonomy[section].append(term)
    # A title that practises under supervision, so the profile's supervision note carries a payload too.
    titles = [{"name": LONG, "supervised": True}]
    taxonomy["colleges"].append(
        {"name": COLLEGE, "title": LONG, "title_fr": LONG, "url": URL, "register": URL, "titles": titles}
    )
    taxonomy["insurers"].append({"name": INSURER})
    (data / "taxonomy.yml").write_text(yaml.safe_dump(taxonomy, allow_unicode=True), encoding="utf-8")

    crisis = yaml.safe_load((data / "crisis.yml").read_text(encoding="utf-8"))
    crisis["lines"].append(
        # Phone numbers must be digits, so only the text fields carry payloads.
        {"name": NAME, "action": LONG, "tel": "4165550100", "sms": "686868"}
        | {"hours": OTHER, "for": LONG, "source": URL}
        | {"name_fr": NAME, "action_fr": LONG, "hours_fr": OTHER, "for_fr": LONG}
    )
    # Every line checked recently, whatever day the test runs, so the build refuses no line for its age.
    for line in crisis["lines"]:
        # A new date object for each line: yaml writes one shared object as an anchor, which the build refuses.
        line["verified_on"] = datetime.date.fromordinal(REVIEWED.toordinal())
    (data / "crisis.yml").write_text(yaml.safe_dump(crisis, allow_unicode=True), encoding="utf-8")

    practice = yaml.safe_load((data / "practice.yml").read_text(encoding="utf-8"))
    practice["name"] = NAME
    practice["booking"]["provider"] = NAME
    practice["privacy_contact"] |= {"name": NAME, "role": NAME}
    office = practice["offices"][0]
    office |= {"name": NAME, "street": LONG, "city": NAME, "access_note": LONG, "transit": OTHER, "hours": LONG}
    text = yaml.safe_dump(practice, allow_unicode=True, sort_keys=False, width=10_000)
    # Phone numbers must be quoted; safe_dump quotes only where YAML needs it.
    (data / "practice.yml").write_text(re.sub(r"phone: ([\d-]+)$", r'phone: "\1"', text, flags=re.M))

    roster = yaml.safe_load((data / "therapists.yml").read_text(encoding="utf-8"))
    # The payload therapist's own photo: the roster in data/ may have none.
    shutil.copy(ROOT / "tests" / "fixtures" / "photos" / "square.webp", project / "docs/assets/therapists/pwn.webp")
    former = {"id": "pwn-former", "name": FORMER_NAME, "former": True}
    roster["therapists"] += [payload_entry("assets/therapists/pwn.webp"), former]
    # Registration numbers must be quoted in the roster; safe_dump quotes only where YAML needs it.
    text = yaml.safe_dump(roster, allow_unicode=True, sort_keys=False, width=10_000)
    (data / "therapists.yml").write_text(re.sub(r"number: (\w[\w-]*)$", r'number: "\1"', text, flags=re.M))

    article = project / "docs" / ARTICLE
    text = article.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", lambda _: "title: " + json.dumps(ARTICLE_TITLE), text, count=1, flags=re.M)
    text = re.sub(
        r"^description: .*$", lambda _: "description: " + json.dumps(ARTICLE_DESCRIPTION), text, count=1, flags=re.M
    )
    text = re.sub(r"^reviewed_by: .*$", "reviewed_by: pwn-payload", text, count=1, flags=re.M)
    text = text.replace("\n## Sources", f"\n{BODY}## Sources", 1)
    article.write_text(text, encoding="utf-8")

    page = project / "docs" / HEADING_PAGE
    text = re.sub(r"^title: .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M)
    page.write_text(re.sub(r"^# .*$", lambda _: f"# {HEADING}", text, count=1, flags=re.M), encoding="utf-8")
    for include in (project / "includes").glob("abbreviations*.md"):
        include.write_text(include.read_text(encoding="utf-8") + f"*[PWNABBR]: {ABBREVIATION}\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("payloads")
    project = make_payload_project(tmp)
    result = build_site(tmp / "site", project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def payload_url(payload_site):
    with serve(payload_site, site_mount()) as url:
        yield url


def pages_to_visit() -> dict[str, str]:
    from roster import slugify

    pages = {
        "home": "",
        "article": ARTICLE_URL,
        "title from heading": HEADING_URL,
        "crisis": "crisis/",
        "directory": "therapists/",
        "profile": "therapists/pwn-payload/",
        "former-profile": "therapists/pwn-former/",
        "accepting": "therapists/accepting/",
        "404": "therapists/no-such-person/",
    }
    for _, kind, name in TERMS:
        pages[f"{kind} index"] = f"therapists/{kind}/"
        pages[f"{kind} facet"] = f"therapists/{kind}/{slugify(name)}/"
    return pages


# ---------------------------------------------------------------------------
# The built files
# ---------------------------------------------------------------------------


class _Markup(HTMLParser):
    """Every attribute, and the body of every inline script the browser would run, of an HTML string."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.in_script = self.in_data = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        # JSON data (the __config block, JSON-LD) is never run, and JSON-LD holds the payloads as data.
        self.in_data = tag == "script" and "json" in dict(attrs).get("type", "")
        self.in_script = tag == "script" and not self.in_data

    def handle_endtag(self, tag):
        self.in_script = self.in_data = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts.append(data)
        elif not self.in_data:
            self.text.append(data)


def markup_problems(html: str) -> list[str]:
    """Payload markup in an HTML string: elements, handlers, javascript: links, evaluated templates."""
    parsed = _Markup(html)
    problems = [f"<{tag} {name}>" for tag, name, _ in parsed.attributes if name == "data-pwn" or name.startswith("on")]
    problems += [
        f"<{tag} {name}={value!r}>" for tag, name, value in parsed.attributes if "javascript:" in value.lower()
    ]
    problems += [f"script: {s[:60]!r}" for s in parsed.scripts if "alert(" in s]
    problems += [word for word in ("PWNEVAL", "PWNLOOPA") if word in html]
    return problems


def text_of(html: str) -> str:
    return " ".join("".join(_Markup(html).text).split())


def test_the_payloads_are_in_the_site(payload_site):
    """The test sees the payload pages it means to check (a renamed field would otherwise pass silently)."""
    profile = read_page(payload_site / "therapists" / "pwn-payload" / "index.html")
    assert NAME in profile.text and LONG in profile.text and OTHER in profile.text
    assert profile.title == f"{NAME} - Toronto Psychotherapy Group"
    article = read_page(payload_site / ARTICLE_URL / "index.html")
    assert f"by {NAME}" in article.text  # the review line (then "; next review by ..." since issue 21)
    assert article.title.startswith(ARTICLE_TITLE)
    description = re.search(r'<meta name="description" content="([^"]*)">', article.html).group(1)
    assert unescape(description) == ARTICLE_DESCRIPTION
    crisis = read_page(payload_site / "crisis" / "index.html").text
    assert NAME in crisis and LONG in crisis and OTHER in crisis
    assert FORMER_NAME in read_page(payload_site / "therapists" / "pwn-former" / "index.html").text
    contact = read_page(payload_site / "about" / "contact" / "index.html").text
    assert NAME in contact and LONG in contact and OTHER in contact
    assert f"supervised by {NAME}" in profile.text and INSURER in profile.text
    assert NAME in read_page(payload_site / "index.html").text  # the practice footer
    for text in ("<script data-pwn>alert(21)</script>", "<img data-pwn src=x onerror=alert(22)>"):
        assert text in article.text
    assert "<img data-pwn src=x onerror=alert(23)> <svg data-pwn onload=alert(24)>" in article.text
    assert "PWNSUB <img data-pwn src=x onerror=alert(26)> <svg data-pwn onload=alert(27)>" in article.text
    tooltip = re.search(r'<abbr title="([^"]*)">PWNABBR</abbr>', article.html).group(1)
    assert unescape(tooltip) == ABBREVIATION
    link = re.search(r'<a href="https://www.crpo.ca/" title="([^"]*)">a link</a>', article.html).group(1)
    assert unescape(link) == '"><img data-pwn src=x onerror=alert(25)>'
    heading = read_page(payload_site / HEADING_URL / "index.html")
    assert heading.title == f"{unescape(HEADING)} - Toronto Psychotherapy Group"


def test_no_payload_is_markup_in_any_built_page(payload_site):
    problems = {}
    for path in html_pages(payload_site):
        found = markup_problems(path.read_text(encoding="utf-8"))
        if found:
            problems[str(path.relative_to(payload_site))] = found
    assert problems == {}


def test_no_payload_is_markup_in_the_json_files(payload_site):
    """The filter index and the search index hold HTML that scripts insert into pages."""
    directory = json.loads((payload_site / "therapists" / "directory.json").read_text(encoding="utf-8"))
    cards = [record["html"] for record in directory["therapists"]]
    assert any(NAME in text_of(card) for card in cards)
    index = json.loads((payload_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    fragments = [doc["title"] for doc in index["docs"]] + [doc["text"] for doc in index["docs"]]
    assert any("Pwn Q" in fragment for fragment in fragments)
    problems = [(html[:80], markup_problems(html)) for html in cards + fragments if markup_problems(html)]
    assert problems == []
    public = (payload_site / "therapists.json").read_text(encoding="utf-8")
    assert NAME in json.loads(public)["therapists"][-1]["name"]
    assert "PWNEVAL" not in public and "PWNLOOPA" not in public


# ---------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------


@pytest.fixture
def watched(page, record_requests):
    """The page, with every dialog it opens and every request it makes recorded."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs, record_requests(page)


def check(page, dialogs, requests, where: str) -> None:
    page.wait_for_load_state("networkidle")
    found = page.locator(SELECTOR).evaluate_all("els => els.map(e => e.outerHTML.slice(0, 100))")
    assert (dialogs, found, requests.third_party()) == ([], [], []), where


@pytest.mark.parametrize("name", list(pages_to_visit()))
def test_every_page_type_stays_inert(watched, payload_url, name):
    page, dialogs, requests = watched
    page.goto(payload_url + pages_to_visit()[name], wait_until="networkidle")
    page.mouse.wheel(0, 20000)
    check(page, dialogs, requests, name)


def test_the_directory_filters_stay_inert(watched, payload_url):
    page, dialogs, requests = watched
    page.goto(payload_url + "therapists/")
    page.locator(".tpg-filters").wait_for(state="visible")
    for _, kind, name in TERMS:
        page.select_option(f"#filter-{kind}", label=f"{name} (1)")
    page.check("#filter-accepting")
    page.locator("[data-results] li.tpg-card").first.wait_for()
    assert page.locator("[data-results] li.tpg-card").evaluate_all("cs => cs.map(c => c.dataset.id)") == ["pwn-payload"]
    check(page, dialogs, requests, "directory, filtered")


def test_search_results_for_a_heading_payload_stay_inert(watched, payload_url):
    """The search index holds the titles of pages and sections, which Material's script inserts as HTML."""
    page, dialogs, requests = watched
    page.goto(payload_url, wait_until="networkidle")
    page.keyboard.press("/")
    for word, address in (("PWNHEAD", HEADING_URL), ("PWNSUB", ARTICLE_URL)):
        page.locator("input.md-search__input").fill("")
        page.keyboard.type(word)
        page.locator(f".md-search-result__link[href*='{address}']").filter(has_text=word).first.wait_for()
        check(page, dialogs, requests, f"search for {word}")


def test_search_results_for_the_payload_name_stay_inert(watched, payload_url):
    page, dialogs, requests = watched
    page.goto(payload_url, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search box
    # The whole name is not a valid search query (lunr reads ~ and : as operators), but what
    # Material shows for it is still drawn from it.
    page.keyboard.type(NAME)  # typed, not filled: Material searches on key presses
    page.locator(".md-search-result__meta").filter(has_text="No matching").wait_for()
    check(page, dialogs, requests, "search for the whole payload name")
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(NAME.split("<")[0])
    result = page.locator(".md-search-result__link[href*='therapists/pwn-payload/?']").filter(has_text=NAME)
    result.wait_for()
    check(page, dialogs, requests, "search for the payload therapist")
    result.click()
    page.wait_for_url("**/therapists/pwn-payload/?h=*")
    check(page, dialogs, requests, "profile reached from search (instant navigation)")
