"""The GitHub workflows keep their safety properties: read-only pull requests, one Pages deploy at a time."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # PyYAML follows YAML 1.1, where the key `on` means true.
    workflow["on"] = workflow.pop(True)
    return workflow


def steps(job: dict) -> list[dict]:
    return job["steps"]


def uses(job: dict) -> list[str]:
    """The actions a job uses, without the commit they are pinned to."""
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def commands(job: dict) -> list[str]:
    return [step["run"].strip() for step in steps(job) if "run" in step]


@pytest.fixture(scope="module")
def pull_request() -> dict:
    return load("pull-request.yml")


@pytest.fixture(scope="module")
def deploy() -> dict:
    return load("deploy.yml")


def test_pull_requests_run_with_a_read_only_token(pull_request):
    assert set(pull_request["on"]) == {"pull_request"}, "never pull_request_target: it hands forks a write token"
    assert pull_request["permissions"] == {"contents": "read"}
    for job in pull_request["jobs"].values():
        assert "permissions" not in job or set(job["permissions"].values()) <= {"read", "none"}


def test_pull_requests_never_deploy(pull_request):
    for job in pull_request["jobs"].values():
        assert not any(u.startswith(("actions/deploy-pages", "actions/upload-pages-artifact")) for u in uses(job))
        assert "environment" not in job


def test_pull_request_checks_the_data_and_articles_first_then_builds_and_runs_the_tests(pull_request):
    (job,) = pull_request["jobs"].values()
    run = commands(job)
    roster_check = run.index("python hooks/check.py --github")
    build = run.index("mkdocs build --strict")
    tests = run.index("bash scripts/test.sh")
    assert roster_check < build < tests


def test_pull_request_attaches_the_built_site(pull_request):
    (job,) = pull_request["jobs"].values()
    (upload,) = [s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["path"].rstrip("/") == "site"
    # The preview is uploaded before the tests, so a failing test still leaves it to look at.
    assert steps(job).index(upload) < next(
        i for i, s in enumerate(steps(job)) if s.get("run") == "bash scripts/test.sh"
    )


def test_deploy_runs_only_for_main(deploy):
    assert deploy["on"]["push"] == {"branches": ["main"]}
    assert "pull_request" not in deploy["on"] and "pull_request_target" not in deploy["on"]


def test_deploy_has_minimal_permissions_and_never_cancels_a_deployment(deploy):
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert "permissions" not in build, "the build runs repository code; it keeps the read-only default"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "github-pages"


def test_deploy_builds_strictly_and_publishes_with_the_pages_actions(deploy):
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert "mkdocs build --strict" in commands(build)
    (package,) = [s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert package["with"]["path"].rstrip("/") == "site"
    assert uses(publish) == ["actions/deploy-pages"]
    assert commands(publish) == [], "the job holding the Pages token runs no repository code"


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_workflows_use_the_agreed_actions_and_python(name):
    workflow = load(name)
    allowed = {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    for job in workflow["jobs"].values():
        assert set(uses(job)) <= allowed
        for step in steps(job):
            if step.get("uses", "").startswith("actions/setup-python@"):
                # A bare 3.10 in YAML is the number 3.1; the version must be a string.
                assert step["with"]["python-version"] == "3.11"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
        # Packages come from a lock, every file checked against its hash: the site's lock wherever only
        # the site is built (the deploy job above all), the development lock where tools run too.
        installs = [c for c in commands(job) if c.startswith("pip install")]
        locks = {"requirements/site.txt"} if name == "deploy.yml" else {"requirements/site.txt", "requirements/dev.txt"}
        assert all(c in {f"pip install --require-hashes -r {lock}" for lock in locks} for c in installs)


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(name):
    # A tag can be moved to other code after review; a commit cannot. Dependabot updates both.
    lines = [line.strip() for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines()]
    pinned = [line for line in lines if line.startswith(("uses:", "- uses:"))]
    assert pinned
    for line in pinned:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


def test_dependabot_updates_the_actions_the_python_packages_and_the_npm_locks():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {(u["package-ecosystem"], u["directory"]) for u in config["updates"]} == {
        ("github-actions", "/"),
        ("pip", "/"),
        ("npm", "/"),
        ("npm", "/scripts/lighthouse-npm"),
    }
    for update in config["updates"]:
        if update["package-ecosystem"] == "npm":
            assert (ROOT / update["directory"].lstrip("/") / "package-lock.json").is_file()


def code_owners(path: str) -> set[str]:
    """The owners of a path under .github/CODEOWNERS (the last matching line wins)."""
    owners: set[str] = set()
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        if pattern.startswith("/"):
            prefix = pattern[1:]
            matched = path.startswith(prefix) if prefix.endswith("/") else fnmatch.fnmatchcase(path, prefix)
        else:
            matched = fnmatch.fnmatchcase(path.rsplit("/", 1)[-1], pattern)
        if matched:
            owners = set(names)
    return owners


MAINTAINERS = {"@toronto-psychotherapy-group/web-maintainers"}
CLINICAL = {"@toronto-psychotherapy-group/clinical-reviewers"}


@pytest.mark.parametrize(
    "path",
    [
        "hooks/roster.py",
        "hooks/gen_schema.py",
        "overrides/main.html",
        "overrides/partials/crisis-box.html",
        "mkdocs.yml",
        ".github/workflows/deploy.yml",
        ".github/CODEOWNERS",
        "docs/assets/javascripts/directory.js",
        "docs/assets/images/logo.png",
        "docs/assets/fonts/a.woff2",
        "docs/hooks_in_docs.py",
        "requirements/site.in",
        "requirements/site.txt",
        ".ci/run",
    ],
)
def test_code_that_runs_needs_a_web_maintainer(path):
    assert code_owners(path) == MAINTAINERS


@pytest.mark.parametrize("path", ["docs/approaches/cbt.md", "data/therapists.yml", "docs/assets/therapists/x.jpg"])
def test_content_needs_a_clinical_reviewer(path):
    assert code_owners(path) == CLINICAL


def test_issue_forms_send_crises_away_from_the_tracker():
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    crisis = config["contact_links"][0]
    assert "9-8-8" in crisis["name"] and "911" in crisis["name"] and "9-8-8" in crisis["about"]
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    assert {f.name for f in forms} >= {"config.yml", "update-profile.yml", "article-error.yml"}
    for form in forms:
        if form.name != "config.yml":
            body = yaml.safe_load(form.read_text(encoding="utf-8"))["body"]
            assert "public" in body[0]["attributes"]["value"], f"{form.name} must warn that issues are public"


@pytest.fixture(scope="module")
def scheduled() -> dict:
    return load("scheduled-checks.yml")


def test_scheduled_checks_run_weekly_with_the_least_permissions(scheduled):
    assert set(scheduled["on"]) == {"schedule", "workflow_dispatch"}
    (schedule,) = scheduled["on"]["schedule"]
    _, _, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "once a week"
    assert scheduled["permissions"] == {}, "nothing by default: only the job that needs it may write"
    (job,) = scheduled["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}


def test_scheduled_checks_keep_one_issue_listing_what_falls_due(scheduled):
    (job,) = scheduled["jobs"].values()
    run = commands(job)
    listing = next(i for i, c in enumerate(run) if c.startswith("python hooks/due.py --within 30 --markdown"))
    (issue,) = [s for s in steps(job) if "gh issue" in s.get("run", "")]
    assert run.index(issue["run"].strip()) > listing
    # Found by its fixed title and edited, so the weekly run never opens a second issue.
    assert issue["env"]["TITLE"] and "select(.title == env.TITLE)" in issue["run"]
    assert "gh issue edit" in issue["run"] and issue["run"].count("gh issue create") == 1
    # The token reaches only the step that talks to GitHub, never the repository's Python.
    assert issue["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert [s for s in steps(job) if "${{" in str(s.get("env", "")) + s.get("run", "")] == [issue]
    assert "${{" not in issue["run"], "no expression inside a script: it would be pasted in as code"


def test_scheduled_checks_add_moved_or_vanished_sources_to_the_same_issue(scheduled):
    (job,) = scheduled["jobs"].values()
    run = commands(job)
    check = next(i for i, c in enumerate(run) if c.startswith("python hooks/linkcheck.py --markdown"))
    (issue,) = [s for s in steps(job) if "gh issue" in s.get("run", "")]
    assert run.index(issue["run"].strip()) > check
    assert '"$RUNNER_TEMP/links.md"' in run[check] and '"$RUNNER_TEMP/links.md"' in issue["run"]
    assert '--body-file "$RUNNER_TEMP/issue.md"' in issue["run"]
    # LinkChecker comes from the locked test requirements.
    assert any("--require-hashes -r requirements/dev.txt" in c for c in run[:check])
    assert any(line.startswith("linkchecker==") for line in (ROOT / "requirements/test.in").read_text().splitlines())
