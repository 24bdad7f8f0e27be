"""`cchc-index import-framework TABLE -o rules/<id>`: an official table → rule files + review list."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import click

from cchc_index.cli.common import LANG, reports_errors
from cchc_index.i18n import tr
from cchc_index.importer.api import import_table
from cchc_index.source import shown


def write_folder(target: Path, files: dict[str, str], force: bool) -> None:
    """All files or none: written in a fresh folder beside the target, then renamed into place."""

    if target.exists() and any(target.iterdir()) and not force:
        raise click.UsageError(
            tr(
                f"thư mục {target} đã có tệp; dùng --force để ghi đè",
                f"folder {target} is not empty; use --force to overwrite",
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
            os.chmod(staging / name, 0o644)
        os.chmod(staging, 0o755)
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


@click.command(
    name="import-framework",
    help=tr(
        "Nhập bảng bộ chỉ số chính thức (.docx, .xlsx, .pdf có lớp chữ, .md, .csv) thành tệp quy tắc, kèm danh sách cần rà soát.",
        "Import an official framework table (.docx, .xlsx, text-layer .pdf, .md, .csv) into rule files, with a review list.",
    ),
)
@click.argument("table", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--force", is_flag=True, help=tr("Ghi đè thư mục đã có tệp.", "Overwrite a non-empty folder.")
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

    overrides = {"id": fw_id or output.name, "year": year, "level": level, "province": province}
    imported = import_table(table, shown(table), overrides)
    write_folder(output, imported.files, force)
    click.echo(imported.files["review.md"], nl=False)
    click.echo(
        tr(
            f"Đã ghi {output} ({len(imported.files)} tệp).",
            f"Wrote {output} ({len(imported.files)} files).",
        ),
        err=True,
    )
