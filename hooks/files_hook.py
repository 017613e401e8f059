"""MkDocs hook: refuse to build when docs/ holds a file that must not be published (see hooks/files_safety.py)."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

import files_safety


# Before MkDocs collects the files, because it follows symbolic links when it does.
def on_config(config):
    found = files_safety.problems(config.docs_dir, os.path.dirname(config.config_file_path))
    if found:
        count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
        raise PluginError("\n".join([f"{count} with files in docs/:", *found]))
    return config
