"""The layers of a unit's points: self (the engine's result) → round 1 → round 2 → survey, and
the final layer (the latest value of each node), rolled up the way the engine rolls up."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cchc_index.model.appraisal import Appraisal
from cchc_index.model.framework import Framework, id_key
from cchc_index.model.layers import (
    Layer,
    Layered,
    LayerTotal,
    LayerValue,
    NodeLayers,
    ScoreRange,
    UnitExplanation,
)
from cchc_index.model.result import LeafResult, MissingProduct, Result, Status
from cchc_index.scoring.rollup import roll_up

ZERO = Decimal(0)
ROUND_LAYERS = {1: Layer.ROUND_1, 2: Layer.ROUND_2}


def self_points(result: Result) -> dict[str, Decimal]:
    """The self layer as node → points (what an appraisal's reasons are checked against)."""
    return {leaf.id: leaf.points for leaf in result.leaves}


def node_layers(result: Result, appraisal: Appraisal | None) -> tuple[NodeLayers, ...]:
    """Every scored node with its self value and the values the rounds and the survey give it."""
    values: dict[str, list[LayerValue]] = {
        leaf.id: [LayerValue(Layer.SELF, leaf.points)] for leaf in result.leaves
    }
    notes: dict[str, list[UnitExplanation]] = {}
    if appraisal is not None:
        for rnd in sorted(appraisal.rounds, key=lambda r: r.round):
            for item in rnd.items:
                values[item.node].append(
                    LayerValue(
                        ROUND_LAYERS[rnd.round], item.points, item.reason, rnd.reviewer, rnd.date
                    )
                )
        if appraisal.survey is not None:
            survey = appraisal.survey
            for entry in survey.items:
                values[entry.node].append(
                    LayerValue(Layer.SURVEY, entry.points, None, survey.entered_by, survey.date)
                )
        for note in sorted(appraisal.explanations, key=lambda e: e.date):
            notes.setdefault(note.node, []).append(UnitExplanation(note.date, note.text))
    return tuple(
        NodeLayers(
            leaf.id,
            leaf.title,
            leaf.max_points,
            tuple(values[leaf.id]),
            tuple(notes.get(leaf.id, ())),
        )
        for leaf in result.leaves
    )


def _status(leaf: LeafResult, points: Decimal) -> Status:
    """The status a reviewer's points give a node: confirmed, partly met or not met."""
    if leaf.adjustment < 0:
        return Status.NOT_MET if points > 0 else Status.MET
    if points > 0:
        return Status.MET if points == leaf.max_points else Status.PARTLY
    return leaf.status if leaf.status in (Status.MISSING, Status.NOT_MET) else Status.NOT_MET


def apply_values(result: Result, latest: dict[str, Decimal]) -> tuple[LeafResult, ...]:
    """The self leaves with the nodes of `latest` set to its points (a reviewer's decision)."""
    return tuple(
        replace(leaf, points=latest[leaf.id], status=_status(leaf, latest[leaf.id]))
        if leaf.id in latest
        else leaf
        for leaf in result.leaves
    )


def _total(layer: Layer, result: Result) -> LayerTotal:
    return LayerTotal(layer, result.total, result.max_points, result.index_percent, result.band)


def _missing_after(self_result: Result, final: Result) -> tuple[MissingProduct, ...]:
    """Missing products still worth supplying once reviewers have set the final points."""
    before = {leaf.id: leaf.points for leaf in self_result.leaves}
    after = {leaf.id: leaf for leaf in final.leaves}
    kept = []
    for m in self_result.missing:
        leaf = after[m.node]
        moved = leaf.points - before[m.node]
        gain = max(ZERO, m.gain - moved)
        together = max(ZERO, m.gain_together - moved)
        if leaf.status is Status.MISSING or together > 0:
            kept.append(replace(m, gain=gain, gain_together=together))
    kept.sort(key=lambda m: (-m.gain_together, -m.gain, id_key(m.node), m.product))
    return tuple(kept)


ORDER = (Layer.ROUND_1, Layer.ROUND_2, Layer.SURVEY)


def up_to(
    framework: Framework, result: Result, nodes: tuple[NodeLayers, ...], layer: Layer
) -> Result:
    """The unit as it stood after `layer`: each node at its latest value up to that layer."""
    if layer is Layer.SELF:
        return result
    upto = set(ORDER[: ORDER.index(layer) + 1]) if layer in ORDER else set(ORDER)
    latest = {}
    for n in nodes:
        touched = [v for v in n.values if v.layer in upto]
        if touched:
            latest[n.id] = touched[-1].points
    return roll_up(framework, result, apply_values(result, latest))


def layer_result(framework: Framework, layers: Layered, layer: Layer) -> Result:
    """One layer of a unit as a whole result (the final one with its missing products)."""
    if layer is Layer.FINAL:
        return layers.final
    return up_to(framework, layers.self_result, layers.nodes, layer)


def layered(framework: Framework, result: Result, appraisal: Appraisal | None) -> Layered:
    """The layers of `result` under `appraisal`; the final layer is the latest value per node."""
    nodes = node_layers(result, appraisal)
    totals = [_total(Layer.SELF, result)]
    present = {v.layer for n in nodes for v in n.values}
    for layer in ORDER:
        if layer in present:
            totals.append(_total(layer, up_to(framework, result, nodes, layer)))
    final_values = {n.id: n.final.points for n in nodes if n.final.layer is not Layer.SELF}
    final = roll_up(framework, result, apply_values(result, final_values))
    final = replace(final, missing=_missing_after(result, final))
    totals.append(_total(Layer.FINAL, final))
    return Layered(
        self_result=result,
        final=final,
        nodes=nodes,
        totals=tuple(totals),
        range=score_range(framework, final),
        appraised=appraisal is not None,
    )


def score_range(framework: Framework, result: Result) -> ScoreRange | None:
    """The total if every item awaiting a reviewer is refused, and if every one is confirmed."""
    pending = tuple(leaf.id for leaf in result.leaves if leaf.status is Status.PENDING)
    if not pending:
        return None
    refused = roll_up(
        framework,
        result,
        tuple(
            replace(leaf, points=ZERO, status=Status.NOT_MET)
            if leaf.status is Status.PENDING
            else leaf
            for leaf in result.leaves
        ),
    )
    return ScoreRange(_total(Layer.FINAL, refused), _total(Layer.FINAL, result), pending)
