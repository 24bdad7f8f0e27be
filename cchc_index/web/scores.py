"""Scoring inside the server: one compiled Scorer per framework, one scoring at a time.

durable_rules keeps per-ruleset state in its C core and must not be entered from two threads
at once, so every call to `Scorer.evaluate` (and every write to a bundle) runs behind one
process-wide lock. A local server for one officer never has much to wait for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from cchc_index.errors import Problem
from cchc_index.load.rules import FrameworkSource
from cchc_index.model.bundle import Bundle
from cchc_index.model.result import LeafResult, Result, Status
from cchc_index.report.reasons import reason_text
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.web.staging import load_checked

LOCK = threading.RLock()


@dataclass
class Unit:
    """A bundle as the pages show it: its result, or the problems that stop it loading."""

    folder: Path
    source: FrameworkSource | None
    bundle: Bundle | None
    result: Result | None
    problems: list[Problem] = field(default_factory=list)


class Scores:
    def __init__(self, rules_dir: Path, engine: EngineName = "durable") -> None:
        self.rules_dir = rules_dir
        self.engine: EngineName = engine
        self._scorers: dict[tuple[str, str], Scorer] = {}

    def unit(self, folder: Path) -> Unit:
        with LOCK:
            source, bundle, problems = load_checked(folder, self.rules_dir)
            if source is None or bundle is None:
                return Unit(folder, None, None, None, problems)
            key = (str(source.folder), source.framework.meta.id)
            scorer = self._scorers.get(key)
            if scorer is None or scorer.framework != source.framework:
                scorer = self._scorers[key] = Scorer(source.framework, self.engine)
            return Unit(folder, source, bundle, scorer.evaluate(bundle))


def reason_of(leaf: LeafResult) -> str:
    """The reason sentence of a sub-criterion (the one place the web reads it)."""
    return reason_text(leaf)


def total_range(result: Result) -> tuple[Decimal, Decimal] | None:
    """(lowest, highest) total while some items await the reviewers' confirmation; None
    when nothing is pending. A range computed by the scoring layer wins when it has one."""
    given = getattr(result, "total_range", None)
    if given is not None:
        low, high = given
        return (Decimal(low), Decimal(high)) if low != high else None
    pending = sum(
        (r.points for r in result.leaves if r.status is Status.PENDING and r.adjustment >= 0),
        Decimal(0),
    )
    if not pending:
        return None
    return max(Decimal(0), result.total - pending), result.total


@dataclass(frozen=True)
class Change:
    node: str
    title: str
    before: LeafResult
    after: LeafResult


def changes(before: Result | None, after: Result | None) -> list[Change]:
    """The sub-criteria whose points or status an edit changed."""
    if before is None or after is None:
        return []
    old = {r.id: r for r in before.leaves}
    return [
        Change(r.id, r.title, old[r.id], r)
        for r in after.leaves
        if r.id in old and (old[r.id].points, old[r.id].status) != (r.points, r.status)
    ]
