"""What a bundle folder holds besides its data: nothing there is ignored without a word.

A near-miss name (`document.csv`), a spreadsheet (`documents.xlsx`), a `.yml` twin or a
folder where a file belongs is an error with a did-you-mean; other files are attachments.
Every `file` a table names must stay inside the bundle and match its `sha256`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from cchc_index.errors import CchcError, Problem
from cchc_index.i18n import tr
from cchc_index.readgate import read_file
from cchc_index.source import Located, shown
from cchc_index.suggest import suggest

DATA_FILES = (
    "profile.yaml",
    "documents.csv",
    "statistics.yaml",
    "links.csv",
    "photos.csv",
    "declarations.yaml",
    "appraisal.yaml",  # the appraisal rounds (load/appraisal.py)
)
# Files a tool of ours writes beside the data and that `score` does not read on purpose: a
# warning, so that their rows are not believed to count.
NOT_SCORED = {
    "van-ban-chua-co-ngay.csv": (
        "các văn bản này chưa có ngày nên không được chấm; điền ngày rồi chuyển sang documents.csv",
        "these documents have no date and are not scored; add the dates and move them to documents.csv",
    ),
}
SPREADSHEETS = {".xlsx", ".xls", ".xlsm", ".ods", ".numbers"}
_DATA_SUFFIXES = {".csv", ".yaml", ".yml", ".tsv", ".json"} | SPREADSHEETS
PLAUSIBLE_YEARS = 3  # a row dated more than this many years from the assessment year is odd
TABLES = ("documents.csv", "links.csv", "photos.csv")
MAX_HASHED_BYTES = 500_000_000  # a file whose sha256 is checked (a scanned PDF is ~50 MB)


_STEMS = {Path(name).stem: name for name in DATA_FILES}
Listing = dict[str, os.DirEntry[str]]


def _has_rows(path: Path) -> bool:
    """Whether a table beside the data holds a row under its header (`extract` writes its
    list of undated documents even when empty, so that a redraft keeps no stale rows)."""
    try:
        data = read_file(path, shown(path))
    except CchcError:
        return True  # unreadable or too big: say it is there, as before
    return len([line for line in data.splitlines() if line.strip()]) > 1


def listing(folder: Path) -> Listing | None:
    """The folder's entries by name, from one system call; None when it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name: entry for entry in entries}
    except OSError:
        return None


def has_file(folder: Path, name: str, entries: Listing | None) -> bool:
    """Whether `name` is a regular file of the folder, asked of its listing (no `stat` for
    each file a bundle may hold); a name found only in another case is asked of the file
    system itself, which may ignore case (Windows, macOS)."""
    if entries is None:
        return (folder / name).is_file()
    entry = entries.get(name)
    if entry is None:
        folded = name.casefold()
        return any(n.casefold() == folded for n in entries) and (folder / name).is_file()
    try:
        return entry.is_file()
    except OSError:
        return False


def stray_files(
    folder: Path, warnings: list[Problem] | None = None, entries: Listing | None = None
) -> list[Problem]:
    """Entries of the bundle folder that look like data but that the loader would not read
    (errors); files written by our tools and not scored on purpose go to `warnings`."""
    problems: list[Problem] = []
    found = entries if entries is not None else listing(folder)
    names = sorted(found) if found is not None else sorted(p.name for p in folder.iterdir())
    for name in names:
        entry = folder / name
        if name.startswith(".") or name.startswith("~$"):  # hidden, or Office's lock files
            continue
        if name in DATA_FILES:
            if not has_file(folder, name, found):
                problems.append(
                    _at(
                        entry,
                        tr(
                            f"'{name}' phải là một tệp thường, không phải thư mục, ống hay thiết bị",
                            f"'{name}' must be a regular file, not a folder, pipe or device",
                        ),
                    )
                )
            continue
        if name in NOT_SCORED:
            if warnings is not None and _has_rows(entry):
                warnings.append(_at(entry, tr(*NOT_SCORED[name])))
            continue
        suffix = entry.suffix.lower()
        if suffix not in _DATA_SUFFIXES or not has_file(folder, name, found):
            continue  # an attachment, or a folder of attachments
        stem = entry.stem.lower()
        if stem in _STEMS and suffix in SPREADSHEETS:
            message = tr(
                f"'{name}' là bảng tính: hãy lưu thành {_STEMS[stem]} (Excel: Lưu thành → \"CSV UTF-8\")",
                f"'{name}' is a spreadsheet: save it as {_STEMS[stem]} (Excel: Save As → \"CSV UTF-8\")",
            )
        elif stem in _STEMS:
            message = tr(
                f"tệp '{name}' không được đọc; hãy đổi tên thành {_STEMS[stem]}",
                f"'{name}' is not read; rename it to {_STEMS[stem]}",
            )
        else:
            hint = suggest(name, DATA_FILES) or suggest(entry.stem, list(_STEMS))
            message = tr(
                f"tệp '{name}' không được đọc: bộ minh chứng chỉ đọc {', '.join(DATA_FILES)}{hint}",
                f"'{name}' is not read: a bundle reads only {', '.join(DATA_FILES)}{hint}",
            )
        problems.append(_at(entry, message))
    return problems


def _at(entry: Path, message: str) -> Problem:
    return Problem(shown(entry), 1, 1, message)


def check_files(folder: Path, src: Located | None, items: list[Any]) -> list[Problem]:
    """Every `file` must stay inside the bundle folder; a given sha256 must match."""
    problems: list[Problem] = []
    if src is None or all(item.file is None for item in items):
        return problems
    root = folder.resolve()
    for index, item in enumerate(items):
        if item.file is None:
            continue
        target = (folder / item.file).resolve()
        if not target.is_relative_to(root) or Path(item.file).is_absolute():
            problems.append(
                src.problem(
                    (index, "file"),
                    tr(
                        f"tệp '{item.file}' nằm ngoài thư mục bộ minh chứng",
                        f"file '{item.file}' is outside the bundle folder",
                    ),
                )
            )
        elif item.sha256 is not None and target.is_file():
            if target.stat().st_size > MAX_HASHED_BYTES:
                problems.append(
                    src.problem(
                        (index, "file"),
                        tr(
                            f"tệp '{item.file}' quá lớn để kiểm tra sha256",
                            f"file '{item.file}' is too large to check its sha256",
                        ),
                    )
                )
                continue
            digest = _sha256(target)
            if digest != item.sha256.lower():
                problems.append(
                    src.problem(
                        (index, "sha256"),
                        tr(
                            f"sha256 của '{item.file}' không khớp (tệp có {digest[:12]}…)",
                            f"sha256 of '{item.file}' does not match (file has {digest[:12]}…)",
                        ),
                    )
                )
        elif item.sha256 is not None:
            problems.append(
                src.problem(
                    (index, "file"),
                    tr(
                        f"không tìm thấy tệp '{item.file}' để kiểm tra sha256",
                        f"file '{item.file}' not found to check its sha256",
                    ),
                )
            )
    return problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def date_warnings(
    files: dict[str, Located], rows: dict[str, tuple[Any, ...]], year: int
) -> list[Problem]:
    """Rows dated more than PLAUSIBLE_YEARS from the assessment year: most likely a typo
    (1899, 9999), a warning located at its cell."""
    warnings: list[Problem] = []
    for table in TABLES:
        src = files.get(table)
        if src is None:
            continue
        for index, row in enumerate(rows.get(table, ())):
            date = getattr(row, "date", None)
            if date is None or abs(date.year - year) <= PLAUSIBLE_YEARS:
                continue
            warnings.append(
                src.problem(
                    (index, "date"),
                    tr(
                        f"ngày {date:%d/%m/%Y} cách năm đánh giá {year} quá {PLAUSIBLE_YEARS} năm: có gõ nhầm năm không?",
                        f"date {date:%d/%m/%Y} is more than {PLAUSIBLE_YEARS} years from assessment year {year}: a typo in the year?",
                    ),
                )
            )
    return warnings
