"""`submit` and `history`: a unit's submissions and the record of its cycle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc_index.cli.common import LANG, OUTPUT, RULES, RULES_DIR, emit, reports_errors
from cchc_index.i18n import num, tr
from cchc_index.output import refuse_inputs, refuse_suffix
from cchc_index.report.history import HISTORY_RENDERERS
from cchc_index.service.history import unit_history
from cchc_index.service.submit import submit as freeze
from cchc_index.text import format_date, parse_date


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return parse_date(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command(
    help=tr(
        "Nộp bản tự đánh giá: giữ nguyên trong bộ minh chứng (submissions/NNN) mọi bản ghi và "
        "tệp, mã băm của bộ chỉ số, điểm tự chấm, ngày và người nộp. Chỉ nộp được trong hạn "
        "của chu kỳ (cycle): đến hạn tự đánh giá, hoặc giữa hai lần thẩm định để giải trình.",
        "Submit the self-assessment: keep inside the bundle (submissions/NNN) every record and "
        "file, the framework's hash, the self score, the date and who submitted. Only while the "
        "framework's cycle allows: until the self-assessment deadline, or between two rounds "
        "for explanations.",
    )
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@RULES
@RULES_DIR
@click.option(
    "--by",
    "by",
    default=None,
    help=tr("Người nộp (mặc định: tên đơn vị).", "Who submits (default: the unit's name)."),
)
@click.option(
    "--date",
    "on",
    callback=_day,
    default=None,
    help=tr(
        "Ngày nộp (dd/mm/yyyy, mặc định hôm nay).",
        "Date of the submission (dd/mm/yyyy, default today).",
    ),
)
@LANG
@reports_errors
def submit(
    bundle: Path, rules: Path | None, rules_dir: Path, by: str | None, on: dt.date | None
) -> None:

    made = freeze(bundle, rules_dir, by, on, rules)
    click.echo(
        tr(
            f"Đã nộp bản số {made.number} ngày {format_date(made.date)} ({made.by}): tự chấm {num(made.self_total)} điểm; lưu ở submissions/{made.number:03d}.",
            f"Submitted number {made.number} on {format_date(made.date)} ({made.by}): self score {num(made.self_total)}; kept in submissions/{made.number:03d}.",
        )
    )


@click.command(
    help=tr(
        "Lịch sử chu kỳ của một đơn vị: các bản nộp, các lần thẩm định (người, ngày, điểm đổi "
        "và lý do), giải trình, theo thứ tự thời gian.",
        "A unit's cycle history: submissions, appraisal rounds (reviewer, date, points changed "
        "with reasons) and explanations, in order.",
    )
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@RULES_DIR
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default=None)
@OUTPUT
@LANG
@reports_errors
def history(bundle: Path, rules_dir: Path, fmt: str | None, output: Path | None) -> None:

    if output is not None:
        refuse_inputs(output, [bundle])
        made = {".md": "markdown", ".json": "json", ".txt": "table"}
        fmt = refuse_suffix(output, made, fmt) if output.suffix else fmt
    fmt = fmt or "table"
    emit(HISTORY_RENDERERS[fmt](unit_history(bundle, rules_dir)), output)
