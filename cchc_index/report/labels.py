"""Shared wording and number formats of every renderer."""

from __future__ import annotations

from decimal import Decimal

from cchc_index.i18n import lang, num, tr
from cchc_index.model.ranking import RankingRow
from cchc_index.model.result import Result, Status


def pts(value: Decimal) -> str:
    return num(value)


def pct(value: Decimal | None) -> str:
    return "—" if value is None else num(value, 2) + "%"


def status(value: Status) -> str:
    return value.value if lang() == "vi" else value.english


def marks(illustrative: tuple[str, ...]) -> str:
    """The markers the legend of `headline` explains: * an illustrative maximum, † another
    illustrative value (a deadline, a band, a product)."""
    points = "*" if "points" in illustrative else ""
    return points + ("†" if set(illustrative) - {"points"} else "")


def gain(value: Decimal, upper: bool) -> str:
    text = f"+{pts(value)}"
    return text + (tr(" (tối đa)", " (at most)") if upper else "")


def band_shown(result: Result) -> str:
    """The band, and the block whose own bands gave it where the framework gives the unit's
    block bands of its own ("Khá (theo mức xếp loại riêng của khối Phường)")."""
    if not result.band or not result.band_block:
        return result.band or ""
    return result.band + tr(
        f" (theo mức xếp loại riêng của khối {result.band_block})",
        f" (by the {result.band_block} block's own bands)",
    )


def headline(result: Result) -> list[str]:
    lines = [
        tr(
            f"Bộ chỉ số: {result.framework_title} ({result.framework})",
            f"Framework: {result.framework_title} ({result.framework})",
        ),
        tr(
            f"Đơn vị: {result.unit} — năm đánh giá {result.year}",
            f"Unit: {result.unit} — assessment year {result.year}",
        ),
    ]
    total = tr(
        f"Tổng điểm tự đánh giá: {pts(result.total)} / {pts(result.max_points)} điểm (chỉ số {pct(result.index_percent)})",
        f"Self-assessed total: {pts(result.total)} / {pts(result.max_points)} points (index {pct(result.index_percent)})",
    )
    if result.band:
        total += tr(" — xếp loại: ", " — band: ") + band_shown(result)
    lines.append(total)
    if result.bonus or result.deduction:
        lines.append(
            tr(
                f"Điểm thưởng +{pts(result.bonus)}, điểm trừ −{pts(result.deduction)}",
                f"Bonus +{pts(result.bonus)}, deduction −{pts(result.deduction)}",
            )
        )
    if result.survey_points:
        lines.append(
            tr(
                f"Phần điều tra xã hội học ({pts(result.survey_points)} điểm) do tỉnh chấm, không tính ở đây.",
                f"The survey part ({pts(result.survey_points)} points) is scored by the province, not here.",
            )
        )
    if any(leaf.illustrative for leaf in result.leaves):
        lines.append(
            tr(
                "Lưu ý: * điểm tối đa là giá trị minh họa; † hạn, mức hoặc minh chứng "
                "có giá trị minh họa (nguồn không cho).",
                "Note: * the maximum is illustrative; † a deadline, band or product "
                "is illustrative (the source does not give it).",
            )
        )
    return lines


def block_words(rows: list[RankingRow]) -> str:
    """ " — khối Phường" when the rows are one block's ranking (khối); nothing otherwise."""
    block = rows[0].score.block_title or rows[0].score.block
    return tr(f" — khối {block}", f" — block {block}") if block else ""
