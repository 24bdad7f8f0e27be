"""Vietnamese first, English on request (`--lang en` or `CCHC_LANG=en`).

Every user-facing string is written as a pair, `tr("tiếng Việt", "English")`, next to
where it is used: no catalogue to drift out of step, and a reader sees both at once.

The language is a `ContextVar`: the CLI sets it once per command, a renderer can be given
its own (`with using("en"): …`), and nothing reads it at import time. Unset, it follows
`CCHC_LANG`, else Vietnamese.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Literal

from cchc_index.text import format_number

Lang = Literal["vi", "en"]
_LANG: ContextVar[Lang | None] = ContextVar("cchc_index_lang", default=None)


def choose(lang: str | None) -> Lang:
    """An explicit choice, else `CCHC_LANG`, else Vietnamese."""
    chosen = (lang or os.environ.get("CCHC_LANG") or "vi").strip().lower()[:2]
    return "en" if chosen == "en" else "vi"


def set_lang(lang: str | None) -> None:
    """Choose the language of this context (the CLI calls it once per command)."""
    _LANG.set(choose(lang))


def lang() -> Lang:
    current = _LANG.get()
    return current if current is not None else choose(None)


@contextmanager
def using(lang_: str | None) -> Iterator[Lang]:
    """Render in `lang_` inside the block (None: the current language)."""
    token = _LANG.set(choose(lang_) if lang_ is not None else lang())
    try:
        yield lang()
    finally:
        _LANG.reset(token)


def tr(vi: str, en: str) -> str:
    return en if lang() == "en" else vi


def num(value: Decimal, places: int | None = None) -> str:
    """A number as the reader's language writes it: `0,25` and `31.724`, or `0.25` and `31,724`."""
    if lang() == "en":
        if places is not None:
            return f"{value:,.{places}f}"
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return format_number(value, places)


_OS_REASONS = {
    errno.EACCES: ("không có quyền", "permission denied"),
    errno.EPERM: ("không được phép", "not permitted"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc", "read-only file system"),
    errno.ENOSPC: ("hết chỗ trên đĩa", "no space left on the disk"),
    errno.EDQUOT: ("vượt hạn mức đĩa", "disk quota exceeded"),
    errno.ENOENT: ("không tồn tại", "does not exist"),
    errno.ENOTDIR: (
        "một phần của đường dẫn không phải thư mục",
        "part of the path is not a folder",
    ),
    errno.EISDIR: ("là một thư mục", "is a folder"),
    errno.ENAMETOOLONG: ("tên quá dài", "name too long"),
    errno.ELOOP: ("vòng lặp liên kết tượng trưng", "symbolic link loop"),
    errno.EMFILE: ("mở quá nhiều tệp", "too many open files"),
    errno.ENFILE: ("mở quá nhiều tệp", "too many open files"),
    errno.ENOMEM: ("không đủ bộ nhớ", "out of memory"),
    errno.EIO: ("lỗi đọc/ghi của thiết bị", "device input/output error"),
    errno.ENXIO: (
        "không có thiết bị hay tiến trình nào ở đầu kia",
        "no device or reader at the other end",
    ),
    errno.EBUSY: ("thiết bị đang bận", "device busy"),
    errno.ETXTBSY: ("tệp đang được dùng", "file busy"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in the user's language (never the C library's English)."""
    vi, en = _OS_REASONS.get(exc.errno or 0, ("lỗi hệ thống", "system error"))
    code = errno.errorcode.get(exc.errno or 0, "")
    return tr(vi, en) + (f" ({code})" if code else "")
