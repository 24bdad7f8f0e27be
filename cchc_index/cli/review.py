"""`diff` and `appraise import`: the review part of the cycle (issue 10).

(Registered in cli/main.py; the lead moves this module into cli/ when merging.)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from cchc_index.cli.common import LANG, OUTPUT, RULES_DIR, emit, reports_errors
from cchc_index.errors import ExitCode
from cchc_index.i18n import tr

LAYER_NAMES = {"self": "self", "1": "round_1", "2": "round_2", "survey": "survey", "final": "final"}


def _split(target: str) -> tuple[Path, str]:
    """`PATH@LAYER` → (PATH, layer); a bundle without a layer means its final layer."""
    path, at, layer = target.rpartition("@")
    if at and layer in LAYER_NAMES:
        return Path(path), LAYER_NAMES[layer]
    return Path(target), "final"


@click.command(
    "diff",
    help=tr(
        "So sánh hai kết quả (BỘ_MINH_CHỨNG[@self|1|2|survey|final]: hai lớp điểm của một đơn vị, "
        "một đơn vị ở hai năm) hoặc hai bộ chỉ số (hai thư mục có framework.yaml). "
        "Mã thoát 1 nếu có khác biệt.",
        "Compare two results (BUNDLE[@self|1|2|survey|final]: two layers of a unit, a unit in "
        "two years) or two frameworks (two folders with framework.yaml). Exit 1 when they differ.",
    ),
)
@click.argument("a")
@click.argument("b")
@RULES_DIR
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default=None)
@OUTPUT
@LANG
@reports_errors
def diff_command(
    a: str, b: str, rules_dir: Path | None, fmt: str | None, output: Path | None
) -> None:
    from cchc_index.load.rules import load_framework
    from cchc_index.model.layers import Layer
    from cchc_index.output import refuse_inputs, refuse_suffix
    from cchc_index.report.diff import DIFF_RENDERERS
    from cchc_index.report.layer_words import layer_name
    from cchc_index.scoring.diff import diff_frameworks, diff_results
    from cchc_index.scoring.layers import layer_result
    from cchc_index.scoring.review import review_unit

    (path_a, layer_a), (path_b, layer_b) = _split(a), _split(b)
    if output is not None:  # never over an input; never a suffix it cannot make
        refuse_inputs(output, [path_a, path_b])
        made = {".md": "markdown", ".json": "json", ".txt": "table"}
        fmt = refuse_suffix(output, made, fmt) if output.suffix else fmt
    kinds = {(p / "framework.yaml").is_file() for p in (path_a, path_b)}
    if len(kinds) != 1:
        raise click.UsageError(
            tr(
                "hai đối tượng phải cùng loại: hai bộ minh chứng hoặc hai bộ chỉ số",
                "both sides must be of one kind: two bundles or two frameworks",
            )
        )
    if kinds == {True}:
        found = diff_frameworks(load_framework(path_a).framework, load_framework(path_b).framework)
    else:
        results = []
        for path, layer in ((path_a, layer_a), (path_b, layer_b)):
            review = review_unit(path, None, rules_dir)
            result = layer_result(review.source.framework, review.layered, Layer(layer))
            label = f"{result.unit} {result.year} ({layer_name(Layer(layer))})"
            results.append((result, label))
        (ra, la), (rb, lb) = results
        found = diff_results(ra, rb, la, lb)
    if fmt is None:
        suffix = output.suffix.lower() if output is not None else ""
        fmt = {".md": "markdown", ".json": "json"}.get(suffix, "table")
    emit(DIFF_RENDERERS[fmt](found), output)
    sys.exit(ExitCode.OK if found.empty else ExitCode.FINDINGS)


@click.group(
    "appraise",
    help=tr("Kết quả thẩm định của một đơn vị.", "A unit's appraisal."),
)
def appraise() -> None:
    pass


@appraise.command(
    "import",
    help=tr(
        "Đọc các cột thẩm định I–M của bảng tính làm việc vào appraisal.yaml của bộ minh chứng.",
        "Read the appraisal columns I–M of the working workbook into the bundle's appraisal.yaml.",
    ),
)
@click.argument("workbook", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@RULES_DIR
@click.option("--reviewer", default=None, help=tr("Người thẩm định.", "The reviewer."))
@click.option(
    "--date",
    "when",
    default=None,
    help=tr("Ngày thẩm định (dd/mm/yyyy, mặc định hôm nay).", "Date (dd/mm/yyyy, default today)."),
)
@LANG
@reports_errors
def import_command(
    workbook: Path, bundle: Path, rules_dir: Path | None, reviewer: str | None, when: str | None
) -> None:
    from cchc_index.text import parse_date

    try:
        day = parse_date(when) if when else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from exc
    written, count = import_workbook(workbook, bundle, rules_dir, reviewer, day)
    click.echo(
        tr(
            f"Đã ghi {written}: {count} mục có điểm thẩm định.",
            f"Wrote {written}: {count} appraised item(s).",
        )
    )


def import_workbook(
    workbook: Path, folder: Path, rules_dir: Path | None, reviewer: str | None, when: dt.date | None
) -> tuple[Path, int]:
    """Read the workbook's appraisal into `folder`/appraisal.yaml (whole, or not at all);
    the survey points already in the file are kept."""
    from cchc_index.load.appraisal import APPRAISAL_FILE, appraisal_yaml, read_appraisal
    from cchc_index.load.appraisal_workbook import Defaults, read_workbook
    from cchc_index.output import write_atomic
    from cchc_index.scoring.layers import self_points
    from cchc_index.scoring.review import review_unit
    from cchc_index.source import shown

    review = review_unit(folder, None, rules_dir)
    existing = read_appraisal(folder)
    before = existing[0] if existing is not None else None
    fallback = tr("Hội đồng thẩm định", "Review council")
    day = dt.date.today()
    defaults = Defaults(
        reviewer={
            n: reviewer or (r.reviewer if before and (r := before.round(n)) else fallback)
            for n in (1, 2)
        },
        date={n: when or (r.date if before and (r := before.round(n)) else day) for n in (1, 2)},
        explained=when or day,
        known={(e.node, e.text): e.date for e in before.explanations} if before else {},
    )
    appraisal, count = read_workbook(
        workbook,
        review.source.framework,
        review.bundle,
        self_points(review.layered.self_result),
        defaults,
    )
    if before is not None and before.survey is not None:
        appraisal = appraisal.model_copy(update={"survey": before.survey})
    target = folder / APPRAISAL_FILE
    header = tr(
        f"Ghi bởi cchc-index appraise import từ {workbook.name} ngày {day:%d/%m/%Y}."
        + (f" Người thẩm định: {reviewer}." if reviewer else ""),
        f"Written by cchc-index appraise import from {workbook.name} on {day:%d/%m/%Y}."
        + (f" Reviewer: {reviewer}." if reviewer else ""),
    )
    write_atomic(target, appraisal_yaml(appraisal, header))
    return Path(shown(target)), count
