"""`plan`: the cheapest set of still-possible actions that lifts a unit to a band or a total."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc_index.cli.common import ENGINE, LANG, OUTPUT, RULES, RULES_DIR, emit, reports_errors, warn
from cchc_index.i18n import tr


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    from cchc_index.text import parse_date

    if value is None:
        return dt.date.today()
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command(
    help=tr(
        "Lập kế hoạch ít tốn nhất để đạt mức xếp loại (hoặc số điểm) mong muốn: các việc còn "
        "kịp làm, chấm lại đúng bằng bộ máy.",
        "Plan the least costly set of still-possible actions that reaches a band (or a total), "
        "re-scored exactly by the engine.",
    )
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--to",
    "to",
    default="next",
    show_default=True,
    help=tr(
        "Mục tiêu: tên mức xếp loại (Khá), số điểm (5,5) hoặc 'next' (mức kế trên).",
        "Target: a band's name (Khá), a number of points (5,5) or 'next' (the band above).",
    ),
)
@click.option(
    "--on",
    "on",
    callback=_date,
    default=None,
    help=tr(
        "Ngày xét hạn (dd/mm/yyyy, mặc định hôm nay).",
        "The day deadlines are judged on (dd/mm/yyyy, default today).",
    ),
)
@click.option(
    "--costs",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=tr(
        "Tệp costs.yaml: chi phí mỗi việc và các số liệu còn điều chỉnh được (xem docs/plan.md).",
        "A costs.yaml: the cost of each action and the figures that can still change (docs/plan.md).",
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
)
@OUTPUT
@RULES
@RULES_DIR
@ENGINE
@LANG
@reports_errors
def plan(
    bundle: Path,
    to: str,
    on: dt.date,
    costs: Path | None,
    fmt: str,
    output: Path | None,
    rules: Path | None,
    rules_dir: Path,
    engine: str,
) -> None:
    from cchc_index.report.plan import plan_json, render_plan
    from cchc_index.scoring.plan_unit import plan_unit

    if output is not None:
        from cchc_index.output import refuse_inputs

        refuse_inputs(output, [bundle, rules, costs])
    try:
        outcome, located = plan_unit(bundle, rules, rules_dir, to, on, costs, engine)  # type: ignore[arg-type]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--to") from exc
    warn(located.warnings)
    text = plan_json(outcome) if fmt == "json" else render_plan(outcome, fmt)
    emit(text, output)
