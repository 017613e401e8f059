"""A generated page never silently takes the place of a page in docs/."""

from __future__ import annotations

import pytest

from support.fixture_project import build
from support.rosters import GOOD_ENTRY

HELP_PAGE = {"therapists/help-me-choose.md": "---\ndescription: Help.\n---\n# Help me choose\n"}


def roster_with(therapist_id: str) -> str:
    second = GOOD_ENTRY.replace("id: jane-doe", f"id: {therapist_id}").replace("Jane Doe", "Ada Roe")
    return "therapists:\n" + GOOD_ENTRY + second


def test_a_second_therapist_with_an_unused_id_builds(tmp_path):
    result, out = build(tmp_path, HELP_PAGE, None, roster_with("ada-roe"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "therapists" / "ada-roe" / "index.html").is_file()


@pytest.mark.parametrize(
    ("therapist_id", "message"),
    [
        ("index", "id: 'index' is reserved for a directory page"),
        ("help-me-choose", "id: 'help-me-choose' would take the address of docs/therapists/help-me-choose.md"),
    ],
)
def test_a_profile_that_would_replace_a_docs_page_fails_the_build(tmp_path, therapist_id, message):
    """ "index" would replace the directory, "help-me-choose" the page of that name."""
    result, _ = build(tmp_path, HELP_PAGE, None, roster_with(therapist_id))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert message in output


def test_a_generated_list_that_would_replace_a_docs_page_fails_the_build(tmp_path):
    """No roster id makes therapists/accepting/; the hook itself refuses to replace a page written there."""
    page = {"therapists/accepting.md": "---\ndescription: Mine.\n---\n# Accepting\n"}
    result, _ = build(tmp_path, page, None, "therapists:\n" + GOOD_ENTRY)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert (
        "docs/therapists/accepting.md:1: is published at /therapists/accepting/, where the page or file the site "
        "makes from data/therapists.yml is published too" in output
    )


def test_the_build_itself_refuses_two_files_at_one_address_in_either_language(tmp_path, monkeypatch):
    """The build compares the output paths of the files MkDocs really has, in both languages' builds,
    so a collision the check's model of the site missed still stops the build before any page is written."""
    import contextlib
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    import check
    from support.fixture_project import BASE_NAV, make_project

    page = {"therapists/jane-doe.fr.md": "---\ndescription: Mine.\n---\n# Pas Jeanne\n"}
    project = make_project(tmp_path, page, BASE_NAV, "therapists:\n" + GOOD_ENTRY)
    monkeypatch.setattr(check, "generated_outputs", lambda roster, display: [])
    monkeypatch.delenv("ROSTER_FILE", raising=False)
    errors: list[str] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = lambda record: errors.append(record.getMessage())
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with contextlib.chdir(project), pytest.raises((Abort, PluginError)):
            mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "out"), strict=True))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert any(
        "docs/therapists/jane-doe.fr.md:1: is published at /fr/therapists/jane-doe/, where the page or file the site "
        "makes from data/therapists.yml is published too" in message
        for message in errors
    ), errors
    assert not (tmp_path / "out").exists()
