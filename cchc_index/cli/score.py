"""`score`, `check` and `explain`: a unit's bundle against its framework."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_index.cli.common import (
    ENGINE,
    LANG,
    OUTPUT,
    RULES,
    RULES_DIR,
    emit,
    reports_errors,
    warn,
)
from cchc_index.errors import ExitCode
from cchc_index.i18n import tr

if TYPE_CHECKING:
    from cchc_index.service.review import Review
    from cchc_index.shipped import Located


VERIFY = click.option(
    "--verify",
    is_flag=True,
    help=tr(
        "Đọc cả các tệp minh chứng (cchc-index verify, có OCR nên chậm): cảnh báo tệp ghi khác "
        "bảng và tệp thiếu chữ ký số mà bộ chỉ số yêu cầu; điểm không đổi.",
        "Also read the evidence files (cchc-index verify, with OCR: slow): warn of files that "
        "say otherwise and of missing signatures a framework requires; points do not change.",
    ),
)


@click.command(
    help=tr(
        "Chấm điểm một bộ minh chứng: điểm từng tiêu chí, tổng, sản phẩm còn thiếu.",
        "Score an evidence bundle: points per criterion, total, missing products.",
    )
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@RULES
@RULES_DIR
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json", "csv", "html", "docx", "pdf", "xlsx"]),
    default=None,
    help=tr(
        "Dạng kết quả; mặc định theo đuôi tệp -o (.docx, .xlsx, .html, .md, .json, .csv, .txt); "
        "không có -o thì bảng.",
        "Output format; by default from the -o file's suffix (.docx, .xlsx, .html, .md, .json, "
        ".csv, .txt); without -o a table.",
    ),
)
@OUTPUT
@ENGINE
@click.option(
    "--lock",
    is_flag=True,
    help=tr(
        "Khóa theo hạn tự đánh giá (cycle trong framework.yaml): bỏ qua văn bản ban hành sau hạn.",
        "Deadline lock (cycle in framework.yaml): ignore documents dated after the due date.",
    ),
)
@VERIFY
@LANG
@reports_errors
def score(
    bundle: Path,
    rules: Path | None,
    rules_dir: Path | None,
    fmt: str | None,
    output: Path | None,
    engine: str,
    lock: bool,
    verify: bool,
) -> None:
    # Each import sits on the branch that needs it: `score` starts in a fresh interpreter
    # every time, and what the default table does not use (hashlib, the deadline notes, the
    # filing of the single-layer documents) is not paid for (tests/test_cold_start.py).
    from cchc_index.report.formats import FORMATS, format_for, known_suffixes

    if output is not None:  # never over an input, never a suffix no renderer makes
        from cchc_index.output import refuse_inputs, refuse_suffix

        refuse_inputs(output, [bundle, rules])
        if output.suffix:
            made = {suffix: f.name for f in FORMATS.values() for suffix in f.suffixes}
            fmt = refuse_suffix(output, made, fmt)
    chosen = FORMATS[fmt] if fmt is not None else format_for(output)
    if chosen is None:
        raise click.BadParameter(
            tr(
                f"không biết ghi dạng gì cho đuôi '{output.suffix if output else ''}'; các đuôi được nhận: {', '.join(known_suffixes())} (hoặc dùng --format)",
                f"no format for the suffix '{output.suffix if output else ''}'; known suffixes: {', '.join(known_suffixes())} (or pass --format)",
            ),
            param_hint="-o/--output",
        )
    if output is None and not chosen.to_stdout:
        raise click.UsageError(
            tr(f"dạng {chosen.name} cần -o TỆP", f"the {chosen.name} format needs -o FILE")
        )
    review = _review(bundle, rules, rules_dir, engine, lock)
    warn(review.warnings)
    if verify:
        from cchc_index.cli.verify import verify_warnings

        verify_warnings(bundle, review)
    if review.ignored:
        from cchc_index.report.deadlines import lock_note

        click.echo(lock_note(review.ignored), err=True)
    from cchc_index.service.outputs import produce

    width = None if output is not None else shutil.get_terminal_size((160, 40)).columns
    emit(produce(review, chosen.name, width=width).data, output)
    if review.submitted is not None and (output is not None or chosen.name == "csv"):
        from cchc_index.report.submission_words import submission_note

        click.echo(submission_note(review.submitted, review.draft).strip("\n"), err=True)


def _review(
    bundle: Path, rules: Path | None, rules_dir: Path | None, engine: str, lock: bool
) -> Review:
    from cchc_index.scoring.deadlines import self_due
    from cchc_index.service.review import review_unit

    review = review_unit(bundle, rules, rules_dir, engine, lock, cache=True)  # type: ignore[arg-type]
    if lock and self_due(review.source.framework, review.bundle.year) is None:
        raise click.UsageError(
            tr(
                "bộ chỉ số không ghi hạn tự đánh giá (cycle.self_assessment_due) nên không khóa được",
                "the framework states no self-assessment due date (cycle.self_assessment_due) to lock to",
            )
        )
    return review


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
        "Chỉ kiểm tra minh chứng còn thiếu (xếp theo điểm); mã thoát 1 nếu còn thiếu.",
        "Check evidence completeness only (ranked by points); exit 1 when anything is missing.",
    )
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@RULES
@RULES_DIR
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--on",
    "on",
    callback=_date,
    default=None,
    help=tr(
        "Ngày xét hạn (dd/mm/yyyy, mặc định hôm nay): còn kịp hay không còn kịp bổ sung.",
        "The day deadlines are judged on (dd/mm/yyyy, default today): still possible or not.",
    ),
)
@VERIFY
@LANG
@reports_errors
def check(
    bundle: Path, rules: Path | None, rules_dir: Path | None, fmt: str, on: dt.date, verify: bool
) -> None:
    from cchc_index.report.deadlines import render_split, split_json
    from cchc_index.scoring.deadlines import split_missing

    review = _review(bundle, rules, rules_dir, "durable", False)
    warn(review.warnings)
    if verify:
        from cchc_index.cli.verify import verify_warnings

        verify_warnings(bundle, review)
    result = review.layered.final  # the missing products of the final layer
    split = split_missing(review.source.framework, result, on)
    if fmt == "json":
        click.echo(split_json(split), nl=False)
    else:
        from cchc_index.report.submission_words import submission_note

        click.echo(render_split(result, split, review.layered.range), nl=False)
        click.echo(submission_note(review.submitted, review.draft), nl=False)
    sys.exit(ExitCode.FINDINGS if result.missing else ExitCode.OK)


@click.command(
    help=tr(
        "Giải thích một tiêu chí: phương pháp chấm, minh chứng; với bộ minh chứng thì điểm đến từ đâu.",
        "Explain a criterion: its method and evidence; with a bundle, how its points came about.",
    )
)
@click.argument("node_id")
@click.argument("bundle", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--rules",
    "rules",
    default=None,
    type=click.Path(path_type=Path, file_okay=False),
    help=tr(
        "Thư mục hoặc mã bộ chỉ số; mặc định lấy theo 'framework' trong profile.yaml của bộ minh chứng.",
        "Framework folder or id; by default the one named in the bundle's profile.yaml.",
    ),
)
@RULES_DIR
@LANG
@reports_errors
def explain(node_id: str, bundle: Path | None, rules: Path | None, rules_dir: Path | None) -> None:
    from cchc_index.load.bundle import read_bundle
    from cchc_index.load.rules import load_framework
    from cchc_index.load.unit import find_framework, locate_rules
    from cchc_index.report.explain import explain_node, find_node
    from cchc_index.report.layers import explain_layers
    from cchc_index.service.review import review_unit

    if rules is not None:
        located = locate_rules(rules, rules_dir)
    elif bundle is not None:
        folder = find_framework(read_bundle(bundle).bundle, bundle, None, rules_dir).folder
        located = _origin_of(folder, rules_dir)
    else:
        raise click.UsageError(
            tr(
                "cần --rules (thư mục hoặc mã bộ chỉ số) khi không có bộ minh chứng",
                "--rules (a framework folder or id) is needed without a bundle",
            )
        )
    loaded = load_framework(located.path)  # once: the bundle is checked against this same one
    framework = loaded.framework
    node = find_node(framework, node_id, located.path)
    used = tr(f"Bộ chỉ số dùng: {located.describe()}\n", f"Framework used: {located.describe()}\n")
    click.echo(used, nl=False)
    if bundle is None:
        click.echo(explain_node(framework, node, None), nl=False)
        return
    review = review_unit(bundle, located.path, rules_dir, loaded=loaded)
    warn(review.warnings)
    click.echo(explain_node(framework, node, review.result), nl=False)
    click.echo(explain_layers(review.layered, node_id), nl=False)


def _origin_of(folder: Path, rules_dir: Path | None) -> Located:
    """Where on the search path a framework folder found by id lies."""
    from cchc_index.shipped import Located, locate_framework

    found = locate_framework(folder.name, rules_dir)
    return found if found is not None else Located(folder, "path")
