"""The bad-input suite on the surfaces added since the first trust work (`trust_cases.py`):
same harness (own process, memory and CPU limits, every file of the workspace unchanged),
same demands (exit code, message, place, no traceback, no English library text)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_cases import Case
from test_hostile import ENGLISH, ROOT, SEED, run_case
from trust_cases import TRUST_CASES


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cchc_index.cli.main import cli

    base = tmp_path_factory.mktemp("trust-base")
    shutil.copytree(ROOT / "evidence" / "quang-an-2020", base / "b")
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", base / "r")
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", base / "rd" / "hue-xa-2020")
    shutil.copytree(ROOT / "evidence" / "quang-an-2020", base / "p" / "qa")
    shutil.copy(SEED, base / "report.txt")
    runner = CliRunner()
    made = runner.invoke(
        cli, ["score", str(base / "b"), "--rules", str(base / "r"), "-o", str(base / "ws.xlsx")]
    )
    assert made.exit_code == 0, made.output
    made = runner.invoke(
        cli,
        [
            "batch",
            str(base / "p"),
            "--rules-dir",
            str(base / "rd"),
            "-j",
            "1",
            "-q",
            "--db",
            str(base / "k.db"),
        ],
    )
    assert made.exit_code == 0, made.output
    (base / "t.csv").write_text(
        "STT;Tiêu chí;Điểm tối đa\n1;Công tác chỉ đạo, điều hành;1\n1.1;Kế hoạch CCHC;1\n",
        encoding="utf-8",
    )
    return base


def test_the_new_surfaces_have_at_least_a_hundred_cases() -> None:
    assert len(TRUST_CASES) >= 100
    assert len({c.id for c in TRUST_CASES}) == len(TRUST_CASES)
    prefixes = {c.id.split("-")[0] for c in TRUST_CASES}
    assert {"gate", "ctrl", "table", "appraise", "store", "diff", "serve"} <= prefixes


@pytest.mark.parametrize("case", TRUST_CASES, ids=[c.id for c in TRUST_CASES])
def test_trust_case(case: Case, workspace: Path, tmp_path: Path) -> None:
    run, rss_kb, cpu = run_case(case, workspace, tmp_path)
    out = run.stdout + run.stderr
    assert run.returncode == case.code, f"{case.id}: exit {run.returncode}\n{run.stderr[-3000:]}"
    assert case.says in out, f"{case.id}: {out[-3000:]}"
    if case.at:
        assert re.search(case.at, out, re.MULTILINE), f"{case.id}: no {case.at!r} in\n{out[-3000:]}"
    leaked = [phrase for phrase in ENGLISH if phrase in out]
    assert not leaked, f"{case.id}: English library text {leaked}:\n{out[-3000:]}"
    assert rss_kb > 0, f"{case.id}: run_limited.py wrote no usage report"
    assert rss_kb < 400_000, f"{case.id}: {rss_kb} kB"
    if case.fast:  # zip bombs and protected files: refused in under 2 s and 200 MB
        assert cpu < 2.0, f"{case.id}: {cpu:.2f} s of CPU"
        assert rss_kb < 200_000, f"{case.id}: {rss_kb} kB"
