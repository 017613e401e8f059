"""MkDocs hook: stop the build when a generated page would replace a page in docs/.

MkDocs lets a generated file take the place of a Markdown file with the same path,
without a word: a therapist whose id is "help-me-choose" (or "index") would replace
docs/therapists/help-me-choose.md (or the directory itself) with their profile.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# The pages in docs/ of the current build, noted before any hook adds its own.
_written: set[str] = set()


# Note every Markdown page in docs/ before the hooks add generated ones.
@event_priority(100)
def on_files(files, config):
    _written.clear()
    _written.update(f.src_uri for f in files.documentation_pages() if f.generated_by is None)
    return files


# After every hook has added its pages, each noted page must still be the one from docs/.
def on_nav(nav, config, files):
    replaced = sorted(uri for uri in _written if (f := files.get_file_from_path(uri)) is None or f.generated_by)
    if replaced:
        lines = [
            f"docs/{uri}: a generated page has the same address and would replace it; if a roster "
            f"entry has the id '{uri.rsplit('/', 1)[-1].removesuffix('.md')}', give it another id"
            for uri in replaced
        ]
        raise PluginError("\n".join(["Pages that would be replaced:", *lines]))
    return nav
