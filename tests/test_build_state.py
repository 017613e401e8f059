"""One build's state lives in one object: two builds in one process share nothing, and hooks/ keeps no globals."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import build
from support import ROOT
from support.builds import BuildFailed, build_in_process

SAMPLE = ROOT / "data" / "therapists.yml"


def _ids(site: Path) -> list[str]:
    return [t["id"] for t in json.loads((site / "therapists.json").read_text(encoding="utf-8"))["therapists"]]


def test_two_builds_in_one_process_do_not_leak_into_each_other(tmp_path):
    sample = SAMPLE.read_text(encoding="utf-8")
    extra = tmp_path / "extra.yml"
    # The sample roster with its first therapist copied under a new id and name.
    first = sample[sample.index("  - id: ") : sample.index("  - id: ", sample.index("  - id: ") + 1)]
    copy = first.replace("id: ", "id: zz-", 1)
    name_line = next(line for line in copy.splitlines() if line.startswith("    name: "))
    extra.write_text(sample + "\n" + copy.replace(name_line, "    name: Zed Extra"), encoding="utf-8")

    build_in_process(tmp_path / "a", roster=SAMPLE)
    build_in_process(tmp_path / "b", roster=extra)
    build_in_process(tmp_path / "c", roster=SAMPLE)

    a, b, c = (_ids(tmp_path / name) for name in "abc")
    added = [i for i in b if i.startswith("zz-")]
    assert len(added) == 1 and added[0] not in a
    assert a == c and set(b) == {*a, *added}
    for name in "ac":
        site = tmp_path / name
        assert not (site / "therapists" / added[0]).exists()
        assert "Zed Extra" not in (site / "therapists" / "directory.json").read_text(encoding="utf-8")
        assert "Zed Extra" not in (site / "therapists" / "index.html").read_text(encoding="utf-8")
    assert "Zed Extra" in (tmp_path / "b" / "therapists" / "index.html").read_text(encoding="utf-8")


def test_an_in_process_build_fails_with_the_roster_problem(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("therapists: 3\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match="bad.yml"):
        build_in_process(tmp_path / "out", roster=bad)
    assert not (tmp_path / "out").exists()


def test_the_macros_and_hooks_need_a_started_build():
    class Config:
        pass

    with pytest.raises(PluginError, match="hooks/therapists.py"):
        build.of(Config())


MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}
DISPLAYS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


def _mutable(value: ast.expr) -> bool:
    """A dict, list or set: a display, a comprehension, a union of them, or a call like dict()."""
    if isinstance(value, DISPLAYS):
        return True
    if isinstance(value, ast.BinOp):
        return _mutable(value.left) or _mutable(value.right)
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return name in MUTABLE_CALLS
    return False


def _module_level_mutables(source: str) -> list[str]:
    """Names that a module binds, at its top level, to a mutable dict, list or set."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and _mutable(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [ast.unparse(t) for t in targets]
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "hooks").glob("*.py")), ids=lambda p: p.name)
def test_hooks_keep_no_module_level_mutable_state(path):
    assert _module_level_mutables(path.read_text(encoding="utf-8")) == []


def test_the_scan_finds_module_level_state():
    source = (
        "a = {}\nb: list[int] = []\nc = set()\nd = {k: 1 for k in 'x'}\ne = {1} | f\nG = frozenset({1})\nH = (1,)\n"
    )
    assert _module_level_mutables(source) == ["a", "b", "c", "d", "e"]
