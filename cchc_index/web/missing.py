"""For each missing product: which page supplies it (with the form pre-filled) and its
deadline, from the framework; and the review layer's verdict when the result carries one."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from cchc_index.model.framework import DocumentProduct, StatisticProduct
from cchc_index.model.result import MissingProduct
from cchc_index.text import format_date
from cchc_index.web.scores import Unit


@dataclass(frozen=True)
class Supply:
    url: str
    deadline: str | None  # dd/mm/yyyy
    still_possible: bool | None  # None: not known (the review layer has not said)


def supply(name: str, unit: Unit, missing: MissingProduct) -> Supply:
    """Where the officer adds `missing`, and by when it had to be issued."""
    product = None
    if unit.source is not None:
        for _, _, leaf in unit.source.framework.leaves():
            if leaf.id == missing.node:
                products = [*leaf.evidence, *(e for part in leaf.parts for e in part.evidence)]
                product = next((p for p in products if p.id == missing.product), None)
                break
    deadline = getattr(missing, "deadline", None)
    shown = deadline if isinstance(deadline, str) else None
    if isinstance(product, DocumentProduct):
        kind, query = "documents", {"for": missing.node, "kind": product.doc_kind.value}
        if shown is None and product.deadline is not None and unit.bundle is not None:
            shown = format_date(product.deadline.resolve(unit.bundle.year))
    elif isinstance(product, StatisticProduct):
        known = unit.bundle.statistics if unit.bundle is not None else {}
        wanted = next((v for v in product.variables if v not in known), product.variables[0])
        kind, query = "statistics", {"name": wanted}
    elif product is not None:
        kind, query = ("links" if product.type == "link" else "photos"), {"for": missing.node}
    else:  # the unit's own qualitative self-assessment
        kind, query = "qualitative", {"node": missing.node}
    possible = getattr(missing, "still_possible", None)
    return Supply(
        f"/u/{name}/r/{kind}?{urlencode(query)}#add",
        shown,
        possible if isinstance(possible, bool) else None,
    )
