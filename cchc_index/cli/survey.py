"""`survey import`: the survey body's numbers by unit → the survey layer of each bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc_index.cli.common import LANG, RULES_DIR, reports_errors
from cchc_index.i18n import tr


@click.group(
    help=tr(
        "Điểm điều tra xã hội học do cơ quan khảo sát gửi (một số cho mỗi đơn vị và mục).",
        "Survey scores delivered by the survey body (a number per unit and node).",
    )
)
def survey() -> None:
    pass


def _date(_ctx: click.Context, _param: click.Parameter, value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        raise click.BadParameter(tr("dạng dd/mm/yyyy", "the form dd/mm/yyyy")) from None


@survey.command(
    name="import",
    help=tr(
        "Nhập bảng điểm khảo sát (CSV/XLSX: đơn vị | mục | điểm, hoặc một cột mỗi mục) vào "
        "phần 'survey' của appraisal.yaml trong từng thư mục; kiểm hết rồi mới ghi.",
        "Import a survey score table (CSV/XLSX: unit | node | points, or a column per node) "
        "into the 'survey' section of each folder's appraisal.yaml; all checked before writing.",
    ),
)
@click.argument("table", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument(
    "folders",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
)
@RULES_DIR
@click.option(
    "--by",
    "entered_by",
    required=True,
    help=tr("Cơ quan gửi điểm (ví dụ Sở Nội vụ).", "The body the scores come from."),
)
@click.option(
    "--date",
    "date",
    required=True,
    callback=_date,
    help=tr("Ngày của bảng điểm (dd/mm/yyyy).", "The table's date (dd/mm/yyyy)."),
)
@click.option(
    "--force",
    is_flag=True,
    help=tr("Thay phần 'survey' đã có.", "Replace a 'survey' section already there."),
)
@LANG
@reports_errors
def import_survey(
    table: Path,
    folders: tuple[Path, ...],
    rules_dir: Path,
    entered_by: str,
    date: dt.date,
    force: bool,
) -> None:
    from cchc_index.province.runner import find_bundles
    from cchc_index.province.survey import describe, plan, write_plans

    bundles = find_bundles(folders)
    plans = plan(table, bundles, rules_dir, entered_by, date, force)
    write_plans(plans, [table])
    click.echo(describe(plans), nl=False)
    written = sum(1 for p in plans if p.text)
    click.echo(
        tr(
            f"{written} thư mục đã ghi điểm khảo sát, {len(plans) - written} chưa có điểm.",
            f"{written} folder(s) given survey scores, {len(plans) - written} without.",
        )
    )
