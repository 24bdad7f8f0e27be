"""The rows of the score table: every sub-criterion with its self points, the appraisal rounds
that touch it, its final points and status, and the reasons and explanations in words."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc_index.i18n import tr
from cchc_index.model.layers import Layer, LayerValue
from cchc_index.model.result import LeafResult
from cchc_index.report.layer_words import layer_name
from cchc_index.text import format_date
from cchc_index.web.scores import Unit, reason_of

ROUNDS = (Layer.ROUND_1, Layer.ROUND_2, Layer.SURVEY)


@dataclass(frozen=True)
class Row:
    leaf: LeafResult  # the self layer (status as the engine scored it)
    rounds: tuple[Decimal | None, ...]  # one per column of `columns`
    final: LeafResult  # after the rounds (the same leaf when there are none)
    notes: tuple[str, ...]  # the reason, then each round's reason and the unit's explanations


def columns(unit: Unit) -> list[tuple[Layer, str]]:
    """The appraisal layers the unit has, with their names (none: no appraisal.yaml)."""
    if unit.layers is None:
        return []
    present = {v.layer for n in unit.layers.nodes for v in n.values}
    return [(layer, layer_name(layer)) for layer in ROUNDS if layer in present]


def _said(value: LayerValue) -> str:
    by = f" ({value.by}, {format_date(value.date)})" if value.by and value.date else ""
    return f"{layer_name(value.layer)}{by}: {value.reason or tr('giữ nguyên', 'kept')}"


def rows(unit: Unit) -> list[Row]:
    assert unit.result is not None
    if unit.layers is None:
        return [Row(leaf, (), leaf, (reason_of(leaf),)) for leaf in unit.result.leaves]
    shown = [layer for layer, _ in columns(unit)]
    finals = {leaf.id: leaf for leaf in unit.layers.final.leaves}
    found = []
    for node, leaf in zip(unit.layers.nodes, unit.result.leaves, strict=True):
        values = tuple(v.points if (v := node.at(layer)) else None for layer in shown)
        said = [
            tr(f"Giải trình ({format_date(e.date)}): ", f"Explanation ({format_date(e.date)}): ")
            + e.text
            for e in node.explanations
        ]
        notes = [reason_of(leaf)]
        for value in node.values[1:]:  # the unit explains itself between the rounds
            notes.append(_said(value))
            if value.layer is Layer.ROUND_1:
                notes, said = notes + said, []
        notes += said
        found.append(Row(leaf, values, finals[node.id], tuple(notes)))
    return found
