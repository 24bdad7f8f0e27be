"""Read the points back out of each document format, as a person copying them would.

Each reader returns {row id: points} for the sub-criteria (None where the document shows no
self-assessed number: not applicable, survey) plus the key "total".
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from typing import Any

from docx import Document
from openpyxl import load_workbook

from cchc_index.text import parse_number

Points = dict[str, Decimal | None]
LEAF_LEVELS = {"Tiêu chí thành phần", "Điểm thưởng", "Điểm trừ"}


def vn_number(text: str) -> Decimal | None:
    """'0,5', '−0,25', '1 (chờ xác nhận)' → Decimal; 'Không áp dụng', 'Do tỉnh chấm' → None."""
    match = re.match(r"^[−-]?(\d[\d.,]*)", text.strip())
    return parse_number(match.group(1)) if match else None


def from_json(text: str) -> Points:
    data = json.loads(text)
    out: Points = {
        leaf["id"]: None
        if leaf["status"] in ("không áp dụng", "do tỉnh chấm")
        else Decimal(leaf["points"])
        for leaf in data["leaves"]
    }
    out["total"] = Decimal(data["total"])
    return out


def from_csv(data: bytes) -> Points:
    assert data.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    out: Points = {}
    for row in reader:
        if row["status"] in ("không áp dụng", "do tỉnh chấm"):
            out[row["id"]] = None
        elif (row["status"] and row["id"] != "band") or row["id"] == "total":
            out[row["id"]] = Decimal(row["points"])
    return out


def from_xlsx(data: bytes) -> Points:
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Bảng tự đánh giá"]
    header = {cell.value: cell.column - 1 for cell in ws[1]}
    out: Points = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        is_leaf = row[header["Cấp"]] in LEAF_LEVELS or row[header["Trạng thái"]]
        if is_leaf:
            value = row[header["Điểm tự đánh giá"]]
            out[str(row[header["STT"]])] = None if value is None else Decimal(str(value))
    summary = wb["Tổng hợp"]
    for row in summary.iter_rows(values_only=True):
        if row[1] == "Tổng cộng":
            out["total"] = Decimal(str(row[3]))
    return out


def phu_luc(doc: Any) -> Any:
    """The Phụ lục's table (a history appendix may follow it)."""
    return next(t for t in doc.tables if "Tài liệu kiểm chứng" in [c.text for c in t.rows[0].cells])


def from_docx(data: bytes) -> Points:
    doc = Document(io.BytesIO(data))
    table = phu_luc(doc)
    header = [c.text for c in table.rows[0].cells]
    points = header.index("Điểm tự đánh giá")
    out: Points = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        evidence = cells[header.index("Tài liệu kiểm chứng")]
        if cells[0] and evidence:  # only scored rows list evidence (or "Chưa có")
            out[cells[0]] = vn_number(cells[points])
        if cells[1] == "TỔNG CỘNG":
            out["total"] = vn_number(cells[points])
    return out


ROW = re.compile(
    r'<tr class="(?P<kind>[^"]+)" data-id="(?P<id>[^"]+)">.*?<td class="n points">(?P<points>[^<]*)</td>',
    re.S,
)
TOTAL = re.compile(r'id="total">([^<]+)<')


def from_html(text: str) -> Points:
    out: Points = {
        m["id"]: vn_number(m["points"]) for m in ROW.finditer(text) if "leaf" in m["kind"]
    }
    found = TOTAL.search(text)
    assert found is not None
    out["total"] = vn_number(found.group(1))
    return out


def chart_bars(text: str, kind: str = "area") -> dict[str, Decimal]:
    """The node → index (%) the SVG bars carry (areas, or criteria)."""
    return {
        m[1]: Decimal(m[2])
        for m in re.finditer(rf'class="bar" data-{kind}="([^"]+)" data-index="([^"]+)"', text)
    }
