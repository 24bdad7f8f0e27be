"""The C core under valgrind on the batch path (capped multi-unit sessions).

`cap` and several units per session lie outside the subset docs/engine.md
verified; docs/performance.md §3.3 tells of memcheck run once by hand. This keeps it run: a
batch of generated units through `evaluate_many` and one unit through `evaluate`, and no
memcheck error may come from `durable_rules_engine` (CPython's own uninitialised-value
noise in `_json`/`PyLong` is not ours and is not counted).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
from cchc_index.bench.data import synthetic_framework
from cchc_index.scoring.evaluate import Scorer
from cchc_index.load.bundle import load_bundle
from cchc_index.bench.data import write_bundle
import sys, pathlib
root = pathlib.Path(sys.argv[1])
for i in range(45):
    write_bundle(root / f"u{i}", i, documents=40)
units = [load_bundle(root / f"u{i}") for i in range(45)]
scorer = Scorer(synthetic_framework(60), "durable")
batched = scorer.evaluate_many(units)
alone = [scorer.evaluate(u) for u in units[:3]]
assert [r.total for r in batched[:3]] == [r.total for r in alone]
print("totals", sum(r.total for r in batched))
"""


@pytest.mark.slow
def test_the_batch_path_is_clean_under_valgrind(tmp_path: Path) -> None:
    if shutil.which("valgrind") is None:
        if os.environ.get("CI"):
            pytest.fail("valgrind is required in CI (apt-get install -y valgrind)")
        pytest.skip("valgrind is not installed (apt-get install valgrind)")
    log = tmp_path / "memcheck.log"
    env = {**os.environ, "PYTHONMALLOC": "malloc"}
    completed = subprocess.run(
        [
            "valgrind",
            "--tool=memcheck",
            "--error-limit=no",
            f"--log-file={log}",
            sys.executable,
            "-c",
            SCRIPT,
            str(tmp_path / "units"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "totals" in completed.stdout
    report = log.read_text(encoding="utf-8", errors="replace")
    assert "Memcheck" in report and "ERROR SUMMARY" in report  # memcheck really ran to the end
    blocks = re.split(r"\n==\d+== \n", report)
    ours = [
        b
        for b in blocks
        if "durable_rules_engine" in b
        and re.search(r"Invalid (read|write|free)|uninitialised|Mismatched|definitely lost", b)
    ]
    assert not ours, "\n\n".join(ours[:3])
