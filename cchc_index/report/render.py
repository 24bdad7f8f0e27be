"""Result → text in each output format: table (terminal), markdown, json, csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from cchc_index.i18n import tr, using
from cchc_index.model.result import LeafResult, Result, as_json
from cchc_index.report.labels import gain, headline, marks, pct, pts, status
from cchc_index.report.reasons import product_title, reason_text
from cchc_index.report.text_table import table


def _leaf_rows(result: Result) -> list[list[str]]:
    return [
        [
            r.id,
            r.title,
            pts(r.max_points) + marks(r.illustrative),
            pts(r.points),
            status(r.status),
            reason_text(r),
        ]
        for r in result.leaves
    ]


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
                product_title(m),
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


DEFAULT_WIDTH = 160


def _widths(title: int, reason: int, width: int) -> list[int | None]:
    """Column widths of the leaf table that fit `width` columns (at least 100)."""
    room = max(100, width) - 60  # id, points, status, borders
    share = min(1.0, room / (title + reason))
    return [None, max(20, int(title * share)), None, None, 16, max(30, int(reason * share))]


def _text(result: Result, fmt: str, width: int = DEFAULT_WIDTH) -> str:
    lines = [*headline(result), ""]
    lines.append(
        table(
            _leaf_rows(result),
            _leaf_header(),
            tablefmt=fmt,
            maxcolwidths=_widths(40, 60, width) if fmt != "pipe" else None,
        )
    )
    lines += ["", table(_areas(result), _area_header(), tablefmt=fmt)]
    lines.append("")
    if result.missing:
        lines.append(
            tr(
                "Sản phẩm còn thiếu, xếp theo số điểm sẽ thêm nếu bổ sung:",
                "Missing products, ranked by the points they would add:",
            )
        )
        lines.append(
            table(
                _missing_rows(result),
                _missing_header(),
                tablefmt=fmt,
                maxcolwidths=[None, None, 50, 30, 30] if fmt != "pipe" else None,
            )
        )
    else:
        lines.append(tr("Không còn sản phẩm nào thiếu.", "No product is missing."))
    return "\n".join(lines) + "\n"


def render_table(result: Result, width: int = DEFAULT_WIDTH) -> str:
    """The terminal table, its wide columns wrapped to fit `width` (the CLI passes the terminal's)."""
    return _text(result, "simple_grid", width)


def render_markdown(result: Result) -> str:
    text = _text(result, "pipe")
    head, _, rest = text.partition("\n\n")
    return "# " + head.replace("\n", "\n\n") + "\n\n" + rest


def _missing_json(result: Result) -> list[Any]:
    return [{**as_json(m), "title": product_title(m)} for m in result.missing]


def _leaf_words(leaf: LeafResult, out: dict[str, Any]) -> None:
    out["status_text"] = status(leaf.status)  # `status` stays the code, in any language
    out["reason_data"] = out["reason"]
    out["reason"] = reason_text(leaf)
    for part, part_out in zip(leaf.parts, out.get("parts", []), strict=True):
        _leaf_words(part, part_out)


def result_json(result: Result) -> dict[str, Any]:
    """The result as JSON data: every leaf's reason as a sentence and as data (`reason_data`)."""
    data: dict[str, Any] = as_json(result)
    for leaf, out in zip(result.leaves, data["leaves"], strict=True):
        _leaf_words(leaf, out)
    data["missing"] = _missing_json(result)
    return data


def render_json(result: Result) -> str:
    return json.dumps(result_json(result), ensure_ascii=False, indent=2) + "\n"


def render_missing_json(result: Result) -> str:
    """`check --format json`: the missing products, ranked."""
    return json.dumps(_missing_json(result), ensure_ascii=False, indent=2) + "\n"


def render_csv(result: Result) -> str:
    """Comma-separated, decimal point (the values of `--format json`), one row per sub-criterion,
    then one per area and the totals rows: `bonus`, `deduction`, `total` (with the applicable
    maximum), `index_percent` and `band`. Files get a UTF-8 BOM (see `report.formats`)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "max_points", "points", "status", "reason", "missing"])
    for r in result.leaves:
        writer.writerow(
            [
                r.id,
                r.title,
                r.max_points,
                r.points,
                status(r.status),
                reason_text(r),
                ";".join(r.missing),
            ]
        )
    for a in result.areas:
        writer.writerow([a.id, a.title, a.max_points, a.points, "", "", ""])
    writer.writerow(["bonus", tr("Điểm thưởng", "Bonus"), "", result.bonus, "", "", ""])
    writer.writerow(["deduction", tr("Điểm trừ", "Deduction"), "", result.deduction, "", "", ""])
    writer.writerow(
        ["total", tr("Tổng cộng", "Total"), result.max_points, result.total, "", "", ""]
    )
    index = "" if result.index_percent is None else result.index_percent
    writer.writerow(["index_percent", tr("Chỉ số (%)", "Index (%)"), "", index, "", "", ""])
    writer.writerow(
        ["band", tr("Xếp loại (dự kiến)", "Band (provisional)"), "", "", result.band or "", "", ""]
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
        table(
            _missing_rows(result),
            _missing_header(),
            tablefmt="simple_grid",
            maxcolwidths=[None, None, 50, 30, 30],
        )
    )
    return "\n".join(lines) + "\n"


def render(
    result: Result, fmt: str = "table", lang: str | None = None, width: int = DEFAULT_WIDTH
) -> str:
    """`result` in the format `fmt` (a key of RENDERERS), in `lang` (default: the current one);
    `width` is the terminal width the table wraps to."""
    with using(lang):
        if fmt == "table":
            return render_table(result, width)
        return RENDERERS[fmt](result)
