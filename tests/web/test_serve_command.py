"""`cchc-index serve` starts a server on 127.0.0.1 that answers, and says where."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.web.helpers import RULES, served_copy

CLI = Path(sys.executable).with_name("cchc-index")


def test_serve_binds_127_0_0_1_and_serves_the_units(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False)
    process = subprocess.Popen(
        [str(CLI), "serve", str(served), "--rules-dir", str(RULES), "--no-browser"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CCHC_LANG": "vi"},
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url.group(0), timeout=5) as answer:
                    page = answer.read().decode("utf-8")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert "UBND xã Quảng An" in page
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
