"""The message a page shows after a save ("Đã lưu …", the sub-criteria it moved), kept in the
data folder between the save and the page the browser is sent to: `server run --workers N`
answers the two requests from any of its processes, so a message held in one process's memory
would be lost half the time.

One small JSON file a message, named by a random key of 128 bits (the key is in the page's
address, `?m=`); taken once, then deleted; files older than `KEEP` are removed as new ones come.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cchc_index.model.result import Status
from cchc_index.output import write_atomic
from cchc_index.web.scores import Change, Mark
from cchc_index.web.site import Flash

KEEP = 15 * 60  # seconds a message waits for its page
_KEY = re.compile(r"^[A-Za-z0-9_-]{22}$")  # token_urlsafe(16)


def put(folder: Path, message: Flash) -> str:
    """Keep `message`; the key its page is asked with."""
    folder.mkdir(parents=True, exist_ok=True)
    _sweep(folder)
    key = secrets.token_urlsafe(16)
    data = {
        "text": message.text,
        "total": [str(v) for v in message.total] if message.total else None,
        "changes": [
            {
                "node": c.node,
                "title": c.title,
                "before": [c.before.status.value, str(c.before.points)],
                "after": [c.after.status.value, str(c.after.points)],
            }
            for c in message.changes
        ],
    }
    write_atomic(folder / f"{key}.json", json.dumps(data, ensure_ascii=False))
    return key


def take(folder: Path, key: str) -> Flash | None:
    """The message kept under `key` (once), or None: unknown, taken, expired or unreadable."""
    if not _KEY.match(key):
        return None
    path = folder / f"{key}.json"
    try:
        text = path.read_text(encoding="utf-8")
        path.unlink()
    except OSError:  # taken by another request, or never kept
        return None
    try:
        data = json.loads(text)
        total = data["total"]
        return Flash(
            str(data["text"]),
            [
                Change(str(c["node"]), str(c["title"]), _mark(c["before"]), _mark(c["after"]))
                for c in data["changes"]
            ],
            (Decimal(total[0]), Decimal(total[1])) if total else None,
        )
    except (ValueError, KeyError, TypeError, IndexError, InvalidOperation):
        return None


def _mark(pair: list[str]) -> Mark:
    return Mark(Status(pair[0]), Decimal(pair[1]))


def _sweep(folder: Path) -> None:
    """Remove messages nobody came for."""
    oldest = time.time() - KEEP
    for path in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < oldest:
                path.unlink()
