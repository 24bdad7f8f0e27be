"""What every command shares: the language option and the one place errors become exit codes."""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from cchc_index.cli import click_vi
from cchc_index.errors import CchcError, ExitCode, Problem
from cchc_index.i18n import os_reason, set_lang, tr
from cchc_index.output import write_atomic
from cchc_index.text import safe_text

F = TypeVar("F", bound=Callable[..., Any])
click_vi.install()  # before any command builds (and caches) its help option
MAX_SHOWN = 200  # located problems printed; the count is always the full one


def lang_in_argv(argv: list[str]) -> str | None:
    """`--lang en` anywhere on the command line: help texts are built at import time."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


_ENVIRONMENT_ERRNOS = {
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ENOSPC,
    errno.EDQUOT,
    errno.EMFILE,
    errno.ENFILE,
    errno.ENOMEM,
    errno.EIO,
}


def interrupted() -> NoReturn:
    """Ctrl-C: a short line and 130 (128 + SIGINT), never click's English "Aborted!"."""
    click.echo(tr("\nĐã dừng (Ctrl-C).", "\nStopped (Ctrl-C)."), err=True)
    sys.exit(ExitCode.INTERRUPTED)


def _broken_pipe() -> NoReturn:
    # The reader went away (`| head`): nothing to say, and nothing more can be flushed.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(ExitCode.BROKEN_PIPE)


def _environment(exc: BaseException) -> NoReturn:
    if isinstance(exc, MemoryError):
        what = tr("không đủ bộ nhớ", "out of memory")
    else:
        assert isinstance(exc, OSError)
        name = f" ({exc.filename})" if exc.filename else ""
        what = f"{os_reason(exc)}{name}"
    click.echo(
        tr(
            f"Lỗi môi trường (máy, ổ đĩa, quyền), không phải lỗi dữ liệu: {what}",
            f"Environment problem (machine, disk, permissions), not a data error: {what}",
        ),
        err=True,
    )
    sys.exit(ExitCode.ENVIRONMENT)


class OutputFile(click.Path):
    """A `-o FILE` option: the run's output gate checks it before the command runs."""

    role = "output"

    def __init__(self) -> None:
        super().__init__(path_type=Path, dir_okay=False)


class OutputFolder(click.Path):
    """A `-o FOLDER` option: never an input, inside one, or holding one."""

    role = "output-folder"

    def __init__(self, file_okay: bool = False) -> None:
        super().__init__(path_type=Path, file_okay=file_okay)


class Database(click.Path):
    """A `--db FILE` option: the results database, read and written; no output goes there."""

    role = "database"

    def __init__(self) -> None:
        super().__init__(path_type=Path, dir_okay=False)


class Workspace(click.Path):
    """The folder `serve` works in: the only place the web may write."""

    role = "workspace"

    def __init__(self) -> None:
        super().__init__(path_type=Path, file_okay=False, exists=True)


class DataDir(click.Path):
    """A province server's deployment folder (`server … DATA_DIR`): its store and files, the
    only place its commands write; it need not exist before `server init`."""

    role = "workspace"

    def __init__(self) -> None:
        super().__init__(path_type=Path, file_okay=False)


ROLES = ("input", "output", "output-folder", "database", "workspace")


def role_of(param: click.Parameter) -> str | None:
    """What a parameter's paths are to the output gate; None for a parameter of no path."""
    if not isinstance(param.type, click.Path):
        return None
    return str(getattr(param.type, "role", "input"))


def run_gate(ctx: click.Context | None) -> Any:
    """The output gate of the command about to run, built from its path parameters (every
    plain `click.Path` is an input); its outputs are checked at once (exit 2)."""
    from cchc_index.output import OutputGate

    gate = OutputGate()
    if ctx is None:
        return gate
    checks: list[tuple[str, Path]] = []
    for param in ctx.command.params:
        role = role_of(param)
        value = ctx.params.get(param.name or "")
        if role is None or value is None:
            continue
        values = [v for v in (value if isinstance(value, (tuple, list)) else [value]) if v]
        if role == "input":
            gate.add_input(*values)
        elif role == "database":
            gate.database = values[0] if values else None
        elif role == "workspace":
            gate.within = values[0] if values else None
        checks.extend((role, Path(v)) for v in values)
    for role, path in checks:
        if role == "output":
            gate.check(path)
        elif role == "output-folder":
            gate.check_folder(path)
        elif role == "database":
            gate.check_database(path)
    return gate


def reports_errors(func: F) -> F:
    """The one place errors become exit codes: every command is wrapped by it.

    A CchcError prints its located problems and exits with its class's code; the machine's
    refusals (permissions, full disk, memory) exit 6; Ctrl-C exits 130; anything else is a bug
    of ours: a plain message and 5 (CCHC_DEBUG=1 shows the traceback).
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from cchc_index.output import run

        try:
            with run(run_gate(click.get_current_context(silent=True))):
                return func(*args, **kwargs)
        except CchcError as exc:
            lines = exc.lines()
            for line in lines[:MAX_SHOWN]:
                click.echo(safe_text(line), err=True)
            if len(lines) > MAX_SHOWN:  # a table of 80.000 bad rows: the first ones say enough
                more = len(lines) - MAX_SHOWN
                click.echo(tr(f"… và {more} lỗi nữa", f"… and {more} more"), err=True)
            if exc.problems:
                count = len(exc.problems)
                click.echo(tr(f"{count} lỗi.", f"{count} problem(s)."), err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except (KeyboardInterrupt, click.exceptions.Abort):
            interrupted()
        except BrokenPipeError:
            _broken_pipe()
        except OSError as exc:
            if exc.errno not in _ENVIRONMENT_ERRNOS or os.environ.get("CCHC_DEBUG"):
                return _internal(exc)
            _environment(exc)
        except MemoryError as exc:
            _environment(exc)
        except Exception as exc:  # a bug of ours: say so plainly, never a bare traceback
            _internal(exc)

    return wrapper  # type: ignore[return-value]


def _internal(exc: Exception) -> NoReturn:
    if os.environ.get("CCHC_DEBUG"):
        raise exc
    click.echo(
        tr(
            f"Lỗi nội bộ của cchc-index (hãy báo lại, kèm lệnh đã chạy): {type(exc).__name__}: {exc}",
            f"Internal error in cchc-index (please report it with the command): {type(exc).__name__}: {exc}",
        ),
        err=True,
    )
    sys.exit(ExitCode.INTERNAL)


class Group(click.Group):
    """The command group: click's own failures (usage, Ctrl-C outside a command, a closed
    pipe) take the same exit codes and language as everything else. Output is plain text
    (click strips styles) when it is not a terminal, and when NO_COLOR is set."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        click_vi.install()
        if os.environ.get("NO_COLOR"):  # https://no-color.org: plain text even on a terminal
            extra.setdefault("color", False)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except (KeyboardInterrupt, click.exceptions.Abort):
            interrupted()
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            _broken_pipe()
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None or ctx.parent is None:  # the group resets; a command only overrides
        set_lang(value)
    return value


LANG = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    callback=_lang,
    expose_value=False,
    is_eager=True,
    help=tr(
        "Ngôn ngữ (mặc định: vi, hoặc biến CCHC_LANG).", "Language (default: vi, or CCHC_LANG)."
    ),
)


ENGINE = click.option(
    "--engine",
    type=click.Choice(["durable", "reference"]),
    default="durable",
    show_default=True,
    help=tr(
        "Bộ máy chấm: durable_rules, hoặc bản tham chiếu thuần Python.",
        "Engine: durable_rules, or the pure-Python reference.",
    ),
)
JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    default=None,
    help=tr(
        "Số tiến trình, mỗi tiến trình một số đơn vị (mặc định: số lõi).",
        "Worker processes, each taking some of the units (default: the cores).",
    ),
)
RULES = click.option(
    "--rules",
    "rules",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr(
        "Thư mục bộ chỉ số; mặc định lấy theo 'framework' trong profile.yaml.",
        "Framework folder; by default the one named in profile.yaml.",
    ),
)
RULES_DIR = click.option(
    "--rules-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr(
        "Nơi tìm bộ chỉ số theo tên, trước ./rules, thư mục của người dùng và bộ chỉ số cài kèm gói.",
        "Where frameworks are looked up by id, before ./rules, the user's folder and the shipped ones.",
    ),
)
OUTPUT = click.option(
    "--output",
    "-o",
    type=OutputFile(),
    default=None,
    help=tr("Ghi ra tệp (ghi nguyên vẹn, không dở dang).", "Write to a file (atomically)."),
)


def emit(text: str | bytes, output: Path | None) -> None:
    """Print `text`, or write it to `output` (atomically, never over a special file)."""

    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            click.echo(safe_text(text), nl=False)
    else:
        write_atomic(output, text)
        click.echo(tr(f"Đã ghi {output}", f"Wrote {output}"), err=True)


def warn(warnings: Iterable[Problem]) -> None:
    """Located warnings on stderr: they never change the exit code."""
    for problem in warnings:
        click.echo(safe_text(tr("cảnh báo: ", "warning: ") + problem.format()), err=True)
