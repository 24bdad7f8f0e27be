"""A framework table from a text-layer PDF, by the positions of its text (pypdfium2).

The header row's words give the columns' left edges; every text run below is put in the
column it starts in. A new row starts where the STT column has text or where the gap above a
line is clearly wider than the spacing of lines inside a cell; other lines continue the cells
of the row above (a multi-line cell). A table that runs over several pages continues, with
the header repeated or not.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from cchc_index.importer.table import Document, RawTable, clean, fail
from cchc_index.importer.table import plain as fold

HEADER = re.compile(r"\bstt\b|\bso tt\b|^tt$")


@dataclass
class Run:
    page: int
    x: float
    top: float
    bottom: float
    text: str


def _runs(data: bytes, shown: str) -> list[Run]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise fail(shown, f"tệp PDF bị hỏng: {exc}", f"the PDF is corrupted: {exc}") from None
    runs: list[Run] = []
    for number in range(len(pdf)):
        page = pdf[number]
        text = page.get_textpage()
        for i in range(text.count_rects()):
            left, bottom, right, top = text.get_rect(i)
            chunk = clean(text.get_text_bounded(left, bottom, right, top))
            if chunk:
                runs.append(Run(number + 1, left, -top, -bottom, chunk))
        text.close()
        page.close()
    pdf.close()
    return runs


def _lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.page, r.top, r.x)):
        last = lines[-1][0] if lines else None
        if last is not None and last.page == run.page and abs(last.top - run.top) < 3:
            lines[-1].append(run)
        else:
            lines.append([run])
    return [sorted(line, key=lambda r: r.x) for line in lines]


def read_pdf(data: bytes, shown: str) -> Document:
    """The PDF's table as rows of cells; a scan without text is refused."""
    runs = _runs(data, shown)
    if not runs:
        raise fail(
            shown,
            "PDF không có lớp chữ (bản quét?): hãy dùng bản DOCX/XLSX, hoặc nhận dạng chữ (OCR) trước",
            "the PDF has no text layer (a scan?): use the DOCX/XLSX, or run OCR first",
        )
    lines = _lines(runs)
    head = next(
        (i for i, line in enumerate(lines) if any(HEADER.search(fold(r.text)) for r in line)), None
    )
    preamble = "\n".join(" ".join(r.text for r in line) for line in lines[: head or len(lines)])
    if head is None:
        return Document(shown, "pdf", preamble, ())
    edges = [r.x for r in lines[head]]
    cells_of_header = [r.text for r in lines[head]]
    while (
        head + 1 < len(lines) and lines[head + 1][0].x >= edges[1] - 2 if len(edges) > 1 else False
    ):
        head += 1  # a header cell wrapped over several lines: no STT on the continuation
        for run in lines[head]:
            col = max((i for i, e in enumerate(edges) if run.x >= e - 2), default=0)
            cells_of_header[col] = f"{cells_of_header[col]} {run.text}"
    header = tuple(cells_of_header)
    gaps = [
        b[0].top - a[0].top
        for a, b in zip(lines[head + 1 :], lines[head + 2 :], strict=False)
        if a[0].page == b[0].page
    ]
    step = statistics.median(gaps) if gaps else 12.0
    rows: list[list[str]] = [list(header)]
    places = [f"trang {lines[head][0].page}"]
    previous: Run | None = None
    for line in lines[head + 1 :]:
        cells = [""] * len(edges)
        for run in line:
            col = max((i for i, e in enumerate(edges) if run.x >= e - 2), default=0)
            cells[col] = f"{cells[col]} {run.text}".strip()
        if tuple(cells) == header:
            previous = None
            continue  # the header repeated on the next page
        first = line[0]
        new_row = (
            previous is None
            or first.page != previous.page
            or bool(cells[0])
            or first.top - previous.top > step * 1.3
        )
        if new_row:
            rows.append(cells)
            places.append(f"trang {first.page}")
        else:
            rows[-1] = [
                f"{a}\n{b}".strip() if b else a for a, b in zip(rows[-1], cells, strict=True)
            ]
        previous = first
    table = RawTable(tuple(tuple(r) for r in rows), tuple(places))
    return Document(shown, "pdf", preamble, (table,))
