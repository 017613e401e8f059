"""Every install is the locked one: the locks match their lists, everything installs from them with
--require-hashes, pre-commit's hooks pin the same versions, and pip refuses a file whose hash differs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.utils import canonicalize_name

import check_locks
from support import ROOT

LOCKS = ROOT / "requirements"
README = (ROOT / "README.md").read_text(encoding="utf-8")
# A fresh machine with only PyPI: this machine's own pip settings (a local mirror,
# find-links, constraints) must not decide what these tests install.
PYPI_ONLY = {
    **{k: v for k, v in os.environ.items() if not k.startswith("PIP_")},
    "PIP_CONFIG_FILE": os.devnull,
    "PIP_INDEX_URL": "https://pypi.org/simple",
    "PIP_DISABLE_PIP_VERSION_CHECK": "1",
}


def locked(name: str) -> dict[str, check_locks.Locked]:
    return check_locks.read_lock(LOCKS / name, ROOT)[0]


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's lists and locks, to break."""
    shutil.copytree(LOCKS, tmp_path / "requirements")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pinned_line(path: Path) -> tuple[int, str, str]:
    """The first `name==version` line of a list: its line number, name and version."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line.strip())
        if match:
            return number, match.group(1), match.group(2)
    raise AssertionError(f"{path} pins nothing with ==")


def test_the_locks_match_their_lists():
    assert check_locks.problems(ROOT) == []


def test_every_lock_entry_is_pinned_and_hashed():
    for lock in sorted(LOCKS.glob("*.txt")):
        entries = locked(lock.name)
        assert entries, lock
        assert all(entry.hashes for entry in entries.values()), lock


def test_a_package_added_to_a_list_but_not_locked_is_named_with_its_line(project, capsys):
    site = project / "requirements" / "site.in"
    site.write_text(site.read_text(encoding="utf-8") + "not-locked-anywhere==1.0\n", encoding="utf-8")
    last = len(site.read_text(encoding="utf-8").splitlines())
    found = check_locks.problems(project)
    assert f"requirements/site.in:{last}: not-locked-anywhere==1.0 is not in requirements/site.txt" in found
    # dev.in includes site.in, so its lock lacks the package too.
    assert f"requirements/site.in:{last}: not-locked-anywhere==1.0 is not in requirements/dev.txt" in found
    assert check_locks.main(["check_locks.py", str(project)]) == 1
    assert "Run `bash scripts/lock.sh`" in capsys.readouterr().out


def test_a_list_pin_that_differs_from_the_lock_is_named_with_both_lines(project):
    site = project / "requirements" / "site.in"
    number, name, version = pinned_line(site)
    edit(site, f"{name}=={version}", f"{name}==0.0.0.1")
    entry = check_locks.read_lock(project / "requirements" / "site.txt", project)[0][canonicalize_name(name)]
    assert f"requirements/site.in:{number}: {name}==0.0.0.1, but {entry.where} locks {version}" in check_locks.problems(
        project
    )


@pytest.mark.parametrize("lock", ["dev.txt", "site.txt"])
def test_removing_a_package_from_its_list_makes_its_lock_entry_stale(project, lock):
    entries = check_locks.read_lock(project / "requirements" / lock, project)[0]
    only_listed = [(n, e) for n, e in sorted(entries.items()) if len(e.via) == 1 and e.via[0].startswith("-r ")]
    assert only_listed, f"every package of {lock} is also needed by another one"
    name, entry = only_listed[0]
    source = project / entry.via[0].removeprefix("-r ")
    lines = source.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if canonicalize_name(re.split(r"[=<>!~;\s]", line, maxsplit=1)[0]) != name]
    assert len(kept) == len(lines) - 1
    source.write_text("\n".join(kept) + "\n", encoding="utf-8")
    stale = f"{entry.where}: {name}=={entry.version} is locked, but no list asks for it any more"
    assert stale in check_locks.problems(project)


def test_a_lock_entry_without_a_hash_is_named(project):
    lock = project / "requirements" / "site.txt"
    text = lock.read_text(encoding="utf-8")
    first_hash = re.search(r" \\\n    --hash=sha256:[0-9a-f]{64}(?: \\\n    --hash=sha256:[0-9a-f]{64})*", text)
    lock.write_text(text[: first_hash.start()] + text[first_hash.end() :], encoding="utf-8")
    assert any("has no --hash" in problem for problem in check_locks.problems(project))


def test_dev_must_lock_the_site_packages_at_the_deploy_jobs_versions(project):
    site, dev = locked("site.txt"), locked("dev.txt")
    # A package the site needs only through another one, so no list's pin hides the disagreement.
    name = next(n for n, e in sorted(site.items()) if not any(v.startswith("-r ") for v in e.via))
    dev_lock = project / "requirements" / "dev.txt"
    edit(dev_lock, f"\n{name}=={dev[name].version} ", f"\n{name}=={dev[name].version}.post9 ")
    found = check_locks.problems(project)
    assert any(p.startswith(f"{dev[name].where}: {name}=={dev[name].version}.post9, but ") for p in found), found


def test_a_list_no_lock_covers_is_named(project):
    (project / "requirements" / "docs.in").write_text("mkdocs\n", encoding="utf-8")
    assert "requirements/docs.in: not locked: no docs.txt beside it, and no locked list includes it with -r" in (
        check_locks.problems(project)
    )


def test_pre_commit_hooks_pin_the_locked_versions():
    dev = locked("dev.txt")
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    pins = [
        (hook["id"], dep)
        for repo in config["repos"]
        for hook in repo["hooks"]
        for dep in hook.get("additional_dependencies", [])
    ]
    assert pins
    for hook, dep in pins:
        name, _, version = dep.partition("==")
        assert version, f"hook {hook}: {dep} is not pinned with =="
        assert canonicalize_name(name) in dev, f"hook {hook}: {name} is not in requirements/dev.txt"
        assert dev[canonicalize_name(name)].version == version, f"hook {hook}: {dep}, but requirements/dev.txt differs"
    # Hooks from other repositories would be pinned by rev: this project keeps them all local.
    assert {repo["repo"] for repo in config["repos"]} == {"local"}


def pip_installs(text: str) -> list[str]:
    return re.findall(r"pip install[^\n&|;]*", text)


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "CONTRIBUTING.md",
        "scripts/test.sh",
        *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(".github/workflows/*.yml")),
    ],
)
def test_every_pip_install_is_from_a_lock_with_hashes(path):
    text = (ROOT / path).read_text(encoding="utf-8").replace("\\\n", " ")
    installs = pip_installs(text)
    assert installs, f"{path} installs nothing with pip"
    for install in installs:
        assert "--require-hashes" in install, f"{path}: {install}"
        assert re.search(r"-r requirements/\w+\.txt", install), f"{path}: {install}"


def readme_install() -> str:
    """The install part of the README's first command."""
    match = re.search(r"python3 -m venv \.venv && (\.venv/bin/pip install [^&\n]+?) &&", README)
    assert match, "README's first command no longer creates .venv and installs into it"
    return match.group(1)


def freeze(venv: Path) -> dict[str, str]:
    out = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "freeze", "--all"], capture_output=True, text=True, check=True
    ).stdout
    return {canonicalize_name(n): v for n, v in (line.split("==") for line in out.splitlines() if "==" in line)}


@pytest.mark.slow
def test_the_readme_set_up_installs_exactly_the_locked_versions(tmp_path):
    """Needs PyPI: a fresh environment set up with the README's first command."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    came_with_venv = freeze(venv)
    install = readme_install().replace(".venv/", f"{venv}/")
    result = subprocess.run(install, shell=True, cwd=ROOT, env=PYPI_ONLY, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    want = {name: entry.version for name, entry in locked("site.txt").items()}
    # pip (and on Python 3.11 setuptools) come with the environment; the lock pins them only if a package needs them.
    have = {n: v for n, v in freeze(venv).items() if n in want or came_with_venv.get(n) != v}
    assert have == want


@pytest.mark.slow
def test_pip_refuses_a_file_whose_locked_hash_is_changed_by_one_character(tmp_path):
    """Needs PyPI. Downloads one small package twice: with its real hashes, then with one character changed."""
    site = locked("site.txt")
    # The package with the fewest files is usually one small pure-Python wheel.
    name, entry = min(sorted(site.items()), key=lambda item: len(item[1].hashes))

    def download(hashes: list[str], into: Path) -> subprocess.CompletedProcess:
        requirements = into.with_suffix(".txt")
        requirements.write_text(f"{name}=={entry.version} " + " ".join(f"--hash={h}" for h in hashes) + "\n")
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", "-d", into]
        return subprocess.run([*command, "-r", requirements], env=PYPI_ONLY, capture_output=True, text=True)

    good = download(entry.hashes, tmp_path / "good")
    assert good.returncode == 0, good.stdout + good.stderr
    changed = [h[:-1] + ("0" if h[-1] != "0" else "1") for h in entry.hashes]
    bad = download(changed, tmp_path / "bad")
    assert bad.returncode != 0
    assert "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE" in bad.stderr + bad.stdout


@pytest.mark.parametrize("folder", ["", "scripts/lighthouse-npm"])
def test_each_npm_lock_pins_what_its_package_json_asks_for_with_a_hash_for_every_package(folder):
    manifest = json.loads((ROOT / folder / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / folder / "package-lock.json").read_text(encoding="utf-8"))
    asked = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    assert asked
    for name, version in asked.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{folder or '.'}/package.json: {name} {version} is a range"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, f"{folder or '.'}: {name}"
    installed = {path: entry for path, entry in lock["packages"].items() if path}
    assert installed
    assert all(entry.get("integrity", "").startswith("sha512-") for entry in installed.values())


def test_a_lock_entry_with_extras_as_dependabot_may_write_it_is_read_by_its_name(tmp_path):
    lock = tmp_path / "requirements" / "x.txt"
    lock.parent.mkdir()
    lock.write_text("Some.Package[cli]==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n    # via -r requirements/x.in\n")
    entries, problems = check_locks.read_lock(lock, tmp_path)
    assert problems == []
    assert entries["some-package"].version == "1.0"
    assert entries["some-package"].via == ["-r requirements/x.in"]
