"""The rows a reader would expect to count for a product and that did not, with the one
reason each: what turns "thiếu minh chứng" from a mystery into a fix."""

from __future__ import annotations

import dataclasses

from cchc_index.model.bundle import Bundle, Document, Item
from cchc_index.model.framework import DocumentProduct, Framework, ItemProduct, Product
from cchc_index.model.result import Considered, Result
from cchc_index.scoring.matching import EvidenceIndex


def considered(
    framework: Framework, bundle: Bundle, where: dict[int, str] | None = None
) -> dict[str, tuple[Considered, ...]]:
    """Leaf id → the rows considered and not used for its document products. `where` maps
    `id(document)` to its place in the bundle ("documents.csv:7")."""
    index = EvidenceIndex(bundle)
    found: dict[str, list[Considered]] = {}
    for _area, _criterion, leaf, unit in framework.units():
        for product in unit.evidence:
            near = _near(index, product, unit.id)
            if unit.id != leaf.id:  # a part is matched by its own id, then by its node's
                also = {id(row) for row, _why, _value in _near(index, product, leaf.id)}
                near = [entry for entry in near if id(entry[0]) in also]
            for row, why, value in near:
                found.setdefault(leaf.id, []).append(
                    Considered(product.id, row.label(), why, value, (where or {}).get(id(row), ""))
                )
    return {node: tuple(rows) for node, rows in found.items()}


def _near(
    index: EvidenceIndex, product: Product, node_id: str
) -> list[tuple[Document | Item, str, str]]:
    if isinstance(product, DocumentProduct):
        return list(index.considered(product, node_id))
    if isinstance(product, ItemProduct):
        return list(index.considered_items(product, node_id))
    return []


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
