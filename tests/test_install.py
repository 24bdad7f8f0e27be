"""Installed like any tool: frameworks found from any folder, --version, a wheel that carries
the shipped frameworks and samples and works in a fresh venv from outside the clone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.shipped import locate_framework, search_path, shipped_dir, user_rules_dir

ROOT = Path(__file__).resolve().parents[1]
BIN = str(Path(sys.executable).with_name("cchc-index"))


def _framework(folder: Path, name: str) -> Path:
    target = folder / name
    target.mkdir(parents=True)
    (target / "framework.yaml").write_text("id: x\n", encoding="utf-8")
    return target


def test_frameworks_are_looked_up_rules_dir_then_cwd_then_user_then_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert user_rules_dir() == tmp_path / "data" / "cchc-index" / "rules"
    package = shipped_dir("rules")
    assert package is not None and (package / "hue-xa-2020" / "framework.yaml").is_file()

    found = locate_framework("hue-xa-2020", None)
    assert found is not None and (found.path, found.origin) == (package / "hue-xa-2020", "package")
    user = _framework(user_rules_dir(), "hue-xa-2020")
    found = locate_framework("hue-xa-2020", None)
    assert found is not None and (found.path, found.origin) == (user, "user")
    here = _framework(tmp_path / "rules", "hue-xa-2020")
    found = locate_framework("hue-xa-2020", None)
    assert found is not None and (found.path, found.origin) == (Path("rules/hue-xa-2020"), "cwd")
    assert found.path.resolve() == here
    given = _framework(tmp_path / "other", "hue-xa-2020")
    found = locate_framework("hue-xa-2020", tmp_path / "other")
    assert found is not None and (found.path, found.origin) == (given, "rules-dir")
    assert [origin for _, origin in search_path(tmp_path / "other")] == [
        "rules-dir",
        "cwd",
        "user",
        "package",
    ]
    assert locate_framework("../hue-xa-2020", None) is None
    assert locate_framework("khong-co", None) is None


def test_score_and_explain_work_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's first finding: outside the clone the profile's framework was not found."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    sample = ROOT / "evidence" / "quang-an-2020"
    score = subprocess.run(
        [BIN, "score", str(sample)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert score.returncode == 0, score.stderr
    assert "Tổng điểm tự đánh giá: 2 / 7" in score.stdout
    explain = subprocess.run(
        [BIN, "--lang", "en", "explain", "1.1.1", str(sample)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert explain.returncode == 0, explain.stderr
    assert "(shipped with the package)" in explain.stdout.splitlines()[0]
    by_id = CliRunner().invoke(cli, ["explain", "1.1.1", "--rules", "ca-mau-2013"])
    assert by_id.exit_code == 0, by_id.output
    assert "ca-mau-2013" in by_id.output.splitlines()[0]


def test_a_framework_missing_everywhere_names_the_places_searched(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    bundle.mkdir()
    (bundle / "profile.yaml").write_text(
        "name: UBND xã A\nlevel: xã\nprovince: Huế\nyear: 2020\nframework: khong-co\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [BIN, "score", str(bundle)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert run.returncode == 4
    assert "không tìm thấy bộ chỉ số 'khong-co' (đã tìm trong rules, " in run.stderr


def test_version_says_version_and_commit() -> None:
    run = subprocess.run([BIN, "--version"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    assert re.fullmatch(r"cchc-index \d+\.\d+\.\d+ \(commit [0-9a-f]{7,40}\)\n", run.stdout)


def test_samples_copies_evidence_and_rules_and_never_overwrites(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["samples", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "evidence" / "quang-an-2020" / "profile.yaml").is_file()
    assert (tmp_path / "rules" / "hue-xa-2020" / "framework.yaml").is_file()
    before = (tmp_path / "evidence" / "quang-an-2020" / "documents.csv").read_bytes()
    again = runner.invoke(cli, ["samples", str(tmp_path)])
    assert again.exit_code == 2
    assert "đã có" in again.output
    assert (tmp_path / "evidence" / "quang-an-2020" / "documents.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_the_wheel_works_in_a_fresh_venv_from_outside_the_clone(tmp_path: Path) -> None:
    """`python -m build` makes an sdist and a wheel (from the sdist); the wheel, installed in
    a new venv, carries the frameworks and samples and runs from an empty folder."""
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels = sorted(dist.glob("*.whl"))
    assert len(wheels) == 1 and len(list(dist.glob("*.tar.gz"))) == 1
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "cchc_index/_data/rules/hue-xa-2020/framework.yaml" in names
    assert "cchc_index/_data/evidence/quang-an-2020/profile.yaml" in names
    assert "cchc_index/_commit.txt" in names
    assert not [n for n in names if n.startswith(("rules/", "evidence/", "tests/"))]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheels[0])],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "CCHC_NO_CACHE": "1"}
    tool = str(venv / "bin" / "cchc-index")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [tool, *args], capture_output=True, text=True, cwd=work, env=env, timeout=300
        )

    version = run("--version")
    assert re.fullmatch(r"cchc-index \d+\.\d+\.\d+ \(commit [0-9a-f]{7,40}\)\n", version.stdout)
    outside = run("score", str(ROOT / "evidence" / "quang-an-2020"))
    assert outside.returncode == 0, outside.stderr
    assert run("samples").returncode == 0
    for args, code in [
        (("score", "evidence/quang-an-2020"), 0),
        (("check", "evidence/quang-an-2020"), 1),
        (("explain", "1.1.1", "evidence/quang-an-2020"), 0),
        (("validate", "rules"), 0),
        (("test", "rules"), 0),
        (("batch", "evidence", "-q"), 0),
    ]:
        done = run(*args)
        assert done.returncode == code, (args, done.stdout[-2000:], done.stderr[-2000:])
    import shutil

    shutil.rmtree(work / "rules")  # the frameworks now come with the package
    packaged = run("--lang", "en", "explain", "1.1.1", "evidence/quang-an-2020")
    assert packaged.returncode == 0, packaged.stderr
    assert "_data/rules/hue-xa-2020 (shipped with the package)" in packaged.stdout
