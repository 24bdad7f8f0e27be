"""Counts in the tables of a report: which words name each number, by the table's layout.

A table reaches the extractor as rows of cells: one line per row with tab-separated cells
(Markdown, HTML, a tab-separated text), or, from a .docx, the first cell on its own line and
each further cell on a line that starts with a tab. A number alone in a cell has no words
around it; the table gives them:

- one indicator a row ("| 2 | Đã giải quyết | 1.200 | 97,2 |"): the row's label names the
  count; with several count columns, each column's header must name its period ("Năm 2023",
  "Năm 2024", "Quý I", "Cả năm"), and `statistics` reads the year or the part of the period
  from it, as from the words of a sentence;
- one indicator a column ("| Tiếp nhận | Đã giải quyết | Trước hạn | …" over one row of
  numbers): the header names each count; of several rows, only the total's ("Tổng cộng")
  is the unit's (the others are one field's, one body's).

Columns of rates, differences, targets and notes hold no count. `statistics` classifies the
words found here like any other label; nothing here knows the variables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_index.extract.flat import FlatText, vkey


@dataclass(frozen=True)
class Cell:
    text: str
    start: int  # offset of the text in the flat text


@dataclass(frozen=True)
class TableCount:
    """A number alone in a cell and the words the table gives it."""

    value: str
    start: int
    words: str  # the row's label or the column's header
    period: str  # the column's header when it names a period ("Năm 2024"), else ""
    row: str  # the row as a person reads it, cells joined by " | "


_COUNT = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
_RULE = re.compile(r"[-:\s]*")
_SERIAL = re.compile(r"(?i)\d{1,3}[.)]?|[ivx]{1,4}[.)]?|[a-zđ][.)]|stt|tt")
_NOT_COUNTS = re.compile(
    r"tỷ lệ|tỉ lệ|%|tăng|giảm|so với|so sánh|chênh lệch|kế hoạch|chỉ tiêu|ghi chú|\bstt\b|\btt\b"
)
_PERIOD = re.compile(r"\bnăm\b|\d{4}|lũy kế|tổng|kỳ|q(?:uý|úy)|tháng|tuần|\bđợt\b")  # `vkey` text
_TOTAL_ROW = re.compile(r"^(?:tổng|cộng|toàn\b)")
_RECORDS = re.compile(r"hồ sơ|\bhs\b")


def table_counts(flat: FlatText) -> list[TableCount]:
    """Every count a report's tables name, in text order."""
    found: list[TableCount] = []
    for table in _tables(flat):
        caption = " ".join(flat.lines[i] for i in range(max(0, table[0][1] - 3), table[0][1]))
        rows = [cells for cells, _ in table]
        words = vkey(caption + " " + " ".join(c.text for r in rows for c in r))
        if not _RECORDS.search(words) and len(_RECORD_WORDS.findall(words)) < 2:
            continue  # counts of what? only records are read from tables
        found += _by_row(rows) if not _by_column(rows) else _column_counts(rows)
    return sorted(found, key=lambda c: c.start)


def _tables(flat: FlatText) -> list[list[tuple[list[Cell], int]]]:
    """Runs of rows of two cells or more, each row with the index of its first line."""
    tables: list[list[tuple[list[Cell], int]]] = []
    rows: list[tuple[list[Cell], int]] = []
    lines = flat.lines
    for index, line in enumerate(lines):
        cells = _cells(line, flat.starts[index])
        if line.startswith("\t") and rows and line.count("\t") == 1:  # a .docx row's next cell
            # (a line holding more cells is a whole row whose first cell is empty: "\tTổng cộng\t…")
            rows[-1][0].extend(cells[1:])
        elif "\t" in line or (index + 1 < len(lines) and lines[index + 1].startswith("\t")):
            if not all(_RULE.fullmatch(c.text) for c in cells):  # not "---\t---"
                rows.append((cells, index))
        else:
            if len(rows) > 1:
                tables.append(rows)
            rows = []
    if len(rows) > 1:
        tables.append(rows)
    return tables


def _cells(line: str, start: int) -> list[Cell]:
    cells, offset = [], start
    for part in line.split("\t"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(stripped, offset + lead))
        offset += len(part) + 1
    return cells


def _is_count(cell: Cell) -> bool:
    return _COUNT.fullmatch(cell.text) is not None


def _label(row: list[Cell]) -> Cell | None:
    """The first cell with words, past a serial number ("1", "II.", "a)")."""
    for cell in row:
        if cell.text and not _is_count(cell) and not _SERIAL.fullmatch(cell.text):
            return cell
    return None


def _by_column(rows: list[list[Cell]]) -> bool:
    """One indicator a column: the header row names counts ("Đã giải quyết", "Trước hạn")."""
    header = rows[0]
    named = [
        c for c in header if c.text and not _is_count(c) and _RECORD_WORDS.search(vkey(c.text))
    ]
    return len(named) >= 2 and not any(_is_count(c) for c in header)


_RECORD_WORDS = re.compile(r"tiếp nhận|giải quyết|trước hạn|đúng hạn|trễ hạn|quá hạn|trực tuyến")


def _column_counts(rows: list[list[Cell]]) -> list[TableCount]:
    header, data = rows[0], [r for r in rows[1:] if any(_is_count(c) for c in r)]
    totals = [r for r in data if (lab := _label(r)) and _TOTAL_ROW.match(vkey(lab.text))]
    if len(data) == 1 and (_label(data[0]) is None or totals):
        chosen = data[0]
    elif len(totals) == 1:
        chosen = totals[0]
    else:
        return []  # one row per field or body, and no total: none of them is the unit's
    if len(chosen) != len(header):
        return []
    row = " | ".join(c.text for c in chosen)
    return [
        TableCount(cell.text, cell.start, head.text, "", row)
        for head, cell in zip(header, chosen, strict=True)
        if _is_count(cell) and head.text and not _NOT_COUNTS.search(vkey(head.text))
    ]


def _by_row(rows: list[list[Cell]]) -> list[TableCount]:
    header = rows[0]
    rates = any(_NOT_COUNTS.search(vkey(c.text)) for c in header)
    out: list[TableCount] = []
    for row in rows[1:]:
        label = _label(row)
        if label is None or (rates and len(row) != len(header)):
            continue  # a cell lost on the way would shift a rate under the count's header
        columns = [
            (i, cell)
            for i, cell in enumerate(row)
            if cell.start > label.start
            and _is_count(cell)
            and not (i < len(header) and _NOT_COUNTS.search(vkey(header[i].text)))
        ]
        if len(columns) > 1 and not all(
            i < len(header) and _PERIOD.search(vkey(header[i].text)) for i, _ in columns
        ):
            continue  # several counts, not each of a named period: which is the unit's?
        for i, cell in columns:
            head = header[i].text if i < len(header) else ""
            period = head if _PERIOD.search(vkey(head)) else ""
            out.append(TableCount(cell.text, cell.start, label.text, period,
                                  " | ".join(c.text for c in row)))  # fmt: skip
    return out
