"""The unit page's way up: "to reach <next band>: +X points, N actions", each action with a
link to the form that supplies it (the planner of `plan --to next`, on today's date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from cchc_index.errors import CchcError
from cchc_index.load.appraisal import load_appraisal
from cchc_index.model.plan import Action, Plan
from cchc_index.scoring.evaluate import Scorer
from cchc_index.scoring.layers import self_points
from cchc_index.scoring.plan import Planner, make_plan, resolve_target
from cchc_index.web.missing import supply
from cchc_index.web.scores import Unit

# The pure-Python engine of the project (the same tiers, `bench` checks they agree): no
# durable_rules state is shared with the page's own scoring, so no lock is held meanwhile.
_SCORERS: dict[str, Scorer] = {}


@dataclass(frozen=True)
class Step:
    action: Action
    gain: Decimal
    url: str


@dataclass(frozen=True)
class NextBand:
    band: str
    gap: Decimal
    plan: Plan | None  # None: out of reach on this day
    steps: tuple[Step, ...]


def next_band(name: str, unit: Unit, on: dt.date | None = None) -> NextBand | None:
    """The cheapest plan to the band above the unit's own (None at the top band, or when the
    unit cannot be scored)."""
    if unit.source is None or unit.bundle is None or unit.result is None:
        return None
    framework = unit.source.framework
    scorer = _SCORERS.get(framework.meta.id)
    if scorer is None or scorer.framework != framework:
        scorer = _SCORERS[framework.meta.id] = Scorer(framework, "reference")
    try:
        appraisal = load_appraisal(unit.folder, framework, self_points(unit.result))
    except CchcError:
        appraisal = None  # the page shows the appraisal's problems; plan on the self layer
    planner = Planner(scorer, unit.bundle, appraisal, on or dt.date.today())
    target = resolve_target(framework, planner.current, "next", planner.bundle.profile.level)
    if target.band is None or target.band == planner.current.band:
        return None
    outcome = make_plan(planner, target)
    plan = outcome.plan
    steps = (
        tuple(Step(s.action, s.gain, _url(name, unit, s.action)) for s in plan.steps)
        if plan
        else ()
    )
    return NextBand(target.band, outcome.gap, plan, steps)


def _url(name: str, unit: Unit, action: Action) -> str:
    """The form that supplies the action (the missing products' own link, pre-filled)."""
    if action.kind == "adjust" and action.group:
        return f"/u/{name}/r/statistics?{urlencode({'name': action.group})}#add"
    final = unit.final
    wanted = set(action.members)
    for m in final.missing if final is not None else ():
        unit_id = m.node + (f"#{m.part}" if m.part else "")
        if f"{unit_id}/{m.product}" in wanted:
            return supply(name, unit, m).url
    return f"/u/{name}/#missing"
