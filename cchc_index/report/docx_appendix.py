"""The Phụ lục of the DOCX report: a landscape section with the 8-column table of §1.4."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_SECTION

from cchc_index.i18n import tr
from cchc_index.report import docx_parts as d
from cchc_index.report.filing import Filing
from cchc_index.report.labels import pts
from cchc_index.report.rows import (
    Level,
    appraised,
    evidence_lines,
    explanation,
    note,
    rows,
    shown_points,
    totals,
)

# 252 mm between the landscape margins (297 − 30 − 15), split as §1.4 recommends.
APPENDIX_COLUMNS = [14.0, 70.0, 16.0, 18.0, 62.0, 42.0, 16.0, 14.0]


def appendix(doc: Any, filing: Filing) -> None:
    """A landscape section: the Phụ lục heading and the table of every node."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    d.page_setup(section, landscape=True)
    d.page_number_header(section, skip_first=False)
    d.restart_numbering(section)
    d.para(doc, tr("Phụ lục", "Appendix"), bold=True, align=d.CENTER, after=0)
    d.para(
        doc,
        tr(
            f"BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {filing.result.year}",
            f"SELF-ASSESSMENT TABLE OF THE PAR INDEX, YEAR {filing.result.year}",
        ),
        bold=True,
        align=d.CENTER,
        after=0,
    )
    d.para(
        doc,
        tr(
            f"(Kèm theo Báo cáo số …/BC-{filing.heading.symbol} ngày … của {filing.heading.body_in_text})",
            f"(Attached to report No. …/BC-{filing.heading.symbol} dated … of {filing.heading.body_in_text})",
        ),
        italic=True,
        align=d.CENTER,
    )
    _appendix_table(doc, filing)


def _appendix_table(doc: Any, filing: Filing) -> None:
    table = d.fixed_table(doc, APPENDIX_COLUMNS)
    head = d.add_row(
        table,
        [
            "STT",
            tr("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Area/Criterion/Sub-criterion"),
            tr("Điểm tối đa", "Maximum"),
            tr("Điểm tự đánh giá", "Self score"),
            tr("Tài liệu kiểm chứng", "Evidence"),
            tr("Giải trình", "Explanation"),
            tr("Điểm thẩm định", "Appraised"),
            tr("Ghi chú", "Note"),
        ],
        bold=True,
        size=11,
    )
    d.align_cells(head, range(8))  # type: ignore[arg-type]
    d.repeat_header(head)
    final = filing.layered.final if filing.layered and filing.layered.appraised else None
    rolled = {n.id: n.points for n in (*final.areas, *final.criteria)} if final else {}
    for row in rows(filing.result):
        leaf = row.leaf
        title = row.title.upper() if row.level is Level.AREA else row.title
        cells = [row.id, title, pts(row.max_points), shown_points(row), "", "", "", ""]
        if leaf is not None:
            latest = appraised(filing, leaf.id)
            cells[4] = "\n".join(evidence_lines(filing, leaf))
            cells[5] = explanation(filing, leaf)
            cells[6] = pts(latest) if latest is not None else ""
            cells[7] = note(leaf)
        elif row.id in rolled:  # an area or criterion: its total after appraisal
            cells[6] = pts(rolled[row.id])
        bold = row.level in (Level.AREA, Level.CRITERION) and leaf is None
        added = d.add_row(table, cells, bold=bold, size=11)
        d.align_cells(added, [0, 2, 3, 6])
    after = dict(totals(final)) if final is not None else {}
    for label, value in totals(filing.result):
        cells = ["", label, "", value, "", "", after.get(label, ""), ""]
        added = d.add_row(table, cells, bold=True, size=11)
        d.align_cells(added, [3, 6])
