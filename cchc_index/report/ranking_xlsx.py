"""Ranking → XLSX: the province summary workbook (`batch -o xep-hang.xlsx`).

One sheet `Tổng hợp đơn vị` per framework and year (their points do not compare), numbers
stored as numbers, and a sheet `Đơn vị lỗi` listing each bundle that could not be scored with
its located errors. Only what a `Ranking` holds is written: the ranked total is that of the
layer the unit is ranked on (self-assessment or its latest appraisal round), named in its own
column; separate round totals and the survey score are not kept by a batch, so they have no
column here rather than an invented number.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from cchc_index.i18n import tr
from cchc_index.model.ranking import Ranking, RankingRow
from cchc_index.report.labels import block_words
from cchc_index.report.ranking_words import area_ids, ranked_on
from cchc_index.report.xlsx_cells import workbook_bytes

FONT = "Times New Roman"
PLAIN = Font(name=FONT, size=11)
BOLD = Font(name=FONT, size=11, bold=True)
TITLE = Font(name=FONT, size=13, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
HEAD_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
WRAP = Alignment(wrap_text=True, vertical="top")
POINTS = "0.00"
PERCENT = '0.00"%"'  # the value is already a percentage (57.14), not a fraction
HEADER_ROW = 2  # row 1 holds the group's title


def _columns(areas: list[str]) -> list[tuple[str, float, str | None]]:
    """(header, width, number format) of the summary sheet, in order."""
    return [
        ("STT", 6, None),
        (tr("Tên đơn vị", "Unit"), 30, None),
        (tr("Tổng điểm", "Total"), 10, POINTS),
        (tr("Điểm tối đa áp dụng", "Applicable maximum"), 11, POINTS),
        (tr("Chỉ số (%)", "Index (%)"), 10, PERCENT),
        (tr("Xếp hạng", "Rank"), 8, "0"),
        (tr("Xếp loại", "Band"), 12, None),
        (tr("Điểm xếp hạng theo", "Ranked on"), 16, None),
        (tr("Sản phẩm còn thiếu", "Missing products"), 10, "0"),
        *((tr(f"Chỉ số LV {a} (%)", f"Area {a} index (%)"), 10, PERCENT) for a in areas),
        (tr("Thư mục minh chứng", "Evidence folder"), 28, None),
    ]


def _values(stt: int, row: RankingRow, areas: list[str]) -> list[Any]:
    s = row.score
    by_id = {a.node: a.index_percent for a in s.areas()}
    layer = ranked_on(s.layer)
    return [
        stt,
        s.unit,
        s.total,
        s.max_points,
        s.index_percent,  # None (no applicable maximum) stays an empty cell
        row.rank,
        s.band,
        layer,
        s.missing,
        *(by_id.get(a) for a in areas),
        s.folder,
    ]


def sheet_head(ws: Worksheet, title: str, columns: list[tuple[str, float, str | None]]) -> None:
    """A summary sheet's title (row 1, merged) and headers (row 2), printed landscape on A4."""
    top = ws.cell(row=1, column=1, value=title)
    top.font, top.alignment = TITLE, WRAP
    # merged across the table so a long title wraps inside the printed width, not beyond it
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.row_dimensions[1].height = 36
    ws.row_dimensions[HEADER_ROW].height = 45  # room for the wrapped headers
    for col, (text, width, _fmt) in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=text)
        cell.font, cell.fill, cell.alignment = BOLD, HEAD_FILL, HEAD_ALIGN
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"1:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def sheet_body(ws: Worksheet, rows: list[list[Any]], formats: list[str | None]) -> None:
    """The rows under `sheet_head`, each column in its number format, with a filter."""
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.font, cell.alignment = PLAIN, WRAP
            if formats[col - 1] is not None:
                cell.number_format = formats[col - 1]
    last = HEADER_ROW + max(len(rows), 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(formats))}{last}"


def _group_title(year: int, framework: str, rows: list[RankingRow]) -> str:
    title, block = rows[0].score.framework_title, block_words(rows)
    return tr(
        f"Tổng hợp kết quả năm {year} — {title} ({framework}){block}, {len(rows)} đơn vị",
        f"Results {year} — {title} ({framework}){block}, {len(rows)} unit(s)",
    )


def _summary_sheets(wb: Workbook, ranking: Ranking) -> None:
    groups = ranking.groups()
    name = tr("Tổng hợp đơn vị", "Unit summary")
    if not groups:
        ws = wb.create_sheet(name)
        columns = _columns([])
        sheet_head(ws, tr("Không có đơn vị nào được chấm.", "No unit was scored."), columns)
        sheet_body(ws, [], [c[2] for c in columns])
        return
    for i, ((year, framework), rows) in enumerate(groups, start=1):
        # one sheet per framework and year; a sheet name is at most 31 characters
        ws = wb.create_sheet(name if len(groups) == 1 else f"{name} {i}")
        areas = area_ids(rows)
        columns = _columns(areas)
        sheet_head(ws, _group_title(year, framework, rows), columns)
        data = [_values(stt, row, areas) for stt, row in enumerate(rows, start=1)]
        sheet_body(ws, data, [c[2] for c in columns])


def _failed_sheet(wb: Workbook, ranking: Ranking) -> None:
    ws = wb.create_sheet(tr("Đơn vị lỗi", "Failed units"))
    columns: list[tuple[str, float, str | None]] = [
        ("STT", 6, None),
        (tr("Thư mục minh chứng", "Evidence folder"), 30, None),
        (tr("Mã thoát", "Exit code"), 8, "0"),
        (tr("Lỗi (tệp:dòng:cột: nội dung)", "Error (file:line:col: message)"), 90, None),
    ]
    sheet_head(
        ws,
        tr(
            f"Bộ minh chứng không chấm được: {len(ranking.failed)}",
            f"Bundles that could not be scored: {len(ranking.failed)}",
        ),
        columns,
    )
    data = [
        [stt, failed.folder, failed.exit_code, problem]
        for stt, failed in enumerate(ranking.failed, start=1)
        for problem in failed.problems or ("",)
    ]
    sheet_body(ws, data, [c[2] for c in columns])


def render_ranking_xlsx(ranking: Ranking) -> bytes:
    """The province summary workbook of a ranking, as the bytes of an .xlsx file."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    _summary_sheets(wb, ranking)
    _failed_sheet(wb, ranking)
    return workbook_bytes(wb)
