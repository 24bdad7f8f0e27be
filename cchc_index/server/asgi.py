"""The app uvicorn's workers import (`server run --workers N`): the deployment named by
CCHC_SERVER_DATA, which `server run` sets."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_index.server.app import create_app

app = create_app(Path(os.environ["CCHC_SERVER_DATA"]), warm=True)
