"""`score`, `check` and `explain`: a unit's bundle against its framework."""

from __future__ import annotations

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
    type=click.Choice(["table", "markdown", "json", "csv"]),
    default=None,
    help=tr(
        "Dạng kết quả; mặc định theo đuôi tệp -o (.md, .json, .csv, .txt), nếu không thì bảng.",
        "Output format; by default from the -o file's suffix (.md, .json, .csv, .txt), else a table.",
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
    from cchc_index.load.unit import open_unit_source
    from cchc_index.output import refuse_inputs, refuse_suffix
    from cchc_index.report.render import RENDERERS, SUFFIXES
    from cchc_index.scoring.evaluate import evaluate

    if output is not None:
        refuse_inputs(output, [bundle, rules])
        fmt = refuse_suffix(output, SUFFIXES, fmt)
    fmt = fmt or "table"
    source, unit = open_unit_source(bundle, rules, rules_dir)
    warn(unit.warnings)
    result = explained(evaluate(source.framework, unit.bundle, engine), source.framework, unit)  # type: ignore[arg-type]
    emit(RENDERERS[fmt](result), output)


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
    import json

    from cchc_index.load.unit import open_unit_source
    from cchc_index.model.result import as_json
    from cchc_index.report.render import render_missing
    from cchc_index.scoring.evaluate import evaluate

    source, unit = open_unit_source(bundle, rules, rules_dir)
    warn(unit.warnings)
    result = evaluate(source.framework, unit.bundle)
    if fmt == "json":
        click.echo(json.dumps(as_json(result.missing), ensure_ascii=False, indent=2))
    else:
        click.echo(render_missing(result), nl=False)
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
    from cchc_index.load.unit import open_unit_source
    from cchc_index.report.explain import explain_node, find_node
    from cchc_index.scoring.evaluate import evaluate

    loaded = load_framework(rules)  # once: the bundle is checked against this same one
    framework = loaded.framework
    node = find_node(framework, node_id, rules)
    result = None
    if bundle is not None:
        _, unit = open_unit_source(bundle, rules, rules.parent, loaded)
        warn(unit.warnings)
        result = explained(evaluate(framework, unit.bundle), framework, unit)
    click.echo(explain_node(framework, node, result), nl=False)


def explained(result: Result, framework: Framework, unit: BundleSource) -> Result:
    """The result with, for each product, the rows considered and not used (and their line)."""
    from cchc_index.scoring.considered import row_places, with_considered

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
