"""Leaves → criteria, areas, total, index and band: the one roll-up, used by the scorer and by
every appraisal layer (pattern 14 of frameworks.md: sums, the index on the applicable maximum,
the band)."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from cchc_index.model.framework import Framework
from cchc_index.model.result import LeafResult, NodeResult, Result, Status

ZERO = Decimal(0)


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if whole == 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def roll_up(framework: Framework, result: Result, leaves: tuple[LeafResult, ...]) -> Result:
    """`result` with new leaves: criteria, areas, total, index and band computed again."""

    def counted(r: LeafResult) -> bool:
        return r.adjustment == 0 and r.status not in (Status.NOT_APPLICABLE, Status.SURVEY)

    def node(node_id: str, title: str, members: list[LeafResult]) -> NodeResult:
        pts = sum((r.points for r in members if counted(r)), ZERO)
        top = sum((r.max_points for r in members if counted(r)), ZERO)
        return NodeResult(node_id, title, top, pts, percent(pts, top))

    by_criterion: dict[str, list[LeafResult]] = {}
    by_area: dict[str, list[LeafResult]] = {}
    for r in leaves:
        by_criterion.setdefault(r.criterion, []).append(r)
        by_area.setdefault(r.area, []).append(r)
    areas = tuple(node(a.id, a.title, by_area.get(a.id, [])) for a in framework.areas)
    criteria = tuple(
        node(c.id, c.title, by_criterion.get(c.id, [])) for a in framework.areas for c in a.criteria
    )
    bonus = sum((r.points for r in leaves if r.adjustment > 0), ZERO)
    deduction = sum((r.points for r in leaves if r.adjustment < 0), ZERO)
    top = sum((a.max_points for a in areas), ZERO)
    total = max(ZERO, sum((a.points for a in areas), ZERO) + bonus - deduction)
    index = percent(total, top)
    survey = sum((r.max_points for r in leaves if r.status is Status.SURVEY), ZERO)
    return replace(
        result,
        leaves=leaves,
        criteria=criteria,
        areas=areas,
        bonus=bonus,
        deduction=deduction,
        total=total,
        max_points=top,
        survey_points=survey + framework.meta.survey_points,
        index_percent=index,
        band=band_of(framework, index),
    )


def band_of(framework: Framework, index: Decimal | None) -> str | None:
    if index is None:
        return None
    return next((b.name for b in framework.meta.bands if index >= b.min_percent), None)
