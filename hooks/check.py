"""Check every data file and every article, exactly as the build does, without building.

    python hooks/check.py [--github]

reads the roster named by ROSTER_FILE (default data/therapists.yml), the
taxonomy, the crisis lines, every article in docs/ and every file there (no links
out of docs/, photos that are only photos), and prints one line per problem, in
the form an editor can act on:

    data/therapists.yml:42: therapist 'jane-doe': languages: 'Frnech' is not allowed (did you mean 'French'?)
    docs/faq.md:5: reviewed_by: 'liam-ocnnor' is not in the roster; use the id of the therapist in data/therapists.yml who reviewed the page

The build runs check_all() in on_config, before it writes anything, so whatever
fails the build is reported here first. Notices (articles due for review,
crisis lines due for a check, availability not confirmed for too long) are
printed and fail nothing, as in the build.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from mkdocs.theme import Theme

import articles
import availability
import clock
import crisis
import files_safety
import page_markup
import practice as practice_module
import readability
import roster as roster_module
import strings
from render import Renderer
from roster import Problem
from yamlfile import annotation, show_line

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    roster: roster_module.Roster | None = None
    crisis: dict | None = None
    practice: roster_module.Practice | None = None
    problems: list[Problem | str] = field(default_factory=list)
    # What the build logs at INFO, which --strict ignores: an overdue review or crisis-line check, or
    # stale availability, must never block an urgent fix.
    notices: list[str] = field(default_factory=list)

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} to fix before the site can be built:"
        return "\n".join([heading, *(str(p) for p in self.problems)])


def check_all(*, roster_file: str | os.PathLike, project_dir: str | os.PathLike, docs_dir: str | os.PathLike) -> Result:
    """Every problem in the roster (`roster_file`, relative to `project_dir`), taxonomy, crisis lines and articles."""
    result = Result()
    data = Path(project_dir) / "data"
    if not roster_file:
        # `ROSTER_FILE=` (set but empty) reaches here as None or "" through mkdocs.yml's !ENV.
        result.problems.append(
            "extra.roster_file (the ROSTER_FILE environment variable) is empty: unset ROSTER_FILE "
            "to build with data/therapists.yml, or set it to a roster file"
        )
        return result
    # Links out of docs/ and unsafe photos, before anything reads or copies a file (hooks/files_safety.py).
    result.problems += files_safety.problems(docs_dir, project_dir)
    path = os.path.join(project_dir, roster_file)
    display = path if os.path.isabs(roster_file) else os.path.relpath(path, project_dir)
    try:
        taxonomy = roster_module.load_taxonomy(data / "taxonomy.yml")
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
        result.problems += _problems(exc, "data/taxonomy.yml", data / "taxonomy.yml")
        taxonomy = None
    practice, problems = practice_module.check(data / "practice.yml", "data/practice.yml")
    result.practice = practice
    result.problems += problems
    if practice is not None and taxonomy is not None:
        try:
            result.roster = roster_module.load_and_validate(
                path, taxonomy=taxonomy, practice=practice, docs_dir=docs_dir, display_path=display
            )
        except roster_module.RosterError as exc:
            result.problems += exc.errors
        else:
            result.notices += availability.stale_availability(result.roster, result.roster.today, 0)
    try:
        result.crisis = crisis.load(data / "crisis.yml")
    except (OSError, ValueError, yaml.YAMLError) as exc:
        result.problems += _problems(exc, "data/crisis.yml", data / "crisis.yml")
    else:
        result.notices += crisis_notices(result.crisis)
    if result.roster is not None:
        display_dir = _display_dir(docs_dir, project_dir)
        # Two files at one address, in any language: a docs file and a page the site makes, or two docs files.
        result.problems += files_safety.collisions(
            files_safety.docs_outputs(docs_dir, display_dir, theme_dirs(project_dir))
            + generated_outputs(result.roster, display)
        )
        result.problems += articles.check_docs(docs_dir, result.roster, display_dir=display_dir)
        result.notices += sample_notices(result.roster, display)
        result.notices += review_notices(docs_dir, display_dir)
        result.notices += french_review_notices(docs_dir, display_dir)
    # Markdown in docs/ and includes/ is content: HTML by allowlist, no script, no javascript: link.
    result.problems += page_markup.check_project(project_dir, docs_dir, _display_dir(docs_dir, project_dir))
    # The site is built in English and French (mkdocs-static-i18n): each page needs both.
    result.problems += articles.check_translations(Path(docs_dir), _display_dir(docs_dir, project_dir))
    return result


def theme_dirs(project_dir: str | os.PathLike) -> list[str]:
    """The theme's folders, first to last, as mkdocs.yml sets them (theme: material, custom_dir: overrides)."""
    return Theme(name="material", custom_dir=str(Path(project_dir) / "overrides")).dirs


def generated_outputs(roster: roster_module.Roster, display: str) -> list[tuple[str, str]]:
    """(output path, what makes it) for every page and file the build makes from the roster, in every language."""
    made = f"the page or file the site makes from {display}"
    outputs = []
    for language in strings.LANGUAGES:
        renderer = Renderer(roster, site_name="", language=language)
        outputs += [(files_safety.page_dest(page.source, language), made) for page in renderer.generated_pages()]
        outputs += [(path, made) for path in renderer.generated_files()]
    return outputs


def sample_notices(roster: roster_module.Roster, display: str) -> list[str]:
    """The sample data in use: the roster marked `sample: true`, whose people also sign the articles' reviews."""
    if not roster.sample:
        return []
    people = f"{len(roster.therapists)} therapist{'s' if len(roster.therapists) != 1 else ''}"
    return [
        f"{display}: sample: true: the roster ({people}) and every article's reviewer are fictional sample data, "
        "and the directory, profiles and review lines say so; before launch, follow CONTRIBUTING.md, 'Before launch'"
    ]


def review_notices(docs_dir: str | os.PathLike, display_dir: str, today: date | None = None) -> list[str]:
    """One line per article whose review is due (the page says so too)."""
    today = today or clock.today()
    return [
        f"{display_dir}/{name}: review due since {due} (last reviewed on {last}); the page shows that its review "
        "is due until a reviewer checks it and updates last_reviewed"
        for name, last, due in articles.review_dates(docs_dir)
        if due <= today
    ]


def french_review_notices(docs_dir: str | os.PathLike, display_dir: str) -> list[str]:
    """One line per French page last reviewed before its English page: it needs a French re-review."""
    return [
        f"{display_dir}/{name}: needs a French re-review: last reviewed on {last}, before its English page "
        f"({english} last reviewed on {english_last}); check the translation against it, then update last_reviewed"
        for name, last, english_last in articles.french_behind(docs_dir)
        for english in [f"{display_dir}/{articles.english_name(name)}"]
    ]


def _problems(exc: Exception, file: str, path: Path) -> list[Problem | str]:
    """The located problems an exception carries (`errors`, as RosterError's), or one line naming the file."""
    errors = getattr(exc, "errors", None)
    if errors:
        return list(errors)
    return [f"{file}: {str(exc).removeprefix(f'{path}: ')}"]


def crisis_notices(data: dict, today: date | None = None) -> list[str]:
    """One reminder per crisis line whose check is overdue; a notice, never a failure: an overdue check must not
    hold back an urgent fix (the weekly list of things due, hooks/due.py, names the same lines)."""
    return [
        f"data/crisis.yml:{line['line']}: crisis line '{line['name']}': verified_on: last checked on "
        f"{line['verified_on']}, more than {data['review_every_days']} days ago; check it against its source, then "
        "set its verified_on to that day (CONTRIBUTING.md, 'Record a crisis line check')"
        for line in crisis.overdue(data, today)
    ]


def _display_dir(docs_dir: str | os.PathLike, project_dir: str | os.PathLike) -> str:
    relative = os.path.relpath(docs_dir, project_dir)
    return Path(docs_dir).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    github = "--github" in args
    result = check_all(
        roster_file=os.environ.get("ROSTER_FILE") or "data/therapists.yml",
        project_dir=PROJECT_ROOT,
        docs_dir=PROJECT_ROOT / "docs",
    )
    # Every line goes through show_line or annotation(): a file name or a value from a data file
    # can neither reach the terminal raw nor start a workflow command of its own.
    for problem in result.problems:
        if isinstance(problem, Problem):
            print(problem.github() if github else str(problem))
        else:
            print(annotation("error", problem) if github else show_line(problem))
    for notice in result.notices:
        print(annotation("notice", notice) if github else f"notice: {show_line(notice)}")
    if result.problems:
        return 1
    pages = len(readability.article_paths(PROJECT_ROOT / "docs"))
    print(
        f"OK: {len(result.roster.therapists)} current and {len(result.roster.former)} former therapists, "
        f"the taxonomy, the practice details, the crisis lines and {pages} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
