"""Leaves → criteria, areas, total, index and band: the one roll-up, used by the scorer and by
every appraisal layer (pattern 14 of frameworks.md: sums, the index on the applicable maximum,
the band)."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from cchc_index.model.framework import Band, Block, Framework
from cchc_index.model.result import LeafResult, NodeResult, Result, Status

ZERO = Decimal(0)
HUNDREDTH = Decimal("0.01")


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (part * 100 / whole).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def roll_up(framework: Framework, result: Result, leaves: tuple[LeafResult, ...]) -> Result:
    """`result` with new leaves: criteria, areas, total, index and band computed again.

    A criterion counts its regular leaves that apply (not bonus, deduction, survey or not
    applicable); an area, its criteria; one pass over the leaves (exact Decimal sums)."""
    sums: dict[str, list[Decimal]] = {}  # criterion → [points, maximum]
    survey = ZERO
    adjust: dict[str, list[Decimal]] = {}  # area → [bonus, deduction]
    for r in leaves:
        if r.status is Status.SURVEY:
            survey += r.max_points
        if r.adjustment:
            both = adjust.setdefault(r.area, [ZERO, ZERO])
            both[0 if r.adjustment > 0 else 1] += r.points
        elif r.status is not Status.NOT_APPLICABLE and r.status is not Status.SURVEY:
            pair = sums.get(r.criterion)
            if pair is None:
                pair = sums[r.criterion] = [ZERO, ZERO]
            pair[0] += r.points
            pair[1] += r.max_points
    criteria: list[NodeResult] = []
    areas: list[NodeResult] = []
    for a in framework.areas:
        area_points = area_top = ZERO
        for c in a.criteria:
            pts, top = sums.get(c.id, _NONE)
            criteria.append(NodeResult(c.id, c.title, top, pts, percent(pts, top)))
            area_points += pts
            area_top += top
        areas.append(
            NodeResult(a.id, a.title, area_top, area_points, percent(area_points, area_top))
        )
    bonus, deduction = _capped(framework, adjust)
    top = sum((a.max_points for a in areas), ZERO)
    total = max(ZERO, sum((a.points for a in areas), ZERO) + bonus - deduction)
    index = percent(total, top)
    block = block_of(framework, result.level)
    return replace(
        result,
        leaves=leaves,
        criteria=tuple(criteria),
        areas=tuple(areas),
        bonus=bonus,
        deduction=deduction,
        total=total,
        max_points=top,
        survey_points=survey + framework.meta.survey_points,
        index_percent=index,
        band=band_of(framework, index, result.level),
        band_block=block.title if block is not None and block.bands else None,
    )


_NONE = [ZERO, ZERO]


def _capped(framework: Framework, adjust: dict[str, list[Decimal]]) -> tuple[Decimal, Decimal]:
    """Bonuses and deductions summed, each area's within its content caps."""
    bonus = deduction = ZERO
    for area in framework.areas:
        plus, minus = adjust.get(area.id, _NONE)
        if area.bonus_cap is not None:
            plus = min(plus, area.bonus_cap)
        if area.deduction_cap is not None:
            minus = min(minus, area.deduction_cap)
        bonus += plus
        deduction += minus
    return bonus, deduction


def block_of(framework: Framework, level: str | None) -> Block | None:
    """The framework's block that holds units of `level` (the first that names it)."""
    return next((b for b in framework.meta.blocks if level in b.levels), None)


def bands_for(framework: Framework, level: str | None) -> tuple[Band, ...]:
    """The bands a unit of `level` is classed by: its block's own bands where the framework
    gives the block some (Hải Phòng 2025: a ward is "xuất sắc" from 93 points), else the
    framework's. `batch` ranks a block by the same bands, so a unit's `score`, `plan` and
    place in the province's ranking never disagree on its band."""
    block = block_of(framework, level)
    return block.bands if block is not None and block.bands else framework.meta.bands


def band_of(framework: Framework, index: Decimal | None, level: str | None = None) -> str | None:
    if index is None:
        return None
    return next((b.name for b in bands_for(framework, level) if index >= b.min_percent), None)
