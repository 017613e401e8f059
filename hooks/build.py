"""The state of one site build: the checked roster, practice details and crisis lines, the renderer
and its caches, the generated pages, and the folder the site is written to.

hooks/therapists.py makes a Build in on_config, before any other plugin's
on_config and before MkDocs touches the site folder; the hooks and the macros
find it with of(config). It lives on that config object, and MkDocs reads a new
config for every build (`mkdocs serve` too), so nothing leaks from one build to
the next, and two builds can run in one process (the tests do).

A failed build loses nothing: every data file and article is checked first,
then the site is written to a new folder beside the output folder, and that
folder replaces the output folder only once the build has passed.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

import check
import roster as roster_module
import strings
from render import Renderer

# INFO, not WARNING: `mkdocs build --strict` fails on any warning, and a notice must not block a deploy.
log = logging.getLogger("mkdocs.hooks.notices")

# Where a Build is kept on MkDocs' config object.
_ATTRIBUTE = "tpg_build"


@dataclass
class Build:
    roster: roster_module.Roster
    crisis: dict
    practice: roster_module.Practice
    renderer: Renderer
    output: _Output
    # Pages this build generates: source path -> function returning the page's HTML.
    generated: dict[str, Callable[[], str]] = field(default_factory=dict)
    # Every output path -> what writes it, over every language's build (hooks/files_safety.py: collisions).
    outputs: dict[str, str] = field(default_factory=dict)
    # The language being built: the i18n plugin builds the default language, then each
    # other language again with the same config (from its own on_post_build).
    language: str = strings.DEFAULT


def start(config) -> Build:
    """Check everything, make this build's state and keep it on `config`; a PluginError lists every problem.

    When the i18n plugin builds another language with the same config, the checks and
    the output folder of the first build stand; only the language and its pages change.
    """
    language = strings.current_language(config)
    previous = getattr(config, _ATTRIBUTE, None)
    if previous is not None:
        renderer = Renderer(
            previous.roster, site_name=config.site_name, site_url=config.site_url or "", language=language
        )
        build = replace(previous, renderer=renderer, generated={}, language=language)
        build.output.unfinished += 1
        setattr(config, _ATTRIBUTE, build)
        return build
    result = check.check_all(
        roster_file=config.extra["roster_file"],
        project_dir=os.path.dirname(config.config_file_path),
        docs_dir=config.docs_dir,
    )
    if result.problems:
        raise PluginError(result.report())
    for notice in result.notices:
        log.info(notice)
    renderer = Renderer(result.roster, site_name=config.site_name, site_url=config.site_url or "", language=language)
    build = Build(result.roster, result.crisis, result.practice, renderer, _Output.stage(config), language=language)
    setattr(config, _ATTRIBUTE, build)
    # For the footer on every page (overrides/partials/practice-footer.html).
    config.extra["practice"] = result.practice
    return build


def of(config) -> Build:
    """The Build that start() made for this config."""
    build = getattr(config, _ATTRIBUTE, None)
    if build is None:
        raise PluginError("hooks/therapists.py must be listed under `hooks:` in mkdocs.yml (it starts the build)")
    return build


@dataclass
class _Output:
    """The output folder (site/ or --site-dir) and the new folder beside it that the build writes to."""

    final: str
    staging: str
    # The default language's 404 page, kept while the other languages' builds write theirs to /404.html.
    not_found: bytes | None = None
    # Language builds started and not finished: the i18n plugin runs the others inside the first one's
    # on_post_build, so the site is complete when the first one finishes, the last to do so.
    unfinished: int = 1

    @classmethod
    def stage(cls, config) -> _Output:
        final = os.path.abspath(config.site_dir).rstrip(os.sep)
        parent, name = os.path.split(final)
        os.makedirs(parent, exist_ok=True)
        # MkDocs' build_error event does not say which build failed, so a failed
        # build's folder is removed by the next build into the same place.
        for leftover in glob.glob(os.path.join(glob.escape(parent), f".{glob.escape(name)}.new-*")):
            shutil.rmtree(leftover, ignore_errors=True)
        staging = tempfile.mkdtemp(prefix=f".{name}.new-", dir=parent)
        config.site_dir = staging
        return cls(final, staging)

    def keep_404(self, config, prefix: str) -> None:
        """Keep the first (default language's) 404 page at the top; move another language's into its folder."""
        page = os.path.join(config.site_dir, "404.html")
        if not os.path.exists(page):
            return
        if not prefix:
            with open(page, "rb") as f:
                self.not_found = f.read()
            return
        os.makedirs(os.path.join(config.site_dir, prefix), exist_ok=True)
        os.replace(page, os.path.join(config.site_dir, prefix, "404.html"))
        if self.not_found is not None:
            with open(page, "wb") as f:
                f.write(self.not_found)

    def publish(self, config) -> None:
        """Put the finished site in place of the old one once every language is built; drop it instead if
        --strict is about to fail the build."""
        self.unfinished -= 1
        if self.unfinished:
            return
        config.site_dir = self.final
        if _strict_warnings():
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        if os.path.isdir(self.final):
            # MkDocs never deletes hidden files from the output folder (a gh-deploy .git, say); keep them.
            for entry in os.listdir(self.final):
                if entry.startswith(".") and not os.path.exists(os.path.join(self.staging, entry)):
                    os.replace(os.path.join(self.final, entry), os.path.join(self.staging, entry))
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(self.final)}.old-", dir=os.path.dirname(self.final))
            os.replace(self.final, old)
            os.replace(self.staging, self.final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(self.staging, self.final)


def _strict_warnings() -> bool:
    """True when `mkdocs build --strict` has counted a warning, so it will fail right after on_post_build."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)
