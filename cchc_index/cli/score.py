"""`score`, `check` and `explain`: a unit's bundle against its framework."""

from __future__ import annotations

import dataclasses
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
    from cchc_index.load.bundle import BundleSource
    from cchc_index.model.framework import Framework
    from cchc_index.model.result import Result
    from cchc_index.scoring.review import Review


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
@LANG
@reports_errors
def score(
    bundle: Path,
    rules: Path | None,
    rules_dir: Path,
    fmt: str | None,
    output: Path | None,
    engine: str,
    lock: bool,
) -> None:
    # Each import sits on the branch that needs it: `score` starts in a fresh interpreter
    # every time, and what the default table does not use (hashlib, the deadline notes, the
    # filing of the single-layer documents) is not paid for (tests/test_cold_start.py).
    from cchc_index.report.formats import FORMATS, format_for, known_suffixes, stdout_text

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
    warn(review.located.warnings if review.located else ())
    if review.ignored:
        from cchc_index.report.deadlines import lock_note

        click.echo(lock_note(review.ignored), err=True)
    layers = dataclasses.replace(  # each product's rows considered and not used, with lines
        review.layered,
        self_result=explained(review.layered.self_result, review.source.framework, review.located),
    )
    from cchc_index.report.layers import LAYER_RENDERERS

    width = shutil.get_terminal_size((160, 40)).columns
    if (layers.appraised or layers.range is not None) and chosen.name in LAYER_RENDERERS:
        if chosen.name == "table" and output is None:  # fitted to the terminal
            from cchc_index.report.layers import render_layers_table

            text = render_layers_table(layers, width)
        else:
            text = LAYER_RENDERERS[chosen.name](layers)  # the layers side by side, with reasons
        if output is not None:
            from cchc_index.report.layers_files import layer_file

            emit(layer_file(chosen.name, text), output)
        else:
            emit(text, None)
        return
    from datetime import datetime

    from cchc_index.load.digest import bundle_sha256
    from cchc_index.report.filing import build_filing
    from cchc_index.report.layers_files import appraisal_marks

    documents = chosen.name in ("docx", "pdf", "xlsx", "html")  # only these print the bundle's hash
    filing = build_filing(
        layers.self_result,
        review.source.framework,
        review.bundle,
        bundle_sha256(bundle) if documents else "",
        datetime.now().astimezone(),
        appraisal_marks(layers),
        layers,
    )
    emit(chosen.render(filing) if output else stdout_text(chosen, filing, width), output)


def _review(bundle: Path, rules: Path | None, rules_dir: Path, engine: str, lock: bool) -> Review:
    from cchc_index.scoring.deadlines import self_due
    from cchc_index.scoring.review import review_unit

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
@LANG
@reports_errors
def check(bundle: Path, rules: Path | None, rules_dir: Path, fmt: str, on: dt.date) -> None:
    from cchc_index.report.deadlines import render_split, split_json
    from cchc_index.scoring.deadlines import split_missing

    review = _review(bundle, rules, rules_dir, "durable", False)
    warn(review.located.warnings if review.located else ())
    result = review.layered.final  # the missing products of the final layer
    split = split_missing(review.source.framework, result, on)
    if fmt == "json":
        click.echo(split_json(split), nl=False)
    else:
        click.echo(render_split(result, split, review.layered.range), nl=False)
    sys.exit(ExitCode.FINDINGS if result.missing else ExitCode.OK)


@click.command(
    help=tr(
        "Giải thích một tiêu chí: phương pháp chấm, minh chứng; với bộ minh chứng thì điểm đến từ đâu.",
        "Explain a criterion: its method and evidence; with a bundle, how its points came about.",
    )
)
@click.argument("node_id")
@click.argument("bundle", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--rules", "rules", required=True, type=click.Path(path_type=Path, file_okay=False))
@LANG
@reports_errors
def explain(node_id: str, bundle: Path | None, rules: Path) -> None:
    from cchc_index.load.rules import load_framework
    from cchc_index.report.explain import explain_node, find_node
    from cchc_index.report.layers import explain_layers
    from cchc_index.scoring.review import review_unit

    loaded = load_framework(rules)  # once: the bundle is checked against this same one
    framework = loaded.framework
    node = find_node(framework, node_id, rules)
    if bundle is None:
        click.echo(explain_node(framework, node, None), nl=False)
        return
    review = review_unit(bundle, rules, rules.parent, loaded=loaded)
    warn(review.located.warnings if review.located else ())
    result = explained(review.layered.self_result, framework, review.located)
    click.echo(explain_node(framework, node, result), nl=False)
    click.echo(explain_layers(review.layered, node_id), nl=False)


def explained(result: Result, framework: Framework, unit: BundleSource | None) -> Result:
    """The result with, for each product, the rows considered and not used (and their line)."""
    from cchc_index.scoring.considered import row_places, with_considered

    if unit is None:
        return result
    places: dict[int, str] = {}
    tables = (
        ("documents.csv", unit.bundle.documents),
        ("links.csv", unit.bundle.links),
        ("photos.csv", unit.bundle.photos),
    )
    for name, rows in tables:
        table = unit.files.get(name)
        if table is not None:
            places |= row_places(rows, table.path, table.row_lines)
    return with_considered(result, framework, unit.bundle, places)
