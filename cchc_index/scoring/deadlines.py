"""The cycle's dates applied: the deadline lock of the self layer, and which missing products
can still be produced in time on a given day."""

from __future__ import annotations

import datetime as dt

from cchc_index.model.bundle import Bundle, Document
from cchc_index.model.deadlines import Split, Timed
from cchc_index.model.framework import DocumentProduct, Framework
from cchc_index.model.result import MissingProduct


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


def _last_day(framework: Framework, product: MissingProduct, year: int) -> dt.date | None:
    leaf = next((leaf for _, _, leaf in framework.leaves() if leaf.id == product.node), None)
    wanted = None
    if leaf is not None:
        wanted = next((p for p in leaf.evidence if p.id == product.product), None)
    days = [d for d in (self_due(framework, year),) if d is not None]
    if isinstance(wanted, DocumentProduct) and wanted.deadline is not None:
        days.append(wanted.deadline.resolve(year))
    return min(days, default=None)


def split_missing(
    framework: Framework, missing: tuple[MissingProduct, ...], year: int, on: dt.date
) -> Split:
    """Missing products that can still be produced in time on `on`, and those that cannot:
    a product whose own deadline (a plan due 31/12 of last year) or the self-assessment due
    date has passed can no longer earn its on-time points."""
    possible, too_late = [], []
    for product in missing:
        timed = Timed(product, _last_day(framework, product, year))
        if timed.last_day is not None and on > timed.last_day:
            too_late.append(timed)
        else:
            possible.append(timed)
    return Split(on, self_due(framework, year), tuple(possible), tuple(too_late))
