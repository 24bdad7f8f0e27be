"""Diffs of two results (two layers of a unit, a unit in two years) and of two frameworks.

Nodes are matched by id; where a framework renumbered its nodes, by title similarity, and the
match is shown. Every function here is symmetric: diff(B, A) is the mirror image of diff(A, B).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher

from cchc_index.model.diff import Change, Diff, Side, Totals, change_key, pair_key
from cchc_index.model.framework import Framework, id_key
from cchc_index.model.result import Result
from cchc_index.text import fold

THRESHOLD = Decimal("0.6")  # below this, two titles are different nodes


def similarity(x: str, y: str) -> Decimal:
    """Similarity of two titles in [0, 1], the same whichever comes first."""
    first, second = sorted((fold(x), fold(y)))
    if first == second:
        return Decimal(1)
    ratio = SequenceMatcher(None, first, second, autojunk=False).ratio()
    return Decimal(str(round(ratio, 2)))


@dataclass(frozen=True, slots=True)
class Match:
    a: str | None
    b: str | None
    similarity: Decimal | None  # None: matched by id with the same title (or unmatched)


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
    # Titles that are the same (folded) and unique on each side pair at once: a renumbered
    # framework of 1,000 items matches in linear time; only the rest is compared pairwise.
    by_title: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    for side, nodes in zip(by_title, (left, right), strict=True):
        for node, title in nodes.items():
            side.setdefault(fold(title), []).append(node)
    for title, xs in by_title[0].items():
        ys = by_title[1].get(title, [])
        if len(xs) == 1 and len(ys) == 1 and xs[0] != ys[0]:
            found.append(Match(xs[0], ys[0], Decimal(1)))
            del left[xs[0]], right[ys[0]]
    pairs = sorted(_similar_pairs(left, right), key=lambda p: (-p[0], pair_key(p[1], p[2])))
    for s, x, y in pairs:
        if x in left and y in right:
            found.append(Match(x, y, s))
            del left[x], right[y]
    for node in sorted(set(left) & set(right), key=id_key):
        found.append(Match(node, node, similarity(left.pop(node), right.pop(node))))
    found += [Match(x, None, None) for x in left] + [Match(None, y, None) for y in right]
    return sorted(found, key=lambda m: pair_key(m.a, m.b))


def _similar_pairs(
    left: Mapping[str, str], right: Mapping[str, str]
) -> list[tuple[Decimal, str, str]]:
    """Every (similarity, x, y) at or above the threshold, x ≠ y; pairs that cannot reach it
    are skipped by exact upper bounds (lengths, then shared characters) before the costly
    ratio, so the result is the same as comparing every pair."""
    folded = {x: fold(t) for x, t in left.items()}, {y: fold(t) for y, t in right.items()}
    found = []
    limit = float(THRESHOLD) - 0.005  # `similarity` rounds to two places
    for x, fx in folded[0].items():
        for y, fy in folded[1].items():
            if x == y:
                continue
            size = len(fx) + len(fy)
            if size and 2 * min(len(fx), len(fy)) / size < limit:
                continue
            first, second = sorted((fx, fy))
            matcher = SequenceMatcher(None, first, second, autojunk=False)
            if matcher.real_quick_ratio() < limit or matcher.quick_ratio() < limit:
                continue
            s = similarity(left[x], right[y])
            if s >= THRESHOLD:
                found.append((s, x, y))
    return found


def _diff(
    a: Mapping[str, Side], b: Mapping[str, Side], same: Callable[[Side, Side], bool]
) -> tuple[Change, ...]:
    changes = []
    titles = ({k: s.title for k, s in a.items()}, {k: s.title for k, s in b.items()})
    for m in match_nodes(*titles):
        left, right = a.get(m.a or ""), b.get(m.b or "")
        if left is None or right is None or left.id != right.id or not same(left, right):
            changes.append(Change(left, right, m.similarity))
    return tuple(sorted(changes, key=change_key))


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
                "method": leaf.method.model_dump(mode="json") if leaf.method else None,
                "parts": [p.model_dump(mode="json") for p in leaf.parts],
                "evidence": [p.model_dump(mode="json") for p in leaf.evidence],
            }
            found[leaf.id] = Side(
                leaf.id,
                leaf.title,
                leaf.points,
                method=leaf.method.type if leaf.method else "parts",
                detail=plain,
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
