"""MkDocs hook: turn data/therapists.yml into the directory's pages.

Thin on purpose: checking lives in check.py (roster.py, articles.py), the
build's state in build.py, and HTML in render.py and overrides/roster/. Each
event function below does one job.
"""

from __future__ import annotations

import json
import os
from datetime import date
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import articles
import build
import roster as roster_module
import strings
from render import ACCEPTING_URL, DIRECTORY_URL, FILTER_INDEX


# Check every data file and article and start this build's state (hooks/build.py),
# first of all on_config events and before MkDocs cleans the site folder, so a
# mistake stops the build with every problem listed and the old site untouched.
@event_priority(100)
def on_config(config):
    build.start(config)


# Add a profile per therapist, the facet pages, and the JSON files, in the language being built
# (the other language's pages sit under /<language>/). Facet, accepting and directory pages
# 2..N only repeat profiles' cards, so they stay out of the search index, which every visitor
# downloads: search finds the therapist's own page. Runs after the i18n plugin's on_files
# (priority -100), which sorts the files of docs/ by language and knows no generated page.
@event_priority(-110)
def on_files(files: Files, config) -> Files:
    state = build.of(config)
    renderer = state.renderer
    roster = renderer.roster
    s = renderer.s
    for t in roster.therapists + roster.former:
        if t.former:
            description = s["former_description"].format(name=t.name)
        else:
            description = s["profile_description"].format(
                name=t.name,
                status=t.registration_status,
                languages=", ".join(term.name for term in t.languages),
            )
        _add_page(
            files,
            config,
            f"therapists/{t.id}.md",
            t.name,
            description,
            lambda t=t: renderer.profile(t),
            search=not t.former,
        )
    for kind, entries in renderer.facets.items():
        heading = strings.heading(kind, state.language).lower()
        _add_page(
            files,
            config,
            f"therapists/{kind}/index.md",
            s["by"].format(facet=heading),
            s["browse_description"].format(facet=heading),
            lambda kind=kind: renderer.facet_index(kind),
        )
        for facet in entries:
            title = f"{facet.heading}: {facet.term.name}"
            for number, url in renderer.pages(facet.url, len(facet.therapists)):
                _add_page(
                    files,
                    config,
                    _source(url),
                    _paged_title(s, title, number),
                    s["facet_description"].format(site=config.site_name, facet=heading, term=facet.term.name),
                    lambda facet=facet, n=number: renderer.facet(facet, n),
                    search=False,
                )
    for number, url in renderer.pages(ACCEPTING_URL, len(roster.accepting())):
        _add_page(
            files,
            config,
            _source(url),
            _paged_title(s, s["accepting_title"], number),
            s["accepting_description"],
            lambda n=number: renderer.accepting(n),
            search=False,
        )
    # Page 1 of the directory is docs/therapists/index.md (the therapist_directory macro).
    for number, url in renderer.pages(DIRECTORY_URL, len(roster.therapists))[1:]:
        _add_page(
            files,
            config,
            _source(url),
            _paged_title(s, s["therapists"], number),
            s["directory_description"].format(site=config.site_name, number=number),
            lambda n=number: renderer.directory(n),
            search=False,
        )
    if state.language == strings.DEFAULT:
        # One therapists.json, with every label in each language.
        files.append(
            File.generated(
                config, "therapists.json", content=roster_module.public_json(state.roster, config.site_url or "")
            )
        )
    files.append(File.generated(config, renderer.local(FILTER_INDEX), content=renderer.filter_index()))
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        # The plugin's sitemap (with each page's hreflang alternates) lists the pages it saw in its
        # own on_files; Material's language menu finds the same page through that sitemap.
        plugin.i18n_files_per_language[state.language] = files.documentation_pages()
    return files


# Give the theme the reviewer's name and link, whether they have since left, and whether the
# page is due for review (build.start has checked every reviewer and date).
def on_page_markdown(markdown: str, page, config, files) -> str:
    reviewer = build.of(config).roster.get(str(page.meta.get("reviewed_by")))
    if reviewer is None:
        return markdown
    page.meta["reviewer"] = {
        "name": reviewer.name,
        "url": build.of(config).renderer.local(reviewer.url),
        "former": reviewer.former,
        "sample": build.of(config).roster.sample,
    }
    due = articles.review_due(page.meta)
    page.meta["review_due"] = due is not None and due <= date.today()
    reviewed = page.meta.get("last_reviewed")
    if isinstance(reviewed, date):
        page.meta["last_reviewed_text"] = strings.long_date(reviewed, build.of(config).language)
    return markdown


# Replace a generated page's placeholder body with its rendered HTML.
def on_page_content(html_text: str, page, config, files) -> str:
    render = build.of(config).generated.get(page.file.src_uri)
    return render() if render else html_text


# Put the finished site in place of the previous one, or drop it if --strict is about to fail;
# after the i18n plugin's on_post_build has built the other languages into the same folder.
@event_priority(-110)
def on_post_build(config):
    build.of(config).output.publish(config)


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _source(url: str) -> str:
    """The generated Markdown file that MkDocs publishes at a directory URL: a/b/ -> a/b.md."""
    return url.rstrip("/") + ".md"


def _paged_title(s, title: str, number: int) -> str:
    return title if number == 1 else s["page_n"].format(title=title, number=number)


def _add_page(files: Files, config, source: str, title: str, description: str, render, search: bool = True) -> None:
    """Add a page in the language being built; `source` is the English page's path, e.g. therapists/jane-doe.md.

    Another language's page is named as the i18n plugin names a translation in docs/
    (therapists/jane-doe.fr.md, published at fr/therapists/jane-doe/), so Markdown links
    to the English name reach it from that language's pages.
    """
    state = build.of(config)
    language = state.language
    src_uri = source if language == strings.DEFAULT else f"{source[:-3]}.{language}.md"
    if files.get_file_from_path(src_uri) is not None:
        # MkDocs would let the generated page silently take the place of the one in docs/.
        raise PluginError(
            f"docs/{src_uri}: the site makes a page at this address ({title}) and would replace this one; "
            "move or rename the page in docs/, or change the roster id or taxonomy term that makes the address"
        )
    page_file = File.generated(config, src_uri, content=generated_source(title, description, search))
    page_file.dest_uri = _dest(source, language)
    page_file.edit_uri = _roster_edit_uri(config)
    _set_languages(page_file, source, language)
    files.append(page_file)
    state.generated[src_uri] = render


def generated_source(title: str, description: str, search: bool) -> str:
    """A generated page's source: front matter only (the body is rendered in on_page_content). Its keys are the
    "generated page" kind of schemas.front_matter; render_macros: false, so roster text is never a template."""
    meta = {"title": title, "description": description, "render_macros": False, "hide": ["toc"], "generated": True}
    if not search:
        meta["search"] = {"exclude": True}
    front_matter = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    return f"---\n{front_matter}\n---\n"


def _dest(source: str, language: str) -> str:
    """Where a generated page is written: therapists/jane-doe.md -> [fr/]therapists/jane-doe/index.html."""
    prefix = "" if language == strings.DEFAULT else f"{language}/"
    stem = source[: -len("index.md")] if source.endswith("/index.md") else source[:-3] + "/"
    return f"{prefix}{stem}index.html"


def _set_languages(page_file: File, source: str, language: str) -> None:
    """Tell the i18n plugin (language switcher, hreflang) where this page is in each language."""
    page_file.alternates = {
        other: SimpleNamespace(url=_dest(source, other)[: -len("index.html")], page=None) for other in strings.LANGUAGES
    }
    page_file.locale = language
    page_file.localization = None if language == strings.DEFAULT else language
    page_file.locale_alternate_of = language
    page_file.norm_src_uri = source


def _roster_edit_uri(config) -> str | None:
    """Send "Edit this page" on generated pages to the roster file, relative to edit_uri (which ends in docs/)."""
    roster_file = config.extra["roster_file"]
    if not config.edit_uri or os.path.isabs(roster_file):
        return None
    return "../" + os.path.normpath(roster_file).replace(os.sep, "/")
