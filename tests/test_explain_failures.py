"""scripts/explain_failures.py: a failed test step starts by saying whose problem it is and what to do."""

from __future__ import annotations

import subprocess
import sys

from scripts import explain_failures
from support import ROOT

CODESPELL = """\
YAML lint (duplicate keys, yes/no, unquoted 0123 numbers).................Passed
Spelling (codespell; allowed words in .codespell-ignore)..................Failed
- hook id: codespell
- exit code: 65

data/therapists.yml:57: recieve ==> receive
Python lint (ruff check)..................................................Passed
"""
PYTEST = """\
FAILED tests/test_site.py::test_each_therapist_has_a_profile - AssertionError: assert 'x' in 'y'
ERROR tests/test_french.py::test_the_sitemap - KeyError: 'docs/faq.md'
"""


def test_a_problem_in_a_file_the_pull_request_changed_names_the_file_and_line():
    found = explain_failures.findings(CODESPELL, ["data/therapists.yml"])
    assert found == [
        explain_failures.Finding(
            "Spelling (codespell; allowed words in .codespell-ignore)", ("data/therapists.yml:57",)
        )
    ]
    text = explain_failures.summary(found)
    assert "about data/therapists.yml:57, which this pull request changed" in text
    assert "not your change" not in text


def test_a_failure_elsewhere_is_not_the_editors_change():
    found = explain_failures.findings(CODESPELL + PYTEST, ["docs/faq.md"])
    assert [f.what for f in found] == [
        "Spelling (codespell; allowed words in .codespell-ignore)",
        "tests/test_site.py::test_each_therapist_has_a_profile",
        "tests/test_french.py::test_the_sitemap",
    ]
    # The spelling mistake is in a file this pull request did not change; the second test names one it did.
    assert [f.files for f in found] == [(), (), ("docs/faq.md",)]
    text = explain_failures.summary(found)
    assert text.count("this is not your change: ask a web maintainer") == 2


def test_code_files_are_never_the_editors_to_fix():
    log = "FAILED tests/test_site.py::test_x - see hooks/render.py:12\n"
    (finding,) = explain_failures.findings(log, ["hooks/render.py"])
    assert finding.files == ()


def test_the_summary_comes_first_and_the_exit_code_is_kept(tmp_path):
    script = str(ROOT / "scripts" / "explain_failures.py")
    failing = [sys.executable, "-c", "print('FAILED tests/test_x.py::test_y'); raise SystemExit(3)"]
    done = subprocess.run([sys.executable, script, *failing], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 3
    lines = done.stdout.splitlines()
    assert "The tests failed: what to do" in lines[0]
    assert lines[1].startswith("tests/test_x.py::test_y: this is not your change: ask a web maintainer")
    assert lines[-1] == "FAILED tests/test_x.py::test_y"
    passing = [sys.executable, "-c", "print('all good')"]
    done = subprocess.run([sys.executable, script, *passing], cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "all good\n")
