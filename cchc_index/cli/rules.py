"""`validate` and `test`: the commands a Sở Nội vụ runs on its rule files (and in CI).

Both take framework folders, or any folder above them (`validate .` at the root of a
framework repository), or framework ids; see `load/discover.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cchc_index.cli.common import ENGINE, LANG, OUTPUT, RULES_DIR, emit, reports_errors
from cchc_index.errors import ExitCode, Problem, RuleError
from cchc_index.i18n import tr

VALIDATE_FORMATS = ["text", "junit", "sarif", "github"]


def _nothing_found(paths: tuple[Path, ...]) -> RuleError:
    return RuleError(
        [
            Problem(
                str(path),
                1,
                1,
                tr(
                    "không có bộ chỉ số nào ở đây hay bên dưới (bộ chỉ số là thư mục có tệp framework.yaml)",
                    "no framework here or below (a framework is a folder holding framework.yaml)",
                ),
            )
            for path in paths
        ]
    )


def _skipped_text(skipped: list[Path]) -> str:
    return "".join(
        tr(
            f"Bỏ qua {path}: không phải bộ chỉ số (không có framework.yaml)\n",
            f"Skipped {path}: not a framework (no framework.yaml)\n",
        )
        for path in skipped
    )


@click.command(
    help=tr(
        "Kiểm tra các thư mục bộ chỉ số (có framework.yaml) ở PATH hoặc bên dưới; báo mọi lỗi dạng tệp:dòng:cột.",
        "Validate framework folders (holding framework.yaml) at PATH or below; report every problem as file:line:col.",
    )
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(VALIDATE_FORMATS),
    default=None,
    help=tr(
        "Dạng báo cáo: text (mặc định), junit, sarif (SARIF 2.1.0) hoặc github (chú thích của GitHub Actions); mặc định theo đuôi -o (.xml: junit, .sarif: sarif).",
        "Report format: text (default), junit, sarif (SARIF 2.1.0) or github (GitHub Actions annotations); by default from the -o suffix (.xml: junit, .sarif: sarif).",
    ),
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help=tr(
        "Kèm nơi tìm thấy từng bộ chỉ số, các thư mục bỏ qua, mức đầy đủ và các lỗi của văn bản nguồn đã ghi nhận (source_defects).",
        "Also show where each framework was found, the folders skipped, completeness and the recorded defects of the source text (source_defects).",
    ),
)
@RULES_DIR
@OUTPUT
@LANG
@reports_errors
def validate(
    paths: tuple[Path, ...],
    fmt: str | None,
    verbose: bool,
    rules_dir: Path | None,
    output: Path | None,
) -> None:
    from cchc_index.load.discover import discover
    from cchc_index.load.rules import load_framework
    from cchc_index.output import refuse_inputs, refuse_suffix
    from cchc_index.report.ci_formats import github, sarif
    from cchc_index.report.explain import framework_notes
    from cchc_index.report.junit import junit
    from cchc_index.scoring.cases import load_cases
    from cchc_index.shipped import version_number

    suffixes = {".xml": "junit", ".sarif": "sarif", ".txt": "text", ".log": "text"}
    if output is not None:
        refuse_inputs(output, paths)
        fmt = refuse_suffix(output, suffixes, fmt)
    found = discover(paths, rules_dir)
    if not found.frameworks:
        raise _nothing_found(paths)
    results: list[tuple[str, list[Problem]]] = []
    notes = ""
    for located in found.frameworks:
        try:
            source = load_framework(located.path)
            load_cases(source)  # the cases beside each area are rule files too
            if verbose:
                notes += framework_notes(source.framework)
                notes += tr(
                    f"  Thư mục: {located.describe()}\n", f"  Folder: {located.describe()}\n"
                )
            results.append((str(located.path), []))
        except RuleError as exc:
            results.append((str(located.path), exc.problems))
    problems = [p for _, got in results for p in got]
    count = len(found.frameworks)
    if fmt == "junit":
        emit(junit(results), output)
    elif fmt == "sarif":
        emit(sarif(problems, version_number()), output)
    elif fmt == "github":
        summary = tr(
            f"{count} bộ chỉ số, {len(problems)} lỗi.\n",
            f"{count} framework(s), {len(problems)} problem(s).\n",
        )
        emit(github(problems) + summary, output)
    else:
        text = notes + (_skipped_text(found.skipped) if verbose else "")
        text += "".join(p.format() + "\n" for p in problems)
        text += tr(
            f"{count} bộ chỉ số, {len(problems)} lỗi.\n",
            f"{count} framework(s), {len(problems)} problem(s).\n",
        )
        emit(text, output)
    sys.exit(ExitCode.INVALID_RULES if problems else ExitCode.OK)


@click.command(
    name="test",
    help=tr(
        "Chạy các ca kiểm thử (*.cases.yaml) của các bộ chỉ số ở PATH hoặc bên dưới.",
        "Run the rule test cases (*.cases.yaml) of the frameworks at PATH or below.",
    ),
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-k",
    "keyword",
    default=None,
    help=tr("Chỉ chạy ca có mã chứa chuỗi này.", "Only cases whose id contains this."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "junit"]),
    default=None,
    help=tr(
        "Dạng báo cáo: text (mặc định) hoặc junit cho CI; mặc định theo đuôi -o (.xml: junit).",
        "Report format: text (default) or junit for CI; by default from the -o suffix (.xml: junit).",
    ),
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help=tr("Kèm các thư mục bỏ qua.", "Also list the folders skipped."),
)
@ENGINE
@RULES_DIR
@OUTPUT
@LANG
@reports_errors
def test_cmd(
    paths: tuple[Path, ...],
    keyword: str | None,
    fmt: str | None,
    verbose: bool,
    engine: str,
    rules_dir: Path | None,
    output: Path | None,
) -> None:
    from cchc_index.load.discover import discover
    from cchc_index.output import refuse_inputs, refuse_suffix
    from cchc_index.report.junit import junit_cases
    from cchc_index.report.reasons import reason_text
    from cchc_index.scoring.cases import run_cases

    if output is not None:
        refuse_inputs(output, paths)
        fmt = refuse_suffix(output, {".xml": "junit", ".txt": "text", ".log": "text"}, fmt)
    found = discover(paths, rules_dir)
    if not found.frameworks:
        raise _nothing_found(paths)
    if fmt == "junit":
        rows: list[tuple[str, str, str, str | None]] = []
        broken: dict[str, str] = {}
        for located in found.frameworks:
            try:
                outcomes = run_cases(located.path, engine)  # type: ignore[arg-type]
            except RuleError as exc:
                broken[str(located.path)] = "\n".join(exc.lines())
                continue
            for outcome in outcomes:
                if keyword and keyword not in outcome.case.id:
                    continue
                where = f"{outcome.case.file}:{outcome.case.line}"
                why = None if outcome.passed else f"{outcome.why} — {reason_text(outcome.got)}"
                rows.append((outcome.case.framework, outcome.case.id, where, why))
        emit(junit_cases(rows, broken), output)
        any_failed = bool(broken) or any(why for *_, why in rows)
        code = ExitCode.INVALID_RULES if broken else ExitCode.FINDINGS
        sys.exit(code if any_failed or not rows else ExitCode.OK)
    lines: list[str] = [_skipped_text(found.skipped)] if verbose and found.skipped else []
    passed = failed = 0
    for located in found.frameworks:
        for outcome in run_cases(located.path, engine):  # type: ignore[arg-type]
            if keyword and keyword not in outcome.case.id:
                continue
            if outcome.passed:
                passed += 1
                lines.append(f"PASS {outcome.case.id}\n")
            else:
                failed += 1
                lines.append(
                    f"FAIL {outcome.case.id} ({outcome.case.file}:{outcome.case.line}): "
                    f"{outcome.why} — {reason_text(outcome.got)}\n"
                )
    lines.append(f"{passed} passed, {failed} failed\n")
    emit("".join(lines), output)
    if passed + failed == 0:
        click.echo(tr("Không tìm thấy ca kiểm thử nào.", "No test case found."), err=True)
    sys.exit(ExitCode.FINDINGS if failed or not passed else ExitCode.OK)
