"""hooks/schemas.py is the one description: a limit changed there moves the editors' schema and the build's check."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import practice
import roster
import schemas
import yamlfile
from support.rosters import GOOD_ENTRY

ROOT = Path(__file__).resolve().parent.parent
# Read before any constant is changed: the taxonomy and the practice details have limits of their own.
TAXONOMY = roster.load_taxonomy()
PRACTICE = practice.load()


def entry_schema() -> dict:
    return schemas.json_schema(schemas.roster())["properties"]["therapists"]["items"]["properties"]


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "therapists.yml"
    path.write_text("therapists:\n" + text, encoding="utf-8")
    try:
        roster.load_and_validate(path, taxonomy=TAXONOMY, practice=PRACTICE, display_path="data/therapists.yml")
    except roster.RosterError as exc:
        return [p.message for p in exc.errors]
    return []


@pytest.mark.parametrize(
    "constant, value, where, message",
    [
        ("MAX_NAME", 5, ("name", "maxLength"), "name: is 8 characters long; the limit is 5"),
        ("MAX_CREDENTIALS", 1, ("credentials", "maxItems"), "credentials: has 2 values; at most 1 are allowed"),
        ("MAX_FEE", 100, ("fees", "properties", "individual", "maximum"), "fees.individual: 150 is outside"),
    ],
)
def test_changing_one_constant_moves_the_schema_and_the_checker(tmp_path, monkeypatch, constant, value, where, message):
    assert problems(tmp_path, GOOD_ENTRY) == []
    monkeypatch.setattr(schemas, constant, value)
    node = entry_schema()
    for key in where:
        node = node[key]
    assert node == value
    assert any(message in p for p in problems(tmp_path, GOOD_ENTRY)), problems(tmp_path, GOOD_ENTRY)


def test_reserved_addresses_are_one_list_for_the_schema_and_the_checker(tmp_path, monkeypatch):
    monkeypatch.setattr(schemas, "GENERATED_PAGES", schemas.GENERATED_PAGES | {"jane-doe"})
    assert "jane-doe" in entry_schema()["id"]["not"]["enum"]
    assert any("id: 'jane-doe' is reserved" in p for p in problems(tmp_path, GOOD_ENTRY))


def test_id_pattern_refuses_a_trailing_newline_in_both():
    import re

    pattern = entry_schema()["id"]["pattern"]
    assert re.search(pattern, "jane-doe") and not re.search(pattern, "jane-doe\n")
    assert re.fullmatch(schemas.ID, "jane-doe") and not re.fullmatch(schemas.ID, "jane-doe\n")


class NoDatesLoader(yaml.SafeLoader):
    """Dates stay text, as in the YAML 1.2 tools editors use."""


NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("name", list(schemas.SPECS))
def test_each_data_file_points_editors_at_its_schema_and_passes_it(name):
    path = ROOT / "data" / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=./{name}.schema.json"
    schema = json.loads((ROOT / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.load(text, Loader=NoDatesLoader)))
    assert errors == []


@pytest.mark.parametrize(
    "name, change",
    [
        ("crisis", ("source: https://www.tps.ca/mental-health/", "source: javascript:alert(1)")),
        ("crisis", ('tel: "911"', 'tel: "9II"')),
        ("taxonomy", ("url: https://www.crpo.ca/", "url: javascript:alert(1)")),
        ("taxonomy", ("  - name: English\n", "  - name: English\n    slug: Eng lish\n")),
    ],
)
def test_the_crisis_and_taxonomy_schemas_refuse_what_the_checker_refuses(name, change, tmp_path):
    import crisis

    text = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")
    assert change[0] in text
    text = text.replace(*change)
    schema = json.loads((ROOT / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.load(text, Loader=NoDatesLoader)))
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(yamlfile.DataError):
        (crisis.load if name == "crisis" else roster.load_taxonomy)(path)
