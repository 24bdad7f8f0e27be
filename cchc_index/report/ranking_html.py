"""The province's published ranking as one self-contained HTML page that prints on A4 landscape:
the distribution of bands (inline SVG), then each framework and year's units grouped under
their band, in rank order, with each area's index. No script, no font or file to fetch."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from html import escape

from cchc_index.i18n import lang, tr
from cchc_index.model.ranking import Ranking, RankingRow
from cchc_index.report.labels import block_words, pct, pts
from cchc_index.report.ranking_docx import province_of
from cchc_index.report.ranking_words import area_ids, band_order, ranked_on

STYLE = """
@page { size: A4 landscape; margin: 15mm 15mm 15mm 25mm; }
* { box-sizing: border-box; }
html { font: 12pt/1.35 "Times New Roman", "Liberation Serif", serif; color: #000; }
body { margin: 0 auto; max-width: 270mm; padding: 6mm 4mm; }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 0 0 1mm; }
.sub { text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 1mm 1.2mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #d9e1f2; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.n { text-align: center; white-space: nowrap; }
tr.band td { font-weight: bold; background: #f2f2f2; }
svg.chart { display: block; max-width: 170mm; height: auto; }
svg.chart .bar { fill: #2f5597; }
svg.chart text { font: 12px "Times New Roman", "Liberation Serif", serif; fill: #000; }
@media print { body { max-width: none; padding: 0; }
  th, tr.band td, svg.chart .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def distribution_svg(rows: list[RankingRow]) -> str:
    """One bar per band, its length the band's share of the units."""
    counts = Counter(row.score.band or "—" for row in rows)
    bands = band_order(rows)
    label_w, bar_w, h, gap = 120, 420, 22, 8
    height = len(bands) * (h + gap) + 8
    title = escape(tr("Phân bố xếp loại", "Distribution of bands"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {label_w + bar_w + 120} {height}" width="100%" aria-label="{title}">'
        f"<title>{title}</title>"
    ]
    most = max(counts.values(), default=1)
    for i, band in enumerate(bands):
        y = 4 + i * (h + gap)
        n = counts[band]
        length = bar_w * n / most
        share = pct(Decimal(n * 100) / len(rows))
        parts.append(
            f'<text x="{label_w - 8}" y="{y + h * 0.7:.0f}" text-anchor="end">{escape(band)}</text>'
            f'<rect class="bar" x="{label_w}" y="{y}" width="{length:.1f}" height="{h}" '
            f'data-band="{escape(band)}" data-units="{n}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + h * 0.7:.0f}">'
            f"{n} ({escape(share)})</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _group(year: int, framework: str, rows: list[RankingRow]) -> str:
    areas = area_ids(rows)
    head = [
        tr("Hạng", "Rank"),
        tr("Đơn vị", "Unit"),
        tr("Tổng điểm", "Total"),
        tr("Tối đa", "Max"),
        tr("Chỉ số (%)", "Index (%)"),
        *(tr(f"LV {a} (%)", f"Area {a} (%)") for a in areas),
        tr("Điểm theo", "Ranked on"),
    ]
    out = [
        f"<h2>{escape(tr('Xếp hạng năm', 'Ranking'))} {year}: "
        f"{escape(rows[0].score.framework_title)} ({escape(framework)})"
        f"{escape(block_words(rows))}</h2>",
        "<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for band in band_order(rows):
        members = [r for r in rows if (r.score.band or "—") == band]
        label = tr(
            f"Xếp loại {band}: {len(members)} đơn vị", f"Band {band}: {len(members)} unit(s)"
        )
        out.append(f'<tr class="band"><td colspan="{len(head)}">{escape(label)}</td></tr>')
        for row in members:
            s = row.score
            by_id = {a.node: a.index_percent for a in s.areas()}
            cells = [
                (str(row.rank), "n"),
                (s.unit, ""),
                (pts(s.total), "n"),
                (pts(s.max_points), "n"),
                (pct(s.index_percent), "n"),
                *((pct(by_id.get(a)), "n") for a in areas),
                (ranked_on(s.layer), ""),
            ]
            out.append(
                f'<tr data-rank="{row.rank}">'
                + "".join(
                    f'<td class="{kind}">{escape(text)}</td>'
                    if kind
                    else f"<td>{escape(text)}</td>"
                    for text, kind in cells
                )
                + "</tr>"
            )
    out.append("</tbody></table>")
    return "\n".join(out)


def render_ranking_html(ranking: Ranking) -> str:
    rows = list(ranking.rows)
    year = ", ".join(str(y) for y in sorted({r.score.year for r in rows})) or "…"
    title = tr(
        f"Kết quả xác định Chỉ số cải cách hành chính năm {year}",
        f"Results of the PAR Index, year {year}",
    )
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(tr("Sở Nội vụ", "Department of Home Affairs"))} '
        f"{escape(province_of(rows))} — {len(rows)} {escape(tr('đơn vị', 'unit(s)'))}</p>",
        f"<h2>{escape(tr('Phân bố xếp loại', 'Distribution of bands'))}</h2>",
        distribution_svg(rows)
        if rows
        else f"<p>{escape(tr('Không có đơn vị nào được chấm.', 'No unit was scored.'))}</p>",
        *(_group(y, f, members) for (y, f), members in ranking.groups()),
    ]
    if ranking.failed:
        failed = "; ".join(f.folder for f in ranking.failed)
        body.append(
            "<p><em>"
            + escape(
                tr(
                    f"Chưa xếp hạng {len(ranking.failed)} đơn vị có bộ minh chứng lỗi: {failed}",
                    f"{len(ranking.failed)} unit(s) with invalid bundles are not ranked: {failed}",
                )
            )
            + "</em></p>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
