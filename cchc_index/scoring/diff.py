"""Diffs of two results (two layers of a unit, a unit in two years) and of two frameworks.

Nodes are matched by id; where a framework renumbered its nodes, by title similarity, and the
match is shown. Every function here is symmetric: diff(B, A) is the mirror image of diff(A, B).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from cchc_index.model.framework import Framework, id_key
from cchc_index.model.result import Result
from cchc_index.text import fold

THRESHOLD = Decimal("0.6")  # below this, two titles are different nodes


def similarity(x: str, y: str) -> Decimal:
    """Similarity of two titles in [0, 1], the same whichever comes first."""
    first, second = sorted((fold(x), fold(y)))
    ratio = SequenceMatcher(None, first, second, autojunk=False).ratio()
    return Decimal(str(round(ratio, 2)))


@dataclass(frozen=True, slots=True)
class Match:
    a: str | None
    b: str | None
    similarity: Decimal | None  # None: matched by id with the same title (or unmatched)


def _key(a: str | None, b: str | None) -> tuple[tuple[tuple[int, ...], str], ...]:
    return tuple(sorted((id_key(x), x) for x in (a, b) if x is not None))


def match_nodes(a: Mapping[str, str], b: Mapping[str, str]) -> list[Match]:
    """Pair the nodes of two trees (id → title): by id where the titles agree, then by the most
    similar title (renumbered nodes), then the leftover ids that agree; the rest added/removed."""
    found: list[Match] = []
    left, right = dict(a), dict(b)
    for node in sorted(set(left) & set(right), key=id_key):
        same = similarity(left[node], right[node])
        if same >= THRESHOLD:
            found.append(Match(node, node, None if same == 1 else same))
            del left[node], right[node]
    pairs = sorted(
        (
            (s, x, y)
            for x in left
            for y in right
            if x != y and (s := similarity(left[x], right[y])) >= THRESHOLD
        ),
        key=lambda p: (-p[0], _key(p[1], p[2])),
    )
    for s, x, y in pairs:
        if x in left and y in right:
            found.append(Match(x, y, s))
            del left[x], right[y]
    for node in sorted(set(left) & set(right), key=id_key):
        found.append(Match(node, node, similarity(left.pop(node), right.pop(node))))
    found += [Match(x, None, None) for x in left] + [Match(None, y, None) for y in right]
    return sorted(found, key=lambda m: _key(m.a, m.b))


@dataclass(frozen=True, slots=True)
class Side:
    """One node as one side of a diff sees it."""

    id: str
    title: str
    max_points: Decimal
    points: Decimal | None = None  # results only
    status: str | None = None
    missing: tuple[str, ...] = ()  # results only: the products still missing
    evidence: tuple[str, ...] = ()  # results only: the evidence the points rest on
    method: str | None = None  # frameworks only: the method's type
    detail: Any = None  # frameworks: the method and evidence as plain data


FIELDS = (
    "id",
    "title",
    "max_points",
    "points",
    "status",
    "missing",
    "evidence",
    "method",
    "detail",
)


@dataclass(frozen=True, slots=True)
class Change:
    a: Side | None  # None: added in B
    b: Side | None  # None: removed from A
    similarity: Decimal | None

    @property
    def kind(self) -> str:
        return "added" if self.a is None else "removed" if self.b is None else "changed"

    @property
    def renumbered(self) -> bool:
        return self.a is not None and self.b is not None and self.a.id != self.b.id

    @property
    def delta(self) -> Decimal:
        """The points this change explains (B − A; max points in a framework diff)."""
        return _points(self.b) - _points(self.a)

    def fields(self) -> tuple[str, ...]:
        if self.a is None or self.b is None:
            return ()
        names = FIELDS
        return tuple(n for n in names if getattr(self.a, n) != getattr(self.b, n))

    def mirrored(self) -> Change:
        return Change(self.b, self.a, self.similarity)


def _points(side: Side | None) -> Decimal:
    if side is None:
        return Decimal(0)
    return side.points if side.points is not None else side.max_points


@dataclass(frozen=True, slots=True)
class Totals:
    label: str
    total: Decimal
    max_points: Decimal
    index_percent: Decimal | None
    band: str | None


@dataclass(frozen=True, slots=True)
class Diff:
    a: Totals
    b: Totals
    changes: tuple[Change, ...]
    meta: tuple[tuple[str, str, str], ...] = ()  # framework diff: (field, A, B)
    frameworks: bool = False  # a diff of two frameworks (maxima), not of two results (points)

    @property
    def empty(self) -> bool:
        return not self.changes and not self.meta and self.a.total == self.b.total

    def mirrored(self) -> Diff:
        return Diff(
            self.b,
            self.a,
            tuple(sorted((c.mirrored() for c in self.changes), key=_change_key)),
            tuple((f, y, x) for f, x, y in self.meta),
            self.frameworks,
        )


def _change_key(c: Change) -> tuple[tuple[tuple[int, ...], str], ...]:
    return _key(c.a.id if c.a else None, c.b.id if c.b else None)


def _diff(
    a: Mapping[str, Side], b: Mapping[str, Side], same: Callable[[Side, Side], bool]
) -> tuple[Change, ...]:
    changes = []
    titles = ({k: s.title for k, s in a.items()}, {k: s.title for k, s in b.items()})
    for m in match_nodes(*titles):
        left, right = a.get(m.a or ""), b.get(m.b or "")
        if left is None or right is None or left.id != right.id or not same(left, right):
            changes.append(Change(left, right, m.similarity))
    return tuple(sorted(changes, key=_change_key))


def diff_results(a: Result, b: Result, label_a: str, label_b: str) -> Diff:
    """Changed points, maxima and statuses of two results' scored nodes, and their totals."""

    def sides(result: Result) -> dict[str, Side]:
        return {
            r.id: Side(r.id, r.title, r.max_points, r.points, r.status.value, r.missing, r.evidence)
            for r in result.leaves
        }

    def totals(result: Result, label: str) -> Totals:
        return Totals(label, result.total, result.max_points, result.index_percent, result.band)

    return Diff(
        totals(a, label_a), totals(b, label_b), _diff(sides(a), sides(b), lambda x, y: x == y)
    )


def _framework_sides(framework: Framework) -> dict[str, Side]:
    found: dict[str, Side] = {}
    for area in framework.areas:
        found[area.id] = Side(area.id, area.title, area.points)
        for criterion in area.criteria:
            if criterion.sub_criteria:
                found[criterion.id] = Side(criterion.id, criterion.title, criterion.points)
        for _, _, leaf in ((area, c, leaf) for c in area.criteria for leaf in c.leaves()):
            plain = {
                "method": leaf.method.model_dump(mode="json"),
                "evidence": [p.model_dump(mode="json") for p in leaf.evidence],
            }
            found[leaf.id] = Side(
                leaf.id, leaf.title, leaf.points, method=leaf.method.type, detail=plain
            )
    return found


def diff_frameworks(a: Framework, b: Framework) -> Diff:
    """What changed in the rules: maxima, methods, evidence, titles, renumbered, added, removed."""

    def shown(f: Framework) -> dict[str, str]:
        bands = ", ".join(f"{x.name} ≥ {x.min_percent}%" for x in f.meta.bands)
        step, survey = str(f.meta.rounding_step), str(f.meta.survey_points)
        return {"rounding_step": step, "bands": bands, "survey_points": survey}

    left, right = shown(a), shown(b)
    meta = [(name, left[name], right[name]) for name in left if left[name] != right[name]]

    def totals(f: Framework) -> Totals:
        return Totals(f.meta.id, f.max_points, f.max_points, None, None)

    changes = _diff(_framework_sides(a), _framework_sides(b), lambda x, y: x == y)
    return Diff(totals(a), totals(b), changes, tuple(meta), frameworks=True)


def with_labels(diff: Diff, label_a: str, label_b: str) -> Diff:
    return replace(diff, a=replace(diff.a, label=label_a), b=replace(diff.b, label=label_b))
