"""Methods the unit cannot settle with numbers: qualitative declarations, survey items."""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

from decimal import Decimal
from typing import Literal

from pydantic import Field

from cchc_index.i18n import num, tr
from cchc_index.methods.base import Cond, Facts, MethodBase, Metric, Problems, Said, Tier, above_max


class Qualitative(MethodBase):
    """Pattern 3. The unit declares `đạt` with an explanation; a reviewer must confirm."""

    type: Literal["qualitative"]
    points: Decimal | None = Field(default=None, ge=0)

    SUMMARY = (
        "Đơn vị tự đánh giá đạt kèm giải trình; Hội đồng thẩm định xác nhận.",
        "The unit declares it met, with an explanation; the review council confirms.",
    )
    METRIC = ("tự đánh giá đạt (1 = đạt)", "declared met (1 = yes)")

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        declared = facts.declaration()
        if declared is None:
            return Metric(None)
        return Metric(
            Decimal(1 if declared.met else 0), detail={"explanation": declared.explanation}
        )

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(1)),), points),)

    def problems(self, max_points: Decimal) -> Problems:
        return above_max("points", self.points, max_points)

    @property
    def needs_review(self) -> bool:
        return True

    @property
    def needs_declaration(self) -> bool:
        return True

    @classmethod
    def sentence(cls, said: Said) -> str:
        why = said.detail.get("explanation", "")
        if said.pending:
            return tr(
                f"Đơn vị tự đánh giá đạt ({why}); chờ Hội đồng thẩm định xác nhận.",
                f"Self-declared met ({why}); awaiting the review council.",
            )
        if said.earned > 0:
            earned = num(said.earned)
            return tr(f"Tự đánh giá đạt → {earned} điểm.", f"Declared met → {earned} points.")
        return tr(f"Đơn vị tự đánh giá không đạt: {why}.", f"Self-declared not met: {why}.")


class Survey(MethodBase):
    """Pattern 11. Scored by the province's sociological survey, never by the unit itself."""

    type: Literal["survey"]

    SUMMARY = (
        "Do tỉnh chấm qua điều tra xã hội học; đơn vị không tự chấm.",
        "Scored by the province's survey; not self-assessed.",
    )
    METRIC = ("điểm điều tra xã hội học", "survey score")

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        return Metric(None)

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return ()

    def reach(self, max_points: Decimal) -> tuple[Decimal, Decimal] | None:
        return Decimal(0), max_points  # the survey body's number, capped at the maximum

    @property
    def self_scored(self) -> bool:
        return False

    @classmethod
    def sentence(cls, said: Said) -> str:
        return tr(cls.SUMMARY[0], cls.SUMMARY[1])
