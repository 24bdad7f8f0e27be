"""Links from a bundle's rows into the framework (`for` ids), and dates that cannot be right.

A `for` id names the sub-criterion a row is evidence for; a typo there would silently cost the
unit its points, so an unknown id is an error with the nearest ids. A date many years away from
the assessment year is most likely a typo (1899, 9999): a warning, located at its cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_index.errors import Problem
from cchc_index.i18n import tr
from cchc_index.model.framework import Area, Criterion, Framework, Leaf
from cchc_index.source import Located
from cchc_index.suggest import suggest

if TYPE_CHECKING:  # the bundle loader imports this module for its date warnings
    from cchc_index.load.bundle import BundleSource

TABLES = ("documents.csv", "links.csv", "photos.csv")
PLAUSIBLE_YEARS = 3  # a document more than this many years from the assessment year is odd


def all_nodes(framework: Framework) -> dict[str, Area | Criterion | Leaf]:
    """Every area, criterion and sub-criterion of the framework by id."""
    nodes: dict[str, Area | Criterion | Leaf] = {a.id: a for a in framework.areas}
    nodes |= {c.id: c for a in framework.areas for c in a.criteria}
    nodes |= {leaf.id: leaf for _, _, leaf in framework.leaves()}
    return nodes


def check_links(source: BundleSource, framework: Framework) -> list[Problem]:
    """Every `for` id of every table row must name a scored node of the framework: an unknown
    id, or a criterion made of sub-criteria (which no product of its own can count for), would
    silently count for nothing."""
    nodes = all_nodes(framework)
    leaves = [leaf.id for _, _, leaf in framework.leaves()]
    scored = set(leaves)
    problems: list[Problem] = []
    bundle = source.bundle
    rows: dict[str, tuple[Any, ...]] = {
        "documents.csv": bundle.documents,
        "links.csv": bundle.links,
        "photos.csv": bundle.photos,
    }
    for table in TABLES:
        src: Located | None = source.files.get(table)
        if src is None:
            continue
        for index, row in enumerate(rows[table]):
            for node in row.for_:
                if node in nodes and node not in scored:
                    inner = [leaf for leaf in leaves if leaf.startswith(f"{node}.")]
                    problems.append(
                        src.problem(
                            (index, "for"),
                            tr(
                                f"cột 'for' ghi '{node}', mục gồm nhiều tiêu chí thành phần; hãy ghi mã tiêu chí thành phần: {', '.join(inner)}",
                                f"'for' names '{node}', which is made of sub-criteria; name the sub-criterion: {', '.join(inner)}",
                            ),
                        )
                    )
                elif node not in nodes:
                    hint = suggest(node, leaves) or suggest(node, nodes)
                    problems.append(
                        src.problem(
                            (index, "for"),
                            tr(
                                f"cột 'for' ghi mục '{node}' không có trong bộ chỉ số '{framework.meta.id}'{hint}",
                                f"'for' names '{node}', which is not in framework '{framework.meta.id}'{hint}",
                            ),
                        )
                    )
    return problems


def date_warnings(
    files: dict[str, Located], rows: dict[str, tuple[Any, ...]], year: int
) -> list[Problem]:
    """Rows dated more than PLAUSIBLE_YEARS from the assessment year: likely a typo."""
    warnings: list[Problem] = []
    for table in TABLES:
        src = files.get(table)
        if src is None:
            continue
        for index, row in enumerate(rows.get(table, ())):
            date = getattr(row, "date", None)
            if date is None or abs(date.year - year) <= PLAUSIBLE_YEARS:
                continue
            warnings.append(
                src.problem(
                    (index, "date"),
                    tr(
                        f"ngày {date:%d/%m/%Y} cách năm đánh giá {year} quá {PLAUSIBLE_YEARS} năm: có gõ nhầm năm không?",
                        f"date {date:%d/%m/%Y} is more than {PLAUSIBLE_YEARS} years from assessment year {year}: a typo in the year?",
                    ),
                )
            )
    return warnings
