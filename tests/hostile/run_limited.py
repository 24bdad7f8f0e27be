"""Run `cchc-index` under a memory and CPU limit; report peak memory and CPU time to a file.

A blow-up then fails its test (MemoryError, SIGXCPU) instead of taking the machine down, and a
segfault shows as a negative exit code.
"""

from __future__ import annotations

import atexit
import os
import resource
import sys

MEMORY = int(os.environ.get("CCHC_TEST_MEMORY", str(1 << 30)))
resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
REPORT = os.environ.get("CCHC_TEST_REPORT")


def report() -> None:
    if REPORT:
        # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec
        with open("/proc/self/status", encoding="utf-8") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with open(REPORT, "w", encoding="utf-8") as handle:
            handle.write(f"{peak} {usage.ru_utime + usage.ru_stime}\n")


# An exit handler, not a `finally`: `main` ends in SystemExit, so code after it never runs.
atexit.register(report)
sys.argv = ["cchc-index", *sys.argv[1:]]
from cchc_index.cli.main import main  # noqa: E402

main()
