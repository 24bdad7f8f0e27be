"""One sentence, Vietnamese first, saying how a node's points came about."""

from __future__ import annotations

from decimal import Decimal

from cchc_index.derive import DECLARATION, Derived, declaration_title
from cchc_index.i18n import num, tr
from cchc_index.model.result import Status


def _n(text: str) -> str:
    try:
        return num(Decimal(text), 2) if "." in text else num(Decimal(text))
    except ArithmeticError:
        return text


def _product_title(item: Derived, pid: str) -> str:
    if pid == DECLARATION:
        return declaration_title()
    return next((p.title for p in item.leaf.evidence if p.id == pid), pid)


def sentence(item: Derived, points: Decimal, status: Status) -> str:
    d = item.metric.detail
    kind = item.leaf.scoring.type
    if status is Status.SURVEY:
        return tr(
            "Điểm do tỉnh chấm qua điều tra xã hội học; đơn vị không tự chấm.",
            "Scored by the province's survey; not self-assessed.",
        )
    if status is Status.NOT_APPLICABLE:
        return tr(
            f"Không áp dụng: {item.not_applicable}; không tính vào điểm tối đa.",
            f"Not applicable: {item.not_applicable}; excluded from the maximum.",
        )
    if status is Status.MISSING:
        names = "; ".join(_product_title(item, p) for p in item.missing)
        return tr(f"Thiếu minh chứng: {names}.", f"Evidence missing: {names}.")
    if item.metric.none_arose:
        return tr(
            "Không phát sinh (mẫu số bằng 0): đạt điểm tối đa theo quy định.",
            "Nothing arose (zero denominator): full points by rule.",
        )
    earned = num(points)
    if (
        kind in ("ratio_bands", "pro_rata", "growth")
        and item.metric.value == 0
        and "percent" not in d
    ):
        return tr(
            "Không phát sinh (mẫu số bằng 0): theo quy định của bộ chỉ số được 0 điểm.",
            "Nothing arose (zero denominator): the framework gives 0 points.",
        )
    if kind == "deduction":
        return tr(
            f"Số lượng {_n(d.get('count', '0'))} → bị trừ {earned} điểm.",
            f"Count {d.get('count')} → {earned} points deducted.",
        )
    if kind in ("ratio_bands", "pro_rata"):
        return tr(
            f"Tỷ lệ {_n(d.get('numerator', '?'))}/{_n(d.get('denominator', '?'))} = {_n(d.get('percent', '0'))}% → {earned} điểm.",
            f"Ratio {d.get('numerator')}/{d.get('denominator')} = {_n(d.get('percent', '0'))}% → {earned} points.",
        )
    if kind == "growth":
        return tr(
            f"Năm nay {_n(d.get('current', '?'))}, năm trước {_n(d.get('last', '?'))}: tăng {_n(d.get('percent', '0'))}% → {earned} điểm.",
            f"This year {d.get('current')}, last year {d.get('last')}: growth {_n(d.get('percent', '0'))}% → {earned} points.",
        )
    if kind == "timeliness":
        late = int(d.get("days_late", "0"))
        when = (
            tr("đúng hạn", "on time") if late == 0 else tr(f"trễ {late} ngày", f"{late} days late")
        )
        used = [i for m in item.matches.values() for i in m.items[:1]]
        doc = used[0] if used else tr("Văn bản", "The document")
        return tr(
            f"{doc}: ban hành {when} → {earned} điểm.", f"{doc}: issued {when} → {earned} points."
        )
    if kind == "all_of":
        return tr(
            f"{d.get('good')}/{d.get('total')} sản phẩm có đủ và đúng hạn → {earned} điểm.",
            f"{d.get('good')}/{d.get('total')} products present and on time → {earned} points.",
        )
    if kind in ("count_ladder", "bonus"):
        return tr(
            f"Số lượng {_n(d.get('count', '0'))} → {earned} điểm.",
            f"Count {d.get('count')} → {earned} points.",
        )
    if kind == "formula":
        return tr(
            f"Công thức cho {_n(d.get('total', '0'))} → {earned} điểm.",
            f"Formula gives {d.get('total')} → {earned} points.",
        )
    if kind == "qualitative":
        if status is Status.PENDING:
            return tr(
                f"Đơn vị tự đánh giá đạt ({d.get('explanation')}); chờ Hội đồng thẩm định xác nhận.",
                f"Self-declared met ({d.get('explanation')}); awaiting the review council.",
            )
        return tr(
            f"Đơn vị tự đánh giá không đạt: {d.get('explanation')}.",
            f"Self-declared not met: {d.get('explanation')}.",
        )
    return tr(f"Có đủ minh chứng → {earned} điểm.", f"Evidence present → {earned} points.")


def parts_sentence(parts: tuple[tuple[str, str], ...]) -> str:
    """A node scored by parts: each part's own sentence, labelled by the part's id."""
    return " ".join(f"({part}) {reason}" for part, reason in parts)
