"""For each missing product: which page supplies it (with the form pre-filled) and its
deadline, from the framework; and the review layer's verdict when the result carries one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from cchc_index.model.framework import DocumentProduct, StatisticProduct
from cchc_index.model.result import MissingProduct
from cchc_index.text import format_date
from cchc_index.web.scores import Unit


@dataclass(frozen=True)
class Supply:
    url: str
    deadline: str | None  # dd/mm/yyyy
    still_possible: bool | None  # None: no deadline to judge by
    late_gain: Decimal | None = None  # too late for on time: what supplying it late still adds


def supply(name: str, unit: Unit, missing: MissingProduct) -> Supply:
    """Where the officer adds `missing`, and by when it had to be issued."""
    product = None
    if unit.source is not None:
        for _, _, leaf in unit.source.framework.leaves():
            if leaf.id == missing.node:
                products = [*leaf.evidence, *(e for part in leaf.parts for e in part.evidence)]
                product = next((p for p in products if p.id == missing.product), None)
                break
    last_day, possible, late = _timing(unit, missing)
    shown = format_date(last_day) if last_day is not None else None
    if isinstance(product, DocumentProduct):
        kind, query = "documents", {"for": missing.node, "kind": product.doc_kind.value}
    elif isinstance(product, StatisticProduct):
        known = unit.bundle.statistics if unit.bundle is not None else {}
        wanted = next((v for v in product.variables if v not in known), product.variables[0])
        kind, query = "statistics", {"name": wanted}
    elif product is not None:
        kind, query = ("links" if product.type == "link" else "photos"), {"for": missing.node}
    else:  # the unit's own qualitative self-assessment
        kind, query = "qualitative", {"node": missing.node}
    return Supply(f"/u/{name}/r/{kind}?{urlencode(query)}#add", shown, possible, late)


def _timing(
    unit: Unit, missing: MissingProduct
) -> tuple[dt.date | None, bool | None, Decimal | None]:
    """The last day `missing` can be produced in time (scoring/deadlines.py), and whether that
    day is still ahead; (None, None) when neither the product nor the cycle has a deadline."""
    if unit.split is None:
        return None, None, None
    for possible, timed in [(True, t) for t in unit.split.possible] + [
        (False, t) for t in unit.split.too_late
    ]:
        if timed.product == missing:
            judged = possible if timed.last_day is not None else None
            return timed.last_day, judged, timed.late_gain
    return None, None, None
