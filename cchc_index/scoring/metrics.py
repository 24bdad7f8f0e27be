"""Python's half of scoring: for each scored node, the evidence found, what is missing, and
the metric the engine's tiers test (research/durable-rules.md §6.3: everything the rule
core must not do — matching, dates, ratios, n/a — is done here and handed over as data)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from cchc_index.i18n import tr
from cchc_index.methods.base import Metric, ProductMatch
from cchc_index.model.framework import Area, Criterion, DocumentProduct, Leaf, StatisticProduct
from cchc_index.scoring.matching import EvidenceIndex, NodeFacts

DECLARATION = "tu-danh-gia"  # the pseudo product of a qualitative node: the unit's declaration


def declaration_title() -> str:
    return tr(
        "Tự đánh giá đạt/không đạt kèm giải trình (declarations.yaml)",
        "A met/not-met self-assessment with its explanation (declarations.yaml)",
    )


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
    index: EvidenceIndex, area: Area, criterion: Criterion, leaf: Leaf, step: Decimal
) -> Derived:
    matches = {p.id: index.match(p, leaf.id) for p in leaf.evidence}
    missing = [pid for pid, m in matches.items() if not m.present]
    facts = NodeFacts(index, leaf.id, matches)
    if leaf.method.type == "qualitative" and facts.declaration() is None:
        missing.append(DECLARATION)
    reason = not_applicable_reason(index, (area, criterion, leaf))
    survey = not leaf.method.self_scored
    if reason is not None or survey:
        missing = []  # nothing is owed for a node that does not apply or is not self-scored
    metric = Metric(None)
    if reason is None and not survey:
        metric = leaf.method.derive(facts, leaf.points, step)
        if metric.not_applicable:
            reason, missing = "không phát sinh", []
        if missing:
            metric = replace(metric, value=None, award=None, none_arose=False)
    return Derived(area, criterion, leaf, metric, matches, tuple(missing), reason, survey)


def best_points(leaf: Leaf, metric: Metric) -> Decimal:
    """The points of the best tier the metric reaches, in Python (gains, never the score)."""
    if metric.none_arose:
        return leaf.points
    best = Decimal(0)
    for tier in leaf.method.tiers(leaf.points):
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
    return best_points(leaf, leaf.method.derive(facts, leaf.points, step)), False
