"""The last `verify` of each bundle the pages showed, kept while its files stay as they were
(its tables, its profile, every evidence file: their sizes and times of change), one per
language (a check's notes are written in the language of the page that asked for it)."""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from cchc_index.i18n import lang
from cchc_index.verify.run import RowCheck, VerifyReport, verify_bundle


def _fingerprint(folder: Path) -> str:
    """What a check of `folder` depends on: every file's path, size and time of change (the
    submissions' frozen copies aside)."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "submissions")
        for name in sorted(files):
            path = Path(root, name)
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(
                f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
            )
    return digest.hexdigest()


@dataclass(frozen=True)
class _Kept:
    fingerprint: str
    report: VerifyReport


class Checks:
    """The last check of each bundle, kept while its files stay as they were."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Path, str], _Kept] = {}
        self._lock = threading.Lock()

    def run(self, folder: Path) -> VerifyReport:
        """The bundle's check: the kept one when no file changed since, else a new one."""
        kept = self.last(folder)
        if kept is not None:
            return kept
        fingerprint = _fingerprint(folder)
        report = verify_bundle(folder)
        with self._lock:
            self._kept[folder, lang()] = _Kept(fingerprint, report)
        return report

    def last(self, folder: Path) -> VerifyReport | None:
        """The kept check, if no file of the bundle changed since it was made."""
        with self._lock:
            kept = self._kept.get((folder, lang()))
        if kept is None or kept.fingerprint != _fingerprint(folder):
            return None
        return kept.report


def row_of(report: VerifyReport | None, table: str, file: str) -> RowCheck | None:
    """The check of the row of `table` that points at `file` (the records page's cell)."""
    if report is None or not file:
        return None
    return next((r for r in report.rows if r.table == table and r.file == file), None)
