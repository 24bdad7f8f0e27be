"""`bench --plan`: the planner's time on the synthetic framework of 100 sub-criteria (each
asking for a document of its own), for a unit with 40 open actions, the plan re-scored by the
engine. A measurement, never a timed test."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cchc_index.bench.data import synthetic_framework
from cchc_index.model.bundle import Bundle, Profile, Statistic
from cchc_index.scoring.evaluate import Scorer
from cchc_index.scoring.plan import Planner, make_plan, resolve_target
from cchc_index.scoring.plan_actions import apply_actions

Echo = Callable[[str], None]
ON = dt.date(2023, 12, 1)  # before the documents are due (31/12 of the year before)


def open_bundle(scorer: Scorer, actions: int) -> Bundle:
    """A synthetic unit with every figure stated (some too low to score) and the documents of
    the first sub-criteria supplied, so that exactly `actions` actions remain open."""
    stats = {"v_total": Statistic(value=Decimal(100), last_year=Decimal(100))}
    for i in range(40):
        stats[f"v{i}"] = Statistic(value=Decimal(10 + 9 * (i % 10)), last_year=Decimal(50))
    profile = Profile(name="UBND xã Tổng Hợp", level="xã", province="Tổng hợp", year=2024)
    bundle = Bundle(profile=profile, statistics=stats)
    open_now = Planner(scorer, bundle, None, ON).actions
    return apply_actions(bundle, open_now[: max(0, len(open_now) - actions)])


def measure_plan(echo: Echo, rounds: int = 5, actions: int = 40) -> dict[str, Any]:
    framework = synthetic_framework(distinct=True)
    start = time.perf_counter()
    scorer = Scorer(framework, "durable")
    compiled = time.perf_counter() - start
    bundle = open_bundle(scorer, actions)
    times, outcome = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        planner = Planner(scorer, bundle, None, ON)
        wanted = str(planner.current.total + 10)  # ten points more: most open actions needed
        outcome = make_plan(
            planner,
            resolve_target(framework, planner.current, wanted, planner.bundle.profile.level),
        )
        times.append(time.perf_counter() - start)
    assert outcome is not None
    plan = outcome.plan or outcome.best
    row = {
        "items": sum(1 for _ in framework.leaves()),
        "open_actions": len(outcome.actions),
        "plan_s": statistics.median(times),
        "scorer_compile_s": compiled,
        "plan_actions": len(plan.steps) if plan else 0,
        "plan_cost": str(plan.cost) if plan else "-",
        "gap": str(outcome.gap),
        "reaches": plan.reaches if plan else False,
    }
    echo(
        "plan "
        + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items())
    )
    return row
