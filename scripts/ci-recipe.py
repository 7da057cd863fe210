#!/usr/bin/python3
"""Prints, as one POSIX shell script, the commands a CI service would run for a site made by
`mieruka init`, read from the CI files init wrote (so the test runs what a city's CI runs, not a
copy of it).

Usage: scripts/ci-recipe.py SITE github|gitlab EVENT

  github push          the `run:` steps of .github/workflows/mieruka.yml's build job, on a push
                       to main (steps whose `if:` is false for the event are left out)
  github pull_request  the same on a pull request
  gitlab push          the `script:` of the job whose rules match the default branch
  gitlab pull_request  the `script:` of the job whose rules match another branch

Runs with Debian's python3 and python3-yaml (scripts/check-package.sh installs them).

Steps that call an action (`uses:`) are GitHub's own (checkout, Pages) and cannot run here; each
is printed as a comment. `${{ … }}` expressions outside `run:` are GitHub's, not the shell's: the
script sets the step's `env:` values from the environment variables the caller passes
(GITHUB_PAGES_BASE_URL for the Pages step's base_url, MIERUKA_URL for vars.MIERUKA_URL).
"""
import shlex
import sys

import yaml


def github(site, event):
    with open(f"{site}/.github/workflows/mieruka.yml", encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    ref = "refs/heads/main" if event == "push" else "refs/pull/1/merge"
    expressions = {
        "github.event_name == 'push' && github.ref == 'refs/heads/main'": event == "push" and ref == "refs/heads/main",
    }
    values = {"${{ vars.MIERUKA_URL }}": '"${MIERUKA_URL:-}"'}
    lines = [f"# GitHub Actions, {event}: jobs.build of .github/workflows/mieruka.yml"]
    for step in workflow["jobs"]["build"]["steps"]:
        name = step.get("name", step.get("uses", ""))
        condition = step.get("if")
        if condition is not None:
            if condition not in expressions:
                sys.exit(f"ci-recipe.py: the condition {condition!r} of step {name!r} is not one this test knows")
            if not expressions[condition]:
                lines.append(f"# skipped on {event}: {name}")
                continue
        if "uses" in step:
            lines.append(f"# GitHub's own action, not run here: {step['uses']} ({name})")
            if step["uses"].startswith("actions/configure-pages@") and "id" in step:
                # The Pages address that action would give; a skipped step's outputs are empty.
                values["${{ steps.%s.outputs.base_url }}" % step["id"]] = '"${GITHUB_PAGES_BASE_URL:-}"'
            continue
        lines.append(f"echo '::group::{name}'")
        for key, value in (step.get("env") or {}).items():
            if value.startswith("${{ steps.") and value not in values:
                lines.append(f"{key}=''; export {key}  # {value}: that step did not run")
                continue
            if value not in values:
                sys.exit(f"ci-recipe.py: the value {value!r} of {key} in step {name!r} is not one this test knows")
            lines.append(f"{key}={values[value]}; export {key}")
        lines.append(step["run"].rstrip("\n"))
    return lines


def gitlab(site, event):
    with open(f"{site}/.gitlab-ci.yml", encoding="utf-8") as f:
        pipeline = yaml.safe_load(f)
    default_branch = event == "push"
    lines = [f"# GitLab CI, {event}: .gitlab-ci.yml"]
    for job, body in pipeline.items():
        if job == "default" or not isinstance(body, dict) or "script" not in body:
            continue
        rules = [rule["if"] for rule in body.get("rules", [])]
        known = {
            "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH": default_branch,
            "$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH": not default_branch,
        }
        for rule in rules:
            if rule not in known:
                sys.exit(f"ci-recipe.py: the rule {rule!r} of job {job!r} is not one this test knows")
        if rules and not any(known[rule] for rule in rules):
            lines.append(f"# job {job}: its rules do not match a {event}")
            continue
        lines.append(f"echo 'job {job}'")
        lines.extend(command for command in body["script"])
        if "artifacts" in body:
            paths = " ".join(shlex.quote(path) for path in body["artifacts"]["paths"])
            lines.append(f"for artifact in {paths}; do test -e \"$artifact\" || {{ echo \"artifact $artifact missing\" >&2; exit 1; }}; done")
    return lines


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("github", "gitlab") or sys.argv[3] not in ("push", "pull_request"):
        sys.exit(__doc__)
    site, service, event = sys.argv[1:]
    lines = github(site, event) if service == "github" else gitlab(site, event)
    print("set -eu")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
