"""The words every rendering of the layers shares: a layer's name, a leaf's reason, the
score range."""

from __future__ import annotations

from cchc_index.i18n import tr
from cchc_index.model.layers import Layer, ScoreRange
from cchc_index.model.result import LeafResult
from cchc_index.report.labels import pct, pts
from cchc_index.report.reasons import reason_text


def leaf_reason(leaf: LeafResult) -> str:
    """The one place this module turns a leaf's reason into text."""
    return reason_text(leaf)


def layer_name(layer: Layer) -> str:
    return {
        Layer.SELF: tr("Tự chấm", "Self"),
        Layer.ROUND_1: tr("Thẩm định lần 1", "Round 1"),
        Layer.ROUND_2: tr("Thẩm định lần 2", "Round 2"),
        Layer.SURVEY: tr("Điều tra XHH", "Survey"),
        Layer.FINAL: tr("Cuối cùng", "Final"),
    }[layer]


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
