"""`scripts/setup.sh` on a machine with only Python 3.13: one Vietnamese line, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAKE = """#!/bin/sh
# a stand-in for a Python 3.13 interpreter: answers --version, fails the version check
if [ "$1" = "--version" ]; then echo "Python 3.13.1"; exit 0; fi
if [ "$1" = "-c" ]; then exit 1; fi
echo "fake python should not be asked to do anything else: $*" >&2
exit 99
"""


def _machine(tmp_path: Path) -> dict[str, str]:
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for name in ("python3.13", "python3"):
        fake = bin_ / name
        fake.write_text(FAKE, encoding="utf-8")
        fake.chmod(0o755)
    for tool in ("dirname", "head", "sh"):
        found = shutil.which(tool)
        assert found is not None
        (bin_ / tool).symlink_to(found)
    return {"PATH": str(bin_), "HOME": str(tmp_path), "LANG": "C.UTF-8"}


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    assert bash is not None
    return subprocess.run(
        [bash, str(ROOT / "scripts" / "setup.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_only_python_3_13_stops_with_one_vietnamese_line(tmp_path: Path) -> None:
    before = (ROOT / ".venv").exists()
    run = _run(_machine(tmp_path))
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "cần Python 3.11 hoặc 3.12" in lines[0] and "Python 3.13.1" in lines[0]
    assert "hãy cài python3.12" in lines[0]
    assert "Traceback" not in run.stderr + run.stdout
    assert (ROOT / ".venv").exists() == before


def test_python_env_pointing_at_3_13_is_refused_too(tmp_path: Path) -> None:
    env = _machine(tmp_path)
    env["PYTHON"] = str(tmp_path / "bin" / "python3.13")
    run = _run(env)
    assert run.returncode == 1 and "Python 3.13.1" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_no_python_at_all(tmp_path: Path) -> None:
    env = _machine(tmp_path)
    for name in ("python3.13", "python3"):
        os.remove(Path(env["PATH"]) / name)
    run = _run(env)
    assert run.returncode == 1 and "máy này có: không có" in run.stderr
