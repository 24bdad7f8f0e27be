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


def open_planner(
    folder: Path,
    rules: Path | None,
    rules_dir: Path,
    on: dt.date,
    costs: Path | None = None,
    engine: EngineName = "durable",
    scorers: dict[str, Scorer] | None = None,
) -> tuple[Planner, BundleSource]:
    """The unit in `folder` with its actions open on `on`, scored in groups. `scorers` keeps
    the compiled frameworks between calls (`batch --plan-next`), by framework id."""
    source, located = open_unit_source(folder, rules, rules_dir, cache=True)
    framework, bundle = source.framework, located.bundle
    scorer = scorers.get(framework.meta.id) if scorers is not None else None
    if scorer is None:  # one framework per id under the rules folder
        scorer = Scorer(framework, engine)
        if scorers is not None:
            scorers[framework.meta.id] = scorer
    first = scorer.evaluate(bundle)
    appraisal = load_appraisal(folder, framework, self_points(first))
    spent = read_costs(costs, framework, bundle) if costs is not None else None
    return Planner(scorer, bundle, appraisal, on, spent, self_result=first), located


def plan_unit(
    folder: Path,
    rules: Path | None,
    rules_dir: Path,
    to: str,
    on: dt.date,
    costs: Path | None = None,
    engine: EngineName = "durable",
    *,
    scorers: dict[str, Scorer] | None = None,
) -> tuple[Outcome, BundleSource]:
    """The cheapest plan that lifts the unit in `folder` to `to` (a band, points or `next`),
    with the actions still open on `on`; ValueError when `to` names nothing."""
    planner, located = open_planner(folder, rules, rules_dir, on, costs, engine, scorers)
    target = resolve_target(planner.framework, planner.current, to, planner.bundle.profile.level)
    return make_plan(planner, target), located
