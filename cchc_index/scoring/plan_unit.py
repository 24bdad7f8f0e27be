"""`plan` for one unit's folder: open it, read its appraisal and costs, plan to the target."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_index.load.appraisal import load_appraisal
from cchc_index.load.bundle import BundleSource
from cchc_index.load.costs import read_costs
from cchc_index.load.unit import open_unit_source
from cchc_index.model.plan import Outcome
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.layers import self_points
from cchc_index.scoring.plan import Planner, make_plan, resolve_target


def plan_unit(
    folder: Path,
    rules: Path | None,
    rules_dir: Path,
    to: str,
    on: dt.date,
    costs: Path | None = None,
    engine: EngineName = "durable",
) -> tuple[Outcome, BundleSource]:
    """The cheapest plan that lifts the unit in `folder` to `to` (a band, points or `next`),
    with the actions still open on `on`; ValueError when `to` names nothing."""
    source, located = open_unit_source(folder, rules, rules_dir, cache=True)
    framework, bundle = source.framework, located.bundle
    scorer = Scorer(framework, engine)
    first = scorer.evaluate(bundle)
    appraisal = load_appraisal(folder, framework, self_points(first))
    spent = read_costs(costs, framework, bundle) if costs is not None else None
    planner = Planner(scorer, bundle, appraisal, on, spent, self_result=first)
    target = resolve_target(framework, planner.current, to)
    return make_plan(planner, target), located
