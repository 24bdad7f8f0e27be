"""Result → text in each output format: table (terminal), markdown, json, csv."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable

from tabulate import tabulate

from cchc_index.i18n import tr
from cchc_index.model.result import Result, as_json
from cchc_index.report.labels import gain, headline, pct, pts, status


def _leaf_rows(result: Result) -> list[list[str]]:
    return [
        [
            r.id,
            r.title,
            pts(r.max_points) + _marks(r.illustrative),
            pts(r.points),
            status(r.status),
            r.reason,
        ]
        for r in result.leaves
    ]


def _marks(illustrative: tuple[str, ...]) -> str:
    points = "*" if "points" in illustrative else ""
    return points + ("†" if set(illustrative) - {"points"} else "")


def _leaf_header() -> list[str]:
    return [
        tr("Mã", "Id"),
        tr("Tiêu chí", "Criterion"),
        tr("Tối đa", "Max"),
        tr("Điểm", "Points"),
        tr("Trạng thái", "Status"),
        tr("Lý do", "Reason"),
    ]


def _missing_rows(result: Result) -> list[list[str]]:
    rows = []
    for rank, m in enumerate(result.missing, start=1):
        together = gain(m.gain_together, m.upper_bound)
        shown = (
            together
            if m.gain == m.gain_together
            else f"{gain(m.gain, False)} ({tr('cùng các sản phẩm còn thiếu khác', 'with the other missing products')}: {together})"
        )
        rows.append(
            [
                str(rank),
                f"{m.node}#{m.part}" if m.part else m.node,
                m.title,
                m.responsible or "",
                shown,
            ]
        )
    return rows


def _missing_header() -> list[str]:
    return [
        "#",
        tr("Mục", "Node"),
        tr("Sản phẩm còn thiếu", "Missing product"),
        tr("Cơ quan báo cáo", "Responsible"),
        tr("Điểm có thể thêm", "Points it would add"),
    ]


def _areas(result: Result) -> list[list[str]]:
    return [
        [a.id, a.title, pts(a.points), pts(a.max_points), pct(a.index_percent)]
        for a in result.areas
    ]


def _area_header() -> list[str]:
    return [
        tr("Lĩnh vực", "Area"),
        tr("Tên", "Title"),
        tr("Điểm", "Points"),
        tr("Tối đa", "Max"),
        tr("Chỉ số", "Index"),
    ]


def _widths(title: int, reason: int) -> list[int | None]:
    """Column widths of the leaf table that fit the terminal (at least 100 columns wide)."""
    room = max(100, shutil.get_terminal_size((160, 40)).columns) - 60  # id, points, status, borders
    share = min(1.0, room / (title + reason))
    return [None, max(20, int(title * share)), None, None, 16, max(30, int(reason * share))]


def _text(result: Result, fmt: str) -> str:
    lines = [*headline(result), ""]
    lines.append(
        tabulate(
            _leaf_rows(result),
            _leaf_header(),
            tablefmt=fmt,
            maxcolwidths=_widths(40, 60) if fmt != "pipe" else None,
        )
    )
    lines += ["", tabulate(_areas(result), _area_header(), tablefmt=fmt)]
    lines.append("")
    if result.missing:
        lines.append(
            tr(
                "Sản phẩm còn thiếu, xếp theo số điểm sẽ thêm nếu bổ sung:",
                "Missing products, ranked by the points they would add:",
            )
        )
        lines.append(
            tabulate(
                _missing_rows(result),
                _missing_header(),
                tablefmt=fmt,
                maxcolwidths=[None, None, 50, 30, 30] if fmt != "pipe" else None,
            )
        )
    else:
        lines.append(tr("Không còn sản phẩm nào thiếu.", "No product is missing."))
    return "\n".join(lines) + "\n"


def render_table(result: Result) -> str:
    return _text(result, "simple_grid")


def render_markdown(result: Result) -> str:
    text = _text(result, "pipe")
    head, _, rest = text.partition("\n\n")
    return "# " + head.replace("\n", "\n\n") + "\n\n" + rest


def render_json(result: Result) -> str:
    return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"


def render_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "max_points", "points", "status", "reason", "missing"])
    for r in result.leaves:
        writer.writerow(
            [r.id, r.title, r.max_points, r.points, r.status.value, r.reason, ";".join(r.missing)]
        )
    return out.getvalue()


RENDERERS: dict[str, Callable[[Result], str]] = {
    "table": render_table,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
}


def render_missing(result: Result) -> str:
    """`check`: only what is missing, ranked by the points it would add."""
    lines = headline(result)[:2]
    if not result.missing:
        return (
            "\n".join([*lines, tr("Đủ minh chứng cho mọi tiêu chí.", "Evidence is complete.")])
            + "\n"
        )
    lines.append(
        tr(
            f"Còn thiếu {len(result.missing)} sản phẩm, xếp theo số điểm sẽ thêm:",
            f"{len(result.missing)} product(s) missing, ranked by the points they would add:",
        )
    )
    lines.append(
        tabulate(
            _missing_rows(result),
            _missing_header(),
            tablefmt="simple_grid",
            maxcolwidths=[None, None, 50, 30, 30],
        )
    )
    return "\n".join(lines) + "\n"
