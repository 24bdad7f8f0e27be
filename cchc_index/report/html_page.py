"""The printable HTML report: one self-contained page (Jinja2 template shipped with the package).

No network: the CSS is inline, the chart is inline SVG, the fonts are the reader's own
(Times New Roman, else Liberation Serif). Print CSS lays it out on A4 with page numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from cchc_index.i18n import lang, tr
from cchc_index.report.filing import Filing
from cchc_index.report.labels import gain, pts, status
from cchc_index.report.reasons import product_title
from cchc_index.report.rows import (
    Level,
    criteria_by_area,
    evidence_lines,
    explanation,
    layer_totals,
    note,
    reason,
    rows,
    shown_points,
    totals,
)
from cchc_index.report.svg_chart import area_chart, bar_chart


@dataclass(frozen=True, slots=True)
class HtmlRow:
    id: str
    kind: str  # css class: area, criterion, leaf
    title: str
    max_points: str
    points: str
    status: str
    evidence: list[str]
    explanation: str
    reason: str
    note: str
    appraised: str = ""  # the points after appraisal, for an appraised unit


def _rows(filing: Filing) -> list[HtmlRow]:
    out = []
    final = filing.layered.final if filing.layered and filing.layered.appraised else None
    after: dict[str, Decimal] = {}
    if final is not None:
        after = {leaf.id: leaf.points for leaf in final.leaves}
        after.update({node.id: node.points for node in (*final.criteria, *final.areas)})
    for row in rows(filing.result):
        leaf = row.leaf
        kind = {Level.AREA: "area", Level.CRITERION: "criterion"}.get(row.level, "leaf")
        if leaf is not None and row.level is Level.CRITERION:
            kind = "criterion leaf"
        out.append(
            HtmlRow(
                id=row.id,
                kind=kind,
                title=row.title,
                max_points=pts(row.max_points),
                points=shown_points(row),
                status=status(leaf.status) if leaf else "",
                evidence=evidence_lines(filing, leaf) if leaf else [],
                explanation=explanation(filing, leaf) if leaf else "",
                reason=reason(leaf) if leaf else "",
                note=note(leaf) if leaf else "",
                appraised=pts(after[row.id]) if row.id in after else "",
            )
        )
    return out


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("cchc_index.report", "templates"),
        autoescape=select_autoescape(["j2", "html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(filing: Filing) -> str:
    """The report as one HTML page that prints to A4."""
    result = filing.result
    missing = [
        {
            "rank": rank,
            "node": m.node,
            "title": product_title(m),
            "responsible": m.responsible or "",
            "gain": gain(m.gain, m.upper_bound and m.gain == m.gain_together),
            "together": gain(m.gain_together, m.upper_bound),
        }
        for rank, m in enumerate(result.missing, start=1)
    ]
    by_area = criteria_by_area(result)
    area_charts = [
        (
            f"{area.id}. {area.title}",
            Markup(
                bar_chart(
                    by_area[area.id],
                    tr("Chỉ số theo tiêu chí (%)", "Index by criterion (%)"),
                    "criterion",
                )
            ),
        )
        for area in result.areas
        if by_area[area.id]
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        lang=lang(),
        t=tr,
        result=result,
        filing=filing,
        chart=Markup(area_chart(result.areas)),  # built from escaped parts in svg_chart
        area_charts=area_charts,
        rows=_rows(filing),
        totals=totals(result),
        after=layer_totals(filing),
        missing=missing,
        survey=pts(result.survey_points) if result.survey_points else "",
        written=f"{filing.written_at:%d/%m/%Y %H:%M}",
    )
