"""`score`, `check` and `explain`: a unit's bundle against its framework."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from cchc_index.cli.common import ENGINE, LANG, OUTPUT, RULES, RULES_DIR, emit, reports_errors
from cchc_index.errors import ExitCode
from cchc_index.i18n import tr


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
    type=click.Choice(["table", "markdown", "json", "csv", "html", "docx", "xlsx"]),
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
@LANG
@reports_errors
def score(
    bundle: Path,
    rules: Path | None,
    rules_dir: Path,
    fmt: str | None,
    output: Path | None,
    engine: str,
) -> None:
    from datetime import datetime

    from cchc_index.load.digest import bundle_sha256
    from cchc_index.load.unit import open_unit
    from cchc_index.report.filing import build_filing
    from cchc_index.report.formats import FORMATS, format_for, known_suffixes, stdout_text
    from cchc_index.scoring.evaluate import evaluate

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
    source, unit = open_unit(bundle, rules, rules_dir)
    result = evaluate(source.framework, unit, engine)  # type: ignore[arg-type]
    documents = chosen.name in ("docx", "xlsx", "html")  # only these print the bundle's hash
    filing = build_filing(
        result,
        source.framework,
        unit,
        bundle_sha256(bundle) if documents else "",
        datetime.now().astimezone(),
    )
    width = shutil.get_terminal_size((160, 40)).columns
    emit(chosen.render(filing) if output else stdout_text(chosen, filing, width), output)


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
@LANG
@reports_errors
def check(bundle: Path, rules: Path | None, rules_dir: Path, fmt: str) -> None:
    from cchc_index.load.unit import open_unit
    from cchc_index.report.render import render_missing, render_missing_json
    from cchc_index.scoring.evaluate import evaluate

    source, unit = open_unit(bundle, rules, rules_dir)
    result = evaluate(source.framework, unit)
    render = render_missing_json if fmt == "json" else render_missing
    click.echo(render(result), nl=False)
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
    from cchc_index.load.unit import open_unit
    from cchc_index.report.explain import explain_node, find_node
    from cchc_index.scoring.evaluate import evaluate

    framework = load_framework(rules).framework
    node = find_node(framework, node_id, rules)
    result = None
    if bundle is not None:
        _, unit = open_unit(bundle, rules, rules.parent)
        result = evaluate(framework, unit)
    click.echo(explain_node(framework, node, result), nl=False)
