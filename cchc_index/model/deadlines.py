"""Missing products split by the day they can still be produced in time (`check --on`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from cchc_index.model.layers import LayerTotal
from cchc_index.model.result import MissingProduct


@dataclass(frozen=True, slots=True)
class Timed:
    """A missing product with the last day it can still be produced in time (None: no limit
    but the self-assessment due date, if the framework gives one)."""

    product: MissingProduct
    last_day: dt.date | None
    late_gain: Decimal | None = None  # past its deadline: what supplying it late still adds


@dataclass(frozen=True, slots=True)
class Split:
    on: dt.date
    due: dt.date | None  # the self-assessment due date
    possible: tuple[Timed, ...]
    too_late: tuple[Timed, ...]
    reachable: LayerTotal | None = None  # the total if every still-possible product is supplied
    reachable_bound: bool = False  # that total assumes figures not yet known meet the requirement
