"""Methods the unit cannot settle with numbers: qualitative declarations, survey items."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from cchc_index.methods.base import Cond, Facts, MethodBase, Metric, Tier, above_max


class Qualitative(MethodBase):
    """Pattern 3. The unit declares `đạt` with an explanation; a reviewer must confirm."""

    type: Literal["qualitative"]
    points: Decimal | None = Field(default=None, ge=0)

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        declared = facts.declaration()
        if declared is None:
            return Metric(None)
        return Metric(
            Decimal(1 if declared.met else 0), detail={"explanation": declared.explanation}
        )

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", Decimal(1)),), points, "declared_met"),)

    def problems(self, max_points: Decimal) -> list[tuple[tuple[str | int, ...], str]]:
        return above_max("points", self.points, max_points)

    @property
    def needs_review(self) -> bool:
        return True


class Survey(MethodBase):
    """Pattern 11. Scored by the province's sociological survey, never by the unit itself."""

    type: Literal["survey"]

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        return Metric(None)

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return ()

    @property
    def self_scored(self) -> bool:
        return False
