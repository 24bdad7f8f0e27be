"""The binder's index, "Danh mục tài liệu kiểm chứng", as DOCX (NĐ 30 page and font) and as
PDF through LibreOffice headless."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cchc_index.errors import EnvironmentProblem
from cchc_index.i18n import tr


@dataclass(frozen=True)
class IndexRow:
    """One line of the index: a cited file with its register row and verdict."""

    number: str
    date: str
    issuer: str
    title: str
    files: tuple[str, ...]
    sha256: str
    verdict: str


SOFFICE_PACKAGE = "libreoffice-writer-nogui"
SOFFICE_TIMEOUT = 180
_COLUMNS = [12.0, 30.0, 22.0, 30.0, 52.0, 44.0, 20.0, 42.0]  # mm, 252 of a landscape A4


def index_docx(rows: list[IndexRow], unit: str, year: int) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from cchc_index.report.docx_parts import (
        add_row,
        fixed_table,
        page_number_header,
        page_setup,
        para,
        repeat_header,
        set_base_font,
    )

    document = docx.Document()
    set_base_font(document, 12)
    section = document.sections[0]
    page_setup(section, landscape=True)
    page_number_header(section, skip_first=True)
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(document, "DANH MỤC TÀI LIỆU KIỂM CHỨNG", bold=True, size=14, align=center, after=0)
    para(
        document,
        f"Chỉ số cải cách hành chính năm {year} - {unit}",
        bold=True,
        size=13,
        align=center,
        after=12,
    )
    table = fixed_table(document, _COLUMNS)
    head = add_row(
        table,
        [
            "STT",
            "Số, ký hiệu",
            "Ngày",
            "Cơ quan ban hành",
            "Trích yếu",
            "Tệp",
            "SHA-256",
            "Kết quả đối chiếu",
        ],
        bold=True,
        size=11,
    )
    repeat_header(head)
    for number, row in enumerate(rows, start=1):
        add_row(
            table,
            [
                str(number),
                row.number,
                row.date,
                row.issuer,
                row.title,
                "\n".join(row.files),
                row.sha256[:16] + "…",
                row.verdict,
            ],
            size=10,
        )
    para(
        document,
        "SHA-256 đầy đủ của từng tệp ở manifest.json; kiểm tra hồ sơ nhận được bằng: cchc-index binder --check TỆP.zip",
        italic=True,
        size=11,
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(docx_bytes: bytes, name: str) -> bytes:
    """The DOCX converted by LibreOffice headless (exit 6 naming the package when absent)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise EnvironmentProblem(
            [],
            tr(
                f"cần LibreOffice để xuất PDF: apt-get install {SOFFICE_PACKAGE} (hoặc dùng --no-pdf)",
                f"PDF output needs LibreOffice: apt-get install {SOFFICE_PACKAGE} (or use --no-pdf)",
            ),
        )
    with tempfile.TemporaryDirectory(prefix="cchc-binder-") as folder:
        work = Path(folder)
        source = work / f"{name}.docx"
        source.write_bytes(docx_bytes)
        profile = (work / "profile").as_uri()
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=SOFFICE_TIMEOUT,
                stdin=subprocess.DEVNULL,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise EnvironmentProblem(
                [],
                tr(
                    f"LibreOffice không chuyển được sang PDF: {exc}",
                    f"LibreOffice could not convert to PDF: {exc}",
                ),
            ) from None
        result = work / f"{name}.pdf"
        if not result.is_file():
            raise EnvironmentProblem(
                [], tr("LibreOffice không tạo ra tệp PDF", "LibreOffice made no PDF")
            )
        return result.read_bytes()
