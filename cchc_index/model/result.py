"""The result of scoring one unit: data that every renderer reads, none computes.

Plain dataclasses rather than pydantic models: a result is built by the engine, never parsed
from user input. Nothing changes a result once it is built (`dataclasses.replace` copies);
the records built ~100 times a unit (`Reason`, `LeafResult`, `NodeResult`) are not declared
frozen only because a frozen dataclass's `__init__` costs more on the batch's hot path
(docs/performance-notes.md).
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any


class Status(enum.StrEnum):
    MET = "đạt"
    PARTLY = "đạt một phần"
    NOT_MET = "không đạt"
    MISSING = "thiếu minh chứng"
    NOT_APPLICABLE = "không áp dụng"
    SURVEY = "do tỉnh chấm"
    PENDING = "chờ xác nhận"

    @property
    def english(self) -> str:
        return _ENGLISH[self]


_ENGLISH = {
    Status.MET: "met",
    Status.PARTLY: "partly met",
    Status.NOT_MET: "not met",
    Status.MISSING: "evidence missing",
    Status.NOT_APPLICABLE: "not applicable",
    Status.SURVEY: "scored by the province (survey)",
    Status.PENDING: "awaiting reviewer confirmation",
}


DECLARATION = "tu-danh-gia"  # the pseudo product of a qualitative node: the unit's declaration


class ReasonKind(enum.StrEnum):
    """Why a node has its points; the words are chosen by a renderer (report/reasons.py)."""

    SCORED = "scored"  # the method's tiers decided: its own sentence
    SURVEY = "survey"  # scored by the province's survey
    NOT_APPLICABLE = "not_applicable"  # declared or ruled not applicable (`text`: the reason)
    NOTHING_AROSE = "nothing_arose"  # a zero base, and the node does not apply
    MISSING = "missing"  # products missing (`items`: their titles)
    NONE_AROSE_FULL = "none_arose_full"  # a zero base, and the framework gives full points
    NONE_AROSE_ZERO = "none_arose_zero"  # a zero base, and the framework gives 0
    PARTS = "parts"  # a node scored by parts: each part's own reason (`LeafResult.parts`)


@dataclass(slots=True)  # built per node of every unit: see the module docstring
class Reason:
    """How a node's points came about, as data: a kind, the method, and its values."""

    kind: ReasonKind
    method: str
    detail: dict[str, str] = field(default_factory=dict)
    items: tuple[str, ...] = ()  # the evidence used, or the titles of missing products
    text: str = ""  # data quoted as is: a declared not-applicable reason


@dataclass(frozen=True, slots=True)
class Considered:
    """A row of the bundle that was considered for a product and not used, and the one
    reason why (`why`: kind, issuer, issuer_name, excluded, keywords, too_early)."""

    product: str
    row: str  # the row as the user knows it: "472/KH-UBND ngày 16/12/2019"
    why: str
    value: str = ""  # what decided it: the excluded word, the missing word, the kind …
    where: str = ""  # "documents.csv:7" when the row's line is known


@dataclass(slots=True)  # built per node of every unit: see the module docstring
class LeafResult:
    id: str
    title: str
    area: str
    criterion: str
    max_points: Decimal
    points: Decimal
    status: Status
    reason: Reason
    evidence: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    adjustment: int = 0  # +1 bonus, -1 deduction, 0 a regular sub-criterion
    illustrative: tuple[str, ...] = ()  # values the source does not give (points, deadline …)
    considered: tuple[Considered, ...] = ()  # rows looked at and not used, with the reason
    parts: tuple[LeafResult, ...] = ()  # a node scored by parts: each part's own result


@dataclass(slots=True)  # built per node of every unit: see the module docstring
class NodeResult:
    """A criterion or area rolled up: points of its applicable leaves, and its index."""

    id: str
    title: str
    max_points: Decimal
    points: Decimal
    index_percent: Decimal | None


@dataclass(frozen=True, slots=True)
class MissingProduct:
    node: str
    node_title: str
    product: str
    title: str
    responsible: str | None
    requirement: str | None
    gain: Decimal  # points added if this product alone is supplied, compliant
    gain_together: Decimal  # points added if every missing product of the node is supplied
    upper_bound: bool  # True when the gain assumes figures not yet known meet the requirement
    part: str | None = None  # the part of the node that needs it ("a"), for a node with parts


@dataclass(frozen=True, slots=True)
class Result:
    framework: str
    framework_title: str
    unit: str
    year: int
    leaves: tuple[LeafResult, ...]
    criteria: tuple[NodeResult, ...]
    areas: tuple[NodeResult, ...]
    bonus: Decimal
    deduction: Decimal
    total: Decimal
    max_points: Decimal  # the applicable maximum of the self-assessed part
    survey_points: Decimal
    index_percent: Decimal | None
    band: str | None
    missing: tuple[MissingProduct, ...]
    engine: str
    level: str | None = None  # the unit's level: its block's bands, where it has some, apply
    band_block: str | None = None  # the block whose own bands gave `band` (None: the framework's)


# a node scored by parts: absent elsewhere; no known level, no block's own bands: absent
_ONLY_WHEN_USED = {"parts": (), "part": None, "level": None, "band_block": None}


def _unused(key: str, value: Any) -> bool:
    return key in _ONLY_WHEN_USED and value in ((), [], None)


def as_json(value: Any) -> Any:
    """A result (or part of one) as JSON-ready data: Decimals as strings, statuses as text."""
    if hasattr(value, "__dataclass_fields__"):
        value = asdict(value)
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items() if not _unused(k, v)}
    if isinstance(value, list | tuple):
        return [as_json(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value
