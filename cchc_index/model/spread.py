"""How each scored item (a sub-criterion) went across a province's units: the rows a
distribution table renders, none computes (`province.spread` folds them)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc_index.model.result import Status

# Where one unit stands on one item; in the order the tables show them.
FULL = "full"  # every point of the item
PARTIAL = "partial"  # some points, not all
ZERO = "zero"  # none, the item scored (not met)
WAITING = "waiting"  # evidence missing, or awaiting the reviewers' confirmation
NOT_COUNTED = "not_counted"  # not applicable, or scored by the province (survey)
SHARES = (FULL, PARTIAL, ZERO, WAITING, NOT_COUNTED)

_NOT_COUNTED = frozenset({Status.NOT_APPLICABLE.value, Status.SURVEY.value})
_WAITING = frozenset({Status.MISSING.value, Status.PENDING.value})


def share_of(points: Decimal, max_points: Decimal, status: str, adjustment: int = 0) -> str:
    """The share a unit's result on an item falls in (one of SHARES). A deduction's points
    are those taken off: none taken is full, the whole cap taken is zero."""
    if status in _NOT_COUNTED:
        return NOT_COUNTED
    if status in _WAITING:
        return WAITING
    kept = max_points - points if adjustment < 0 else points
    if kept >= max_points:
        return FULL
    return PARTIAL if kept > 0 else ZERO


def counted(status: str) -> bool:
    """Does the item count for the unit (not 'not applicable', not the province's survey)?"""
    return status not in _NOT_COUNTED


def lost_of(points: Decimal, max_points: Decimal, status: str, adjustment: int = 0) -> Decimal:
    """The points a unit loses on an item: below the maximum for a regular item, the points
    taken off for a deduction; nothing for a bonus (outside the maximum, not earning it loses
    none of it) or an item that does not count (not applicable, the province's survey)."""
    if status in _NOT_COUNTED or adjustment > 0:
        return Decimal(0)
    return points if adjustment < 0 else max_points - points


@dataclass(frozen=True, slots=True)
class LeafRow:
    """One unit's result on one item, as a distribution reads it."""

    folder: str
    node: str
    title: str
    max_points: Decimal
    points: Decimal
    status: str  # a Status value
    adjustment: int = 0  # +1 bonus, -1 deduction (points taken off), 0 a regular item


@dataclass(frozen=True, slots=True)
class ItemSpread:
    """How one item went across the units."""

    node: str
    title: str
    max_points: Decimal
    units: int
    points: dict[Decimal, int]  # points earned (taken off, for a deduction) → number of units
    statuses: dict[str, int]  # status → number of units
    lost: Decimal  # the points the units lost on it (`lost_of`), summed
    units_losing: int  # the units that lost some
    folders: dict[str, tuple[str, ...]]  # share (SHARES) → the units' folders, sorted
    earned: Decimal = Decimal(0)  # points (taken off, for a deduction) of the units it counts for
    adjustment: int = 0

    def count(self, share: str) -> int:
        return len(self.folders.get(share, ()))

    @property
    def counting(self) -> int:
        """The units the item counts for (not 'not applicable', not the province's survey)."""
        return self.units - self.count(NOT_COUNTED)

    @property
    def mean(self) -> Decimal | None:
        """Mean points (taken off, for a deduction) over the units it counts for; None when it
        counts for none."""
        return self.earned / self.counting if self.counting else None


@dataclass(frozen=True, slots=True)
class ItemTable:
    """Every item of one framework and year, across its units, the most points lost first."""

    year: int
    framework: str
    framework_title: str
    units: int
    items: tuple[ItemSpread, ...]
