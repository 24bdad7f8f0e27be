"""A unit's cycle as a record: submissions, appraisal rounds, explanations and survey points,
in the order they happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class EventKind(StrEnum):
    SUBMISSION = "submission"
    ROUND = "round"
    EXPLANATION = "explanation"
    SURVEY = "survey"


ORDER = {EventKind.SUBMISSION: 0, EventKind.ROUND: 1, EventKind.EXPLANATION: 2, EventKind.SURVEY: 3}


@dataclass(frozen=True)
class PointChange:
    """One node a round (or the survey) scored: from the layer before it, with the reason."""

    node: str
    title: str
    before: Decimal
    after: Decimal
    reason: str | None


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: EventKind
    by: str  # who submitted, reviewed, explained or entered
    number: int | None = None  # the submission's or the round's number
    submission: int | None = None  # the submission a round appraised
    total: Decimal | None = None  # a submission's self score; a round's total after it
    changes: tuple[PointChange, ...] = ()
    node: str | None = None  # an explanation's node
    text: str | None = None  # an explanation's text


@dataclass(frozen=True)
class History:
    unit: str
    year: int
    events: tuple[Event, ...]  # in date order; on one day: submission, round, explanation
