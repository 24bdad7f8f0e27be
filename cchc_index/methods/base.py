"""What every scoring method works with: the facts it reads, the metric it derives, its tiers.

A method does two things. `derive` reduces a unit's evidence for one sub-criterion to a
single number (the metric) in Python, exactly, with Decimal. `tiers` says, as plain
comparisons on that number, how many points each range earns; the engine compiles the
tiers into durable_rules rules. A method never prints and never rolls points up.
"""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar, Literal, Protocol

from cchc_index.fields import Strict
from cchc_index.i18n import num, tr

Op = Literal[">=", ">", "<", "<="]
# The one comparison table: the methods' own tiers, the compiler and the reference engine.
OPS: dict[Op, Callable[[Decimal, Decimal], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<": operator.lt,
    "<=": operator.le,
}
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
    none_arose: bool = False  # nothing arose (a zero base) and the framework gives full points
    zero_base: bool = False  # nothing arose and the framework gives 0
    not_applicable: bool = False
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cond:
    op: Op
    bound: Decimal

    def holds(self, value: Decimal) -> bool:
        return OPS[self.op](value, self.bound)

    def words(self) -> str:
        return f"{self.op.replace('>=', '≥').replace('<=', '≤')} {num(self.bound)}"


@dataclass(frozen=True)
class Tier:
    """A range of the metric and its points; `points=None` awards the metric's own `award`."""

    conds: tuple[Cond, ...]
    points: Decimal | None

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


@dataclass(frozen=True, slots=True)
class Ref:
    """A name a method's parameters refer to, and where it sits under `method`."""

    path: tuple[str | int, ...]
    name: str
    kind: Literal["product", "variable"]


@dataclass(frozen=True, slots=True)
class Said:
    """What a method's reason sentence is made from: data of the result, never words."""

    detail: Mapping[str, str]
    earned: Decimal
    pending: bool = False  # awaiting a reviewer (a qualitative declaration)
    items: tuple[str, ...] = ()  # the evidence used, as labels


def n(text: str | None) -> str:
    """A detail value ('31724', '84.09') in the reader's number form; other text unchanged."""
    if text is None:
        return "?"
    try:
        return num(Decimal(text), 2) if "." in text else num(Decimal(text))
    except ArithmeticError:
        return text


class MethodBase(Strict):
    """One scoring method and everything about it.

    A subclass adds its parameters and a `type` literal, and owns: how its metric is derived
    (`derive`), its tiers (`tiers`), the problems of its parameters (`problems`), the names it
    refers to (`references`), its one-line summary and the name of its metric in both
    languages (`SUMMARY`, `METRIC`), the sentence that says how a unit's points came about
    (`sentence`), and how `explain` describes it (`describe`). It is registered by one line in
    `methods/registry.py`; `tests/test_methods.py` fails when any of these is missing.
    """

    type: str
    SUMMARY: ClassVar[tuple[str, str]] = ("", "")
    METRIC: ClassVar[tuple[str, str]] = ("", "")

    def references(self) -> tuple[Ref, ...]:
        return ()

    def variables(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.references() if r.kind == "variable")

    def products(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.references() if r.kind == "product")

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        raise NotImplementedError

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        raise NotImplementedError

    def problems(self, max_points: Decimal) -> list[tuple[tuple[str | int, ...], str]]:
        """Semantic problems of the parameters: (location under `method`, message)."""
        return []

    def reach(self, max_points: Decimal) -> tuple[Decimal, Decimal] | None:
        """The least and the most this method can award on a node of `max_points` (None when
        it is not the unit's to earn, as a survey item). `validate` requires the most to be
        the node's points: a 0,5-point node whose method gives at most 0,2 is refused.

        The default reads the tiers: a computed tier (points=None) can reach the maximum (a
        ratio of 100 %, a formula or a capped count is clamped there); the least is 0, which
        every node earns without its evidence."""
        tiers = self.tiers(max_points)
        if not tiers:
            return None
        most = max(max_points if t.points is None else t.points for t in tiers)
        return Decimal(0), most

    @classmethod
    def sentence(cls, said: Said) -> str:
        """How the points came about, in the current language (called by renderers only)."""
        raise NotImplementedError

    def describe(self, max_points: Decimal) -> list[str]:
        """`explain`: the summary, then each tier as 'metric ≥ x: points'."""
        lines = [tr(self.SUMMARY[0], self.SUMMARY[1])]
        metric = tr(*self.METRIC)
        for tier in self.tiers(max_points):
            when = ", ".join(f"{metric} {c.words()}" for c in tier.conds) or metric
            award = tr("theo công thức", "computed") if tier.points is None else num(tier.points)
            lines.append(f"  {when}: {award}")
        return lines

    @property
    def self_scored(self) -> bool:
        return True

    @property
    def optional_products(self) -> tuple[str, ...]:
        """Products whose absence is not "missing evidence" (the method scores without them)."""
        return ()

    @property
    def needs_declaration(self) -> bool:
        """The unit's own met/not-met declaration is the product (a qualitative node)."""
        return False

    @property
    def reads_declaration(self) -> bool:
        """The unit's declaration counts for this node (required or, as an explanation in
        place of missing evidence, optional)."""
        return self.needs_declaration

    @property
    def needs_last_year(self) -> bool:
        """A statistic product must carry last year's figure (growth)."""
        return False

    @property
    def needs_review(self) -> bool:
        return False

    @property
    def adjustment(self) -> int:
        """+1 a bonus, -1 a deduction (both outside the maximum), 0 a regular node."""
        return 0

    @property
    def sign(self) -> int:
        return -1 if self.adjustment < 0 else 1


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
