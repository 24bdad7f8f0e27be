"""A real server on 127.0.0.1 and a real Chromium for the browser tests.

Chromium is Debian's (`/usr/bin/chromium`), driven by Playwright through `executable_path`;
nothing downloads a browser. Without it the tests are skipped with the reason shown, except
in CI (`CI` set), where a missing browser is a failure: scripts/test.sh installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from cchc_index.web.app import create_app
from tests.web.helpers import RULES

CHROMIUM = Path(os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium"))
QUIET = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
]


def need_chromium() -> None:
    """Skip (or, in CI, fail) when the browser is not there."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    reason = (
        f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium "
        "(scripts/test.sh installs it with apt-get)"
    )
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """`app` on a free port of 127.0.0.1, in a thread; yields its base URL, stops it after."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def live_server(served: Path, max_upload_mb: int = 20) -> Iterator[str]:
    """The local page on a free port of 127.0.0.1, in a thread; yields its base URL."""
    with serving(create_app(served, RULES, "durable", max_upload_mb)) as url:
        yield url


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    need_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=QUIET)
        try:
            yield browser
        finally:
            browser.close()


def keep_screenshot(source: Path, name: str) -> None:
    """With CCHC_WEB_SHOTS=1, copy a screenshot into docs/web/ for the README."""
    if os.environ.get("CCHC_WEB_SHOTS"):
        target = Path(__file__).resolve().parents[2] / "docs" / "web" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
