"""`schema --out DIR`: the JSON Schemas of the YAML files, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import LANG, OutputFolder, reports_errors
from cchc_index.i18n import tr


@click.command(
    help=tr(
        "Ghi JSON Schema của các tệp YAML (bộ chỉ số, ca kiểm thử, bộ minh chứng) vào THƯ_MỤC, cho trình soạn thảo (VS Code: tiện ích YAML).",
        "Write the JSON Schemas of the YAML files (frameworks, cases, bundles) into DIR, for editors (VS Code: the YAML extension).",
    )
)
@click.option(
    "--out",
    "out",
    required=True,
    type=OutputFolder(),
    help=tr("Thư mục ghi các tệp *.schema.json.", "Folder for the *.schema.json files."),
)
@LANG
@reports_errors
def schema(out: Path) -> None:
    from cchc_index.output import write_atomic
    from cchc_index.service.schemas import schema_texts

    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        write_atomic(out / name, text)
        click.echo(str(out / name))
