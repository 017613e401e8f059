"""CONTRIBUTING.md tells the truth: its template is a valid entry, and its error examples are real messages."""

from __future__ import annotations

import re
from pathlib import Path

from test_schema_agreement import BAD_FIXTURES, schema_errors

import roster

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    start = GUIDE.index(f"\n## {heading}\n")
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start : end if end != -1 else None]


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^ *```{language}\n(.*?)^ *```$", text, re.S | re.M)


def test_the_add_a_therapist_template_passes_the_build_and_the_schema(tmp_path):
    template = code_blocks(section("Add a therapist"), "yaml")[0]
    former = code_blocks(section("Mark a therapist as having left"), "yaml")[0]
    # The former example is shown indented inside a numbered list; remove that extra indentation.
    former = "\n".join(line[3:] for line in former.splitlines()) + "\n"
    path = tmp_path / "therapists.yml"
    path.write_text(
        "therapists:\n" + template + former.replace("jane-doe", "sam-lee").replace("Jane Doe", "Sam Lee"),
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    (docs / "assets" / "therapists").mkdir(parents=True)
    (docs / "assets" / "therapists" / "jane-doe.jpg").write_bytes(b"")

    result = roster.load_and_validate(path, docs_dir=docs)

    assert [t.id for t in result.therapists] == ["jane-doe"] and [t.id for t in result.former] == ["sam-lee"]
    assert schema_errors(path) == []


def test_every_roster_error_shown_in_the_guide_is_one_the_check_really_prints():
    def normalized(message: str) -> str:
        return re.sub(r"line [0-9]+", "line N", message)

    shown = [
        normalized(line.split(": ", 1)[1])
        for block in code_blocks(section("The checks on your pull request, and how to fix each one"), "text")
        for line in block.splitlines()
        if line.startswith("data/therapists.yml:")
    ]
    real = set()
    for path in BAD_FIXTURES:
        try:
            roster.load_and_validate(path)
        except roster.RosterError as exc:
            real.update(normalized(p.message) for p in exc.errors)
    assert len(shown) >= 10
    assert [message for message in shown if message not in real] == []
