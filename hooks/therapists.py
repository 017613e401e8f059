"""MkDocs hook: turn data/therapists.yml into the directory's pages.

Thin on purpose: checking lives in check.py (roster.py, articles.py), the
build's state in build.py, and HTML in render.py and overrides/roster/. Each
event function below does one job.
"""

from __future__ import annotations

import json
import os
from datetime import date

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import articles
import build
import roster as roster_module
from render import ACCEPTING_URL, DIRECTORY_URL, FILTER_INDEX


# Check every data file and article and start this build's state (hooks/build.py),
# first of all on_config events and before MkDocs cleans the site folder, so a
# mistake stops the build with every problem listed and the old site untouched.
@event_priority(100)
def on_config(config):
    build.start(config)


# Add a profile per therapist, the facet pages, and the JSON files. Facet, accepting
# and directory pages 2..N only repeat profiles' cards, so they stay out of the search
# index, which every visitor downloads: search finds the therapist's own page.
def on_files(files: Files, config) -> Files:
    renderer = build.of(config).renderer
    roster = renderer.roster
    for t in roster.therapists + roster.former:
        what = "no longer practises here" if t.former else f"{t.registration_status}, {_summary(t)}"
        _add_page(
            files,
            config,
            f"therapists/{t.id}.md",
            t.name,
            f"{t.name}: {what}.",
            lambda t=t: renderer.profile(t),
            search=not t.former,
        )
    for kind, entries in renderer.facets.items():
        heading = next(h for _, _, k, h in roster_module.FACETS if k == kind)
        _add_page(
            files,
            config,
            f"therapists/{kind}/index.md",
            f"Therapists by {heading.lower()}",
            f"Browse our therapists by {heading.lower()}.",
            lambda kind=kind: renderer.facet_index(kind),
        )
        for facet in entries:
            title = f"{heading}: {facet.term.name}"
            for number, url in renderer.pages(facet.url, len(facet.therapists)):
                _add_page(
                    files,
                    config,
                    _source(url),
                    _paged_title(title, number),
                    f"Therapists at {config.site_name} for {heading.lower()}: {facet.term.name}.",
                    lambda facet=facet, n=number: renderer.facet(facet, n),
                    search=False,
                )
    for number, url in renderer.pages(ACCEPTING_URL, len(roster.accepting())):
        _add_page(
            files,
            config,
            _source(url),
            _paged_title("Therapists accepting new clients", number),
            "Therapists who are accepting new clients now.",
            lambda n=number: renderer.accepting(n),
            search=False,
        )
    # Page 1 of the directory is docs/therapists/index.md (the therapist_directory macro).
    for number, url in renderer.pages(DIRECTORY_URL, len(roster.therapists))[1:]:
        _add_page(
            files,
            config,
            _source(url),
            _paged_title("Therapists", number),
            f"All therapists at {config.site_name}, page {number}.",
            lambda n=number: renderer.directory(n),
            search=False,
        )
    files.append(
        File.generated(config, "therapists.json", content=roster_module.public_json(roster, config.site_url or ""))
    )
    files.append(File.generated(config, FILTER_INDEX, content=renderer.filter_index()))
    return files


# Give the theme the reviewer's name and link, whether they have since left, and whether the
# page is due for review (build.start has checked every reviewer and date).
def on_page_markdown(markdown: str, page, config, files) -> str:
    reviewer = build.of(config).roster.get(str(page.meta.get("reviewed_by")))
    if reviewer is None:
        return markdown
    page.meta["reviewer"] = {
        "name": reviewer.name,
        "url": reviewer.url,
        "former": reviewer.former,
        "sample": build.of(config).roster.sample,
    }
    due = articles.review_due(page.meta)
    page.meta["review_due"] = due is not None and due <= date.today()
    reviewed = page.meta.get("last_reviewed")
    if isinstance(reviewed, date):
        page.meta["last_reviewed_text"] = f"{reviewed:%B} {reviewed.day}, {reviewed.year}"
    return markdown


# Replace a generated page's placeholder body with its rendered HTML.
def on_page_content(html_text: str, page, config, files) -> str:
    render = build.of(config).generated.get(page.file.src_uri)
    return render() if render else html_text


# Put the finished site in place of the previous one, or drop it if --strict is about to fail.
@event_priority(-100)
def on_post_build(config):
    build.of(config).output.publish(config)


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _summary(t: roster_module.Therapist) -> str:
    return ", ".join(term.name for term in t.languages)


def _source(url: str) -> str:
    """The generated Markdown file that MkDocs publishes at a directory URL: a/b/ -> a/b.md."""
    return url.rstrip("/") + ".md"


def _paged_title(title: str, number: int) -> str:
    return title if number == 1 else f"{title}, page {number}"


def _add_page(files: Files, config, src_uri: str, title: str, description: str, render, search: bool = True) -> None:
    meta = {
        "title": title,
        "description": description,
        "render_macros": False,
        "hide": ["toc"],
        "generated": True,
    }
    if not search:
        meta["search"] = {"exclude": True}
    if files.get_file_from_path(src_uri) is not None:
        # MkDocs would let the generated page silently take the place of the one in docs/.
        raise PluginError(
            f"docs/{src_uri}: the site makes a page at this address ({title}) and would replace this one; "
            "move or rename the page in docs/, or change the roster id or taxonomy term that makes the address"
        )
    front_matter = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    page_file = File.generated(config, src_uri, content=f"---\n{front_matter}\n---\n")
    page_file.edit_uri = _roster_edit_uri(config)
    files.append(page_file)
    build.of(config).generated[src_uri] = render


def _roster_edit_uri(config) -> str | None:
    """Send "Edit this page" on generated pages to the roster file, relative to edit_uri (which ends in docs/)."""
    roster_file = config.extra["roster_file"]
    if not config.edit_uri or os.path.isabs(roster_file):
        return None
    return "../" + os.path.normpath(roster_file).replace(os.sep, "/")
