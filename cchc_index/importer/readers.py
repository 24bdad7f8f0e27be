"""Readers, one per format, each giving a `Document` of tables; a file that is not what it
claims, is corrupted, or is a scan without a text layer gives a clear error (exit 4)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from cchc_index.errors import Problem, SourceError
from cchc_index.i18n import tr
from cchc_index.importer.pdf_table import read_pdf
from cchc_index.importer.table import Document, RawTable, clean, fail, sniff
from cchc_index.readgate import (
    MAX_TABLE_UNPACKED,
    check_cells,
    check_office,
    decode,
    encrypted,
    read_file,
    refuse_password,
)
from cchc_index.source import csv_message

SUFFIXES = (".docx", ".xlsx", ".pdf", ".md", ".markdown", ".csv", ".txt")


def read_document(path: Path, shown: str) -> Document:
    """Read any supported table document; the content, not only the suffix, decides."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise fail(
            shown,
            f"không đọc được loại tệp '{suffix}': dùng .docx, .xlsx, .pdf (có lớp chữ), .md hoặc .csv",
            f"cannot read '{suffix}' files: use .docx, .xlsx, .pdf (with a text layer), .md or .csv",
        )
    data = read_file(path, shown)
    if encrypted(data):
        raise refuse_password(shown)
    kind = sniff(data)
    expected = {".docx": "zip", ".xlsx": "zip", ".pdf": "pdf"}.get(suffix, "text")
    if expected == "text" and kind == "binary":
        decode(data, shown)  # UTF-16 without its BOM, a stray byte: said at its place
    if kind != expected:
        raise fail(
            shown,
            f"tệp hỏng hoặc không phải {suffix} (nội dung là '{kind}')",
            f"the file is corrupted or not a {suffix} (its content is '{kind}')",
        )
    if kind == "zip":
        check_office(data, shown, suffix, MAX_TABLE_UNPACKED)
    try:
        if suffix == ".docx":
            document = _docx(data, shown)
        elif suffix == ".xlsx":
            document = _xlsx(data, shown)
        elif suffix == ".pdf":
            document = read_pdf(data, shown)
        else:
            document = _text(data, shown, suffix)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, csv.Error):
        raise fail(shown, f"tệp {suffix} bị hỏng", f"the {suffix} file is corrupted") from None
    check_cells(
        (
            (place, cell)
            for table in document.tables
            for row, place in zip(table.rows, table.places, strict=False)
            for cell in row
        ),
        shown,
    )
    check_cells(
        [(tr("phần đầu", "preamble"), line) for line in document.preamble.split("\n")], shown
    )
    return document


def _docx(data: bytes, shown: str) -> Document:
    import docx  # imported on use: the CLI does not load it for other commands

    document = docx.Document(io.BytesIO(data))
    preamble = "\n".join(clean(p.text) for p in document.paragraphs[:60] if p.text.strip())
    tables = []
    for t, table in enumerate(document.tables, start=1):
        rows: list[tuple[str, ...]] = []
        places: list[str] = []
        for r, row in enumerate(table.rows, start=1):
            cells: list[str] = []
            seen: list[Any] = []
            for cell in row.cells:  # a horizontally merged cell appears once per grid column
                cells.append("" if any(cell._tc is s for s in seen) else clean(cell.text))
                seen.append(cell._tc)
            rows.append(tuple(cells))
            places.append(f"bảng {t}, dòng {r}")
        tables.append(RawTable(tuple(rows), tuple(places)))
    return Document(shown, "docx", preamble, tuple(tables))


def _xlsx(data: bytes, shown: str) -> Document:
    import openpyxl  # only for an .xlsx (docs/performance-notes.md)
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    tables = []
    preamble: list[str] = []
    for sheet in book.worksheets:
        merged = {}
        for span in sheet.merged_cells.ranges:  # a merged block's text belongs to every row of it
            top = sheet.cell(span.min_row, span.min_col).value
            for row in range(span.min_row, span.max_row + 1):
                merged[(row, span.min_col)] = top
        rows, places = [], []
        for r, cells_row in enumerate(sheet.iter_rows(), start=1):
            values = [merged.get((r, i), c.value) for i, c in enumerate(cells_row, start=1)]
            cells = tuple(clean(_cell_text(v)) for v in values)
            if any(cells):
                rows.append(cells)
                places.append(f"{sheet.title}!{get_column_letter(1)}{r}")
        preamble += [" ".join(c for c in row if c) for row in rows[:8]]
        tables.append(RawTable(tuple(rows), tuple(places)))
    return Document(shown, "xlsx", "\n".join(preamble), tuple(tables))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # Excel keeps 0,5 as a float: write it the way it was shown
        return format(value, "g")
    return str(value)


def _text(data: bytes, shown: str, suffix: str) -> Document:
    text = decode(data, shown)  # UTF-8 (BOM or not) or UTF-16 with its BOM; no control chars
    lines = text.splitlines()
    if suffix == ".csv":
        first = lines[0] if lines else ""
        delimiter = max(",;\t", key=first.count)  # Excel in Vietnamese locales writes ';'
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        try:
            rows = [tuple(clean(c) for c in row) for row in reader]
        except csv.Error as exc:
            raise SourceError([Problem(shown, reader.line_num or 1, 1, csv_message(exc))]) from None
        places = [f"dòng {i}" for i in range(1, len(rows) + 1)]
        return Document(shown, "csv", "", (RawTable(tuple(rows), tuple(places)),))
    tables, current, places, preamble = [], [], [], []
    for i, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [clean(c.replace("<br>", "\n")) for c in stripped.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue  # the |---|---| rule under a Markdown header
            current.append(tuple(cells))
            places.append(f"dòng {i}")
        else:
            if current:
                tables.append(RawTable(tuple(current), tuple(places)))
                current, places = [], []
            if stripped and not tables:
                preamble.append(clean(stripped))
    if current:
        tables.append(RawTable(tuple(current), tuple(places)))
    return Document(shown, "md", "\n".join(preamble), tuple(tables))
