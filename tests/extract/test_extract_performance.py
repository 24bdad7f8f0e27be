"""A generated 200-page report is read in well under two seconds (measured, printed)."""

from __future__ import annotations

import time
from pathlib import Path

from cchc_index.extract.report import extract_report

from .helpers import make_docx, make_pdf

FILLER = (
    "Công tác cải cách hành chính tiếp tục được cấp ủy, chính quyền quan tâm chỉ đạo, "
    "triển khai đồng bộ trên các lĩnh vực; chất lượng đội ngũ cán bộ, công chức từng bước "
    "được nâng lên, đáp ứng yêu cầu nhiệm vụ trong tình hình mới."
)


def page(p: int) -> list[str]:
    """About 3,300 characters: prose, citations in several forms, one-stop-desk figures."""
    day, month = p % 28 + 1, p % 12 + 1
    lines = [f"{p}. Kết quả thực hiện nhiệm vụ tháng {month}", ""]
    for i in range(4):
        n = p * 10 + i
        lines += [
            f"- UBND xã đã ban hành Kế hoạch số {n}/KH-UBND ngày {day}/{month}/2020 về triển "
            f"khai nhiệm vụ {i} năm 2020; Quyết định số {n}/QĐ-UBND ngày {day} tháng {month} "
            f"năm 2020 của UBND tỉnh về việc ban hành quy chế phối hợp.",
            "",
            FILLER,
            "",
        ]
    lines += [
        f"Trong tháng, số hồ sơ tiếp nhận: {1000 + p} hồ sơ; hồ sơ giải quyết đúng hạn: "
        f"{900 + p} hồ sơ; hồ sơ trễ hạn: {p % 5} hồ sơ; đã đăng {p} tin, bài về CCHC.",
        "",
        f"Thực hiện Nghị định số {p}/2018/NĐ-CP của Chính phủ và Công văn số {p}/UBND-VP "
        f"ngày {day}/{month}/2020 V/v tăng cường kỷ luật, kỷ cương hành chính.",
        "",
        FILLER + " " + FILLER,
        "",
    ]
    return lines


PAGES = [page(p) for p in range(1, 201)]


def _timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    extraction = extract_report(path, year=2020)
    return time.perf_counter() - start, len(extraction.citations)


def test_a_200_page_text_report(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.txt"
    path.write_text("\n".join(line for p in PAGES for line in p), encoding="utf-8")
    seconds, found = _timed(path)
    size = path.stat().st_size // 1024
    print(f"200 pages of text ({size} KB): {seconds:.2f} s, {found} documents")
    assert found == 200 * 10
    assert seconds < 10  # generous for slow CI machines; measured ~0.5 s on a laptop core


def test_a_200_page_docx_and_pdf(tmp_path: Path) -> None:
    docx_path = tmp_path / "bao-cao.docx"
    docx_path.write_bytes(make_docx([line for p in PAGES for line in p]))
    pdf_path = tmp_path / "bao-cao.pdf"
    pdf_path.write_bytes(make_pdf([[x for x in p if x][:40] for p in PAGES]))
    docx_seconds, docx_found = _timed(docx_path)
    pdf_seconds, pdf_found = _timed(pdf_path)
    print(f"200 pages of .docx: {docx_seconds:.2f} s; of .pdf: {pdf_seconds:.2f} s")
    assert docx_found == 2000 and pdf_found > 1000
    assert docx_seconds < 20 and pdf_seconds < 30
