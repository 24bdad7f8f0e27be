"""Write a draft bundle: every file to a temporary name inside the folder, then renamed.

Nothing is written outside the folder named by `-o`; an existing, non-empty folder is only
touched with `--force`, and then only the files the draft holds are replaced (photos,
links.csv and the like stay as they are).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

import yaml

from cchc_index.errors import EvidenceError, OutputError, OutputExists, Problem
from cchc_index.extract.draft import COLUMNS, UNDATED_FILE, Draft
from cchc_index.i18n import tr
from cchc_index.output import current


def render_files(draft: Draft, origin: str) -> dict[str, str]:
    """The text of profile.yaml, documents.csv and statistics.yaml; documents cited with
    no date in a CSV of their own, and the notes to check in kiem-tra.txt."""
    banner = f"# Bản nháp do `cchc-index extract` tạo từ {origin}; hãy kiểm tra trước khi dùng.\n"
    stats = _yaml(draft.statistics) if draft.statistics else "{}\n"
    files = {
        "profile.yaml": banner + _yaml(draft.profile),
        "documents.csv": _csv(draft.documents),
        "statistics.yaml": banner + stats,
    }
    # Always written, so that a redrafted folder (--force) keeps no stale notes.
    files[UNDATED_FILE] = _csv(draft.undated)
    nothing = tr("(không có gì cần kiểm tra thêm)", "(nothing more to check)")
    files[REVIEW_FILE] = "".join(f"- {w}\n" for w in draft.warnings) or nothing + "\n"
    return files


REVIEW_FILE = "kiem-tra.txt"


def _csv(rows: list[dict[str, str]]) -> str:
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return table.getvalue()


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_draft(folder: Path, draft: Draft, origin: str, *, force: bool = False) -> list[str]:
    """Write the draft into `folder`; return the names written, relative to it."""
    shown = str(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    tr("đã có một tệp trùng tên thư mục này", "a file of that name already exists"),
                )
            ]
        )
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise OutputExists(
            [
                Problem(
                    shown,
                    1,
                    1,
                    tr(
                        "thư mục đã có dữ liệu; dùng --force để ghi đè profile.yaml, "
                        "documents.csv, statistics.yaml",
                        "the folder is not empty; use --force to overwrite profile.yaml, "
                        "documents.csv, statistics.yaml",
                    ),
                )
            ]
        )
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    pending: list[tuple[str, Path]] = []
    try:
        for name, text in render_files(draft, origin).items():
            pending.append((_temp_text(root, text), root / name))
        for source, name in draft.copies:
            target = (root / name).resolve()
            if not target.is_relative_to(root):
                raise EvidenceError([Problem(shown, 1, 1, f"'{name}' ngoài thư mục bộ minh chứng")])
            target.parent.mkdir(parents=True, exist_ok=True)
            pending.append((_temp_copy(source, target.parent), target))
        gate = current()
        for _, target in pending:
            gate.check(target)  # never onto the report, a compared bundle, a documents folder
        for temp, target in pending:
            os.replace(temp, target)
    except BaseException:
        for temp, _ in pending:
            Path(temp).unlink(missing_ok=True)
        raise
    return [target.relative_to(root).as_posix() for _, target in pending]


def _mkstemp(folder: Path) -> tuple[int, str]:
    """A temporary file with the permissions a plain new file would get (not 0600)."""
    fd, temp = tempfile.mkstemp(prefix=".draft-", dir=folder)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temp, 0o666 & ~mask)
    return fd, temp


def _temp_text(folder: Path, text: str) -> str:
    fd, temp = _mkstemp(folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp


def _temp_copy(source: Path, folder: Path) -> str:
    fd, temp = _mkstemp(folder)
    try:
        with os.fdopen(fd, "wb") as handle, source.open("rb") as original:
            shutil.copyfileobj(original, handle)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp
