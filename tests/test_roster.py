"""Unit tests of hooks/roster.py: every bad input is refused with its file, line and field."""

from __future__ import annotations

import datetime
import textwrap

import pytest

import roster
import yamlfile
from support.rosters import GOOD_ENTRY


def check(tmp_path, text: str, name: str = "therapists.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return roster.load_and_validate(path, display_path=f"data/{name}")


def errors_for(tmp_path, text: str) -> list[str]:
    with pytest.raises(roster.RosterError) as caught:
        check(tmp_path, text)
    return [str(e) for e in caught.value.errors]


def entry_with(replace: str, by: str) -> str:
    assert replace in GOOD_ENTRY, replace
    return "therapists:\n" + GOOD_ENTRY.replace(replace, by)


def test_good_entry_loads(tmp_path):
    result = check(tmp_path, "therapists:\n" + GOOD_ENTRY)
    (jane,) = result.therapists
    assert jane.id == "jane-doe"
    assert jane.registration_number == "001234"
    assert [t.name for t in jane.languages] == ["English", "French"]
    assert jane.fees.individual == 150 and jane.fees.sliding_scale is False
    assert jane.availability == "accepting"
    assert jane.availability_confirmed_on == datetime.date(2026, 11, 20)


def test_sample_roster_is_valid(sample_roster):
    assert len(sample_roster.therapists) >= 10
    assert any(t.former for t in sample_roster.former)
    colleges = {t.college.name for t in sample_roster.therapists}
    assert {"CRPO", "CPBAO", "OCSWSSW"} <= colleges
    assert any("Qualifying" in t.registration_status for t in sample_roster.therapists)
    assert any(t.photo for t in sample_roster.therapists)
    # Every state, and availability the site no longer trusts, are in the sample.
    assert {t.availability for t in sample_roster.therapists} == {"accepting", "waitlist", "not accepting"}
    assert any(sample_roster.availability(t) == "ask" for t in sample_roster.therapists)
    assert any(t.offices for t in sample_roster.therapists) and any(t.times for t in sample_roster.therapists)
    assert any(t.gender_identity for t in sample_roster.therapists)
    assert any(t.fees.free_consultation for t in sample_roster.therapists)
    assert any(t.fees.direct_billing for t in sample_roster.therapists)
    assert all(t.supervisor for t in sample_roster.therapists if t.supervised)


# Each case: (what to replace in GOOD_ENTRY, replacement, expected message fragment with line and field).
BAD_INPUTS = {
    "unknown field": (
        "    pronouns: she/her\n",
        "    pronouns: she/her\n    hobby: chess\n",
        "data/therapists.yml:5: therapist 'jane-doe': hobby: is not a known field",
    ),
    "misspelt field": (
        "    pronouns:",
        "    pronuns:",
        "data/therapists.yml:4: therapist 'jane-doe': pronuns: is not a known field (did you mean 'pronouns'?)",
    ),
    "missing field": (
        "    bio: |\n      Jane helps adults with anxiety.\n",
        "",
        "data/therapists.yml:2: therapist 'jane-doe': bio: is missing",
    ),
    "duplicate key": (
        "    pronouns: she/her\n",
        "    pronouns: she/her\n    name: Janet\n",
        "data/therapists.yml:5: therapist 'jane-doe': name: this field appears twice (first on line 3)",
    ),
    "unquoted registration number": (
        'number: "001234"',
        "number: 001234",
        "data/therapists.yml:8: therapist 'jane-doe': registration.number: '001234' is read by YAML as a number",
    ),
    "unquoted registration number read as text": (
        'number: "001234"',
        "number: 0900111",
        "data/therapists.yml:8: therapist 'jane-doe': registration.number: put the number in quotes",
    ),
    "registration on one line": (
        '    registration:\n      college: CRPO\n      number: "001234"\n      status: Registered Psychotherapist\n',
        "    registration: CRPO 001234\n",
        "data/therapists.yml:6: therapist 'jane-doe': registration: must have college, number and status on indented lines",
    ),
    "unknown fee field": (
        "      sliding_scale: false\n",
        "      sliding_scale: false\n      family: 200\n",
        "data/therapists.yml:18: therapist 'jane-doe': fees.family: is not a known field (use individual, sliding_scale, couples, free_consultation, direct_billing)",
    ),
    "registration number as integer": (
        'number: "001234"',
        "number: 1234",
        "data/therapists.yml:8: therapist 'jane-doe': registration.number: '1234' is read by YAML as a number",
    ),
    "YAML 1.1 boolean NO in a string": (
        "status: Registered Psychotherapist",
        "status: NO",
        "data/therapists.yml:9: therapist 'jane-doe': registration.status: 'NO' is read by YAML as true/false",
    ),
    "yes in a list of strings": (
        "languages: [English, French]",
        "languages: [English, yes]",
        "data/therapists.yml:10: therapist 'jane-doe': languages: 'yes' is read by YAML as true/false",
    ),
    "on in pronouns": (
        "pronouns: she/her",
        "pronouns: on",
        "data/therapists.yml:4: therapist 'jane-doe': pronouns: 'on' is read by YAML as true/false",
    ),
    "availability yes": (
        "availability: accepting",
        "availability: yes",
        "data/therapists.yml:18: therapist 'jane-doe': availability: 'yes' is read by YAML as true/false",
    ),
    "availability misspelled": (
        "availability: accepting",
        "availability: accepted",
        "data/therapists.yml:18: therapist 'jane-doe': availability: 'accepted' is not allowed (did you mean "
        "'accepting'?)",
    ),
    "the old accepting field": (
        "availability: accepting",
        "accepting_new_clients: true",
        "data/therapists.yml:18: therapist 'jane-doe': accepting_new_clients: is no longer used; write availability:",
    ),
    "availability confirmed in the future": (
        "availability_confirmed_on: 2026-11-20",
        "availability_confirmed_on: 2999-01-01",
        "data/therapists.yml:22: therapist 'jane-doe': availability_confirmed_on: 2999-01-01 is in the future",
    ),
    "availability confirmed on no date": (
        "availability_confirmed_on: 2026-11-20",
        "availability_confirmed_on: last week",
        "data/therapists.yml:22: therapist 'jane-doe': availability_confirmed_on: must be a date like 2026-11-26",
    ),
    "a title CRPO does not issue": (
        "status: Registered Psychotherapist",
        "status: RP (Q)",
        "data/therapists.yml:9: therapist 'jane-doe': registration.status: 'RP (Q)' is not a title CRPO issues "
        "(write 'Registered Psychotherapist (Qualifying)' or 'RP (Qualifying)'; never '(Q)')",
    ),
    "a misspelled title": (
        "status: Registered Psychotherapist",
        "status: Registered Psychotheraptist",
        "data/therapists.yml:9: therapist 'jane-doe': registration.status: 'Registered Psychotheraptist' is not a "
        "title CRPO issues (did you mean 'Registered Psychotherapist'?)",
    ),
    "another college's title": (
        "status: Registered Psychotherapist",
        "status: Psychologist",
        "data/therapists.yml:9: therapist 'jane-doe': registration.status: 'Psychologist' is not a title CRPO issues",
    ),
    "Qualifying without a supervisor": (
        "status: Registered Psychotherapist",
        "status: RP (Qualifying)",
        "data/therapists.yml:9: therapist 'jane-doe': registration.supervisor: is missing; CRPO requires",
    ),
    "Dr. for an RP": (
        "name: Jane Doe",
        "name: Dr. Jane Doe",
        "data/therapists.yml:3: therapist 'jane-doe': name: CRPO does not allow its members to use 'Dr.'",
    ),
    "Dr. as a credential of an RP": (
        "credentials: [MA, RP]",
        "credentials: [PhD, Dr, RP]",
        "data/therapists.yml:5: therapist 'jane-doe': credentials: CRPO does not allow its members to use 'Dr.'",
    ),
    "in person without an office": (
        "formats: [Video]",
        "formats: [In person, Video]",
        "data/therapists.yml:14: therapist 'jane-doe': offices: is missing; with 'In person' in formats, list them",
    ),
    "an office that is not in practice.yml": (
        "formats: [Video]",
        "formats: [In person]\n    offices: [spadena]",
        "data/therapists.yml:15: therapist 'jane-doe': offices: 'spadena' is not allowed (did you mean 'spadina'?)",
    ),
    "an office without in person": (
        "formats: [Video]",
        "formats: [Video]\n    offices: [spadina]",
        "data/therapists.yml:15: therapist 'jane-doe': offices: goes only with 'In person' in formats",
    ),
    "an insurer not in the taxonomy": (
        "sliding_scale: false",
        "sliding_scale: false\n      direct_billing: [Sunlife]",
        "data/therapists.yml:18: therapist 'jane-doe': fees.direct_billing: 'Sunlife' is not allowed (did you mean "
        "'Sun Life'?)",
    ),
    "gender identity that is only spaces": (
        "pronouns: she/her",
        "pronouns: she/her\n    gender_identity: ' '",
        "data/therapists.yml:5: therapist 'jane-doe': gender_identity: is empty",
    ),
    "unknown language": (
        "languages: [English, French]",
        "languages: [English, Frnech]",
        "data/therapists.yml:10: therapist 'jane-doe': languages: 'Frnech' is not allowed (did you mean 'French'?)",
    ),
    "unknown college": (
        "college: CRPO",
        "college: CRP",
        "data/therapists.yml:7: therapist 'jane-doe': registration.college: 'CRP' is not allowed (did you mean 'CRPO'?)",
    ),
    "http booking url": (
        "https://booking.example.org/jane",
        "http://booking.example.org/jane",
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: 'http://booking.example.org/jane' must start with https:",
    ),
    "javascript url": (
        "https://booking.example.org/jane",
        "javascript:alert(1)",
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: 'javascript:alert(1)' must start with https:",
    ),
    "javascript url behind a space": (
        "https://booking.example.org/jane",
        '" javascript:alert(1)"',
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: contains spaces or invisible characters",
    ),
    "javascript url split by a tab": (
        "https://booking.example.org/jane",
        '"java\\tscript:alert(1)"',
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: contains spaces or invisible characters",
    ),
    "javascript url with a control character": (
        "https://booking.example.org/jane",
        '"\\x01javascript:alert(1)"',
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: contains an invisible control character",
    ),
    "data url": (
        "https://booking.example.org/jane",
        '"data:text/html,<script>alert(1)</script>"',
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: 'data:text/html,<script>alert(1)</script>' must start with https:",
    ),
    "protocol-relative url": (
        "https://booking.example.org/jane",
        "//evil.example.org/",
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: '//evil.example.org/' must start with https:",
    ),
    "https without host": (
        "https://booking.example.org/jane",
        "https:evil",
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: 'https:evil' is not a complete https:// web address",
    ),
    "mailto as booking url": (
        "booking_url: https://booking.example.org/jane",
        "booking_url: mailto:jane@example.org",
        "data/therapists.yml:19: therapist 'jane-doe': booking_url: 'mailto:jane@example.org' must start with https:",
    ),
    "bad mailto contact": (
        "booking_url: https://booking.example.org/jane",
        "contact_url: mailto:jane",
        "data/therapists.yml:19: therapist 'jane-doe': contact_url: 'mailto:jane' is not an email link",
    ),
    "missing photo file": (
        "    bio: |",
        "    photo: assets/therapists/nobody.jpg\n    photo_alt: Jane\n    bio: |",
        "data/therapists.yml:20: therapist 'jane-doe': photo: the file docs/assets/therapists/nobody.jpg does not exist",
    ),
    "photo outside the photo folder": (
        "    bio: |",
        "    photo: ../../etc/passwd\n    photo_alt: Jane\n    bio: |",
        "data/therapists.yml:20: therapist 'jane-doe': photo: '../../etc/passwd' must be a file in docs/assets/therapists/",
    ),
    "photo without alt text": (
        "    bio: |",
        "    photo: assets/therapists/olena-kovalenko.webp\n    bio: |",
        "data/therapists.yml:20: therapist 'jane-doe': photo_alt: is missing",
    ),
    "fee as text": (
        "individual: 150",
        "individual: $150",
        "data/therapists.yml:16: therapist 'jane-doe': fees.individual: must be a whole number of dollars",
    ),
    "bad id": (
        "id: jane-doe",
        "id: Jane_Doe",
        "data/therapists.yml:2: entry 1: id: 'Jane_Doe' must be lowercase letters",
    ),
    "reserved id": ("id: jane-doe", "id: language", "data/therapists.yml:2: entry 1: id: 'language' is reserved"),
    "empty name": ("name: Jane Doe", "name:", "data/therapists.yml:3: therapist 'jane-doe': name: is empty"),
    "empty list": (
        "approaches: [CBT]",
        "approaches: []",
        "data/therapists.yml:12: therapist 'jane-doe': approaches: must be a list with at least one value",
    ),
    "value listed twice": (
        "areas_of_practice: [Anxiety]",
        "areas_of_practice: [Anxiety, Anxiety]",
        "data/therapists.yml:11: therapist 'jane-doe': areas_of_practice: 'Anxiety' is listed twice",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_refused_with_line_and_field(tmp_path, case):
    replace, by, expected = BAD_INPUTS[case]
    errors = errors_for(tmp_path, entry_with(replace, by))
    assert any(e.startswith(expected) for e in errors), "\n".join(errors)


def test_duplicate_ids_name_both_lines(tmp_path):
    errors = errors_for(tmp_path, "therapists:\n" + GOOD_ENTRY + GOOD_ENTRY)
    assert errors == [
        "data/therapists.yml:23: therapist 'jane-doe': id: 'jane-doe' is already used on line 2; ids must be unique"
    ]


def test_anchors_and_aliases_are_refused(tmp_path):
    text = "therapists:\n" + GOOD_ENTRY.replace("languages: [English, French]", "languages: &langs [English, French]")
    errors = errors_for(tmp_path, text)
    assert any(e.startswith("data/therapists.yml:10: YAML anchors and aliases") for e in errors), errors


def test_every_error_is_collected(tmp_path):
    text = entry_with("languages: [English, French]", "languages: [Frnech]").replace("college: CRPO", "college: XYZ")
    text += (
        GOOD_ENTRY.replace("jane-doe", "john-roe")
        .replace("Jane Doe", "John Roe")
        .replace("availability: accepting", "availability: no")
    )
    errors = errors_for(tmp_path, text)
    assert len(errors) == 3, errors
    assert {e.split(": ")[2] for e in errors} == {"registration.college", "languages", "availability"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "data/therapists.yml:1: the file must start with 'therapists:'"),
        ("- id: x\n", "data/therapists.yml:1: the file must start with 'therapists:'"),
        ("therapists: []\n", "data/therapists.yml:1: therapists: must be a list with at least one therapist"),
        ("therapists:\n", "data/therapists.yml:1: therapists: must be a list with at least one therapist"),
        ("therapist:\n  - id: x\n", "data/therapists.yml:1: unknown top-level key 'therapist'"),
        ("therapists:\n  - id: jane\n\tname: x\n", "data/therapists.yml:3: this is not valid YAML"),
        ('therapists:\n  - id: "jane\n', "data/therapists.yml:3: this is not valid YAML"),
    ],
)
def test_broken_files(tmp_path, text, expected):
    errors = errors_for(tmp_path, text)
    assert any(e.startswith(expected) for e in errors), errors


def test_former_entry_needs_only_id_and_name(tmp_path):
    result = check(
        tmp_path, "therapists:\n" + GOOD_ENTRY + "  - id: old-friend\n    name: Old Friend\n    former: true\n"
    )
    assert [t.id for t in result.former] == ["old-friend"]
    assert [t.id for t in result.therapists] == ["jane-doe"]


def test_a_roster_of_only_former_therapists_is_refused(tmp_path):
    errors = errors_for(tmp_path, "therapists:\n  - id: old\n    name: Old\n    former: true\n")
    assert errors == ["data/therapists.yml:2: therapists: there must be at least one current (not former) therapist"]


def test_facets_group_current_therapists(sample_roster):
    facets = sample_roster.facets()
    french = next(f for f in facets["language"] if f.term.name == "French")
    expected = [t.id for t in sample_roster.therapists if "French" in [x.name for x in t.languages]]
    assert [t.id for t in french.therapists] == expected and expected
    for kind, entries in facets.items():
        assert all(f.therapists for f in entries), kind


def test_offering_rejects_unknown_approach(sample_roster):
    assert [t.id for t in sample_roster.offering("DBT")] == ["sofia-marquez"]
    with pytest.raises(KeyError):
        sample_roster.offering("Reiki")


@pytest.mark.parametrize(
    "text, slug",
    [
        ("LGBTQ2S+ affirming care", "lgbtq2s-affirming-care"),
        ("In person", "in-person"),
        ("Sofía Márquez", "sofia-marquez"),
    ],
)
def test_slugify(text, slug):
    assert roster.slugify(text) == slug


def test_command_line_output(tmp_path, capsys):
    path = tmp_path / "therapists.yml"
    path.write_text(entry_with("languages: [English, French]", "languages: [Frnech]"), encoding="utf-8")
    assert roster.main([str(path)]) == 1
    plain = capsys.readouterr().out.strip()
    assert plain.endswith(":10: therapist 'jane-doe': languages: 'Frnech' is not allowed (did you mean 'French'?)")
    assert roster.main(["--github", str(path)]) == 1
    annotation = capsys.readouterr().out.strip()
    assert (
        annotation.startswith("::error file=")
        and ",line=10,title=Roster check::therapist 'jane-doe': languages:" in annotation
    )
    good = tmp_path / "good.yml"
    good.write_text("therapists:\n" + GOOD_ENTRY, encoding="utf-8")
    assert roster.main([str(good)]) == 0
    assert "OK, 1 current and 0 former therapists" in capsys.readouterr().out


def test_public_json_has_every_current_therapist_and_no_former(sample_roster):
    import json

    data = json.loads(roster.public_json(sample_roster))
    assert [r["id"] for r in data["therapists"]] == [t.id for t in sample_roster.therapists]
    assert "liam-oconnor" not in {r["id"] for r in data["therapists"]}


def test_dedent_helper_matches_good_entry():
    # Guards the fixture itself: GOOD_ENTRY must stay a two-space-indented list item.
    assert textwrap.dedent(GOOD_ENTRY).startswith("- id: jane-doe")


def test_photo_over_the_size_limit_is_refused(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "therapists").mkdir(parents=True)
    (docs / "assets" / "therapists" / "jane.jpg").write_bytes(b"x" * (roster.MAX_PHOTO_BYTES + 1))
    path = tmp_path / "therapists.yml"
    path.write_text(
        entry_with("    bio: |", "    photo: assets/therapists/jane.jpg\n    photo_alt: Jane\n    bio: |"),
        encoding="utf-8",
    )
    with pytest.raises(roster.RosterError) as caught:
        roster.load_and_validate(path, docs_dir=docs, display_path="data/therapists.yml")
    assert [str(e) for e in caught.value.errors] == [
        "data/therapists.yml:20: therapist 'jane-doe': photo: docs/assets/therapists/jane.jpg is 201 KB; "
        "make it smaller than 200 KB (see CONTRIBUTING.md, 'Add a photo')"
    ]


def test_the_old_field_name_specialties_says_what_it_is_called_now(tmp_path):
    # A roster written before the rename: one plain message on its line, not "unknown field" plus "is missing".
    errors = errors_for(tmp_path, entry_with("areas_of_practice:", "specialties:"))
    assert errors == [
        "data/therapists.yml:11: therapist 'jane-doe': 'specialties' is now called 'areas_of_practice': "
        "rename the field"
    ]


def test_the_old_taxonomy_section_specialties_says_what_it_is_called_now(tmp_path):
    path = tmp_path / "taxonomy.yml"
    old = roster.DEFAULT_TAXONOMY.read_text(encoding="utf-8").replace("\nareas_of_practice:", "\nspecialties:")
    path.write_text(old, encoding="utf-8")
    line = old.splitlines().index("specialties:") + 1
    with pytest.raises(yamlfile.DataError) as caught:
        roster.load_taxonomy(path, display_path="data/taxonomy.yml")
    assert [str(e) for e in caught.value.errors] == [
        f"data/taxonomy.yml:{line}: 'specialties' is now called 'areas_of_practice': rename the field"
    ]


def test_sample_data_is_marked_by_a_top_level_key(tmp_path, sample_roster):
    assert sample_roster.sample is True, "the committed roster is fictional until launch (CONTRIBUTING.md)"
    assert check(tmp_path, "therapists:\n" + GOOD_ENTRY).sample is False
    assert check(tmp_path, "sample: false\ntherapists:\n" + GOOD_ENTRY).sample is False
    assert check(tmp_path, "sample: true\ntherapists:\n" + GOOD_ENTRY).sample is True
    assert errors_for(tmp_path, "sample: yes\ntherapists:\n" + GOOD_ENTRY) == [
        "data/therapists.yml:1: sample: write true or false (lowercase, no quotes), not 'yes'"
    ]


@pytest.mark.parametrize(
    "file, message",
    [
        ("docs/a,title=x::y.md", "fine"),
        ("docs/a\n::error file=x.md::injected.md", "fine"),
        ("data/therapists.yml", "name: 'x\r\n::warning::injected %0A' is odd"),
        ("data/therapists.yml", "100%0A::error::injected"),
    ],
)
def test_an_annotation_is_one_workflow_command_whatever_the_file_name_or_message(file, message):
    import re

    from yamlfile import Problem, annotation

    for line in (Problem(file, 3, message).github(), annotation("warning", f"{file}: {message}")):
        assert "\n" not in line and "\r" not in line
        command = re.fullmatch(r"::(error|warning) ?([^:]*)::(.*)", line)
        assert command, line
        properties, data = command[2], command[3]
        # GitHub splits properties on "," and "=" and decodes %25, %0D, %0A, %3A, %2C: each comes back whole.
        decoded = {
            key: value.replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
            for key, value in (p.split("=", 1) for p in properties.split(",") if p)
        }
        assert set(decoded) <= {"file", "line", "title"}
        assert "%" not in data.replace("%25", "").replace("%0D", "").replace("%0A", "")
        if decoded:
            assert decoded["line"] == "3" and decoded["file"] == file.replace("\n", "\\u000a")
