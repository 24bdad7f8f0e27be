"""The last `verify` of each bundle the pages showed, kept while its files stay as they were
(the bundle's own fingerprint, `load.digest.bundle_sha256`: every file's bytes, hashed once
while its stamp stays), one per language (a check's notes are written in the language of the
page that asked for it)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from cchc_index.i18n import lang
from cchc_index.load.digest import bundle_sha256
from cchc_index.verify.run import RowCheck, VerifyReport, verify_bundle


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
        fingerprint = bundle_sha256(folder)  # before reading: a file changed meanwhile is seen
        with self._lock:
            kept = self._kept.get((folder, lang()))
        if kept is not None and kept.fingerprint == fingerprint:
            return kept.report
        report = verify_bundle(folder)
        with self._lock:
            self._kept[folder, lang()] = _Kept(fingerprint, report)
        return report

    def last(self, folder: Path) -> VerifyReport | None:
        """The kept check, if no file of the bundle changed since it was made."""
        with self._lock:
            kept = self._kept.get((folder, lang()))
        if kept is None or kept.fingerprint != bundle_sha256(folder):
            return None
        return kept.report


def row_of(report: VerifyReport | None, table: str, file: str) -> RowCheck | None:
    """The check of the row of `table` that points at `file` (the records page's cell)."""
    if report is None or not file:
        return None
    return next((r for r in report.rows if r.table == table and r.file == file), None)
