"""The working workbook's main sheet, `Bảng tự đánh giá`: one row per node, appraisal columns.

Columns and their order are a file format (APPRAISAL.md): `appraise import` reads I–M back by
letter, so they never move; headers are Vietnamese whatever the language of the run.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from cchc_index.model.result import Status
from cchc_index.report.filing import Filing
from cchc_index.report.rows import (
    Level,
    Row,
    evidence_lines,
    explanation,
    note,
    reason,
    rows,
)

MAIN = "Bảng tự đánh giá"
# (header, width, editable by the unit or the appraiser)
COLUMNS: list[tuple[str, float, bool]] = [
    ("STT", 7, False),  # A
    ("Cấp", 10, False),  # B
    ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", 36, False),  # C
    ("Điểm tối đa", 9, False),  # D
    ("Điểm tự đánh giá", 10, False),  # E (unlocked only where the unit may override)
    ("Trạng thái", 14, False),  # F
    ("Tài liệu kiểm chứng", 30, True),  # G
    ("Giải trình", 26, True),  # H
    ("Điểm thẩm định lần 1", 10, True),  # I
    ("Ý kiến thẩm định lần 1", 18, True),  # J
    ("Giải trình bổ sung", 18, True),  # K
    ("Điểm thẩm định lần 2", 10, True),  # L
    ("Ý kiến thẩm định lần 2", 18, True),  # M
    ("Ghi chú", 12, True),  # N
    ("Yêu cầu, cách chấm điểm", 40, False),  # O  (collapsed reference group O–R)
    ("Cơ quan báo cáo", 20, False),  # P
    ("Lý do chấm (cchc-index)", 40, False),  # Q
    ("Căn cứ (quyết định, dòng)", 30, False),  # R
    ("Mã lĩnh vực (để cộng điểm)", 6, False),  # S  hidden: the area of each scored leaf
]
NUMBER = "0.00"
FONT = "Times New Roman"
PLAIN = Font(name=FONT, size=11)
BOLD = Font(name=FONT, size=11, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNLOCKED = Protection(locked=False)


def _values(filing: Filing, row: Row) -> list[Any]:
    leaf = row.leaf
    values: list[Any] = [row.id, row.level.vi, row.title, row.max_points, row.points]
    values += [None] * (len(COLUMNS) - len(values))
    if leaf is None:
        values[5] = ""
        return values
    info = filing.nodes.get(leaf.id)
    marks = filing.appraisal.get(leaf.id)
    values[5] = leaf.status.value
    values[6] = "\n".join(evidence_lines(filing, leaf))
    values[7] = explanation(filing, leaf) or None
    if marks is not None:
        values[8:13] = [marks.round1, marks.reason1, marks.explanation, marks.round2, marks.reason2]
    values[13] = note(leaf) or None
    if info is not None:
        values[14], values[15], values[17] = info.requirement, info.responsible, info.source
    values[16] = reason(leaf)
    if leaf.adjustment == 0:
        values[18] = leaf.area
    return values


def fill_main(ws: Any, filing: Filing) -> int:
    """Write the node rows; returns the last row number."""
    for col, (header, width, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = 45
    last = 1
    for r, row in enumerate(rows(filing.result), start=2):
        last = r
        values = _values(filing, row)
        heading = row.level in (Level.AREA, Level.CRITERION) and row.leaf is None
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.alignment = WRAP
            cell.font = BOLD if heading else PLAIN
            if col in (4, 5, 9, 12):
                cell.number_format = NUMBER
        ws.row_dimensions[r].outline_level = row.level.depth
        ws.row_dimensions[r].height = row_height(values[:14], [w for _, w, _ in COLUMNS])
        if row.leaf is not None:
            _unlock(ws, r, row.leaf.status)
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.freeze_panes = "C2"
    ws.column_dimensions.group("O", "R", hidden=True, outline_level=1)
    ws.column_dimensions["S"].hidden = True
    _validate(ws, last)
    _protect_and_print(ws, last)
    return last


def row_height(values: list[Any], widths: list[float]) -> float:
    """Points for a row whose wrapped text shows whole: neither Excel nor LibreOffice sizes
    rows of a generated file on opening, so long cells would be cut off."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and not value.startswith("="):  # a formula shows a number
            per_line = max(1, int(width * 1.45))
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    return 14.0 * lines + 2


def _unlock(ws: Any, r: int, status: Status) -> None:
    for col, (_, _, editable) in enumerate(COLUMNS, start=1):
        qualitative = col == 5 and status is Status.PENDING  # the unit may override "đạt"
        if editable or qualitative:
            cell = ws.cell(row=r, column=col)
            cell.protection = UNLOCKED
            cell.fill = EDIT_FILL


def _validate(ws: Any, last: int) -> None:
    """E, I, L: a decimal between 0 and the row's maximum (column D)."""
    check = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="$D2",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="Điểm không hợp lệ",
        error="Điểm phải là số từ 0 đến điểm tối đa của dòng (cột D).",
        promptTitle="Điểm",
        prompt="Nhập số từ 0 đến điểm tối đa (cột D).",
    )
    for col in "EIL":
        check.add(f"{col}2:{col}{last}")
    ws.add_data_validation(check)


def _protect_and_print(ws: Any, last: int) -> None:
    ws.protection.sheet = True  # no password: protection guards against slips, not people
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.auto_filter.ref = f"A1:N{last}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:N{last}"
    ws.print_options.gridLines = True
    ws.page_margins.left, ws.page_margins.right = 0.6, 0.4
    ws.oddFooter.center.text = "Trang &P / &N"
    ws.oddFooter.center.font = f"{FONT},Regular"
