"""Framework → one plain-data ruleset of single-fact rules, compiled once per process.

Each tier of each scored node becomes one durable_rules rule over the node's metric
fact: `t == "m"`, `c == <node id>`, `h == 1` (the metric has a value) and the tier's
comparisons. Comparisons are exact: the metric travels as two integers, its value × 10⁶
rounded down (`vf`) and up (`vc`); for an integer n, x ≥ n/10⁶ ⇔ floor ≥ n, x > ⇔ ceil >,
x < ⇔ floor <, x ≤ ⇔ ceil ≤. So no float ever decides a band. No joins, no negation, no
regex: the subset of docs/engine.md §6 that neither crashes nor hangs.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cchc_index.errors import Problem, RuleError
from cchc_index.i18n import tr
from cchc_index.methods.base import Cond, Metric, Op, Tier
from cchc_index.model.framework import Framework, Leaf

SCALE = 10**6
LIMIT = Decimal(9 * 10**9)  # |value| × SCALE stays below 2⁵³, exact in a double
MAX_DISTINCT = 500  # ≥ 512 sibling tests on one property hang the C core (§5.2)
SESSION_RULE = "__session"
# Each comparison as durable_rules writes it, and which scaled integer it reads (see above).
OPERATORS: dict[Op, tuple[str, str]] = {
    ">=": ("$gte", "vf"),
    ">": ("$gt", "vc"),
    "<": ("$lt", "vf"),
    "<=": ("$lte", "vc"),
}


@dataclass(frozen=True)
class TierRef:
    node: str
    index: int
    tier: Tier


@dataclass(frozen=True)
class Ruleset:
    """The compiled artefact: the JSON rules durable_rules registers, and what each awards."""

    name: str
    rules: dict[str, Any]
    tiers: dict[str, TierRef]

    def snapshot(self) -> str:
        """One rule a line, in order: a readable diff when a framework's rules change."""
        return "\n".join(
            f"{name}: {json.dumps(rule, ensure_ascii=False, sort_keys=True)}"
            for name, rule in self.rules.items()
        )


def scaled(value: Decimal) -> tuple[int, int]:
    clipped = max(-LIMIT, min(LIMIT, value)) * SCALE
    return math.floor(clipped), math.ceil(clipped)


def _condition(cond: Cond) -> dict[str, Any]:
    op, field = OPERATORS[cond.op]
    bound = cond.bound * SCALE
    if bound != bound.to_integral_value() or abs(cond.bound) > LIMIT:
        raise ValueError(
            tr(
                f"ngưỡng {cond.bound} có quá 6 chữ số thập phân hoặc quá lớn",
                f"threshold {cond.bound} has more than 6 decimals or is too large",
            )
        )
    return {op: {field: int(bound)}}


def _rule(leaf: Leaf, tier: Tier) -> dict[str, Any]:
    tests = [{"t": "m"}, {"c": leaf.id}, {"h": 1}, *(_condition(c) for c in tier.conds)]
    return {"all": [{"m": {"$and": tests}}]}


def compile_framework(framework: Framework) -> Ruleset:
    """Compile every self-scored node; refuse what the C core could not run safely."""
    rules: dict[str, Any] = {}
    tiers: dict[str, TierRef] = {}
    distinct: dict[str, set[object]] = defaultdict(set)
    problems: list[Problem] = []
    for _area, _criterion, _node, leaf in framework.units():  # a part compiles as "1.1.1#a"
        for index, tier in enumerate(leaf.scoring.tiers(leaf.points)):
            if tier.points == 0:
                continue  # a node earns 0 unless a tier fires: a 0-point tier needs no rule
            name = f"r{len(rules)}"
            try:
                rules[name] = _rule(leaf, tier)
            except ValueError as exc:
                problems.append(Problem(framework.meta.id, 1, 1, f"{leaf.id}: {exc}"))
                continue
            tiers[name] = TierRef(leaf.id, index, tier)
            distinct["c"].add(leaf.id)
            for test in rules[name]["all"][0]["m"]["$and"][3:]:
                ((_op, body),) = test.items()
                ((field, bound),) = body.items()
                distinct[field].add(bound)
    for field, values in distinct.items():
        if len(values) >= MAX_DISTINCT:
            problems.append(
                Problem(
                    framework.meta.id,
                    1,
                    1,
                    tr(
                        f"{len(values)} giá trị khác nhau trên '{field}' (tối đa {MAX_DISTINCT - 1})",
                        f"{len(values)} distinct values on '{field}' (at most {MAX_DISTINCT - 1})",
                    ),
                )
            )
    if problems:
        raise RuleError(problems)
    digest = hashlib.sha256(json.dumps(rules, sort_keys=True).encode()).hexdigest()[:12]
    return Ruleset(f"{framework.meta.id}_{digest}".replace("-", "_"), rules, tiers)


def fact(node_id: str, metric: Metric) -> dict[str, Any]:
    """The metric fact a node asserts; without a value it matches no tier."""
    if metric.value is None:
        return {"t": "m", "c": node_id}
    low, high = scaled(metric.value)
    return {"t": "m", "c": node_id, "h": 1, "vf": low, "vc": high}
