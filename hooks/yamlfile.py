"""Read a data file into a YAML node tree safely, and the Problem every checker reports.

Whatever the bytes (empty, not UTF-8, NUL, unusual line breaks, a folder, a huge
file, broken YAML), reading gives a node tree or problems with the real line,
never an exception. Values from the file are shown escaped (`show`), so a control
character never reaches a terminal or a GitHub annotation raw.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

import schemas

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What `show` escapes: anything unprintable, invisible or direction-changing.
_UNSAFE_RE = re.compile(f"[{schemas.CONTROL}{schemas.BIDI}{schemas.INVISIBLE.replace(chr(92) + 's', '')}\\n\\r\\t]")
_SHOW_MAX = 80
_ODD_BREAK_RE = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def show(value: str) -> str:
    """A value from the file, safe to print: invisible and control characters as \\u escapes, long values cut."""
    value = str(value)
    if len(value) > _SHOW_MAX:
        value = value[:_SHOW_MAX] + "..."
    value = _UNSAFE_RE.sub(lambda m: m[0] if m[0] == " " else f"\\u{ord(m[0]):04x}", value)
    # Characters beyond the Basic Multilingual Plane that show nothing (tags, variation selectors).
    return "".join(f"\\U{ord(c):08x}" if ord(c) > 0xFFFF and unicodedata.category(c)[0] == "C" else c for c in value)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located in it."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{show_line(self.file)}:{self.line}: {show_line(self.message)}"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation (shown on the pull request's diff)."""
        return annotation("error", self.message, file=self.file, line=self.line, title="Roster check")


def show_line(text: str) -> str:
    """A whole message, safe to print: same escapes as `show`, nothing cut."""
    return _UNSAFE_RE.sub(lambda m: m[0] if m[0] == " " else f"\\u{ord(m[0]):04x}", text)


def annotation(level: str, message: str, *, file: str | None = None, line: int | None = None, title: str = "") -> str:
    """A GitHub Actions workflow command (`::error file=...,line=...::message`) that no value can end early.

    GitHub reads the message up to the end of the line and each property up to the next
    `,` or `::`; escaping `%`, CR and LF (and in properties `:` and `,`) as its
    workflow-command rules say keeps a file name or a roster value from closing this
    command and starting another.
    """
    properties = {"file": file, "line": line, "title": title}
    shown = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items() if value)
    return f"::{level}{' ' + shown if shown else ''}::{_escape_data(show_line(str(message)))}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(show_line(text)).replace(":", "%3A").replace(",", "%2C")


class DataError(ValueError):
    """Raised with every problem found in a data file, so an editor can fix them all in one go."""

    def __init__(self, errors: list[Problem], what: str = "the data files"):
        self.errors = errors
        count = len(errors)
        heading = f"{count} problem{'s' if count != 1 else ''} in {what}:"
        super().__init__("\n".join([heading, *(str(e) for e in errors)]))


def display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def read_yaml(path: str | os.PathLike, display: str, what: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The file's YAML node tree, or the problems that stop it being read (each with its real line)."""

    def fail(line: int, message: str):
        return None, [Problem(display, line, message)]

    if not str(path).strip():
        return fail(1, f"no {what} file was named (ROSTER_FILE is empty?)")
    path = Path(path)
    too_big = f"the file is larger than {schemas.MAX_FILE_BYTES // 2**20} MB; is it the right file?"
    try:
        if path.is_dir():
            return fail(1, f"{display} is a folder; name the {what} file inside it")
        if path.exists() and not path.is_file():
            # A device or a pipe (ROSTER_FILE=/dev/zero) would never end.
            return fail(1, f"{display} is not a regular file; name the {what} file")
        if path.stat().st_size > schemas.MAX_FILE_BYTES:
            return fail(1, too_big)
        with path.open("rb") as file:
            raw = file.read(schemas.MAX_FILE_BYTES + 1)  # the file may grow after stat()
        if len(raw) > schemas.MAX_FILE_BYTES:
            return fail(1, too_big)
    except FileNotFoundError:
        return fail(1, f"the {what} file does not exist")
    except OSError as exc:
        return fail(1, f"the {what} file cannot be read ({exc.strerror})")
    except ValueError:  # a NUL in the path
        return fail(1, f"the {what} file name contains a character a file name cannot have")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return fail(line, f"this line is not UTF-8 text ({exc.reason}); save the file as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return compose(text, display)


def compose(text: str, display: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The YAML node tree of `text` (a whole file, or a page's front matter), or the problems that stop it
    being read; lines count from the first line of `text`."""

    def fail(line: int, message: str):
        return None, [Problem(display, line, message)]

    odd_break = _ODD_BREAK_RE.search(text)
    if odd_break:
        # YAML counts these as line breaks and editors, git and GitHub do not, so every
        # line number after one would be wrong.
        char = f"U+{ord(odd_break[0]):04X}"
        return fail(
            text.count("\n", 0, odd_break.start()) + 1,
            f"this line contains an unusual line break ({char}) that is invisible in most editors; delete it",
        )
    problems: list[Problem] = []
    if "&" in text or "*" in text:
        problems += _anchors(text, display)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return fail(line, f"this line contains a control character ({char}) that YAML does not allow; retype the line")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or "unreadable"
        line = mark.line + 1 if mark else 1
        tab = _tab_line(text, line)
        if tab:
            # The web editor's Tab key types a tab; YAML refuses tabs for indentation, and its own words
            # ("found character '\t' that cannot start any token") say nothing an editor can act on.
            return fail(tab, "this line has a tab in it: replace the tab with spaces (YAML indents with spaces only)")
        return fail(line, f"this is not valid YAML ({reason}); check indentation and quotes")
    return root, problems


def _tab_line(text: str, line: int) -> int | None:
    """The line YAML stopped at, or the one before it, when it has a tab in its indentation or in front of a value."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if 1 <= number <= len(lines) and "\t" in lines[number - 1].split(": ", 1)[0] + lines[number - 1][:1]:
            return number
    return None


def _anchors(text: str, display: str) -> list[Problem]:
    problems = []
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.append(
                    Problem(
                        display,
                        event.start_mark.line + 1,
                        "YAML anchors and aliases (& and *) are not supported; write each value out in full",
                    )
                )
    except yaml.YAMLError:
        pass  # reported with its line by compose()
    return problems


@contextlib.contextmanager
def without_cycle_collection():
    """Pause Python's cycle collector while a node tree is built and checked.

    The tree has no cycles (aliases are refused), yet the collector would scan it
    again and again as it grows, which makes checking a large roster grow faster
    than its size (benchmarks/check.py: 0.26 to 0.46 ms per entry from 1,000 to
    16,000 entries with it, a flat 0.22 without).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
