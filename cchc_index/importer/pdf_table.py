"""A framework table from a text-layer PDF, by positions (pypdfium2).

Official tables are ruled: the table's own lines give the rows and the columns. Every
character is put in the cell its centre falls in; a cell's characters are read line by line.
Each page's table becomes a table of its own, so a table broken over pages is joined like a
DOCX table broken in two (the header repeated or not; a cell cut by the page break joined).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from cchc_index.importer.table import Document, RawTable, clean, fail

MIN_RULE = 15.0  # points: shorter strokes are not table rules
THIN = 2.0


@dataclass(frozen=True)
class Char:
    text: str
    x: float
    y: float  # the baseline, in PDF units (up is larger)
    top: float


def _merge(values: list[float], gap: float = 2.5) -> list[float]:
    merged: list[float] = []
    for v in sorted(values):
        if not merged or v - merged[-1] > gap:
            merged.append(v)
    return merged


def _cell_text(chars: list[Char]) -> str:
    """A cell's lines joined as the text they wrap: a new line only before a bullet."""
    lines: list[list[Char]] = []
    for ch in chars:  # in the text layer's reading order: a line ends where x goes back left
        if lines and ch.x + 0.5 >= lines[-1][-1].x:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return join_lines(["".join(c.text for c in line) for line in lines])


def join_lines(pieces: list[str]) -> str:
    """Wrapped lines back into text: "20/12/202" + "0" is one number; "- Không …" a new line."""
    text = ""
    for raw_piece in pieces:
        piece = " ".join(raw_piece.split())
        if not piece:
            continue
        if text and text[-1].isdigit() and piece[0].isdigit():
            text += piece
        elif text and piece[0] in "-+•–" and piece[1:2] in (" ", ""):
            text += "\n" + piece
        else:
            text += (" " if text else "") + piece
    return clean(text)


def _spans(
    xs: list[float], verticals: list[tuple[float, float, float]], low: float, high: float
) -> list[int]:
    """For each column of a row between `low` and `high`, the first column of the cell it
    belongs to: a column rule missing in this row merges its two neighbours (an area row
    written across the STT and title columns), as Word repeats a merged cell's text."""
    middle = (low + high) / 2
    first, found = 0, [0]
    for k in range(1, len(xs) - 1):
        ruled = any(
            abs(x - xs[k]) <= 2.5 and bottom - 1 <= middle <= top + 1
            for x, bottom, top in verticals
        )
        if ruled:
            first = k
        found.append(first)
    return found


def _page_table(page: object, textpage: object, number: int) -> tuple[RawTable | None, str]:
    import pypdfium2.raw as raw

    rows_y: list[float] = []
    cols_x: list[float] = []
    verticals: list[tuple[float, float, float]] = []  # x, bottom, top of each column rule
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,)):  # type: ignore[attr-defined]
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < THIN and right - left > MIN_RULE:
            rows_y.append((top + bottom) / 2)
        elif right - left < THIN and top - bottom > MIN_RULE / 3:
            cols_x.append((left + right) / 2)
            verticals.append(((left + right) / 2, bottom, top))
    chars: list[Char] = []
    for i in range(textpage.count_chars()):  # type: ignore[attr-defined]
        text = textpage.get_text_range(i, 1)  # type: ignore[attr-defined]
        if text in ("\r", "\n", "\x02", ""):
            continue
        left, bottom, right, top = textpage.get_charbox(i)  # type: ignore[attr-defined]
        if chars and text == " " and top == bottom:
            left, bottom, top = chars[-1].x, chars[-1].y, chars[-1].y  # placed after the word
            right = left
        chars.append(Char(text, (left + right) / 2, bottom, top))
    ys, xs = _merge(rows_y), _merge(cols_x)
    outside = [
        c
        for c in chars
        if not (len(ys) > 1 and ys[0] < c.y < ys[-1] and xs and xs[0] < c.x < xs[-1])
    ]
    around = _cell_text(outside)
    if len(ys) < 2 or len(xs) < 2:
        return None, around
    spans = [
        _spans(xs, verticals, ys[len(ys) - 2 - r], ys[len(ys) - 1 - r]) for r in range(len(ys) - 1)
    ]
    cells: dict[tuple[int, int], list[Char]] = defaultdict(list)
    for ch in chars:
        if ch in outside:
            continue
        row = len(ys) - 1 - bisect.bisect(ys, (ch.y + ch.top) / 2)
        col = bisect.bisect(xs, ch.x) - 1
        if 0 <= row < len(spans) and 0 <= col < len(xs) - 1:
            col = spans[row][col]  # a cell merged across columns: read as one
        cells[(row, col)].append(ch)
    rows = tuple(
        tuple(_cell_text(cells.get((r, spans[r][c]), [])) for c in range(len(xs) - 1))
        for r in range(len(ys) - 1)
    )
    kept = [(row, f"trang {number}") for row in rows if any(row)]
    table = RawTable(tuple(r for r, _ in kept), tuple(p for _, p in kept))
    return table, around


def read_pdf(data: bytes, shown: str) -> Document:
    """The PDF's ruled tables, one a page; a scan without a text layer is refused."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise fail(shown, "tệp PDF bị hỏng", "the PDF is corrupted") from None
    tables: list[RawTable] = []
    preamble: list[str] = []
    has_text = False
    for number in range(len(pdf)):
        page = pdf[number]
        textpage = page.get_textpage()
        has_text = has_text or textpage.count_chars() > 0
        table, around = _page_table(page, textpage, number + 1)
        if around and not tables:
            preamble.append(around)
        if table is not None and table.rows:
            tables.append(table)
        textpage.close()
        page.close()
    pdf.close()
    if not has_text:
        raise fail(
            shown,
            "PDF không có lớp chữ (bản quét?): hãy dùng bản DOCX/XLSX, hoặc nhận dạng chữ (OCR) trước",
            "the PDF has no text layer (a scan?): use the DOCX/XLSX, or run OCR first",
        )
    return Document(shown, "pdf", "\n".join(preamble), tuple(tables))
