"""evaluate(framework, bundle) → Result: derive in Python, fire tiers in the engine, roll up."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, Protocol

from cchc_index.engine.compile import Ruleset, compile_framework, fact
from cchc_index.engine.reference import ReferenceRunner
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework, id_key
from cchc_index.model.result import LeafResult, MissingProduct, NodeResult, Result, Status
from cchc_index.scoring.matching import EvidenceIndex, compile_questions, needed_words
from cchc_index.scoring.metrics import Derived, declaration_title, derive, potential
from cchc_index.scoring.reasons import sentence

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


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if whole == 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Scorer:
    """A framework compiled once; `evaluate` scores one unit, `evaluate_many` a batch.

    Units share no state: a batch gives each unit exactly what `evaluate` gives it alone.
    With `reasons=False` (the batch path) no reason sentence is formatted: `reason` is empty,
    and only renderers of one unit need the sentence.
    """

    def __init__(
        self, framework: Framework, engine: EngineName = "durable", *, reasons: bool = True
    ) -> None:
        self.framework = framework
        self.engine: EngineName = engine
        self.reasons = reasons
        self.ruleset = compile_framework(framework)
        self.runner = make_runner(self.ruleset, engine)
        self.step = framework.meta.rounding_step
        self.leaves = list(
            framework.leaves()
        )  # built once: a criterion scored directly becomes a Leaf
        self.words = needed_words(framework)
        self.questions = compile_questions(framework)  # document matchers, compiled once

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

    def _derive(
        self, bundle: Bundle
    ) -> tuple[EvidenceIndex, list[Derived], list[dict[str, object]]]:
        index = EvidenceIndex(bundle, self.words, self.questions)
        derived = [derive(index, a, c, leaf, self.step) for a, c, leaf in self.leaves]
        facts = [
            fact(d.leaf.id, d.metric) for d in derived if d.not_applicable is None and not d.survey
        ]
        return index, derived, facts

    def _finish(
        self, bundle: Bundle, index: EvidenceIndex, derived: list[Derived], fired: set[str]
    ) -> Result:
        earned: dict[str, Decimal] = {}
        by_id = {d.leaf.id: d for d in derived}
        for name in fired:
            ref = self.ruleset.tiers[name]
            item = by_id[ref.node]
            points = ref.tier.points if ref.tier.points is not None else item.metric.award
            earned[ref.node] = max(earned.get(ref.node, ZERO), points or ZERO)
        leaves = tuple(self._leaf(d, earned.get(d.leaf.id, ZERO)) for d in derived)
        return self._roll_up(bundle, leaves, self._missing(index, derived, leaves))

    def _leaf(self, item: Derived, engine_points: Decimal) -> LeafResult:
        leaf, method = item.leaf, item.leaf.method
        points = ZERO
        if item.survey:
            status = Status.SURVEY
        elif item.not_applicable is not None:
            status = Status.NOT_APPLICABLE
        elif item.missing:
            status = Status.MISSING
        elif method.sign < 0:  # a deduction: met when nothing is deducted
            points = min(engine_points, leaf.points)
            status = Status.NOT_MET if points > 0 else Status.MET
        else:
            points = leaf.points if item.metric.none_arose else min(engine_points, leaf.points)
            if points > 0 and method.needs_review:
                status = Status.PENDING
            elif points == leaf.points and points > 0:
                status = Status.MET
            else:
                status = Status.PARTLY if points > 0 else Status.NOT_MET
        return LeafResult(
            id=leaf.id,
            title=leaf.title,
            area=item.area.id,
            criterion=item.criterion.id,
            max_points=leaf.points,
            points=points,
            status=status,
            reason=sentence(item, points, status) if self.reasons else "",
            evidence=tuple(i for m in item.matches.values() for i in m.items),
            missing=item.missing,
            adjustment=method.sign if leaf.is_adjustment else 0,
            illustrative=leaf.provenance.illustrative,
        )

    def _missing(
        self, index: EvidenceIndex, derived: list[Derived], leaves: tuple[LeafResult, ...]
    ) -> tuple[MissingProduct, ...]:
        found = []
        for item, result in zip(derived, leaves, strict=True):
            if result.status is not Status.MISSING:
                continue
            together, bound_all = potential(index, item, set(item.missing), self.step)
            titles = {p.id: p.title for p in item.leaf.evidence}
            for pid in item.missing:
                alone, bound = potential(index, item, {pid}, self.step)
                useful = result.adjustment >= 0  # supplying a deduction's figure adds nothing
                found.append(
                    MissingProduct(
                        node=item.leaf.id,
                        node_title=item.leaf.title,
                        product=pid,
                        title=titles.get(pid) or declaration_title(),
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
        def counted(r: LeafResult) -> bool:
            return r.adjustment == 0 and r.status not in (Status.NOT_APPLICABLE, Status.SURVEY)

        def node(node_id: str, title: str, members: list[LeafResult]) -> NodeResult:
            pts = sum((r.points for r in members), ZERO)  # members: counted leaves only
            top = sum((r.max_points for r in members), ZERO)
            return NodeResult(
                id=node_id, title=title, max_points=top, points=pts, index_percent=percent(pts, top)
            )

        fw = self.framework
        by_criterion: dict[str, list[LeafResult]] = {}
        by_area: dict[str, list[LeafResult]] = {}
        for r in leaves:
            if counted(r):
                by_criterion.setdefault(r.criterion, []).append(r)
                by_area.setdefault(r.area, []).append(r)
        criteria = tuple(
            node(c.id, c.title, by_criterion.get(c.id, [])) for a in fw.areas for c in a.criteria
        )
        areas = tuple(node(a.id, a.title, by_area.get(a.id, [])) for a in fw.areas)
        bonus = sum((r.points for r in leaves if r.adjustment > 0), ZERO)
        deduction = sum((r.points for r in leaves if r.adjustment < 0), ZERO)
        top = sum((a.max_points for a in areas), ZERO)
        total = max(ZERO, sum((a.points for a in areas), ZERO) + bonus - deduction)
        index = percent(total, top)
        band = None
        if index is not None:
            band = next((b.name for b in fw.meta.bands if index >= b.min_percent), None)
        survey = sum((r.max_points for r in leaves if r.status is Status.SURVEY), ZERO)
        return Result(
            framework=fw.meta.id,
            framework_title=fw.meta.title,
            unit=bundle.profile.name,
            year=bundle.year,
            leaves=leaves,
            criteria=criteria,
            areas=areas,
            bonus=bonus,
            deduction=deduction,
            total=total,
            max_points=top,
            survey_points=survey + fw.meta.survey_points,
            index_percent=index,
            band=band,
            missing=missing,
            engine=self.engine,
        )


def evaluate(framework: Framework, bundle: Bundle, engine: EngineName = "durable") -> Result:
    """Score one unit's bundle against a framework."""
    return Scorer(framework, engine).evaluate(bundle)
