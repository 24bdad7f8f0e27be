"""Links from a bundle's rows into the framework (`for` ids).

A `for` id names the sub-criterion a row is evidence for; a typo there would silently cost the
unit its points, so an unknown id is an error with the nearest ids.
"""

from __future__ import annotations

from typing import Any

from cchc_index.errors import Problem
from cchc_index.i18n import tr
from cchc_index.load.bundle import BundleSource
from cchc_index.model.framework import Framework
from cchc_index.source import Located
from cchc_index.suggest import suggest

TABLES = ("documents.csv", "links.csv", "photos.csv")


def check_links(source: BundleSource, framework: Framework) -> list[Problem]:
    """Every `for` id of every table row must name a scored node of the framework: an unknown
    id, or a criterion made of sub-criteria (which no product of its own can count for), would
    silently count for nothing."""
    nodes = framework.nodes_by_id
    # a part is matched by its own id, then by its node's (scoring/metrics.py)
    scored = framework.scored_ids
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
                if node in scored:
                    continue
                leaves = [leaf.id for _, _, leaf in framework.leaves()]
                if node in nodes:
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
                else:
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
