"""The framework (Bộ chỉ số): metadata, areas, criteria, sub-criteria and their evidence."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from cchc_index.docnumber import DocKind, kind_from_text
from cchc_index.fields import Deadline, Flag, Strict, VnDate
from cchc_index.i18n import tr
from cchc_index.methods.registry import Method
from cchc_index.model.cycle import Cycle

Illustrative = Literal["points", "method", "evidence", "deadline", "bands", "rounding"]
Level = Literal["xã", "phường", "xã_phường", "đặc_khu", "sở", "huyện", "tỉnh", "bộ"]


def id_key(node_id: str) -> tuple[int, ...]:
    """Sort key of node ids: "1.10" after "1.9"."""
    return tuple(int(p) if p.isdigit() else 0 for p in node_id.split("."))


class Provenance(Strict):
    """Where the values come from; `illustrative` names those the source does not give."""

    source: str = Field(min_length=1)
    illustrative: tuple[Illustrative, ...] = ()
    note: str | None = None


class Decision(Strict):
    number: str
    date: VnDate | None = None
    issuer: str
    title: str | None = None


class Band(Strict):
    """A classification band: from `min_percent` (inclusive) of the applicable maximum."""

    name: str
    min_percent: Decimal = Field(ge=0, le=100)


class Variable(Strict):
    title: str
    unit: str | None = None
    at_most: str | None = None  # another variable this one may not exceed (late ≤ received)


class Period(Strict):
    start: Deadline
    end: Deadline


def _kind(value: object) -> object:
    if isinstance(value, str):
        return kind_from_text(value) or value
    return value


class DocumentProduct(Strict):
    """A document the unit (or another body) must have issued."""

    type: Literal["document"]
    id: str
    title: str
    doc_kind: DocKind
    issuer: Literal["self", "other"] = "self"
    issuer_name: str | None = None
    subject: tuple[str, ...] = ()
    not_before: Deadline | None = None
    deadline: Deadline | None = None
    count: int = Field(default=1, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _read_kind(cls, data: object) -> object:
        if isinstance(data, dict) and "doc_kind" in data:
            data = {**data, "doc_kind": _kind(data["doc_kind"])}
        return data


class StatisticProduct(Strict):
    """Named figures; `last_year: true` when last year's values are needed too."""

    type: Literal["statistic"]
    id: str
    title: str
    variables: tuple[str, ...] = Field(min_length=1)
    last_year: Flag = False


class ItemProduct(Strict):
    """Links (đường link) or photos (hình ảnh), matched by sub-criterion id or keywords."""

    type: Literal["link", "photo"]
    id: str
    title: str
    subject: tuple[str, ...] = ()
    count: int = Field(default=1, ge=1)


Product = Annotated[DocumentProduct | StatisticProduct | ItemProduct, Field(discriminator="type")]


class NotApplicable(Strict):
    """When a node does not apply to a unit: excluded from its maximum (pattern 10)."""

    declarable: Flag = False
    if_zero: str | None = None
    reason: str | None = None


class Leaf(Strict):
    """A scored node: a sub-criterion (TCTP), or a criterion scored directly."""

    id: str
    title: str
    points: Decimal = Field(ge=0)
    responsible: str | None = None
    requirement: str | None = None
    evidence: tuple[Product, ...] = ()
    method: Method
    not_applicable: NotApplicable | None = None
    provenance: Provenance

    @property
    def is_adjustment(self) -> bool:
        """Bonus and deduction nodes sit outside the maximum."""
        return self.method.adjustment != 0


class Criterion(Strict):
    """A criterion (tiêu chí): either split into sub-criteria or scored itself."""

    id: str
    title: str
    points: Decimal = Field(ge=0)
    sub_criteria: tuple[Leaf, ...] = ()
    responsible: str | None = None
    requirement: str | None = None
    evidence: tuple[Product, ...] = ()
    method: Method | None = None
    not_applicable: NotApplicable | None = None
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _split_or_scored(self) -> Criterion:
        if self.sub_criteria and self.method is not None:
            raise ValueError(
                tr(
                    "tiêu chí có 'sub_criteria' thì không có 'method' riêng",
                    "a criterion with 'sub_criteria' has no 'method' of its own",
                )
            )
        if not self.sub_criteria and self.method is None:
            raise ValueError(
                tr(
                    "tiêu chí cần 'sub_criteria' hoặc 'method' để chấm điểm",
                    "a criterion needs 'sub_criteria' or a 'method'",
                )
            )
        if self.method is not None and self.provenance is None:
            raise ValueError(
                tr(
                    "tiêu chí được chấm trực tiếp cần 'provenance'",
                    "a directly scored criterion needs 'provenance'",
                )
            )
        return self

    def as_leaf(self) -> Leaf:
        assert self.method is not None and self.provenance is not None
        return Leaf(
            id=self.id,
            title=self.title,
            points=self.points,
            responsible=self.responsible,
            requirement=self.requirement,
            evidence=self.evidence,
            method=self.method,
            not_applicable=self.not_applicable,
            provenance=self.provenance,
        )

    def leaves(self) -> tuple[Leaf, ...]:
        return self.sub_criteria if self.sub_criteria else (self.as_leaf(),)


class Area(Strict):
    """An area (lĩnh vực): one file of its own."""

    id: str
    title: str
    points: Decimal = Field(ge=0)
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    not_applicable: NotApplicable | None = None
    provenance: Provenance


class Meta(Strict):
    """The framework's own file (framework.yaml)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    title: str
    decision: Decision
    level: Level
    province: str
    year: int = Field(ge=2000, le=2100)
    period: Period | None = None
    survey_points: Decimal = Field(default=Decimal(0), ge=0)
    bands: tuple[Band, ...] = Field(min_length=1)
    rounding_step: Decimal = Field(gt=0)
    variables: dict[str, Variable] = Field(default_factory=dict)
    provenance: Provenance
    cycle: Cycle | None = None  # dates in order: checked in load/rules.py, where they are located


class Framework(Strict):
    meta: Meta
    areas: tuple[Area, ...]

    def leaves(self) -> Iterator[tuple[Area, Criterion, Leaf]]:
        for area in self.areas:
            for criterion in area.criteria:
                for leaf in criterion.leaves():
                    yield area, criterion, leaf

    @property
    def max_points(self) -> Decimal:
        return sum((a.points for a in self.areas), Decimal(0))

    def find(self, node_id: str) -> Area | Criterion | Leaf | None:
        for area in self.areas:
            if area.id == node_id:
                return area
            for criterion in area.criteria:
                if criterion.id == node_id:
                    return criterion
                for leaf in criterion.sub_criteria:
                    if leaf.id == node_id:
                        return leaf
        return None
