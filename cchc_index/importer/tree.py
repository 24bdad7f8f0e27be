"""Table rows → a tree of nodes by the STT column (1 / 1.1 / 1.1.1, roman numerals, letters);
rows without an STT are the option or part rows of the node above them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cchc_index.importer.columns import Columns
from cchc_index.importer.parse import Option, points, roman, split_inline, stt
from cchc_index.importer.table import plain


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


_LEAD = re.compile(r"^\s*([IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)]\s+(\S.*)$", re.S)
_TOTAL = re.compile(r"^(tong cong|tong diem|tong so diem|tong)\b|^chi so cai cach")
_TITLE_POINTS = re.compile(r"\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)\s*$", re.I)


@dataclass
class Tree:
    """The areas with their descendants; rows that fit nowhere; the table's own total row."""

    roots: list[Node]
    stray: list[str]
    total: Decimal | None = None
    total_place: str = ""
    duplicates: list[str] = field(default_factory=list)


def _mark_and_title(raw: str, title: str) -> tuple[str | None, str]:
    """The STT and the title of a row; an area row merged across the STT and title columns
    ("I. CÔNG TÁC CHỈ ĐẠO …" in both cells, or in the STT cell alone) gives both."""
    mark = stt(raw)
    if mark is not None:
        return mark, title
    lead = _LEAD.match(raw or "")
    if lead and (not title or title == raw or raw.endswith(title)):
        return lead[1], lead[2].strip()
    return None, title


def _title_points(title: str) -> tuple[str, Decimal | None]:
    """A title that carries its points: "CÔNG TÁC CHỈ ĐẠO (20 điểm)", "Kế hoạch …: 0,5 điểm"."""
    found = _TITLE_POINTS.search(title)
    if found:
        return title[: found.start()].strip(), points(found[1])
    body, value = split_inline(title)
    if value is not None and re.search(r"(điểm|đ)\s*\.?\s*$", title, re.I):
        return body, value
    return title, None


def build_tree(columns: Columns) -> Tree:
    """The areas (depth-1 nodes) with their descendants, and rows that fit nowhere."""
    tree = Tree([], [])
    by_id: dict[str, Node] = {}
    last: Node | None = None
    area: Node | None = None
    holder: Node | None = None  # the last node a lettered row would belong to
    lettered = False  # the last node was numbered by a letter (its next letter is a sibling)
    roman_area = False
    previous = ""
    for row, place in zip(columns.rows, columns.places, strict=True):
        raw = _cell(row, columns, "stt")
        title = _cell(row, columns, "title")
        mark, title = _mark_and_title(raw, title) if raw != previous else (None, title)
        previous = raw  # an STT merged down repeats its text
        point_text = _cell(row, columns, "points")
        method, evidence = _cell(row, columns, "method"), _cell(row, columns, "evidence")
        letter = mark is not None and mark.isalpha() and not mark.isupper()
        if letter and last is not None and last.depth >= 3 and not lettered:
            mark = None  # "a, b" under a sub-criterion: its option rows
        if mark is None:
            if _TOTAL.match(plain(title)) and point_text and points(point_text) is not None:
                tree.total, tree.total_place = points(point_text), place
                continue
            if last is None:
                if title:
                    tree.stray.append(place)
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
            tree.stray.append(place)
            continue
        if node_id in by_id:
            tree.duplicates.append(f"{place} ({mark} → {node_id})")
            tree.stray.append(place)
            continue
        clean_title = " ".join(title.split("\n"))
        value = points(point_text)
        if not point_text:
            clean_title, value = _title_points(clean_title)
        node = Node(node_id, clean_title, value, point_text, method, evidence, place)
        parent_id = node_id.rsplit(".", 1)[0] if "." in node_id else None
        if parent_id is None:
            tree.roots.append(node)
            area, roman_area = node, not mark[0].isdigit()
        elif parent_id in by_id:
            by_id[parent_id].children.append(node)
        else:
            tree.stray.append(place)
            continue
        by_id[node_id] = node
        last, lettered = node, mark.isalpha() and not mark.isupper()
        if node.depth <= 2 and not lettered:
            holder = node
    return tree


def _node_id(mark: str, area: Node | None, roman_area: bool, holder: Node | None) -> str | None:
    """The node id of an STT: roman numerals number areas; under a roman area an arabic
    number (1, 1.1) is numbered within it (I / 1 / 1.1 → 1 / 1.1 / 1.1.1, and II / 1 → 2.1);
    a letter is a sub-criterion of the criterion above it."""
    if mark.isupper() and (value := roman(mark)) is not None:
        return str(value)
    if mark[0].isdigit():
        if roman_area and area is not None:
            return f"{area.id}.{mark}"
        return mark
    if mark.isalpha() and holder is not None:
        return f"{holder.id}.{ord(mark) - ord('a') + 1}"
    return None
