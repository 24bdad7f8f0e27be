"""The layers of an appraised unit side by side (self, round 1, round 2, survey, final) with the
reviewers' reasons and the unit's explanations, in table, markdown, JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from typing import Any

from tabulate import tabulate

from cchc_index.i18n import tr
from cchc_index.model.layers import Layer, Layered, LayerTotal, NodeLayers, ScoreRange
from cchc_index.model.result import LeafResult, Result
from cchc_index.report.filing import AppraisalMarks
from cchc_index.report.labels import gain, headline, pct, pts, status
from cchc_index.report.reasons import product_title, reason_text
from cchc_index.report.render import result_json
from cchc_index.text import format_date


def leaf_reason(leaf: LeafResult) -> str:
    """The one place this module turns a leaf's reason into text."""
    return reason_text(leaf)


def appraisal_marks(layered: Layered) -> dict[str, AppraisalMarks]:
    """The rounds and explanations of each appraised node, as the documents print them."""
    marks = {}
    for node in layered.nodes:
        one, two = node.at(Layer.ROUND_1), node.at(Layer.ROUND_2)
        said = " ".join(e.text for e in node.explanations) or None
        if one is None and two is None and said is None:
            continue
        marks[node.id] = AppraisalMarks(
            one.points if one else None,
            one.reason if one else None,
            said,
            two.points if two else None,
            two.reason if two else None,
        )
    return marks


def layer_file(fmt: str, text: str) -> str | bytes:
    """A rendering as written to a file: CSV with the UTF-8 byte-order mark Excel needs."""
    return ("\ufeff" + text).encode("utf-8") if fmt == "csv" else text


def layer_name(layer: Layer) -> str:
    return {
        Layer.SELF: tr("Tự chấm", "Self"),
        Layer.ROUND_1: tr("Thẩm định lần 1", "Round 1"),
        Layer.ROUND_2: tr("Thẩm định lần 2", "Round 2"),
        Layer.SURVEY: tr("Điều tra XHH", "Survey"),
        Layer.FINAL: tr("Cuối cùng", "Final"),
    }[layer]


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
        cells = [node.id, node.title, pts(node.max_points), pts(leaf.points)]
        for layer in columns:
            value = node.at(layer)
            cells.append(pts(value.points) if value is not None else "")
        final = finals[node.id]
        cells += [f"{pts(final.points)}{sep}{status(final.status)}", _notes(node, leaf, sep)]
        rows.append(cells)
    return rows


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


def _totals(totals: tuple[LayerTotal, ...]) -> list[list[str]]:
    return [
        [layer_name(t.layer), pts(t.total), pts(t.max_points), pct(t.index_percent), t.band or "—"]
        for t in totals
    ]


def range_line(found: ScoreRange) -> str:
    low, high = found.low, found.high
    return tr(
        f"Khoảng điểm (còn {len(found.pending)} mục chờ xác nhận: {', '.join(found.pending)}): "
        f"từ {pts(low.total)} ({pct(low.index_percent)}, {low.band or '—'}) nếu mọi mục bị bác "
        f"đến {pts(high.total)} ({pct(high.index_percent)}, {high.band or '—'}) nếu mọi mục được xác nhận.",
        f"Range of the total ({len(found.pending)} item(s) awaiting a reviewer: {', '.join(found.pending)}): "
        f"{pts(low.total)} ({pct(low.index_percent)}, {low.band or '—'}) if every one is refused "
        f"to {pts(high.total)} ({pct(high.index_percent)}, {high.band or '—'}) if every one is confirmed.",
    )


def _missing(result: Result, fmt: str) -> list[str]:
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
        tabulate(
            rows, head, tablefmt=fmt, maxcolwidths=None if fmt == "pipe" else [None, None, 60, 20]
        ),
    ]


def _text(layered: Layered, fmt: str) -> str:
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
    lines = ["\n\n".join(head_lines) if fmt == "pipe" else "\n".join(head_lines), ""]
    widths = [None, 30, None, None, *([None] * len(_columns(layered))), 14, 60]
    lines.append(
        tabulate(
            _rows(layered, sep),
            _header(layered),
            tablefmt=fmt,
            maxcolwidths=widths if fmt != "pipe" else None,
        )
    )
    head = [tr("Lớp điểm", "Layer"), tr("Tổng", "Total"), tr("Tối đa", "Max")]
    head += [tr("Chỉ số", "Index"), tr("Xếp loại", "Band")]
    lines += ["", tabulate(_totals(layered.totals), head, tablefmt=fmt), ""]
    if layered.range is not None:
        lines += [range_line(layered.range), ""]
    lines += _missing(layered.final, fmt)
    return "\n".join(lines) + "\n"


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


def render_layers_json(layered: Layered) -> str:
    """The self result at the top level (as without an appraisal) plus every layer."""
    data = result_json(layered.self_result)
    data["layers"] = _plain(layered.totals)
    data["nodes"] = _plain(layered.nodes)
    data["range"] = _plain(layered.range)
    data["final"] = result_json(layered.final)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    *("id", "title", "max_points", "points", "status", "reason", "missing"),
    *("round_1", "round_1_reason", "explanation", "round_2", "round_2_reason", "survey"),
    *("final", "final_status"),
)


def render_layers_csv(layered: Layered) -> str:
    """The CSV of `--format csv` (a row per scored node, per area, then the `bonus`,
    `deduction`, `total`, `index_percent` and `band` rows of the self layer) with the layers in
    columns: each round's points and finding, the explanation, the survey points, the final
    points and status; on the totals rows, each layer's total, index and band. Files get a
    UTF-8 BOM (`layer_file`)."""
    self_result, final = layered.self_result, layered.final
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*CSV_COLUMNS])
    finals = {leaf.id: leaf for leaf in final.leaves}
    for node, r in zip(layered.nodes, self_result.leaves, strict=True):
        one, two, survey = (node.at(x) for x in (Layer.ROUND_1, Layer.ROUND_2, Layer.SURVEY))
        row: list[object] = [r.id, r.title, r.max_points, r.points, status(r.status)]
        row += [leaf_reason(r), ";".join(r.missing)]
        row += [one.points, one.reason or ""] if one else ["", ""]
        row.append(" | ".join(e.text for e in node.explanations))
        row += [two.points, two.reason or ""] if two else ["", ""]
        row.append(survey.points if survey else "")
        row += [finals[r.id].points, status(finals[r.id].status)]
        writer.writerow(row)
    final_areas = {a.id: a for a in final.areas}
    for a in self_result.areas:
        writer.writerow(
            [a.id, a.title, a.max_points, a.points, *[""] * 9, final_areas[a.id].points, ""]
        )
    by_layer = {t.layer: t for t in layered.totals}

    def layers(value: Callable[[LayerTotal], object]) -> list[object]:
        cells: list[object] = []
        for layer, width in ((Layer.ROUND_1, 2), (None, 1), (Layer.ROUND_2, 2), (Layer.SURVEY, 1)):
            found = by_layer.get(layer) if layer is not None else None
            cells += [value(found) if found is not None else "", *[""] * (width - 1)]
        return [*cells, value(by_layer[Layer.FINAL]), ""]

    index = "" if self_result.index_percent is None else self_result.index_percent
    writer.writerow(
        [
            "bonus",
            tr("Điểm thưởng", "Bonus"),
            "",
            self_result.bonus,
            "",
            "",
            "",
            *[""] * 6,
            final.bonus,
            "",
        ]
    )
    writer.writerow(
        [
            "deduction",
            tr("Điểm trừ", "Deduction"),
            "",
            self_result.deduction,
            "",
            "",
            "",
            *[""] * 6,
            final.deduction,
            "",
        ]
    )
    writer.writerow(
        [
            "total",
            tr("Tổng cộng", "Total"),
            self_result.max_points,
            self_result.total,
            "",
            "",
            "",
            *layers(lambda t: t.total),
        ]
    )
    writer.writerow(
        [
            "index_percent",
            tr("Chỉ số (%)", "Index (%)"),
            "",
            index,
            "",
            "",
            "",
            *layers(lambda t: "" if t.index_percent is None else t.index_percent),
        ]
    )
    writer.writerow(
        [
            "band",
            tr("Xếp loại (dự kiến)", "Band (provisional)"),
            "",
            "",
            self_result.band or "",
            "",
            "",
            *layers(lambda t: t.band or ""),
        ]
    )
    return out.getvalue()


LAYER_RENDERERS: dict[str, Callable[[Layered], str]] = {
    "table": lambda layered: _text(layered, "simple_grid"),
    "markdown": lambda layered: "# " + _text(layered, "pipe"),
    "json": render_layers_json,
    "csv": render_layers_csv,
}
