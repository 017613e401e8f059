"""A complete, valid roster entry that tests vary one field at a time, and a small roster with one of everything."""

import datetime

import practice
import roster
from schemas import AVAILABILITY_MAX_AGE_DAYS
from support import CONFIRMED, TODAY

GOOD_ENTRY = f"""\
  - id: jane-doe
    name: Jane Doe
    pronouns: she/her
    credentials: [MA, RP]
    registration:
      college: CRPO
      number: "001234"
      status: Registered Psychotherapist
    languages: [English, French]
    areas_of_practice: [Anxiety]
    approaches: [CBT]
    clients: [Adults]
    formats: [Video]
    fees:
      individual: 150
      sliding_scale: false
    availability: accepting
    booking_url: https://booking.example.org/jane
    bio: |
      Jane helps adults with anxiety.
    availability_confirmed_on: {CONFIRMED}
"""


def varied_roster() -> str:
    """One therapist in each availability state, one with a French bio, one under supervision with an office,
    fees, a free consultation and direct billing (every French word a profile or card can show), and one who
    has left, whose name has an apostrophe."""
    office = practice.load().offices[0].slug
    insurer = roster.load_taxonomy().terms["insurers"][0].name

    def other(therapist_id: str, change: tuple[str, str]) -> str:
        name = therapist_id.replace("-", " ").title()
        return GOOD_ENTRY.replace("jane-doe", therapist_id).replace("Jane Doe", name).replace(*change)

    full = other(
        "amelie-roy",
        (
            "    availability: accepting\n",
            "    availability: accepting\n    bio_fr: |\n      Amélie aide les adultes anxieux.\n",
        ),
    )
    full = (
        full.replace("status: Registered Psychotherapist", "status: RP (Qualifying)\n      supervisor: Jane Doe")
        .replace("formats: [Video]", f"formats: [In person, Video]\n    offices: [{office}]")
        .replace("individual: 150", "individual: 90")
        .replace("    availability: accepting\n", "    gender_identity: Woman\n    availability: accepting\n", 1)
        .replace(
            "      sliding_scale: false",
            f"      sliding_scale: true\n      free_consultation: true\n      direct_billing: [{insurer}]",
        )
    )
    stale = (TODAY - datetime.timedelta(days=AVAILABILITY_MAX_AGE_DAYS + 5)).isoformat()
    return (
        "sample: true\ntherapists:\n"
        + full
        + GOOD_ENTRY
        + other("wait-list", ("availability: accepting", "availability: waitlist"))
        + other("not-taking", ("availability: accepting", "availability: not accepting")).replace("150", "220")
        + other("old-news", (f"availability_confirmed_on: {CONFIRMED}", f"availability_confirmed_on: {stale}"))
        + "  - id: liam-oconnor\n    name: Liam O'Connor\n    former: true\n"
    )


def directory_roster() -> str:
    """varied_roster() and two more therapists, so that the directory's filters have something to narrow: one
    who speaks only English and Spanish, offers DBT in person only, in the evenings, and is
    reached by email, and one more who
    speaks only English. Then French is offered by some but not all, Spanish by one, and some language and
    format are offered together by nobody."""
    office = practice.load().offices[0].slug
    sam = (
        GOOD_ENTRY.replace("jane-doe", "sam-lee")
        .replace("Jane Doe", "Sam Lee")
        .replace("languages: [English, French]", "languages: [English, Spanish]")
        .replace("areas_of_practice: [Anxiety]", "areas_of_practice: [Anxiety, Depression]")
        .replace("approaches: [CBT]", "approaches: [DBT]")
        .replace("formats: [Video]", f"formats: [In person]\n    offices: [{office}]")
        .replace("    booking_url: https://booking.example.org/jane\n", "    contact_url: mailto:sam.lee@example.org\n")
        .replace(
            "    bio: |\n      Jane helps adults with anxiety.",
            "    times: [Evenings]\n    bio: |\n      Sam sees adults.",
        )
    )
    kim = (
        GOOD_ENTRY.replace("jane-doe", "kim-ng")
        .replace("Jane Doe", "Kim Ng")
        .replace("languages: [English, French]", "languages: [English]")
        .replace("areas_of_practice: [Anxiety]", "areas_of_practice: [Depression]")
        .replace("Jane helps adults with anxiety.", "Kim sees adults.")
    )
    varied = varied_roster()
    former = varied.index("  - id: liam-oconnor")
    return varied[:former] + sam + kim + varied[former:]
