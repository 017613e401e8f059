"""Hostile and careless input for every data file: a file:line message naming the field, never a traceback.

Each file in tests/fixtures/hostile/ starts with three comment lines:

    # Tests: what the fixture tries
    # file: therapists | taxonomy | crisis | practice   (which checker reads it)
    # expect: LINE: fragment of the message     (or "valid: why publishing it is harmless")

The fixtures are bytes, not text, so a NUL or a non-UTF-8 byte can be tested on its own line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import crisis
import practice
import roster
import yamlfile

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "hostile").glob("*.yml"))
HEADER_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?# Tests: .+\n# file: (therapists|taxonomy|crisis|practice)\n# expect: (.+)\n"
)
# What must never reach a terminal or a GitHub annotation raw: control and text-direction characters.
RAW_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

LOADERS = {
    "therapists": lambda path: roster.load_and_validate(path, display_path=f"fixtures/{path.name}"),
    "taxonomy": lambda path: roster.load_taxonomy(path, display_path=f"fixtures/{path.name}"),
    "crisis": lambda path: crisis.load(path),
    "practice": lambda path: practice.load(path, display_path=f"fixtures/{path.name}"),
}


def header(path: Path) -> tuple[str, str]:
    match = HEADER_RE.match(path.read_bytes())
    assert match, f"{path.name} must start with '# Tests:', '# file:' and '# expect:' lines"
    return match[1].decode(), match[2].decode("utf-8")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_gives_its_message_on_its_line(path):
    kind, expect = header(path)
    if expect.startswith("valid: "):
        LOADERS[kind](path)
        return
    line, fragment = expect.split(": ", 1)
    with pytest.raises(yamlfile.DataError) as caught:
        LOADERS[kind](path)
    problems = caught.value.errors
    assert any(p.line == int(line) and fragment in str(p) for p in problems), "\n".join(map(str, problems))
    for problem in problems:
        assert not RAW_RE.search(str(problem)), repr(str(problem))
        assert not RAW_RE.search(problem.github()), repr(problem.github())
        assert "\n" not in str(problem) and "\n" not in problem.github()


def test_there_is_a_fixture_for_every_class_in_the_issue():
    names = {p.stem for p in FIXTURES}
    assert {
        "empty-file",
        "top-level-list",
        "key-is-a-list",
        "nul-byte",
        "non-utf8-byte",
        "deep-nesting",
        "merge-key",
        "crisis-verified-future",
        "crisis-source-javascript",
        "crisis-empty",
        "taxonomy-punctuation-collision",
        "taxonomy-non-latin",
        "id-trailing-newline",
        "id-trailing-newline-reserved",
        "id-index",
        "name-invisible-only",
        "name-lookalike-invisible",
        "name-bidi-override",
        "mailto-bcc",
        "mailto-encoded-second-address",
        "former-without-name",
        "fee-plus-sign",
        "fee-leading-zero",
        "https-zero-width-space",
        "practice-empty",
        "practice-office-id-reserved",
        "practice-office-duplicate-id",
        "practice-privacy-url-javascript",
        "practice-postal-code-lowercase",
        "practice-step-free-yes",
        "practice-phone-unquoted",
        "availability-confirmed-quoted",
        "gender-identity-bidi",
    } <= names


@pytest.mark.parametrize("name", ["", "."])
def test_an_empty_or_folder_roster_file_is_a_message(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(name)
    (problem,) = caught.value.errors
    assert problem.line == 1 and ("folder" in problem.message or "no roster file" in problem.message)


def test_a_folder_named_as_the_roster_is_a_message(tmp_path):
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(tmp_path, display_path="data")
    assert str(caught.value.errors[0]) == "data:1: data is a folder; name the roster file inside it"


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    import schemas

    path = tmp_path / "therapists.yml"
    path.write_text("therapists:\n" + "#" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setattr(schemas, "MAX_FILE_BYTES", 1000)
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(path, display_path="data/therapists.yml")
    assert "larger than" in caught.value.errors[0].message


def test_an_id_that_is_a_page_in_docs_is_refused_naming_the_page(tmp_path):
    from support.rosters import GOOD_ENTRY

    docs = tmp_path / "docs"
    (docs / "therapists").mkdir(parents=True)
    (docs / "therapists" / "jane-doe.md").write_text("# A page\n", encoding="utf-8")
    path = tmp_path / "therapists.yml"
    path.write_text("therapists:\n" + GOOD_ENTRY, encoding="utf-8")
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(path, docs_dir=docs, display_path="data/therapists.yml")
    assert [str(p) for p in caught.value.errors] == [
        "data/therapists.yml:2: therapist 'jane-doe': id: 'jane-doe' would take the address of "
        "docs/therapists/jane-doe.md, line 1; choose another id"
    ]


def test_mutated_data_files_never_raise_anything_but_data_errors(tmp_path):
    """Random damage to the real data files: every outcome is a clean load or a DataError."""
    import random

    rnd = random.Random(10)
    pieces = [b"\x00", b"\xff", b"&a ", b"*a", b"? [a]\n", b": ", b"- ", b"\n", b"[", b"{", b"yes", b'"', b"\t"]
    pieces += [b"\xe2\x80\xae", b"\xe2\x80\xa8", b"2999-01-01", b"0150", b"!!binary ", b"---\n", b"~", b"<<: *a\n"]
    for name, load in [
        ("therapists", LOADERS["therapists"]),
        ("taxonomy", LOADERS["taxonomy"]),
        ("crisis", crisis.load),
        ("practice", LOADERS["practice"]),
    ]:
        original = (ROOT / "data" / f"{name}.yml").read_bytes()
        for _ in range(60):
            data = bytearray(original)
            for _ in range(rnd.randint(1, 4)):
                at = rnd.randrange(len(data))
                if rnd.random() < 0.5:
                    data[at:at] = rnd.choice(pieces)
                else:
                    del data[at : at + rnd.randint(1, 30)]
            path = tmp_path / f"{name}.yml"
            path.write_bytes(bytes(data))
            try:
                load(path)
            except yamlfile.DataError as exc:
                assert all(not RAW_RE.search(str(p)) for p in exc.errors)


@pytest.mark.parametrize("path", ["/dev/zero", "bad\0name.yml"])
def test_a_device_or_an_impossible_file_name_is_a_message(path):
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(path, display_path="ROSTER_FILE")
    (problem,) = caught.value.errors
    assert problem.line == 1 and ("not a regular file" in problem.message or "cannot have" in problem.message)


def test_a_photo_that_links_outside_docs_is_refused(tmp_path):
    from support.rosters import GOOD_ENTRY

    docs = tmp_path / "docs"
    (docs / "assets" / "therapists").mkdir(parents=True)
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"private")
    (docs / "assets" / "therapists" / "jane.jpg").symlink_to(secret)
    path = tmp_path / "therapists.yml"
    text = GOOD_ENTRY.replace("    bio: |", "    photo: assets/therapists/jane.jpg\n    photo_alt: Jane\n    bio: |")
    path.write_text("therapists:\n" + text, encoding="utf-8")
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(path, docs_dir=docs, display_path="data/therapists.yml")
    assert [str(p) for p in caught.value.errors] == [
        "data/therapists.yml:20: therapist 'jane-doe': photo: docs/assets/therapists/jane.jpg is a link to "
        "another file; upload the photo itself"
    ]
