"""The therapist roster: load data/therapists.yml, check it, and shape it for pages.

Plain functions and small data classes, with no MkDocs imports, so that the
hook, the macros, the command line and the tests all share one implementation.

    python hooks/roster.py [--github] [FILE ...]

checks roster files without building the site (default: data/therapists.yml)
and prints one line per problem, in the form an editor can act on:

    data/therapists.yml:42: therapist 'jane-doe': languages: 'Frnech' is not allowed (did you mean 'French'?)
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROSTER = PROJECT_ROOT / "data" / "therapists.yml"
DEFAULT_TAXONOMY = PROJECT_ROOT / "data" / "taxonomy.yml"
DEFAULT_DOCS_DIR = PROJECT_ROOT / "docs"

# The facets a visitor can browse and filter by, in display order:
# (field in the roster, section of data/taxonomy.yml, URL segment, heading).
FACETS = (
    ("specialties", "specialties", "specialty", "Specialty"),
    ("approaches", "approaches", "approach", "Approach"),
    ("languages", "languages", "language", "Language"),
    ("formats", "formats", "format", "Format"),
    ("clients", "clients", "clients", "Client group"),
)

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Directory pages live beside the profiles under /therapists/, so these cannot be ids.
RESERVED_IDS = {kind for _, _, kind, _ in FACETS} | {"page", "accepting", "directory"}
REGISTRATION_NUMBER_RE = re.compile(r"^[A-Za-z0-9-]{1,20}$")
PHOTO_RE = re.compile(r"^assets/therapists/[a-z0-9-]+\.(jpg|jpeg|png|webp|svg)$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9-]{3,20}$")
# Words that YAML 1.1 (PyYAML, and GitHub's own YAML tools) reads as booleans.
YAML11_BOOLEANS = {"yes", "no", "on", "off", "true", "false", "y", "n"}
# Unicode's control characters (category Cc) other than newline and tab; a
# regular expression, because checking each character of a large roster is slow.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MAX_NAME = 100
MAX_SHORT = 200
MAX_BIO = 4000
MAX_URL = 500
MAX_CREDENTIALS = 6  # with every other field at its limit, a profile page stays under 40 KB
MAX_PHOTO_BYTES = 200 * 1024  # photos load on every card; keep pages light on phones

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a roster, located in its file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation (shown on the pull request's diff)."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},title=Roster check::{message}"


class RosterError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, errors: list[Problem]):
        self.errors = errors
        count = len(errors)
        heading = f"{count} problem{'s' if count != 1 else ''} in the therapist roster:"
        super().__init__("\n".join([heading, *(str(e) for e in errors)]))


@dataclass(frozen=True)
class Term:
    """One allowed value of a facet, e.g. the language 'French'."""

    name: str
    slug: str
    title: str = ""
    article: str = ""


@dataclass(frozen=True)
class College:
    name: str
    title: str
    url: str
    register: str


@dataclass(frozen=True)
class Taxonomy:
    terms: dict[str, tuple[Term, ...]]
    colleges: dict[str, College]

    def term(self, section: str, name: str) -> Term:
        return next(t for t in self.terms[section] if t.name == name)


@dataclass(frozen=True)
class Fees:
    individual: int
    sliding_scale: bool
    couples: int | None = None


@dataclass(frozen=True)
class Therapist:
    id: str
    name: str
    line: int
    former: bool = False
    pronouns: str = ""
    credentials: tuple[str, ...] = ()
    college: College | None = None
    registration_number: str = ""
    registration_status: str = ""
    languages: tuple[Term, ...] = ()
    specialties: tuple[Term, ...] = ()
    approaches: tuple[Term, ...] = ()
    clients: tuple[Term, ...] = ()
    formats: tuple[Term, ...] = ()
    fees: Fees | None = None
    fee_note: str = ""
    accepting_new_clients: bool = False
    booking_url: str = ""
    contact_url: str = ""
    photo: str = ""
    photo_alt: str = ""
    bio: str = ""

    @property
    def url(self) -> str:
        """Site-relative URL of the profile page."""
        return f"therapists/{self.id}/"

    @property
    def initials(self) -> str:
        parts = [p for p in re.split(r"[\s-]+", self.name) if p[:1].isalpha()]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def facet(self, field_name: str) -> tuple[Term, ...]:
        return getattr(self, field_name)


@dataclass(frozen=True)
class Facet:
    """One browsable value, e.g. language 'French', with the therapists who offer it."""

    kind: str  # URL segment, e.g. "language"
    heading: str
    term: Term
    therapists: tuple[Therapist, ...]

    @property
    def url(self) -> str:
        return f"therapists/{self.kind}/{self.term.slug}/"


@dataclass
class Roster:
    path: str
    taxonomy: Taxonomy
    therapists: list[Therapist]  # current, in file order
    former: list[Therapist] = field(default_factory=list)

    def get(self, therapist_id: str) -> Therapist | None:
        return next((t for t in self.therapists + self.former if t.id == therapist_id), None)

    def offering(self, approach: str) -> list[Therapist]:
        """Current therapists who offer an approach, by its taxonomy name."""
        if approach not in {t.name for t in self.taxonomy.terms["approaches"]}:
            raise KeyError(f"'{approach}' is not an approach in data/taxonomy.yml")
        return [t for t in self.therapists if any(a.name == approach for a in t.approaches)]

    def accepting(self) -> list[Therapist]:
        return [t for t in self.therapists if t.accepting_new_clients]

    def facets(self) -> dict[str, list[Facet]]:
        """Every non-empty facet value, grouped by facet, in taxonomy order."""
        grouped: dict[str, list[Facet]] = {}
        for field_name, section, kind, heading in FACETS:
            members: dict[str, list[Therapist]] = {t.name: [] for t in self.taxonomy.terms[section]}
            for therapist in self.therapists:
                for term in therapist.facet(field_name):
                    members[term.name].append(therapist)
            grouped[kind] = [
                Facet(kind, heading, term, tuple(members[term.name]))
                for term in self.taxonomy.terms[section]
                if members[term.name]
            ]
        return grouped


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def slugify(text: str) -> str:
    """'LGBTQ2S+ affirming care' -> 'lgbtq2s-affirming-care'; accents folded."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def load_taxonomy(path: Path = DEFAULT_TAXONOMY) -> Taxonomy:
    """Read the controlled lists; they are maintained by developers, so errors here are plain exceptions."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    terms = {
        section: tuple(
            Term(e["name"], slugify(e["name"]), e.get("title", ""), e.get("article", "")) for e in data[section]
        )
        for _, section, _, _ in FACETS
    }
    colleges = {c["name"]: College(c["name"], c["title"], c["url"], c["register"]) for c in data["colleges"]}
    # A college's addresses become links on every profile: a javascript: or data: address would run there.
    bad = [
        Problem(
            _display_path(Path(path)), 1, f"college '{c.name}': {key}: must be a web address starting with https://"
        )
        for c in colleges.values()
        for key in ("url", "register")
        if not re.match(r"^https://[^\s/?#]+\S*$", getattr(c, key))
    ]
    if bad:
        raise RosterError(bad)
    return Taxonomy(terms, colleges)


def load_cached(path: str | os.PathLike, *, docs_dir: str | os.PathLike, display_path: str) -> Roster:
    """load_and_validate, memoised on the files' modification times.

    The hook and the macros both ask for the roster during one build; this makes
    that one read, while `mkdocs serve` still sees every edit. The display path is
    not part of the key (the hook and the macros spell an absolute ROSTER_FILE
    differently); a roster with problems is never cached, so its errors always
    name the file as the caller asked.
    """
    stamps = tuple(
        (p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None for p in (Path(path), DEFAULT_TAXONOMY)
    )
    key = (str(path), str(docs_dir), stamps)
    if key not in _loaded:
        roster = load_and_validate(path, docs_dir=docs_dir, display_path=display_path)
        _loaded.clear()  # a changed file replaces the roster; old copies would only hold memory
        _loaded[key] = roster
    return _loaded[key]


_loaded: dict[tuple, Roster] = {}


def load_for_config(config) -> Roster:
    """The roster a build uses: extra.roster_file (ROSTER_FILE) resolved against the folder of mkdocs.yml.

    `config` is MkDocs' configuration; the hook and the macros both call this, so they
    name the file the same way and share one cached copy.
    """
    project_dir = os.path.dirname(config.config_file_path)
    roster_file = config.extra["roster_file"]
    path = os.path.join(project_dir, roster_file)
    display = path if os.path.isabs(roster_file) else os.path.relpath(path, project_dir)
    return load_cached(path, docs_dir=config.docs_dir, display_path=display)


def load_and_validate(
    path: str | os.PathLike = DEFAULT_ROSTER,
    *,
    taxonomy: Taxonomy | None = None,
    docs_dir: str | os.PathLike = DEFAULT_DOCS_DIR,
    display_path: str | None = None,
) -> Roster:
    """Read a roster file and check every entry; raise RosterError listing every problem."""
    display = display_path or _display_path(Path(path))
    taxonomy = taxonomy or load_taxonomy()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RosterError([Problem(display, 1, "the roster file does not exist")]) from None
    except UnicodeDecodeError as exc:
        raise RosterError([Problem(display, 1, f"the file is not UTF-8 text ({exc.reason})")]) from None
    checker = _Checker(display, taxonomy, Path(docs_dir))
    roster = checker.check(text)
    if checker.problems:
        raise RosterError(sorted(checker.problems, key=lambda p: p.line))
    return roster


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Checker:
    """Walks the YAML node tree (which keeps line numbers) and builds Therapists."""

    def __init__(self, file: str, taxonomy: Taxonomy, docs_dir: Path):
        self.file = file
        self.taxonomy = taxonomy
        self.docs_dir = docs_dir
        self.problems: list[Problem] = []

    def problem(self, node_or_line, where: str, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else node_or_line.start_mark.line + 1
        self.problems.append(Problem(self.file, line, f"{where}: {message}" if where else message))

    def check(self, text: str) -> Roster:
        empty = Roster(self.file, self.taxonomy, [])
        if "&" in text or "*" in text:
            self._reject_anchors(text)
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            reason = getattr(exc, "problem", None) or str(exc)
            self.problem(line, "", f"this is not valid YAML ({reason}); check indentation and quotes")
            return empty
        if not isinstance(root, yaml.MappingNode):
            self.problem(root or 1, "", "the file must start with 'therapists:' followed by a list of entries")
            return empty
        top = self._mapping(root, "")
        for key, (key_node, _) in top.items():
            if key != "therapists":
                self.problem(key_node, "", f"unknown top-level key '{key}' (only 'therapists' is allowed)")
        if "therapists" not in top:
            self.problem(root, "", "the file must have a 'therapists:' list")
            return empty
        entries = top["therapists"][1]
        if not isinstance(entries, yaml.SequenceNode) or not entries.value:
            self.problem(entries, "therapists", "must be a list with at least one therapist")
            return empty
        roster = Roster(self.file, self.taxonomy, [])
        self.id_lines: dict[str, int] = {}
        for index, entry in enumerate(entries.value, start=1):
            therapist = self._entry(entry, index)
            if therapist is not None:
                (roster.former if therapist.former else roster.therapists).append(therapist)
        if not roster.therapists and not self.problems:
            self.problem(entries, "therapists", "there must be at least one current (not former) therapist")
        return roster

    def _reject_anchors(self, text: str) -> None:
        try:
            for event in yaml.parse(text, Loader=_LOADER):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    self.problem(
                        event,
                        "",
                        "YAML anchors and aliases (& and *) are not supported; write each value out in full",
                    )
        except yaml.YAMLError:
            pass  # reported with its line by compose()

    def _mapping(self, node, where: str) -> dict[str, tuple]:
        """Keys of a mapping node with their (key node, value node); duplicate keys are problems."""
        result: dict[str, tuple] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in result:
                first = result[key][0].start_mark.line + 1
                self.problem(key_node, where, f"{key}: this field appears twice (first on line {first}); keep one")
                continue
            result[key] = (key_node, value_node)
        return result

    # ---- scalar readers: each returns None after recording a problem ----

    def _string(self, node, where: str, name: str, max_len: int = MAX_SHORT) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, where, f"{name}: must be a single piece of text")
            return None
        if node.tag == _NULL or (node.tag == _STR and not node.value.strip()):
            self.problem(node, where, f"{name}: is empty")
            return None
        if node.tag != _STR:
            raw = node.value
            kind = {_BOOL: "true/false", _INT: "a number"}.get(node.tag, "a number or date")
            self.problem(node, where, f"{name}: '{raw}' is read by YAML as {kind}; put it in quotes: \"{raw}\"")
            return None
        if not node.style and node.value.lower() in YAML11_BOOLEANS:
            raw = node.value
            self.problem(
                node, where, f"{name}: '{raw}' is read by some YAML tools as true/false; put it in quotes: \"{raw}\""
            )
            return None
        if len(node.value) > max_len:
            self.problem(node, where, f"{name}: is {len(node.value)} characters long; the limit is {max_len}")
            return None
        if _CONTROL_RE.search(node.value):
            self.problem(node, where, f"{name}: contains an invisible control character; retype it")
            return None
        return node.value

    def _boolean(self, node, where: str, name: str) -> bool | None:
        raw = node.value if isinstance(node, yaml.ScalarNode) else ""
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL and raw in ("true", "false"):
            return raw == "true"
        if raw.lower() in YAML11_BOOLEANS:
            self.problem(node, where, f"{name}: write true or false (lowercase, no quotes), not '{raw}'")
        else:
            self.problem(node, where, f"{name}: must be true or false, not '{raw}'")
        return None

    def _integer(self, node, where: str, name: str) -> int | None:
        raw = node.value if isinstance(node, yaml.ScalarNode) else ""
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT and re.fullmatch(r"0|[1-9][0-9]{0,5}", raw):
            return int(raw)
        self.problem(node, where, f"{name}: must be a whole number of dollars, like 150, not '{raw}'")
        return None

    def _url(self, node, where: str, name: str, schemes: tuple[str, ...]) -> str | None:
        value = self._string(node, where, name, max_len=MAX_URL)
        if value is None:
            return None
        allowed = " or ".join(f"{s}:" for s in schemes)
        if any(c.isspace() or unicodedata.category(c).startswith("C") for c in value):
            self.problem(node, where, f"{name}: contains spaces or invisible characters; a link must be one word")
            return None
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
        if scheme not in schemes or value[: len(scheme)] != scheme:
            self.problem(node, where, f"{name}: '{value}' must start with {allowed} (lowercase)")
            return None
        if scheme == "https" and (not parts.netloc or "@" in parts.netloc or not value.startswith("https://")):
            self.problem(node, where, f"{name}: '{value}' is not a complete https:// web address")
            return None
        if scheme == "mailto" and not EMAIL_RE.match(value[len("mailto:") :]):
            self.problem(node, where, f"{name}: '{value}' is not an email link like mailto:name@example.org")
            return None
        if scheme == "tel" and not PHONE_RE.match(value[len("tel:") :]):
            self.problem(node, where, f"{name}: '{value}' is not a phone link like tel:+14165550100")
            return None
        return value

    def _terms(self, node, where: str, name: str, section: str) -> tuple[Term, ...] | None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(
                node, where, f"{name}: must be a list with at least one value, like [{self._example(section)}]"
            )
            return None
        allowed = {t.name: t for t in self.taxonomy.terms[section]}
        chosen: list[Term] = []
        ok = True
        for item in node.value:
            value = self._string(item, where, name)
            if value is None:
                ok = False
            elif value not in allowed:
                ok = False
                self.problem(item, where, f"{name}: '{value}' is not allowed{self._suggest(value, allowed)}")
            elif allowed[value] in chosen:
                ok = False
                self.problem(item, where, f"{name}: '{value}' is listed twice")
            else:
                chosen.append(allowed[value])
        return tuple(chosen) if ok else None

    def _example(self, section: str) -> str:
        return ", ".join(t.name for t in self.taxonomy.terms[section][:2])

    @staticmethod
    def _suggest(value: str, allowed, hint: str = "the allowed values are listed in data/taxonomy.yml") -> str:
        by_lower = {name.lower(): name for name in allowed}
        close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
        if close:
            return f" (did you mean '{by_lower[close[0]]}'?)"
        return f" ({hint})"

    # ---- one entry ----

    def _entry(self, node, index: int) -> Therapist | None:
        entry_line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node, f"entry {index}", "each therapist must be a set of 'field: value' lines starting with '- id:'"
            )
            return None
        fields = self._mapping(node, f"entry {index}")
        where = f"entry {index}"
        therapist_id = None
        if "id" in fields:
            therapist_id = self._string(fields["id"][1], where, "id")
            if therapist_id is not None and not ID_RE.match(therapist_id):
                self.problem(
                    fields["id"][1],
                    where,
                    f"id: '{therapist_id}' must be lowercase letters, digits and single hyphens, like 'jane-doe'",
                )
                therapist_id = None
            elif therapist_id in RESERVED_IDS:
                self.problem(
                    fields["id"][1], where, f"id: '{therapist_id}' is reserved for a directory page; add a surname"
                )
                therapist_id = None
        else:
            self.problem(node, where, "id: is missing (it becomes the page address, like 'jane-doe')")
        if therapist_id:
            where = f"therapist '{therapist_id}'"
            if therapist_id in self.id_lines:
                first = self.id_lines[therapist_id]
                self.problem(
                    fields["id"][1], where, f"id: '{therapist_id}' is already used on line {first}; ids must be unique"
                )
            else:
                self.id_lines[therapist_id] = fields["id"][1].start_mark.line + 1
        # Problems found before the id was known are re-labelled with it.
        for i, p in enumerate(self.problems):
            if p.message.startswith(f"entry {index}: ") and therapist_id:
                self.problems[i] = Problem(p.file, p.line, where + p.message[len(f"entry {index}") :])

        known = set(_FIELDS)
        for key, (key_node, _) in fields.items():
            if key not in known:
                self.problem(
                    key_node,
                    where,
                    f"{key}: is not a known field{self._suggest(key, known, 'the fields are listed in CONTRIBUTING.md')}",
                )

        former = False
        if "former" in fields:
            former = self._boolean(fields["former"][1], where, "former") or False

        values: dict[str, object] = {}
        errors_before = len(self.problems)
        for name, reader in _FIELDS.items():
            if name in ("id", "former"):
                continue
            if name not in fields:
                if name in REQUIRED_FIELDS and not former:
                    self.problem(node, where, f"{name}: is missing (see the template in CONTRIBUTING.md)")
                continue
            value = reader(self, fields[name][1], where, name)
            if value is not None:
                values[name] = value
        if "photo" in values and "photo_alt" not in fields:
            self.problem(
                fields["photo"][1], where, "photo_alt: is missing; describe the photo for people who cannot see it"
            )
        if len(self.problems) > errors_before or therapist_id is None or "name" not in values:
            return None
        registration = values.pop("registration", {})
        return Therapist(
            id=therapist_id,
            line=entry_line,
            former=former,
            college=registration.get("college"),
            registration_number=registration.get("number", ""),
            registration_status=registration.get("status", ""),
            **values,
        )

    def _read_name(self, node, where, name):
        return self._string(node, where, name, MAX_NAME)

    def _read_short(self, node, where, name):
        return self._string(node, where, name)

    def _read_bio(self, node, where, name):
        return self._string(node, where, name, MAX_BIO)

    def _read_credentials(self, node, where, name):
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, where, f"{name}: must be a list with at least one value, like [MA, RP]")
            return None
        if len(node.value) > MAX_CREDENTIALS:
            self.problem(
                node,
                where,
                f"{name}: has {len(node.value)} values; at most {MAX_CREDENTIALS} are allowed "
                "(keep the ones clients need to know)",
            )
            return None
        items = [self._string(item, where, name) for item in node.value]
        return None if None in items else tuple(items)

    def _submapping(self, node, where, name, required: tuple[str, ...], optional: tuple[str, ...] = ()):
        """The fields of a nested mapping such as registration or fees; unknown and missing ones are problems."""
        if not isinstance(node, yaml.MappingNode):
            listed = ", ".join(required[:-1]) + " and " + required[-1]
            self.problem(node, where, f"{name}: must have {listed} on indented lines")
            return None
        fields = self._mapping(node, where)
        known = required + optional
        for key, (key_node, _) in fields.items():
            if key not in known:
                self.problem(key_node, where, f"{name}.{key}: is not a known field (use {', '.join(known)})")
        for key in required:
            if key not in fields:
                self.problem(node, where, f"{name}.{key}: is missing")
        return fields

    def _read_registration(self, node, where, name):
        fields = self._submapping(node, where, name, ("college", "number", "status"))
        if fields is None:
            return None
        result = {}
        for key in ("college", "number", "status"):
            if key not in fields:
                continue
            value = self._string(fields[key][1], where, f"{name}.{key}")
            if value is None:
                continue
            if key == "college":
                if value not in self.taxonomy.colleges:
                    self.problem(
                        fields[key][1],
                        where,
                        f"{name}.college: '{value}' is not allowed{self._suggest(value, self.taxonomy.colleges)}",
                    )
                    continue
                value = self.taxonomy.colleges[value]
            if key == "number" and not fields[key][1].style:  # plain: "" (libyaml) or None
                # YAML reads 001234 as 668 but 0900111 as text: require quotes so neither can happen.
                self.problem(fields[key][1], where, f'{name}.number: put the number in quotes: "{value}"')
                continue
            if key == "number" and not REGISTRATION_NUMBER_RE.match(value):
                self.problem(fields[key][1], where, f"{name}.number: '{value}' must be letters and digits only")
                continue
            result[key] = value
        return result if len(result) == 3 else None

    def _read_fees(self, node, where, name):
        fields = self._submapping(node, where, name, ("individual", "sliding_scale"), ("couples",))
        if fields is None:
            return None
        read = {"individual": self._integer, "couples": self._integer, "sliding_scale": self._boolean}
        values = {
            key: read[key](value_node, where, f"{name}.{key}") for key, (_, value_node) in fields.items() if key in read
        }
        if None in values.values() or not {"individual", "sliding_scale"} <= set(values):
            return None
        return Fees(values["individual"], values["sliding_scale"], values.get("couples"))

    def _read_accepting(self, node, where, name):
        return self._boolean(node, where, name)

    def _read_booking(self, node, where, name):
        return self._url(node, where, name, ("https",))

    def _read_contact(self, node, where, name):
        return self._url(node, where, name, ("https", "mailto", "tel"))

    def _read_photo(self, node, where, name):
        value = self._string(node, where, name)
        if value is None:
            return None
        if not PHOTO_RE.match(value):
            self.problem(
                node,
                where,
                f"{name}: '{value}' must be a file in docs/assets/therapists/ "
                "with a lowercase name ending in .jpg, .png, .webp or .svg",
            )
            return None
        photo = self.docs_dir / value
        if not photo.is_file():
            self.problem(node, where, f"{name}: the file docs/{value} does not exist; upload it first")
            return None
        if photo.stat().st_size > MAX_PHOTO_BYTES:
            size = -(-photo.stat().st_size // 1024)  # round up, so 200.1 KB reads as 201
            self.problem(
                node,
                where,
                f"{name}: docs/{value} is {size} KB; make it smaller than "
                f"{MAX_PHOTO_BYTES // 1024} KB (see CONTRIBUTING.md, 'Add a photo')",
            )
            return None
        return value

    def _facet_reader(section):
        def read(self, node, where, name):
            return self._terms(node, where, name, section)

        return read

    def _read_former(self, node, where, name):
        return self._boolean(node, where, name)


# Field name -> reader, in the order fields are documented in CONTRIBUTING.md.
_FIELDS = {
    "id": None,
    "name": _Checker._read_name,
    "pronouns": _Checker._read_short,
    "credentials": _Checker._read_credentials,
    "registration": _Checker._read_registration,
    "languages": _Checker._facet_reader("languages"),
    "specialties": _Checker._facet_reader("specialties"),
    "approaches": _Checker._facet_reader("approaches"),
    "clients": _Checker._facet_reader("clients"),
    "formats": _Checker._facet_reader("formats"),
    "fees": _Checker._read_fees,
    "fee_note": _Checker._read_short,
    "accepting_new_clients": _Checker._read_accepting,
    "booking_url": _Checker._read_booking,
    "contact_url": _Checker._read_contact,
    "photo": _Checker._read_photo,
    "photo_alt": _Checker._read_short,
    "bio": _Checker._read_bio,
    "former": _Checker._read_former,
}
# Every field an entry may have, in the order CONTRIBUTING.md documents them.
FIELDS = tuple(_FIELDS)
REQUIRED_FIELDS = {
    "name",
    "credentials",
    "registration",
    "languages",
    "specialties",
    "approaches",
    "clients",
    "formats",
    "fees",
    "accepting_new_clients",
    "bio",
}


# --------------------------------------------------------------------------
# Public data
# --------------------------------------------------------------------------


def public_record(t: Therapist, site_url: str = "") -> dict:
    """What therapists.json publishes about one current therapist (everything on the profile)."""
    return {
        "id": t.id,
        "name": t.name,
        "pronouns": t.pronouns or None,
        "credentials": list(t.credentials),
        "registration": {
            "college": t.college.name,
            "college_name": t.college.title,
            "number": t.registration_number,
            "status": t.registration_status,
        },
        "languages": [x.name for x in t.languages],
        "specialties": [x.name for x in t.specialties],
        "approaches": [x.name for x in t.approaches],
        "clients": [x.name for x in t.clients],
        "formats": [x.name for x in t.formats],
        "fees": {
            "individual": t.fees.individual,
            "couples": t.fees.couples,
            "sliding_scale": t.fees.sliding_scale,
            "note": t.fee_note or None,
        },
        "accepting_new_clients": t.accepting_new_clients,
        "booking_url": t.booking_url or None,
        "contact_url": t.contact_url or None,
        "photo": (site_url + t.photo) if t.photo else None,
        "photo_alt": t.photo_alt or None,
        "bio": t.bio,
        "url": site_url + t.url,
    }


def public_json(roster: Roster, site_url: str = "") -> str:
    records = [public_record(t, site_url) for t in roster.therapists]
    return json.dumps({"therapists": records}, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    github = "--github" in args
    files = [a for a in args if a != "--github"] or [os.environ.get("ROSTER_FILE") or "data/therapists.yml"]
    status = 0
    for file in files:
        try:
            roster = load_and_validate(file)
        except RosterError as exc:
            status = 1
            for problem in exc.errors:
                print(problem.github() if github else str(problem))
            continue
        print(
            f"{_display_path(Path(file))}: OK, {len(roster.therapists)} current and {len(roster.former)} former therapists"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
