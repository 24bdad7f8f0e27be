"""What every command shares: the language option and the one place errors become exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
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
