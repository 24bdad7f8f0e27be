"""What changed in a node's rule between two versions of a framework, old → new, in words:
the method's parameters and the evidence products (`diff` of two frameworks)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from cchc_index.i18n import num, tr
from cchc_index.report.method_words import PARAMS, VALUES, words

PRODUCT_FIELDS: dict[str, tuple[str, str]] = {
    "type": ("loại sản phẩm", "kind of product"),
    "title": ("tên", "title"),
    "doc_kind": ("loại văn bản", "document kind"),
    "issuer": ("cơ quan ban hành", "issuer"),
    "issuer_name": ("tên cơ quan ban hành", "issuer's name"),
    "subject": ("từ khóa trích yếu", "subject keywords"),
    "subject_excludes": ("từ loại trừ", "excluded words"),
    "not_before": ("mốc sớm nhất", "earliest date"),
    "deadline": ("hạn", "deadline"),
    "count": ("số lượng", "count"),
    "variables": ("số liệu", "figures"),
    "last_year": ("cần số năm trước", "needs last year's figure"),
}
BOUNDS = {"at_least": "≥", "above": ">", "below": "<", "at_most": "≤"}
ISSUERS = {
    "self": ("của đơn vị", "the unit's own"),
    "other": ("của cơ quan khác", "another body's"),
}


def shown(value: Any) -> str:
    """A parameter's value as a reader writes it: numbers in the reader's form, lists joined,
    bands as their bounds and points, a closed word in the reader's language."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return tr("có", "yes") if value else tr("không", "no")
    if isinstance(value, int | float):
        return num(Decimal(str(value)))
    if isinstance(value, str):
        if value in VALUES:
            return words(VALUES[value])
        if value in ISSUERS:
            return tr(*ISSUERS[value])
        try:
            return num(Decimal(value)) if value.replace(".", "", 1).isdigit() else value
        except InvalidOperation:
            return value
    if isinstance(value, list | tuple):
        return "; ".join(shown(v) for v in value) or "—"
    if isinstance(value, Mapping):
        if any(k in value for k in BOUNDS):  # a band of a ratio
            bounds = ", ".join(
                f"{BOUNDS[k]} {shown(v)}" for k, v in value.items() if k in BOUNDS and v is not None
            )
            award = (
                tr("theo tỷ lệ", "pro rata")
                if value.get("pro_rata")
                else shown(value.get("points"))
            )
            return f"{bounds}: {award}"
        if "coefficient" in value:
            return f"{shown(value['coefficient'])} × {shown(value.get('variable'))}"
        return ", ".join(f"{k}: {shown(v)}" for k, v in value.items() if v is not None)
    return str(value)


def _param(name: str) -> str:
    said = PARAMS.get(name)
    if said is None:
        return {"bands": tr("các mức", "bands"), "steps": tr("các bậc", "steps")}.get(name, name)
    return words(said)


def method_changes(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> list[str]:
    """Each parameter of the method that differs: 'Tử số: x → y'."""
    a, b = a or {}, b or {}
    if a.get("type") != b.get("type"):
        return []  # a new method altogether: the note says which
    lines = []
    for name in dict.fromkeys([*a, *b]):
        if name == "type" or a.get(name) == b.get(name):
            continue
        lines.append(f"{_param(name)}: {shown(a.get(name))} → {shown(b.get(name))}")
    return lines


def evidence_changes(a: list[Mapping[str, Any]], b: list[Mapping[str, Any]]) -> list[str]:
    """Products added, removed, or changed field by field, by their id."""
    left = {p["id"]: p for p in a}
    right = {p["id"]: p for p in b}
    lines = []
    for pid in dict.fromkeys([*left, *right]):
        old, new = left.get(pid), right.get(pid)
        if old is None and new is not None:
            lines.append(
                tr(
                    f"thêm minh chứng: {new.get('title', pid)}",
                    f"evidence added: {new.get('title', pid)}",
                )
            )
        elif new is None and old is not None:
            lines.append(
                tr(
                    f"bỏ minh chứng: {old.get('title', pid)}",
                    f"evidence removed: {old.get('title', pid)}",
                )
            )
        elif old is not None and new is not None and old != new:
            title = new.get("title", pid)
            for field in dict.fromkeys([*old, *new]):
                if field == "id" or old.get(field) == new.get(field):
                    continue
                said = tr(*PRODUCT_FIELDS[field]) if field in PRODUCT_FIELDS else field
                lines.append(f"{title} — {said}: {shown(old.get(field))} → {shown(new.get(field))}")
    return lines


def rule_changes(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> list[str]:
    """A node's rule, old → new: its method's parameters and its evidence."""
    if not a or not b:
        return []
    return method_changes(a.get("method"), b.get("method")) + evidence_changes(
        list(a.get("evidence") or []), list(b.get("evidence") or [])
    )
