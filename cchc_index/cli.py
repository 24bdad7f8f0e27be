"""The `cchc-index` command: a thin layer over the API; errors become exit codes in one place."""

from __future__ import annotations

import gc
import sys
from importlib import import_module
from pathlib import Path

import click

from cchc_index.cli_common import LANG, lang_in_argv, reports_errors
from cchc_index.errors import ExitCode
from cchc_index.i18n import set_lang, tr

set_lang(lang_in_argv(sys.argv))

ENGINE = click.option(
    "--engine",
    type=click.Choice(["durable", "reference"]),
    default="durable",
    show_default=True,
    help=tr(
        "Bộ máy chấm: durable_rules, hoặc bản tham chiếu thuần Python.",
        "Engine: durable_rules, or the pure-Python reference.",
    ),
)
RULES = click.option(
    "--rules",
    "rules",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr(
        "Thư mục bộ chỉ số; mặc định lấy theo 'framework' trong profile.yaml.",
        "Framework folder; by default the one named in profile.yaml.",
    ),
)
RULES_DIR = click.option(
    "--rules-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("rules"),
    show_default=True,
    help=tr("Nơi tìm bộ chỉ số theo tên.", "Where frameworks are looked up by id."),
)
OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=tr("Ghi ra tệp (ghi nguyên vẹn, không dở dang).", "Write to a file (atomically)."),
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    help=tr(
        "Chấm điểm Chỉ số cải cách hành chính (PAR Index): tự đánh giá, kiểm tra minh chứng, kiểm tra bộ chỉ số.\n\n"
        "Mã thoát: 0 tốt; 1 có ca kiểm thử sai hoặc còn thiếu minh chứng; 2 sai cú pháp lệnh; "
        "3 tệp bộ chỉ số sai; 4 bộ minh chứng hoặc tài liệu đầu vào sai; 5 lỗi bộ máy.",
        "Score the Public Administration Reform index (PAR Index): self-assessment, evidence checks, rule-file checks.\n\n"
        "Exit codes: 0 ok; 1 a rule case failed or evidence is missing; 2 bad command line; "
        "3 invalid rule files; 4 invalid evidence bundle or input document; 5 engine failure.",
    ),
)
@LANG
def cli() -> None:
    pass


def emit(text: str, output: Path | None) -> None:
    from cchc_index.output import write_atomic

    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(tr(f"Đã ghi {output}", f"Wrote {output}"), err=True)


@cli.command(
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
    default="text",
    show_default=True,
    help=tr("Dạng báo cáo; junit cho CI.", "Report format; junit for CI."),
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
def validate(paths: tuple[Path, ...], fmt: str, verbose: bool, output: Path | None) -> None:
    from cchc_index.cases import load_cases
    from cchc_index.errors import Problem, RuleError
    from cchc_index.explain import framework_notes
    from cchc_index.junit import junit
    from cchc_index.load.rules import load_framework

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


@cli.command(
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
    from cchc_index.cases import run_cases

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
                    f"FAIL {outcome.case.id} ({outcome.case.file}:{outcome.case.line}): {outcome.why}"
                )
    click.echo(f"{passed} passed, {failed} failed")
    if passed + failed == 0:
        click.echo(tr("Không tìm thấy ca kiểm thử nào.", "No test case found."), err=True)
    sys.exit(ExitCode.FINDINGS if failed or not passed else ExitCode.OK)


@cli.command(
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
        "Dạng kết quả; mặc định theo đuôi tệp -o (.md, .json, .csv), nếu không thì bảng.",
        "Output format; by default from the -o file's suffix (.md, .json, .csv), else a table.",
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
    from cchc_index.api import open_unit
    from cchc_index.evaluate import evaluate
    from cchc_index.report.render import RENDERERS

    if fmt is None:
        suffix = output.suffix.lower() if output is not None else ""
        fmt = {".md": "markdown", ".json": "json", ".csv": "csv"}.get(suffix, "table")
    source, unit = open_unit(bundle, rules, rules_dir)
    emit(RENDERERS[fmt](evaluate(source.framework, unit, engine)), output)  # type: ignore[arg-type]


@cli.command(
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

    from cchc_index.api import open_unit
    from cchc_index.evaluate import evaluate
    from cchc_index.model.result import as_json
    from cchc_index.report.render import render_missing

    source, unit = open_unit(bundle, rules, rules_dir)
    result = evaluate(source.framework, unit)
    if fmt == "json":
        click.echo(json.dumps(as_json(result.missing), ensure_ascii=False, indent=2))
    else:
        click.echo(render_missing(result), nl=False)
    sys.exit(ExitCode.FINDINGS if result.missing else ExitCode.OK)


@cli.command(
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
    from cchc_index.api import open_unit
    from cchc_index.evaluate import evaluate
    from cchc_index.explain import explain_node, find_node
    from cchc_index.load.rules import load_framework

    framework = load_framework(rules).framework
    node = find_node(framework, node_id, rules)
    result = None
    if bundle is not None:
        _, unit = open_unit(bundle, rules, rules.parent)
        result = evaluate(framework, unit)
    click.echo(explain_node(framework, node, result), nl=False)


@cli.command(
    help=tr(
        "Đo hiệu năng trên một tỉnh tổng hợp (không phải kiểm thử có giới hạn thời gian).",
        "Benchmark a synthetic province (a measurement, not a timed test).",
    )
)
@click.option(
    "--sizes",
    default="100,1000,3321",
    show_default=True,
    help=tr("Số đơn vị mỗi lượt, cách nhau bằng dấu phẩy.", "Units per run, comma-separated."),
)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--sample",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("evidence/quang-an-2020"),
    show_default=True,
    help=tr(
        "Bộ minh chứng để đo thời gian khởi động lạnh.", "Bundle for the cold-start measurement."
    ),
)
@LANG
def bench(sizes: str, workers: int, sample: Path) -> None:
    from cchc_index.bench import cold_start, measure

    measure([int(s) for s in sizes.split(",") if s.strip()], workers, click.echo)
    if (sample / "profile.yaml").is_file():
        click.echo(f"cold_start_score_s={cold_start(sample):.3f}")


def _register_extract() -> None:
    from cchc_index.extract.command import extract_command  # a package of its own, same CLI

    cli.add_command(extract_command, name="extract")


_register_extract()
cli.add_command(import_module("cchc_index.cli_import").import_framework)  # its own module


def main() -> None:
    # Scoring makes many short-lived, acyclic objects; the default thresholds make the cyclic
    # collector rescan the (large, long-lived) import graph over and over: ~20 % of a batch.
    gc.set_threshold(50_000, 20, 20)
    cli()
