"""The cycle's dates applied: the deadline lock of the self layer, and which missing products
can still be produced in time on a given day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from cchc_index.methods.documents import Timeliness
from cchc_index.model.bundle import Bundle, Document
from cchc_index.model.deadlines import Split, Timed
from cchc_index.model.framework import PART_SEP, DocumentProduct, Framework
from cchc_index.model.layers import Layer, LayerTotal
from cchc_index.model.result import MissingProduct, Result
from cchc_index.scoring.rollup import band_of, percent

if TYPE_CHECKING:  # `check` needs them; `score` only asks for the due date
    from cchc_index.model.deadlines import Split, Timed


def self_due(framework: Framework, year: int) -> dt.date | None:
    """The self-assessment due date of `year`'s cycle, when the framework states one."""
    cycle = framework.meta.cycle
    return cycle.self_due(year) if cycle is not None else None


def lock_bundle(bundle: Bundle, due: dt.date) -> tuple[Bundle, tuple[Document, ...]]:
    """The bundle as it stood on the due date: documents, links and photos dated after it
    are left out of the self layer. Returns the locked bundle and the documents left out."""
    late = tuple(d for d in bundle.documents if d.date > due)
    kept = tuple(d for d in bundle.documents if d.date <= due)
    links = tuple(i for i in bundle.links if i.date is None or i.date <= due)
    photos = tuple(i for i in bundle.photos if i.date is None or i.date <= due)
    locked = bundle.model_copy(update={"documents": kept, "links": links, "photos": photos})
    return locked, late


def _timed(framework: Framework, product: MissingProduct, year: int, on: dt.date) -> Timed:
    """The product with its last day; past its own deadline (but before self-assessment is
    due), what a late document still earns where the node is scored by timeliness."""
    unit_id = product.node + (PART_SEP + product.part if product.part else "")
    leaf = next((u for _, _, _, u in framework.units() if u.id == unit_id), None)  # or the part
    wanted = None
    if leaf is not None:
        wanted = next((p for p in leaf.evidence if p.id == product.product), None)
    due = self_due(framework, year)
    own = (
        wanted.deadline.resolve(year)
        if isinstance(wanted, DocumentProduct) and wanted.deadline
        else None
    )
    last = min((d for d in (due, own) if d is not None), default=None)
    late = None
    if own is not None and on > own and (due is None or on <= due) and leaf is not None:
        method = leaf.method
        if isinstance(method, Timeliness) and method.product == product.product:
            within = method.late_within_days is None or (on - own).days <= method.late_within_days
            now = min(method.on_time, leaf.points) - product.gain_together  # points it has
            late = max(Decimal(0), min(method.late, leaf.points) - now) if within else Decimal(0)

    return Timed(product, last, late)


def split_missing(framework: Framework, result: Result, on: dt.date) -> Split:
    """Missing products of `result` that can still be produced in time on `on`, and those that
    cannot: a product whose own deadline (a plan due 31/12 of last year) or the self-assessment
    due date has passed can no longer earn its on-time points. With the total the unit can still
    reach (late documents at their late points), and its band (an upper bound where a figure
    not yet known is assumed good)."""
    year = result.year
    possible, too_late = [], []
    for product in result.missing:
        timed = _timed(framework, product, year, on)
        if timed.last_day is not None and on > timed.last_day:
            too_late.append(timed)
        else:
            possible.append(timed)
    late = {(t.product.node, t.product.part) for t in too_late}
    gains: dict[tuple[str, str | None], Decimal] = {}
    bound = False
    for t in possible:  # each node (or part) once: all its products, or the best one alone
        key, m = (t.product.node, t.product.part), t.product
        gain = m.gain if key in late else m.gain_together
        gains[key] = max(gains.get(key, Decimal(0)), gain)
        bound = bound or (m.upper_bound and gain > 0)
    for t in too_late:  # a timeliness document supplied late still earns its `late` points
        if t.late_gain:
            key = (t.product.node, t.product.part)
            gains[key] = max(gains.get(key, Decimal(0)), t.late_gain)
    total = result.total + sum(gains.values(), Decimal(0))
    index = percent(total, result.max_points)
    reachable = LayerTotal(
        Layer.FINAL, total, result.max_points, index, band_of(framework, index, result.level)
    )

    return Split(on, self_due(framework, year), tuple(possible), tuple(too_late), reachable, bound)
