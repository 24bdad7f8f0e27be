"""A bar chart of each area's index (%) as plain inline SVG: no script, no font or file to fetch."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from cchc_index.i18n import tr
from cchc_index.model.result import NodeResult
from cchc_index.report.labels import pct

BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 260
BAR_WIDTH = 380  # the length of 100 %
WIDTH = LABEL_WIDTH + BAR_WIDTH + 70


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def area_chart(areas: tuple[NodeResult, ...]) -> str:
    """One horizontal bar per area, its length the area's index; an area with no applicable
    maximum shows no bar and a dash. Each bar carries its value in `data-index`."""
    return bar_chart(areas, tr("Chỉ số theo lĩnh vực (%)", "Index by area (%)"), "area")


def bar_chart(nodes: tuple[NodeResult, ...], title: str, kind: str) -> str:
    """Bars of the nodes' index (%); `kind` names the data attribute (area, criterion)."""
    top = 24
    height = top + len(nodes) * (BAR_HEIGHT + GAP) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in (0, 25, 50, 75, 100):
        x = LABEL_WIDTH + BAR_WIDTH * tick // 100
        parts.append(
            f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{height - 4}" class="grid"/>'
            f'<text x="{x}" y="{top - 8}" class="tick">{tick}</text>'
        )
    for row, node in enumerate(nodes):
        y = top + row * (BAR_HEIGHT + GAP)
        label = escape(f"{node.id}. {_short(node.title)}")
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.0f}" class="label">{label}</text>'
        )
        value = node.index_percent
        if value is None:
            parts.append(
                f'<text x="{LABEL_WIDTH + 4}" y="{y + BAR_HEIGHT * 0.7:.0f}" class="value">—</text>'
            )
            continue
        share = min(max(value, Decimal(0)), Decimal(100)) / 100
        length = (share * BAR_WIDTH).quantize(Decimal("0.1"))
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'class="bar" data-{kind}="{escape(node.id)}" data-index="{value}">'
            f"<title>{label}: {pct(value)}</title></rect>"
            f'<text x="{LABEL_WIDTH + float(length) + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.0f}" '
            f'class="value">{pct(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
