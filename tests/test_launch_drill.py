"""The launch drill: correct edits never turn the check red.

Each case edits a copy of this project as CONTRIBUTING.md tells an editor to (tests/support/drill.py),
then runs what the pull-request check runs on data: the data check, the strict build, and every test
that reads data/ (marked reads_data, see tests/conftest.py). All three must pass, because the edit is
correct: a test that fails here depends on the sample data or on the calendar, and must be rewritten.
"""

from __future__ import annotations

import os

import pytest

import clock
import roster
from support import drill

DATA_TESTS = ["-m", "pytest", "-m", "reads_data and not browser and not html_validator and not slow"]


@pytest.mark.slow
@pytest.mark.parametrize("case", list(drill.EDITS))
def test_a_correct_edit_passes_the_check_the_build_and_the_data_tests(tmp_path, case):
    project = drill.copy_project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROSTER_FILE", None)
    edit = drill.EDITS[case]
    if edit is None:
        env["SOURCE_DATE_EPOCH"] = clock.epoch(drill.a_year_ahead())
    else:
        edit(project)

    checked = drill.run(project, ["hooks/check.py"], env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = drill.run(project, ["-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")], env)
    assert built.returncode == 0, built.stderr[-4000:]
    tested = drill.run(project, [*DATA_TESTS, "-q", "-p", "no:cacheprovider", "-x"], env, timeout=1800)
    assert tested.returncode == 0, tested.stdout[-6000:]
    assert " passed" in tested.stdout


def test_the_launch_roster_has_what_the_drill_promises(tmp_path):
    """The launch case really is a different roster: new people, no photos, no French, nobody accepting."""
    project = drill.copy_project(tmp_path)
    drill.launch(project)

    launched = roster.load_and_validate(project / drill.ROSTER, docs_dir=project / "docs")
    assert {t.id for t in launched.therapists} == {"ravi-menon", "ana-lima", "joe-park"}
    assert not any(t.photo for t in launched.therapists) and not list((project / drill.PHOTOS).iterdir())
    assert not any(term.name == "French" for t in launched.therapists for term in t.languages)
    assert launched.accepting() == []
    assert drill.reviewers(project) <= {t.id for t in launched.former}


def test_the_departure_keeps_id_and_name_and_deletes_the_photo(tmp_path):

    project = drill.copy_project(tmp_path)
    drill.add_photo(project)
    before = roster.load_and_validate(project / drill.ROSTER, docs_dir=project / "docs")
    photos_before = set((project / drill.PHOTOS).iterdir())
    drill.departure_with_photo(project)
    after = roster.load_and_validate(project / drill.ROSTER, docs_dir=project / "docs")
    (left,) = [t for t in after.former if t.id not in {f.id for f in before.former}]
    assert left.name == before.get(left.id).name and before.get(left.id).photo
    assert len(after.therapists) == len(before.therapists) - 1
    assert not (project / "docs" / before.get(left.id).photo).exists()
    assert set((project / drill.PHOTOS).iterdir()) < photos_before | {project / "docs" / before.get(left.id).photo}


def test_the_leading_zero_number_is_quoted_as_the_template_shows(tmp_path):

    project = drill.copy_project(tmp_path)
    drill.leading_zero_number(project)
    assert '      number: "0912389"' in (project / drill.ROSTER).read_text(encoding="utf-8")
    edited = roster.load_and_validate(project / drill.ROSTER, docs_dir=project / "docs")
    assert "0912389" in {t.registration_number for t in edited.therapists}


def test_the_new_taxonomy_value_is_used_at_once(tmp_path):

    project = drill.copy_project(tmp_path)
    drill.new_taxonomy_value(project)
    taxonomy = roster.load_taxonomy(project / "data" / "taxonomy.yml")
    edited = roster.load_and_validate(project / drill.ROSTER, taxonomy=taxonomy, docs_dir=project / "docs")
    areas = {term.name for t in edited.therapists for term in t.areas_of_practice}
    assert "Workplace stress and burnout after a drill" in areas
