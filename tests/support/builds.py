"""Building the site for a test: as a user would (`mkdocs build --strict` in a new process), or in this process."""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from support import ROOT


def build_site(out_dir: Path, *, roster: Path | None = None, project: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would; return the finished process (never raises)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROSTER_FILE", None)
    if roster is not None:
        env["ROSTER_FILE"] = str(roster)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


class BuildFailed(Exception):
    """An in-process build stopped; the message is what MkDocs printed for it."""


class _Errors(logging.Handler):
    """Keeps the text of every error MkDocs logs (a PluginError's message is logged, not raised)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _roster_file(roster: Path | None) -> Iterator[None]:
    """ROSTER_FILE as mkdocs.yml reads it (!ENV), for the length of one build."""
    saved = os.environ.pop("ROSTER_FILE", None)
    if roster is not None:
        os.environ["ROSTER_FILE"] = str(roster)
    try:
        yield
    finally:
        os.environ.pop("ROSTER_FILE", None)
        if saved is not None:
            os.environ["ROSTER_FILE"] = saved


def build_in_process(out_dir: Path, *, roster: Path | None = None) -> None:
    """This repository built with `mkdocs build --strict` in this process; raises BuildFailed.

    A second or so faster than a new process. Python imports hooks/'s modules once per
    process, so a copy of the project elsewhere would still run this repository's
    hooks/: build such copies with build_site.
    """
    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        # Paths in mkdocs.yml that are not MkDocs' own (the snippets' includes/) are relative to the working folder.
        with _roster_file(roster), contextlib.chdir(ROOT):
            config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out_dir), strict=True)
            build(config)
    except (Abort, PluginError) as exc:
        raise BuildFailed("\n".join([*errors.messages, str(exc)])) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
