"""CONTRIBUTING.md tells the truth: its template is a valid entry, and its error examples are real messages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import articles
import files_safety
import page_markup
import roster
from support.schema import BAD_FIXTURES, schema_errors

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


def _shape(message: str) -> str:
    """A message with its particulars (quoted values, parentheses, numbers) blanked, to compare wordings."""
    message = re.sub(r"'[^']*'", "'X'", message)
    message = re.sub(r"\[\^[^\]]+\]", "[^X]", message)
    message = re.sub(r"\([^)]*\)", "(X)", message)
    return re.sub(r"[0-9]+(?:\.[0-9]+)?", "N", message)


def test_every_article_message_shown_in_the_guide_is_one_the_check_really_prints(tmp_path):
    shown = [
        _shape(cell.split(": ", 1)[1])
        for cell in re.findall(
            r"`(docs/[^`]+\.md:[0-9]+: [^`]+)`", section("The checks on your pull request, and how to fix each one")
        )
    ]
    good = (ROOT / "docs" / "about-therapy" / "what-to-expect.md").read_text(encoding="utf-8")
    copied = "Every gardener in the valley paints the old fence a bright blue colour each spring."
    broken = {
        "unknown-reviewer": re.sub(r"(?m)^reviewed_by: .*$", "reviewed_by: liam-ocnnor", good),
        "late-next-review": re.sub(r"(?m)^(last_reviewed: .*)$", r"\1\nnext_review: 2099-01-01", good),
        "future": re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2999-01-01", good),
        "no-sources": good.replace("## Sources", "## Notes"),
        "undefined-footnote": good.replace("\n\n", "\n\nSee this.[^nowhere]\n\n", 1),
        "hard": good[: good.index("\n# ")]
        + "\n# Effectiveness\n\nNotwithstanding considerable methodological heterogeneity, contemporary "
        "psychotherapeutic interventions demonstrate substantial effectiveness across diagnostically "
        "heterogeneous populations.\n",
        "claims": good + "\nCome to the best therapists in town. A session costs $150.\n",
        "copied": good + f"\n{copied}\n",
        "unknown-key": re.sub(r"(?m)^(last_reviewed: .*)$", r"\1\ntemplate: main.html", good),
        "variable": good + "\n{{ config }}\n",
        "open-bracket": good + "\nSee [the list\n",
    }
    roster_ = roster.load_and_validate(ROOT / "data" / "therapists.yml")
    seed = articles.seed_fingerprints([copied])
    real = {
        _shape(message)
        for text in broken.values()
        for _, message in articles.check_article(text, "x.md", roster_, seed_hashes=seed, today=date(2026, 11, 28))
    }
    # Two pages at one address (hooks/files_safety.py), as the guide shows it.
    docs = tmp_path / "docs"
    (docs / "about-therapy").mkdir(parents=True)
    for name in ("about-therapy.md", "about-therapy/index.md"):
        (docs / name).write_text("# A page\n", encoding="utf-8")
    real |= {_shape(p.message) for p in files_safety.collisions(files_safety.docs_outputs(docs))}
    html = good + '\n<iframe src="https://example.org/"></iframe>\n\n[x](javascript:alert(1))\n'
    real |= {_shape(message) for _, message in page_markup.check_text(html, page_markup.settings(ROOT))}
    assert len(shown) >= 10
    assert [message for message in shown if message not in real] == []


def test_the_readme_serve_command_silences_the_themes_end_of_life_banner():
    import material.templates

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (serve,) = [line for line in readme.splitlines() if "mkdocs serve" in line and line.startswith("python3 -m venv")]
    setting = re.search(r"(NO_MKDOCS_2_WARNING)=1 \S*mkdocs serve", serve)
    assert setting, serve
    # The variable Material itself reads before it prints the banner.
    assert f'os.getenv("{setting.group(1)}")' in Path(material.templates.__file__).read_text(encoding="utf-8")


def test_the_new_allowed_value_walkthrough_gives_a_value_a_therapist_can_use_at_once(tmp_path):
    """'Add an allowed value', followed literally: the two lines go under the list's heading, and the template's
    therapist lists the value in the same pull request."""
    lines = code_blocks(section("Add an allowed value (a new area of practice, language, ...)"), "yaml")[0]
    lines = "\n".join(line[3:] for line in lines.splitlines()) + "\n"
    name = re.search(r"- name: (.+)", lines).group(1)
    taxonomy = (ROOT / "data" / "taxonomy.yml").read_text(encoding="utf-8")
    # The guide's example must stay new whatever the taxonomy holds by then.
    taxonomy = re.sub(rf"(?m)^  - name: {re.escape(name)}\n(    .*\n)*", "", taxonomy)
    heading = "\nareas_of_practice:\n"
    taxonomy = taxonomy.replace(heading, heading + lines, 1)
    (tmp_path / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    terms = roster.load_taxonomy(tmp_path / "taxonomy.yml")
    template = code_blocks(section("Add a therapist"), "yaml")[0]
    template = re.sub(r"(?m)^(    areas_of_practice: \[)", rf"\g<1>{name}, ", template)
    (tmp_path / "therapists.yml").write_text("therapists:\n" + template, encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "assets" / "therapists").mkdir(parents=True)
    (docs / "assets" / "therapists" / "jane-doe.jpg").write_bytes(b"")
    (jane,) = roster.load_and_validate(tmp_path / "therapists.yml", taxonomy=terms, docs_dir=docs).therapists
    assert name in {term.name for term in jane.areas_of_practice}


def test_the_front_matter_table_lists_exactly_the_keys_editors_may_use():
    import schemas

    table = GUIDE[GUIDE.index("\n### Front matter\n") : GUIDE.index("\n### Macros\n")]
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))
    allowed = {
        key
        for kind in schemas.PAGE_KINDS
        if kind != "generated page"
        for light in (False, True)
        for key in schemas.front_matter(kind, light=light).fields
    }
    assert listed == allowed


def test_the_macros_section_lists_every_macro():
    import macro_calls

    macros_text = GUIDE[GUIDE.index("\n### Macros\n") : GUIDE.index("\n### Size and shape\n")]
    assert set(re.findall(r"`\{\{ ([a-z_]+)\(", macros_text)) == set(macro_calls.MACROS)
