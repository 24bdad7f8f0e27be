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


def _split(target: str) -> tuple[Path, str | None]:
    """`PATH@LAYER` → (PATH, layer); without a layer, None (a bundle's final layer). A layer
    that does not exist, or one asked of a framework, is a usage error (exit 2)."""
    path, at, layer = target.rpartition("@")
    if not at or Path(target).exists() or not path:
        return Path(target), None
    if layer.startswith("submission:") and layer[len("submission:") :].isdigit():
        return Path(path), layer  # a submission's snapshot (docs/submissions.md)
    known = ", ".join(f"@{name}" for name in LAYER_NAMES)
    if (Path(path) / "framework.yaml").is_file():
        raise click.UsageError(
            tr(
                f"'{target}': bộ chỉ số không có lớp điểm; bỏ '@{layer}'",
                f"'{target}': a framework has no layers; leave out '@{layer}'",
            )
        )
    if layer not in LAYER_NAMES:
        raise click.UsageError(
            tr(
                f"'{target}': không có lớp '@{layer}'; các lớp: {known}",
                f"'{target}': no layer '@{layer}'; the layers: {known}",
            )
        )
    return Path(path), LAYER_NAMES[layer]


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
    from cchc_index.output import current, refuse_suffix
    from cchc_index.report.diff import DIFF_RENDERERS
    from cchc_index.report.layer_words import layer_name
    from cchc_index.scoring.diff import diff_frameworks, diff_results
    from cchc_index.scoring.layers import layer_result
    from cchc_index.service.review import review_unit

    (path_a, layer_a), (path_b, layer_b) = _split(a), _split(b)
    current().add_input(path_a, path_b)
    if output is not None:  # never over an input; never a suffix it cannot make
        current().check(output)
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
        if layer_a or layer_b:
            raise click.UsageError(
                tr("bộ chỉ số không có lớp điểm; bỏ '@…'", "a framework has no layers; drop '@…'")
            )
        found = diff_frameworks(load_framework(path_a).framework, load_framework(path_b).framework)
    else:
        results, frameworks = [], []
        drafts = any((x or "").startswith("submission:") for x in (layer_a, layer_b))
        for path, given in ((path_a, layer_a), (path_b, layer_b)):
            layer = given or "final"
            if layer.startswith("submission:"):
                number = int(layer.split(":", 1)[1])
                review = review_unit(path, None, rules_dir, submission=number)
                result = review.result
                said = tr(f"bản nộp số {number}", f"submission {number}")
            elif drafts and given is None:  # the working draft beside a submission
                review = review_unit(path, None, rules_dir)
                result = review.draft_result
                said = tr("bản nháp hiện tại", "working draft")
            else:
                review = review_unit(path, None, rules_dir)
                result = layer_result(review.framework, review.layered, Layer(layer))
                said = layer_name(Layer(layer))
            results.append((result, f"{result.unit} {result.year} ({said})"))
            frameworks.append(review.framework.meta.id)
        (ra, la), (rb, lb) = results
        if frameworks[0] != frameworks[1]:
            click.echo(
                tr(
                    f"CẢNH BÁO: hai kết quả chấm theo hai bộ chỉ số khác nhau ({frameworks[0]} "
                    f"và {frameworks[1]}); mục cùng mã có thể là hai yêu cầu khác nhau, chênh "
                    "lệch dưới đây không phải tiến bộ hay thụt lùi của đơn vị",
                    f"WARNING: the two results are scored on different frameworks "
                    f"({frameworks[0]} and {frameworks[1]}); items of the same id may be "
                    "different requirements, the differences below are not the unit's progress",
                ),
                err=True,
            )
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
    """Merge the workbook's rounds into `folder`/appraisal.yaml (whole, or not at all)."""
    from cchc_index.output import current
    from cchc_index.service.appraisal_import import import_workbook as merged_appraisal
    from cchc_index.source import shown

    gate = current()
    target = folder / "appraisal.yaml"
    gate.updates(target)  # the one file of the bundle this command exists to rewrite
    gate.check(target)
    imported = merged_appraisal(workbook, folder, rules_dir, reviewer, when)
    gate.write(imported.target, imported.text)
    return Path(shown(imported.target)), imported.count
