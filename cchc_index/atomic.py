"""The mechanics of writing one file so that nothing is ever destroyed and no reader sees
half of it (the run's checks of *what* may be written are `cchc_index.output`'s gate).

A regular file is replaced in one step (temporary file beside it, then rename), keeping its
permissions; through a symbolic link, the file it points to is replaced and the link kept. A
terminal, `/dev/null` or a FIFO with a reader is written *through*,
never replaced by a regular file; a block device, another character device (`/dev/mem`), a
socket or a FIFO nobody reads is refused.
Refusals of the machine (permissions, a full disk) are `EnvironmentProblem`s (exit 6).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from cchc_index.errors import EnvironmentProblem, OutputError
from cchc_index.i18n import os_reason, tr

_HARMLESS = {(1, 3), (1, 5), (1, 7)}  # /dev/null, /dev/zero, /dev/full
_USER_ERRNOS = {errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.ELOOP, errno.ENXIO}


def write_file(path: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` without ever destroying a special file.
    Unchecked: callers go through `cchc_index.output` (the gate), never here directly."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        mode = path.stat().st_mode  # follows a symbolic link
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _refused(path, exc) from exc
    try:
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError([], tr(f"{path}: là một thư mục", f"{path}: is a folder"))
        if mode is not None and not stat.S_ISREG(mode):
            _write_through(path, mode, data)
        else:
            _replace(path.resolve() if path.is_symlink() else path, data, mode)
    except OSError as exc:
        raise _refused(path, exc) from exc


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        if mode is None:
            mask = os.umask(0)
            os.umask(mask)
            os.fchmod(fd, 0o666 & ~mask)  # mkstemp makes 0600; a report is an ordinary file
        else:
            os.fchmod(fd, stat.S_IMODE(mode))  # a replaced file keeps its permissions
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: Path, mode: int, data: bytes) -> None:
    if stat.S_ISFIFO(mode):
        # Non-blocking open fails at once (ENXIO) when nobody reads, instead of hanging.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
    elif stat.S_ISCHR(mode):
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
        rdev = os.fstat(fd).st_rdev
        if not os.isatty(fd) and (os.major(rdev), os.minor(rdev)) not in _HARMLESS:
            os.close(fd)  # /dev/mem, /dev/kmsg and the like: a report has no business there
            raise OutputError(
                [],
                tr(
                    f"{path}: là thiết bị ký tự không phải terminal; không ghi kết quả vào đó",
                    f"{path}: is a character device, not a terminal; not writing a report there",
                ),
            )
    else:
        kind = (
            tr("thiết bị khối", "block device")
            if stat.S_ISBLK(mode)
            else tr("tệp đặc biệt", "special file")
        )
        raise OutputError(
            [],
            tr(
                f"{path}: là {kind}; không ghi kết quả vào đó",
                f"{path}: is a {kind}; not writing a report there",
            ),
        )
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _refused(path: Path, exc: OSError) -> EnvironmentProblem | OutputError:
    message = tr(
        f"không ghi được {path}: {os_reason(exc)}", f"cannot write {path}: {os_reason(exc)}"
    )
    if exc.errno in _USER_ERRNOS:
        return OutputError([], message)
    return EnvironmentProblem([], message)
