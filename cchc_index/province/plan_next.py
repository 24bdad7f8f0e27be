"""`batch --plan-next`: for each ranked unit, the cost of the cheapest plan to the band above
its own (the planner of `plan`, one compiled framework shared by the units that use it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from cchc_index.errors import CchcError
from cchc_index.model.plan import NextBand, Raiser
from cchc_index.model.ranking import RankingRow
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.plan import resolve_target, target_need
from cchc_index.scoring.plan_unit import open_planner, plan_unit


def next_bands(
    rows: Sequence[RankingRow], rules_dir: Path, on: dt.date, engine: EngineName = "durable"
) -> list[NextBand]:
    scorers: dict[str, Scorer] = {}
    found = []
    for row in rows:
        s = row.score
        try:
            outcome, _located = plan_unit(
                Path(s.folder), None, rules_dir, "next", on, engine=engine, scorers=scorers
            )
        except CchcError as exc:
            found.append(
                NextBand(
                    s.unit,
                    s.folder,
                    s.band,
                    None,
                    Decimal(0),
                    None,
                    None,
                    False,
                    "; ".join(exc.lines()),
                )
            )
            continue
        plan = outcome.plan
        top = outcome.target.band == outcome.current.band
        found.append(
            NextBand(
                s.unit,
                s.folder,
                outcome.current.band,
                None if top else outcome.target.band,
                outcome.gap,
                len(plan.steps) if plan is not None and not top else None,
                plan.cost if plan is not None and not top else None,
                plan is not None and plan.reaches_low,
            )
        )
    return found


def band_raisers(
    rows: Sequence[RankingRow], rules_dir: Path, on: dt.date, engine: EngineName = "durable"
) -> tuple[list[Raiser], list[str]]:
    """Each action any unit can still take on `on`, taken alone by every unit that can: how
    many units it lifts to the band above their own (exactly, by the engine's tables), most
    units first; and the units that could not be read."""
    scorers: dict[str, Scorer] = {}
    found: dict[str, Raiser] = {}
    failed = []
    for row in rows:
        try:
            planner, _located = open_planner(
                Path(row.score.folder), None, rules_dir, on, engine=engine, scorers=scorers
            )
        except CchcError as exc:
            failed.append(f"{row.score.folder}: {'; '.join(exc.lines())}")
            continue
        target = resolve_target(
            planner.framework, planner.current, "next", planner.bundle.profile.level
        )
        top = target.band == planner.current.band
        need = target_need(target, planner.current) - planner.raw
        for i, action in enumerate(planner.actions):
            key = action.members[0] if action.members else action.id
            was = found.get(key) or Raiser(key, action.kind, action.title, 0, 0, Decimal(0))
            gain = planner.alone(i)
            lifts = not top and need > 0 and gain >= need
            found[key] = replace(
                was, units=was.units + 1, raised=was.raised + lifts, points=was.points + gain
            )
    raisers = list(found.values())
    raisers.sort(key=lambda r: (-r.raised, -r.points, r.key))
    return raisers, failed
