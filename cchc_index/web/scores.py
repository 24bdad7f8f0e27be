"""Scoring inside the server: one compiled Scorer per framework, one scoring at a time.

durable_rules keeps per-ruleset state in its C core and must not be entered from two threads
at once, so every call to `Scorer.evaluate` (and every write to a bundle) runs behind one
process-wide lock. A local server for one officer never has much to wait for.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from cchc_index.errors import CchcError, Problem
from cchc_index.load.appraisal import load_appraisal
from cchc_index.load.rules import FrameworkSource
from cchc_index.model.bundle import Bundle
from cchc_index.model.deadlines import Split
from cchc_index.model.layers import Layered
from cchc_index.model.result import LeafResult, Result
from cchc_index.report.reasons import reason_text
from cchc_index.scoring.deadlines import split_missing
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.layers import layered, self_points
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
    split: Split | None = None  # the missing products still possible today, and those too late
    layers: Layered | None = None  # self → appraisal rounds → final (final = self without them)
    notes: list[Problem] = field(default_factory=list)  # problems of appraisal.yaml

    @property
    def final(self) -> Result | None:
        """The result after the reviewers' rounds (the self result when there are none)."""
        return self.layers.final if self.layers is not None else self.result


class Scores:
    def __init__(self, rules_dir: Path | None, engine: EngineName = "durable") -> None:
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
            result = scorer.evaluate(bundle)
        framework = source.framework
        notes: list[Problem] = []
        try:
            appraisal = load_appraisal(folder, framework, self_points(result))
        except CchcError as exc:  # shown on the page; the self layer still stands
            appraisal, notes = None, list(exc.problems)
        layers = layered(framework, result, appraisal)
        split = split_missing(framework, layers.final, dt.date.today())
        return Unit(folder, source, bundle, result, [], split, layers, notes)


def reason_of(leaf: LeafResult) -> str:
    """The reason sentence of a sub-criterion (the one place the web reads it)."""
    return reason_text(leaf)


def total_range(unit: Unit) -> tuple[Decimal, Decimal] | None:
    """(lowest, highest) total while items await the reviewers' confirmation (every pending
    item refused, or every one confirmed); None when nothing is pending."""
    found = unit.layers.range if unit.layers is not None else None
    return None if found is None else (found.low.total, found.high.total)


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
