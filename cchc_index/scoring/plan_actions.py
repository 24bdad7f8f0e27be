"""The actions a unit can still take on a day, as the rows they add to its bundle: each missing
product still possible in time (one row for every node asking the same product), a pending
qualitative declaration, and the values of each figure costs.yaml marks adjustable at which
some node's points change; with the nodes each one can change (`touches`)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from cchc_index.i18n import num, tr
from cchc_index.model.bundle import Bundle, Document, Item, Qualitative, Statistic
from cchc_index.model.deadlines import Timed
from cchc_index.model.framework import (
    PART_SEP,
    DocumentProduct,
    Framework,
    ItemProduct,
    Leaf,
    StatisticProduct,
)
from cchc_index.model.plan import Action, ActionKind, Costs
from cchc_index.model.result import DECLARATION, Result
from cchc_index.scoring.deadlines import self_due, split_missing
from cchc_index.scoring.evaluate import Scorer
from cchc_index.scoring.matching import EvidenceIndex, Question, folded
from cchc_index.scoring.metrics import best_points, derive
from cchc_index.text import fold, format_date

ZERO = Decimal(0)
FIGURES = (Decimal(100), Decimal(50), Decimal(0))  # example figures tried for a missing product
MAX_EXAMPLES = 1 << 12  # combinations of example figures tried for one product
MAX_SCAN = 400  # an adjustable figure's values scanned one by one up to this many steps


@dataclass
class _Member:
    unit: Leaf  # the scored unit (a node, or one of its parts)
    node: str  # the scored node
    product: DocumentProduct | StatisticProduct | ItemProduct | None  # None: a declaration
    timed: Timed


def _figure_groups(products: list[StatisticProduct]) -> dict[str, str]:
    """Each figure → the first figure of its group: products sharing a figure are joined."""
    parent: dict[str, str] = {}

    def root(v: str) -> str:
        while parent.setdefault(v, v) != v:
            v = parent[v]
        return v

    for p in products:
        first = root(p.variables[0])
        for v in p.variables[1:]:
            other = root(v)
            if other != first:
                parent[other] = first
    return {v: root(v) for v in parent}


def _figure_group(p: StatisticProduct, figure_of: dict[str, str]) -> str:
    return figure_of[p.variables[0]]


def merge_figures(base: dict[str, Statistic], actions: Sequence[Action]) -> dict[str, Statistic]:
    """The figures with every action's written: field by field against `base` (an adjusted
    value and a supplied last year's value of one figure both stand, in any order)."""
    stats = dict(base)
    for a in actions:
        for v, new in a.statistics:
            old, now = base.get(v), stats.get(v)
            if old is None or now is None:
                stats[v] = new
                continue
            stats[v] = Statistic(
                value=new.value if new.value != old.value else now.value,
                last_year=new.last_year if new.last_year != old.last_year else now.last_year,
                source=now.source,
            )
    return stats


def _units(framework: Framework) -> dict[str, tuple[Leaf, str]]:
    return {unit.id: (unit, node.id) for _a, _c, node, unit in framework.units()}


def _variables(framework: Framework) -> dict[str, set[str]]:
    """Each figure → the scored nodes that read it (products, methods, not-applicable)."""
    reads: dict[str, set[str]] = {}
    for area, criterion, node, unit in framework.units():
        names = {v for p in unit.evidence if isinstance(p, StatisticProduct) for v in p.variables}
        if unit.method is not None:
            names |= {r.name for r in unit.method.references() if r.kind == "variable"}
        for owner in (area, criterion, node):
            if owner.not_applicable is not None and owner.not_applicable.if_zero:
                names.add(owner.not_applicable.if_zero)
        for name in names:
            reads.setdefault(name, set()).add(node.id)
    return reads


class OpenActions:
    """Every action open on `on` for the unit's bundle, in a stable order."""

    def __init__(
        self, scorer: Scorer, bundle: Bundle, on: dt.date, costs: Costs, self_result: Result
    ) -> None:
        self.scorer, self.bundle, self.on, self.costs = scorer, bundle, on, costs
        self.framework = framework = scorer.framework
        self.step = framework.meta.rounding_step
        self.base_self = {leaf.id: leaf for leaf in self_result.leaves}
        self.due = self_due(framework, bundle.year)
        self.split = split_missing(framework, self_result, on)
        self.index = scorer.index(bundle)
        self.base_na = [
            derive(self.index, plan, self.step).not_applicable is not None for plan in scorer.plans
        ]
        self.units = _units(framework)
        self.reads = _variables(framework)
        self.actions = tuple(self._product_actions()) + tuple(self._adjustments())

    def _cost(self, kind: ActionKind, nodes: Iterable[str], ids: Iterable[str]) -> Decimal:
        c = self.costs
        for i in ids:
            if i in c.actions:
                return c.actions[i]
        found = [c.nodes[n] for n in nodes if n in c.nodes]
        if found:
            return max(found)
        return c.kinds.get(kind, c.default)

    def _members(self) -> list[_Member]:
        timed = list(self.split.possible)
        timed += [t for t in self.split.too_late if t.late_gain]  # late points still earned
        members = []
        for t in timed:
            m = t.product
            unit_id = m.node + (PART_SEP + m.part if m.part else "")
            unit, node = self.units[unit_id]
            product = next((p for p in unit.evidence if p.id == m.product), None)
            if product is None and m.product != DECLARATION:
                continue
            members.append(_Member(unit, node, product, t))
        return members

    def _product_actions(self) -> Iterable[Action]:
        grouped: dict[tuple[object, ...], list[_Member]] = {}
        members = self._members()
        # products asking for a figure in common are one action: one value for each figure
        figure_of = _figure_groups(
            [m.product for m in members if isinstance(m.product, StatisticProduct)]
        )
        for m in members:
            p = m.product
            key: tuple[object, ...]
            if isinstance(p, DocumentProduct):
                key = ("document", Question.of(p).key)
            elif isinstance(p, ItemProduct):
                key = (p.type, folded(p.subject), p.count)
            elif isinstance(p, StatisticProduct):
                key = ("statistic", _figure_group(p, figure_of))
            else:
                key = ("declaration", m.unit.id)
            grouped.setdefault(key, []).append(m)
        numbers = {d.number.key for d in self.bundle.documents}
        serial = itertools.count(901)
        for members in grouped.values():
            first = members[0]
            units = tuple(dict.fromkeys(m.unit.id for m in members))
            nodes = tuple(dict.fromkeys(m.node for m in members))
            ids = tuple(f"{m.unit.id}/{m.timed.product.product}" for m in members)
            days = [m.timed.last_day for m in members if m.timed.last_day is not None]
            last = min(days) if days else None
            late = any(m.timed.last_day is not None and self.on > m.timed.last_day for m in members)
            p = first.product
            kind: ActionKind = (
                "document"
                if isinstance(p, DocumentProduct)
                else p.type
                if isinstance(p, ItemProduct)
                else "statistic"
                if isinstance(p, StatisticProduct)
                else "declaration"
            )
            action = Action(
                id=ids[0],
                kind=kind,
                nodes=units,
                title=first.timed.product.title,
                cost=self._cost(kind, nodes, ids),
                last_day=last,
                members=ids,
                late=late,
            )
            if isinstance(p, DocumentProduct):
                action = replace(action, documents=self._documents(p, units, numbers, serial))
            elif isinstance(p, ItemProduct):
                items = self._items(p, units)
                action = (
                    replace(action, links=items)
                    if p.type == "link"
                    else replace(action, photos=items)
                )
            elif isinstance(p, StatisticProduct):
                asked = [m.product for m in members if isinstance(m.product, StatisticProduct)]
                figures = self._figures(asked)
                if figures is None:
                    continue
                action = replace(action, statistics=figures, assumed=True)
            else:
                said = Qualitative(
                    node=first.unit.id,
                    result="đạt",
                    explanation=tr(
                        "Đơn vị tự đánh giá đạt (ghi giải trình kèm minh chứng)",
                        "The unit declares it met (write the explanation and its evidence)",
                    ),
                )
                action = replace(action, title=first.unit.title, declarations=(said,))
            yield action

    def _documents(
        self,
        p: DocumentProduct,
        units: tuple[str, ...],
        numbers: set[str],
        serial: Iterable[int],
    ) -> tuple[Document, ...]:
        year = self.bundle.year
        start = p.not_before.resolve(year) if p.not_before else None
        day = max(self.on, start) if start else self.on
        have = max(self.index.match(p, u).count for u in units)
        issuer = self.bundle.profile.name if p.issuer == "self" else (p.issuer_name or "UBND huyện")
        if p.issuer == "other" and fold(issuer) in self.index.own_names:
            issuer = "UBND cấp trên"
        subject = " ".join(p.subject) if p.subject else p.title
        rows = []
        for n in serial:
            symbol = f"{n}/{p.doc_kind.value}-UBND"
            doc = Document.model_validate(
                {
                    "number": symbol,
                    "date": format_date(day),
                    "issuer": issuer,
                    "subject": subject,
                    "for": ";".join(units),
                }
            )
            if doc.number.key in numbers:
                continue
            numbers.add(doc.number.key)
            rows.append(doc)
            if len(rows) >= max(1, p.count - have):
                break
        return tuple(rows)

    def _items(self, p: ItemProduct, units: tuple[str, ...]) -> tuple[Item, ...]:
        have = max(self.index.match(p, u).count for u in units)
        title = " ".join(p.subject) if p.subject else p.title
        return tuple(
            Item.model_validate(
                {
                    "title": title if i == 0 else f"{title} ({i + 1})",
                    "date": format_date(self.on),
                    "for": ";".join(units),
                }
            )
            for i in range(max(1, p.count - have))
        )

    def _quick(self, index: EvidenceIndex, nodes: Iterable[str]) -> tuple[Decimal, ...] | None:
        """The points of `nodes` by Python's own tiers (to choose example figures; the plan is
        scored by the engine): None when a unit stops (or starts) applying."""
        found = []
        for node in nodes:
            for i in self.scorer._by_node[node]:
                plan = self.scorer.plans[i]
                d = derive(index, plan, self.step)
                if (d.not_applicable is not None) != self.base_na[i]:
                    return None
                if d.missing or d.not_applicable is not None or d.survey:
                    found.append(ZERO)
                else:
                    points = best_points(d.leaf, d.metric)
                    found.append(-points if plan.adjustment < 0 else points)
        return tuple(found)

    def _allowed(self, figures: dict[str, Statistic]) -> bool:
        """Every `at_most` of the framework's figures holds with `figures` written."""
        stats = {**self.bundle.statistics, **figures}
        for name, variable in self.framework.meta.variables.items():
            bound = variable.at_most
            if (
                bound
                and name in stats
                and bound in stats
                and stats[name].value > stats[bound].value
            ):
                return False
        return True

    def _figures(self, asked: list[StatisticProduct]) -> tuple[tuple[str, Statistic], ...] | None:
        """Example figures that meet the requirement: the combination of 100, 50, 0 and the
        figures the same nodes already read (for each value, and last year's when asked) that
        earns the nodes the most."""
        stats = self.bundle.statistics
        fields: list[tuple[str, str]] = []
        for p in asked:
            for v in p.variables:
                if v not in stats:
                    fields.append((v, "value"))
                if p.last_year and (v not in stats or stats[v].last_year is None):
                    fields.append((v, "last_year"))
        fields = list(dict.fromkeys(fields))
        if not fields:
            return None
        readers = sorted({n for v, _what in fields for n in self.reads.get(v, ())})
        near = {  # figures the same nodes already read: a rate of 100 % may need one of them
            stats[v].value
            for v, nodes in self.reads.items()
            if v in stats and not nodes.isdisjoint(readers)
        }
        values: tuple[Decimal, ...] = tuple(sorted(set(FIGURES) | near, reverse=True))
        for fewer in (values, FIGURES, FIGURES[::2], FIGURES[:1]):
            values = fewer
            if len(values) ** len(fields) <= MAX_EXAMPLES:
                break
        best: tuple[Decimal, dict[str, Statistic]] | None = None
        combos = itertools.product(values, repeat=len(fields))
        for combo in combos:
            written: dict[str, dict[str, Decimal]] = {}
            for (v, what), x in zip(fields, combo, strict=True):
                written.setdefault(v, {})[what] = x
            figures = {}
            for v, parts in written.items():
                old = stats.get(v)
                figures[v] = Statistic(
                    value=parts.get("value", old.value if old else ZERO),
                    last_year=parts.get("last_year", old.last_year if old else None),
                    source=tr("ví dụ của plan", "plan's example"),
                )
            if not self._allowed(figures):
                continue
            got = self._quick(self.index.amended(figures, ()), readers)
            if got is None:
                continue
            total = sum(got, ZERO)
            if best is None or total > best[0]:
                best = (total, figures)
        if best is None:
            return None
        return tuple(sorted(best[1].items()))

    def _adjustments(self) -> Iterable[Action]:
        """Each adjustable figure's variants: the values, between today's and its limit, at
        which the points of a node reading it change (nearest today's first)."""
        for name, entry in self.costs.adjustable.items():
            old = self.bundle.statistics[name]
            nodes = sorted(self.reads.get(name, ()))
            if not nodes:
                continue
            last = entry.last_day or self.due
            if last is not None and self.on > last:
                continue
            sign = 1 if entry.to > old.value else -1
            steps = int(abs(entry.to - old.value) / entry.step)

            def at(k: int, name: str = name, old: Statistic = old, sign: int = sign) -> Decimal:
                return old.value + sign * k * self.costs.adjustable[name].step

            def points(
                k: int, name: str = name, old: Statistic = old, nodes: list[str] = nodes
            ) -> tuple[Decimal, ...] | None:
                figure = {name: replace_stat(old, at(k))}
                if not self._allowed(figure):
                    return None
                return self._quick(self.index.amended(figure, ()), nodes)

            base = points(0)
            seen: dict[tuple[Decimal, ...] | None, int] = {base: 0}
            ks = range(1, steps + 1) if steps <= MAX_SCAN else _breaks(points, 0, steps)
            for k in ks:
                got = points(k)
                if got is None or got in seen:
                    continue
                seen[got] = k
            title = self.framework.meta.variables[name].title
            for k in sorted(v for g, v in seen.items() if g is not None and g != base):
                value = at(k)
                vid = f"{name}={num(value)}"
                yield Action(
                    id=vid,
                    kind="adjust",
                    nodes=tuple(nodes),
                    title=tr(
                        f"{title}: {num(old.value)} → {num(value)}",
                        f"{title}: {num(old.value)} → {num(value)}",
                    ),
                    cost=entry.cost or self._cost("adjust", nodes, (vid, name)),
                    last_day=last,
                    members=(vid,),
                    statistics=((name, replace_stat(old, value)),),
                    group=name,
                    before=old.value,
                )
        return

    def touches(self, action: Action) -> set[str]:
        """The scored nodes an action's rows can change."""
        touched: set[str] = set()
        names = {v for v, _s in action.statistics}
        for v in names:
            touched |= self.reads.get(v, set())
        for q in action.declarations:
            touched.add(self.units[q.node][1])
        if action.documents or action.links or action.photos:
            small = EvidenceIndex(
                self.bundle.model_copy(
                    update={
                        "documents": action.documents,
                        "links": action.links,
                        "photos": action.photos,
                        "statistics": {},
                    }
                )
            )
            for unit_id, (unit, node) in self.units.items():
                for p in unit.evidence:
                    if isinstance(p, StatisticProduct):
                        continue
                    if isinstance(p, DocumentProduct) and not action.documents:
                        continue
                    ids = (unit_id, node) if unit_id != node else (unit_id,)
                    if any(small.match(p, i).count for i in ids):
                        touched.add(node)
        touched |= {self.units[u][1] for u in action.nodes if u in self.units}
        return touched


def replace_stat(old: Statistic, value: Decimal) -> Statistic:
    return Statistic(value=value, last_year=old.last_year, source=old.source)


def _breaks(f: Callable[[int], object], lo: int, hi: int) -> list[int]:
    """Where a piecewise-constant function of a figure's steps changes, found by halving (the
    values between two equal ends are taken to give the same points)."""
    found: list[int] = []
    stack = [(lo, f(lo), hi, f(hi))]
    while stack:
        a, fa, b, fb = stack.pop()
        if fa == fb or b - a < 1:
            continue
        if b - a == 1:
            found.append(b)
            continue
        mid = (a + b) // 2
        fm = f(mid)
        stack += [(a, fa, mid, fm), (mid, fm, b, fb)]
    return sorted(found)


def apply_actions(bundle: Bundle, actions: Sequence[Action]) -> Bundle:
    """The bundle with every row the actions describe added (figures set)."""
    stats = merge_figures(bundle.statistics, actions)
    declarations = bundle.declarations.model_copy(
        update={
            "qualitative": bundle.declarations.qualitative
            + tuple(q for a in actions for q in a.declarations)
        }
    )
    return bundle.model_copy(
        update={
            "documents": bundle.documents + tuple(d for a in actions for d in a.documents),
            "links": bundle.links + tuple(i for a in actions for i in a.links),
            "photos": bundle.photos + tuple(i for a in actions for i in a.photos),
            "statistics": stats,
            "declarations": declarations,
        }
    )
