"""`cchc-index verify`, `binder` and `verify-eval`: parse, call cchc_index.verify, emit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cchc_index.cli.common import LANG, OUTPUT, emit, reports_errors
from cchc_index.errors import ExitCode
from cchc_index.i18n import tr


@click.command(
    "verify",
    help=tr(
        "Đọc từng tệp minh chứng của bộ minh chứng (lớp chữ PDF, Word, hoặc OCR bản quét) và đối "
        "chiếu số ký hiệu, ngày, cơ quan ban hành, trích yếu và chữ ký số với documents.csv; "
        "ngày chụp của ảnh; đường link khi có --links.\n\n"
        "Mã thoát: 0 không có gì khác; 1 có tệp ghi khác bảng hoặc chữ ký bị phá; 4 bộ minh chứng "
        "sai; 6 thiếu Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie).",
        "Read each evidence file of the bundle (PDF text layer, Word, or OCR of a scan) and check "
        "its number, date, issuer, title and digital signature against documents.csv; a photo's "
        "EXIF date; links with --links.\n\n"
        "Exit codes: 0 nothing differs; 1 a file says otherwise or a signature is broken; 4 "
        "invalid bundle; 6 Tesseract missing (apt-get install tesseract-ocr tesseract-ocr-vie).",
    ),
)
@click.argument("bundle", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
    help=tr("Dạng kết quả.", "Output format."),
)
@OUTPUT
@click.option(
    "--links",
    is_flag=True,
    help=tr(
        "Kiểm tra cả đường link (mỗi link một yêu cầu HEAD/GET, chờ tối đa 5 giây).",
        "Check links too (one HEAD/GET per link, 5 s timeout).",
    ),
)
@LANG
@reports_errors
def verify(bundle: Path, fmt: str, output: Path | None, links: bool) -> None:
    from cchc_index.verify.run import verify_bundle
    from cchc_index.verify.show import RENDERERS

    if output is not None:
        from cchc_index.output import refuse_inputs

        refuse_inputs(output, [bundle])
    report = verify_bundle(bundle, links=links)
    emit(RENDERERS[fmt](report), output)
    sys.exit(ExitCode.FINDINGS if report.differs else ExitCode.OK)
