"""`cchc-index import-framework TABLE -o rules/<id>`: an official table → rule files + review list."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import LANG, OutputFolder, reports_errors
from cchc_index.i18n import tr


@click.command(
    name="import-framework",
    help=tr(
        "Nhập bảng bộ chỉ số chính thức (.docx, .xlsx, .pdf có lớp chữ, .md, .csv) thành tệp quy tắc, kèm danh sách cần rà soát.",
        "Import an official framework table (.docx, .xlsx, text-layer .pdf, .md, .csv) into rule files, with a review list.",
    ),
)
@click.argument("table", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--output", "-o", required=True, type=OutputFolder())
@click.option(
    "--force",
    is_flag=True,
    help=tr(
        "Ghi đè thư mục của một lần nhập trước (chỉ các tệp lần đó đã ghi).",
        "Overwrite the folder of an earlier import (only the files it wrote).",
    ),
)
@click.option(
    "--id",
    "fw_id",
    default=None,
    help=tr("Mã bộ chỉ số (mặc định: tên thư mục).", "Framework id (default: the folder name)."),
)
@click.option("--year", type=int, default=None)
@click.option("--level", default=None)
@click.option("--province", default=None)
@LANG
@reports_errors
def import_framework(
    table: Path,
    output: Path,
    force: bool,
    fw_id: str | None,
    year: int | None,
    level: str | None,
    province: str | None,
) -> None:
    from cchc_index.importer.api import import_table
    from cchc_index.output import current
    from cchc_index.source import shown

    overrides = {"id": fw_id or output.name, "year": year, "level": level, "province": province}
    imported = import_table(table, shown(table), overrides)
    current().write_folder(output, imported.files, force)
    click.echo(imported.files["review.md"], nl=False)
    click.echo(
        tr(
            f"Đã ghi {output} ({len(imported.files)} tệp).",
            f"Wrote {output} ({len(imported.files)} files).",
        ),
        err=True,
    )
