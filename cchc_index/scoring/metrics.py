"""Python's half of scoring: for each scored node, the evidence found, what is missing, and
the metric the engine's tiers test (research/durable-rules.md §6.3: everything the rule
core must not do — matching, dates, ratios, n/a — is done here and handed over as data)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from cchc_index.methods.base import Metric, ProductMatch
from cchc_index.methods.registry import Method
from cchc_index.model.framework import (
    Area,
    Criterion,
    DocumentProduct,
    Leaf,
    Product,
    StatisticProduct,
)
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


@dataclass(frozen=True, slots=True)
class Plan:
    """One scored unit of a framework, compiled once: what `derive` reads of it for every
    bundle. `node` is the sub-criterion the unit is a part of, when it is one."""

    area: Area
    criterion: Criterion
    leaf: Leaf
    node: Leaf | None
    method: Method
    products: tuple[tuple[Product, bool], ...]  # each product, and whether it is a document
    optional: frozenset[str]  # products whose absence the method scores (an explanation)
    policies: tuple[Area | Criterion | Leaf, ...]  # the nodes above that may not apply
    survey: bool
    needs_declaration: bool
    needs_review: bool
    adjustment: int  # +1 bonus, -1 deduction, 0 a regular node
    titles: dict[str, str]  # product id → title

    @classmethod
    def of(cls, area: Area, criterion: Criterion, leaf: Leaf, node: Leaf | None) -> Plan:
        owner = node if node is not None else leaf
        method = leaf.scoring
        return cls(
            area,
            criterion,
            leaf,
            node,
            method,
            tuple((p, isinstance(p, DocumentProduct)) for p in leaf.evidence),
            frozenset(method.optional_products),
            tuple(n for n in (area, criterion, owner) if n.not_applicable is not None),
            not method.self_scored,
            method.needs_declaration,
            method.needs_review,
            method.adjustment,
            {p.id: p.title for p in leaf.evidence},
        )


def derive(index: EvidenceIndex, plan: Plan, step: Decimal) -> Derived:
    """The evidence found for one unit of the framework and its metric: documents are matched,
    and not-applicable decided, on the node's id when the unit is a part."""
    leaf, node = plan.leaf, plan.node
    matches: dict[str, ProductMatch] = {}
    taken: set[str] = set()  # one document answers one product of a unit, never two
    missing: list[str] = []
    for p, is_document in plan.products:
        found = index.match(p, leaf.id, taken)
        if node is not None and not found.present:  # a part: items marked for it or its node
            found = index.match(p, node.id, taken)
        matches[p.id] = found
        if is_document:
            taken.update(found.items)
        if not found.present and p.id not in plan.optional:
            missing.append(p.id)
    facts = NodeFacts(index, leaf.id, matches)
    if plan.needs_declaration and facts.declaration() is None:
        missing.append(DECLARATION)
    reason = not_applicable_reason(index, plan.policies) if plan.policies else None
    if reason is not None or plan.survey:
        missing = []  # nothing is owed for a node that does not apply or is not self-scored
    metric, nothing_arose = _NO_METRIC, False
    if reason is None and not plan.survey:
        metric = plan.method.derive(facts, leaf.points, step)
        if metric.not_applicable:
            reason, missing, nothing_arose = "", [], True
        if missing:
            metric = replace(metric, value=None, award=None, none_arose=False, zero_base=False)
    return Derived(
        plan.area,
        plan.criterion,
        leaf,
        metric,
        matches,
        tuple(missing),
        reason,
        plan.survey,
        nothing_arose,
        node,
    )


_NO_METRIC = Metric(None)  # shared: a metric is never changed once made (`replace` copies)


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
