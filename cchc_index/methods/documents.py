"""Methods scored on documents and other products: presence, timeliness, all-of-set."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from cchc_index.i18n import tr
from cchc_index.methods.base import Cond, Facts, MethodBase, Metric, Tier, above_max


class Presence(MethodBase):
    """Pattern 1. The product exists (as many as it asks for): `points`, else 0."""

    type: Literal["presence"]
    product: str
    points: Decimal | None = Field(default=None, ge=0)

    def products(self) -> tuple[str, ...]:
        return (self.product,)

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        match = facts.product(self.product)
        return Metric(Decimal(1 if match.present else 0), detail={"count": str(match.count)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(1)),), points, "present"),)

    def problems(self, max_points: Decimal) -> list[tuple[tuple[str | int, ...], str]]:
        return above_max("points", self.points, max_points)


class Timeliness(MethodBase):
    """Pattern 2. On time: `on_time`; late (within `late_within_days` if set): `late`; none: 0."""

    type: Literal["timeliness"]
    product: str
    on_time: Decimal = Field(ge=0)
    late: Decimal = Field(ge=0)
    late_within_days: int | None = Field(default=None, ge=1)

    def products(self) -> tuple[str, ...]:
        return (self.product,)

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        match = facts.product(self.product)
        if not match.present or match.days_late is None:
            return Metric(None)
        return Metric(Decimal(match.days_late), detail={"days_late": str(match.days_late)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        late = [Cond(">=", Decimal(1))]
        if self.late_within_days is not None:
            late.append(Cond("<=", Decimal(self.late_within_days)))
        return (
            Tier((Cond("<=", Decimal(0)),), self.on_time, "on_time"),
            Tier(tuple(late), self.late, "late"),
        )

    def problems(self, max_points: Decimal) -> list[tuple[tuple[str | int, ...], str]]:
        found: list[tuple[tuple[str | int, ...], str]] = []
        found.extend(above_max("on_time", self.on_time, max_points))
        if self.late > self.on_time:
            found.append(
                (
                    ("late",),
                    tr(
                        "điểm khi trễ hạn không được lớn hơn điểm khi đúng hạn",
                        "late points may not exceed on-time points",
                    ),
                )
            )
        return found


class AllOf(MethodBase):
    """Pattern 5. Every product in the set present and on time: `points`, else 0."""

    type: Literal["all_of"]
    products_: tuple[str, ...] = Field(alias="products", min_length=1)
    points: Decimal | None = Field(default=None, ge=0)

    def products(self) -> tuple[str, ...]:
        return self.products_

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        matches = [facts.product(p) for p in self.products_]
        good = sum(1 for m in matches if m.present and (m.days_late or 0) == 0)
        return Metric(Decimal(good), detail={"good": str(good), "total": str(len(matches))})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(len(self.products_))),), points, "all_on_time"),)

    def problems(self, max_points: Decimal) -> list[tuple[tuple[str | int, ...], str]]:
        found = above_max("points", self.points, max_points)
        if len(set(self.products_)) != len(self.products_):
            found.append(
                (
                    ("products",),
                    tr("một sản phẩm được liệt kê hai lần", "a product is listed twice"),
                )
            )
        return found
