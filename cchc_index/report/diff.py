"""A diff of two results or two frameworks as a table, markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

from cchc_index.i18n import num, tr
from cchc_index.model.diff import Change, Diff, Side
from cchc_index.model.result import as_json
from cchc_index.report.labels import pct, pts
from cchc_index.report.rule_changes import rule_changes
from cchc_index.report.text_table import table


def _kind(change: Change) -> str:
    if change.a is None:
        return tr("thêm mới", "added")
    if change.b is None:
        return tr("bỏ đi", "removed")
    if change.renumbered:
        return tr("đánh số lại", "renumbered")
    return tr("thay đổi", "changed")


_FIELDS = {
    "title": ("tên", "title"),
    "max_points": ("điểm tối đa", "maximum"),
    "points": ("điểm", "points"),
    "status": ("trạng thái", "status"),
    "missing": ("sản phẩm còn thiếu", "missing products"),
    "evidence": ("minh chứng", "evidence"),
    "method": ("phương pháp", "method"),
    "detail": ("tham số, minh chứng", "parameters, evidence"),
}


def _note(change: Change) -> str:
    parts = []
    if change.renumbered and change.a and change.b:
        alike = num((change.similarity or Decimal(0)) * 100, 0)
        parts.append(
            tr(
                f"{change.a.id} → {change.b.id}, tên giống nhau {alike}%",
                f"{change.a.id} → {change.b.id}, titles {alike}% alike",
            )
        )
    said = rule_changes(change.a.detail, change.b.detail) if change.a and change.b else []
    fields = [
        tr(*_FIELDS[f]) for f in change.fields() if f in _FIELDS and not (f == "detail" and said)
    ]
    if fields:
        parts.append(tr("đổi: ", "changed: ") + ", ".join(fields))
    if change.a and change.b and change.a.method != change.b.method:
        parts.append(f"{change.a.method} → {change.b.method}")
    return "; ".join(parts + said)


def _value(side: Side | None, framework: bool) -> str:
    if side is None:
        return "—"
    return pts(side.max_points) if framework else pts(side.points or Decimal(0))


def _rows(diff: Diff, framework: bool) -> list[list[str]]:
    rows = []
    for c in diff.changes:
        side = c.b or c.a
        assert side is not None
        delta = c.delta
        rows.append(
            [
                _kind(c),
                c.a.id if c.a else "",
                c.b.id if c.b else "",
                side.title,
                _value(c.a, framework),
                _value(c.b, framework),
                ("+" if delta > 0 else "") + pts(delta) if delta else "0",
                _note(c),
            ]
        )
    return rows


def _text(diff: Diff, fmt: str) -> str:
    framework = diff.frameworks
    lines = []
    for t in (diff.a, diff.b):
        if framework:
            lines.append(f"{t.label}: " + tr("điểm tối đa", "maximum") + f" {pts(t.total)}")
        else:
            lines.append(
                f"{t.label}: {pts(t.total)} / {pts(t.max_points)} ({pct(t.index_percent)}, {t.band or '—'})"
            )
    delta = diff.b.total - diff.a.total
    lines.append(tr("Chênh lệch tổng: ", "Change of the total: ") + pts(delta))
    for field, x, y in diff.meta:
        lines.append(f"{field}: {x} → {y}")
    if not diff.changes:
        lines.append(tr("Không có mục nào khác nhau.", "No node differs."))
        return "\n".join(lines) + "\n"
    value = tr("Tối đa", "Max") if framework else tr("Điểm", "Points")
    header = [tr("Thay đổi", "Change"), "A", "B", tr("Tiêu chí", "Node")]
    header += [f"{value} A", f"{value} B", tr("Chênh lệch", "Delta"), tr("Ghi chú", "Note")]
    widths = [None, None, None, 40, None, None, None, 40] if fmt != "pipe" else None
    sep = "\n\n" if fmt == "pipe" else "\n"
    body = table(_rows(diff, framework), header, tablefmt=fmt, maxcolwidths=widths)
    return sep.join(lines) + "\n\n" + body + "\n"


def _side(side: Side | None) -> object:
    if side is None:
        return None
    data = as_json(side)
    data.pop("detail", None)
    return data


def render_diff_json(diff: Diff) -> str:
    data = {
        "a": as_json(diff.a),
        "b": as_json(diff.b),
        "meta": [{"field": f, "a": x, "b": y} for f, x, y in diff.meta],
        "changes": [
            {
                "kind": c.kind,
                "renumbered": c.renumbered,
                "similarity": as_json(c.similarity),
                "delta": format(c.delta.normalize(), "f") if c.delta else "0",
                "fields": list(c.fields()),
                "a": _side(c.a),
                "b": _side(c.b),
            }
            for c in diff.changes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


DIFF_RENDERERS: dict[str, Callable[[Diff], str]] = {
    "table": lambda diff: _text(diff, "simple_grid"),
    "markdown": lambda diff: _text(diff, "pipe"),
    "json": render_diff_json,
}
