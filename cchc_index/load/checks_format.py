"""Checks of the rule format that real tables need: parts adding up to their node, calendar
dates near the assessed year, the completeness a framework declares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol

from cchc_index.fields import RelDate, parse_rel_date
from cchc_index.i18n import tr
from cchc_index.load.raw import _dec, _list
from cchc_index.source import Key, Located
from cchc_index.text import format_date


class _Checker(Protocol):
    """What these checks use of `load.checks._Checker` (which calls them)."""

    year: int | None

    def add(self, src: Located, loc: Key, message: str, *, key: bool = False) -> None: ...

    def leaf(
        self, src: Located, node: dict[str, Any], loc: Key, holder: dict[str, Any] | None = None
    ) -> None: ...

    def on_step(self, src: Located, loc: Key, value: Decimal | None) -> None: ...


def check_parts(checker: _Checker, src: Located, node: dict[str, Any], loc: Key) -> None:
    """Each part is checked like a node; the parts add up to the node's points."""
    parts = _list(node.get("parts"))
    if not parts:
        return
    seen: set[str] = set()
    total, added = _dec(node.get("points")), Decimal(0)
    for k, part in enumerate(parts):
        if not isinstance(part, dict):
            return
        where: Key = (*loc, "parts", k)
        if isinstance(part.get("id"), str) and part["id"] in seen:
            checker.add(
                src,
                (*where, "id"),
                tr(f"phần '{part['id']}' bị trùng", f"duplicate part '{part['id']}'"),
            )
        seen.add(str(part.get("id")))
        points = _dec(part.get("points"))
        checker.on_step(src, (*where, "points"), points)
        checker.leaf(src, part, where, node)
        if points is None:
            total = None
        else:
            added += points
    if total is not None and added != total:
        checker.add(
            src,
            (*loc, "points"),
            tr(
                f"tổng điểm các phần là {added}, khác điểm tối đa {total} của '{node.get('id')}'",
                f"parts add up to {added}, not the maximum {total} of '{node.get('id')}'",
            ),
        )


def check_dates(checker: _Checker, src: Located, loc: Key, product: dict[str, Any]) -> None:
    """A calendar-date window must be near the assessed year and not end before it starts."""
    if checker.year is None:
        return
    resolved: dict[str, dt.date] = {}
    for key in ("not_before", "deadline"):
        try:
            parsed = parse_rel_date(product.get(key))
        except ValueError:
            continue  # reported by the model
        if not isinstance(parsed, RelDate):
            continue
        if parsed.year is not None and abs(parsed.year - checker.year) > 1:
            checker.add(
                src,
                (*loc, key),
                tr(
                    f"mốc {parsed} cách năm đánh giá {checker.year} quá một năm",
                    f"date {parsed} is more than a year away from the assessed year {checker.year}",
                ),
            )
        resolved[key] = parsed.resolve(checker.year)
    if len(resolved) == 2 and resolved["not_before"] > resolved["deadline"]:
        checker.add(
            src,
            (*loc, "not_before"),
            tr(
                f"mốc bắt đầu {format_date(resolved['not_before'])} sau hạn {format_date(resolved['deadline'])}",
                f"the window starts {format_date(resolved['not_before'])}, after the deadline {format_date(resolved['deadline'])}",
            ),
        )


def check_completeness(checker: _Checker, meta: Located, rows: int) -> None:
    """The rows a framework says it encodes are the rows its files hold."""
    completeness = meta.data.get("completeness") if isinstance(meta.data, dict) else None
    declared = completeness.get("rows_encoded") if isinstance(completeness, dict) else None
    if declared is not None and _dec(declared) != rows:
        checker.add(
            meta,
            ("completeness", "rows_encoded"),
            tr(
                f"ghi {declared} dòng được mã hóa nhưng các tệp lĩnh vực có {rows} dòng (lĩnh vực, tiêu chí, tiêu chí thành phần)",
                f"says {declared} rows are encoded but the area files hold {rows} (areas, criteria, sub-criteria)",
            ),
        )
