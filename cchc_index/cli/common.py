"""What every command shares: the language option and the one place errors become exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cchc_index.errors import CchcError, EngineError, ExitCode
from cchc_index.i18n import set_lang, tr

F = TypeVar("F", bound=Callable[..., Any])


def lang_in_argv(argv: list[str]) -> str | None:
    """`--lang en` anywhere on the command line: help texts are built at import time."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def reports_errors(func: F) -> F:
    """Print the located problems of a CchcError to stderr and exit with its code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CchcError as exc:
            for problem in exc.problems:
                click.echo(problem.format(), err=True)
            click.echo(
                tr(f"{len(exc.problems)} lỗi.", f"{len(exc.problems)} problem(s)."), err=True
            )
            sys.exit(exc.exit_code)
        except EngineError as exc:
            click.echo(
                tr(
                    f"Lỗi bộ máy chấm điểm (hãy báo lại): {exc}",
                    f"Engine failure (please report): {exc}",
                ),
                err=True,
            )
            sys.exit(ExitCode.INTERNAL)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug of ours: say so plainly, never a bare traceback
            if os.environ.get("CCHC_DEBUG"):
                raise
            click.echo(
                tr(
                    f"Lỗi nội bộ của cchc-index (hãy báo lại, kèm lệnh đã chạy): {type(exc).__name__}: {exc}",
                    f"Internal error in cchc-index (please report it with the command): {type(exc).__name__}: {exc}",
                ),
                err=True,
            )
            sys.exit(ExitCode.INTERNAL)

    return wrapper  # type: ignore[return-value]


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
    default=Path("rules"),
    show_default=True,
    help=tr("Nơi tìm bộ chỉ số theo tên.", "Where frameworks are looked up by id."),
)
OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=tr("Ghi ra tệp (ghi nguyên vẹn, không dở dang).", "Write to a file (atomically)."),
)


def emit(text: str | bytes, output: Path | None) -> None:
    from cchc_index.output import write_atomic

    if output is None:
        assert isinstance(text, str)
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(tr(f"Đã ghi {output}", f"Wrote {output}"), err=True)
