"""A node scored by independent parts: its result is the sum of its parts' results.

Each part is scored as a unit of its own ("1.1.1#a"); this module only rolls the parts'
results up into the node's, keeping them inside it so every renderer can show them.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_index.model.framework import Leaf
from cchc_index.model.result import LeafResult, Reason, ReasonKind, Status


def parts_status(points: Decimal, top: Decimal, statuses: set[Status]) -> Status:
    """The node's status from its parts': met only when every part earned all its points."""
    for only in (Status.SURVEY, Status.NOT_APPLICABLE):
        if statuses == {only}:
            return only
    if points > 0 and Status.PENDING in statuses:
        return Status.PENDING
    if points > 0:
        return Status.MET if points == top else Status.PARTLY
    return Status.MISSING if Status.MISSING in statuses else Status.NOT_MET


def combine_parts(node: Leaf, parts: tuple[LeafResult, ...]) -> LeafResult:
    """The node's result: points and maximum summed, evidence and missing products united."""
    first = parts[0]
    points = sum((p.points for p in parts), Decimal(0))
    top = sum((p.max_points for p in parts), Decimal(0))
    missing = tuple(dict.fromkeys(m for p in parts for m in p.missing))
    return LeafResult(
        id=node.id,
        title=node.title,
        area=first.area,
        criterion=first.criterion,
        max_points=top,
        points=points,
        status=parts_status(points, top, {p.status for p in parts}),
        reason=Reason(ReasonKind.PARTS, ""),  # the renderer says each part's own reason
        evidence=tuple(dict.fromkeys(e for p in parts for e in p.evidence)),
        missing=missing,
        illustrative=tuple(dict.fromkeys(i for p in parts for i in p.illustrative)),
        parts=parts,
    )
