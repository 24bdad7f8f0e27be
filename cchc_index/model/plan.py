"""`plan`: what a unit can still do before its deadlines (actions), what they cost (costs.yaml),
and the cheapest set of them that lifts the unit to a target (the planner's outcome)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from cchc_index.fields import Strict, VnDate, VnDecimal
from cchc_index.model.bundle import Document, Item, Qualitative, Statistic
from cchc_index.model.deadlines import Timed
from cchc_index.model.layers import LayerTotal

ActionKind = Literal["document", "statistic", "link", "photo", "declaration", "adjust"]
ACTION_KINDS: tuple[ActionKind, ...] = (
    "document",
    "statistic",
    "link",
    "photo",
    "declaration",
    "adjust",
)
Cost = Annotated[VnDecimal, Field(gt=0)]  # a cost is positive: every action is some work


class Adjustable(Strict):
    """A figure the unit says it can still change before the deadline, and how far: from its
    value in statistics.yaml up (or down) to `to`, in steps of `step`."""

    to: VnDecimal = Field(ge=0)
    step: VnDecimal = Field(default=Decimal(1), gt=0)
    cost: VnDecimal | None = Field(default=None, gt=0)
    last_day: VnDate | None = None  # the last day the figure can still change (default: due)
    note: str | None = None


class Costs(Strict):
    """costs.yaml: the cost of each action (1 unless said otherwise) and the adjustable figures.
    The most specific entry wins: `actions` (an action's id), `nodes`, `kinds`, `default`."""

    default: VnDecimal = Field(default=Decimal(1), gt=0)
    kinds: dict[ActionKind, Cost] = Field(default_factory=dict)
    nodes: dict[str, Cost] = Field(default_factory=dict)
    actions: dict[str, Cost] = Field(default_factory=dict)
    adjustable: dict[str, Adjustable] = Field(default_factory=dict)


@dataclass(frozen=True)
class Action:
    """One thing the unit can still do, as the rows it adds to its bundle. Variants of one
    adjustable figure share a `group`: at most one of them is taken."""

    id: str
    kind: ActionKind
    nodes: tuple[str, ...]  # the scored nodes (or parts, "1.1.1#a") it serves
    title: str
    cost: Decimal
    last_day: dt.date | None
    members: tuple[str, ...] = ()  # every "node/product" this one row answers
    documents: tuple[Document, ...] = ()
    links: tuple[Item, ...] = ()
    photos: tuple[Item, ...] = ()
    statistics: tuple[tuple[str, Statistic], ...] = ()
    declarations: tuple[Qualitative, ...] = ()
    assumed: bool = False  # figures written as an example that meets the requirement
    late: bool = False  # past its own deadline: supplied late, earning the late points
    group: str | None = None
    before: Decimal | None = None  # an adjusted figure's value today


@dataclass(frozen=True)
class Target:
    """What the unit aims for: a band (from its minimum percent) or a number of points."""

    band: str | None
    points: Decimal  # the least total that reaches it
    percent: Decimal | None  # the band's minimum index


@dataclass(frozen=True)
class Step:
    action: Action
    gain: Decimal  # what it adds to the total, taken after the steps before it


@dataclass(frozen=True)
class Plan:
    """A set of actions, re-scored by the engine: the resulting total and, when items await a
    reviewer, the total if every one of them is refused (`low`)."""

    steps: tuple[Step, ...]
    cost: Decimal
    result: LayerTotal
    low: LayerTotal | None
    reaches: bool  # the engine's total reaches the target
    reaches_low: bool  # it does so even if every pending item is refused


@dataclass(frozen=True)
class Outcome:
    unit: str
    framework: str
    on: dt.date
    due: dt.date | None
    target: Target
    current: LayerTotal
    current_low: LayerTotal | None
    actions: tuple[Action, ...]  # every action still open on `on`
    plan: Plan | None  # the cheapest plan reaching the target (None: unreachable)
    alternatives: tuple[Plan, ...] = ()  # other plans of the same cost
    safe: Plan | None = None  # when `plan` needs pending items confirmed: one that does not
    best: Plan | None = None  # unreachable: the cheapest plan to the best band still in reach
    too_late: tuple[Timed, ...] = ()  # missing products whose deadline has passed
    past_due: bool = False  # the self-assessment due date has passed

    @property
    def gap(self) -> Decimal:
        return max(Decimal(0), self.target.points - self.current.total)


@dataclass(frozen=True)
class NextBand:
    """One unit's way up: the band above its own, the points short, the plan's size and cost
    (None when the band can no longer be reached on the day, or the unit is at the top)."""

    unit: str
    folder: str
    band: str | None
    next_band: str | None
    gap: Decimal
    actions: int | None
    cost: Decimal | None
    safe: bool  # reached even if every pending item is refused
    error: str = ""


@dataclass(frozen=True)
class Raiser:
    """`results items --raise-bands`: one product (or declaration), taken alone by every unit
    that can still take it: how many units it lifts to the band above their own."""

    key: str  # "node/product" (the first node asking for it in the framework)
    kind: ActionKind
    title: str
    units: int  # units that can still take it
    raised: int  # units it alone lifts a band
    points: Decimal  # what it adds, summed over the units
