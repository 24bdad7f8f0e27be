"""`server bench` end to end, small: a real `server run --workers 2` on 127.0.0.1, officers
saving with no pause (the capacity mode) and a reviewer reading the ranking; every save the
server acknowledged is in its unit's file afterwards. Figures are printed, never asserted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.slow
def test_a_small_load_run_loses_nothing() -> None:
    small = "--officers 3 --users 2 --reviewers 1 --saves 2 --reads 2 --think 0 --workers 2"
    done = subprocess.run(
        [sys.executable, "-m", "cchc_index", "server", "bench", *small.split()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"save\+rescore: n=6 p50=\d+ ms p95=\d+ ms", done.stdout)
    assert re.search(r"ranking page: n=2 ", done.stdout)
    assert "errors: 0" in done.stdout and "acknowledged saves: 6, lost: 0" in done.stdout


def test_a_pause_that_is_not_a_range_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cchc_index", "server", "bench", "--think", "5-2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2 and "--think" in done.stderr and "Traceback" not in done.stderr
