"""The words of a result: a leaf's reason sentence and a missing product's name, rendered in
the current language from the structured data the scorer left (model/result.py)."""

from __future__ import annotations

from cchc_index.i18n import tr
from cchc_index.methods.base import Said
from cchc_index.methods.registry import get
from cchc_index.model.result import DECLARATION, LeafResult, MissingProduct, ReasonKind, Status


def declaration_title() -> str:
    return tr(
        "Tự đánh giá đạt/không đạt kèm giải trình (declarations.yaml)",
        "A met/not-met self-assessment with its explanation (declarations.yaml)",
    )


def product_title(missing: MissingProduct) -> str:
    """A missing product's title; the qualitative declaration is named here."""
    return missing.title if missing.product != DECLARATION else declaration_title()


def reason_text(leaf: LeafResult) -> str:
    """One sentence, Vietnamese first, saying how a node's points came about."""
    reason = leaf.reason
    kind = reason.kind
    if kind is ReasonKind.PARTS:  # "(a) … (b) …": each part labelled by its id
        return " ".join(f"({p.id.rsplit('#', 1)[-1]}) {reason_text(p)}" for p in leaf.parts)
    if kind is ReasonKind.SURVEY:
        return tr(
            "Điểm do tỉnh chấm qua điều tra xã hội học; đơn vị không tự chấm.",
            "Scored by the province's survey; not self-assessed.",
        )
    if kind is ReasonKind.NOTHING_AROSE:
        return tr(
            "Không áp dụng: không phát sinh; không tính vào điểm tối đa.",
            "Not applicable: nothing arose; excluded from the maximum.",
        )
    if kind is ReasonKind.NOT_APPLICABLE:
        return tr(
            f"Không áp dụng: {reason.text}; không tính vào điểm tối đa.",
            f"Not applicable: {reason.text}; excluded from the maximum.",
        )
    if kind is ReasonKind.MISSING:
        names = "; ".join(declaration_title() if i == DECLARATION else i for i in reason.items)
        return tr(f"Thiếu minh chứng: {names}.", f"Evidence missing: {names}.")
    if kind is ReasonKind.NONE_AROSE_FULL:
        return tr(
            "Không phát sinh (mẫu số bằng 0): đạt điểm tối đa theo quy định.",
            "Nothing arose (zero denominator): full points by rule.",
        )
    if kind is ReasonKind.NONE_AROSE_ZERO:
        return tr(
            "Không phát sinh (mẫu số bằng 0): theo quy định của bộ chỉ số được 0 điểm.",
            "Nothing arose (zero denominator): the framework gives 0 points.",
        )
    said = Said(reason.detail, leaf.points, leaf.status is Status.PENDING, reason.items)
    return get(reason.method).sentence(said)
