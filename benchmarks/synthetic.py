"""Synthetic rosters for the build benchmark: valid, realistic in size, the same for the same seed.

A roster starts with the project's own entries (data/therapists.yml), so the
articles' reviewers still resolve, and is topped up with generated therapists.
Every facet value is drawn from data/taxonomy.yml, so a roster passes
roster.load_and_validate and exercises every facet page. Sizes follow the
sample roster: two to five areas of practice, one to four approaches, one to three
languages, and bios of one to five paragraphs (about 50 to 400 words).
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261126

_GIVEN = (
    "Amara Jean-Luc Mei-Lin Harpreet Tharani Daniel Sofía Noah Priya Fatima Grace Olena Liam Aisha Mateo "
    "Chloé Arjun Yara Kwame Ingrid Tomás Nadia Hiroshi Zainab Emeka Leila Rafael Ananya Owen Marisol"
).split()
_FAMILY = (
    "Okafor Tremblay Chen Sandhu Sivakumar Rosen Márquez Abebe Raman Haidari Kim Kovalenko O'Connor Singh "
    "Nguyen Gagnon Mensah Costa Haddad Petrov Ali Bouchard Osei Tanaka Reyes Lindqvist Farah Dubois"
).split()
_PRONOUNS = ("she/her", "he/him", "they/them", "she/they", "he/they", "")
_GENDERS = ("Woman", "Man", "Non-binary", "Two-Spirit", "woman", "Trans man")
# (college, credentials, registration status), as in the sample roster.
_REGISTRATIONS = (
    ("CRPO", ["MA", "RP"], "Registered Psychotherapist"),
    ("CRPO", ["MACP", "RP (Qualifying)"], "Registered Psychotherapist (Qualifying)"),
    ("OCSWSSW", ["MSW", "RSW"], "Registered Social Worker"),
    ("CPBAO", ["PhD", "C.Psych."], "Psychologist"),
    ("CPSO", ["MD", "CCFP"], "Physician (family medicine)"),
    ("CNO", ["BScN", "RN"], "Registered Nurse"),
    ("COTO", ["MScOT", "OT Reg. (Ont.)"], "Occupational Therapist"),
)
_SENTENCES = (
    "works with adults who feel stuck, anxious or low, often during a big change such as a new job or a move.",
    "offers sessions that are practical and warm, with goals you set together and skills to try between sessions.",
    "pays attention to how past relationships shape the present, at a pace that suits you.",
    "supports teens and adults adjusting to life in Canada, and people whose worry gets in the way of school or work.",
    "sees couples and families, including families where generations see things differently.",
    "brings a whole-person view of health, including sleep, movement and substance use, to the work.",
    "explains the options in the first sessions, and you decide together what to try.",
    "offers a sliding scale for people who could not otherwise afford therapy; ask about it when you book.",
    "provides receipts with a registration number for your insurer, and sessions are 50 minutes long.",
    "works with interpreters for languages they do not speak, and with a parent involved where that helps.",
)


def _pick(rng: random.Random, names: list[str], low: int, high: int) -> list[str]:
    return rng.sample(names, rng.randint(low, min(high, len(names))))


def _bio(rng: random.Random, name: str, paragraphs: int) -> str:
    first = name.split()[0]
    parts = []
    for number in range(paragraphs):
        sentences = [f"{first} {rng.choice(_SENTENCES)}" for _ in range(rng.randint(2, 5))]
        if number and rng.random() < 0.5:
            sentences[0] = f"**{rng.choice(('How', 'Who', 'Why', 'When'))} {first} works.** " + sentences[0]
        parts.append(" ".join(sentences))
    return "\n\n".join(parts) + "\n"


def _initials(number: int) -> str:
    """1 -> 'B.', 26 -> 'B.A.': the number in base 26, one initial per digit."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = chr(ord("A") + digit) + "." + letters
        if not number:
            return letters


def therapist(rng: random.Random, number: int, taxonomy: dict, offices: list[str]) -> dict:
    """One valid roster entry; `number` makes the id unique; `offices` are the ids in data/practice.yml."""
    names = {
        section: [e["name"] for e in taxonomy[section]]
        for section in ("languages", "areas_of_practice", "approaches", "clients", "formats")
    }
    # Middle initials spell out `number`, so no two names look alike (the roster check refuses lookalikes).
    name = f"{rng.choice(_GIVEN)} {_initials(number)} {rng.choice(_FAMILY)}"
    college, credentials, status = rng.choice(_REGISTRATIONS)
    entry = {
        "id": f"therapist-{number:05d}",
        "name": name,
        "pronouns": rng.choice(_PRONOUNS),
        "credentials": list(credentials),
        "registration": {"college": college, "number": f"{900000 + number:06d}", "status": status},
        "languages": ["English", *_pick(rng, [n for n in names["languages"] if n != "English"], 0, 2)],
        "areas_of_practice": _pick(rng, names["areas_of_practice"], 2, 5),
        "approaches": _pick(rng, names["approaches"], 1, 4),
        "clients": _pick(rng, names["clients"], 1, 4),
        "formats": _pick(rng, names["formats"], 1, 3),
        "fees": {"individual": rng.randrange(100, 260, 5), "sliding_scale": rng.random() < 0.5},
        "availability": rng.choice(("accepting", "accepting", "waitlist", "not accepting")),
        # Counted back from today, so a share of them is always past the 60 days the site trusts.
        "availability_confirmed_on": datetime.date.today() - datetime.timedelta(days=rng.randint(0, 75)),
        "bio": _bio(rng, name, rng.randint(1, 5)),
    }
    if "In person" in entry["formats"]:
        entry["offices"] = _pick(rng, offices, 1, 2)
    if rng.random() < 0.6:
        entry["times"] = _pick(rng, [t["name"] for t in taxonomy["times"]], 1, 3)
    if rng.random() < 0.3:
        entry["fees"]["free_consultation"] = True
    if rng.random() < 0.3:
        entry["fees"]["direct_billing"] = _pick(rng, [i["name"] for i in taxonomy["insurers"]], 1, 3)
    if rng.random() < 0.2:
        entry["gender_identity"] = rng.choice(_GENDERS)
    if "Qualifying" in status:
        entry["registration"]["supervisor"] = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}, RP"
    if not entry["pronouns"]:
        del entry["pronouns"]
    if "Couples" in entry["clients"]:
        entry["fees"]["couples"] = entry["fees"]["individual"] + 30
    if rng.random() < 0.5:
        entry["booking_url"] = f"https://booking.example.org/{entry['id']}"
    else:
        entry["contact_url"] = rng.choice((f"mailto:{entry['id']}@example.org", f"tel:+1416555{number % 10000:04d}"))
    if rng.random() < 0.1:
        entry["fee_note"] = "Some extended health plans cover these sessions; ask your insurer first."
    return entry


def roster(count: int, seed: int = SEED, project: Path = ROOT) -> dict:
    """The project's roster topped up to `count` current therapists, as the YAML data structure."""
    rng = random.Random(seed)
    taxonomy = yaml.safe_load((project / "data" / "taxonomy.yml").read_text(encoding="utf-8"))
    entries = yaml.safe_load((project / "data" / "therapists.yml").read_text(encoding="utf-8"))["therapists"]
    current = sum(1 for entry in entries if not entry.get("former"))
    practice = yaml.safe_load((project / "data" / "practice.yml").read_text(encoding="utf-8"))
    offices = [office["id"] for office in practice["offices"]]
    entries += [therapist(rng, number, taxonomy, offices) for number in range(1, count - current + 1)]
    return {"therapists": entries}


def write(path: Path, count: int, seed: int = SEED, project: Path = ROOT) -> Path:
    """Write a roster of `count` current therapists to `path` (YAML) and return the path."""
    text = yaml.safe_dump(roster(count, seed, project), allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return path
