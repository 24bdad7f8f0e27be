"""The layers as data and files: JSON (every layer), CSV for Excel, and the appraisal marks
the documents (DOCX, XLSX) print."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cchc_index.i18n import tr
from cchc_index.model.layers import Layer, Layered, LayerTotal
from cchc_index.report.filing import AppraisalMarks
from cchc_index.report.labels import status
from cchc_index.report.layer_words import leaf_reason
from cchc_index.report.render import result_json
from cchc_index.text import format_date

if TYPE_CHECKING:  # the documents need the marks; the printed layers never load the filing
    from cchc_index.report.filing import AppraisalMarks


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
