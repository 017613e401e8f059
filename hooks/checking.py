"""The one checking engine for every data file: YAML node tree + spec (hooks/schemas.py) -> values and problems.

It never stops at the first problem and never raises on bad input: every problem is a
Problem (hooks/yamlfile.py) with the file, the line from the YAML node tree and a plain
message naming the field, with a fix.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType

import yaml

import schemas
from schemas import Choice, Day, Flag, Items, Link, OneOf, Record, Spec, Text, Whole
from yamlfile import Problem, show

_YAML_TAG = "tag:yaml.org,2002:"
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# What YAML makes of an unquoted value that looks like something other than text.
_READ_AS = MappingProxyType(
    {_BOOL: "true/false", _INT: "a number", "tag:yaml.org,2002:float": "a number", _TIMESTAMP: "a date"}
)
# Words that YAML 1.1 (PyYAML, and GitHub's own YAML tools) reads as booleans.
YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "true", "false", "y", "n"})

_CONTROL_RE = re.compile(f"[{schemas.CONTROL}]")
_BIDI_RE = re.compile(f"[{schemas.BIDI}]")
_TEXT_RE = re.compile(schemas.TEXT, re.S)
_LINK_RE = MappingProxyType({scheme: re.compile(pattern) for scheme, pattern in schemas.LINK_PATTERNS.items()})
INVALID = object()


def line_of(node) -> int:
    return node.start_mark.line + 1


@dataclass
class Row:
    """One checked mapping: its valid values, the line of each field, and whether all of it was valid."""

    values: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    line: int = 1
    where: str = ""
    ok: bool = False
    rows: dict = field(default_factory=dict)  # field -> list of Rows, for mappings and lists of mappings


def suggest(value: str, allowed, hint: str) -> str:
    by_lower = {str(name).lower(): name for name in allowed}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" (did you mean '{show(by_lower[close[0]])}'?)" if close else f" ({hint})"


class Checker:
    """Checks one file's node tree against its spec; one method per kind of spec, none per field."""

    def __init__(self, file: str, choices: dict[str, dict] | None = None, today: datetime.date | None = None):
        self.file = file
        self.choices = choices or {}
        self.today = today or datetime.date.today()
        self.problems: list[Problem] = []

    def report(self, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, f"{where}: {message}" if where else message))

    def check_file(self, spec: Record, root) -> Row:
        if root is None:
            self.report(1, "", spec.shape_message)
            return Row()
        return self.record(spec, root, "", "")

    def value(self, spec: Spec, node, where: str, name: str):
        if isinstance(spec, Record):
            row = self.record(spec, node, where, name)
            return row.values if row.ok else INVALID
        reader = {
            Items: self.items,
            Link: self.link,
            Text: self.text,
            Choice: self.choice,
            OneOf: self.one_of,
            Flag: self.flag,
            Whole: self.whole,
            Day: self.day,
        }[type(spec)]
        return reader(spec, node, where, name)

    def record(self, spec: Record, node, where: str, name: str, label: tuple = ()) -> Row:
        before = len(self.problems)
        prefix = f"{name}." if name else ""
        row = Row(line=line_of(node), where=where)
        if not isinstance(node, yaml.MappingNode):
            listed = " and ".join(filter(None, [", ".join(spec.required[:-1]), spec.required[-1]]))
            fields = f"must have {listed} on indented lines"
            message = spec.shape_message or (f"{name}: {fields}" if name else f"each entry {fields}")
            self.report(line_of(node), where, message)
            return row
        fields, odd = self.mapping(node, prefix)
        done = set()
        if label:
            label_key, keyed = label
            if label_key in fields:
                done.add(label_key)
                value = self.value(spec.fields[label_key], fields[label_key][1], where, label_key)
                if value is not INVALID:
                    row.values[label_key] = value
                    where = row.where = keyed.format(v=show(value))
        for line, message in odd:
            self.report(line, where, message)
        renamed, retired = dict(spec.renamed), dict(spec.retired)
        for key, (key_node, _) in fields.items():
            if key in spec.fields:
                continue
            if key in renamed:
                self.report(line_of(key_node), where, f"'{key}' is now called '{renamed[key]}': rename the field")
            elif key in retired:
                self.report(line_of(key_node), where, f"{prefix}{key}: is no longer used; write {retired[key]}")
            elif spec.top:
                only = " or ".join(f"'{k}'" for k in spec.fields)
                self.report(line_of(key_node), where, f"unknown top-level key '{show(key)}' (only {only} is allowed)")
            elif spec.unknown_hint:
                hint = suggest(key, spec.fields, spec.unknown_hint)
                self.report(line_of(key_node), where, f"{prefix}{show(key)}: is not a known field{hint}")
            else:
                known = ", ".join([*spec.required, *(k for k in spec.fields if k not in spec.required)])
                self.report(line_of(key_node), where, f"{prefix}{show(key)}: is not a known field (use {known})")
        required = list(spec.required)
        if spec.required_unless:
            flag, also = spec.required_unless
            done.add(flag)
            is_set = flag in fields and self.value(spec.fields[flag], fields[flag][1], where, flag) is True
            if is_set:
                row.values[flag] = True
            else:
                required += also
        hint = f" ({spec.missing_hint})" if spec.missing_hint else ""
        for key in spec.fields:
            if key not in fields:
                # An old name already has its message; "is missing" too would send the editor looking twice.
                if key in required and key not in (new for old, new in spec.renamed if old in fields):
                    self.report(row.line, where, f"{prefix}{key}: is missing{hint}")
                continue
            value_node = fields[key][1]
            row.lines[key] = line_of(value_node)
            if key in done:
                continue  # already read above
            sub = spec.fields[key]
            if isinstance(sub, Items) and isinstance(sub.item, Record):
                row.rows[key] = self.record_list(sub, value_node, where, prefix + key)
                value = [r.values for r in row.rows[key]]
            elif isinstance(sub, Record):
                # Kept as a one-row list so rules can name the line of a field inside it.
                inner = self.record(sub, value_node, where, prefix + key)
                row.rows[key] = [inner]
                value = inner.values if inner.ok else INVALID
            else:
                value = self.value(sub, value_node, where, prefix + key)
            if value is not INVALID:
                row.values[key] = value
        if spec.with_value:
            listed, wanted, other = spec.with_value
            if listed in row.values:
                has = any(getattr(v, "name", v) == wanted for v in row.values[listed])
                if has and other not in fields:
                    self.report(
                        row.lines[listed],
                        where,
                        f"{prefix}{other}: is missing; with '{wanted}' in {listed}, list them, like "
                        f"{other}: [{', '.join(list(self.choices.get(other, {}))[:1])}]",
                    )
                elif not has and other in fields:
                    self.report(
                        row.lines[other],
                        where,
                        f"{prefix}{other}: goes only with '{wanted}' in {listed}; add it there or remove {other}",
                    )
        for key, other, why in spec.needs:
            if key in fields and other not in fields:
                self.report(line_of(fields[key][1]), where, f"{prefix}{other}: is missing; {why}")
        row.ok = len(self.problems) == before
        return row

    @staticmethod
    def mapping(node, prefix: str) -> tuple[dict[str, tuple], list[tuple[int, str]]]:
        """Keys of a mapping node with their (key node, value node), and (line, message) for odd and repeated keys."""
        result: dict[str, tuple] = {}
        odd = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                odd.append((line_of(key_node), "a field name must be a plain word, not a list or mapping"))
                continue
            key = key_node.value
            if key in result:
                first = line_of(result[key][0])
                odd.append(
                    (
                        line_of(key_node),
                        f"{prefix}{show(key)}: this field appears twice (first on line {first}); keep one",
                    )
                )
                continue
            result[key] = (key_node, value_node)
        return result, odd

    def _list_nodes(self, spec: Items, node, where: str, name: str) -> list | None:
        if not isinstance(node, yaml.SequenceNode) or len(node.value) < spec.min_items:
            like = spec.like
            if not like and isinstance(spec.item, Choice):
                like = "[" + ", ".join(list(self.choices.get(spec.item.section, {}))[:2]) + "]"
            message = spec.empty_message or "must be a list with at least one value" + (
                f", like {like}" if like else ""
            )
            self.report(line_of(node), where, f"{name}: {message}")
            return None
        if spec.max_items is not None and len(node.value) > spec.max_items:
            self.report(
                line_of(node),
                where,
                f"{name}: has {len(node.value)} values; at most {spec.max_items} are allowed ({spec.too_many_hint})",
            )
            return None
        return node.value

    def record_list(self, spec: Items, node, where: str, name: str) -> list[Row]:
        nodes = self._list_nodes(spec, node, where, name)
        label = (spec.label_key, spec.keyed_label) if spec.label_key else ()
        return [
            self.record(spec.item, item, spec.label.format(n=n), "", label) for n, item in enumerate(nodes or (), 1)
        ]

    def items(self, spec: Items, node, where: str, name: str):
        nodes = self._list_nodes(spec, node, where, name)
        if nodes is None:
            return INVALID
        values, seen, ok = [], set(), True
        for item in nodes:
            value = self.value(spec.item, item, where, name)
            if value is INVALID:
                ok = False
            elif spec.unique and value in seen:
                ok = False
                self.report(line_of(item), where, f"{name}: '{show(item.value)}' is listed twice")
            else:
                seen.add(value)
                values.append(value)
        return tuple(values) if ok else INVALID

    def text(self, spec: Text, node, where: str, name: str):
        if not isinstance(node, yaml.ScalarNode):
            self.report(line_of(node), where, f"{name}: must be a single piece of text")
            return INVALID
        raw = node.value
        if node.tag == _NULL or (node.tag == _STR and not raw.strip()):
            self.report(line_of(node), where, f"{name}: is empty")
            return INVALID
        if node.tag != _STR:
            kind = _READ_AS.get(node.tag)
            if kind is None:
                self.report(
                    line_of(node),
                    where,
                    f"{name}: remove the YAML tag '{show(node.tag.replace(_YAML_TAG, '!!'))}' and write plain text",
                )
            else:
                quoted = f'"{show(raw)}"'
                self.report(
                    line_of(node), where, f"{name}: '{show(raw)}' is read by YAML as {kind}; put it in quotes: {quoted}"
                )
            return INVALID
        if not node.style and raw.lower() in YAML11_BOOLEANS:
            self.report(
                line_of(node),
                where,
                f"{name}: '{raw}' is read by some YAML tools as true/false; put it in quotes: \"{raw}\"",
            )
            return INVALID
        if spec.quoted and not node.style:  # plain: "" (libyaml) or None
            # YAML reads 001234 as 668 but 0900111 as text: require quotes so neither can happen.
            self.report(line_of(node), where, f'{name}: put the number in quotes: "{show(raw)}"')
            return INVALID
        if len(raw) > spec.max_len:
            self.report(line_of(node), where, f"{name}: is {len(raw)} characters long; the limit is {spec.max_len}")
            return INVALID
        if _CONTROL_RE.search(raw):
            self.report(line_of(node), where, f"{name}: contains an invisible control character; retype it")
            return INVALID
        if _BIDI_RE.search(raw):
            self.report(
                line_of(node),
                where,
                f"{name}: contains a hidden text-direction character (it can make text display in a different "
                "order than it is stored); retype it",
            )
            return INVALID
        if not _TEXT_RE.fullmatch(raw) or not any(_visible(c) for c in raw):
            self.report(line_of(node), where, f"{name}: has only invisible characters; type the text")
            return INVALID
        if spec.pattern and not re.fullmatch(spec.pattern, raw):
            self.report(line_of(node), where, f"{name}: '{show(raw)}' {spec.pattern_hint}")
            return INVALID
        if raw in spec.reserved:
            self.report(line_of(node), where, f"{name}: '{raw}' {spec.reserved_hint}")
            return INVALID
        return raw

    def choice(self, spec: Choice, node, where: str, name: str):
        value = self.text(Text(max_len=schemas.MAX_SHORT), node, where, name)
        if value is INVALID:
            return INVALID
        allowed = self.choices.get(spec.section, {})
        if value not in allowed:
            hint = suggest(value, allowed, "the allowed values are listed in data/taxonomy.yml")
            self.report(line_of(node), where, f"{name}: '{show(value)}' is not allowed{hint}")
            return INVALID
        return allowed[value]

    def one_of(self, spec: OneOf, node, where: str, name: str):
        value = self.text(Text(max_len=schemas.MAX_SHORT), node, where, name)
        if value is INVALID:
            return INVALID
        if value not in spec.values:
            allowed = ", ".join(spec.values)
            hint = suggest(value, spec.values, f"write one of: {allowed}")
            self.report(line_of(node), where, f"{name}: '{show(value)}' is not allowed{hint}")
            return INVALID
        return value

    def link(self, spec: Link, node, where: str, name: str):
        value = self.text(Text(max_len=spec.max_len), node, where, name)
        if value is INVALID:
            return INVALID
        problem = link_problem(value, spec.schemes)
        if problem:
            self.report(line_of(node), where, f"{name}: {problem}")
            return INVALID
        return value

    def flag(self, spec: Flag, node, where: str, name: str):
        raw = node.value if isinstance(node, yaml.ScalarNode) else ""
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL and raw in ("true", "false"):
            return raw == "true"
        if raw.lower() in YAML11_BOOLEANS:
            self.report(line_of(node), where, f"{name}: write true or false (lowercase, no quotes), not '{show(raw)}'")
        else:
            self.report(line_of(node), where, f"{name}: must be true or false, not '{show(raw)}'")
        return INVALID

    def whole(self, spec: Whole, node, where: str, name: str):
        raw = node.value if isinstance(node, yaml.ScalarNode) else ""
        # Digits only: YAML 1.1 reads 0150 as octal 104 and editors' tools read it as 150; +150 and 1_500 too.
        digits = isinstance(node, yaml.ScalarNode) and node.tag == _INT and re.fullmatch(r"0|[1-9][0-9]*", raw)
        if digits:
            # Compared as text first: Python refuses to read an integer of more than 4,300 digits.
            number = int(raw) if len(raw) <= len(str(spec.maximum)) else spec.maximum + 1
            if spec.minimum <= number <= spec.maximum:
                return number
            self.report(
                line_of(node),
                where,
                f"{name}: {show(raw)} is outside the allowed range {spec.minimum} to {spec.maximum}",
            )
            return INVALID
        self.report(line_of(node), where, f"{name}: must be {spec.hint}, not '{show(raw)}'")
        return INVALID

    def day(self, spec: Day, node, where: str, name: str):
        raw = node.value if isinstance(node, yaml.ScalarNode) else ""
        value = None
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == _TIMESTAMP
            and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw)
        ):
            try:
                value = datetime.date.fromisoformat(raw)
            except ValueError:
                self.report(line_of(node), where, f"{name}: '{show(raw)}' is not a real date")
                return INVALID
        if value is None:
            self.report(line_of(node), where, f"{name}: must be a date like 2026-11-26 (no quotes), not '{show(raw)}'")
            return INVALID
        if spec.not_future and value > self.today:
            self.report(
                line_of(node), where, f"{name}: {raw} is in the future; write the day the check was really done"
            )
            return INVALID
        return value


def link_problem(value: str, schemes: tuple = ("https",)) -> str | None:
    """Why `value` is not a link a reader can trust (None if it is): the one check for every link in the data.

    https links need a host a browser reaches as written (schemas.HOST): ASCII, with a dot,
    no user name before an @, no lookalike letters; mailto one address; tel a number.
    """
    allowed = " or ".join(f"{s}:" for s in schemes)
    if _INVISIBLE_RE.search(value) or (_ASTRAL_RE.search(value) and not all(map(_visible, value))):
        return "contains spaces or invisible characters; a link must be one word"
    scheme = value.split(":", 1)[0] if ":" in value else ""
    if scheme not in schemes:
        return f"'{show(value)}' must start with {allowed} (lowercase)"
    if not _LINK_RE[scheme].fullmatch(value):
        example = {
            "https": "is not a complete https:// web address",
            "mailto": "is not an email link like mailto:name@example.org (one address, nothing after it)",
            "tel": "is not a phone link like tel:+14165550100",
        }[scheme]
        return f"'{show(value)}' {example}"
    return None


def _visible(char: str) -> bool:
    """False for characters that show nothing: spaces, joiners, fillers, format and unassigned characters."""
    if _INVISIBLE_RE.match(char):
        return False
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me")


_INVISIBLE_RE = re.compile(f"[{schemas.INVISIBLE}]")
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
