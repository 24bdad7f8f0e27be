"""`validate` and `test`: the commands a Sở Nội vụ runs on its rule files (and in CI)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cchc_index.cli.common import ENGINE, LANG, OUTPUT, emit, reports_errors
from cchc_index.errors import ExitCode, Problem, RuleError
from cchc_index.i18n import tr
from cchc_index.load.rules import load_framework
from cchc_index.output import refuse_inputs, refuse_suffix
from cchc_index.report.explain import framework_notes
from cchc_index.report.junit import junit
from cchc_index.report.reasons import reason_text
from cchc_index.scoring.cases import load_cases, run_cases


@click.command(
    help=tr(
        "Kiểm tra các thư mục bộ chỉ số; báo mọi lỗi dạng tệp:dòng:cột.",
        "Validate framework folders; report every problem as file:line:col.",
    )
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "junit"]),
    default=None,
    help=tr(
        "Dạng báo cáo: text (mặc định) hoặc junit cho CI; mặc định theo đuôi -o (.xml là junit).",
        "Report format: text (default) or junit for CI; by default from the -o suffix (.xml: junit).",
    ),
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help=tr(
        "Kèm mức đầy đủ và các lỗi của văn bản nguồn đã ghi nhận (source_defects).",
        "Also show completeness and the recorded defects of the source text (source_defects).",
    ),
)
@OUTPUT
@LANG
@reports_errors
def validate(paths: tuple[Path, ...], fmt: str | None, verbose: bool, output: Path | None) -> None:

    if output is not None:
        refuse_inputs(output, paths)
        fmt = refuse_suffix(output, {".xml": "junit", ".txt": "text", ".log": "text"}, fmt)
    results: list[tuple[str, list[Problem]]] = []
    notes = ""
    for path in paths:
        try:
            source = load_framework(path)
            load_cases(source)  # the cases beside each area are rule files too
            notes += framework_notes(source.framework) if verbose else ""
            results.append((str(path), []))
        except RuleError as exc:
            results.append((str(path), exc.problems))
    problems = [p for _, found in results for p in found]
    if fmt == "junit":
        emit(junit(results), output)
    else:
        text = notes + "".join(p.format() + "\n" for p in problems)
        text += tr(
            f"{len(paths)} bộ chỉ số, {len(problems)} lỗi.\n",
            f"{len(paths)} framework(s), {len(problems)} problem(s).\n",
        )
        emit(text, output)
    sys.exit(ExitCode.INVALID_RULES if problems else ExitCode.OK)


@click.command(
    name="test",
    help=tr(
        "Chạy các ca kiểm thử (*.cases.yaml) của bộ chỉ số.",
        "Run the rule test cases (*.cases.yaml) of frameworks.",
    ),
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-k",
    "keyword",
    default=None,
    help=tr("Chỉ chạy ca có mã chứa chuỗi này.", "Only cases whose id contains this."),
)
@ENGINE
@LANG
@reports_errors
def test_cmd(paths: tuple[Path, ...], keyword: str | None, engine: str) -> None:

    passed = failed = 0
    for path in paths:
        for outcome in run_cases(path, engine):  # type: ignore[arg-type]
            if keyword and keyword not in outcome.case.id:
                continue
            if outcome.passed:
                passed += 1
                click.echo(f"PASS {outcome.case.id}")
            else:
                failed += 1
                click.echo(
                    f"FAIL {outcome.case.id} ({outcome.case.file}:{outcome.case.line}): "
                    f"{outcome.why} — {reason_text(outcome.got)}"
                )
    click.echo(f"{passed} passed, {failed} failed")
    if passed + failed == 0:
        click.echo(tr("Không tìm thấy ca kiểm thử nào.", "No test case found."), err=True)
    sys.exit(ExitCode.FINDINGS if failed or not passed else ExitCode.OK)
