"""The one description of each data file: data/therapists.yml, data/taxonomy.yml, data/crisis.yml and
data/practice.yml.

Each file is a tree of small specs (Record, Items, Text, Link, ...). hooks/checking.py
walks a file's YAML node tree against its spec, and `json_schema` turns the same spec
into the JSON Schema editors' tools read (hooks/gen_schema.py writes it), so every
limit below is written once. The specs are built by functions, not at import, so a
changed constant moves both the checker and the schema (tests/test_schemas.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

MAX_NAME = 100
MAX_SHORT = 200
MAX_BIO = 4000
MAX_URL = 500
MAX_CREDENTIALS = 6  # with every other field at its limit, a profile page stays near PROFILE_BUDGET_BYTES
MAX_FEE = 999_999
MAX_PHOTO_BYTES = 200 * 1024  # photos load on every card; keep pages light on phones
# A profile page's HTML budget. A budget, not a limit: a valid profile over it is published, with an INFO
# notice in the build; benchmarks/build.py prints the largest profile against it.
PROFILE_BUDGET_BYTES = 40_000
MAX_FILE_BYTES = 128 * 1024 * 1024  # far above any real roster; stops a runaway file before YAML reads it
MAX_REVIEW_DAYS = 366
# Availability older than this is not shown as a yes or no: the site says "Ask about availability"
# and leaves the therapist off the accepting list (issue 14: stale "ghost" listings).
AVAILABILITY_MAX_AGE_DAYS = 60
AVAILABILITY = ("accepting", "waitlist", "not accepting")

# Patterns are matched whole (re.fullmatch in the checker, anchored in the JSON Schema),
# so "jane-doe\n" is not an id.
ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
REGISTRATION_NUMBER = r"[A-Za-z0-9-]{1,20}"
PHOTO = r"assets/therapists/[a-z0-9-]+\.(?:jpg|jpeg|png|webp)"
ARTICLE = r"[a-z0-9-]+(?:/[a-z0-9-]+)*\.md"
# A host a browser will reach as written: ASCII labels (punycode for other scripts),
# at least one dot, so no "localhost", no user name ("a@b") and no lookalike letters.
HOST = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?"
# One mailbox and nothing else: no "?bcc=", no "%40" second address, no comma list.
EMAIL = rf"[A-Za-z0-9](?:[A-Za-z0-9._+-]{{0,62}}[A-Za-z0-9_+-])?@{HOST}"
# A number a phone can dial: 3 to 15 digits, an optional leading + and single hyphens.
PHONE = r"\+?[0-9](?:-?[0-9]){2,14}"
# A Canadian postal code as Canada Post writes it: "M5V 2T6".
POSTAL_CODE = r"[A-Z][0-9][A-Z] [0-9][A-Z][0-9]"

# Character classes (regex text, shared by the checker and the JSON Schema).
# Control characters other than tab and newline:
CONTROL = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
# Characters that reorder text, so "gro.elpmaxe" can display as "example.org":
BIDI = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Characters that show nothing: spaces, joiners, fillers, variation selectors, soft hyphen.
INVISIBLE = (
    r"\s\u00a0\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f"
    r"\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
)
# Text a reader can see: no control or direction characters, and at least one visible one.
TEXT = rf"[^{CONTROL}{BIDI}]*[^{CONTROL}{BIDI}{INVISIBLE}][^{CONTROL}{BIDI}]*"
HTTPS = rf"https://{HOST}(?::[0-9]{{1,5}})?(?:[/?#][^{CONTROL}{BIDI}{INVISIBLE}]*)?"
LINK_PATTERNS = MappingProxyType({"https": HTTPS, "mailto": f"mailto:{EMAIL}", "tel": f"tel:{PHONE}"})

# The facets a visitor can browse and filter by, in display order:
# (field in the roster, section of data/taxonomy.yml, URL segment, heading).
TAXONOMY_FACETS = (
    ("areas_of_practice", "areas_of_practice", "area-of-practice", "Area of practice"),
    ("approaches", "approaches", "approach", "Approach"),
    ("languages", "languages", "language", "Language"),
    ("formats", "formats", "format", "Format"),
    ("clients", "clients", "clients", "Client group"),
    ("times", "times", "times", "Session times"),
)
# The offices come from data/practice.yml, not the taxonomy; the roster names them by id.
FACETS = (*TAXONOMY_FACETS, ("offices", "offices", "location", "Location"))
# Fields renamed since a roster or taxonomy could have been written: "specialties" implied a
# specialization, which CRPO's standard 1.2.3 allows only when a recognized body conferred it.
RENAMED = (("specialties", "areas_of_practice"),)
# Pages the site itself makes under /therapists/: an id or a facet term may not take their address.
GENERATED_PAGES = frozenset({kind for _, _, kind, _ in FACETS} | {"index", "page", "accepting", "directory"})


@dataclass(frozen=True)
class Spec:
    title: str = ""
    description: str = ""
    examples: tuple = ()


@dataclass(frozen=True)
class Text(Spec):
    max_len: int = 0  # the builders below always pass a limit, read when the spec is built
    pattern: str = ""  # whole-value pattern; TEXT when empty
    pattern_hint: str = ""  # what to write instead, e.g. "must be letters and digits only"
    quoted: bool = False  # must be in quotes, so YAML never reads it as a number
    reserved: frozenset = frozenset()
    reserved_hint: str = ""


@dataclass(frozen=True)
class Link(Spec):
    schemes: tuple = ("https",)
    max_len: int = 0


@dataclass(frozen=True)
class Flag(Spec):
    pass


@dataclass(frozen=True)
class Whole(Spec):
    minimum: int = 0
    maximum: int = 0
    hint: str = "a whole number of dollars, like 150"


@dataclass(frozen=True)
class Day(Spec):
    not_future: bool = True


@dataclass(frozen=True)
class Choice(Spec):
    section: str = ""  # section of data/taxonomy.yml whose names are allowed


@dataclass(frozen=True)
class OneOf(Spec):
    values: tuple = ()  # the words allowed, written exactly


@dataclass(frozen=True)
class Items(Spec):
    item: Spec = field(default_factory=Text)
    min_items: int = 1
    max_items: int | None = None
    unique: bool = False
    like: str = ""  # an example for the message, e.g. "[MA, RP]"
    too_many_hint: str = ""
    empty_message: str = ""
    # How an item is named in messages: "{n}" is its position; with label_key, once
    # that field is read, keyed_label with "{v}" its value, e.g. "therapist 'jane-doe'".
    label: str = "entry {n}"
    label_key: str = ""
    keyed_label: str = ""
    one_without: str = ""  # at least one item must lack this true flag (a current therapist)


@dataclass(frozen=True)
class Record(Spec):
    fields: dict = field(default_factory=dict)
    required: tuple = ()
    required_unless: tuple = ()  # (flag, fields required when the flag is not true)
    needs: tuple = ()  # (field, other field it needs, hint)
    unknown_hint: str = ""  # "" lists the known fields instead of suggesting one
    shape_message: str = ""
    missing_hint: str = ""
    retired: tuple = ()  # (old field, what to write instead): a field replaced by others
    # (list field, value, other field): the other field is required when the list holds the value,
    # and refused when it does not, e.g. offices with the "In person" format and only with it.
    with_value: tuple = ()
    top: bool = False  # the whole file: messages name top-level keys
    renamed: tuple = ()  # (old name, new name): an old file gets "rename the field", not "unknown field"


def text(title, description, example, max_len=None) -> Text:
    return Text(title, description, (example,), max_len=max_len or MAX_SHORT)


def facet(section, title, description, example) -> Items:
    return Items(title, description, (example,), item=Choice(section=section), unique=True)


def https(title, description, example) -> Link:
    return Link(title, description, (example,), max_len=MAX_URL)


def roster() -> Record:
    """data/therapists.yml."""
    fees = Record(
        "Fees",
        "Fees in whole Canadian dollars per session.",
        ({"individual": 160, "sliding_scale": True},),
        fields={
            "individual": Whole(
                "Individual session fee", "Dollars, digits only (no $). 0 for OHIP-covered.", (160,), maximum=MAX_FEE
            ),
            "couples": Whole("Couples session fee (optional)", "Dollars, digits only (no $).", (190,), maximum=MAX_FEE),
            "sliding_scale": Flag(
                "Sliding scale",
                "true if a reduced fee is offered to people who could not otherwise afford therapy, else false "
                "(write true or false, never yes or no).",
                (True,),
            ),
            "free_consultation": Flag(
                "Free first consultation (optional)",
                "true if a short first call or meeting is free of charge.",
                (True,),
            ),
            "direct_billing": Items(
                "Direct billing (optional)",
                "Insurers the therapist bills directly, so the client pays only what the plan does not cover.",
                (["Sun Life"],),
                item=Choice(section="insurers"),
                unique=True,
            ),
        },
        required=("individual", "sliding_scale"),
    )
    registration = Record(
        "Registration",
        "The Ontario college the therapist is registered with, so readers can check the public register.",
        ({"college": "CRPO", "number": "001234", "status": "Registered Psychotherapist"},),
        fields={
            "college": Choice("College", "Short name of the regulatory college.", ("CRPO",), section="colleges"),
            "number": Text(
                "Registration number",
                'Exactly as on the college\'s register, IN QUOTES ("001234"): without quotes YAML drops leading '
                "zeros or reads the number as octal.",
                ("001234",),
                pattern=REGISTRATION_NUMBER,
                max_len=MAX_SHORT,
                pattern_hint="must be letters and digits only",
                quoted=True,
            ),
            "status": text(
                "Registration status",
                "The title the college issues, exactly as listed for that college under 'titles' in "
                "data/taxonomy.yml (CRPO: Registered Psychotherapist, RP, Registered Psychotherapist (Qualifying) "
                "or RP (Qualifying)).",
                "Registered Psychotherapist",
            ),
            "supervisor": text(
                "Clinical supervisor",
                "The name of the therapist's clinical supervisor. Required for a title that practises under "
                "supervision, such as RP (Qualifying); shown on the profile.",
                "Amara Okafor, RP",
                MAX_NAME,
            ),
        },
        required=("college", "number", "status"),
    )
    fields = {
        "id": Text(
            "Page address",
            "Lowercase letters, digits and single hyphens, usually first-last name. It becomes the profile address "
            "/therapists/<id>/, so never change it once published. Must be unique.",
            ("jane-doe",),
            pattern=ID,
            max_len=MAX_SHORT,
            pattern_hint="must be lowercase letters, digits and single hyphens, like 'jane-doe'",
            reserved=GENERATED_PAGES,
            reserved_hint="is reserved for a directory page; add a surname",
        ),
        "name": text("Name", "Full name as the public should see it.", "Jane Doe", MAX_NAME),
        "pronouns": text("Pronouns (optional)", "Shown after the name.", "she/her"),
        "credentials": Items(
            "Credentials",
            "Degrees and designations, in the order to show them. Quote any that contain a colon or start with "
            "a bracket.",
            (["MA", "RP"],),
            item=text("Credential", "One degree or designation.", "MA"),
            max_items=MAX_CREDENTIALS,
            like="[MA, RP]",
            too_many_hint="keep the ones clients need to know",
        ),
        "registration": registration,
        "languages": facet("languages", "Languages", "Languages therapy is offered in.", ["English", "French"]),
        "areas_of_practice": facet(
            "areas_of_practice", "Areas of practice", "Concerns the therapist works with.", ["Anxiety"]
        ),
        "approaches": facet("approaches", "Approaches", "Kinds of therapy offered.", ["CBT", "ACT"]),
        "clients": facet("clients", "Client groups", "Who the therapist sees.", ["Individuals", "Adults"]),
        "formats": facet("formats", "Session formats", "How sessions happen.", ["In person", "Video"]),
        "times": facet("times", "Session times (optional)", "When sessions can be booked.", ["Daytime", "Evenings"]),
        "offices": Items(
            "Offices",
            "The ids of the offices in data/practice.yml where the therapist sees clients in person. Required "
            "with the 'In person' format, and only with it.",
            (["queen-west"],),
            item=Choice(section="offices"),
            unique=True,
        ),
        "gender_identity": text(
            "Gender identity (optional)",
            "Only if the therapist chooses to list it, in their own words. Never fill it in for them.",
            "Non-binary",
            MAX_NAME,
        ),
        "fees": fees,
        "fee_note": text(
            "Fee note (optional)",
            "One sentence shown under the fees.",
            "Covered by OHIP with a referral from your family doctor.",
        ),
        "availability": OneOf(
            "Availability",
            "accepting, waitlist or not accepting. Change it, and availability_confirmed_on, whenever the "
            "therapist confirms it.",
            ("accepting",),
            values=AVAILABILITY,
        ),
        "availability_confirmed_on": Day(
            "Availability confirmed on",
            f"The day the therapist last confirmed their availability, like 2026-11-26. After "
            f"{AVAILABILITY_MAX_AGE_DAYS} days the site shows 'Ask about availability' instead.",
            ("2026-11-26",),
        ),
        "booking_url": https(
            "Booking link (optional)",
            "The therapist's online booking page. Must start with https://.",
            "https://booking.example.org/jane-doe",
        ),
        "contact_url": Link(
            "Contact link (optional)",
            "A web page (https://...), one email address (mailto:name@example.org, nothing after it) or a phone "
            "number (tel:+14165550100).",
            ("mailto:jane.doe@example.org", "tel:+14165550100"),
            schemes=("https", "mailto", "tel"),
            max_len=MAX_URL,
        ),
        "photo": Text(
            "Photo (optional)",
            "Path of the photo inside docs/: upload a square JPEG, PNG or WebP (at least 400x400 pixels, under "
            f"{MAX_PHOTO_BYTES // 1024} KB) to docs/assets/therapists/ first. Needs photo_alt.",
            ("assets/therapists/jane-doe.jpg",),
            pattern=PHOTO,
            max_len=MAX_SHORT,
            pattern_hint="must be a file in docs/assets/therapists/ with a lowercase name ending in .jpg, .png "
            "or .webp",
        ),
        "photo_alt": text(
            "Photo description",
            "What the photo shows, for people using screen readers. Required with a photo.",
            "Jane Doe smiling, in a blue sweater, in front of a bookshelf",
        ),
        "bio": text(
            "Biography",
            "A few short paragraphs in plain language (Markdown allowed). Start the line with 'bio: |' and indent "
            "the paragraphs below it.",
            "Jane works with adults who feel anxious.",
            MAX_BIO,
        ),
        "bio_fr": text(
            "French biography (optional)",
            "The biography in French for the French profile page, with the same rules as bio. Without it the "
            "French page shows the English bio, marked as English.",
            "Jeanne travaille avec des adultes anxieux.",
            MAX_BIO,
        ),
        "former": Flag(
            "Former therapist (optional)",
            "true when the therapist has left. Keep the entry with id and name only, so the old profile address "
            "shows a 'no longer with us' page instead of an error.",
            (True,),
        ),
    }
    current = ("credentials", "registration", "languages", "areas_of_practice", "approaches", "clients", "formats")
    entry = Record(
        "Therapist",
        fields=fields,
        required=("id", "name"),
        required_unless=("former", (*current, "fees", "availability", "availability_confirmed_on", "bio")),
        with_value=("formats", "In person", "offices"),
        retired=(
            (
                "accepting_new_clients",
                "availability: accepting, waitlist or not accepting, and availability_confirmed_on: the day it "
                "was confirmed, like 2026-11-26",
            ),
        ),
        needs=(("photo", "photo_alt", "describe the photo for people who cannot see it"),),
        unknown_hint="the fields are listed in CONTRIBUTING.md",
        shape_message="each therapist must be a set of 'field: value' lines starting with '- id:'",
        missing_hint="see the template in CONTRIBUTING.md",
        renamed=RENAMED,
    )
    return Record(
        "Therapist roster",
        "The practice's therapists (data/therapists.yml). How to edit: CONTRIBUTING.md.",
        fields={
            "sample": Flag(
                "Sample data",
                "true while the therapists below are fictional examples: every directory page, profile and "
                "article review line says so, and the build prints a notice. Set it to false (or remove it) only "
                "with the practice's real roster, before launch (CONTRIBUTING.md, 'Before launch').",
                (False,),
            ),
            "therapists": Items(
                "Therapists",
                "One entry per therapist, each starting with '- id:'. At least one must be current (not former).",
                item=entry,
                empty_message="must be a list with at least one therapist",
                label_key="id",
                keyed_label="therapist '{v}'",
                one_without="former",
            ),
        },
        required=("therapists",),
        shape_message="the file must start with 'therapists:' followed by a list of entries",
        top=True,
    )


def taxonomy() -> Record:
    """data/taxonomy.yml."""
    term = Record(
        "Term",
        fields={
            "name": text("Name", "What editors write in the roster and what the public sees.", "French", MAX_NAME),
            "fr": text("French name", "What the public sees on the French pages.", "Français", MAX_NAME),
            "slug": Text(
                "Address (optional)",
                "The term's web address under /therapists/<facet>/. Made from the name when the name has Latin "
                "letters or digits; required otherwise (for a name in another script).",
                ("french",),
                pattern=ID,
                max_len=MAX_SHORT,
                pattern_hint="must be lowercase letters, digits and single hyphens, like 'sign-language'",
                reserved=GENERATED_PAGES,
                reserved_hint="is an address the site uses for its own pages; choose another",
            ),
            "title": text("Title (optional)", "The approach's full name.", "Cognitive behavioural therapy"),
            "title_fr": text(
                "French title (optional)", "The approach's full name in French.", "Thérapie cognitivo-comportementale"
            ),
            "article": Text(
                "Article (optional)",
                "The knowledge-base page that explains it, relative to docs/.",
                ("approaches/cbt.md",),
                pattern=ARTICLE,
                max_len=MAX_SHORT,
                pattern_hint="must be a page inside docs/ like approaches/cbt.md",
            ),
        },
        required=("name", "fr"),
    )
    college = Record(
        "College",
        fields={
            "name": text("Short name", "What the roster's registration.college says.", "CRPO", MAX_NAME),
            "title": text("Full name", "The college's name.", "College of Registered Psychotherapists of Ontario"),
            "title_fr": text(
                "French name",
                "The college's official French name.",
                "Ordre des psychothérapeutes autorisés de l'Ontario",
            ),
            "url": https("Web site", "The college's home page.", "https://www.crpo.ca/"),
            "register": https("Public register", "Where a reader checks a registration.", "https://www.crpo.ca/"),
            "titles": Items(
                "Titles",
                "The titles this college issues: the only values a roster's registration.status may take.",
                item=Record(
                    "Title",
                    fields={
                        "name": text("Title", "As the college writes it.", "Registered Psychotherapist"),
                        "supervised": Flag(
                            "Practises under supervision (optional)",
                            "true for a class that must practise under clinical supervision, such as RP "
                            "(Qualifying): the roster must then name the supervisor.",
                            (True,),
                        ),
                    },
                    required=("name",),
                ),
                label="title {n}",
                label_key="name",
                keyed_label="title '{v}'",
            ),
            "refuses_dr": Flag(
                "Refuses 'Dr.' (optional)",
                "true when the college does not let its members use 'Dr.' or 'Doctor' when providing care.",
                (True,),
            ),
        },
        required=("name", "title", "title_fr", "url", "register", "titles"),
    )
    sections = {
        section: Items(
            section.replace("_", " ").capitalize(),
            item=term,
            label=f"{section} entry {{n}}",
            label_key="name",
            keyed_label=f"{section} '{{v}}'",
        )
        for _, section, _, _ in TAXONOMY_FACETS
    }
    sections["insurers"] = Items(
        "Insurers",
        "Insurers a therapist may bill directly (fees.direct_billing in the roster).",
        item=Record("Insurer", fields={"name": term.fields["name"]}, required=("name",)),
        label="insurers entry {n}",
        label_key="name",
        keyed_label="insurer '{v}'",
    )
    sections["colleges"] = Items(
        "Colleges", item=college, label="colleges entry {n}", label_key="name", keyed_label="college '{v}'"
    )
    return Record(
        "Taxonomy",
        "The values the roster may use (data/taxonomy.yml).",
        fields=sections,
        required=tuple(sections),
        shape_message="the file must be sections such as 'languages:', each a list of '- name:' entries",
        top=True,
        renamed=RENAMED,
    )


def crisis() -> Record:
    """data/crisis.yml."""
    line = Record(
        "Crisis line",
        fields={
            "name": text("Name", "The service's name.", "9-8-8 Suicide Crisis Helpline", MAX_NAME),
            "action": text("What to do", "Shown as the link text.", "Call or text 9-8-8"),
            "tel": Text(
                "Phone number (optional)",
                "Digits to dial, in quotes.",
                ("988",),
                pattern=PHONE,
                max_len=MAX_SHORT,
                pattern_hint='must be a number a phone can dial, like "988" or "18006686868"',
            ),
            "sms": Text(
                "Text number (optional)",
                "Digits to text, in quotes.",
                ("988",),
                pattern=PHONE,
                max_len=MAX_SHORT,
                pattern_hint='must be a number a phone can text, like "686868"',
            ),
            "hours": text("Hours", "When it answers.", "24 hours a day, 7 days a week"),
            "for": text("For whom", "Who it is for.", "Anyone in Canada"),
            "source": https("Source", "The organisation's own page that shows this number.", "https://988.ca/"),
            "name_fr": text(
                "French name",
                "The service's name in French.",
                "Ligne d'aide en cas de crise de suicide 9-8-8",
                MAX_NAME,
            ),
            "action_fr": text("What to do, in French", "The link text on French pages.", "Appelez ou textez le 9-8-8"),
            "hours_fr": text("Hours, in French", "When it answers, in French.", "24 heures sur 24, 7 jours sur 7"),
            "for_fr": text("For whom, in French", "Who it is for, in French.", "Toute personne au Canada"),
            "source_fr": https(
                "French source (optional)",
                "The organisation's own French page that shows this number; without it, French pages link the "
                "English source, marked as English.",
                "https://988.ca/fr",
            ),
            "verified_on": Day(
                "Last checked",
                "The day this line's number, hours and source were last checked, like 2026-11-26. Each line has "
                "its own, so recording the check of one line never claims the others were checked.",
                ("2026-11-26",),
            ),
        },
        required=(
            "name",
            "action",
            "hours",
            "for",
            "source",
            "name_fr",
            "action_fr",
            "hours_fr",
            "for_fr",
            "verified_on",
        ),
    )
    return Record(
        "Crisis lines",
        "The crisis lines on every page (data/crisis.yml).",
        fields={
            "review_every_days": Whole(
                "Check every (days)",
                "A line whose verified_on is older than this is listed as due: a notice in the build and an entry "
                "in the weekly list of things due. It never stops the site from being published.",
                (180,),
                minimum=1,
                maximum=MAX_REVIEW_DAYS,
                hint="a whole number of days, like 180",
            ),
            "lines": Items(
                "Lines", item=line, label="crisis line {n}", label_key="name", keyed_label="crisis line '{v}'"
            ),
        },
        required=("review_every_days", "lines"),
        shape_message="the file must have review_every_days: and lines:",
        top=True,
        retired=(("verified_on", "verified_on: under each line instead, the day that line was checked"),),
    )


def practice() -> Record:
    """data/practice.yml."""
    phone = Text(
        "Phone",
        'Digits to dial, in quotes, like "4165550100" or "+14165550100".',
        ("+14165550100",),
        pattern=PHONE,
        max_len=MAX_SHORT,
        pattern_hint='must be a number a phone can dial, like "+14165550100"',
    )
    email = Text(
        "Email",
        "One email address.",
        ("hello@example.org",),
        pattern=EMAIL,
        max_len=MAX_SHORT,
        pattern_hint="must be one email address, like hello@example.org",
    )
    office = Record(
        "Office",
        fields={
            "id": Text(
                "Id",
                "Lowercase letters, digits and single hyphens. Therapists name the office by it (offices: "
                "[queen-west]), and it is the office's address under /therapists/location/.",
                ("queen-west",),
                pattern=ID,
                max_len=MAX_SHORT,
                pattern_hint="must be lowercase letters, digits and single hyphens, like 'queen-west'",
                reserved=GENERATED_PAGES,
                reserved_hint="is an address the site uses for its own pages; choose another",
            ),
            "name": text("Name", "What visitors see, like 'Queen West office'.", "Queen West office", MAX_NAME),
            "street": text("Street address", "Number, street and suite.", "215 Spadina Avenue, Suite 400"),
            "city": text("City", "In Ontario: the colleges register therapists to practise here.", "Toronto", MAX_NAME),
            "postal_code": Text(
                "Postal code",
                "As Canada Post writes it, with a space.",
                ("M5T 2C7",),
                pattern=POSTAL_CODE,
                max_len=7,
                pattern_hint="must be a postal code like 'M5T 2C7' (capital letters, one space)",
            ),
            "step_free": Flag(
                "Step-free access", "true if a wheelchair user can reach the therapy rooms without steps.", (True,)
            ),
            "access_note": text("Access details", "Doors, elevator, washroom.", "Elevator from the lobby."),
            "transit": text("Nearest transit", "Stations or stops and the walk.", "Spadina station, 5-minute walk"),
            "hours": text("Hours", "When the office is open.", "Monday to Friday, 9 a.m. to 8 p.m."),
            "evenings": Flag("Evening sessions", "true if sessions run after 5 p.m. on some days.", (True,)),
            "weekends": Flag("Weekend sessions", "true if sessions run on Saturday or Sunday.", (True,)),
        },
        required=("id", "name", "street", "city", "postal_code", "step_free", "transit", "hours"),
    )
    return Record(
        "Practice",
        "The practice's name, contact details, offices, booking provider and privacy contact (data/practice.yml).",
        fields={
            "name": text("Name", "The practice's name.", "Toronto Psychotherapy Group", MAX_NAME),
            "phone": phone,
            "email": email,
            "offices": Items("Offices", item=office, label="office {n}", label_key="id", keyed_label="office '{v}'"),
            "booking": Record(
                "Online booking",
                "The booking service clients use, and its privacy notice.",
                fields={
                    "provider": text("Provider", "The booking service's name.", "Jane App", MAX_NAME),
                    "privacy_url": https(
                        "Privacy notice", "The provider's own privacy notice.", "https://jane.app/privacy"
                    ),
                },
                required=("provider", "privacy_url"),
            ),
            "privacy_contact": Record(
                "Privacy contact",
                "The contact person PHIPA requires a health information custodian to name.",
                fields={
                    "name": text("Name", "", "Sam Rivera", MAX_NAME),
                    "role": text("Role", "", "Privacy officer", MAX_NAME),
                    "email": email,
                    "phone": phone,
                },
                required=("name", "role", "email"),
            ),
        },
        required=("name", "phone", "email", "offices", "booking", "privacy_contact"),
        shape_message="the file must have name:, phone:, email:, offices:, booking: and privacy_contact:",
        top=True,
    )


# ---------------------------------------------------------------------------
# Page front matter (the block between --- lines at the top of each page in docs/).
# hooks/articles.py checks every page's front matter against the spec of its kind.
# Material and mkdocs-macros act on some keys (template, redirect-like and icon keys
# change the page; a title with {{ is run as a template), so each kind of page may use
# only the keys below, each with a type the theme can print.
# ---------------------------------------------------------------------------
MAX_TITLE = 120
MAX_DESCRIPTION = 300
MAX_TAG = 40
MAX_TAGS = 10
# Material's parts of a page that `hide:` can leave out; the site hides only these.
HIDE = ("navigation", "toc", "footer", "path")
# The page templates in overrides/ that a page may ask for, and which pages may.
PAGE_TEMPLATES = ("help-me-choose.html",)
# No {{, {% or {# in a value: mkdocs-macros renders a title holding one as a template.
NO_TEMPLATE = r"(?s)(?!.*\{[{%#]).*"
NO_TEMPLATE_HINT = "must not contain {{, {% or {#; write the words without braces"
# ", <, > and & as well: Material writes the description into the page's <meta> tags.
PLAIN = r"(?s)(?!.*(?:\{[{%#]|[\"<>&])).*"
PAGE_KINDS = ("article", "French article", "home page", "directory page", "generated page")


def _meta_text(title: str, description: str, example: str, max_len: int, pattern: str = NO_TEMPLATE) -> Text:
    hint = NO_TEMPLATE_HINT if pattern == NO_TEMPLATE else 'must not contain ", <, >, & or {{, {% or {#'
    return Text(title, description, (example,), max_len=max_len, pattern=pattern, pattern_hint=hint)


def front_matter(kind: str, light: bool = False, french: bool = False) -> Record:
    """The front matter a page of `kind` (one of PAGE_KINDS) may have; `light`: an article that is not a
    reviewed health article (about/privacy.md, about/contact.md), so it need not name a reviewer; `french`: a
    translation, which cannot be untranslated."""
    fields = {
        "title": _meta_text("Title", "The page's name in the navigation and the browser tab.", "Cost", MAX_TITLE),
        "description": _meta_text(
            "Description",
            "One sentence that sums up the page, for search engines and link previews.",
            "What therapy costs in Ontario.",
            MAX_DESCRIPTION,
            PLAIN,
        ),
        "hide": Items(
            "Hide",
            "Parts of the page to leave out.",
            (["toc"],),
            item=OneOf(values=HIDE),
            unique=True,
            like="[toc]",
        ),
    }
    review = {
        "last_reviewed": Day("Last reviewed", "The day the reviewer last checked the page.", ("2026-11-26",)),
        "next_review": Day(
            "Next review",
            "An earlier review date than the usual one, for a page that will date sooner.",
            ("2027-06-01",),
            not_future=False,
        ),
        "tags": Items(
            "Search words",
            "Extra words that find the page in the site's search.",
            (["988", "crisis"],),
            item=_meta_text("Search word", "One word or short phrase.", "crisis", MAX_TAG),
            max_items=MAX_TAGS,
            unique=True,
            like='["988", crisis]',
            too_many_hint="keep the words readers really search for",
        ),
    }
    reviewer = {
        "reviewed_by": Text(
            "Reviewed by",
            "The id in data/therapists.yml of the therapist who reviewed the page.",
            ("jane-doe",),
            pattern=ID,
            max_len=MAX_SHORT,
            pattern_hint="must be the id of a therapist in data/therapists.yml, like jane-doe",
        )
    }
    untranslated = {
        "untranslated": Flag("Untranslated", "true when the page has no French version yet.", (True,)),
    }
    required: tuple = ("description",)
    if kind in ("article", "French article"):
        fields |= review | reviewer
        required = ("description", "last_reviewed") if light else ("description", "last_reviewed", "reviewed_by")
    elif kind == "home page":
        # The home page is not an article, but a translation may carry its reviewer's date and name.
        fields |= review | reviewer
    elif kind == "directory page":
        fields["template"] = OneOf(
            "Template", "A page template from overrides/.", PAGE_TEMPLATES[:1], values=PAGE_TEMPLATES
        )
    elif kind == "generated page":
        # What hooks/therapists.py writes (generated_source), never typed by an editor. Its text comes from the
        # checked roster and may hold braces: render_macros: false keeps mkdocs-macros off the page and its title.
        fields["title"] = Text(max_len=MAX_TITLE + MAX_SHORT)
        fields["description"] = Text(max_len=MAX_DESCRIPTION + MAX_SHORT)
        fields |= {
            "render_macros": Flag(),
            "generated": Flag(),
            "search": Record(fields={"exclude": Flag()}, required=("exclude",)),
        }
        required = ("title", "description")
    if kind != "generated page" and not french:
        fields |= untranslated
    listed = " and ".join(filter(None, [", ".join(required[:-1]), required[-1]]))
    return Record(
        fields=fields,
        required=required,
        missing_hint="see CONTRIBUTING.md, 'Front matter'",
        shape_message=f"front matter must be lines of `key: value`; this page needs {listed}",
    )


SPECS = MappingProxyType({"therapists": roster, "taxonomy": taxonomy, "crisis": crisis, "practice": practice})


# --------------------------------------------------------------------------
# The editors' JSON Schema, made from the same specs
# --------------------------------------------------------------------------


def anchored(pattern: str) -> str:
    # (?!\n) before $: Python's $ also matches before a final newline, ECMAScript's does not.
    return f"^(?:{pattern})(?!\\n)$"


def json_schema(spec: Spec) -> dict:
    """The JSON Schema (draft 2020-12) of `spec`.

    It names where a field's allowed values live (data/taxonomy.yml, data/practice.yml) but does not list
    them: a value added there in the web editor is usable at once, with no schema to regenerate. The
    build's check (hooks/check.py) refuses a value not in the list, naming the line and the nearest value.
    """
    out: dict = {"title": spec.title} if spec.title else {}
    if spec.description:
        out["description"] = spec.description
    if isinstance(spec, Text):
        out |= {"type": "string", "minLength": 1, "maxLength": spec.max_len, "pattern": anchored(spec.pattern or TEXT)}
        if spec.reserved:
            out["not"] = {"enum": sorted(spec.reserved)}
    elif isinstance(spec, Link):
        alternatives = "|".join(LINK_PATTERNS[s] for s in spec.schemes)
        out |= {"type": "string", "maxLength": spec.max_len, "pattern": anchored(alternatives)}
    elif isinstance(spec, Flag):
        out["type"] = "boolean"
    elif isinstance(spec, Whole):
        out |= {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    elif isinstance(spec, Day):
        out |= {"type": "string", "format": "date"}
    elif isinstance(spec, OneOf):
        out |= {"type": "string", "enum": list(spec.values)}
    elif isinstance(spec, Choice):
        out |= {"type": "string", "minLength": 1}
        out["description"] = " ".join(filter(None, [out.get("description"), _allowed(spec.section)]))
    elif isinstance(spec, Items):
        out |= {"type": "array", "minItems": spec.min_items}
        if spec.max_items is not None:
            out["maxItems"] = spec.max_items
        if spec.unique:
            out["uniqueItems"] = True
        out["items"] = json_schema(spec.item)
        if isinstance(spec.item, Choice) and "description" in out:
            out["description"] += " " + _allowed(spec.item.section)
        if spec.one_without:
            out["contains"] = {"not": _flag_set(spec.one_without)}
    elif isinstance(spec, Record):
        out |= {"type": "object", "additionalProperties": False}
        out["required"] = list(spec.required)
        out["properties"] = {name: json_schema(sub) for name, sub in spec.fields.items()}
        if spec.needs:
            out["dependentRequired"] = {name: [other] for name, other, _ in spec.needs}
        if spec.required_unless:
            flag, fields = spec.required_unless
            out["if"] = _flag_set(flag)
            out["else"] = {"required": [f for f in spec.fields if f in fields]}
        if spec.with_value:
            listed, value, other = spec.with_value
            out["allOf"] = [
                {
                    "if": {"required": [listed], "properties": {listed: {"contains": {"const": value}}}},
                    "then": {"required": [other]},
                    "else": {"not": {"required": [other]}},
                }
            ]
        if spec.top:
            out = {"$schema": "https://json-schema.org/draft/2020-12/schema", **out}
    if spec.examples:
        out["examples"] = list(spec.examples)
    return out


def _allowed(section: str) -> str:
    if section == "offices":
        return "Allowed values: the id of an office in data/practice.yml."
    return f"Allowed values: a name listed under {section}: in data/taxonomy.yml, written exactly as there."


def _flag_set(flag: str) -> dict:
    return {"required": [flag], "properties": {flag: {"const": True}}}
