"""The app uvicorn's workers import (`server run --workers N`): the deployment named by
CCHC_SERVER_DATA, which `server run` sets. A worker process started by uvicorn runs outside
any command: its gate, for its whole life, writes only within the deployment's folder."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_index.output import ServingGate, current, run
from cchc_index.server.app import create_app

_ROOT = Path(os.environ["CCHC_SERVER_DATA"])
if not isinstance(current(), ServingGate):  # a worker of its own (not `--workers 1`)
    run(ServingGate((), None, _ROOT)).__enter__()  # the process's gate until it exits
app = create_app(_ROOT, warm=True)
