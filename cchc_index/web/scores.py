"""Scoring inside the server: the service's Reviewer (one compiled Scorer per framework),
one review at a time.

durable_rules keeps per-ruleset state in its C core and must not be entered from two threads
at once, so every call to `Scorer.evaluate` (and every write to a bundle) runs behind one
process-wide lock. A local server for one officer never has much to wait for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cchc_index.model.result import LeafResult, Result, Status
from cchc_index.report.reasons import reason_text
from cchc_index.scoring.evaluate import EngineName
from cchc_index.service.review import Review, Reviewer, Unloaded

LOCK = threading.RLock()


Unit = Review | Unloaded  # a bundle as the pages show it: reviewed, or the problems that stop it


class Scores:
    """The server's Reviewer: one Scorer per framework, kept between requests."""

    def __init__(self, rules_dir: Path | None, engine: EngineName = "durable") -> None:
        self.reviewer = Reviewer(rules_dir, engine, kept=True)

    @property
    def rules_dir(self) -> Path | None:
        return self.reviewer.rules_dir

    def unit(self, folder: Path) -> Unit:
        with LOCK:
            return self.reviewer.unit(folder)


def reason_of(leaf: LeafResult) -> str:
    """The reason sentence of a sub-criterion (the one place the web reads it)."""
    return reason_text(leaf)


def total_range(unit: Unit) -> tuple[Decimal, Decimal] | None:
    """(lowest, highest) total while items await the reviewers' confirmation (every pending
    item refused, or every one confirmed); None when nothing is pending."""
    found = unit.layers.range if unit.layers is not None else None
    return None if found is None else (found.low.total, found.high.total)


@dataclass(frozen=True)
class Mark:
    """A sub-criterion's status and points at one moment (what a page says of it)."""

    status: Status
    points: Decimal


@dataclass(frozen=True)
class Change:
    node: str
    title: str
    before: Mark
    after: Mark


def changes(before: Result | None, after: Result | None) -> list[Change]:
    """The sub-criteria whose points or status an edit changed."""
    if before is None or after is None:
        return []
    old = {r.id: r for r in before.leaves}
    return [
        Change(r.id, r.title, _mark(old[r.id]), _mark(r))
        for r in after.leaves
        if r.id in old and (old[r.id].points, old[r.id].status) != (r.points, r.status)
    ]


def _mark(leaf: LeafResult) -> Mark:
    return Mark(leaf.status, leaf.points)
