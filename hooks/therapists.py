"""MkDocs hook: turn data/therapists.yml into the directory's pages.

Thin on purpose: checking lives in check.py (roster.py, articles.py), the
build's state in build.py, and HTML in render.py and overrides/roster/. Each
event function below does one job.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import date
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import articles
import build
import clock
import files_safety
import roster as roster_module
import strings
from files_safety import page_dest
from render import PUBLIC_JSON, GeneratedPage
from schemas import PROFILE_BUDGET_BYTES

# INFO, not WARNING: `mkdocs build --strict` fails on any warning, and a page's weight must not block a deploy.
log = logging.getLogger("mkdocs.hooks.weight")


# Check every data file and article and start this build's state (hooks/build.py),
# first of all on_config events and before MkDocs cleans the site folder, so a
# mistake stops the build with every problem listed and the old site untouched.
@event_priority(100)
def on_config(config):
    build.start(config)


# Add the pages and JSON files the site makes from the roster (render.py: generated_pages), in the
# language being built (the other language's pages sit under /<language>/), and refuse any two files
# with one output path, in this language or another one built before (hooks/files_safety.py), before
# any page is rendered or indexed for search. Runs after the i18n plugin's on_files (priority -100),
# which sorts the files of docs/ by language and knows no generated page.
@event_priority(-110)
def on_files(files: Files, config) -> Files:
    state = build.of(config)
    renderer = state.renderer
    made = f"the page or file the site makes from {config.extra['roster_file']}"
    outputs = []
    for f in files:
        if f.generated_by is None and f.abs_src_path and _inside(f.abs_src_path, config.docs_dir):
            outputs.append((f.dest_uri, f"docs/{f.src_uri}"))
            theme = files_safety.theme_file(f.src_uri, config.theme.dirs)
            if theme:
                outputs.append((f.dest_uri, theme))
    for page in renderer.generated_pages():
        outputs.append((_add_page(files, config, page), made))
    for path in renderer.generated_files():
        if path == PUBLIC_JSON:
            content = roster_module.public_json(state.roster, config.site_url or "")
        else:
            content = renderer.filter_index()
        files.append(File.generated(config, path, content=content))
        outputs.append((path, made))
    problems = files_safety.collisions(outputs, state.outputs)
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        # The plugin's sitemap (with each page's hreflang alternates) lists the pages it saw in its
        # own on_files; Material's language menu finds the same page through that sitemap.
        plugin.i18n_files_per_language[state.language] = files.documentation_pages()
    return files


# Give the theme the reviewer's name and link, whether they have since left, when the next review
# falls due and whether it is overdue (build.start has checked every reviewer and date).
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
    language = build.of(config).language
    due = articles.review_due(page.meta)
    page.meta["review_due"] = due is not None and due <= clock.today()
    if due is not None:
        page.meta["next_review_on"] = due.isoformat()
        page.meta["next_review_text"] = strings.long_date(due, language)
    reviewed = page.meta.get("last_reviewed")
    if isinstance(reviewed, date):
        page.meta["last_reviewed_text"] = strings.long_date(reviewed, language)
    return markdown


# Replace a generated page's placeholder body with its rendered HTML.
def on_page_content(html_text: str, page, config, files) -> str:
    render = build.of(config).generated.get(page.file.src_uri)
    return render() if render else html_text


# A profile over its page-weight budget is published as it is, with a notice: a valid edit (one more
# area of practice, a longer bio) must never fail the build for weight.
def on_post_page(output: str, page, config) -> str:
    state = build.of(config)
    folder, _, name = page.file.src_uri.partition("/")
    # A profile is generated at therapists/<id>.md (or .fr.md); facet and paged lists sit one folder deeper.
    if page.file.src_uri in state.generated and folder == "therapists" and state.roster.get(name.split(".")[0]):
        notice = weight_notice(page.file.dest_uri, len(output.encode("utf-8")))
        if notice:
            log.info(notice)
    return output


def weight_notice(dest_uri: str, size: int) -> str | None:
    """The notice for a profile page of `size` bytes, or None when it is within the budget."""
    if size <= PROFILE_BUDGET_BYTES:
        return None
    return (
        f"{dest_uri}: the profile page is {size:,} bytes of HTML, over the budget of {PROFILE_BUDGET_BYTES:,} "
        "(hooks/schemas.py); it is published as it is. Ask a web maintainer to look at the page's weight "
        "(python -m benchmarks.build prints it); nothing in the roster needs to change"
    )


# Put the finished site in place of the previous one, or drop it if --strict is about to fail;
# after the i18n plugin's on_post_build has built the other languages into the same folder.
@event_priority(-110)
def on_post_build(config):
    build.of(config).output.publish(config)


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _inside(path: str, folder: str) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(folder) + os.sep)


def _add_page(files: Files, config, page: GeneratedPage) -> str:
    """Add a page in the language being built and return its output path; `page.source` is the English
    page's path, e.g. therapists/jane-doe.md.

    Another language's page is named as the i18n plugin names a translation in docs/
    (therapists/jane-doe.fr.md, published at fr/therapists/jane-doe/), so Markdown links
    to the English name reach it from that language's pages.
    """
    state = build.of(config)
    language, source = state.language, page.source
    src_uri = source if language == strings.DEFAULT else f"{source[:-3]}.{language}.md"
    page_file = File.generated(config, src_uri, content=generated_source(page.title, page.description, page.search))
    page_file.dest_uri = page_dest(source, language)
    page_file.edit_uri = _roster_edit_uri(config)
    _set_languages(page_file, source, language)
    if files.get_file_from_path(src_uri) is None:
        # A docs file of the same name stays in place for the collision check to name.
        files.append(page_file)
    state.generated[src_uri] = page.render
    return page_file.dest_uri


def generated_source(title: str, description: str, search: bool) -> str:
    """A generated page's source: front matter only (the body is rendered in on_page_content). Its keys are the
    "generated page" kind of schemas.front_matter; render_macros: false, so roster text is never a template."""
    meta = {"title": title, "description": description, "render_macros": False, "hide": ["toc"], "generated": True}
    if not search:
        meta["search"] = {"exclude": True}
    front_matter = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    return f"---\n{front_matter}\n---\n"


def _set_languages(page_file: File, source: str, language: str) -> None:
    """Tell the i18n plugin (language switcher, hreflang) where this page is in each language."""
    page_file.alternates = {
        other: SimpleNamespace(url=page_dest(source, other)[: -len("index.html")], page=None)
        for other in strings.LANGUAGES
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
