"""evaluate(framework, bundle) → Result: derive in Python, fire tiers in the engine, roll up."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import chain
from typing import Literal, Protocol

from cchc_index.engine.compile import Ruleset, compile_framework, fact
from cchc_index.engine.reference import ReferenceRunner
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import PART_SEP, Framework, id_key
from cchc_index.model.result import (
    LeafResult,
    MissingProduct,
    Reason,
    ReasonKind,
    Result,
    Status,
)
from cchc_index.scoring.matching import EvidenceIndex, compile_questions
from cchc_index.scoring.metrics import Derived, Plan, derive, potential
from cchc_index.scoring.parts import combine_parts
from cchc_index.scoring.rollup import roll_up

EngineName = Literal["durable", "reference"]
ZERO = Decimal(0)


class Runner(Protocol):
    def fired(self, facts: list[dict[str, object]]) -> set[str]: ...

    def fired_many(self, units: Sequence[list[dict[str, object]]]) -> list[set[str]]: ...


def make_runner(ruleset: Ruleset, engine: EngineName) -> Runner:
    if engine == "reference":
        return ReferenceRunner(ruleset)
    from cchc_index.engine.runtime import DurableRunner  # imported only when chosen

    return DurableRunner(ruleset)


class Scorer:
    """A framework compiled once; `evaluate` scores one unit, `evaluate_many` a batch.

    Units share no state: a batch gives each unit exactly what `evaluate` gives it alone.
    Reasons are data (`model.result.Reason`); no sentence is formatted while scoring.
    """

    def __init__(self, framework: Framework, engine: EngineName = "durable") -> None:
        self.framework = framework
        self.engine: EngineName = engine
        self.ruleset = compile_framework(framework)
        self.runner = make_runner(self.ruleset, engine)
        self.step = framework.meta.rounding_step
        # built once: a criterion scored directly becomes a Leaf, each part a unit "1.1.1#a"
        self.units = [
            (a, c, node, unit, None if unit is node else node)
            for a, c, node, unit in framework.units()
        ]
        self.plans = [Plan.of(a, c, unit, owner) for a, c, _n, unit, owner in self.units]
        self.nodes = [node for _a, _c, node in framework.leaves()]
        self.questions = compile_questions(framework)  # document matchers, compiled once
        self._by_node: dict[str, list[int]] = {}  # a scored node → its units (`node_results`)
        for i, (_a, _c, node, _u, _o) in enumerate(self.units):
            self._by_node.setdefault(node.id, []).append(i)

    def evaluate(self, bundle: Bundle) -> Result:
        index, derived, facts = self._derive(bundle)
        return self._finish(bundle, index, derived, self.runner.fired(facts))

    def evaluate_many(self, bundles: Sequence[Bundle]) -> list[Result]:
        """Score several units, their metric facts fired in shared engine sessions."""
        staged = [self._derive(bundle) for bundle in bundles]
        fired = self.runner.fired_many([facts for _i, _d, facts in staged])
        return [
            self._finish(bundle, index, derived, names)
            for bundle, (index, derived, _f), names in zip(bundles, staged, fired, strict=True)
        ]

    def index(self, bundle: Bundle) -> EvidenceIndex:
        """The bundle indexed for this framework's questions (what `node_results` reads)."""
        return EvidenceIndex(bundle, self.questions)

    def node_results(
        self, requests: Sequence[tuple[EvidenceIndex, tuple[str, ...]]]
    ) -> list[dict[str, LeafResult]]:
        """For each bundle, the results of the named scored nodes only (a node with parts
        summed from its parts), their tiers fired in one shared engine session: what the
        planner asks of many variants of one unit, each scored exactly as `evaluate` would."""
        staged = []
        for index, nodes in requests:
            chosen = [i for node in nodes for i in self._by_node[node]]
            derived = [derive(index, self.plans[i], self.step) for i in chosen]
            facts = [
                fact(d.leaf.id, d.metric)
                for d in derived
                if d.not_applicable is None and not d.survey
            ]
            staged.append((nodes, chosen, derived, facts))
        fired = self.runner.fired_many([facts for *_r, facts in staged])
        found = []
        for (nodes, chosen, derived, _f), names in zip(staged, fired, strict=True):
            earned: dict[str, Decimal] = {}
            by_id = {d.leaf.id: d for d in derived}
            for name in names:
                ref = self.ruleset.tiers[name]
                item = by_id[ref.node]
                points = ref.tier.points if ref.tier.points is not None else item.metric.award
                earned[ref.node] = max(earned.get(ref.node, ZERO), points or ZERO)
            parts: dict[str, list[LeafResult]] = {}
            for i, d in zip(chosen, derived, strict=True):
                plan = self.plans[i]
                result = _leaf(plan, d, earned.get(plan.leaf.id, ZERO))
                parts.setdefault(self.units[i][2].id, []).append(result)
            found.append(
                {
                    node: combine_parts(self.units[self._by_node[node][0]][2], tuple(parts[node]))
                    if self.units[self._by_node[node][0]][2].parts
                    else parts[node][0]
                    for node in nodes
                }
            )
        return found

    def _derive(
        self, bundle: Bundle
    ) -> tuple[EvidenceIndex, list[Derived], list[dict[str, object]]]:
        index = EvidenceIndex(bundle, self.questions)
        derived = [derive(index, plan, self.step) for plan in self.plans]
        facts = [
            fact(d.leaf.id, d.metric) for d in derived if d.not_applicable is None and not d.survey
        ]
        return index, derived, facts

    def _finish(
        self, bundle: Bundle, index: EvidenceIndex, derived: list[Derived], fired: set[str]
    ) -> Result:
        earned: dict[str, Decimal] = {}
        by_id = {d.leaf.id: d for d in derived} if fired else {}
        for name in fired:
            ref = self.ruleset.tiers[name]
            item = by_id[ref.node]
            points = ref.tier.points if ref.tier.points is not None else item.metric.award
            earned[ref.node] = max(earned.get(ref.node, ZERO), points or ZERO)
        units = tuple(
            _leaf(plan, d, earned.get(plan.leaf.id, ZERO))
            for plan, d in zip(self.plans, derived, strict=True)
        )
        missing = self._missing(index, derived, units)
        return self._roll_up(bundle, self._nodes(units), missing)

    def _nodes(self, units: tuple[LeafResult, ...]) -> tuple[LeafResult, ...]:
        """One result per scored node: a node with parts sums its parts' results."""
        if len(units) == len(self.nodes):
            return units
        by_node: dict[str, list[LeafResult]] = {}
        for (_a, _c, node, _u, _o), result in zip(self.units, units, strict=True):
            by_node.setdefault(node.id, []).append(result)
        return tuple(
            combine_parts(node, tuple(by_node[node.id])) if node.parts else by_node[node.id][0]
            for node in self.nodes
        )

    def _missing(
        self, index: EvidenceIndex, derived: list[Derived], leaves: tuple[LeafResult, ...]
    ) -> tuple[MissingProduct, ...]:
        found = []
        for plan, item, result in zip(self.plans, derived, leaves, strict=True):
            if result.status is not Status.MISSING:
                continue
            together, bound_all = potential(index, item, set(item.missing), self.step)
            titles = plan.titles
            node, part, node_title = item.leaf.id, None, item.leaf.title
            if item.node is not None:  # a part: listed under its node, named by both
                node, part = item.node.id, item.leaf.id.split(PART_SEP, 1)[1]
                node_title = f"{item.node.title} — {item.leaf.title}"
            for pid in item.missing:
                alone, bound = potential(index, item, {pid}, self.step)
                useful = result.adjustment >= 0  # supplying a deduction's figure adds nothing
                found.append(
                    MissingProduct(
                        node=node,
                        part=part,
                        node_title=node_title,
                        product=pid,
                        title=titles.get(pid, ""),  # the declaration: named by the renderer
                        responsible=item.leaf.responsible,
                        requirement=item.leaf.requirement,
                        gain=max(ZERO, alone - result.points) if useful else ZERO,
                        gain_together=max(ZERO, together - result.points) if useful else ZERO,
                        upper_bound=bound or bound_all,
                    )
                )
        found.sort(key=lambda m: (-m.gain_together, -m.gain, id_key(m.node), m.product))
        return tuple(found)

    def _roll_up(
        self, bundle: Bundle, leaves: tuple[LeafResult, ...], missing: tuple[MissingProduct, ...]
    ) -> Result:
        result = Result(
            framework=self.framework.meta.id,
            framework_title=self.framework.meta.title,
            unit=bundle.profile.name,
            year=bundle.year,
            leaves=leaves,
            criteria=(),
            areas=(),
            bonus=ZERO,
            deduction=ZERO,
            total=ZERO,
            max_points=ZERO,
            survey_points=ZERO,
            index_percent=None,
            band=None,
            missing=missing,
            engine=self.engine,
            level=bundle.profile.level,
        )
        return roll_up(self.framework, result, leaves)


def _leaf(plan: Plan, item: Derived, engine_points: Decimal) -> LeafResult:
    leaf, metric = plan.leaf, item.metric
    points = ZERO
    if item.survey:
        status = Status.SURVEY
    elif item.not_applicable is not None:
        status = Status.NOT_APPLICABLE
    elif item.missing:
        status = Status.MISSING
    elif plan.adjustment < 0:  # a deduction: met when nothing is deducted
        points = min(engine_points, leaf.points)
        status = Status.NOT_MET if points > 0 else Status.MET
    else:
        points = leaf.points if metric.none_arose else min(engine_points, leaf.points)
        if points > 0 and (plan.needs_review or "review" in metric.detail):
            status = Status.PENDING
        elif points == leaf.points and points > 0:
            status = Status.MET
        else:
            status = Status.PARTLY if points > 0 else Status.NOT_MET
    matches = item.matches
    if len(matches) == 1:  # most nodes ask for one product
        used = next(iter(matches.values())).items
    else:
        used = tuple(chain.from_iterable(m.items for m in matches.values()))
    return LeafResult(
        leaf.id,
        leaf.title,
        plan.area.id,
        plan.criterion.id,
        leaf.points,
        points,
        status,
        _reason(plan, item, status, used),
        used,
        item.missing,
        plan.adjustment,
        leaf.provenance.illustrative,
    )


def _reason(plan: Plan, item: Derived, status: Status, used: tuple[str, ...]) -> Reason:
    """The data a renderer needs to say how the node's points came about."""
    method, metric = plan.method.type, item.metric
    if status is Status.SURVEY:
        return Reason(ReasonKind.SURVEY, method)
    if status is Status.NOT_APPLICABLE:
        if item.nothing_arose:
            return Reason(ReasonKind.NOTHING_AROSE, method)
        return Reason(ReasonKind.NOT_APPLICABLE, method, text=item.not_applicable or "")
    if status is Status.MISSING:
        missing = tuple(plan.titles.get(p, p) for p in item.missing)
        return Reason(ReasonKind.MISSING, method, items=missing)
    if metric.none_arose:
        return Reason(ReasonKind.NONE_AROSE_FULL, method)
    if metric.zero_base:
        return Reason(ReasonKind.NONE_AROSE_ZERO, method)
    return Reason(ReasonKind.SCORED, method, metric.detail, used)


def evaluate(framework: Framework, bundle: Bundle, engine: EngineName = "durable") -> Result:
    """Score one unit's bundle against a framework."""
    return Scorer(framework, engine).evaluate(bundle)
