"""Judging a roster the way editors' YAML tools do: YAML 1.2 core and the generated JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA_PATH = ROOT / "data" / "therapists.schema.json"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "rosters").glob("*.yml"))
BAD_FIXTURES = [f for f in FIXTURES if not f.name.startswith("good-")]


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's booleans, integers and no timestamps."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[1] not in {"bool", "int", "timestamp"}]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)


def _construct_int12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    return int(text, 0) if text.startswith(("0o", "0x")) else int(text, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int12)


def schema_errors(path: Path) -> list[str]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    except yaml.YAMLError as exc:
        return [f"not valid YAML: {exc}"]
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
