"""The framework (Bộ chỉ số): metadata, areas, criteria, sub-criteria and their evidence."""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, model_validator

from cchc_index.docnumber import DocKind, kind_from_text
from cchc_index.fields import Deadline, Flag, Strict, VnDate
from cchc_index.i18n import tr
from cchc_index.methods.registry import Method
from cchc_index.model.cycle import Cycle
from cchc_index.model.sources import Completeness, Scheme, SourceDefect
from cchc_index.model.workdays import HolidayYear

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
    source_defects: tuple[SourceDefect, ...] = ()


class Decision(Strict):
    number: str
    date: VnDate | None = None
    issuer: str
    title: str | None = None


class Band(Strict):
    """A classification band: from `min_percent` (inclusive) of the applicable maximum."""

    name: str
    min_percent: Decimal = Field(ge=0, le=100)


class Block(Strict):
    """A block ranked on its own (khối): sở/ban/ngành, phường, xã/đặc khu; units belong to it
    by their level (or by name in the province file); `bands` replace the framework's own
    for this block (Hải Phòng 2025: a ward is "xuất sắc" from 93 points)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    title: str
    levels: tuple[Level, ...] = ()
    bands: tuple[Band, ...] = ()


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


class After(Strict):
    """A deadline relative to another product's date: "trong 7 ngày làm việc kể từ ngày kế
    hoạch của tỉnh ban hành". The other product is a document of the same node."""

    product: str
    working_days: int = Field(ge=1, le=366)


class DocumentProduct(Strict):
    """A document the unit (or another body) must have issued."""

    type: Literal["document"]
    id: str
    title: str
    doc_kind: DocKind
    issuer: Literal["self", "other"] = "self"
    issuer_name: str | None = None
    subject: tuple[str, ...] = ()
    # words that must NOT be in the subject: the annual CCHC plan is not the CCHC propaganda
    # plan, though both subjects hold "cải cách hành chính"
    subject_excludes: tuple[str, ...] = ()
    not_before: Deadline | None = None
    deadline: Deadline | None = None
    after: After | None = None  # a deadline in working days after another product's date
    count: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _one_deadline(self) -> "DocumentProduct":
        if self.after is not None and (self.deadline is not None or self.after.product == self.id):
            raise ValueError(
                tr(
                    "'after' thay cho 'deadline' và chỉ tới một sản phẩm khác",
                    "'after' replaces 'deadline' and names another product",
                )
            )
        return self

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


class Part(Strict):
    """An independent part of a scored node ("đầy đủ nội dung: 0,3" + "đúng thời gian: 0,2"):
    its own points, method and evidence; the node earns the sum of its parts."""

    id: str = Field(pattern=r"^[a-z0-9]{1,4}$")
    title: str
    points: Decimal = Field(ge=0)
    requirement: str | None = None
    evidence: tuple[Product, ...] = ()
    method: Method
    provenance: Provenance | None = None


PART_SEP = "#"  # a part scores as its own unit "1.1.1#a"


def _method_or_parts(method: Method | None, parts: tuple[Part, ...]) -> None:
    if method is not None and parts:
        raise ValueError(
            tr(
                "một mục chấm bằng 'method' hoặc bằng 'parts', không cả hai",
                "a node is scored by 'method' or by 'parts', not both",
            )
        )


class Leaf(Strict):
    """A scored node: a sub-criterion (TCTP), or a criterion scored directly; scored by one
    `method`, or by `parts` that each have their own."""

    id: str
    title: str
    points: Decimal = Field(ge=0)
    responsible: str | None = None
    requirement: str | None = None
    evidence: tuple[Product, ...] = ()
    method: Method | None = None
    parts: tuple[Part, ...] = ()
    not_applicable: NotApplicable | None = None
    provenance: Provenance

    @model_validator(mode="after")
    def _scored(self) -> "Leaf":
        _method_or_parts(self.method, self.parts)
        if self.method is None and not self.parts:
            raise ValueError(
                tr(
                    "mục được chấm cần 'method' hoặc 'parts'",
                    "a scored node needs 'method' or 'parts'",
                )
            )
        return self

    @property
    def scoring(self) -> Method:
        """The method of a unit (a node without parts, or one part of a node)."""
        assert self.method is not None, self.id
        return self.method

    @property
    def is_adjustment(self) -> bool:
        """Bonus and deduction nodes sit outside the maximum."""
        return self.method is not None and self.method.adjustment != 0

    def units(self) -> tuple["Leaf", ...]:
        """What is scored on its own: the node itself, or each part as `<id>#<part>`."""
        return self.part_units if self.parts else (self,)

    @cached_property
    def part_units(self) -> tuple["Leaf", ...]:
        # Built once per node, for the reasons given at `Criterion.scored_leaf` (never the
        # node itself: a model holding itself would make `==` recurse without end).
        return tuple(
            Leaf(
                id=f"{self.id}{PART_SEP}{p.id}",
                title=p.title,
                points=p.points,
                responsible=self.responsible,
                requirement=p.requirement,
                evidence=p.evidence,
                method=p.method,
                provenance=p.provenance or self.provenance,
            )
            for p in self.parts
        )


class Criterion(Strict):
    """A criterion (tiêu chí): either split into sub-criteria or scored itself."""

    id: str
    title: str
    points: Decimal = Field(ge=0)
    source_points: Decimal | None = Field(default=None, ge=0)  # see Area.source_points
    sub_criteria: tuple[Leaf, ...] = ()
    responsible: str | None = None
    requirement: str | None = None
    evidence: tuple[Product, ...] = ()
    method: Method | None = None
    parts: tuple[Part, ...] = ()
    not_applicable: NotApplicable | None = None
    provenance: Provenance | None = None

    @property
    def scored(self) -> bool:
        return self.method is not None or bool(self.parts)

    @model_validator(mode="after")
    def _split_or_scored(self) -> "Criterion":
        _method_or_parts(self.method, self.parts)
        if self.sub_criteria and self.scored:
            raise ValueError(
                tr(
                    "tiêu chí có 'sub_criteria' thì không có 'method' riêng",
                    "a criterion with 'sub_criteria' has no 'method' of its own",
                )
            )
        if not self.sub_criteria and not self.scored:
            raise ValueError(
                tr(
                    "tiêu chí cần 'sub_criteria' hoặc 'method' (hay 'parts') để chấm điểm",
                    "a criterion needs 'sub_criteria' or a 'method' (or 'parts')",
                )
            )
        if self.scored and self.provenance is None:
            raise ValueError(
                tr(
                    "tiêu chí được chấm trực tiếp cần 'provenance'",
                    "a directly scored criterion needs 'provenance'",
                )
            )
        return self

    def as_leaf(self) -> Leaf:
        """The criterion as the node it scores (built once: see `scored_leaf`)."""
        return self.scored_leaf

    @cached_property
    def scored_leaf(self) -> Leaf:
        # Cached in the instance (models are frozen): every `Framework.leaves()` of every unit
        # used to validate a new Leaf, and a framework from the cache (load/framework_cache.py)
        # carries these already built, so `score` never builds the Leaf validator.
        assert self.scored and self.provenance is not None
        return Leaf(
            id=self.id,
            title=self.title,
            points=self.points,
            responsible=self.responsible,
            requirement=self.requirement,
            evidence=self.evidence,
            method=self.method,
            parts=self.parts,
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
    # the maximum the source gives when only some of the node's rows are encoded (Cà Mau's
    # area 1 is 20 points; 10 are encoded): shown, never scored against
    source_points: Decimal | None = Field(default=None, ge=0)
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    not_applicable: NotApplicable | None = None
    # a content of bonus and penalty points (Hà Nội's ninth): the most its bonuses add and its
    # deductions take off together, whatever each node's own cap
    bonus_cap: Decimal | None = Field(default=None, ge=0)
    deduction_cap: Decimal | None = Field(default=None, ge=0)
    provenance: Provenance

    @model_validator(mode="after")
    def _source_at_least_encoded(self) -> "Area":
        if self.source_points is not None and self.source_points < self.points:
            raise ValueError(
                tr(
                    f"'source_points' ({self.source_points}) nhỏ hơn 'points' ({self.points})",
                    f"'source_points' ({self.source_points}) is below 'points' ({self.points})",
                )
            )
        return self


class Meta(Strict):
    """The framework's own file (framework.yaml)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    title: str
    decision: Decision
    level: Level
    province: str
    year: int = Field(ge=2000, le=2100)
    scheme: Scheme | None = None  # the national scheme (Đề án) followed: 876/QĐ-BNV, 1187/QĐ-BNV …
    completeness: Completeness | None = None
    period: Period | None = None
    survey_points: Decimal = Field(default=Decimal(0), ge=0)
    bands: tuple[Band, ...] = Field(min_length=1)
    blocks: tuple[Block, ...] = ()
    rounding_step: Decimal = Field(gt=0)
    variables: dict[str, Variable] = Field(default_factory=dict)
    # public holidays of some years, replacing the shipped computed ones (model/holidays.yaml)
    holidays: dict[int, HolidayYear] = Field(default_factory=dict)
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

    def units(self) -> Iterator[tuple[Area, Criterion, Leaf, Leaf]]:
        """Every scored unit with the node it belongs to (a part's node, or the node itself)."""
        for area, criterion, leaf in self.leaves():
            for unit in leaf.units():
                yield area, criterion, leaf, unit

    @cached_property
    def nodes_by_id(self) -> Mapping[str, Area | Criterion | Leaf]:
        """Every area, criterion, sub-criterion and part ("1.1.1#a") by id; built once, as
        the model is frozen (batch checks every bundle's `for` ids against it)."""
        nodes: dict[str, Area | Criterion | Leaf] = {a.id: a for a in self.areas}
        nodes |= {c.id: c for a in self.areas for c in a.criteria}
        nodes |= {leaf.id: leaf for _, _, leaf in self.leaves()}
        nodes |= {unit.id: unit for _, _, _, unit in self.units()}
        return nodes  # read-only by its type; a plain dict, so the framework still pickles

    @cached_property
    def scored_ids(self) -> frozenset[str]:
        """Ids a product can count for: sub-criteria (or criteria scored directly) and parts."""
        return frozenset(leaf.id for _, _, leaf in self.leaves()) | {
            unit.id for _, _, _, unit in self.units()
        }

    def rows(self) -> int:
        """Rows of the official table these files encode: areas, criteria, sub-criteria."""
        return sum(1 + sum(1 + len(c.sub_criteria) for c in a.criteria) for a in self.areas)

    def source_defects(self) -> Iterator[tuple[str, SourceDefect]]:
        """Every recorded defect of the source text, with the node that records it."""
        found: list[tuple[str, Provenance | None]] = [(self.meta.id, self.meta.provenance)]
        for area in self.areas:
            found.append((area.id, area.provenance))
            for criterion in area.criteria:
                found.append((criterion.id, criterion.provenance))
                found += [(s.id, s.provenance) for s in criterion.sub_criteria]
                holders: tuple[Leaf | Criterion, ...] = (*criterion.sub_criteria, criterion)
                for node in holders:
                    found += [(f"{node.id}{PART_SEP}{p.id}", p.provenance) for p in node.parts]
        for node_id, provenance in found:
            for defect in provenance.source_defects if provenance is not None else ():
                yield node_id, defect

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
