"""The JSON Schema that editors' tools use and the build's own check agree.

Both judge the sample roster and every file in tests/fixtures/rosters/. Each
fixture says in its header what it tests, the field the build's check must
name (`# expect:`), and whether the schema accepts or rejects it (`# schema:`).

The schema side reads YAML the way editors' tooling does (YAML 1.2 core: only
true/false are booleans, no dates, no octal 0123). Some mistakes exist only at
the YAML level, and the schema cannot see them, so for those fixtures the
schema is expected to ACCEPT while the build's check rejects:

* duplicate keys (a loader keeps the last value),
* anchors and aliases (a loader expands them),
* YAML 1.1 booleans in text fields (`NO`, `yes`, `On` are text in YAML 1.2),
* a photo file that does not exist, and a duplicate id across entries,
* a value that data/taxonomy.yml or data/practice.yml does not list: the schema names
  where the allowed values live without copying them, so adding a value in the web
  editor needs no command (the build's check names the line and the nearest value).

Unquoted registration numbers and `availability: yes` are caught by
both: YAML 1.2 reads them as a number and as text, which have the wrong type.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

import roster
from support.schema import BAD_FIXTURES, FIXTURES, SCHEMA_PATH, Yaml12Loader, schema_errors

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "therapists.yml"
# The fixture rosters' photos: their own, never the sample roster's.
FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"
HEADER_RE = re.compile(r"^# Tests: .+\n# expect: (?P<expect>\S+)\n# schema: (?P<schema>accepts|rejects)\b")


def validator_errors(path: Path, docs: Path = FIXTURE_DOCS) -> list[str]:
    try:
        roster.load_and_validate(path, docs_dir=docs)
    except roster.RosterError as exc:
        return [p.message for p in exc.errors]
    return []


def header(path: Path) -> re.Match:
    match = HEADER_RE.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} must start with '# Tests: ...', '# expect: FIELD', '# schema: accepts|rejects'"
    return match


def test_yaml12_loader_reads_like_an_editor():
    text = 'a: NO\nb: yes\nc: 001234\nd: 2021-03-04\ne: true\nf: "7"\ng: 0o17\n'
    assert yaml.load(text, Loader=Yaml12Loader) == {
        "a": "NO",
        "b": "yes",
        "c": 1234,
        "d": "2021-03-04",
        "e": True,
        "f": "7",
        "g": 15,
    }


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_schema_is_regenerated_from_the_specs():
    result = subprocess.run(
        [sys.executable, "hooks/gen_schema.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_new_taxonomy_value_or_office_changes_no_schema(tmp_path):
    """An editor adds a value in the web editor, where no command can run: the committed schemas still hold."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", project / "data")
    taxonomy = project / "data" / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    areas = text.index("\nareas_of_practice:\n") + len("\nareas_of_practice:\n")
    taxonomy.write_text(
        text[:areas]
        + '  - name: A value added in the web editor\n    fr: "Une valeur ajoutée dans l’éditeur"\n'
        + text[areas:],
        encoding="utf-8",
    )
    roster.load_taxonomy(taxonomy)
    result = subprocess.run(
        [sys.executable, "hooks/gen_schema.py", "--check"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sample_roster_passes_both():
    assert validator_errors(SAMPLE, ROOT / "docs") == []
    assert schema_errors(SAMPLE) == []


def test_sample_roster_points_editors_at_the_schema():
    first_line = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=./{SCHEMA_PATH.name}"


def test_there_is_a_fixture_for_every_listed_mistake():
    expected = {
        "unknown-field",
        "missing-required-field",
        "duplicate-id",
        "duplicate-key",
        "unquoted-registration-number",
        "yaml11-no-in-string",
        "yaml11-yes-in-string",
        "yaml11-on-in-list",
        "accepting-yes",
        "booking-url-http",
        "booking-url-javascript",
        "booking-url-javascript-tab",
        "booking-url-javascript-leading-space",
        "contact-url-data",
        "photo-missing-file",
        "photo-without-alt",
        "anchor-alias",
        "unknown-language",
        "empty-therapists",
        "wrong-top-level-type",
        "good-minimal",
    }
    assert expected <= {f.stem for f in FIXTURES}


@pytest.mark.parametrize("path", [f for f in FIXTURES if f.name.startswith("good-")], ids=lambda p: p.stem)
def test_good_fixture_passes_both(path):
    assert header(path)["expect"] == "valid"
    assert validator_errors(path) == []
    assert schema_errors(path) == []


@pytest.mark.parametrize("path", BAD_FIXTURES, ids=lambda p: p.stem)
def test_bad_fixture_is_refused_by_the_build_naming_the_field(path):
    expect = header(path)["expect"]
    messages = validator_errors(path)
    assert messages, f"the build's check accepted {path.name}"
    named = re.compile(rf"(?<![\w.]){re.escape(expect)}(?=[:.'\s])")
    assert any(named.search(m) for m in messages), f"no message names {expect!r}: {messages}"


@pytest.mark.parametrize("path", BAD_FIXTURES, ids=lambda p: p.stem)
def test_schema_accepts_or_rejects_as_the_fixture_says(path):
    errors = schema_errors(path)
    if header(path)["schema"] == "rejects":
        assert errors, f"the schema accepted {path.name}"
    else:
        assert errors == [], f"{path.name} is a YAML-level mistake the schema cannot see, yet it said: {errors}"


def _complete_entry() -> dict:
    """The first entry of good-complete.yml, which has every field."""
    text = (ROOT / "tests" / "fixtures" / "rosters" / "good-complete.yml").read_text(encoding="utf-8")
    entry = yaml.load(text, Loader=Yaml12Loader)["therapists"][0]
    # The YAML 1.2 loader keeps dates as text; a date it dumps back would be in quotes.
    entry["availability_confirmed_on"] = datetime.date.fromisoformat(entry["availability_confirmed_on"])
    return entry


@pytest.mark.parametrize("field", list(_complete_entry()))
def test_both_agree_on_which_fields_are_required(field, tmp_path):
    """Remove one field from a complete entry: the schema and the build must both accept, or both refuse."""
    entry = _complete_entry()
    del entry[field]
    data = {"therapists": [entry]}
    path = tmp_path / "therapists.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    build_ok = validator_errors(path) == []
    schema_ok = schema_errors(path) == []
    assert build_ok == schema_ok, f"without {field!r}: build {'accepts' if build_ok else 'refuses'}, schema differs"
    assert build_ok == (field in {"pronouns", "fee_note", "booking_url", "contact_url", "former", "photo"})


def test_github_mode_prints_one_annotation_per_problem_with_file_and_line():
    paths = [str(p.relative_to(ROOT)) for p in BAD_FIXTURES]
    result = subprocess.run(
        [sys.executable, "hooks/roster.py", "--github", *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    annotation = re.compile(r"^::error file=(?P<file>[^,]+),line=(?P<line>[0-9]+),title=Roster check::\S.*$")
    lines = result.stdout.splitlines()
    assert lines and result.stderr == ""
    seen = set()
    for line in lines:
        match = annotation.match(line)
        assert match, f"not a GitHub annotation: {line!r}"
        file_lines = (ROOT / match["file"]).read_text(encoding="utf-8").count("\n")
        assert 1 <= int(match["line"]) <= file_lines, line
        seen.add(match["file"])
    assert seen == set(paths), "every bad fixture gets at least one annotation"
