"""Table rows → a tree of nodes by the STT column (1 / 1.1 / 1.1.1, roman numerals, letters);
rows without an STT are the option or part rows of the node above them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cchc_index.importer.columns import Columns
from cchc_index.importer.parse import Option, points, roman, split_inline, stt


@dataclass
class Node:
    id: str
    title: str
    points: Decimal | None
    points_text: str
    method_text: str
    evidence_text: str
    place: str
    options: list[Option] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return self.id.count(".") + 1


def _cell(row: tuple[str, ...], columns: Columns, role: str) -> str:
    index = columns.roles.get(role)
    return row[index] if index is not None and index < len(row) else ""


def build_tree(columns: Columns) -> tuple[list[Node], list[str]]:
    """The areas (depth-1 nodes) with their descendants, and rows that fit nowhere."""
    roots: list[Node] = []
    by_id: dict[str, Node] = {}
    last: Node | None = None
    area: Node | None = None
    holder: Node | None = None  # the last node a lettered row would belong to
    roman_area = False
    stray: list[str] = []
    previous = ""
    for row, place in zip(columns.rows, columns.places, strict=True):
        raw = _cell(row, columns, "stt")
        mark = stt(raw) if raw != previous else None  # an STT merged down repeats its text
        previous = raw
        title = _cell(row, columns, "title")
        point_text = _cell(row, columns, "points")
        method, evidence = _cell(row, columns, "method"), _cell(row, columns, "evidence")
        if mark is None:
            if last is None:
                if title:
                    stray.append(place)
                continue
            if not (title or point_text or method):
                continue
            body, inline = split_inline(title)
            value = points(point_text) if point_text else inline
            if not evidence and last.options:  # a merged evidence cell, read once (PDF, CSV)
                evidence = last.options[-1].evidence_text
            last.options.append(Option(body or title, value, method, evidence, place))
            continue
        node_id = _node_id(mark, area, roman_area, holder)
        if node_id is None:
            stray.append(place)
            continue
        node = Node(
            node_id,
            " ".join(title.split("\n")),
            points(point_text),
            point_text,
            method,
            evidence,
            place,
        )
        parent_id = node_id.rsplit(".", 1)[0] if "." in node_id else None
        if parent_id is None:
            roots.append(node)
            area, roman_area = node, mark[0] not in "0123456789"
        elif parent_id in by_id:
            by_id[parent_id].children.append(node)
        else:
            stray.append(place)
            continue
        by_id[node_id] = node
        last = node
        if node.depth <= 2 and not mark.isalpha():
            holder = node
    return roots, stray


def _node_id(mark: str, area: Node | None, roman_area: bool, holder: Node | None) -> str | None:
    """The node id of an STT: roman numerals number areas; under a roman area a plain number
    is a criterion of it; a letter is a sub-criterion of the criterion above it."""
    if mark.isupper() and (value := roman(mark)) is not None:
        return str(value)
    if mark[0] in "0123456789":
        if "." not in mark and roman_area and area is not None:
            return f"{area.id}.{mark}"
        return mark
    if mark.isalpha() and holder is not None:
        return f"{holder.id}.{ord(mark) - ord('a') + 1}"
    return None
