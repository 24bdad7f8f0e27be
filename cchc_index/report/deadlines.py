"""`check --on DATE`: missing products split into those still possible in time and those no
longer possible, each with its gain; and the note of the deadline lock."""

from __future__ import annotations

import json
from decimal import Decimal

from tabulate import tabulate

from cchc_index.i18n import tr
from cchc_index.model.bundle import Document
from cchc_index.model.deadlines import Split, Timed
from cchc_index.model.layers import ScoreRange
from cchc_index.model.result import Result, as_json
from cchc_index.report.labels import gain, headline, pct, pts
from cchc_index.report.layer_words import range_line
from cchc_index.report.reasons import product_title
from cchc_index.text import format_date


def _rows(entries: tuple[Timed, ...]) -> list[list[str]]:
    rows = []
    for t in entries:
        shown = gain(t.product.gain_together, t.product.upper_bound)
        if t.late_gain is not None:
            shown += tr(
                f" (bổ sung muộn: +{pts(t.late_gain)})", f" (supplied late: +{pts(t.late_gain)})"
            )
        last = format_date(t.last_day) if t.last_day else "—"
        rows.append([t.product.node, product_title(t.product), last, shown])
    return rows


def _header() -> list[str]:
    return [
        tr("Mục", "Node"),
        tr("Sản phẩm còn thiếu", "Missing product"),
        tr("Hạn cuối", "Last day"),
        tr("Điểm có thể thêm", "Points it would add"),
    ]


def _sum(entries: tuple[Timed, ...]) -> Decimal:
    """Points at stake: each node counted once, at the gain of all its missing products."""
    by_node = {t.product.node: t.product.gain_together for t in entries}
    return sum(by_node.values(), Decimal(0))


def render_split(result: Result, split: Split, found: ScoreRange | None = None) -> str:
    lines = headline(result)[:2]
    due = (
        tr(
            f" (hạn tự đánh giá {format_date(split.due)})",
            f" (self-assessment due {format_date(split.due)})",
        )
        if split.due
        else ""
    )
    lines.append(
        tr(
            f"Tính đến ngày {format_date(split.on)}{due}.",
            f"As of {format_date(split.on)}{due}.",
        )
    )
    if found is not None:
        lines.append(range_line(found))
    reach = split.reachable
    if reach is not None and split.possible:
        upto = tr(" tối đa", " at most") if split.reachable_bound else ""
        lines.append(
            tr(
                f"Nếu bổ sung mọi sản phẩm còn kịp: tổng{upto} {pts(reach.total)} / {pts(reach.max_points)} (chỉ số {pct(reach.index_percent)}, {reach.band or '—'}).",
                f"With every still-possible product supplied: total{upto} {pts(reach.total)} / {pts(reach.max_points)} (index {pct(reach.index_percent)}, {reach.band or '—'}).",
            )
        )
    total = len(split.possible) + len(split.too_late)
    if not total:
        lines.append(tr("Đủ minh chứng cho mọi tiêu chí.", "Evidence is complete."))
        return "\n".join(lines) + "\n"
    lines.append(
        tr(
            f"Còn thiếu {total} sản phẩm, xếp theo số điểm sẽ thêm:",
            f"{total} product(s) missing, ranked by the points they would add:",
        )
    )
    for title, entries in (
        (tr("Còn kịp bổ sung", "Still possible in time"), split.possible),
        (
            tr("Không còn kịp (đã quá hạn)", "No longer possible (past the deadline)"),
            split.too_late,
        ),
    ):
        lines.append(
            f"\n{title}: {len(entries)} "
            + tr("sản phẩm", "product(s)")
            + f", +{pts(_sum(entries))}"
        )
        if entries:
            lines.append(
                tabulate(
                    _rows(entries),
                    _header(),
                    tablefmt="simple_grid",
                    maxcolwidths=[None, 50, None, 20],
                )
            )
    return "\n".join(lines) + "\n"


def split_json(split: Split) -> str:
    """The missing products as before, each with `possible` and its `last_day`."""
    rows = []
    for possible, entries in ((True, split.possible), (False, split.too_late)):
        for t in entries:
            row = {**as_json(t.product), "title": product_title(t.product)}
            row["possible"] = possible
            row["last_day"] = format_date(t.last_day) if t.last_day else None
            row["late_gain"] = str(t.late_gain) if t.late_gain is not None else None
            rows.append(row)
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def lock_note(ignored: tuple[Document, ...]) -> str:
    names = ", ".join(d.label() for d in ignored)
    return tr(
        f"Khóa theo hạn tự đánh giá: bỏ qua {len(ignored)} văn bản ban hành sau hạn ({names}).",
        f"Deadline lock: {len(ignored)} document(s) dated after the due date ignored ({names}).",
    )
