"""Methods scored on documents and other products: presence, timeliness, all-of-set."""

# No `from __future__ import annotations` here: pydantic builds these classes faster from
# annotations Python has already evaluated (docs/performance-notes.md).

from decimal import Decimal
from typing import Literal

from pydantic import Field

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
    above_max,
)


class Presence(MethodBase):
    """Pattern 1. The product exists (as many as it asks for): `points`, else 0."""

    type: Literal["presence"]
    product: str
    points: Decimal | None = Field(default=None, ge=0)

    SUMMARY = (
        "Có sản phẩm (đủ số lượng) thì được điểm, không có thì 0.",
        "The product exists (as many as required): points; otherwise 0.",
    )
    METRIC = ("có sản phẩm (1 = có)", "product present (1 = yes)")

    def references(self) -> tuple[Ref, ...]:
        return (Ref(("product",), self.product, "product"),)

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        match = facts.product(self.product)
        return Metric(Decimal(1 if match.present else 0), detail={"count": str(match.count)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(1)),), points),)

    def problems(self, max_points: Decimal) -> Problems:
        return above_max("points", self.points, max_points)

    @classmethod
    def sentence(cls, said: Said) -> str:
        earned = num(said.earned)
        return tr(f"Có đủ minh chứng → {earned} điểm.", f"Evidence present → {earned} points.")


class Timeliness(MethodBase):
    """Pattern 2. On time: `on_time`; late (within `late_within_days` if set): `late`; none: 0."""

    type: Literal["timeliness"]
    product: str
    on_time: Decimal = Field(ge=0)
    late: Decimal = Field(ge=0)
    late_within_days: int | None = Field(default=None, ge=1)

    SUMMARY = (
        "Đúng hạn: điểm đủ; trễ hạn: điểm trễ; không có: 0.",
        "On time: full points; late: the late points; none: 0.",
    )
    METRIC = ("số ngày trễ hạn", "days late")

    def references(self) -> tuple[Ref, ...]:
        return (Ref(("product",), self.product, "product"),)

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
            Tier((Cond("<=", Decimal(0)),), self.on_time),
            Tier(tuple(late), self.late),
        )

    def problems(self, max_points: Decimal) -> Problems:
        found = above_max("on_time", self.on_time, max_points)
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

    @classmethod
    def sentence(cls, said: Said) -> str:
        late = int(said.detail.get("days_late", "0"))
        when = (
            tr("đúng hạn", "on time") if late == 0 else tr(f"trễ {late} ngày", f"{late} days late")
        )
        doc = said.items[0] if said.items else tr("Văn bản", "The document")
        earned = num(said.earned)
        return tr(
            f"{doc}: ban hành {when} → {earned} điểm.", f"{doc}: issued {when} → {earned} points."
        )


class AllOf(MethodBase):
    """Pattern 5. Every product in the set present and on time: `points`, else 0."""

    type: Literal["all_of"]
    required: tuple[str, ...] = Field(alias="products", min_length=1)
    points: Decimal | None = Field(default=None, ge=0)

    SUMMARY = (
        "Có đủ cả bộ sản phẩm, mỗi sản phẩm đúng hạn: điểm đủ; thiếu một: 0.",
        "Every product of the set, each on time: full points; otherwise 0.",
    )
    METRIC = ("số sản phẩm có và đúng hạn", "products present and on time")

    def references(self) -> tuple[Ref, ...]:
        return tuple(Ref(("products", i), p, "product") for i, p in enumerate(self.required))

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        matches = [facts.product(p) for p in self.required]
        good = sum(1 for m in matches if m.present and (m.days_late or 0) == 0)
        return Metric(Decimal(good), detail={"good": str(good), "total": str(len(matches))})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(len(self.required))),), points),)

    def problems(self, max_points: Decimal) -> Problems:
        found = above_max("points", self.points, max_points)
        if len(set(self.required)) != len(self.required):
            found.append(
                (
                    ("products",),
                    tr("một sản phẩm được liệt kê hai lần", "a product is listed twice"),
                )
            )
        return found

    @classmethod
    def sentence(cls, said: Said) -> str:
        good, total, earned = said.detail.get("good"), said.detail.get("total"), num(said.earned)
        return tr(
            f"{good}/{total} sản phẩm có đủ và đúng hạn → {earned} điểm.",
            f"{good}/{total} products present and on time → {earned} points.",
        )
