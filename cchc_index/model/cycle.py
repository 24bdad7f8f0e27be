"""The dates of a framework's yearly cycle (framework.yaml `cycle:`): when self-assessment is
due and when each appraisal round takes place."""

# No `from __future__ import annotations` here: pydantic builds these classes faster from
# annotations Python has already evaluated (docs/performance-notes.md).

import datetime as dt

from pydantic import Field, model_validator

from cchc_index.fields import Deadline, Strict
from cchc_index.i18n import tr


class CycleRound(Strict):
    round: int = Field(ge=1, le=2)
    due: Deadline
    title: str | None = None


class Cycle(Strict):
    """Self-assessment due date and appraisal rounds, each relative to the assessment year."""

    self_assessment_due: Deadline
    rounds: tuple[CycleRound, ...] = ()

    @model_validator(mode="after")
    def _in_order(self) -> "Cycle":
        numbers = [r.round for r in self.rounds]
        if len(set(numbers)) != len(numbers) or numbers != sorted(numbers):
            raise ValueError(
                tr(
                    "các lần thẩm định phải ghi mỗi lần một lần, theo thứ tự 1, 2",
                    "appraisal rounds must appear once each, in order 1, 2",
                )
            )
        return self

    def order_problem(self, year: int) -> str | None:
        """Why the dates of `year`'s cycle are out of order, or None."""
        dates = [self.self_due(year), *(r.due.resolve(year) for r in self.rounds)]
        if dates == sorted(dates):
            return None
        return tr(
            "hạn tự đánh giá phải trước các lần thẩm định, lần 1 trước lần 2",
            "self-assessment must be due before the rounds, round 1 before round 2",
        )

    def round_due(self, number: int, year: int) -> dt.date | None:
        found = next((r for r in self.rounds if r.round == number), None)
        return found.due.resolve(year) if found is not None else None

    def self_due(self, year: int) -> dt.date:
        return self.self_assessment_due.resolve(year)
