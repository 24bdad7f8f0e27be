"""`init-framework-repo`: a new git repository for a province's frameworks, with its CI kit."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import LANG, RULES_DIR, OutputFolder, reports_errors
from cchc_index.i18n import tr


@click.command(
    help=tr(
        "Tạo kho bộ chỉ số mẫu trong THƯ_MỤC: một bộ chỉ số, pre-commit, GitHub Actions, GitLab CI; kho tự qua được CI của nó.",
        "Write a template framework repository into DIR: one framework, pre-commit, GitHub Actions, GitLab CI; it passes its own CI.",
    )
)
@click.argument("folder", type=OutputFolder())
@click.option(
    "--framework",
    default="hue-xa-2020",
    show_default=True,
    help=tr(
        "Bộ chỉ số chép vào làm bộ đầu tiên (mã, tìm như mọi mã bộ chỉ số).",
        "The framework copied in as the first one (an id, looked up like any framework id).",
    ),
)
@RULES_DIR
@LANG
@reports_errors
def init_framework_repo(folder: Path, framework: str, rules_dir: Path | None) -> None:
    from cchc_index.cikit import init_framework_repo as write

    for name in write(folder, framework, rules_dir):
        click.echo(f"{folder}/{name}")
    click.echo(
        tr(
            f"Đã tạo {folder}. Tiếp theo: cd {folder} && git init && pre-commit install",
            f"Wrote {folder}. Next: cd {folder} && git init && pre-commit install",
        ),
        err=True,
    )
