"""The cheapest set of still-possible actions that lifts a unit to a target, scored exactly.

The actions open on a day: each missing product still possible in time (one row may answer the
same product of several nodes: one action), a pending qualitative declaration, and each figure
the unit says it can still change (costs.yaml `adjustable`). Actions that touch the same scored
node form a group; every combination of a group's actions is scored by the engine
(`Scorer.node_results`), so shared products, parts and figures moving together are counted as
the engine counts them, never by adding gains. Groups are independent (the total is their sum),
so a multiple-choice knapsack over the groups' options, its states the gain reached (capped at
the gap), finds the least cost exactly; the chosen plan is then re-scored whole by the engine.
Nothing here renders (report/plan.py does).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal

from cchc_index.errors import EvidenceError
from cchc_index.i18n import tr
from cchc_index.model.appraisal import Appraisal
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import (
    Framework,
)
from cchc_index.model.layers import Layer, LayerTotal
from cchc_index.model.plan import Action, Costs, Outcome, Plan, Step, Target
from cchc_index.model.result import LeafResult, Result, Status
from cchc_index.scoring.evaluate import Scorer
from cchc_index.scoring.layers import layered
from cchc_index.scoring.matching import EvidenceIndex
from cchc_index.scoring.plan_actions import OpenActions, apply_actions, merge_figures
from cchc_index.scoring.rollup import band_of, bands_for, percent
from cchc_index.text import fold

ZERO = Decimal(0)
HALF_HUNDREDTH = Decimal("0.005")
MAX_COMBINATIONS = 1 << 14  # of one group's actions (a group is the actions sharing a node)
KEEP = 4  # plans of equal cost kept per state of the search (the runner-ups shown)
FIGURES = (Decimal(100), Decimal(50), Decimal(0))  # example figures tried for a missing product
MAX_SCAN = 400  # an adjustable figure's values scanned one by one up to this many steps


# --- the target ---------------------------------------------------------------------------


def least_total(percent_min: Decimal, top: Decimal, step: Decimal) -> Decimal:
    """The least total on the rounding step whose index (rounded half up to 0,01 %) reaches
    `percent_min` of `top`."""
    exact = (percent_min - HALF_HUNDREDTH) * top / 100
    points = (exact / step).to_integral_value(rounding=ROUND_CEILING) * step
    while points > 0 and (percent(points - step, top) or ZERO) >= percent_min:
        points -= step
    while (percent(points, top) or ZERO) < percent_min:
        points += step
    return max(ZERO, points)


def resolve_target(
    framework: Framework, current: LayerTotal, wanted: str, level: str | None = None
) -> Target:
    """`--to`: a band's name (any case, with or without marks), a number of points, or `next`
    (the band above the current one; the current one when it is the top); the bands are
    those of the block of the unit's `level` where it has some (`rollup.bands_for`)."""
    bands = sorted(bands_for(framework, level), key=lambda b: b.min_percent, reverse=True)
    step, top = framework.meta.rounding_step, current.max_points
    if wanted.strip().casefold() in ("next", "tiếp", "kế tiếp"):
        names = [b.name for b in bands]
        at = names.index(current.band) if current.band in names else len(bands)
        band = bands[max(0, at - 1)]
        return Target(band.name, least_total(band.min_percent, top, step), band.min_percent)
    for band in bands:
        if fold(band.name) == fold(wanted) or _plain(band.name) == _plain(wanted):
            return Target(band.name, least_total(band.min_percent, top, step), band.min_percent)
    try:
        points = Decimal(wanted.strip().replace(",", "."))
    except ArithmeticError:
        points = None
    if points is None or not points.is_finite() or points < 0:
        known = ", ".join(b.name for b in bands)
        raise ValueError(
            tr(
                f"'{wanted}' không phải tên mức xếp loại ({known}), số điểm hay 'next'",
                f"'{wanted}' is not a band ({known}), a number of points or 'next'",
            )
        )
    return Target(None, points, None)


def _plain(text: str) -> str:
    from cchc_index.docnumber import ascii_key

    return ascii_key(text).casefold()


# --- the actions --------------------------------------------------------------------------


class Planner:
    """One unit's bundle on one day: its open actions, scored in groups; `plan` searches."""

    def __init__(
        self,
        scorer: Scorer,
        bundle: Bundle,
        appraisal: Appraisal | None,
        on: dt.date,
        costs: Costs | None = None,
        *,
        self_result: Result | None = None,
    ) -> None:
        self.scorer, self.bundle, self.appraisal, self.on = scorer, bundle, appraisal, on
        self.framework = framework = scorer.framework
        self.costs = costs or Costs()
        self.step = framework.meta.rounding_step
        self.self_result = self_result or scorer.evaluate(bundle)
        self.layers = layered(framework, self.self_result, appraisal)
        self.final = self.layers.final
        self.current = _total(self.final)
        self.raw = raw_total(self.final)
        self.overridden = {n.id for n in self.layers.nodes if n.final.layer is not Layer.SELF}
        self.base_self = {leaf.id: leaf for leaf in self.self_result.leaves}
        self.open = OpenActions(scorer, bundle, on, self.costs, self.self_result)
        self.due, self.split, self.index = self.open.due, self.open.split, self.open.index
        self.actions = self.open.actions
        self.groups = self._group()
        self.options = self._score_groups()
        self.by_combo = [{o.combo: o for o in opts} for opts in self.options]

    # the groups and their options

    def _group(self) -> list[tuple[list[int], tuple[str, ...]]]:
        """Actions joined when they touch a node in common: (actions, nodes) per group."""
        touches = [self.open.touches(a) for a in self.actions]
        self.touching: dict[str, list[int]] = {}  # node → the actions that can change it
        for i, nodes in enumerate(touches):
            for node in nodes:
                self.touching.setdefault(node, []).append(i)
        parent = list(range(len(self.actions)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        owner: dict[str, int] = {}
        by_figure: dict[str, int] = {}
        for i, (action, nodes) in enumerate(zip(self.actions, touches, strict=True)):
            for node in nodes:
                if node in owner:
                    parent[root(i)] = root(owner[node])
                else:
                    owner[node] = i
            if action.group is not None:
                if action.group in by_figure:
                    parent[root(i)] = root(by_figure[action.group])
                else:
                    by_figure[action.group] = i
        groups: dict[int, tuple[list[int], set[str]]] = {}
        for i in range(len(self.actions)):
            entry = groups.setdefault(root(i), ([], set()))
            entry[0].append(i)
            entry[1].update(touches[i])
        return [(ids, tuple(sorted(nodes))) for ids, nodes in groups.values()]

    def _combinations(self, ids: list[int]) -> list[tuple[int, ...]]:
        """Every way to take a group's actions: each alone or not, one variant of a figure."""
        singles = [i for i in ids if self.actions[i].group is None]
        variants: dict[str, list[int]] = {}
        for i in ids:
            g = self.actions[i].group
            if g is not None:
                variants.setdefault(g, []).append(i)
        choices: list[list[tuple[int, ...]]] = [[(), (i,)] for i in singles]
        choices += [[()] + [(i,) for i in vs] for vs in variants.values()]
        count = 1
        for c in choices:
            count *= len(c)
        if count > MAX_COMBINATIONS:
            names = ", ".join(self.actions[i].id for i in ids[:6])
            raise EvidenceError(
                [],
                tr(
                    f"quá nhiều việc ({len(ids)}) cùng tác động lên một nhóm tiêu chí ({names} …) để xét mọi cách kết hợp",
                    f"too many actions ({len(ids)}) acting on one group of nodes ({names} …) to weigh every combination",
                ),
            )
        return [
            tuple(sorted(itertools.chain.from_iterable(c))) for c in itertools.product(*choices)
        ]

    def amended_bundle(self, chosen: Sequence[int]) -> Bundle:
        return apply_actions(self.bundle, [self.actions[i] for i in chosen])

    def _index_of(self, chosen: tuple[int, ...]) -> EvidenceIndex:
        acts = [self.actions[i] for i in chosen]
        if any(a.documents or a.links or a.photos for a in acts):
            return self.scorer.index(apply_actions(self.bundle, acts))
        figures = merge_figures(self.bundle.statistics, acts)
        said = [q for a in acts for q in a.declarations]
        return self.index.amended(figures, said)

    def _score_groups(self) -> list[list[_Option]]:
        """Every combination of every group's actions, valued exactly. A node's points depend
        only on the actions that touch it, so each node is scored by the engine for every
        subset of its own actions (one engine session for all); a group's combination is then
        the sum of its nodes' values, a node's subset read from its table."""
        wanted: dict[tuple[int, ...], list[str]] = {}  # a subset → the nodes scored under it
        for node, ids in self.touching.items():
            for subset in self._combinations(ids):
                if subset:
                    wanted.setdefault(subset, []).append(node)
        subsets = list(wanted)
        requests = [(self._index_of(s), tuple(wanted[s])) for s in subsets]
        scored = self.scorer.node_results(requests) if requests else []
        table: dict[tuple[str, tuple[int, ...]], tuple[Decimal, Decimal] | None] = {}
        for subset, results in zip(subsets, scored, strict=True):
            for node, result in results.items():
                table[node, subset] = self._gain({node: result})
        options: list[list[_Option]] = [[] for _ in self.groups]
        for g, (ids, nodes) in enumerate(self.groups):
            # a node one action alone touches adds a constant when that action is taken
            solo: dict[int, tuple[Decimal, Decimal] | None] = {i: (ZERO, ZERO) for i in ids}
            shared = []
            for node in nodes:
                acts = self.touching.get(node, [])
                if len(acts) == 1:
                    solo[acts[0]] = _add(solo[acts[0]], table[node, (acts[0],)])
                elif acts:
                    shared.append((node, set(acts)))
            for combo in self._combinations(ids):
                if not combo:
                    continue
                total: tuple[Decimal, Decimal] | None = (ZERO, ZERO)
                for i in combo:
                    total = _add(total, solo[i])
                for node, among in shared:
                    part = tuple(i for i in combo if i in among)
                    if part:
                        total = _add(total, table[node, part])
                if total is not None:
                    cost = sum((self.actions[i].cost for i in combo), ZERO)
                    options[g].append(_Option(combo, cost, total[0], total[1]))
        return options

    def _gain(self, results: dict[str, LeafResult]) -> tuple[Decimal, Decimal] | None:
        """What the final total gains (and its low end), node by node; None when a node
        would stop applying (the maximum would move: such a combination is left out)."""
        high = low = ZERO
        for node, r in results.items():
            base = self.base_self[node]
            if (r.status is Status.NOT_APPLICABLE) != (base.status is Status.NOT_APPLICABLE):
                return None
            if node in self.overridden:
                continue  # a reviewer's points stand, whatever the unit now supplies
            sign = -1 if r.adjustment < 0 else 1
            high += sign * (r.points - base.points)
            low += sign * (_low(r) - _low(base))
        return high, low

    # the search

    def search(self, need: Decimal, low: bool) -> tuple[Decimal, list[tuple[int, ...]]] | None:
        """The least cost of a plan gaining at least `need` (on the low end when `low`), and
        up to KEEP plans of that cost (action indexes)."""
        if need <= 0:
            return ZERO, [()]
        states: dict[Decimal, tuple[Decimal, list[_Path]]] = {ZERO: (ZERO, [None])}
        for g, options in enumerate(self.options):
            useful = _pareto([o for o in options if (o.low if low else o.high) > 0], low)
            if not useful:
                continue
            new = dict(states)
            for reached, (cost, paths) in states.items():
                for k, o in enumerate(useful):
                    gain = o.low if low else o.high
                    at = min(need, reached + gain)
                    c = cost + o.cost
                    extended: list[_Path] = [(g, k, o.combo, p) for p in paths]
                    old = new.get(at)
                    if old is None or c < old[0]:
                        new[at] = (c, extended[:KEEP])
                    elif c == old[0] and len(old[1]) < KEEP:
                        new[at] = (c, (old[1] + extended)[:KEEP])
            states = new
        found = states.get(need)
        if found is None:
            return None
        cost, paths = found
        plans = []
        for path in paths:
            chosen: list[int] = []
            node = path
            while node is not None:
                chosen.extend(node[2])
                node = node[3]
            plans.append(tuple(sorted(chosen)))
        return cost, list(dict.fromkeys(plans))

    def alone(self, i: int) -> Decimal:
        """What action `i` taken alone adds to the total (before its floor at 0)."""
        for g, (ids, _nodes) in enumerate(self.groups):
            if i in ids:
                option = self.by_combo[g].get((i,))
                return option.high if option is not None else ZERO
        return ZERO

    def most(self, low: bool) -> Decimal:
        """The most the open actions can add (each group at its best combination)."""
        return sum(
            (max((o.low if low else o.high for o in opts), default=ZERO) for opts in self.options),
            ZERO,
        )

    def rescore(self, chosen: tuple[int, ...], target: Target) -> Plan:
        """The plan re-scored whole by the engine: its total, low end, and the steps in the
        order of their deadlines, each with its gain after the steps before it."""
        bundle = self.amended_bundle(chosen)
        result = self.scorer.evaluate(bundle)
        final_layers = layered(self.framework, result, self.appraisal)
        final = final_layers.final
        low = final_layers.range.low if final_layers.range is not None else None
        order = sorted(chosen, key=lambda i: _order_key(self.actions[i]))
        steps, taken = [], set()
        before = max(ZERO, self.raw)
        for i in order:
            taken.add(i)
            now = max(ZERO, self.raw + self._tables_gain(taken))  # the total is never below 0
            steps.append(Step(self.actions[i], now - before))
            before = now
        total = _total(final)
        return Plan(
            tuple(steps),
            sum((self.actions[i].cost for i in chosen), ZERO),
            total,
            low,
            reaches(total, target),
            reaches(low if low is not None else total, target),
        )

    def _tables_gain(self, taken: set[int]) -> Decimal:
        gain = ZERO
        for g, (ids, _nodes) in enumerate(self.groups):
            combo = tuple(i for i in ids if i in taken)
            if not combo:
                continue
            option = self.by_combo[g].get(combo)
            gain += option.high if option is not None else ZERO
        return gain


_Path = tuple[int, int, tuple[int, ...], "_Path"] | None


@dataclass(frozen=True, slots=True)
class _Option:
    combo: tuple[int, ...]
    cost: Decimal
    high: Decimal
    low: Decimal


def _add(
    a: tuple[Decimal, Decimal] | None, b: tuple[Decimal, Decimal] | None
) -> tuple[Decimal, Decimal] | None:
    if a is None or b is None:
        return None
    return a[0] + b[0], a[1] + b[1]


def _pareto(options: list[_Option], low: bool) -> list[_Option]:
    """Options no other beats (as cheap and gaining more, or cheaper and gaining as much);
    options of equal cost and gain are all kept (the runner-ups)."""
    kept: list[_Option] = []
    best_cheaper: Decimal | None = None  # the most any cheaper option gains
    ordered = sorted(options, key=lambda o: o.cost)
    for _cost, same in itertools.groupby(ordered, key=lambda o: o.cost):
        group = list(same)
        top = max(o.low if low else o.high for o in group)
        if best_cheaper is None or top > best_cheaper:
            kept += [o for o in group if (o.low if low else o.high) == top]
            best_cheaper = top
    return kept


def _low(leaf: LeafResult) -> Decimal:
    return ZERO if leaf.status is Status.PENDING else leaf.points


def _order_key(action: Action) -> tuple[dt.date, str]:
    return (action.last_day or dt.date.max, action.id)


def _total(result: Result) -> LayerTotal:
    return LayerTotal(
        Layer.FINAL, result.total, result.max_points, result.index_percent, result.band
    )


def raw_total(result: Result) -> Decimal:
    """The total before it is floored at 0 (deductions beyond the points earned): what every
    action adds to, so that gains add up exactly."""
    return sum((a.points for a in result.areas), ZERO) + result.bonus - result.deduction


def reaches(total: LayerTotal, target: Target) -> bool:
    if target.percent is not None:
        return total.index_percent is not None and total.index_percent >= target.percent
    return total.total >= target.points


# --- the plan -----------------------------------------------------------------------------


def make_plan(planner: Planner, target: Target) -> Outcome:
    """The cheapest plan to `target` (with its runner-ups), or why it cannot be reached and
    the cheapest plan to the best band still in reach."""
    current = _total(planner.final)
    rng = planner.layers.range
    current_low = rng.low if rng is not None else None
    need = target_need(target, current) - planner.raw
    too_late = tuple(t for t in planner.split.too_late if not t.late_gain)
    past_due = planner.due is not None and planner.on > planner.due
    common = {
        "unit": planner.bundle.profile.name,
        "framework": planner.framework.meta.id,
        "on": planner.on,
        "due": planner.due,
        "target": target,
        "current": current,
        "current_low": current_low,
        "actions": planner.actions,
        "too_late": too_late,
        "past_due": past_due,
    }
    found = planner.search(need, low=False)
    if found is None:
        best = _best(planner, current)
        return Outcome(plan=None, best=best, **common)  # type: ignore[arg-type]
    _cost, choices = found
    plans = [planner.rescore(c, target) for c in choices]
    plans.sort(key=lambda p: (not p.reaches, not p.reaches_low, -p.result.total, len(p.steps)))
    main, others = plans[0], tuple(p for p in plans[1:] if p.reaches)
    safe = None
    if main.reaches and not main.reaches_low:  # one that holds if pending items are refused
        pending = sum(
            (leaf.points for leaf in planner.final.leaves if leaf.status is Status.PENDING), ZERO
        )  # what the low end takes off (range: every pending item refused)
        low_base = planner.raw - pending
        safe_found = planner.search(target_need(target, current) - low_base, low=True)
        if safe_found is not None:
            safe = planner.rescore(safe_found[1][0], target)
    return Outcome(plan=main, alternatives=others, safe=safe, **common)  # type: ignore[arg-type]


def target_need(target: Target, current: LayerTotal) -> Decimal:
    """The least total that reaches the target (exact, before rounding to the step)."""
    if target.percent is None:
        return target.points
    return (target.percent - HALF_HUNDREDTH) * current.max_points / 100


def _best(planner: Planner, current: LayerTotal) -> Plan | None:
    """Unreachable target: the cheapest plan to the highest band the open actions reach."""
    framework = planner.framework
    most = max(ZERO, planner.raw + planner.most(low=False))
    level = planner.bundle.profile.level
    band = band_of(framework, percent(most, current.max_points), level)
    if band is None or band == current.band:
        return None
    entry = next(b for b in bands_for(framework, level) if b.name == band)
    target = Target(
        band, least_total(entry.min_percent, current.max_points, planner.step), entry.min_percent
    )
    found = planner.search(target_need(target, current) - planner.raw, low=False)
    if found is None:
        return None
    return replace(planner.rescore(found[1][0], target))
