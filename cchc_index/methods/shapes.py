"""Scoring shapes of the 2025 frameworks and of nearby national rules, said without code:
base points up to a threshold then +k a step with a cap (step_cap), and "a self-score
without evidence must explain how it was computed" (explained).

Lower-is-better: `better: lower` on step_cap, count_ladder, pro_rata and growth (ratio_bands
say either direction with their bounds).
"""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

from decimal import ROUND_FLOOR, Decimal
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
    n,
    round_step,
)
from cchc_index.methods.counts import CountSource

Better = Literal["higher", "lower"]


def steps_from(value: Decimal, threshold: Decimal, step: Decimal, better: Better) -> int | None:
    """Whole steps beyond the threshold, in the better direction; None when the threshold is
    not reached."""
    beyond = value - threshold if better == "higher" else threshold - value
    if beyond < 0:
        return None
    return int((beyond / step).to_integral_value(rounding=ROUND_FLOOR))


class StepCap(CountSource):
    """Base points on reaching a threshold, then `per_step` for each whole `step` beyond it,
    never above `cap` (the node's points when left out): "đạt ngưỡng: 2 điểm; mỗi 1 đơn vị
    vượt thêm: +0,5; tối đa 4". With `better: lower` the steps count below the threshold."""

    type: Literal["step_cap"]
    threshold: Decimal
    base: Decimal = Field(ge=0)
    per_step: Decimal = Field(gt=0)
    step: Decimal = Field(default=Decimal(1), gt=0)
    cap: Decimal | None = Field(default=None, gt=0)
    better: Better = "higher"

    SUMMARY = (
        "Đạt ngưỡng được điểm cơ sở; mỗi bậc vượt thêm được cộng điểm, không vượt mức trần.",
        "Base points on reaching the threshold; each step beyond adds points, up to the cap.",
    )
    METRIC = ("giá trị", "value")

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        value = self.count(facts)
        if value is None:
            return Metric(None)
        steps = steps_from(value, self.threshold, self.step, self.better)
        top = min(self.cap or max_points, max_points)
        award = (
            Decimal(0)
            if steps is None
            else round_step(min(self.base + steps * self.per_step, top), step)
        )
        detail = {"value": str(value), "steps": str(steps if steps is not None else -1)}
        return Metric(value, award=award, detail=detail)

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        reached = Cond(">=" if self.better == "higher" else "<=", self.threshold)
        return (Tier((reached,), None),)

    def reach(self, max_points: Decimal) -> tuple[Decimal, Decimal] | None:
        return Decimal(0), min(self.cap or max_points, max_points)

    def problems(self, max_points: Decimal) -> Problems:
        found: Problems = []
        if self.base > max_points:
            found.append(
                (
                    ("base",),
                    tr(
                        f"điểm cơ sở {self.base} vượt tối đa {max_points}",
                        f"base points {self.base} exceed the maximum {max_points}",
                    ),
                )
            )
        if self.cap is not None and self.cap > max_points:
            found.append(
                (
                    ("cap",),
                    tr(
                        f"mức trần {self.cap} vượt tối đa {max_points}",
                        f"cap {self.cap} exceeds the maximum {max_points}",
                    ),
                )
            )
        if self.cap is not None and self.cap < self.base:
            found.append(
                (
                    ("cap",),
                    tr(
                        f"mức trần {self.cap} nhỏ hơn điểm cơ sở {self.base}",
                        f"cap {self.cap} is below the base points {self.base}",
                    ),
                )
            )
        return found

    def describe(self, max_points: Decimal) -> list[str]:
        top = num(min(self.cap or max_points, max_points))
        sign = "≥" if self.better == "higher" else "≤"
        way = tr("vượt", "above") if self.better == "higher" else tr("dưới", "below")
        return [
            tr(*self.SUMMARY),
            tr(
                f"  giá trị {sign} {num(self.threshold)}: {num(self.base)} điểm; mỗi {num(self.step)} {way} ngưỡng: +{num(self.per_step)}; tối đa {top}",
                f"  value {sign} {num(self.threshold)}: {num(self.base)} points; each {num(self.step)} {way} the threshold: +{num(self.per_step)}; at most {top}",
            ),
            tr(
                f"  giá trị chưa đạt ngưỡng {num(self.threshold)}: 0",
                f"  value short of the threshold {num(self.threshold)}: 0",
            ),
        ]

    @classmethod
    def sentence(cls, said: Said) -> str:
        value, steps, earned = (
            n(said.detail.get("value")),
            said.detail.get("steps"),
            num(said.earned),
        )
        if steps is None or steps == "-1":
            return tr(
                f"Giá trị {value} chưa đạt ngưỡng → {earned} điểm.",
                f"Value {value} short of the threshold → {earned} points.",
            )
        return tr(
            f"Giá trị {value}: đạt ngưỡng, thêm {steps} bậc → {earned} điểm.",
            f"Value {value}: threshold reached, {steps} steps beyond → {earned} points.",
        )


class Explained(MethodBase):
    """ "Không có tài liệu kiểm chứng thì phải diễn giải đầy đủ, cụ thể cách đánh giá, tính
    điểm" (Hà Nội KH 307/KH-UBND, 2025): the product present earns the points; without it the
    unit's declaration must explain the computation, and then a reviewer confirms; without
    either the node earns 0. The report shows the explanation."""

    type: Literal["explained"]
    product: str
    points: Decimal | None = Field(default=None, ge=0)
    min_words: int = Field(default=5, ge=1)  # an explanation shorter than this is not one

    SUMMARY = (
        "Có tài liệu kiểm chứng thì được điểm; không có thì phải diễn giải cách tính điểm "
        "(Hội đồng thẩm định xác nhận); không có cả hai: 0.",
        "Evidence earns the points; without it the unit must explain how it computed the "
        "score (the review council confirms); neither: 0.",
    )
    METRIC = (
        "có minh chứng (2), chỉ có diễn giải (1)",
        "evidence present (2), explanation only (1)",
    )

    def references(self) -> tuple[Ref, ...]:
        return (Ref(("product",), self.product, "product"),)

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        if facts.product(self.product).present:
            return Metric(Decimal(2))
        declared = facts.declaration()
        words = len(declared.explanation.split()) if declared is not None else 0
        if declared is not None and declared.met and words >= self.min_words:
            return Metric(Decimal(1), detail={"explanation": declared.explanation, "review": "1"})
        why = declared.explanation if declared is not None else ""
        return Metric(Decimal(0), detail={"explanation": why, "short": "1"})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(1)),), points),)

    def problems(self, max_points: Decimal) -> Problems:
        if self.points is not None and self.points > max_points:
            return [
                (
                    ("points",),
                    tr(
                        f"điểm {self.points} vượt tối đa {max_points}",
                        f"points {self.points} exceed the maximum {max_points}",
                    ),
                )
            ]
        return []

    @property
    def reads_declaration(self) -> bool:
        return True

    @property
    def optional_products(self) -> tuple[str, ...]:
        """Its product may be absent: the explanation stands in for it."""
        return (self.product,)

    @classmethod
    def sentence(cls, said: Said) -> str:
        why = said.detail.get("explanation", "")
        earned = num(said.earned)
        if said.detail.get("short"):
            return tr(
                f"Không có minh chứng và không có diễn giải đủ cách tính điểm ({why or 'trống'}) → 0 điểm.",
                f"No evidence and no sufficient explanation of the computation ({why or 'empty'}) → 0 points.",
            )
        if why:
            return tr(
                f"Không có minh chứng; diễn giải: «{why}» → {earned} điểm, chờ Hội đồng thẩm định xác nhận.",
                f"No evidence; explanation: «{why}» → {earned} points, awaiting the review council.",
            )
        return tr(f"Có minh chứng → {earned} điểm.", f"Evidence present → {earned} points.")
