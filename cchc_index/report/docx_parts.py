"""Low-level pieces of a Word document laid out per Nghị định 30/2020/NĐ-CP (python-docx + XML).

python-docx has no API for a repeated header row, fixed table layout, a PAGE field or a
paragraph border; these few XML edits live here so the report module reads as the layout.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def set_base_font(document: Any, size: float = 13) -> None:
    """Times New Roman everywhere, including the East-Asian and complex-script slots."""
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # tables and headers use these, not Normal: no Calibri fallback
        for node in defaults.iter(qn("w:rFonts")):
            for attr in list(node.attrib):
                del node.attrib[attr]
            for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                node.set(qn(slot), FONT)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.0


def page_setup(section: Any, landscape: bool) -> None:
    """A4 with NĐ 30 margins: top/bottom 20 mm, left 30 mm, right 15 mm."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    wide, tall = Mm(297), Mm(210)
    section.page_width, section.page_height = (wide, tall) if landscape else (tall, wide)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)


def page_number_header(section: Any, skip_first: bool) -> None:
    """The page number centred in the top margin; NĐ 30 shows none on the first page."""
    section.different_first_page_header_footer = skip_first
    section.header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def restart_numbering(section: Any) -> None:
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    section._sectPr.append(number)


def para(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: Any = None,
    after: float | None = None,
    upper: bool = False,
) -> Any:
    """A paragraph with one run; `container` is a document, a cell or a header."""
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text.upper() if upper else text)
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def rule_below(container: Any, indent_mm: float) -> None:
    """A solid line under a heading line (under the tiêu ngữ and the unit's name).

    Its own tiny paragraph, indented to the line's length, so the text above never wraps.
    """
    paragraph = para(container, size=2, after=4)
    paragraph.paragraph_format.line_spacing = Pt(2)
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def fixed_table(container: Any, columns: list[float], style: str | None = "Table Grid") -> Any:
    """A table whose widths (mm) hold in Word and LibreOffice: fixed layout, width on each cell."""
    table = container.add_table(rows=0, cols=len(columns))
    if style:
        table.style = style
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, columns, strict=True):
        column.width = Mm(width)
    table._widths = columns  # read by add_row
    return table


def add_row(
    table: Any,
    texts: list[str],
    *,
    bold: bool = False,
    size: float = 12,
    italic: frozenset[int] = frozenset(),
) -> Any:
    """A row with each cell's width set (LibreOffice reads the cells, Word the grid).

    Rows never split across pages: a reviewer reads a sub-criterion whole.
    """
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for index, (cell, width, text) in enumerate(zip(row.cells, table._widths, texts, strict=True)):
        cell.width = Mm(width)
        first = True
        for line in text.split("\n"):
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(line)
            run.bold = bold
            run.italic = index in italic
            run.font.size = Pt(size)
    return row


def repeat_header(row: Any) -> None:
    """Mark a row as the table header, repeated at the top of every page."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def align_cells(row: Any, columns: list[int], align: Any = CENTER) -> None:
    for index in columns:
        for paragraph in row.cells[index].paragraphs:
            paragraph.alignment = align
