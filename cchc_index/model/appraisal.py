"""The review of a unit's self-assessment (appraisal.yaml): rounds, explanations, survey points.

Layers per node: self (computed by the engine) → round 1 → round 2; the final layer of a node
is its latest layer. Survey-only nodes take the value the province entered.
"""

# No `from __future__ import annotations` here: pydantic builds these classes faster from
# annotations Python has already evaluated (docs/performance-notes.md).

import datetime as dt

from pydantic import Field, model_validator

from cchc_index.fields import Strict, VnDate, VnDecimal
from cchc_index.i18n import tr

ROUNDS = (1, 2)


class AppraisedItem(Strict):
    """The points a round gives one scored node, with the reviewer's reason."""

    node: str = Field(min_length=1)
    points: VnDecimal
    reason: str | None = None


class Round(Strict):
    """One appraisal round of the review council (Hội đồng thẩm định)."""

    round: int = Field(ge=1, le=2)
    reviewer: str = Field(min_length=1)
    date: VnDate
    submission: int | None = Field(
        default=None, ge=1
    )  # the submission it appraised (submissions/NNN)
    items: tuple[AppraisedItem, ...] = ()

    @model_validator(mode="after")
    def _one_item_per_node(self) -> "Round":
        seen: set[str] = set()
        for item in self.items:
            if item.node in seen:
                raise ValueError(
                    tr(
                        f"mục '{item.node}' xuất hiện hai lần trong lần thẩm định {self.round}",
                        f"node '{item.node}' appears twice in round {self.round}",
                    )
                )
            seen.add(item.node)
        return self


class Explanation(Strict):
    """The unit's answer (giải trình) to a round's finding, between rounds."""

    node: str = Field(min_length=1)
    date: VnDate
    text: str = Field(min_length=1)


class SurveyItem(Strict):
    node: str = Field(min_length=1)
    points: VnDecimal


class Survey(Strict):
    """Survey (điều tra xã hội học) points the province enters for survey-only nodes."""

    entered_by: str = Field(min_length=1)
    date: VnDate
    items: tuple[SurveyItem, ...] = ()


class Appraisal(Strict):
    rounds: tuple[Round, ...] = ()
    explanations: tuple[Explanation, ...] = ()
    survey: Survey | None = None

    @model_validator(mode="after")
    def _rounds_once_in_order(self) -> "Appraisal":
        numbers = [r.round for r in self.rounds]
        if len(set(numbers)) != len(numbers):
            raise ValueError(
                tr("mỗi lần thẩm định chỉ ghi một lần", "each round may appear only once")
            )
        by_number = {r.round: r for r in self.rounds}
        if 1 in by_number and 2 in by_number and by_number[2].date < by_number[1].date:
            raise ValueError(
                tr(
                    "ngày thẩm định lần 2 sớm hơn lần 1",
                    "round 2 is dated before round 1",
                )
            )
        return self

    def round(self, number: int) -> Round | None:
        return next((r for r in self.rounds if r.round == number), None)

    @property
    def last_date(self) -> dt.date | None:
        dates = [r.date for r in self.rounds]
        if self.survey is not None:
            dates.append(self.survey.date)
        return max(dates, default=None)
