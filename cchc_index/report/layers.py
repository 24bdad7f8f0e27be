"""The layers of an appraised unit side by side (self, round 1, round 2, survey, final) with the
reviewers' reasons and the unit's explanations: table and markdown here, JSON and CSV in
layers_files.py."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable

from cchc_index.i18n import tr
from cchc_index.model.layers import Layer, Layered, LayerTotal, NodeLayers
from cchc_index.model.result import LeafResult, Result
from cchc_index.report.labels import gain, headline, marks, pct, pts, status
from cchc_index.report.layer_words import layer_name, leaf_reason, range_line
from cchc_index.report.layers_files import render_layers_csv, render_layers_json
from cchc_index.report.reasons import product_title
from cchc_index.report.text_table import table
from cchc_index.text import format_date


def _columns(layered: Layered) -> list[Layer]:
    present = {v.layer for n in layered.nodes for v in n.values}
    return [x for x in (Layer.ROUND_1, Layer.ROUND_2, Layer.SURVEY) if x in present]


def _notes(node: NodeLayers, leaf: LeafResult, sep: str) -> str:
    lines = [leaf_reason(leaf)]
    for value in node.values[1:]:
        by = f" ({value.by}, {format_date(value.date)})" if value.by and value.date else ""
        lines.append(f"{layer_name(value.layer)}{by}: {value.reason or tr('giữ nguyên', 'kept')}")
        if value.layer is Layer.ROUND_1:
            lines += [
                tr(
                    f"Giải trình ({format_date(e.date)}): ",
                    f"Explanation ({format_date(e.date)}): ",
                )
                + e.text
                for e in node.explanations
            ]
    if len(node.values) == 1:
        lines += [tr("Giải trình: ", "Explanation: ") + e.text for e in node.explanations]
    return sep.join(lines)


def _rows(layered: Layered, sep: str) -> list[list[str]]:
    columns = _columns(layered)
    finals = {leaf.id: leaf for leaf in layered.final.leaves}
    rows = []
    for node, leaf in zip(layered.nodes, layered.self_result.leaves, strict=True):
        cells = [
            node.id,
            node.title,
            pts(node.max_points) + marks(leaf.illustrative),
            pts(leaf.points),
        ]
        for layer in columns:
            value = node.at(layer)
            cells.append(pts(value.points) if value is not None else "")
        final = finals[node.id]
        cells += [f"{pts(final.points)}{sep}{status(final.status)}", _notes(node, leaf, sep)]
        rows.append(cells)
    return rows


def _folded_rows(layered: Layered) -> list[list[str]]:
    """The layers of each node under each other in one cell, for a narrow terminal."""
    finals = {leaf.id: leaf for leaf in layered.final.leaves}
    rows = []
    for node, leaf in zip(layered.nodes, layered.self_result.leaves, strict=True):
        lines = [tr("Tối đa", "Max") + f" {pts(node.max_points)}{marks(leaf.illustrative)}"]
        lines.append(f"{layer_name(Layer.SELF)} {pts(leaf.points)}")
        for layer in _columns(layered):
            value = node.at(layer)
            if value is not None:
                lines.append(f"{layer_name(layer)} {pts(value.points)}")
        final = finals[node.id]
        lines.append(f"{layer_name(Layer.FINAL)} {pts(final.points)}: {status(final.status)}")
        rows.append([node.id, node.title, "\n".join(lines), _notes(node, leaf, "\n")])
    return rows


FOLDED_HEAD = (("Mã", "Id"), ("Tiêu chí", "Criterion"), ("Điểm", "Points"))


def _fits(text: str, width: int) -> bool:
    return max((len(line) for line in text.splitlines()), default=0) <= width


def _scores_table(layered: Layered, fmt: str, sep: str, width: int | None) -> str:
    """The layers side by side; folded under each other when that is wider than `width`."""
    widths = [None, 30, None, None, *([None] * len(_columns(layered))), 14, 60]
    wide = table(
        _rows(layered, sep),
        _header(layered),
        tablefmt=fmt,
        maxcolwidths=widths if fmt != "pipe" else None,
    )
    if fmt == "pipe" or width is None or _fits(wide, width):
        return wide
    rows = _folded_rows(layered)
    ident = max(len(r[0]) for r in rows) if rows else 4
    room = width - ident - 13  # what the borders and the id column leave
    points = min(max(len(line) for r in rows for line in r[2].splitlines()), max(12, room // 4))
    title = max(12, min(30, room // 4))
    reason = max(12, room - title - points)
    head = [tr(*h) for h in FOLDED_HEAD] + [tr("Lý do, giải trình", "Reasons")]
    for _ in range(3):  # the drawer pads by a character here and there: measure and narrow
        drawn = table(rows, head, tablefmt=fmt, maxcolwidths=[None, title, points, reason])
        over = max(len(line) for line in drawn.splitlines()) - width
        if over <= 0 or reason - over < 8:
            break
        reason -= over
    return drawn


def _header(layered: Layered) -> list[str]:
    return [
        tr("Mã", "Id"),
        tr("Tiêu chí", "Criterion"),
        tr("Tối đa", "Max"),
        layer_name(Layer.SELF),
        *(layer_name(x) for x in _columns(layered)),
        layer_name(Layer.FINAL),
        tr("Lý do, ý kiến thẩm định, giải trình", "Reasons, reviewers' findings, explanations"),
    ]


def _area_head() -> list[str]:
    return [
        tr("Lĩnh vực", "Area"),
        tr("Tối đa", "Max"),
        layer_name(Layer.SELF),
        layer_name(Layer.FINAL),
        tr("Chỉ số cuối cùng", "Final index"),
    ]


def _areas(layered: Layered) -> list[list[str]]:
    """Each area's self-assessed and final points, and its final index."""
    finals = {a.id: a for a in layered.final.areas}
    rows = []
    for area in layered.self_result.areas:
        final = finals.get(area.id, area)
        rows.append(
            [
                f"{area.id}. {area.title}",
                pts(area.max_points),
                pts(area.points),
                pts(final.points),
                pct(final.index_percent),
            ]
        )
    return rows


def _totals(totals: tuple[LayerTotal, ...]) -> list[list[str]]:
    return [
        [layer_name(t.layer), pts(t.total), pts(t.max_points), pct(t.index_percent), t.band or "—"]
        for t in totals
    ]


def _missing(result: Result, fmt: str, width: int | None = None) -> list[str]:
    if not result.missing:
        return [tr("Không còn sản phẩm nào thiếu.", "No product is missing.")]
    rows = [
        [str(i), m.node, product_title(m), gain(m.gain_together, m.upper_bound)]
        for i, m in enumerate(result.missing, start=1)
    ]
    head = ["#", tr("Mục", "Node"), tr("Sản phẩm còn thiếu", "Missing product")]
    head.append(tr("Điểm có thể thêm", "Points it would add"))
    return [
        tr(
            "Sản phẩm còn thiếu, xếp theo số điểm sẽ thêm nếu bổ sung (tính trên điểm cuối cùng):",
            "Missing products, ranked by the points they would add (on the final points):",
        ),
        table(
            rows,
            head,
            tablefmt=fmt,
            maxcolwidths=None
            if fmt == "pipe"
            else [
                None,
                None,
                min(60, max(20, (width or 160) - 40)),
                20 if (width or 160) >= 80 else 10,
            ],
        ),
    ]


def _text(layered: Layered, fmt: str, width: int | None = None) -> str:
    sep = "<br>" if fmt == "pipe" else "\n"
    head_lines = headline(layered.self_result)
    final = layered.final
    if layered.appraised:
        head_lines.insert(
            3,
            tr(
                f"Tổng điểm cuối cùng (sau thẩm định): {pts(final.total)} / {pts(final.max_points)} điểm (chỉ số {pct(final.index_percent)}) — xếp loại: {final.band or '—'}",
                f"Final total (after appraisal): {pts(final.total)} / {pts(final.max_points)} points (index {pct(final.index_percent)}) — band: {final.band or '—'}",
            ),
        )
    if width is not None and fmt != "pipe":  # a narrow terminal: the headline wraps too
        head_lines = [textwrap.fill(line, width) for line in head_lines]
    lines = ["\n\n".join(head_lines) if fmt == "pipe" else "\n".join(head_lines), ""]
    lines.append(_scores_table(layered, fmt, sep, width))
    lines += ["", table(_areas(layered), _area_head(), tablefmt=fmt)]
    head = [tr("Lớp điểm", "Layer"), tr("Tổng", "Total"), tr("Tối đa", "Max")]
    head += [tr("Chỉ số", "Index"), tr("Xếp loại", "Band")]
    lines += ["", table(_totals(layered.totals), head, tablefmt=fmt), ""]
    if layered.range is not None:
        lines += [range_line(layered.range), ""]
    lines += _missing(layered.final, fmt, width)
    return "\n".join(lines) + "\n"


def render_layers_table(layered: Layered, width: int) -> str:
    """The terminal table of an appraised unit, fitted to `width` columns (the terminal's)."""
    return _text(layered, "simple_grid", width)


LAYER_RENDERERS: dict[str, Callable[[Layered], str]] = {
    "table": lambda layered: _text(layered, "simple_grid"),
    "markdown": lambda layered: "# " + _text(layered, "pipe"),
    "json": render_layers_json,
    "csv": render_layers_csv,
}


def explain_layers(layered: Layered, node_id: str) -> str:
    """`explain NODE BUNDLE`: the node's layers and the unit's explanations in date order."""
    node = next((n for n in layered.nodes if n.id == node_id), None)
    if node is None or not layered.appraised or (len(node.values) == 1 and not node.explanations):
        return ""
    timeline: list[tuple[dt.date, int, str]] = []
    for i, value in enumerate(node.values[1:], start=1):
        by = f" ({value.by}, {format_date(value.date)})" if value.by and value.date else ""
        why = f" — {value.reason}" if value.reason else ""
        line = f"  {layer_name(value.layer)}{by}: {pts(value.points)}{why}"
        timeline.append((value.date or dt.date.min, i, line))
    for note in node.explanations:
        said = tr("Giải trình", "Explanation")
        timeline.append(
            (note.date, len(node.values), f"  {said} ({format_date(note.date)}): {note.text}")
        )
    first = f"  {layer_name(Layer.SELF)}: {pts(node.values[0].points)}"
    final = next(leaf for leaf in layered.final.leaves if leaf.id == node_id)
    last = f"  {layer_name(Layer.FINAL)}: {pts(final.points)} ({status(final.status)})"
    body = [line for _, _, line in sorted(timeline)]
    return "\n".join(["", tr("Các lớp điểm:", "Layers of points:"), first, *body, last]) + "\n"
