"""Write a draft bundle: every file through `cchc_index.output.write_atomic` (a temporary
name inside the folder, then renamed), after everything was prepared.

Nothing is written outside the folder named by `-o`; an existing, non-empty folder is only
touched with `--force`, and then only the files the draft holds are replaced (photos,
links.csv and the like stay as they are).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from cchc_index.errors import EvidenceError, OutputExists, Problem
from cchc_index.extract.draft import COLUMNS, UNDATED_FILE, Draft
from cchc_index.i18n import tr
from cchc_index.output import write_atomic


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
        raise EvidenceError(
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
    # Everything is prepared before anything is written: a missing document or a name
    # outside the folder stops the draft with the folder untouched. Each file then goes
    # through the one output gate (write_atomic: a temporary name beside it, then renamed).
    pending: list[tuple[bytes | str, Path]] = [
        (text, root / name) for name, text in render_files(draft, origin).items()
    ]
    for source, name in draft.copies:
        target = (root / name).resolve()
        if not target.is_relative_to(root):
            raise EvidenceError([Problem(shown, 1, 1, f"'{name}' ngoài thư mục bộ minh chứng")])
        pending.append((source.read_bytes(), target))
    for content, target in pending:
        if target.is_symlink():  # a link in the folder is replaced, never written through
            target.unlink()
        write_atomic(target, content)
    return [target.relative_to(root).as_posix() for _, target in pending]
