"""The working workbook (XLSX) the unit and the reviewers share, and `appraise import` reads back.

Sheets: `Bảng tự đánh giá` (one row per node), `Tổng hợp` (areas and totals, with the appraisal
rounds summed live by Excel formulas), `Minh chứng còn thiếu`, `Văn bản`, and a hidden `_meta`
sheet that ties the file to its framework, unit, year and bundle.
"""

from __future__ import annotations

import json
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from cchc_index.i18n import tr
from cchc_index.report.filing import Filing
from cchc_index.report.labels import band_shown
from cchc_index.report.reasons import product_title
from cchc_index.report.xlsx_cells import formula, workbook_bytes
from cchc_index.report.xlsx_sheets import (
    BOLD,
    HEAD_FILL,
    MAIN,
    NUMBER,
    PLAIN,
    WRAP,
    fill_main,
    row_height,
)

FORMAT_VERSION = 1


def _header(ws: Any, headers: list[tuple[str, float]]) -> None:
    for col, (text, width) in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_row(ws: Any, r: int, values: list[Any], numbers: tuple[int, ...] = ()) -> None:
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, len(values) + 1)]
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=r, column=col, value=value)
        cell.alignment = WRAP
        cell.font = PLAIN
        if col in numbers:
            cell.number_format = NUMBER
    ws.row_dimensions[r].height = row_height(values, widths)


def _round_sum(area_id: str, last: int, *columns: str) -> str:
    """Excel: an area's points after appraisal, the latest filled layer of each scored leaf."""
    sheet = f"'{MAIN}'!"

    def rng(col: str) -> str:
        return f"{sheet}${col}$2:${col}${last}"

    area = f'({rng("S")}="{area_id}")'
    terms, blank_before = [], ""
    for col in columns:  # e.g. L, I, E: take L where filled, else I where filled, else E
        filled = "" if col == "E" else f'*({rng(col)}<>"")'
        terms.append(f"SUMPRODUCT({area}{blank_before}{filled},{rng(col)})")
        blank_before += f'*({rng(col)}="")'
    return formula("=" + "+".join(terms))


def _summary(ws: Any, filing: Filing, last: int) -> None:
    result = filing.result
    _header(
        ws,
        [
            ("STT", 6),
            ("Lĩnh vực", 45),
            ("Điểm tối đa", 11),
            ("Điểm tự đánh giá", 11),
            ("Chỉ số (%)", 10),
            ("Điểm thẩm định lần 1", 12),
            ("Điểm thẩm định lần 2", 12),
        ],
    )
    r = 1
    for r, area in enumerate(result.areas, start=2):
        values = [
            area.id,
            area.title,
            area.max_points,
            area.points,
            area.index_percent,
            _round_sum(area.id, last, "I", "E"),
            _round_sum(area.id, last, "L", "I", "E"),
        ]
        _write_row(ws, r, values, numbers=(3, 4, 5, 6, 7))
    totals = [
        ("Điểm thưởng", result.bonus),
        ("Điểm trừ", result.deduction),
        ("Tổng cộng", result.total),
        ("Điểm tối đa áp dụng", result.max_points),
        ("Chỉ số (%)", result.index_percent),
        ("Xếp loại (dự kiến)", band_shown(result) or None),
    ]
    for offset, (label, value) in enumerate(totals, start=2):
        ws.cell(row=r + offset, column=2, value=label).font = BOLD
        cell = ws.cell(row=r + offset, column=4, value=value)
        cell.number_format, cell.font = NUMBER, BOLD
    # the rounds' totals and indexes follow what the reviewer types in the main sheet
    total_row, max_row, index_row = r + 4, r + 5, r + 6
    for col in ("F", "G"):
        for row, live in (
            (total_row, formula(f"=SUM({col}2:{col}{r})")),
            (index_row, formula(f'=IF($D${max_row}>0,{col}{total_row}/$D${max_row}*100,"")')),
        ):
            cell = ws[f"{col}{row}"]
            cell.value, cell.number_format, cell.font = live, NUMBER, BOLD


def _missing(ws: Any, filing: Filing) -> None:
    _header(
        ws,
        [
            ("STT", 6),
            ("Tiêu chí thành phần", 12),
            ("Sản phẩm còn thiếu", 45),
            ("Cơ quan báo cáo", 22),
            ("Yêu cầu", 45),
            ("Điểm có thể thêm", 11),
            ("Điểm có thể thêm (bổ sung cả mục)", 13),
            ("Ước tính tối đa", 10),
        ],
    )
    for r, m in enumerate(filing.result.missing, start=2):
        values = [
            r - 1,
            m.node,
            product_title(m),
            m.responsible,
            m.requirement,
            m.gain,
            m.gain_together,
            "có" if m.upper_bound else "không",
        ]
        _write_row(ws, r, values, numbers=(6, 7))


def _documents(ws: Any, filing: Filing) -> None:
    _header(
        ws,
        [
            ("Số ký hiệu", 16),
            ("Ngày", 11),
            ("Loại", 6),
            ("Cơ quan ban hành", 24),
            ("Trích yếu", 50),
            ("Tệp", 20),
            ("sha256", 20),
            ("Tiêu chí", 10),
            ("Ghi chú", 40),
        ],
    )
    for r, doc in enumerate(filing.documents.values(), start=2):
        values = [
            doc.number,
            doc.date,
            doc.kind,
            doc.issuer,
            doc.subject,
            doc.file,
            doc.sha256,
            "; ".join(doc.nodes),
            doc.note,
        ]
        _write_row(ws, r, values)
        ws.cell(row=r, column=2).number_format = "dd/mm/yyyy"


def _meta(ws: Any, filing: Filing) -> None:
    result = filing.result
    rows: list[tuple[str, object]] = [
        ("format_version", FORMAT_VERSION),
        ("framework", result.framework),
        ("decision", filing.decision),
        ("unit", result.unit),
        ("year", result.year),
        ("engine_version", filing.engine_version),
        ("written_at", filing.written_at.isoformat(timespec="seconds")),
        ("bundle_sha256", filing.bundle_sha256),
    ]
    files = json.dumps({k: v[:16] for k, v in filing.bundle_files.items()}, ensure_ascii=False)
    if filing.bundle_files and len(files) < 32_000:  # what `appraise import` names as changed
        rows.append(("bundle_files", files))
    for r, (key, value) in enumerate(rows, start=1):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _history(ws: Any, filing: Filing) -> None:
    """The unit's cycle in order, every cell text (user words never become a formula)."""
    _header(
        ws,
        [
            (tr("Ngày", "Date"), 12),
            (tr("Sự kiện", "Event"), 40),
            (tr("Người", "By"), 30),
            (tr("Chi tiết", "Details"), 80),
        ],
    )
    for r, row in enumerate(filing.history, start=2):
        _write_row(ws, r, list(row))
        for col in range(1, len(row) + 1):
            ws.cell(row=r, column=col).data_type = "s"


def render_xlsx(filing: Filing) -> bytes:
    """The working workbook as .xlsx bytes."""
    wb = Workbook()
    main = wb.worksheets[0]
    main.title = MAIN
    last = fill_main(main, filing)
    _summary(wb.create_sheet("Tổng hợp"), filing, last)
    _missing(wb.create_sheet("Minh chứng còn thiếu"), filing)
    _documents(wb.create_sheet("Văn bản"), filing)
    if filing.history:
        _history(wb.create_sheet("Lịch sử"), filing)
    _meta(wb.create_sheet("_meta"), filing)
    wb.properties.creator = f"cchc-index {filing.engine_version}"
    wb.properties.created = wb.properties.modified = filing.written_at.replace(tzinfo=None)
    return workbook_bytes(wb)
