"""`cchc-index verify`, `binder` and `verify-eval`: parse, call cchc_index.verify, emit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from cchc_index.cli.common import JOBS, LANG, OUTPUT, RULES_DIR, emit, reports_errors, warn
from cchc_index.errors import EvidenceError, ExitCode
from cchc_index.i18n import tr

if TYPE_CHECKING:
    from cchc_index.service.review import Review


def verify_warnings(bundle: Path, review: Review) -> None:
    """`score --verify`, `check --verify`: the files read, their differences and missing
    signatures as warnings (the points do not change)."""
    from cchc_index.verify.notes import differing, signature_notes
    from cchc_index.verify.run import verify_loaded

    working = review.working_bundle  # the files as they are now, submitted or not
    report = verify_loaded(bundle, working)
    framework = review.source.framework
    warn(differing(report, bundle))
    warn(signature_notes(framework, working, review.draft_result, report, bundle))


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
@JOBS
@LANG
@reports_errors
def verify(bundle: Path, fmt: str, output: Path | None, links: bool, jobs: int | None) -> None:
    if output is not None:
        from cchc_index.output import refuse_inputs

        refuse_inputs(output, [bundle])
    if not (bundle / "profile.yaml").is_file() and bundle.is_dir():
        _verify_many(bundle, fmt, output, links, jobs)
    from cchc_index.verify.run import verify_bundle
    from cchc_index.verify.show import RENDERERS

    report = verify_bundle(bundle, links=links)
    emit(RENDERERS[fmt](report), output)
    sys.exit(ExitCode.FINDINGS if report.differs else ExitCode.OK)


def _verify_many(
    folder: Path, fmt: str, output: Path | None, links: bool, jobs: int | None
) -> NoReturn:
    """A folder of bundles (a province's units): each one checked, one summary; exit 7 when a
    bundle could not be read (the others are still checked and listed), else 1 when a file
    differs."""
    from cchc_index.province.runner import find_bundles
    from cchc_index.verify import many

    folders = find_bundles([folder])
    if not folders:
        raise EvidenceError(
            [],
            tr(
                f"{folder}: không có profile.yaml, cũng không chứa bộ minh chứng nào (thư mục có "
                "profile.yaml)",
                f"{folder}: no profile.yaml, and no bundle (a folder with a profile.yaml) in it",
            ),
        )
    units = many.verify_many(folders, jobs, links=links)
    emit(many.RENDERERS[fmt](units), output)
    if any(u.report is None for u in units):
        sys.exit(ExitCode.UNITS_FAILED)
    sys.exit(ExitCode.FINDINGS if any(u.differing for u in units) else ExitCode.OK)


@click.command(
    "binder",
    help=tr(
        "Đóng hồ sơ minh chứng nộp Hội đồng thẩm định: tệp ZIP có một thư mục cho mỗi lĩnh vực "
        "và tiêu chí thành phần với các tệp của nó, Danh mục tài liệu kiểm chứng (DOCX, PDF) và "
        "manifest.json; hoặc kiểm tra hồ sơ nhận được (--check).\n\n"
        "Mã thoát: 0 tốt; 1 --check thấy tệp bị đổi, thiếu hoặc thừa; 4 bộ minh chứng hoặc tệp "
        "ZIP sai; 6 thiếu LibreOffice (apt-get install libreoffice-writer-nogui) hoặc Tesseract.",
        "Pack the evidence binder for the appraisal council: a ZIP with one folder per area and "
        "sub-criterion holding its files, the index of evidence (DOCX, PDF) and manifest.json; "
        "or check a received binder (--check).\n\n"
        "Exit codes: 0 ok; 1 --check found a changed, missing or extra file; 4 invalid bundle or "
        "ZIP; 6 LibreOffice (apt-get install libreoffice-writer-nogui) or Tesseract missing.",
    ),
)
@click.argument("bundle", required=False, type=click.Path(path_type=Path, file_okay=False))
@OUTPUT
@click.option(
    "--check",
    "check_zip",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=tr("Kiểm tra một hồ sơ ZIP nhận được.", "Check a received binder ZIP."),
)
@click.option(
    "--no-pdf",
    is_flag=True,
    help=tr(
        "Không xuất bản PDF của danh mục (không cần LibreOffice).",
        "No PDF of the index (no LibreOffice needed).",
    ),
)
@click.option(
    "--no-verify",
    is_flag=True,
    help=tr(
        "Không đối chiếu tệp (không OCR); cột kết quả ghi 'chưa đối chiếu'.",
        "Do not check the files (no OCR).",
    ),
)
@click.option(
    "--rules",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=tr(
        "Thư mục bộ chỉ số; mặc định theo profile.yaml.",
        "Framework folder; by default the profile's.",
    ),
)
@RULES_DIR
@LANG
@reports_errors
def binder(
    bundle: Path | None,
    output: Path | None,
    check_zip: Path | None,
    no_pdf: bool,
    no_verify: bool,
    rules: Path | None,
    rules_dir: Path | None,
) -> None:
    if check_zip is not None:
        if bundle is not None or output is not None:
            raise click.UsageError(tr("--check chỉ nhận tệp ZIP", "--check takes only the ZIP"))
        from cchc_index.verify.binder import check_binder
        from cchc_index.verify.read import load_bytes

        data = load_bytes(check_zip)
        if isinstance(data, str):
            from cchc_index.errors import problem_at

            raise EvidenceError([problem_at(check_zip, data)])
        result = check_binder(data, str(check_zip))
        click.echo(result.text(str(check_zip)), nl=False)
        sys.exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)
    if bundle is None or output is None:
        raise click.UsageError(
            tr(
                "cần BUNDLE và -o HỒ-SƠ.zip (hoặc --check HỒ-SƠ.zip)",
                "give BUNDLE and -o BINDER.zip (or --check BINDER.zip)",
            )
        )
    from cchc_index.load.unit import open_unit
    from cchc_index.output import refuse_inputs, write_atomic
    from cchc_index.verify.binder import build_binder
    from cchc_index.verify.run import verify_loaded

    refuse_inputs(output, [bundle])
    framework, loaded = open_unit(bundle, rules, rules_dir)
    report = None if no_verify else verify_loaded(bundle, loaded)
    data = build_binder(bundle, loaded, framework.framework, report, pdf=not no_pdf)
    write_atomic(output, data)
    click.echo(tr(f"Đã ghi {output}", f"Wrote {output}"), err=True)


@click.command(
    "verify-eval",
    help=tr(
        "Đo độ đúng của verify trên bộ văn bản tổng hợp có đáp án (tạo lại theo seed): lớp chữ "
        "PDF, bản quét sạch 300 dpi, bản quét 200 dpi, bản photocopy, ảnh chụp điện thoại; chữ "
        "ký số (ký, bị sửa, không ký).\n\n"
        "Mã thoát: 0 đạt ngưỡng; 1 chưa đạt; 6 thiếu Tesseract.",
        "Measure verify's verdicts on a seeded synthetic set with known answers: PDF text layer, "
        "clean 300 dpi scans, 200 dpi scans, photocopies, phone photos; digital signatures "
        "(signed, tampered, unsigned).\n\n"
        "Exit codes: 0 targets met; 1 not met; 6 Tesseract missing.",
    ),
)
@click.option(
    "--count",
    type=click.IntRange(1, 500),
    default=24,
    show_default=True,
    help=tr("Số văn bản.", "Number of documents."),
)
@click.option(
    "--seed",
    type=int,
    default=2020,
    show_default=True,
    help=tr("Hạt giống ngẫu nhiên.", "Random seed."),
)
@click.option(
    "--sets",
    default="text,clean-300,scan-200,photocopy-200,phone",
    show_default=True,
    help=tr("Các bộ cần đo, cách nhau bằng dấu phẩy.", "Sets to measure, comma-separated."),
)
@OUTPUT
@LANG
@reports_errors
def verify_eval(count: int, seed: int, sets: str, output: Path | None) -> None:
    from cchc_index.verify.evaluate import SETS, evaluate, render_evaluation

    chosen = tuple(s.strip() for s in sets.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        raise click.UsageError(
            tr(
                f"bộ không có: {', '.join(unknown)} (có: {', '.join(SETS)})",
                f"unknown sets: {', '.join(unknown)} (known: {', '.join(SETS)})",
            )
        )
    evaluation = evaluate(count, seed, chosen)
    emit(render_evaluation(evaluation), output)
    sys.exit(ExitCode.OK if evaluation.passed() else ExitCode.FINDINGS)
