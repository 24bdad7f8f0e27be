"""The distribution of each item across units → CSV and XLSX (the Sở's table of where the
province loses points). Renders `ItemTable`s; computes nothing (`province.spread` does)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from cchc_index.i18n import tr
from cchc_index.model.spread import FULL, NOT_COUNTED, PARTIAL, SHARES, WAITING, ZERO, ItemTable


def share_words(share: str) -> str:
    """A share's name in the reader's language."""
    return {
        FULL: tr("Đủ điểm", "Full points"),
        PARTIAL: tr("Một phần", "Partial"),
        ZERO: tr("Không điểm", "Zero"),
        WAITING: tr("Chờ minh chứng / xác nhận", "Awaiting evidence / confirmation"),
        NOT_COUNTED: tr("Không tính (không áp dụng, do tỉnh chấm)", "Not counted (n/a, survey)"),
    }[share]


def adjustment_words(adjustment: int) -> str:
    """'bonus' or 'deduction' for an item outside the maximum; empty for a regular one."""
    if adjustment > 0:
        return tr("điểm thưởng", "bonus")
    return tr("điểm trừ", "deduction") if adjustment < 0 else ""


def table_title(table: ItemTable) -> str:
    return tr(
        f"Phân bố điểm từng tiêu chí thành phần năm {table.year} — {table.framework_title} "
        f"({table.framework}), {table.units} đơn vị",
        f"Each sub-criterion across units, {table.year} — {table.framework_title} "
        f"({table.framework}), {table.units} unit(s)",
    )


def _mean(value: Decimal | None, places: int = 2) -> Decimal | None:
    return None if value is None else round(value, places)


def render_items_csv(tables: list[ItemTable]) -> str:
    """One row per item of each table; exact decimals (the mean to two places). For a
    deduction, `mean_points` are the points taken off."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            *("year", "framework", "node", "title", "adjustment", "max_points", "units"),
            *SHARES,
            *("mean_points", "points_lost"),
        ]
    )
    for table in tables:
        for s in table.items:
            mean = _mean(s.mean)
            writer.writerow(
                [table.year, table.framework, s.node, s.title]
                + [{1: "bonus", -1: "deduction"}.get(s.adjustment, ""), s.max_points, s.units]
                + [s.count(share) for share in SHARES]
                + ["" if mean is None else mean, s.lost]
            )
    return out.getvalue()


def _columns() -> list[tuple[str, float, str | None]]:
    return [
        (tr("Mục", "Item"), 9, None),
        (tr("Tiêu chí thành phần", "Sub-criterion"), 48, None),
        (tr("Loại", "Kind"), 10, None),
        (tr("Điểm tối đa", "Maximum"), 9, "0.00"),
        *((share_words(share), 11, "0") for share in SHARES),
        (tr("Điểm trung bình", "Mean points"), 10, "0.00"),
        (tr("Tổng điểm mất", "Points lost"), 10, "0.00"),
    ]


def _values(table: ItemTable) -> list[list[Any]]:
    return [
        [s.node, s.title, adjustment_words(s.adjustment), s.max_points]
        + [s.count(share) for share in SHARES]
        + [_mean(s.mean), s.lost]
        for s in table.items
    ]


def render_items_xlsx(tables: list[ItemTable]) -> bytes:
    """One sheet per framework and year, titled and printable like the ranking workbook."""
    from openpyxl import Workbook  # on demand, as the ranking workbook

    from cchc_index.report.ranking_xlsx import sheet_body, sheet_head
    from cchc_index.report.xlsx_cells import workbook_bytes

    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    name = tr("Phân bố tiêu chí", "Items")
    columns = _columns()
    formats = [c[2] for c in columns]
    if not tables:
        ws = wb.create_sheet(name)
        sheet_head(ws, tr("Không có đơn vị nào được chấm.", "No unit was scored."), columns)
        sheet_body(ws, [], formats)
    for i, table in enumerate(tables, start=1):
        ws = wb.create_sheet(name if len(tables) == 1 else f"{name} {i}")
        sheet_head(ws, table_title(table), columns)
        sheet_body(ws, _values(table), formats)
    return workbook_bytes(wb)
