"""Methods scored on a count or a sum: count ladder, formula, capped bonus and deduction."""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from cchc_index.fields import Strict
from cchc_index.i18n import num, tr
from cchc_index.methods.base import (
    Cond,
    Facts,
    MethodBase,
    Metric,
    Problems,
    Ref,
    Said,
    Tier,
    clamp,
    n,
    round_step,
)


class CountSource(MethodBase):
    """A count read either from a named variable or from how many items match a product."""

    variable: str | None = None
    product: str | None = None

    @model_validator(mode="after")
    def _exactly_one_source(self) -> "CountSource":
        if (self.variable is None) == (self.product is None):
            raise ValueError(
                tr(
                    "cần đúng một trong 'variable' hoặc 'product'",
                    "exactly one of 'variable' or 'product' is needed",
                )
            )
        return self

    METRIC = ("số lượng", "count")

    def references(self) -> tuple[Ref, ...]:
        if self.variable is not None:
            return (Ref(("variable",), self.variable, "variable"),)
        return (Ref(("product",), self.product, "product"),) if self.product else ()

    def count(self, facts: Facts) -> Decimal | None:
        if self.variable is not None:
            return facts.value(self.variable)
        assert self.product is not None
        return Decimal(facts.product(self.product).count)


class Step(Strict):
    """One step of a ladder: reached `at_least` (more is better) or `at_most` (fewer is
    better: "không có hồ sơ trễ hạn: 2; từ 1 đến 3: 1")."""

    at_least: Decimal | None = Field(default=None, ge=0)
    at_most: Decimal | None = Field(default=None, ge=0)
    points: Decimal = Field(ge=0)

    @model_validator(mode="after")
    def _one_bound(self) -> "Step":
        if (self.at_least is None) == (self.at_most is None):
            raise ValueError(
                tr(
                    "mỗi bậc cần đúng một trong 'at_least' hoặc 'at_most'",
                    "each step needs exactly one of 'at_least' or 'at_most'",
                )
            )
        return self

    @property
    def bound(self) -> Decimal:
        found = self.at_least if self.at_least is not None else self.at_most
        assert found is not None
        return found


class CountLadder(CountSource):
    """Pattern 7. The highest step reached: `4 lần: 20; 3 lần: 15; …`."""

    type: Literal["count_ladder"]
    steps: tuple[Step, ...] = Field(min_length=1)

    SUMMARY = (
        "Điểm theo bậc số lượng cao nhất đạt được.",
        "Points of the highest count step reached.",
    )

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        count = self.count(facts)
        return Metric(count, detail={"count": str(count)} if count is not None else {})

    @property
    def lower_is_better(self) -> bool:
        return self.steps[0].at_most is not None

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        tiers = []
        low = self.lower_is_better
        for i, s in enumerate(self.steps):  # exclusive ranges: one tier fires per node
            conds = [Cond("<=" if low else ">=", s.bound)]
            if i:
                conds.append(Cond(">" if low else "<", self.steps[i - 1].bound))
            tiers.append(Tier(tuple(conds), s.points))
        return tuple(tiers)

    def problems(self, max_points: Decimal) -> Problems:
        found: Problems = []
        low = self.lower_is_better
        if any((s.at_most is not None) != low for s in self.steps):
            return [
                (
                    ("steps",),
                    tr(
                        "các bậc dùng cùng một loại mốc: hoặc 'at_least' hoặc 'at_most'",
                        "steps use one kind of bound: 'at_least' or 'at_most'",
                    ),
                )
            ]
        for i, s in enumerate(self.steps):
            if s.points > max_points:
                found.append(
                    (
                        ("steps", i, "points"),
                        tr(
                            f"điểm {s.points} vượt tối đa {max_points}",
                            f"points {s.points} exceed the maximum {max_points}",
                        ),
                    )
                )
            before = self.steps[i - 1] if i else None
            if before is not None and (
                (s.bound <= before.bound if low else s.bound >= before.bound)
                or s.points > before.points
            ):
                found.append(
                    (
                        ("steps", i),
                        tr(
                            "các bậc phải xếp từ tốt nhất: số lượng "
                            + ("tăng dần" if low else "giảm dần")
                            + " và điểm giảm dần",
                            "steps must go from the best: counts "
                            + ("increasing" if low else "decreasing")
                            + " and points decreasing",
                        ),
                    )
                )
        return found

    @classmethod
    def sentence(cls, said: Said) -> str:
        return _count_sentence(said)


def _count_sentence(said: Said) -> str:
    count, earned = n(said.detail.get("count", "0")), num(said.earned)
    return tr(f"Số lượng {count} → {earned} điểm.", f"Count {count} → {earned} points.")


class Term(Strict):
    variable: str
    coefficient: Decimal


class Formula(MethodBase):
    """Pattern 13. points = constant + Σ coefficient × variable, within [0, max], to the step."""

    type: Literal["formula"]
    terms: tuple[Term, ...] = Field(min_length=1)
    constant: Decimal = Decimal(0)

    SUMMARY = (
        "Điểm = hằng số + tổng hệ số × biến, trong khoảng [0, tối đa].",
        "Points = constant + Σ coefficient × variable, within [0, maximum].",
    )
    METRIC = ("giá trị công thức", "formula value")

    def references(self) -> tuple[Ref, ...]:
        return tuple(
            Ref(("terms", i, "variable"), t.variable, "variable") for i, t in enumerate(self.terms)
        )

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        total = self.constant
        for term in self.terms:
            value = facts.value(term.variable)
            if value is None:
                return Metric(None)
            total += term.coefficient * value
        award = round_step(clamp(total, Decimal(0), max_points), step)
        return Metric(total, award=award, detail={"total": str(total)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return (Tier((), None),)

    @classmethod
    def sentence(cls, said: Said) -> str:
        total, earned = n(said.detail.get("total", "0")), num(said.earned)
        return tr(
            f"Công thức cho {total} → {earned} điểm.", f"Formula gives {total} → {earned} points."
        )


class Capped(CountSource):
    """Pattern 12. `points_each` per counted item, capped at the node's points."""

    points_each: Decimal = Field(gt=0)

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        count = self.count(facts)
        if count is None:
            return Metric(None)
        award = round_step(min(count * self.points_each, max_points), step)
        return Metric(count, award=award, detail={"count": str(count)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return (Tier((Cond(">=", Decimal(0)),), None),)


class Bonus(Capped):
    """Pattern 12. Bonus points (điểm thưởng): added to the total, outside the maximum."""

    type: Literal["bonus"]

    SUMMARY = (
        "Điểm thưởng cho mỗi mục đếm được, không vượt trần.",
        "Bonus points for each counted item, up to the cap.",
    )

    @property
    def adjustment(self) -> int:
        return 1

    @classmethod
    def sentence(cls, said: Said) -> str:
        return _count_sentence(said)


class Deduction(Capped):
    """Pattern 12. Deducted points (điểm trừ): the amount is taken off the total."""

    type: Literal["deduction"]

    SUMMARY = (
        "Điểm trừ cho mỗi mục đếm được, không vượt trần.",
        "Points deducted for each counted item, up to the cap.",
    )

    @property
    def adjustment(self) -> int:
        return -1

    @classmethod
    def sentence(cls, said: Said) -> str:
        count, earned = n(said.detail.get("count", "0")), num(said.earned)
        return tr(
            f"Số lượng {count} → bị trừ {earned} điểm.",
            f"Count {count} → {earned} points deducted.",
        )
