"""Reading the results store: the ranking of a year, a unit's history, where points are lost.

Only finished runs count: a run killed halfway is invisible here until a re-run finishes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from cchc_index.model.ranking import FailedUnit, Ranking, UnitScore
from cchc_index.model.spread import ItemSpread, LeafRow
from cchc_index.province.ranking import rank
from cchc_index.province.spread import spread
from cchc_index.province.store import Store
from cchc_index.text import fold


def latest_run(store: Store, year: int | None = None) -> int | None:
    """The last finished run (holding units of `year`, when given)."""
    sql = "SELECT max(r.id) FROM runs r WHERE r.finished IS NOT NULL"
    args: tuple[int, ...] = ()
    if year is not None:
        sql += (
            " AND EXISTS (SELECT 1 FROM run_units u JOIN assessments a ON a.id = u.assessment_id"
            " WHERE u.run_id = r.id AND a.year = ?)"
        )
        args = (year,)
    found = store.db.execute(sql, args).fetchone()[0]
    return None if found is None else int(found)


def run_scores(store: Store, run_id: int) -> list[tuple[UnitScore, bool]]:
    """Every unit a run covered, with whether the run reused it from an earlier one."""
    rows = store.db.execute(
        "SELECT u.folder, a.id, a.run_id, u.block, u.block_title, u.block_band FROM run_units u"
        " JOIN assessments a ON a.id = u.assessment_id WHERE u.run_id = ? ORDER BY u.folder",
        (run_id,),
    ).fetchall()
    found = []
    for folder, aid, scored_in, block, title, band in rows:
        score = store.load(aid, folder)
        if block is not None:  # the block the run ranked it in
            score = replace(score, block=block, block_title=title, band=band)
        found.append((score, scored_in != run_id))
    return found


def run_failures(store: Store, run_id: int) -> list[FailedUnit]:

    rows = store.db.execute(
        "SELECT folder, problems FROM run_units WHERE run_id = ? AND assessment_id IS NULL",
        (run_id,),
    ).fetchall()
    return [FailedUnit(folder, tuple(json.loads(problems or "[]")), 4) for folder, problems in rows]


def ranking_of_year(store: Store, year: int | None = None, run_id: int | None = None) -> Ranking:
    """The ranking of `year` (default: every year) from a run (default: the last finished)."""
    run = run_id if run_id is not None else latest_run(store, year)
    if run is None:
        return Ranking(())
    scores = [(s, r) for s, r in run_scores(store, run) if year is None or s.year == year]
    return rank(scores, run_failures(store, run), run)


def folders_named(store: Store, unit: str) -> list[str]:
    """The folders whose unit bears the name `unit` (ignoring case and Unicode form): more
    than one, and `history` mixes two units of the same name."""
    wanted = fold(unit)
    rows = store.db.execute(
        "SELECT DISTINCT u.folder, a.unit FROM run_units u JOIN assessments a"
        " ON a.id = u.assessment_id"
    ).fetchall()
    return sorted({folder for folder, name in rows if fold(name) == wanted})


def history(store: Store, unit: str, before: Sequence[str] = ()) -> list[UnitScore]:
    """A unit's results over the years (its name compared ignoring case and Unicode form):
    per year, the assessment of the last finished run that covered it; with `before`, the
    units it was merged from too (a unit map), each of their years as its own row."""
    rows = store.db.execute(
        "SELECT a.id, u.folder, a.unit, a.year FROM run_units u"
        " JOIN assessments a ON a.id = u.assessment_id JOIN runs r ON r.id = u.run_id"
        " WHERE r.finished IS NOT NULL ORDER BY u.run_id",
    ).fetchall()
    wanted = {fold(unit), *(fold(name) for name in before)}
    latest: dict[tuple[int, str], tuple[int, str]] = {}
    for aid, folder, name, year in rows:
        if fold(name) in wanted:
            latest[(year, fold(name))] = (aid, folder)
    return [store.load(aid, folder) for _key, (aid, folder) in sorted(latest.items())]


def item_spreads(
    store: Store, year: int | None = None, run_id: int | None = None
) -> list[ItemSpread]:
    """Every item of a run's units with its distribution of points, the most lost first."""
    run = run_id if run_id is not None else latest_run(store, year)
    if run is None:
        return []
    sql = (
        "SELECT u.folder, s.node, s.title, s.max_points, s.points, s.status FROM run_units u"
        " JOIN assessments a ON a.id = u.assessment_id JOIN scores s ON s.assessment_id = a.id"
        " WHERE u.run_id = ? AND s.kind = 'leaf'"
    )
    args: tuple[int, ...] = (run,)
    if year is not None:
        sql += " AND a.year = ?"
        args = (run, year)
    return spread(
        LeafRow(folder, node, title, Decimal(top), Decimal(points), status)
        for folder, node, title, top, points, status in store.db.execute(sql, args)
    )
