"""A province's units side by side: the rows a ranking renderer reads, none computes.

`UnitScore` is what the batch keeps of one unit's result (and what the results store holds):
its totals and, per scored node, points, status and reason. A `Ranking` is the units of one
batch ordered by their index, with the units that could not be scored listed apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from cchc_index.model.layers import Layer
from cchc_index.model.result import Reason, Result, Status


@dataclass(frozen=True, slots=True)
class NodeScore:
    """One node of a unit's result: a leaf, a criterion or an area (`kind`)."""

    node: str
    kind: str  # "leaf" | "criterion" | "area"
    title: str
    points: Decimal
    max_points: Decimal
    status: str | None  # a leaf's status (Status value); None for criteria and areas
    reason: str | None  # a leaf's reason as data (`leaf_reason`); None for criteria and areas
    index_percent: Decimal | None


# A node as plain text: (node, kind, title, points, max_points, status, reason, index_percent),
# numbers as exact decimal text. Cheap to pickle between processes (a tuple of NodeScore with
# Decimals costs ~0.9 ms a unit to send) and to write to the store as it is.
PackedNode = tuple[str, str, str, str, str, str | None, str | None, str | None]


def pack(n: NodeScore) -> PackedNode:
    index = None if n.index_percent is None else str(n.index_percent)
    return (n.node, n.kind, n.title, str(n.points), str(n.max_points), n.status, n.reason, index)


def unpack(p: PackedNode) -> NodeScore:
    index = None if p[7] is None else Decimal(p[7])
    return NodeScore(p[0], p[1], p[2], Decimal(p[3]), Decimal(p[4]), p[5], p[6], index)


@dataclass(frozen=True, slots=True)
class UnitScore:
    """One unit's scored result, as stored and ranked."""

    folder: str
    unit: str
    year: int
    framework: str  # the framework's id (framework.yaml `id`)
    framework_title: str
    total: Decimal
    max_points: Decimal
    index_percent: Decimal | None
    band: str | None
    missing: int  # products still missing
    layer: str
    packed: tuple[PackedNode, ...]  # every criterion and area, and the leaves when stored
    level: str = ""  # the unit's level (profile.yaml): xã, phường, sở …
    block: str | None = None  # the block it is ranked in (khối), when blocks are defined
    block_title: str | None = None

    @property
    def nodes(self) -> tuple[NodeScore, ...]:
        return tuple(unpack(p) for p in self.packed)

    def areas(self) -> tuple[NodeScore, ...]:
        return tuple(unpack(p) for p in self.packed if p[1] == "area")


def leaf_reason(reason: Reason) -> str:
    """A leaf's reason as the store keeps it: the structured data as compact JSON (kind,
    method, values, items, text), in no language; a renderer turns it into words."""
    return _COMPACT.encode(
        [reason.kind.value, reason.method, reason.detail, reason.items, reason.text]
    )


# one encoder: `json.dumps` with options builds a new one a call (~4 µs, 100 leaves a unit)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def unit_score(
    result: Result, folder: str, layer: str = Layer.SELF.value, *, leaves: bool = True
) -> UnitScore:
    """What the batch keeps of a `Result`: its leaves only when `leaves` (the results store
    records them; a ranking reads the areas alone, and packing ~100 leaves with their
    reasons is a tenth of a unit's time)."""
    packed: list[PackedNode] = [
        (
            r.id,
            "leaf",
            r.title,
            str(r.points),
            str(r.max_points),
            r.status.value,
            leaf_reason(r.reason),
            None,
        )
        for r in (result.leaves if leaves else ())
    ]
    packed += [
        (n.id, kind, n.title, str(n.points), str(n.max_points), None, None, _text(n.index_percent))
        for kind, group in (("criterion", result.criteria), ("area", result.areas))
        for n in group
    ]
    return UnitScore(
        folder=folder,
        unit=result.unit,
        year=result.year,
        framework=result.framework,
        framework_title=result.framework_title,
        total=result.total,
        max_points=result.max_points,
        index_percent=result.index_percent,
        band=result.band,
        missing=len(result.missing),
        layer=layer,
        packed=tuple(packed),
    )


@dataclass(frozen=True, slots=True)
class RankingRow:
    rank: int
    score: UnitScore
    reused: bool = False  # taken from the results store instead of rescored


@dataclass(frozen=True, slots=True)
class FailedUnit:
    """A bundle the batch could not score, with its located problems (`file:line:col: …`)."""

    folder: str
    problems: tuple[str, ...]
    exit_code: int


@dataclass(frozen=True, slots=True)
class Ranking:
    """Every scored unit of a batch by rank; units of different frameworks or years are
    ranked separately (`groups`), since their points do not compare, and so are the blocks
    (khối) of a framework or a province file."""

    rows: tuple[RankingRow, ...]
    failed: tuple[FailedUnit, ...] = ()
    run_id: int | None = None

    def groups(self) -> list[tuple[tuple[int, str], list[RankingRow]]]:
        """Rows by (year, framework), and within them by block: one ranking each."""
        found: dict[tuple[int, str, str | None], list[RankingRow]] = {}
        for row in self.rows:
            s = row.score
            found.setdefault((s.year, s.framework, s.block), []).append(row)
        return [((year, framework), rows) for (year, framework, _b), rows in found.items()]


STATUSES = tuple(s.value for s in Status)
