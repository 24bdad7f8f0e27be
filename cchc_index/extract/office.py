"""Word (.docx, python-docx) and text-layer PDF (pypdfium2) to lines of text.

Both libraries parse untrusted files with many failure modes of their own, so every failure
inside them becomes one EvidenceError naming the file; a PDF without a text layer (a scan)
is refused with a hint, since reading it would need OCR.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from cchc_index.errors import EvidenceError
from cchc_index.extract.problems import fail
from cchc_index.readgate import (
    MAX_PARTS,
    MAX_PDF_PAGES,
    MAX_UNPACKED,
    check_office,
    refuse_password,
)

MAX_DOCX_UNPACKED = MAX_UNPACKED  # the reader gate's limits (cchc_index.readgate)
MAX_DOCX_MEMBERS = MAX_PARTS


def docx_lines(data: bytes, name: str) -> list[str]:
    """Paragraphs and table cells in document order; a table cell's paragraphs are lines,
    and each cell after the first in a row starts with a tab."""
    check_office(data, name, ".docx")  # password, parts, unpacked size: the reader gate
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        is_word = "word/document.xml" in archive.namelist()
    if not is_word:
        raise fail(
            name,
            "tệp ZIP này không phải tài liệu Word (.docx): thiếu word/document.xml",
            "this ZIP file is not a Word document (.docx): no word/document.xml",
        )
    try:
        import docx  # python-docx only for a .docx (docs/performance-notes.md)

        document = docx.Document(io.BytesIO(data))
        return list(_blocks(document))
    except Exception:  # python-docx and lxml raise many types on malformed files
        raise fail(
            name,
            "không đọc được tệp .docx (nội dung hỏng); hãy mở bằng Word và lưu lại",
            "cannot read the .docx (damaged content); open it in Word and save again",
        ) from None


def _blocks(container: Any) -> Iterator[str]:
    """Lines of a document body or table cell, tables flattened row by row, cell by cell."""
    from docx.table import Table  # python-docx only for a .docx

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats in every grid column
                        continue
                    lines = list(_blocks(cell)) or [""]
                    if seen:  # a tab before each cell after the first, as in a TSV row
                        lines[0] = "\t" + lines[0]
                    seen.add(id(cell._tc))
                    yield from lines
        else:
            text: str = block.text
            yield from text.split("\n")


def pdf_lines(data: bytes, name: str) -> tuple[list[str], tuple[int, ...]]:
    """Lines of every page, and the page number of each line.

    pdfium (Chrome's PDF engine, through pypdfium2) reads the text layer an order of
    magnitude faster than pypdf (docs/performance-notes.md).
    """
    import pypdfium2 as pdfium  # only for a .pdf

    lines: list[str] = []
    pages: list[int] = []
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EvidenceError(refuse_password(name).problems) from None
        raise fail(
            name,
            "không đọc được tệp PDF (hỏng hoặc không phải PDF chuẩn); hãy xuất lại PDF",
            "cannot read the PDF (damaged or not a standard PDF); export it again",
        ) from None
    if len(document) > MAX_PDF_PAGES:
        count = len(document)
        document.close()
        raise fail(
            name,
            f"tệp PDF có {count} trang (tối đa {MAX_PDF_PAGES})",
            f"the PDF has {count} pages (at most {MAX_PDF_PAGES})",
        )
    try:
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            for line in textpage.get_text_range().splitlines():
                lines.append(line)
                pages.append(number + 1)
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        raise fail(
            name,
            "không đọc được tệp PDF (hỏng hoặc không phải PDF chuẩn); hãy xuất lại PDF",
            "cannot read the PDF (damaged or not a standard PDF); export it again",
        ) from None
    finally:
        document.close()
    if not any(line.strip() for line in lines):
        raise fail(
            name,
            "tệp PDF không có lớp chữ (có thể là bản quét); cần nhận dạng chữ (OCR) trước",
            "the PDF has no text layer (probably a scan); it needs OCR first",
        )
    return lines, tuple(pages)
