"""The province's published ranking as DOCX: a Thông báo kết quả in the NĐ 30/2020 layout.

Portrait first page (header of the Sở Nội vụ under the province's committee, the title, the
opening, the distribution of bands as a bar table), then one landscape table per framework and
year, the units grouped under their band in rank order, each area's index beside the total.
Only what the `Ranking` holds is printed; the layer each unit is ranked on is named.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from decimal import Decimal
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Mm, Pt

from cchc_index.i18n import tr
from cchc_index.model.ranking import Ranking, RankingRow
from cchc_index.report import docx_parts as d
from cchc_index.report.labels import block_words, pct, pts
from cchc_index.report.ranking_words import area_ids, band_order, ranked_on

BAR = "█"
BAR_CELLS = 20  # the longest bar, for the most frequent band (10 pt: ~70 mm)


def province_of(rows: list[RankingRow]) -> str:
    """The province named in a framework's title ("… tỉnh Thừa Thiên Huế …"), else "…"."""
    for row in rows:
        found = re.search(
            r"\b(tỉnh|thành phố)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?)+)", row.score.framework_title
        )
        if found:
            return f"{found.group(1)} {found.group(2).strip()}"
    return "…"


def _heading(doc: Any, province: str) -> None:
    table = d.fixed_table(doc, [65.0, 95.0], style=None)
    left, right = table.add_row().cells
    d.para(left, f"UBND {province.upper()}", size=12, align=d.CENTER, after=0)
    d.para(left, "SỞ NỘI VỤ", bold=True, size=12, align=d.CENTER, after=0)
    d.rule_below(left, 24)
    d.para(left, tr("Số: …/TB-SNV", "No.: …/TB-SNV"), size=13, align=d.CENTER)
    d.para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=d.CENTER, after=0)
    d.para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=d.CENTER, after=0)
    d.rule_below(right, 15)
    place = re.sub(r"^(tỉnh|thành phố)\s+", "", province)
    d.para(right, f"{place}, {tr('ngày … tháng … năm …', 'dated …')}", italic=True, align=d.CENTER)


def _distribution(doc: Any, rows: list[RankingRow]) -> None:
    counts = Counter(row.score.band or "—" for row in rows)
    most = max(counts.values())
    table = d.fixed_table(doc, [34.0, 20.0, 24.0, 82.0])
    head = d.add_row(
        table,
        [tr("Xếp loại", "Band"), tr("Số đơn vị", "Units"), tr("Tỷ lệ", "Share"), ""],
        bold=True,
    )
    d.align_cells(head, [0, 1, 2])
    for band in band_order(rows):
        n = counts[band]
        bar = BAR * max(1, round(BAR_CELLS * n / most))
        share = pct(Decimal(n * 100) / len(rows))
        row = d.add_row(table, [band, str(n), share, bar])
        d.align_cells(row, [1, 2])
        for run in row.cells[3].paragraphs[0].runs:
            run.font.size = Pt(10)


def _group_table(doc: Any, rows: list[RankingRow]) -> None:
    areas = area_ids(rows)
    fixed = [15.0, 62.0, 18.0, 16.0, 20.0]
    rest = 257.0 - sum(fixed) - 34.0
    widths = [*fixed, *([rest / len(areas)] * len(areas) if areas else []), 34.0]
    if not areas:
        widths[-1] += rest
    table = d.fixed_table(doc, widths)
    head = d.add_row(
        table,
        [
            tr("Hạng", "Rank"),
            tr("Đơn vị", "Unit"),
            tr("Tổng điểm", "Total"),
            tr("Tối đa", "Max"),
            tr("Chỉ số (%)", "Index (%)"),
            *(tr(f"LV {a} (%)", f"Area {a} (%)") for a in areas),
            tr("Điểm theo", "Ranked on"),
        ],
        bold=True,
        size=11,
    )
    d.align_cells(head, list(range(len(widths))))
    d.repeat_header(head)
    for band in band_order(rows):
        members = [r for r in rows if (r.score.band or "—") == band]
        label = tr(
            f"Xếp loại {band}: {len(members)} đơn vị", f"Band {band}: {len(members)} unit(s)"
        )
        banner = d.add_row(table, [label, *[""] * (len(widths) - 1)], bold=True, size=11)
        merged = banner.cells[0].merge(banner.cells[-1])
        for extra in merged.paragraphs[1:]:  # the merged cells' empty paragraphs
            extra._p.getparent().remove(extra._p)
        for row in members:
            s = row.score
            by_id = {a.node: a.index_percent for a in s.areas()}
            cells = [
                str(row.rank),
                s.unit,
                pts(s.total),
                pts(s.max_points),
                pct(s.index_percent),
                *(pct(by_id.get(a)) for a in areas),
                ranked_on(s.layer),
            ]
            d.align_cells(d.add_row(table, cells, size=11), [0, *range(2, len(cells))])


def render_ranking_docx(ranking: Ranking) -> bytes:
    """The ranking as a Thông báo kết quả (.docx)."""
    doc = Document()
    d.set_base_font(doc)
    section = doc.sections[0]
    d.page_setup(section, landscape=False)
    d.page_number_header(section, skip_first=True)
    rows = list(ranking.rows)
    province = province_of(rows)
    year = ", ".join(str(y) for y in sorted({r.score.year for r in rows})) or "…"
    _heading(doc, province)
    d.para(doc, after=0)
    d.para(doc, tr("THÔNG BÁO", "NOTICE"), bold=True, size=14, align=d.CENTER, after=0)
    d.para(
        doc,
        tr(
            f"Kết quả xác định Chỉ số cải cách hành chính năm {year}",
            f"Results of the PAR Index, year {year}",
        ),
        bold=True,
        size=14,
        align=d.CENTER,
    )
    opening = d.para(
        doc,
        tr(
            f"Trên cơ sở kết quả tự đánh giá và thẩm định của {len(rows)} đơn vị, Sở Nội vụ thông "
            "báo kết quả xác định Chỉ số cải cách hành chính như sau:",
            f"From the self-assessment and appraisal of {len(rows)} unit(s), the Department of "
            "Home Affairs publishes the PAR Index results as follows:",
        ),
    )
    opening.paragraph_format.first_line_indent = Mm(10)
    d.para(doc, tr("I. PHÂN BỐ XẾP LOẠI", "I. DISTRIBUTION OF BANDS"), bold=True)
    if rows:
        _distribution(doc, rows)
    else:
        d.para(doc, tr("Không có đơn vị nào được chấm.", "No unit was scored."))
    for number, ((group_year, framework), members) in enumerate(ranking.groups(), start=2):
        landscape = doc.add_section(WD_SECTION.NEW_PAGE)
        d.page_setup(landscape, landscape=True)
        roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][min(number, 10) - 1]
        title, block = members[0].score.framework_title, block_words(members)
        d.para(
            doc,
            tr(
                f"{roman}. XẾP HẠNG NĂM {group_year}: {title} ({framework}){block}",
                f"{roman}. RANKING {group_year}: {title} ({framework}){block}",
            ),
            bold=True,
        )
        _group_table(doc, members)
    if ranking.failed:
        d.para(
            doc,
            tr(
                f"Chưa xếp hạng {len(ranking.failed)} đơn vị có bộ minh chứng lỗi: "
                + "; ".join(f.folder for f in ranking.failed),
                f"{len(ranking.failed)} unit(s) with invalid bundles are not ranked: "
                + "; ".join(f.folder for f in ranking.failed),
            ),
            italic=True,
        )
    closing = d.fixed_table(doc, [120.0, 120.0], style=None)
    left, right = closing.add_row().cells
    d.para(left, tr("Nơi nhận:", "Recipients:"), bold=True, italic=True, size=12, after=0)
    for line in (f"- UBND {province};", tr("- Các đơn vị được đánh giá;", "- The units assessed;")):
        d.para(left, line, size=11, after=0)
    d.para(left, tr("- Lưu: VT.", "- File: VT."), size=11, after=0)
    d.para(right, tr("GIÁM ĐỐC", "DIRECTOR"), bold=True, align=d.CENTER, after=48)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
