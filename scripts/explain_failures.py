"""Run the tests for a pull request, and when they fail, say first what an editor can do about it.

    python scripts/explain_failures.py bash scripts/test.sh

runs the command, keeps its output, and on failure prints a short summary before the full log:
each problem that names a file the pull request changed, with what to do, and for every other
failure "this is not your change: ask a web maintainer". An editor's data or article change that
passed the data check and the strict build is correct, so a test that still fails is the site's
own problem, never theirs. The files the pull request changed are the difference between the
checked-out merge commit and its first parent (the base branch), which needs a checkout of depth 2.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass

# What practice staff edit (CONTRIBUTING.md); everything else is the site's code, reviewed by a web maintainer.
EDITOR_FILES = re.compile(r"^(data/[^/]+\.ya?ml|docs/.+\.md|docs/assets/therapists/[^/]+|includes/[^/]+\.md)$")
# `path:line` as codespell, ruff, the data check and pytest print it; yamllint prints the path on a line of its own.
LOCATED = re.compile(r"(?m)(?:^|[\s'\"(])((?:data|docs|includes|hooks|overrides|tests|scripts)/[\w./-]+)(?::(\d+))?")
PRE_COMMIT_FAILED = re.compile(r"(?m)^(?P<hook>\S.*?)\.{3,}Failed$")
PYTEST_FAILED = re.compile(r"(?m)^(?:FAILED|ERROR) (?P<test>\S+)")
NOT_YOURS = (
    "this is not your change: ask a web maintainer (comment on the pull request). If the data check and the "
    "build passed, your edit itself is fine."
)


@dataclass(frozen=True)
class Finding:
    what: str  # the failed check or test, as the log names it
    files: tuple[str, ...]  # "path:line" (or "path") in files the pull request changed that the failure names


def changed_files() -> list[str]:
    """The files the pull request changed: the merge commit against the base branch (its first parent)."""
    done = subprocess.run(["git", "diff", "--name-only", "HEAD^1", "HEAD"], capture_output=True, text=True, check=False)
    return done.stdout.split() if done.returncode == 0 else []


def findings(log: str, changed: list[str]) -> list[Finding]:
    """One Finding per failed pre-commit hook or test, with the changed editor files its part of the log names."""
    editor = {path for path in changed if EDITOR_FILES.match(path)}
    marks = sorted(
        [(m.start(), m["hook"]) for m in PRE_COMMIT_FAILED.finditer(log)]
        + [(m.start(), m["test"]) for m in PYTEST_FAILED.finditer(log)]
    )
    found = []
    for index, (start, what) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(log)
        files = []
        for match in LOCATED.finditer(log[start:end]):
            path = match[1].rstrip(".:,")
            if path in editor:
                where = f"{path}:{match[2]}" if match[2] else path
                if where not in files:
                    files.append(where)
        found.append(Finding(what, tuple(files)))
    return found


def summary(found: list[Finding]) -> str:
    lines = ["=" * 20 + " The tests failed: what to do " + "=" * 20]
    if not found:
        lines.append(f"The test step stopped before naming a test; {NOT_YOURS}")
    for finding in found:
        if finding.files:
            lines.append(f"{finding.what}: about {', '.join(finding.files)}, which this pull request changed.")
            lines.append(
                "  Open that file at that line, fix it as the message below says (CONTRIBUTING.md, "
                '"Run the tests" failed), and commit to the same branch.'
            )
        else:
            lines.append(f"{finding.what}: {NOT_YOURS}")
    lines.append("=" * 20 + " The full log follows " + "=" * 20)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    if done.returncode != 0:
        print(summary(findings(done.stdout, changed_files())), flush=True)
    print(done.stdout, end="", flush=True)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
