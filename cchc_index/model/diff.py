"""A diff of two results or two frameworks: frozen data the renderers read (built in
scoring/diff.py). Every diff has a mirror image: diff(B, A) == diff(A, B).mirrored()."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cchc_index.model.framework import id_key


def pair_key(a: str | None, b: str | None) -> tuple[tuple[tuple[int, ...], str], ...]:
    """Sort key of a pair of node ids, the same whichever side each id is on."""
    return tuple(sorted((id_key(x), x) for x in (a, b) if x is not None))


@dataclass(frozen=True, slots=True)
class Side:
    """One node as one side of a diff sees it."""

    id: str
    title: str
    max_points: Decimal
    points: Decimal | None = None  # results only
    status: str | None = None
    missing: tuple[str, ...] = ()  # results only: the products still missing
    evidence: tuple[str, ...] = ()  # results only: the evidence the points rest on
    method: str | None = None  # frameworks only: the method's type
    detail: Any = None  # frameworks: the method and evidence as plain data


FIELDS = (
    "id",
    "title",
    "max_points",
    "points",
    "status",
    "missing",
    "evidence",
    "method",
    "detail",
)


@dataclass(frozen=True, slots=True)
class Change:
    a: Side | None  # None: added in B
    b: Side | None  # None: removed from A
    similarity: Decimal | None

    @property
    def kind(self) -> str:
        return "added" if self.a is None else "removed" if self.b is None else "changed"

    @property
    def renumbered(self) -> bool:
        return self.a is not None and self.b is not None and self.a.id != self.b.id

    @property
    def delta(self) -> Decimal:
        """The points this change explains (B − A; max points in a framework diff)."""
        return _points(self.b) - _points(self.a)

    def fields(self) -> tuple[str, ...]:
        if self.a is None or self.b is None:
            return ()
        names = FIELDS
        return tuple(n for n in names if getattr(self.a, n) != getattr(self.b, n))

    def mirrored(self) -> Change:
        return Change(self.b, self.a, self.similarity)


def _points(side: Side | None) -> Decimal:
    if side is None:
        return Decimal(0)
    return side.points if side.points is not None else side.max_points


@dataclass(frozen=True, slots=True)
class Totals:
    label: str
    total: Decimal
    max_points: Decimal
    index_percent: Decimal | None
    band: str | None


@dataclass(frozen=True, slots=True)
class Diff:
    a: Totals
    b: Totals
    changes: tuple[Change, ...]
    meta: tuple[tuple[str, str, str], ...] = ()  # framework diff: (field, A, B)
    frameworks: bool = False  # a diff of two frameworks (maxima), not of two results (points)

    @property
    def empty(self) -> bool:
        return not self.changes and not self.meta and self.a.total == self.b.total

    def mirrored(self) -> Diff:
        return Diff(
            self.b,
            self.a,
            tuple(sorted((c.mirrored() for c in self.changes), key=change_key)),
            tuple((f, y, x) for f, x, y in self.meta),
            self.frameworks,
        )


def change_key(c: Change) -> tuple[tuple[tuple[int, ...], str], ...]:
    return pair_key(c.a.id if c.a else None, c.b.id if c.b else None)
