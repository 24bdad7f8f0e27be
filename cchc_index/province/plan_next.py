"""`batch --plan-next`: for each ranked unit, the cost of the cheapest plan to the band above
its own (the planner of `plan`, one compiled framework shared by the units that use it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from cchc_index.errors import CchcError
from cchc_index.model.plan import NextBand
from cchc_index.model.ranking import RankingRow
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.plan_unit import plan_unit


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
