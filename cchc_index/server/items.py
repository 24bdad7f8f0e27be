"""The Sở's table of where the province loses points: every sub-criterion across the units
(their final layer, as the ranking takes it), the most points lost first; each count opens
the list of those units; the table as CSV and XLSX."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import Response

from cchc_index.model.result import Result
from cchc_index.model.spread import SHARES, ItemTable, share_of
from cchc_index.province.spread import item_tables
from cchc_index.report.items import (
    adjustment_words,
    render_items_csv,
    render_items_xlsx,
    share_words,
    table_title,
)
from cchc_index.server.db import reading
from cchc_index.server.gate import user_of
from cchc_index.server.schema import units
from cchc_index.server.views import ServerSite, site
from cchc_index.web.site import NotFound

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# What both pages' templates name the shares and items with.
WORDS: dict[str, Any] = {
    "shares": SHARES,
    "share_words": share_words,
    "table_title": table_title,
    "adjustment_words": adjustment_words,
}


def _names(s: ServerSite) -> dict[str, str]:
    with reading(s.deployment.engine) as conn:
        return dict(conn.execute(sa.select(units.c.id, units.c.name).order_by(units.c.id)).all())


def _results(s: ServerSite, ids: list[str]) -> tuple[list[tuple[str, Result]], list[str]]:
    """(unit id, final result) of every unit that scores, and the ids of those that do not
    (their bundle has problems): the units the ranking ranks, on the layer it ranks."""
    scored, failed = [], []
    for unit_id in ids:
        final = s.cycle.unit(s.folder(unit_id)).final
        if final is None:
            failed.append(unit_id)
        else:
            scored.append((unit_id, final))
    return scored, failed


def _tables(s: ServerSite) -> tuple[list[ItemTable], list[str], dict[str, str]]:
    names = _names(s)
    scored, failed = _results(s, list(names))
    return item_tables(scored), failed, names


def distribution_page(request: Request) -> Response:
    s = site(request)
    tables, failed, names = _tables(s)
    return s.page(
        request,
        "items.html",
        tables=tables,
        failed=[(f, names.get(f, f)) for f in failed],
        **WORDS,
    )


def item_page(request: Request) -> Response:
    """The units of one item (all, or those of one share), the fewest points first."""
    s = site(request)
    user = user_of(request)
    framework, node = request.path_params["framework"], request.path_params["node"]
    year_text = request.path_params["year"]
    wanted = request.query_params.get("g") or None
    if not year_text.isascii() or not year_text.isdigit() or wanted not in (None, *SHARES):
        raise NotFound(node)
    tables, _, names = _tables(s)
    table = next((t for t in tables if (t.framework, t.year) == (framework, int(year_text))), None)
    item = next((i for i in table.items if i.node == node), None) if table else None
    if table is None or item is None:
        raise NotFound(node)
    folders = [
        f for share in SHARES if wanted in (None, share) for f in item.folders.get(share, ())
    ]
    rows = []
    for folder in folders:
        final = s.cycle.unit(s.folder(folder)).final
        leaf = next((r for r in final.leaves if r.id == node), None) if final else None
        if leaf is None:
            continue
        rows.append(
            (
                folder,
                names.get(folder, folder),
                leaf,
                share_of(leaf.points, leaf.max_points, leaf.status.value, leaf.adjustment),
                user.sees(folder),
            )
        )
    rows.sort(key=lambda r: (r[2].points, r[1]))
    return s.page(
        request,
        "item_units.html",
        table=table,
        item=item,
        wanted=wanted,
        rows=rows,
        **WORDS,
    )


def download(request: Request) -> Response:
    """The table as CSV or XLSX (the same rows as the page)."""
    s = site(request)
    fmt = request.path_params["fmt"]
    if fmt not in MEDIA:
        raise NotFound(fmt)
    tables, _, _ = _tables(s)
    data = render_items_csv(tables).encode("utf-8") if fmt == "csv" else render_items_xlsx(tables)
    stamp = dt.date.today().strftime("%Y%m%d")
    return Response(
        data,
        media_type=MEDIA[fmt],
        headers={"content-disposition": f'attachment; filename="phan-bo-tieu-chi-{stamp}.{fmt}"'},
    )
