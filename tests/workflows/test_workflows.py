"""The GitHub Actions workflows: they parse, use only GitHub's own actions, run the Makefile's commands, install
from the one list CI uses (.ci/install), and publish at the address GitHub Pages gives."""

import re

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = "pull-request.yml"
PAGES = "pages.yml"


def workflow(name: str) -> dict:
    """A workflow as GitHub reads it; YAML 1.1 reads the key `on` as true, so it is put back under "on"."""
    parsed = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in parsed:
        parsed["on"] = parsed.pop(True)
    return parsed


def steps(parsed: dict) -> list[dict]:
    return [step for job in parsed["jobs"].values() for step in job.get("steps", [])]


def scripts(parsed: dict) -> list[str]:
    return [step["run"] for step in steps(parsed) if "run" in step]


def using(job_steps: list[dict], action: str) -> list[dict]:
    """The steps that use `action` (such as "actions/checkout"), at any version."""
    return [step for step in job_steps if step.get("uses", "").startswith(f"{action}@")]


def makefile_targets() -> set[str]:
    """The targets the Makefile defines, its simple variables such as $(VENV) expanded."""
    variables: dict[str, str] = {}
    targets: set[str] = set()

    def expand(text: str) -> str:
        return re.sub(r"\$\((\w+)\)", lambda match: expand(variables.get(match.group(1), "")), text)

    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("\t", "#")):
            continue
        assignment = re.match(r"(?:export\s+)?(\w+)\s*[?:]?=\s*(.*)", line)
        if assignment:
            variables[assignment.group(1)] = assignment.group(2).strip()
            continue
        rule = re.match(r"([^:=#]+):(?!=)", line)
        if rule:
            targets.update(expand(rule.group(1)).split())
    return targets - {".PHONY"}


def make_targets(script: str) -> list[str]:
    """The targets of every `make` command in a step's script (options, VAR=value settings and redirections left out)."""
    targets = []
    for command in re.findall(r"(?:^\s*|[;&|]\s*)make\b([^\n;&|<>]*)", script, flags=re.MULTILINE):
        targets += [word for word in command.split() if not word.startswith("-") and "=" not in word]
    return targets


def test_the_makefile_targets_are_read():
    assert {"build", "pdf", "publish", "test", "validate", ".venv/.installed"} <= makefile_targets()


@pytest.mark.parametrize("name", [PULL_REQUEST, PAGES])
def test_workflow_parses_and_has_jobs_with_steps(name):
    parsed = workflow(name)
    assert parsed["name"] and parsed["on"]
    for job_id, job in parsed["jobs"].items():
        assert job["runs-on"] and job["steps"], job_id


@pytest.mark.parametrize("name", [PULL_REQUEST, PAGES])
def test_workflow_uses_only_github_actions_pinned_to_a_major_version(name):
    uses = [step["uses"] for step in steps(workflow(name)) if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"actions/[a-z0-9-]+@v\d+", action), action


@pytest.mark.parametrize("name", [PULL_REQUEST, PAGES])
def test_every_make_command_in_a_workflow_is_a_makefile_target(name):
    targets = [target for script in scripts(workflow(name)) for target in make_targets(script)]
    assert targets
    assert set(targets) <= makefile_targets()


def test_pull_request_workflow_runs_on_pull_requests():
    assert "pull_request" in workflow(PULL_REQUEST)["on"]


def test_pull_request_workflow_validates_with_annotations_before_building():
    runs = scripts(workflow(PULL_REQUEST))
    validate = next(i for i, run in enumerate(runs) if "-m macros validate" in run)
    assert "--format github" in runs[validate]
    build = next(i for i, run in enumerate(runs) if {"build", "pdf"} & set(make_targets(run)))
    assert validate < build


def test_pull_request_workflow_builds_and_prints_once_before_running_ci():
    """`make pdf` builds the site too; a `make build` beside it would print every PDF twice. Before the tests,
    so the preview has the site and PDFs even when a test fails."""
    runs = scripts(workflow(PULL_REQUEST))
    targets = [target for run in runs for target in make_targets(run)]
    assert targets.count("pdf") == 1 and "build" not in targets
    printing = next(i for i, run in enumerate(runs) if "pdf" in make_targets(run))
    assert printing < runs.index("bash .ci/run")


@pytest.mark.parametrize("name", [PULL_REQUEST, PAGES])
def test_container_jobs_install_git_to_check_out_then_trust_it_and_install_the_rest_from_ci_install(name):
    """Only git comes before the checkout (.ci/install is in it); the checkout is marked safe, as git refuses a
    repository another user owns and the container runs as root."""
    for job_id, job in workflow(name)["jobs"].items():
        if "container" not in job:
            continue
        runs = [step.get("run", "") for step in job["steps"]]
        checkout = job["steps"].index(using(job["steps"], "actions/checkout")[0])
        installs = [run for run in runs if "apt-get install" in run]
        assert len(installs) == 1 and runs.index(installs[0]) < checkout, job_id
        assert re.search(r"apt-get install -y -qq git$", installs[0].strip()), job_id
        install = runs.index("bash .ci/install")
        trust = runs.index('git config --global --add safe.directory "$GITHUB_WORKSPACE"')
        first_make = next(i for i, run in enumerate(runs) if make_targets(run))
        assert checkout < install < first_make and checkout < trust < first_make, job_id


def test_pull_request_workflow_uploads_the_site_as_a_preview():
    uploads = using(steps(workflow(PULL_REQUEST)), "actions/upload-artifact")
    assert [step["with"]["path"].rstrip("/") for step in uploads] == ["site"]


def test_pull_request_workflow_comments_a_change_summary_from_the_base_branch():
    parsed = workflow(PULL_REQUEST)
    job, diff = next((job, step) for job in parsed["jobs"].values() for step in job["steps"] if "diff" in make_targets(step.get("run", "")))
    assert re.search(r"\bBASE=\"?origin/\$BASE_REF\b", diff["run"]) and diff["env"]["BASE_REF"] == "${{ github.base_ref }}"
    # make's own lines would land in the comment.
    assert re.search(r"\bmake (-s|--silent)\b", diff["run"])
    assert [step["with"]["fetch-depth"] for step in using(job["steps"], "actions/checkout")] == [0]
    assert using(job["steps"], "actions/github-script")
    # Only the job that comments may write to the pull request.
    assert job["permissions"]["pull-requests"] == "write"
    assert parsed["permissions"] == {"contents": "read"}


def test_pages_workflow_publishes_main_and_can_be_run_by_hand():
    triggers = workflow(PAGES)["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers


def test_pages_workflow_prints_the_pdfs_and_deploys_the_site():
    parsed = workflow(PAGES)
    assert "publish" in [target for script in scripts(parsed) for target in make_targets(script)]
    uploads = using(steps(parsed), "actions/upload-pages-artifact")
    assert [step["with"]["path"].rstrip("/") for step in uploads] == ["site"]
    deploy = next(job for job in parsed["jobs"].values() if using(job["steps"], "actions/deploy-pages"))
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert parsed["concurrency"]["cancel-in-progress"] is False


def test_pages_build_may_read_the_pages_settings_of_a_private_repository():
    """configure-pages asks for the repository's Pages settings; on a private repository the token needs the
    Pages permission for that, or the job fails with "Resource not accessible by integration"."""
    parsed = workflow(PAGES)
    build = next(job for job in parsed["jobs"].values() if using(job["steps"], "actions/configure-pages"))
    assert build["permissions"]["pages"] in ("read", "write")
    assert build["permissions"]["contents"] == "read"


def test_pages_build_gets_its_site_url_from_the_pages_address():
    build = next(job for job in workflow(PAGES)["jobs"].values() if using(job["steps"], "actions/configure-pages"))
    configure = using(build["steps"], "actions/configure-pages")[0]
    printing = next(step for step in build["steps"] if "publish" in make_targets(step.get("run", "")))
    # base_url has no trailing slash ("https://octocat.github.io/my-repo"); site_url needs one.
    assert printing["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}/"
    assert build["steps"].index(configure) < build["steps"].index(printing)
