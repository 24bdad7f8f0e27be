"""`samples`: copy the shipped sample bundles and frameworks into a folder to try every
command of the docs on them, wherever cchc-index was installed from."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import LANG, OutputFolder, reports_errors
from cchc_index.i18n import tr


@click.command(
    help=tr(
        "Chép bộ minh chứng mẫu (evidence/), các bộ chỉ số cài kèm (rules/) và tệp mẫu (examples/: một báo cáo, một bảng bộ chỉ số) vào THƯ_MỤC (mặc định: thư mục hiện tại).",
        "Copy the sample bundles (evidence/), shipped frameworks (rules/) and sample files (examples/: a report, a framework table) into DIR (default: the current folder).",
    )
)
@click.argument("folder", required=False, type=OutputFolder())
@LANG
@reports_errors
def samples(folder: Path | None) -> None:
    from cchc_index.shipped import copy_samples

    for written in copy_samples(folder or Path(".")):
        click.echo(tr(f"Đã ghi {written}", f"Wrote {written}"), err=True)
