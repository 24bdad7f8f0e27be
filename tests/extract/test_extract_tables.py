"""Counts of records in a report's tables (synthetic tables in the layouts reports use): the
row's label or the column's header names each number; one field's or one body's row, a rate,
a difference and another period's column are never the unit's figure."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_index.extract.readers import read_bytes
from cchc_index.extract.report import extract_report, extract_source
from cchc_index.text import format_number

LEAD = "UBND xã Quảng An báo cáo kết quả năm 2024 như sau.\n\n"


def written(text: str, suffix: str = ".md") -> dict[str, Decimal]:
    source = read_bytes(text.encode("utf-8"), suffix, "bao-cao" + suffix)
    extraction = extract_source(source, year=2024)
    return {r.variable: r.current.amount for r in extraction.readings
            if r.certain and r.current is not None}  # fmt: skip


ALL = {"ho_so_tiep_nhan": 1234, "ho_so_da_giai_quyet": 1200, "ho_so_truoc_han": 1000,
       "ho_so_dung_han": 190, "ho_so_tre_han": 10, "ho_so_dang_giai_quyet": 34}  # fmt: skip

BY_ROW = """| STT | Nội dung | Số lượng (hồ sơ) | Tỷ lệ (%) |
|---|---|---|---|
| 1 | Tổng số hồ sơ tiếp nhận | 1.234 | |
| 2 | Đã giải quyết | 1.200 | 97,2 |
| 3 | Giải quyết trước hạn | 1.000 | |
| 4 | Giải quyết đúng hạn | 190 | |
| 5 | Giải quyết quá hạn | 10 | |
| 6 | Đang giải quyết | 34 | |
"""
ROWS = [[c.strip() for c in line.strip()[1:-1].split("|")]
        for line in BY_ROW.splitlines() if "---" not in line]  # fmt: skip
BY_COLUMN = """Kết quả giải quyết hồ sơ TTHC:

| Tổng số hồ sơ tiếp nhận | Đã giải quyết | Trước hạn | Đúng hạn | Quá hạn | Đang giải quyết |
|---|---|---|---|---|---|
| 1.234 | 1.200 | 1.000 | 190 | 10 | 34 |
"""


def test_one_indicator_a_row_and_one_a_column() -> None:
    assert written(LEAD + BY_ROW) == ALL
    assert written(LEAD + BY_COLUMN) == ALL
    tsv = "\n".join("\t".join(row) for row in ROWS)
    assert written(LEAD + tsv, ".txt") == ALL


def test_a_docx_table_as_word_writes_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(LEAD.strip())
    table = document.add_table(rows=len(ROWS), cols=4)
    for row, cells in zip(table.rows, ROWS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(out.getvalue())
    extraction = extract_report(path, year=2024)
    assert {r.variable: r.current.amount for r in extraction.readings
            if r.certain and r.current is not None} == ALL  # fmt: skip


def test_only_the_total_row_of_a_table_by_field_is_the_units() -> None:
    table = """| Lĩnh vực | Tiếp nhận | Đã giải quyết | Đang giải quyết |
|---|---|---|---|
| Tư pháp | 800 | 790 | 10 |
| Đất đai | 434 | 410 | 24 |
"""
    assert written(LEAD + table) == {}
    total = "| Tổng cộng | 1.234 | 1.200 | 34 |\n"
    assert written(LEAD + table + total) == {
        "ho_so_tiep_nhan": 1234, "ho_so_da_giai_quyet": 1200, "ho_so_dang_giai_quyet": 34}  # fmt: skip


def test_columns_of_periods() -> None:
    years = """| Nội dung | Năm 2023 | Năm 2024 | Tăng/giảm |
|---|---|---|---|
| Số hồ sơ tiếp nhận | 1.100 | 1.234 | 134 |
| Số hồ sơ trễ hạn | 15 | 10 | 5 |
"""
    assert written(LEAD + years) == {"ho_so_tiep_nhan": 1234, "ho_so_tre_han": 10}
    quarters = """| Nội dung | Quý I | Quý II | Quý III | Quý IV | Cả năm |
|---|---|---|---|---|---|
| Hồ sơ tiếp nhận | 300 | 310 | 320 | 304 | 1.234 |
| Hồ sơ trễ hạn | 2 | 3 | 3 | 2 | 10 |
"""
    assert written(LEAD + quarters) == {"ho_so_tiep_nhan": 1234, "ho_so_tre_han": 10}
    unnamed = """| Nội dung | Xã | Thôn |
|---|---|---|
| Hồ sơ tiếp nhận | 1.234 | 300 |
"""
    assert written(LEAD + unnamed) == {}  # two counts, no period named: whose?


@pytest.mark.parametrize(
    "table",
    [
        # the count left empty: the rate beside it is never read as the count
        "| STT | Nội dung | Số lượng | Tỷ lệ (%) |\n|---|---|---|---|\n"
        "| 1 | Đã giải quyết | | 100 |\n",
        # tin, bài, not records
        "| Nội dung | Số lượng |\n|---|---|\n| Tin bài tuyên truyền | 12 |\n",
        # a target
        "| Nội dung | Số lượng (hồ sơ) |\n|---|---|\n| Chỉ tiêu tiếp nhận trực tuyến | 500 |\n",
    ],
)
def test_numbers_a_table_does_not_name_as_records(table: str) -> None:
    assert written(LEAD + table) == {}


def test_a_unit_word_does_not_run_into_the_next_row() -> None:
    text = LEAD + "Tổng số hồ sơ tiếp nhận: 1.234\nHồ sơ trễ hạn: 10 hồ sơ."
    assert written(text, ".txt") == {"ho_so_tiep_nhan": 1234, "ho_so_tre_han": 10}
    wrapped = LEAD + "Trong năm, Bộ phận Một cửa tiếp nhận 1.234\nhồ sơ, trễ hạn 10 hồ sơ."
    assert written(wrapped, ".txt") == {"ho_so_tiep_nhan": 1234, "ho_so_tre_han": 10}


def n(value: int) -> str:
    return format_number(Decimal(value))


@settings(derandomize=True, database=None, deadline=None, max_examples=100,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 500)), min_size=1, max_size=4),
       st.booleans(), st.sampled_from(["Tổng cộng", "Tổng", "Cộng", "Toàn xã"]))  # fmt: skip
def test_a_field_rows_figure_is_never_the_units(
    fields: list[tuple[int, int]], with_total: bool, total_label: str
) -> None:
    names = ["Tư pháp", "Đất đai", "Xây dựng", "Chứng thực"]
    rows = [f"| {names[i]} | {n(r + p)} | {n(r)} | {n(p)} |" for i, (r, p) in enumerate(fields)]
    resolved, progress = sum(r for r, _ in fields), sum(p for _, p in fields)
    if with_total:
        rows.append(f"| {total_label} | {n(resolved + progress)} | {n(resolved)} | {n(progress)} |")
    table = "| Lĩnh vực | Tiếp nhận | Đã giải quyết | Đang giải quyết |\n|---|---|---|---|\n"
    draft = written(LEAD + table + "\n".join(rows) + "\n")
    truth = {"ho_so_tiep_nhan": resolved + progress, "ho_so_da_giai_quyet": resolved,
             "ho_so_dang_giai_quyet": progress}  # fmt: skip
    if with_total or len(fields) == 1:
        assert set(draft) <= set(truth) and all(draft[k] == truth[k] for k in draft)
    else:
        assert draft == {}
