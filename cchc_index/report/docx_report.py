"""The filed Báo cáo tự đánh giá as DOCX: a portrait report, then the landscape Phụ lục table.

Layout per NĐ 30/2020/NĐ-CP and the Phụ lục columns of docs/officer.md (Tài liệu nộp).
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from cchc_index.i18n import tr
from cchc_index.report import docx_parts as d
from cchc_index.report.docx_appendix import appendix, history_appendix
from cchc_index.report.filing import Filing
from cchc_index.report.labels import pct, pts
from cchc_index.report.rows import (
    explanation,
    explanation_hint,
    layer_totals,
    needs_explanation,
    totals,
)

LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def _heading_block(doc: Any, filing: Filing) -> None:
    table = d.fixed_table(doc, [65.0, 95.0], style=None)
    row = table.add_row()
    left, right = row.cells
    for cell, width in zip(row.cells, (65.0, 95.0), strict=True):
        cell.width = Mm(width)
    issuer = filing.heading
    if issuer.superior:
        left.paragraphs[0].add_run(issuer.superior).font.size = Pt(12)
        left.paragraphs[0].alignment = d.CENTER
        for line in issuer.body:
            d.para(left, line, bold=True, size=12, align=d.CENTER, after=0)
    else:  # a body with no superior line: its name opens the block
        left.paragraphs[0].add_run(issuer.body[0]).bold = True
        left.paragraphs[0].alignment = d.CENTER
        for line in issuer.body[1:]:
            d.para(left, line, bold=True, size=12, align=d.CENTER, after=0)
    d.rule_below(left, 22)
    d.para(left, issuer.number_line, size=13, align=d.CENTER)
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.paragraphs[0].runs[0].font.size = Pt(12)
    right.paragraphs[0].alignment = d.CENTER
    d.para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=d.CENTER, after=0)
    d.rule_below(right, 15)
    d.para(
        right,
        f"{issuer.place}, {tr('ngày … tháng … năm …', 'dated …')}",
        italic=True,
        size=13,
        align=d.CENTER,
    )


def _summary(doc: Any, filing: Filing) -> None:
    result = filing.result
    final = filing.layered.final if filing.layered and filing.layered.appraised else None
    d.para(doc, tr("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "I. SELF-ASSESSMENT RESULTS"), bold=True)
    heads = [
        "STT",
        tr("Lĩnh vực", "Area"),
        tr("Điểm tối đa", "Maximum"),
        tr("Điểm tự đánh giá", "Self score"),
    ]
    widths = [14.0, 80.0, 22.0, 24.0, 20.0]
    if final is not None:
        heads.append(tr("Điểm sau thẩm định", "After appraisal"))
        widths = [12.0, 66.0, 20.0, 22.0, 22.0, 18.0]
    heads.append(tr("Tỷ lệ (%)", "Rate (%)"))
    table = d.fixed_table(doc, widths)
    head = d.add_row(table, heads, bold=True)
    d.align_cells(head, range(len(heads)))  # type: ignore[arg-type]
    d.repeat_header(head)
    finals = {a.id: a for a in final.areas} if final is not None else {}
    for area in result.areas:
        cells = [area.id, area.title, pts(area.max_points), pts(area.points)]
        shown = area
        if final is not None:
            shown = finals.get(area.id, area)
            cells.append(pts(shown.points))
        cells.append(pct(shown.index_percent))
        row = d.add_row(table, cells)
        d.align_cells(row, [0, *range(2, len(cells))])
    d.para(doc, after=0)
    for label, value in totals(result) if final is None else _after(filing):
        line = d.para(doc, after=0)
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    if filing.basis:
        d.para(doc, filing.basis, italic=True, after=0)
    if result.survey_points:
        d.para(
            doc,
            tr(
                f"Phần điều tra xã hội học ({pts(result.survey_points)} điểm) do tỉnh chấm, chưa tính.",
                f"The survey part ({pts(result.survey_points)} points) is scored by the province.",
            ),
            italic=True,
        )


def _after(filing: Filing) -> list[tuple[str, str]]:
    """An appraised unit's totals: bonus and deduction of the final layer, then every layer."""
    assert filing.layered is not None
    return [*totals(filing.layered.final)[:2], *layer_totals(filing)]


def _explanations(doc: Any, filing: Filing) -> None:
    d.para(doc, tr("II. GIẢI TRÌNH", "II. EXPLANATIONS"), bold=True)
    items = [leaf for leaf in filing.result.leaves if needs_explanation(leaf)]
    if not items:
        d.para(doc, tr("Không có nội dung cần giải trình.", "Nothing to explain."))
        return
    d.para(
        doc,
        tr(
            "Các tiêu chí thành phần chưa có đủ tài liệu kiểm chứng, không áp dụng hoặc chờ thẩm định:",
            "Sub-criteria without complete evidence, not applicable, or awaiting review:",
        ),
    )
    table = d.fixed_table(doc, [16.0, 60.0, 84.0])
    head = d.add_row(
        table,
        [
            tr("Mã", "Id"),
            tr("Tiêu chí thành phần", "Sub-criterion"),
            tr("Nội dung giải trình", "Explanation"),
        ],
        bold=True,
    )
    d.align_cells(head, [0, 1, 2])
    d.repeat_header(head)
    for leaf in items:
        given = explanation(filing, leaf)
        d.add_row(
            table,
            [leaf.id, leaf.title, given or explanation_hint(filing, leaf)],
            italic=frozenset() if given else frozenset({2}),
        )


def _closing(doc: Any, filing: Filing) -> None:
    d.para(
        doc,
        tr("III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ", "III. DIFFICULTIES AND PROPOSALS"),
        bold=True,
    )
    for _ in range(3):
        d.para(doc, "…" * 34, after=0)
    d.para(doc)
    table = d.fixed_table(doc, [80.0, 80.0], style=None)
    row = table.add_row()
    left, right = row.cells
    left.paragraphs[0].add_run(tr("Nơi nhận:", "Recipients:")).bold = True
    left.paragraphs[0].runs[0].italic = True
    left.paragraphs[0].runs[0].font.size = Pt(12)
    issuer = filing.heading
    for line in (*(f"- {r};" for r in issuer.recipients), tr("- Lưu: VT.", "- File: VT.")):
        d.para(left, line, size=11, after=0)
    first, *rest = issuer.signature
    right.paragraphs[0].add_run(first).bold = True
    right.paragraphs[0].alignment = d.CENTER
    for i, line in enumerate(rest):
        d.para(right, line, bold=True, align=d.CENTER, after=48 if i == len(rest) - 1 else 0)
    if not rest:
        right.paragraphs[0].paragraph_format.space_after = Pt(48)
    d.para(
        right, tr("(ký, ghi rõ họ tên)", "(signature and full name)"), italic=True, align=d.CENTER
    )


def _report(doc: Any, filing: Filing) -> None:
    section = doc.sections[0]
    d.page_setup(section, landscape=False)
    d.page_number_header(section, skip_first=True)
    _heading_block(doc, filing)
    d.para(doc, after=0)
    d.para(doc, tr("BÁO CÁO", "REPORT"), bold=True, size=14, align=d.CENTER, after=0)
    d.para(
        doc,
        tr(
            f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {filing.result.year}",
            f"Self-assessment of the PAR Index, year {filing.result.year}",
        ),
        bold=True,
        size=14,
        align=d.CENTER,
    )
    intro = d.para(
        doc,
        tr(
            f"Thực hiện {filing.decision}, {filing.heading.body_in_text} báo cáo kết quả tự đánh giá, "
            f"chấm điểm theo {filing.result.framework_title} như sau:",
            f"Under {filing.decision}, {filing.heading.body_in_text} reports its self-assessment against "
            f"{filing.result.framework_title}:",
        ),
    )
    intro.alignment = JUSTIFY
    intro.paragraph_format.first_line_indent = Mm(10)
    _summary(doc, filing)
    _explanations(doc, filing)
    _closing(doc, filing)


def render_docx(filing: Filing) -> bytes:
    """The Báo cáo and its Phụ lục as one .docx file."""
    doc = Document()
    d.set_base_font(doc)
    _report(doc, filing)
    appendix(doc, filing)
    if filing.history:
        history_appendix(doc, filing)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
