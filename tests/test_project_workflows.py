"""CI: the workflows are linted (actionlint, zizmor, JSON Schemas), run the README's commands,
and the `diff` command that writes a pull request's summary works on real git history."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import ROOT, correct_deal_summary, new_event_yaml, repo_with_data_change

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
LINKS_WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"
ISSUE_FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
PYTHON_BIN = ROOT / ".venv" / "bin"


def run(*command: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_actionlint_reports_nothing():
    result = run("node", "tools/actionlint.cjs", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s)" in result.stdout


def test_zizmor_reports_nothing():
    zizmor = shutil.which("zizmor", path=str(PYTHON_BIN)) or shutil.which("zizmor")
    result = run(zizmor, "--offline", "--no-progress", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


@pytest.mark.parametrize("schema, path", [
    *[("vendor.github-workflows", w) for w in WORKFLOWS],
    ("vendor.dependabot", ROOT / ".github" / "dependabot.yml"),
    *[("vendor.github-issue-forms", form) for form in ISSUE_FORMS],
])
def test_workflow_files_match_their_schemas(schema, path):
    check = shutil.which("check-jsonschema", path=str(PYTHON_BIN)) or shutil.which("check-jsonschema")
    result = run(check, "--builtin-schema", schema, str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_the_readme_commands():
    readme = (ROOT / "README.md").read_text()
    readme_commands = set(re.findall(r"^make (\w+)", readme, re.M))
    assert {"site", "test"} <= readme_commands
    workflow = yaml.safe_load(SITE_WORKFLOW.read_text())
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert "make test" in runs and "make site" in runs
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_actions_are_pinned_to_full_commit_shas_with_the_version_noted():
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d", line), line


def test_deploy_has_least_privilege_and_no_racing():
    workflow = yaml.safe_load(SITE_WORKFLOW.read_text())
    assert workflow["permissions"] == {}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert workflow["jobs"]["test-and-build"]["permissions"] == {"contents": "read"}


def test_every_workflow_is_linted():
    assert {SITE_WORKFLOW, LINKS_WORKFLOW} <= set(WORKFLOWS)


def steps_of(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_link_check_runs_weekly_and_on_demand_with_least_privilege():
    workflow = yaml.safe_load(LINKS_WORKFLOW.read_text())
    triggers = workflow[True]  # PyYAML reads the key `on` as True
    assert set(triggers) == {"schedule", "workflow_dispatch"} and triggers["schedule"][0]["cron"]
    assert workflow["permissions"] == {}
    check, issue = workflow["jobs"]["check"], workflow["jobs"]["review-issue"]
    assert check["permissions"] == {"contents": "read"}
    assert issue["permissions"] == {"issues": "write"}
    assert any(run.startswith("make links") for run in steps_of(check))
    assert any('>> "$GITHUB_STEP_SUMMARY"' in run for run in steps_of(check))
    script = "\n".join(steps_of(issue))
    assert "gh issue list --label" in script and "gh issue edit" in script and "gh issue create" in script
    assert "uses" not in str(issue["steps"]), "the review issue is kept with gh, not a third-party action"


def test_link_check_uses_the_same_pinned_actions_as_the_site_workflow():
    def pins(path):
        return set(re.findall(r"uses: (actions/(?:checkout|setup-python)@[0-9a-f]{40} # v[\d.]+)", path.read_text()))
    assert pins(LINKS_WORKFLOW) == pins(SITE_WORKFLOW) and len(pins(LINKS_WORKFLOW)) == 2


def add_event_and_source(data):
    (data / "new.yaml").write_text(new_event_yaml("example-new") + """sources:
  - id: example-new
    outlet: Example Daily
    title: "A new report"
    url: https://example.com/new
""")
    correct_deal_summary(data)


def test_diff_summarises_a_real_data_change(tmp_path):
    repo = repo_with_data_change(tmp_path, add_event_and_source)
    result = run(sys.executable, "-m", "build_scripts", "diff", "HEAD~1", "HEAD", "--repo", str(repo))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "- events: 1 added, 1 changed, 0 removed" in out
    assert "- sources: 1 added, 0 changed, 0 removed" in out
    assert "- March 2024: A new event (`2024-03-new-event`)" in out
    assert "- Alpha invests in Beta (`2024-01-deal`): summary" in out


def test_diff_says_when_a_revision_cannot_be_read(tmp_path):
    result = run(sys.executable, "-m", "build_scripts", "diff", "no-such-revision", "HEAD")
    assert "could not be loaded" in result.stdout
