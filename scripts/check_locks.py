"""The lock files requirements/*.txt say what their lists requirements/*.in say.

Usage: python scripts/check_locks.py [project folder]

Offline: it reads the files and never asks PyPI. For each list X.in with a lock
X.txt beside it, it fails when a package of the list (or of a list it includes
with -r) is not locked, is locked at a version the list does not allow, or when
the lock keeps a package nothing in the lists asks for any more. It also fails when
a lock entry has no hash (pip's --require-hashes would refuse the whole file) and
when dev.txt locks one of the site's packages at another version than site.txt,
which the deploy job installs. Each problem names file:line; the fix is always
the same command, printed at the end.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

REGENERATE = "bash scripts/lock.sh"
# The lock the deploy job installs, and the one CI installs, which must agree on every package they share.
SITE_LOCK, DEV_LOCK = "site.txt", "dev.txt"
INCLUDE = re.compile(r"(?:-r|--requirement)[\s=]+(\S+)")


def shown(path: Path, root: Path) -> str:
    """A path as the messages write it: from the project folder when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Wanted:
    """One line of a list: the requirement and where it is written."""

    requirement: Requirement
    where: str


@dataclass
class Locked:
    """One entry of a lock file: its pin, its hashes and what pip-compile says asked for it."""

    version: str
    where: str
    hashes: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


def read_list(
    path: Path, root: Path, follow: bool = True, seen: frozenset[Path] = frozenset()
) -> tuple[dict[str, Wanted], list[str]]:
    """The requirements of a .in file (and, if follow, of the files it includes with -r), by normalised name."""
    wanted: dict[str, Wanted] = {}
    problems: list[str] = []
    name = shown(path, root)
    if path in seen:
        return wanted, [f"{name}: includes itself through -r"]
    if not path.is_file():
        return wanted, [f"{name}: the file is missing"]
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = re.sub(r"(^|\s)#.*", "", raw).strip()
        if not line:
            continue
        include = INCLUDE.fullmatch(line)
        if include:
            if follow:
                found, more = read_list(path.parent / include.group(1), root, follow, seen | {path})
                wanted.update(found)
                problems += more
            continue
        if line.startswith("-"):
            # Constraints (-c) and pip options say nothing about which packages the list wants.
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement as error:
            problems.append(f"{name}:{number}: {line!r} is not a requirement pip understands ({error})")
            continue
        wanted[canonicalize_name(requirement.name)] = Wanted(requirement, f"{name}:{number}")
    return wanted, problems


def included(path: Path) -> set[Path]:
    """A list and every list it includes with -r, however deep."""
    found = {path.resolve()}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            include = INCLUDE.fullmatch(line.strip())
            if include and (path.parent / include.group(1)).resolve() not in found:
                found |= included(path.parent / include.group(1))
    return found


def read_lock(path: Path, root: Path) -> tuple[dict[str, Locked], list[str]]:
    """The entries of a lock file written by pip-compile, by normalised name."""
    locked: dict[str, Locked] = {}
    problems: list[str] = []
    name = shown(path, root)
    entry: Locked | None = None
    in_via = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip().rstrip("\\").strip()
        if not line:
            continue
        if not raw[0].isspace() and not line.startswith("#"):
            # Dependabot's pip-compile may keep extras (name[extra]==1.0), which scripts/lock.sh strips.
            pin = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;]+)(\s*;.*)?", line)
            if not pin:
                problems.append(f"{name}:{number}: {line!r} is not pinned with ==")
                entry = None
                continue
            entry = Locked(pin.group(2), f"{name}:{number}")
            locked[canonicalize_name(pin.group(1))] = entry
            in_via = False
        elif entry is not None and line.startswith("--hash="):
            entry.hashes.append(line.removeprefix("--hash="))
        elif entry is not None and line.startswith("# via"):
            rest = line.removeprefix("# via").strip()
            entry.via += [rest] if rest else []
            in_via = not rest
        elif entry is not None and in_via and line.startswith("#   "):
            entry.via.append(line.removeprefix("#").strip())
        else:
            in_via = False
    return locked, problems


def asked_for(name: str, entry: Locked, lock: dict[str, Locked], lists: dict[str, dict[str, Wanted]]) -> bool:
    """Whether a lock entry is still wanted: a list names it, or a package the lock keeps needs it."""
    for source in entry.via:
        if source.startswith("-r "):
            if name in lists.get(source.removeprefix("-r ").strip(), {}):
                return True
        elif not source.startswith("-c ") and canonicalize_name(source) in lock:
            return True
    return False


def check_pair(source: Path, target: Path, root: Path) -> tuple[dict[str, Locked], list[str]]:
    """Problems between one list and its lock; also the lock's entries, for the comparison of locks."""
    wanted, problems = read_list(source, root)
    target_name = shown(target, root)
    lock, more = read_lock(target, root)
    problems += more
    for name, item in wanted.items():
        requirement = item.requirement
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        entry = lock.get(name)
        if entry is None:
            problems.append(f"{item.where}: {requirement} is not in {target_name}")
        elif not requirement.specifier.contains(entry.version, prereleases=True):
            problems.append(f"{item.where}: {requirement}, but {entry.where} locks {entry.version}")
    # pip-compile names in "-r" the list that writes the package itself, not one that includes that list.
    lists = {shown(path, root): read_list(path, root, follow=False)[0] for path in source.parent.glob("*.in")}
    for name, entry in lock.items():
        if not entry.hashes:
            problems.append(f"{entry.where}: {name}=={entry.version} has no --hash (pip --require-hashes refuses it)")
        if not asked_for(name, entry, lock, lists):
            problems.append(f"{entry.where}: {name}=={entry.version} is locked, but no list asks for it any more")
    return lock, problems


def problems(root: Path) -> list[str]:
    """Every disagreement between requirements/*.in and requirements/*.txt under a project folder."""
    folder = root / "requirements"
    found: list[str] = []
    locks: dict[str, dict[str, Locked]] = {}
    sources = sorted(folder.glob("*.in"))
    locked_sources = [source for source in sources if source.with_suffix(".txt").is_file()]
    covered = set().union(*(included(source) for source in locked_sources))
    for source in sources:
        if source.resolve() not in covered:
            name = shown(source, root)
            found.append(f"{name}: not locked: no {source.stem}.txt beside it, and no locked list includes it with -r")
    for source in locked_sources:
        target = source.with_suffix(".txt")
        locks[target.name], more = check_pair(source, target, root)
        found += more
    site, dev = locks.get(SITE_LOCK, {}), locks.get(DEV_LOCK, {})
    for name, entry in site.items():
        other = dev.get(name)
        if other is not None and other.version != entry.version:
            found.append(
                f"{other.where}: {name}=={other.version}, but {entry.where} (the deploy job's) locks {entry.version}"
            )
        elif other is None and dev:
            found.append(f"{entry.where}: {name}=={entry.version} is missing from requirements/{DEV_LOCK}")
    return found


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent).resolve()
    found = problems(root)
    for problem in found:
        print(problem)
    if found:
        print(
            f"\nThe lock files do not match the lists they are made from. Run `{REGENERATE}`"
            " (it needs PyPI) and commit requirements/*.txt with the .in files."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
