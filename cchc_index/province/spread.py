"""Where a province loses points: each item's results across the units, folded once.

`spread` is the one computation; the results store's `results items` (`queries.item_spreads`)
and the server's distribution page (`server/items.py`, on the units' final layers) both call it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from cchc_index.model.result import Result
from cchc_index.model.spread import (
    ItemSpread,
    ItemTable,
    LeafRow,
    counted,
    lost_of,
    share_of,
)


@dataclass
class _Tally:
    title: str
    max_points: Decimal
    units: int = 0
    points: dict[Decimal, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    lost: Decimal = Decimal(0)
    losing: int = 0
    earned: Decimal = Decimal(0)
    adjustment: int = 0
    folders: dict[str, list[str]] = field(default_factory=dict)


def spread(rows: Iterable[LeafRow]) -> list[ItemSpread]:
    """Every item of `rows` with its distribution over the units, the most points lost first
    (then the most units losing, then the item's id)."""
    tallies: dict[str, _Tally] = {}
    for row in rows:
        tally = tallies.setdefault(
            row.node, _Tally(row.title, row.max_points, adjustment=row.adjustment)
        )
        tally.units += 1
        tally.points[row.points] = tally.points.get(row.points, 0) + 1
        tally.statuses[row.status] = tally.statuses.get(row.status, 0) + 1
        lost = lost_of(row.points, row.max_points, row.status, row.adjustment)
        tally.lost += lost
        if lost > 0:
            tally.losing += 1
        if counted(row.status):
            tally.earned += row.points
        share = share_of(row.points, row.max_points, row.status, row.adjustment)
        tally.folders.setdefault(share, []).append(row.folder)
    found = [
        ItemSpread(
            node=node,
            title=t.title,
            max_points=t.max_points,
            units=t.units,
            points=t.points,
            statuses=t.statuses,
            lost=t.lost,
            units_losing=t.losing,
            folders={share: tuple(sorted(folders)) for share, folders in t.folders.items()},
            earned=t.earned,
            adjustment=t.adjustment,
        )
        for node, t in tallies.items()
    ]
    return sorted(found, key=lambda s: (-s.lost, -s.units_losing, s.node))


def leaf_rows(folder: str, result: Result) -> list[LeafRow]:
    """A scored unit's items as the distribution reads them."""
    return [
        LeafRow(folder, r.id, r.title, r.max_points, r.points, r.status.value, r.adjustment)
        for r in result.leaves
    ]


def item_tables(results: Iterable[tuple[str, Result]]) -> list[ItemTable]:
    """The distribution of (folder, result) pairs, one table per year and framework (their
    items do not compare): the one with the most units first, then the latest year."""
    groups: dict[tuple[int, str], tuple[str, list[str], list[LeafRow]]] = {}
    for folder, result in results:
        key = (result.year, result.framework)
        _, folders, rows = groups.setdefault(key, (result.framework_title, [], []))
        folders.append(folder)
        rows.extend(leaf_rows(folder, result))
    tables = [
        ItemTable(year, framework, title, len(folders), tuple(spread(rows)))
        for (year, framework), (title, folders, rows) in groups.items()
    ]
    return sorted(tables, key=lambda t: (-t.units, -t.year, t.framework))
