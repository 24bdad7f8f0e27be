"""Bytes of a text file → text: size limit, encodings, control characters, all located.

UTF-8 (with or without Excel's BOM) and UTF-16 with its BOM are read; any other encoding is
refused at the line and column of its first bad byte with the advice to save as UTF-8.
Control characters (ANSI escapes and the like) are refused at their line, named.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cchc_index.errors import Problem, SourceError
from cchc_index.i18n import os_reason, tr
from cchc_index.text import control_chars, may_hold_controls

MAX_BYTES = 5_000_000  # a rule or bundle YAML file; the largest real one is ~60 kB
MAX_TABLE_BYTES = 20_000_000  # a CSV table (~250 bytes a row: 80.000 rows; a commune has < 1.000)


def read_text(path: Path, shown: str, *, limit: int = MAX_BYTES) -> str:
    """Read a text file: UTF-8 (an Excel BOM is fine) or UTF-16 with its BOM; refuse a file
    over `limit` bytes, one in another encoding (at the line of the first bad byte) and
    control characters (at their line, named)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise SourceError(
                [
                    Problem(
                        shown,
                        1,
                        1,
                        tr(
                            "không phải tệp thường (thư mục, ống hay thiết bị); không đọc",
                            "not a regular file (a folder, pipe or device); not read",
                        ),
                    )
                ]
            )
        size = info.st_size
        if size > limit:
            raise SourceError([Problem(shown, 1, 1, _too_big(size, limit))])
        data = _read(path, shown, limit)
    except OSError as exc:
        raise SourceError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    tr(
                        f"không đọc được tệp: {os_reason(exc)}",
                        f"cannot read the file: {os_reason(exc)}",
                    ),
                )
            ]
        ) from exc
    return decode(data, shown)


def _read(path: Path, shown: str, limit: int) -> bytes:
    """The file's bytes by the system calls themselves (no buffered file object: a bundle
    reads four small files each time); a file grown past `limit` since `stat` is refused."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise SourceError([Problem(shown, 1, 1, _too_big(total, limit))])
        return b"".join(chunks)
    finally:
        os.close(fd)


def decode(data: bytes, shown: str) -> str:
    """Bytes of a text file as text, or a SourceError located at the first bad byte."""
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if utf16:  # UTF-16 with its BOM: unambiguous
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError([_bad_byte(data, exc, shown)]) from exc
    else:
        head = data[:200]
        if len(head) >= 8 and head.count(b"\x00") * 3 >= len(head):  # every other byte zero
            message = tr(
                'tệp có vẻ là UTF-16 không có BOM; hãy lưu lại dạng UTF-8 (Excel: "CSV UTF-8")',
                'the file looks like UTF-16 without a BOM; save it again as UTF-8 (Excel: "CSV UTF-8")',
            )
            raise SourceError([Problem(shown, 1, 1, message)])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError([_bad_byte(data, exc, shown)]) from exc
    found = control_chars(text) if utf16 or may_hold_controls(data) else []
    if found:
        raise SourceError([_control(text, offset, char, shown) for offset, char in found[:5]])
    return text


def _bad_byte(data: bytes, exc: UnicodeDecodeError, shown: str) -> Problem:
    start = (
        exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        if exc.encoding.startswith("utf-8")
        else exc.start
    )
    line = data.count(b"\n", 0, start) + 1
    col = start - (data.rfind(b"\n", 0, start) + 1) + 1
    guess = ""
    if b"\x00" in data[:200]:
        guess = tr(" (có vẻ là UTF-16 không có BOM)", " (looks like UTF-16 without a BOM)")
    else:
        guess = tr(
            " (có vẻ là Windows-1258/1252 hay TCVN3)", " (looks like Windows-1258/1252 or TCVN3)"
        )
    return Problem(
        shown,
        line,
        col,
        tr(
            f'tệp không phải UTF-8: byte 0x{data[start]:02X} không hợp lệ{guess}; hãy lưu lại dạng UTF-8 (Excel: "CSV UTF-8")',
            f'the file is not UTF-8: invalid byte 0x{data[start]:02X}{guess}; save it again as UTF-8 (Excel: "CSV UTF-8")',
        ),
    )


def _control(text: str, offset: int, char: str, shown: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    code = f"U+{ord(char):04X}"
    return Problem(
        shown,
        line,
        col,
        tr(
            f"ký tự điều khiển {code} không được có trong dữ liệu (thường do chép từ terminal hay trang web); hãy xóa",
            f"control character {code} is not allowed in data (often pasted from a terminal or a web page); remove it",
        ),
    )


def _too_big(size: int, limit: int) -> str:
    size_mb, limit_mb = f"{size / 1_000_000:.1f}", f"{limit / 1_000_000:.1f}"
    return tr(
        f"tệp quá lớn: {size_mb.replace('.', ',')} MB (tối đa {limit_mb.replace('.', ',')} MB)",
        f"the file is too large: {size_mb} MB (at most {limit_mb} MB)",
    )
