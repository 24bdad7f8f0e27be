"""The reader gate: the one guarded opener every reader of a user's file goes through.

Whatever the format (YAML, CSV, Markdown, XLSX, DOCX, ODS, PDF, an image), a file is read
only when it is a regular file under its size limit; an Office file (a ZIP) only when its
parts are few enough and unpack to a bounded size, read from the archive's own directory
before anything is decompressed (Python's zipfile then never inflates a part past the size
it declares, so a lying header cannot inflate either); a file protected by a password is
named so, not called damaged. Cell texts are bounded and free of control characters.
The limits are those `extract` has always documented (README "extract"):

    read_file(path, shown)                     # bytes, or a located SourceError (exit 4)
    check_office(data, shown, ".xlsx")         # parts, unpacked size, password
    check_cells([("Sheet1!B7", text), ...], shown)  # control characters, overlong cells
    decode(data, shown)                        # UTF-8 (BOM or not), UTF-16 with its BOM

Text files keep their own reader (`cchc_index.textfile`, same messages); this module adds
what binary formats need.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path

from cchc_index.errors import Problem, SourceError
from cchc_index.i18n import os_reason, tr
from cchc_index.text import control_chars
from cchc_index.textfile import decode

__all__ = [
    "MAX_CELL",
    "MAX_FILE_BYTES",
    "MAX_PARTS",
    "MAX_PDF_PAGES",
    "MAX_TABLE_UNPACKED",
    "MAX_UNPACKED",
    "check_cells",
    "check_office",
    "decode",
    "encrypted",
    "read_file",
]

MAX_FILE_BYTES = 200 * 1024 * 1024  # a document or table file as stored
MAX_UNPACKED = 300_000_000  # a 200-page report with photos unpacks to ~30 MB
MAX_TABLE_UNPACKED = 100_000_000  # a framework table or working workbook: < 5 MB in practice
MAX_PARTS = 5_000
MAX_PDF_PAGES = 2_000
MAX_CELL = 32_767  # Excel's own limit for a cell

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _fail(shown: str, vi: str, en: str, line: int = 1, col: int = 1) -> SourceError:
    return SourceError([Problem(shown, line, col, tr(vi, en))])


def read_file(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a located error otherwise."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _fail(shown, "đây là thư mục, không phải tệp", "this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise _fail(
                shown,
                "không phải tệp thường (ống hay thiết bị); không đọc",
                "not a regular file (a pipe or device); not read",
            )
        if info.st_size > limit:
            raise _fail(shown, *_too_big(info.st_size, limit))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise _fail(shown, "không tìm thấy tệp", "file not found") from None
    except OSError as exc:
        raise _fail(
            shown,
            f"không đọc được tệp: {os_reason(exc)}",
            f"cannot read the file: {os_reason(exc)}",
        ) from None
    if len(data) > limit:  # grown since `stat`
        raise _fail(shown, *_too_big(len(data), limit))
    return data


def _too_big(size: int, limit: int) -> tuple[str, str]:
    size_mb, limit_mb = f"{size / 1_000_000:.1f}", f"{limit / 1_000_000:.1f}"
    return (
        f"tệp quá lớn: {size_mb.replace('.', ',')} MB (tối đa {limit_mb.replace('.', ',')} MB)",
        f"the file is too large: {size_mb} MB (at most {limit_mb} MB)",
    )


def encrypted(data: bytes) -> bool:
    """An Office file saved with a password (an OLE container holding `EncryptedPackage`),
    or a PDF with an encryption dictionary."""
    if data.startswith(_OLE):
        return _ENCRYPTED_PACKAGE in data
    return data.startswith(b"%PDF-") and b"/Encrypt" in data[-65536:]


def refuse_password(shown: str) -> SourceError:
    return _fail(
        shown,
        "tệp được bảo vệ bằng mật khẩu (mã hóa); hãy mở bằng Word/Excel, bỏ mật khẩu rồi lưu lại",
        "the file is protected by a password (encrypted); open it in Word/Excel, remove the "
        "password and save again",
    )


def check_office(data: bytes, shown: str, suffix: str, unpacked: int = MAX_UNPACKED) -> None:
    """Refuse an Office file (.docx, .xlsx, .ods) that has a password, too many parts, or
    parts that unpack past `unpacked` bytes: from the archive's directory, nothing inflated."""
    if data.startswith(_OLE) and _ENCRYPTED_PACKAGE in data:
        raise refuse_password(shown)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = set(archive.namelist())
    except Exception:  # BadZipFile, but also EOFError, ValueError… on damaged archives
        raise _fail(
            shown, f"tệp {suffix} bị hỏng (không mở được)", f"broken {suffix} file"
        ) from None
    if any(m.flag_bits & 0x1 for m in members) or (
        "META-INF/manifest.xml" in names and _ods_encrypted(data)
    ):
        raise refuse_password(shown)
    total = sum(m.file_size for m in members)
    if len(members) > MAX_PARTS or total > unpacked:
        # a "zip bomb": a few kB that unpack to gigabytes; the parsers would read it all
        raise _fail(
            shown,
            f"tệp {suffix} giải nén quá lớn ({total // 1_000_000} MB, {len(members)} phần; "
            f"tối đa {unpacked // 1_000_000} MB, {MAX_PARTS} phần)",
            f"the {suffix} unpacks too large ({total // 1_000_000} MB, {len(members)} parts; "
            f"at most {unpacked // 1_000_000} MB, {MAX_PARTS} parts)",
        )


def _ods_encrypted(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("META-INF/manifest.xml")
            if info.file_size > 1_000_000:
                return False
            return b"encryption-data" in archive.read(info)
    except Exception:
        return False


def check_cells(cells: Iterable[tuple[str, str]], shown: str) -> None:
    """Refuse (every one, located by its place) cells with a control character or over
    `MAX_CELL` characters."""
    problems: list[Problem] = []
    for place, text in cells:
        if len(text) > MAX_CELL:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    tr(
                        f"{place}: ô dài {len(text)} ký tự (tối đa {MAX_CELL})",
                        f"{place}: the cell is {len(text)} characters long (at most {MAX_CELL})",
                    ),
                )
            )
        found = control_chars(text)
        if found:
            code = f"U+{ord(found[0][1]):04X}"
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    tr(
                        f"{place}: ký tự điều khiển {code} không được có trong dữ liệu; hãy xóa",
                        f"{place}: control character {code} is not allowed in data; remove it",
                    ),
                )
            )
        if len(problems) >= 50:
            break
    if problems:
        raise SourceError(problems)
