"""`carry`: draft next year's bundle from last year's, against next year's framework."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import LANG, RULES_DIR, reports_errors
from cchc_index.i18n import tr


@click.command(
    help=tr(
        "Dựng bộ minh chứng năm mới từ bộ năm trước theo bộ chỉ số mới: giữ bản ghi mà bộ chỉ số "
        "mới còn hỏi (khớp mục theo mã, rồi theo tên gần giống), in ánh xạ để sửa (--map), đánh "
        "dấu ngày ngoài kỳ đánh giá mới.",
        "Draft next year's bundle from last year's against the new framework: records kept where "
        "the new framework still asks for them (nodes matched by id, then by title), the mapping "
        "shown to edit (--map), dates outside the new period flagged.",
    )
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--to",
    "framework",
    required=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help=tr("Thư mục bộ chỉ số mới.", "The new framework's folder."),
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help=tr("Thư mục bộ minh chứng mới (chưa có).", "The new bundle's folder (must not exist)."),
)
@click.option(
    "--map",
    "map_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=tr(
        "Ánh xạ mục đã sửa (mã cũ: mã mới), từ lần chạy trước.",
        "The edited node mapping (old id: new id) from an earlier run.",
    ),
)
@RULES_DIR
@LANG
@reports_errors
def carry(
    bundle: Path, framework: Path, output: Path, map_file: Path | None, rules_dir: Path
) -> None:
    from cchc_index.errors import OutputError, Problem
    from cchc_index.load.bundle import read_bundle
    from cchc_index.load.rules import load_framework
    from cchc_index.load.unit import find_framework
    from cchc_index.output import refuse_inputs, write_atomic
    from cchc_index.province.carry import carry as draft
    from cchc_index.province.carry import mapping_text, read_map
    from cchc_index.source import shown

    if output.exists():
        raise OutputError(
            [
                Problem(
                    shown(output),
                    1,
                    1,
                    tr(
                        "thư mục đã có: chọn một thư mục mới cho bộ minh chứng năm mới",
                        "the folder exists: choose a new folder for next year's bundle",
                    ),
                )
            ]
        )
    source = read_bundle(bundle)
    old = find_framework(source.bundle, bundle, None, rules_dir)
    new = load_framework(framework)
    given = read_map(map_file) if map_file is not None else {}
    carried = draft(bundle, old, new, given)
    inputs = [bundle, framework, map_file, *(p for p, _ in carried.copies)]
    names = [*carried.files, *(name for _, name in carried.copies)]
    for name in names:
        refuse_inputs(output / name, inputs)
    for name, text in carried.files.items():
        write_atomic(output / name, text)
    for path, name in carried.copies:
        write_atomic(output / name, path.read_bytes())
    mapping = mapping_text(carried.mapping)
    map_out = output.parent / f"{output.name}.carry-map.yaml"
    refuse_inputs(map_out, inputs)
    write_atomic(map_out, mapping)
    click.echo(mapping, nl=False)
    for line in carried.dropped:
        click.echo(tr(f"bỏ: {line}", f"dropped: {line}"))
    for line in carried.flags:
        click.echo(tr(f"cần rà soát: {line}", f"to review: {line}"))
    click.echo(
        tr(
            f"Đã dựng {shown(output)}; ánh xạ ghi ở {shown(map_out)} (sửa rồi chạy lại với --map).",
            f"Drafted {shown(output)}; the mapping is in {shown(map_out)} (edit it, run again with --map).",
        )
    )
