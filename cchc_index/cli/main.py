"""The `cchc-index` group: the language first (click builds help texts when commands are
defined), then every command registered from its own module, imported when it is used."""

from __future__ import annotations

import gc
import importlib
import os
import sys

# pydantic looks for installed plugins through importlib.metadata on its first model; this
# tool uses none. Set before anything imports pydantic (docs/performance-notes.md).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import click

from cchc_index.cli.common import LANG, Group, lang_in_argv, reports_errors
from cchc_index.i18n import lang, set_lang, tr, using

set_lang(lang_in_argv(sys.argv))
HELP_LANG = lang()  # every command's help texts are built in it, whenever it is imported

# name → (module, attribute). A command's module is imported when the command runs or help
# lists it: `score` does not load the other commands' modules.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("cchc_index.cli.rules", "validate"),
    "test": ("cchc_index.cli.rules", "test_cmd"),
    "score": ("cchc_index.cli.score", "score"),
    "check": ("cchc_index.cli.score", "check"),
    "explain": ("cchc_index.cli.score", "explain"),
    "plan": ("cchc_index.cli.plan", "plan"),
    "batch": ("cchc_index.cli.batch", "batch"),
    "results": ("cchc_index.cli.batch", "results"),
    "bench": ("cchc_index.cli.bench", "bench"),
    "extract": ("cchc_index.cli.extract", "extract_command"),
    "extract-eval": ("cchc_index.cli.extract", "extract_eval_command"),
    "import-framework": ("cchc_index.cli.framework_import", "import_framework"),
    "diff": ("cchc_index.cli.review", "diff_command"),
    "appraise": ("cchc_index.cli.review", "appraise"),
    "serve": ("cchc_index.cli.serve", "serve"),
    "submit": ("cchc_index.cli.submissions", "submit"),
    "history": ("cchc_index.cli.submissions", "history"),
    "samples": ("cchc_index.cli.samples", "samples"),
    "init-framework-repo": ("cchc_index.cli.cikit", "init_framework_repo"),
    "schema": ("cchc_index.cli.schema", "schema"),
    "survey": ("cchc_index.cli.survey", "survey"),
    "carry": ("cchc_index.cli.carry", "carry"),
    "verify": ("cchc_index.cli.verify", "verify"),
    "binder": ("cchc_index.cli.verify", "binder"),
    "verify-eval": ("cchc_index.cli.verify", "verify_eval"),
    "server": ("cchc_index.cli.server", "server"),
}


class LazyGroup(Group):
    """The group, its commands imported on first use (`COMMANDS`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            with using(HELP_LANG):
                command = getattr(importlib.import_module(module), attribute)
                # click builds (and keeps) the -h option on a command's first run: build it
                # now, in the help language, whatever `--lang` that first run is given
                command.get_help_option(ctx)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=tr(
        "Chấm điểm Chỉ số cải cách hành chính (PAR Index): tự đánh giá, kiểm tra minh chứng, kiểm tra bộ chỉ số.\n\n"
        "Mã thoát: 0 tốt; 1 có ca kiểm thử sai hoặc còn thiếu minh chứng; 2 sai cú pháp lệnh; "
        "3 tệp bộ chỉ số sai; 4 bộ minh chứng hoặc tài liệu đầu vào sai; 5 lỗi của cchc-index; "
        "6 lỗi môi trường (không ghi được, hết chỗ đĩa); 7 batch xong nhưng có bộ minh chứng lỗi; 130 dừng bằng Ctrl-C; 141 ống ra bị đóng.",
        "Score the Public Administration Reform index (PAR Index): self-assessment, evidence checks, rule-file checks.\n\n"
        "Exit codes: 0 ok; 1 a rule case failed or evidence is missing; 2 bad command line; "
        "3 invalid rule files; 4 invalid evidence bundle or input document; 5 a bug in cchc-index; "
        "6 environment problem (cannot write, disk full); 7 batch finished but some bundles were invalid; 130 stopped by Ctrl-C; 141 closed pipe.",
    ),
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _version(ctx) if value else None,
    help=tr("Hiện phiên bản (và commit) rồi thoát.", "Show the version (and commit) and exit."),
)
@LANG
@reports_errors
def cli() -> None:
    pass


def _version(ctx: click.Context) -> None:
    from cchc_index.shipped import version_text

    click.echo(version_text())
    ctx.exit(0)


def main() -> None:
    # Scoring makes many short-lived, acyclic objects: the collector's default thresholds
    # would rescan the long-lived import graph over and over (docs/performance-notes.md).
    # The modules loaded so far are frozen out of its sight.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    gc.enable()  # `python -m cchc_index` turned it off while the modules loaded
    try:
        cli()
    finally:
        gc.freeze()  # what is alive at the end is freed by the exit, not walked first
