"""The rows a reader would expect to count for a product and that did not, with the one
reason each: what turns "thiếu minh chứng" from a mystery into a fix."""

from __future__ import annotations

import dataclasses

from cchc_index.model.bundle import Bundle, Document, Item
from cchc_index.model.framework import DocumentProduct, Framework, ItemProduct
from cchc_index.model.result import Considered, Result
from cchc_index.scoring.matching import EvidenceIndex


def considered(
    framework: Framework, bundle: Bundle, where: dict[int, str] | None = None
) -> dict[str, tuple[Considered, ...]]:
    """Leaf id → the rows considered and not used for its document products. `where` maps
    `id(document)` to its place in the bundle ("documents.csv:7")."""
    index = EvidenceIndex(bundle)
    found: dict[str, tuple[Considered, ...]] = {}
    for _area, _criterion, leaf in framework.leaves():
        rows: list[Considered] = []
        for product in leaf.evidence:
            near: list[tuple[Document | Item, str, str]] = []
            if isinstance(product, DocumentProduct):
                near.extend(index.considered(product, leaf.id))
            elif isinstance(product, ItemProduct):
                near.extend(index.considered_items(product, leaf.id))
            for row, why, value in near:
                rows.append(
                    Considered(product.id, row.label(), why, value, (where or {}).get(id(row), ""))
                )
        if rows:
            found[leaf.id] = tuple(rows)
    return found


def with_considered(
    result: Result, framework: Framework, bundle: Bundle, where: dict[int, str] | None = None
) -> Result:
    """`result` with each leaf's considered rows filled in."""
    rows = considered(framework, bundle, where)
    if not rows:
        return result
    leaves = tuple(
        dataclasses.replace(leaf, considered=rows[leaf.id]) if leaf.id in rows else leaf
        for leaf in result.leaves
    )
    return dataclasses.replace(result, leaves=leaves)


def row_places(rows: tuple[Document | Item, ...], path: str, lines: list[int]) -> dict[int, str]:
    """`id(row)` → "documents.csv:LINE" (or links.csv, photos.csv) from the loader's lines."""
    return {id(row): f"{path}:{line}" for row, line in zip(rows, lines, strict=False)}
