"""The `cchc-index extract` command: parse options, call `run_extract`, print, exit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cchc_index.cli.common import LANG, OutputFolder, reports_errors
from cchc_index.errors import ExitCode
from cchc_index.extract.api import run_extract
from cchc_index.extract.evaluate_print import main
from cchc_index.extract.render import render_json, render_text
from cchc_index.i18n import tr
from cchc_index.output import refuse_inputs


@click.command(
    "extract",
    help=tr(
        "Đọc báo cáo CCHC (.txt, .md, .docx, .pdf có lớp chữ): liệt kê văn bản được trích dẫn "
        "và số liệu một cửa, tin bài; ghi bộ minh chứng nháp (-o), đối chiếu với bộ minh "
        "chứng (--against), đọc phần đầu các văn bản trong một thư mục (--documents).\n\n"
        "Mã thoát: 0 tốt; 1 --against thấy chênh lệch; 2 sai cú pháp lệnh hoặc thư mục -o "
        "đã có dữ liệu (dùng --force); 3 bộ chỉ số sai; 4 tệp đầu vào hoặc bộ minh chứng sai.",
        "Read a CCHC report (.txt, .md, .docx, text-layer .pdf): list the documents it cites "
        "and its one-stop-desk and news figures; write a draft evidence bundle (-o), compare "
        "with a bundle (--against), read the headers of the documents in a folder "
        "(--documents).\n\n"
        "Exit codes: 0 ok; 1 --against found discrepancies; 2 bad command line or -o folder "
        "not empty (use --force); 3 invalid framework; 4 invalid input file or bundle.",
    ),
)
@click.argument("report", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--year",
    type=click.IntRange(2000, 2100),
    default=None,
    help=tr(
        "Năm đánh giá (mặc định: theo tiêu đề hoặc ngày của báo cáo).",
        "Assessment year (default: from the report's title or date).",
    ),
)
@click.option(
    "-o",
    "--output",
    type=OutputFolder(file_okay=True),
    default=None,
    help=tr("Thư mục ghi bộ minh chứng nháp.", "Folder to write the draft bundle to."),
)
@click.option(
    "--against",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr("Đối chiếu với bộ minh chứng này.", "Compare with this evidence bundle."),
)
@click.option(
    "--documents",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr(
        "Thư mục văn bản (.docx, .pdf, .txt) để đọc số, ngày, trích yếu.",
        "Folder of documents (.docx, .pdf, .txt) to read number, date, subject.",
    ),
)
@click.option(
    "--rules",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr(
        "Bộ chỉ số mà bản nháp điền biến (mặc định: theo hồ sơ của --against; không có thì "
        "bộ chỉ số duy nhất dành cho năm và cấp của báo cáo; không có thì rules/hue-xa-2020).",
        "Framework whose variables the draft fills (default: the --against profile's; else "
        "the one framework made for the report's year and level; else rules/hue-xa-2020).",
    ),
)
@click.option(
    "--rules-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("rules"),
    show_default=True,
    help=tr("Nơi tìm bộ chỉ số theo tên.", "Where frameworks are looked up by id."),
)
@click.option(
    "--force",
    is_flag=True,
    help=tr("Ghi đè khi thư mục -o đã có dữ liệu.", "Overwrite a non-empty -o folder."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=tr("Dạng kết quả.", "Output format."),
)
@LANG
@reports_errors
def extract_command(
    report: Path | None,
    year: int | None,
    output: Path | None,
    against: Path | None,
    documents: Path | None,
    rules: Path | None,
    rules_dir: Path | None,
    force: bool,
    fmt: str,
) -> None:

    if report is None and documents is None:
        raise click.UsageError(
            tr("cần tệp báo cáo REPORT hoặc --documents DIR", "give a REPORT or --documents DIR")
        )
    if against is not None and report is None:
        raise click.UsageError(tr("--against cần tệp báo cáo REPORT", "--against needs a REPORT"))
    if output is not None:
        refuse_inputs(output, [report, against, documents])
    outcome = run_extract(
        report,
        year=year,
        output=output,
        against=against,
        documents=documents,
        force=force,
        rules=rules,
        rules_dir=rules_dir,
    )
    click.echo((render_json if fmt == "json" else render_text)(outcome), nl=False)
    sys.exit(ExitCode.FINDINGS if outcome.findings else ExitCode.OK)


@click.command(
    "extract-eval",
    help=tr(
        "Đo độ chính xác và độ phủ của extract (trích dẫn, số liệu) trên các bộ báo cáo có đáp án "
        "(mặc định: các bộ đã dùng để chỉnh, tests/extract/eval và heldout, rồi in riêng các bộ chưa "
        "từng dùng để chỉnh, tests/extract/fresh và untuned-*), và thời gian đọc báo cáo 200 trang.\n\n"
        "Mã thoát: 0 đạt ngưỡng; 1 dưới ngưỡng hoặc có số ghi sai; 4 thư mục không có đáp án.",
        "Measure extract's precision and recall (citations, figures) on report sets with gold files "
        "(default: the tuned sets tests/extract/eval and heldout, then, apart, the never-tuned ones, "
        "tests/extract/fresh and untuned-*), and the time to read a 200-page "
        "report.\n\nExit codes: 0 bars met; 1 below a bar or a wrong figure; 4 a folder without gold.",
    ),
)
@click.argument("folders", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
@LANG
@reports_errors
def extract_eval_command(folders: tuple[Path, ...]) -> None:

    sys.exit(main([str(f) for f in folders]))
