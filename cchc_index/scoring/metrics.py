"""Python's half of scoring: for each scored node, the evidence found, what is missing, and
the metric the engine's tiers test (research/durable-rules.md §6.3: everything the rule
core must not do — matching, dates, ratios, n/a — is done here and handed over as data)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from cchc_index.methods.base import Metric, ProductMatch
from cchc_index.model.framework import Area, Criterion, DocumentProduct, Leaf, StatisticProduct
from cchc_index.model.result import DECLARATION
from cchc_index.scoring.matching import EvidenceIndex, NodeFacts


@dataclass(slots=True)  # built ~100 times a unit: slots, not frozen
class Derived:
    area: Area
    criterion: Criterion
    leaf: Leaf
    metric: Metric
    matches: dict[str, ProductMatch]
    missing: tuple[str, ...]
    not_applicable: str | None  # the reason, when the node does not apply
    survey: bool
    nothing_arose: bool = False  # does not apply because nothing arose (a zero base)
    node: Leaf | None = None  # the sub-criterion this unit is a part of, if it is one


def not_applicable_reason(
    index: EvidenceIndex, nodes: tuple[Area | Criterion | Leaf, ...]
) -> str | None:
    for node in nodes:
        policy = node.not_applicable
        if policy is None:
            continue
        if policy.declarable and node.id in index.not_applicable:
            return index.not_applicable[node.id]
        if policy.if_zero is not None:
            stat = index.statistics.get(policy.if_zero)
            if stat is not None and stat.value == 0:
                return policy.reason or f"{policy.if_zero} = 0"
    return None


def derive(
    index: EvidenceIndex,
    area: Area,
    criterion: Criterion,
    leaf: Leaf,
    step: Decimal,
    node: Leaf | None = None,
) -> Derived:
    """`leaf` is the unit scored; `node` the sub-criterion it is a part of, when it is one:
    documents are matched, and not-applicable decided, on the node's id."""
    owner = node if node is not None else leaf
    matches: dict[str, ProductMatch] = {}
    taken: set[str] = set()  # one document answers one product of a unit, never two
    for p in leaf.evidence:
        found = index.match(p, leaf.id, frozenset(taken))
        if node is not None and not found.present:  # a part: items marked for it or its node
            found = index.match(p, node.id, frozenset(taken))
        matches[p.id] = found
        if isinstance(p, DocumentProduct):
            taken.update(found.items)
    missing = [pid for pid, m in matches.items() if not m.present]
    facts = NodeFacts(index, leaf.id, matches)
    if leaf.scoring.needs_declaration and facts.declaration() is None:
        missing.append(DECLARATION)
    reason = not_applicable_reason(index, (area, criterion, owner))
    survey = not leaf.scoring.self_scored
    if reason is not None or survey:
        missing = []  # nothing is owed for a node that does not apply or is not self-scored
    metric, nothing_arose = Metric(None), False
    if reason is None and not survey:
        metric = leaf.scoring.derive(facts, leaf.points, step)
        if metric.not_applicable:
            reason, missing, nothing_arose = "", [], True
        if missing:
            metric = replace(metric, value=None, award=None, none_arose=False, zero_base=False)
    return Derived(
        area, criterion, leaf, metric, matches, tuple(missing), reason, survey, nothing_arose, node
    )


def best_points(leaf: Leaf, metric: Metric) -> Decimal:
    """The points of the best tier the metric reaches, in Python (gains, never the score)."""
    if metric.none_arose:
        return leaf.points
    best = Decimal(0)
    for tier in leaf.scoring.tiers(leaf.points):
        if tier.matches(metric):
            points = metric.award if tier.points is None else tier.points
            best = max(best, points or Decimal(0))
    return best


def _ideal(product: object, match: ProductMatch) -> ProductMatch:
    count = getattr(product, "count", 1)
    days = 0 if isinstance(product, DocumentProduct) else None
    return ProductMatch(match.product_id, True, max(count, match.count), match.items, days)


def potential(
    index: EvidenceIndex, item: Derived, supplied: set[str], step: Decimal
) -> tuple[Decimal, bool]:
    """Points the node would earn with `supplied` products added, compliant; and whether that
    is an upper bound (a supplied statistic's figures are assumed to meet the requirement)."""
    leaf = item.leaf
    if any(p not in supplied for p in item.missing):
        return Decimal(0), False
    products = {p.id: p for p in leaf.evidence}
    if any(isinstance(products.get(p), StatisticProduct) for p in supplied):
        return leaf.points, True
    matches = {
        pid: _ideal(products[pid], m) if pid in supplied else m for pid, m in item.matches.items()
    }
    facts = NodeFacts(index, leaf.id, matches, assume_declared=DECLARATION in supplied)
    return best_points(leaf, leaf.scoring.derive(facts, leaf.points, step)), False
