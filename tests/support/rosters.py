"""A complete, valid roster entry that tests vary one field at a time."""

from support import CONFIRMED

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
