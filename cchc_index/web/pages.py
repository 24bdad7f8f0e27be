"""Read-only pages: the bundles, a unit's score, `explain` of a node, downloads, language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.errors import CchcError
from cchc_index.i18n import tr, using
from cchc_index.report.explain import explain_node, find_node
from cchc_index.report.formats import FORMATS
from cchc_index.service.outputs import produce
from cchc_index.service.review import Unloaded
from cchc_index.web import layers_view, plan_view
from cchc_index.web.kinds import KINDS
from cchc_index.web.missing import supply
from cchc_index.web.scores import Unit, reason_of, total_range
from cchc_index.web.site import NotFound, Site, request_lang, site_of

LABELS = {
    "docx": ("Báo cáo và Phụ lục DOCX (Word)", "DOCX report and annex (Word)"),
    "pdf": ("Báo cáo và Phụ lục PDF (để in, gửi)", "PDF report and annex (to print, to send)"),
    "xlsx": ("Bảng làm việc XLSX (Excel)", "XLSX working file (Excel)"),
    "html": ("Trang HTML để in", "Printable HTML page"),
    "csv": ("CSV (mở bằng Excel)", "CSV (opens in Excel)"),
    "markdown": ("Markdown", "Markdown"),
    "json": ("JSON", "JSON"),
    "table": ("Bảng (văn bản thuần)", "Table (plain text)"),
}


def formats() -> list[tuple[str, str]]:
    """Every format of the registry (report/formats.py), the filed documents first, as
    (key, label): a format added there appears here."""
    order = list(LABELS)
    names = sorted(FORMATS, key=lambda n: order.index(n) if n in order else len(order))
    return [(n, tr(*LABELS.get(n, (n.upper(), n.upper())))) for n in names]


def bundle_list(request: Request) -> Response:
    site = site_of(request)
    units = [(name, site.scores.unit(folder)) for name, folder in site.workspace.bundles().items()]
    return site.page(request, "index.html", units=units, total_range=total_range)


def _unit_context(name: str, unit: Unit, site: Site) -> dict[str, Any]:
    return dict(
        name=name,
        unit=unit,
        kinds=KINDS,
        formats=formats(),
        reason_of=reason_of,
        total_range=total_range,
        supply=supply,
        rows=layers_view.rows,
        columns=layers_view.columns,
        next_plan=plan_view.next_band(name, unit),
        # the kept file checks, when no file changed since (never made here)
        checked=site.checks.last(unit.folder),
    )


def unit_page(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    unit = site.scores.unit(site.folder(name))
    status_code = 200 if unit.result is not None else 422
    return site.page(
        request, "unit.html", status_code=status_code, **_unit_context(name, unit, site)
    )


def explain_page(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    node_id = request.path_params["node"]
    unit = site.scores.unit(site.folder(name))
    if unit.source is None:
        raise NotFound(node_id)
    with using(request_lang(request)):
        try:
            node = find_node(unit.source.framework, node_id, unit.source.folder)
        except CchcError:
            raise NotFound(node_id) from None
        text = explain_node(unit.source.framework, node, unit.result)
    return site.page(request, "explain.html", name=name, unit=unit, node=node, text=text)


def download(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS:
        raise NotFound(fmt)
    unit = site.scores.unit(site.folder(name))
    if isinstance(unit, Unloaded):
        return site.page(request, "unit.html", status_code=422, **_unit_context(name, unit, site))
    with using(request_lang(request)):
        made = produce(unit, fmt)
    filename = f"{name}-ket-qua{made.suffix}"
    return Response(
        made.as_bytes(),
        media_type=made.media,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def set_lang(request: Request) -> Response:
    to = request.query_params.get("to", "vi")
    back = request.query_params.get("next", "/")
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/"
    response = RedirectResponse(back, status_code=303)
    response.set_cookie("lang", "en" if to == "en" else "vi", samesite="strict", httponly=True)
    return response


def static_path() -> Path:
    return Path(__file__).parent / "static"
