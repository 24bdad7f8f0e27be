"""What every scoring method works with: the facts it reads, the metric it derives, its tiers.

A method does two things. `derive` reduces a unit's evidence for one sub-criterion to a
single number (the metric) in Python, exactly, with Decimal. `tiers` says, as plain
comparisons on that number, how many points each range earns; the engine compiles the
tiers into durable_rules rules. A method never prints and never rolls points up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, Protocol

from cchc_index.fields import Strict
from cchc_index.i18n import tr

Op = Literal[">=", ">", "<", "<="]
NonePolicy = Literal["full", "zero", "not_applicable"]


@dataclass(slots=True)  # per-unit record: slots, not frozen (4× cheaper to build)
class ProductMatch:
    """How one required evidence product was found in the bundle."""

    product_id: str
    present: bool
    count: int = 0
    items: tuple[str, ...] = ()
    days_late: int | None = None  # documents with a deadline: 0 when on time


@dataclass(slots=True)  # per-unit record: slots, not frozen (4× cheaper to build)
class Declaration:
    met: bool
    explanation: str


class Facts(Protocol):
    """What a method may read about one unit, for one sub-criterion."""

    @property
    def year(self) -> int: ...

    def product(self, product_id: str) -> ProductMatch: ...

    def value(self, variable: str) -> Decimal | None: ...

    def last_year(self, variable: str) -> Decimal | None: ...

    def declaration(self) -> Declaration | None: ...


@dataclass(slots=True)  # per-unit record: slots, not frozen (4× cheaper to build)
class Metric:
    """The one number the tiers test, and what the reason sentence needs."""

    value: Decimal | None
    award: Decimal | None = None  # points computed by the method (pro rata, formula, bonus)
    none_arose: bool = False
    not_applicable: bool = False
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cond:
    op: Op
    bound: Decimal

    def holds(self, value: Decimal) -> bool:
        if self.op == ">=":
            return value >= self.bound
        if self.op == ">":
            return value > self.bound
        if self.op == "<":
            return value < self.bound
        return value <= self.bound


@dataclass(frozen=True)
class Tier:
    """A range of the metric and its points; `points=None` awards the metric's own `award`."""

    conds: tuple[Cond, ...]
    points: Decimal | None
    label: str

    def matches(self, metric: Metric) -> bool:
        return metric.value is not None and all(c.holds(metric.value) for c in self.conds)


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    """a / b as a percentage, exact to 28 digits."""
    return numerator * 100 / denominator


def round_step(value: Decimal, step: Decimal) -> Decimal:
    """Round to the framework's step (half up), e.g. 0.01 or 0.25."""
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(high, value))


class MethodBase(Strict):
    """Common interface; each subclass adds its parameters and a `type` literal."""

    def variables(self) -> tuple[str, ...]:
        return ()

    def products(self) -> tuple[str, ...]:
        return ()

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        raise NotImplementedError

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        raise NotImplementedError

    def problems(self, max_points: Decimal) -> list[tuple[tuple[str | int, ...], str]]:
        """Semantic problems of the parameters: (location under `method`, message)."""
        return []

    @property
    def self_scored(self) -> bool:
        return True

    @property
    def needs_review(self) -> bool:
        return False

    @property
    def sign(self) -> int:
        return 1


def sum_values(facts: Facts, names: tuple[str, ...]) -> Decimal | None:
    values = [facts.value(n) for n in names]
    if any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


Problems = list[tuple[tuple[str | int, ...], str]]


def above_max(field: str, points: Decimal | None, max_points: Decimal) -> Problems:
    """A problem when a method's own points exceed the node's maximum."""
    if points is None or points <= max_points:
        return []
    return [
        (
            (field,),
            tr(
                f"điểm {points} vượt điểm tối đa {max_points}",
                f"points {points} exceed the maximum {max_points}",
            ),
        )
    ]
