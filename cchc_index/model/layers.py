"""A unit's points layer by layer: self (the engine) → round 1 → round 2 → final, with the
reasons, the unit's explanations, the totals of each layer and the range of the total."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from cchc_index.model.result import Result


class Layer(enum.StrEnum):
    SELF = "self"
    ROUND_1 = "round_1"
    ROUND_2 = "round_2"
    SURVEY = "survey"
    FINAL = "final"


@dataclass(frozen=True, slots=True)
class LayerValue:
    """The points one layer gives one node, and who gave them, when and why."""

    layer: Layer
    points: Decimal
    reason: str | None = None
    by: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class UnitExplanation:
    date: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class NodeLayers:
    """Every layer of one scored node; the final layer is the latest."""

    id: str
    title: str
    max_points: Decimal
    values: tuple[LayerValue, ...]  # self first, then the rounds (or the survey) that touch it
    explanations: tuple[UnitExplanation, ...] = ()

    def at(self, layer: Layer) -> LayerValue | None:
        return next((v for v in self.values if v.layer is layer), None)

    @property
    def final(self) -> LayerValue:
        return self.values[-1]


@dataclass(frozen=True, slots=True)
class LayerTotal:
    """The total of a layer: each node at its latest value up to and including that layer."""

    layer: Layer
    total: Decimal
    max_points: Decimal
    index_percent: Decimal | None
    band: str | None


@dataclass(frozen=True, slots=True)
class ScoreRange:
    """Where the total can still land: every pending item refused (low) or confirmed (high)."""

    low: LayerTotal
    high: LayerTotal
    pending: tuple[str, ...]  # the nodes awaiting a reviewer


@dataclass(frozen=True, slots=True)
class Layered:
    self_result: Result
    final: Result  # the final layer as a whole result: rolled up, missing products recomputed
    nodes: tuple[NodeLayers, ...]
    totals: tuple[LayerTotal, ...]
    range: ScoreRange | None
    appraised: bool  # False when the bundle has no appraisal.yaml: final is the self layer
