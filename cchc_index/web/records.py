"""Pages that list, add, change and delete the records of a bundle (POST, then redirect)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.i18n import tr, using
from cchc_index.model.framework import Framework
from cchc_index.web.checks import row_of
from cchc_index.web.edits import Saved, Upload, save
from cchc_index.web.forms import read_form
from cchc_index.web.kinds import KINDS, Kind
from cchc_index.web.scores import Unit, changes, total_range
from cchc_index.web.site import Flash, NotFound, Site, request_lang, site_of
from cchc_index.web.staging import read
from cchc_index.web.workspace import file_hash

CHECKED_KINDS = frozenset({"documents", "photos"})  # rows whose files `verify` reads


def _kind(request: Request) -> Kind:
    kind = KINDS.get(request.path_params["kind"])
    if kind is None:
        raise NotFound(request.path_params["kind"])
    return kind


def node_choices(framework: Framework | None, kind: Kind) -> list[tuple[str, str]]:
    """(id, title) of the nodes a declaration of `kind` may name."""
    if framework is None:
        return []
    if kind.name == "qualitative":
        return [
            (leaf.id, leaf.title)
            for _, _, leaf in framework.leaves()
            if any(
                m.type == "qualitative" for m in (leaf.method, *(p.method for p in leaf.parts)) if m
            )
        ]
    found: list[tuple[str, str]] = []
    for area in framework.areas:
        if area.not_applicable and area.not_applicable.declarable:
            found.append((area.id, area.title))
        for criterion in area.criteria:
            if criterion.not_applicable and criterion.not_applicable.declarable:
                found.append((criterion.id, criterion.title))
            for leaf in criterion.sub_criteria:
                if leaf.not_applicable and leaf.not_applicable.declarable:
                    found.append((leaf.id, leaf.title))
    return found


def _form_page(
    request: Request,
    site: Site,
    unit: Unit,
    name: str,
    kind: Kind,
    *,
    key: str | None,
    values: dict[str, str],
    base: str,
    saved: Saved | None = None,
    typed: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    folder = unit.folder
    records = kind.records(read(folder / kind.file))
    framework = unit.source.framework if unit.source else None
    variables = framework.meta.variables if framework else {}
    template = "records.html" if key is None and request.method == "GET" else "edit.html"
    ctx: dict[str, Any] = dict(
        name=name,
        unit=unit,
        kind=kind,
        kinds=KINDS,
        records=records,
        key=key,
        values=values,
        base=base,
        saved=saved,
        typed=typed,
        nodes=node_choices(framework, kind),
        variables=variables,
        total_range=total_range,
        # the kept file checks of the bundle (never made here: reading scans takes seconds)
        checked=site.checks.last(folder) if kind.name in CHECKED_KINDS else None,
        checked_kind=kind.name in CHECKED_KINDS,
        row_of=row_of,
    )
    return site.page(request, template, status_code=status_code, **ctx)


def list_page(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    kind = _kind(request)
    folder = site.folder(name)
    unit = site.scores.unit(folder)
    preset = {f.name: request.query_params.get(f.name, "") for f in kind.fields}
    return _form_page(
        request, site, unit, name, kind, key=None, values=preset, base=file_hash(folder / kind.file)
    )


def edit_page(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    kind = _kind(request)
    folder = site.folder(name)
    records = dict(kind.records(read(folder / kind.file)))
    key = request.path_params["key"]
    if key not in records:
        raise NotFound(key)
    unit = site.scores.unit(folder)
    return _form_page(
        request,
        site,
        unit,
        name,
        kind,
        key=key,
        values=records[key],
        base=file_hash(folder / kind.file),
    )


async def post_record(request: Request) -> Response:
    """Add (no key), change (a key) or delete (a key and /delete) a record."""
    site = site_of(request)
    name = request.path_params["bundle"]
    kind = _kind(request)
    folder = site.folder(name)
    key = request.path_params.get("key")
    delete = request.url.path.endswith("/delete")
    with using(request_lang(request)):
        posted = await read_form(request, site.csrf(request), site.max_body)
        values = None if delete else {f.name: posted.values.get(f.name, "") for f in kind.fields}
        upload = posted.files.get("upload")
        before = site.scores.unit(folder)
        saved = save(
            folder,
            site.scores.rules_dir,
            kind,
            key,
            values,
            posted.values.get("base", ""),
            Upload(*upload) if upload else None,
            content_named=site.content_named,
        )
        if saved.ok:
            after = site.scores.unit(folder)
            text = _done(kind, key, delete, values)
            totals = None
            old, new = before.draft_result, after.draft_result  # a submission's layers stay
            if old is not None and new is not None:
                totals = (old.total, new.total)
            flash = site.flash(Flash(text, changes(old, new), totals))
            return RedirectResponse(f"/u/{name}/r/{kind.name}?m={flash}", status_code=303)
        return _refused(request, site, folder, name, kind, key, values or {}, saved)


def _refused(
    request: Request,
    site: Site,
    folder: Path,
    name: str,
    kind: Kind,
    key: str | None,
    values: dict[str, str],
    saved: Saved,
) -> Response:
    unit = site.scores.unit(folder)
    base = file_hash(folder / kind.file)
    if not saved.stale:
        return _form_page(
            request,
            site,
            unit,
            name,
            kind,
            key=key,
            values=values,
            base=base,
            saved=saved,
            status_code=422,
        )
    current = dict(kind.records(read(folder / kind.file)))
    shown = current.get(key, {}) if key is not None else values
    if key is not None and key not in current:
        key = None  # the record is gone: the form adds it again
        shown = values
    return _form_page(
        request,
        site,
        unit,
        name,
        kind,
        key=key,
        values=shown,
        base=base,
        saved=saved,
        typed=values,
        status_code=409,
    )


def _done(kind: Kind, key: str | None, delete: bool, values: dict[str, str] | None) -> str:
    label = ""
    if values:
        label = (
            values.get("number")
            or values.get("name")
            or values.get("title")
            or values.get("node")
            or values.get("url")
            or ""
        )
    if delete:
        return tr(f"Đã xóa {kind.one()}.", f"Deleted the {kind.one()}.")
    if key is None:
        return tr(f"Đã thêm {kind.one()} {label}.", f"Added the {kind.one()} {label}.")
    return tr(f"Đã lưu {kind.one()} {label}.", f"Saved the {kind.one()} {label}.")
