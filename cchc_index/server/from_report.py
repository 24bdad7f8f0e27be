"""'Draft from my report', on the server: the officer uploads the unit's CCHC report while the
unit is a draft; `extract` reads it against the unit's own profile and framework; the page
shows each document and figure it proposes with the sentence it came from, and what a person
must check; the officer ticks what to keep, and each kept record is saved by the record
forms' save (`web.edits.save`): validated, one audit row, the unit rescored.

A proposal never overwrites silently: one that differs from the bundle shows both values and
is unticked. What was proposed travels in the form, signed with the deployment's key (any
worker can take the second step); it is compared with the bundle again when it is kept, and
if the bundle changed in between, nothing is written and the comparison is shown anew.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.errors import CchcError
from cchc_index.extract.draft import build_draft
from cchc_index.extract.readers import read_bytes
from cchc_index.extract.report import extract_source, unit_from_profile
from cchc_index.extract.variables import variables_of
from cchc_index.i18n import tr, using
from cchc_index.server import audit, cycle
from cchc_index.server.db import now
from cchc_index.server.gate import user_of
from cchc_index.server.proposals import FILES, Proposal, compare, read_items
from cchc_index.server.schema import units
from cchc_index.server.views import ServerSite, site
from cchc_index.web.draft import SUFFIXES
from cchc_index.web.edits import save
from cchc_index.web.forms import read_form
from cchc_index.web.kinds import KINDS
from cchc_index.web.scores import changes
from cchc_index.web.site import Flash, request_lang
from cchc_index.web.workspace import file_hash, safe_name

SALT = "cchc-draft-from-report"


def _broken() -> str:
    return tr(
        "Bộ minh chứng đang có lỗi; hãy sửa các lỗi đó (trang Kết quả) rồi đọc báo cáo.",
        "The bundle has problems; fix them (the Score page), then read the report.",
    )


def _signer(s: ServerSite) -> URLSafeSerializer:
    return URLSafeSerializer(s.deployment.secret, salt=SALT)


def _bases(s: ServerSite, name: str) -> dict[str, str]:
    folder = s.folder(name)
    return {file: file_hash(folder / file) for file in FILES}


def form_page(request: Request, problems: list[str] | None = None, status: int = 200) -> Response:
    s = site(request)
    name = request.path_params["bundle"]
    unit = s.cycle.unit(s.folder(name))
    return s.page(
        request,
        "from_report.html",
        status_code=status,
        name=name,
        unit=unit,
        problems=problems or [],
        suffixes=SUFFIXES,
    )


def _review(
    request: Request,
    name: str,
    payload: dict[str, Any],
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    s = site(request)
    folder = s.folder(name)
    unit = s.cycle.unit(folder)
    if unit.bundle is None:
        return form_page(request, [*(problems or []), _broken()], 422)
    proposals = compare(payload, folder, unit_from_profile(unit.bundle.profile))
    payload = {**payload, "bases": _bases(s, name)}
    return s.page(
        request,
        "from_report_review.html",
        status_code=status,
        name=name,
        unit=unit,
        payload=_signer(s).dumps(payload),
        filename=payload["file"],
        proposals=proposals,
        review=payload["review"],
        problems=problems or [],
    )


def _extract(data: bytes, suffix: str, filename: str, unit: cycle.Unit) -> dict[str, Any]:
    assert unit.bundle is not None and unit.source is not None
    variables = variables_of(unit.source.folder)
    extraction = extract_source(
        read_bytes(data, suffix, filename),
        year=unit.bundle.year,
        unit=unit_from_profile(unit.bundle.profile),
        variables=variables,
    )
    draft = build_draft(
        extraction, [], extraction.unit, extraction.year, framework=variables.framework
    )
    return read_items(extraction, draft)


async def read_report(request: Request) -> Response:
    """Read the uploaded report; the proposals page (nothing is written yet)."""
    s = site(request)
    name = request.path_params["bundle"]
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), s.max_body)
        upload = posted.files.get("report")
        if upload is None:
            return form_page(request, [tr("Hãy chọn tệp báo cáo.", "Choose a report file.")], 422)
        filename, data = upload
        suffix = PurePath(filename).suffix.lower()
        if suffix not in SUFFIXES:
            return form_page(
                request,
                [
                    tr(
                        f"Chỉ đọc được tệp {', '.join(SUFFIXES)}.",
                        f"Only {', '.join(SUFFIXES)} files can be read.",
                    )
                ],
                422,
            )
        unit = s.cycle.unit(s.folder(name))
        if unit.bundle is None or unit.source is None:
            return form_page(request, [_broken()], 422)
        shown = safe_name(filename)
        try:
            items = await run_in_threadpool(_extract, data, suffix, shown, unit)
        except CchcError as exc:
            return form_page(request, [p.message for p in exc.problems], 422)
        payload = {
            "unit": name,
            "file": shown,
            "sha256": hashlib.sha256(data).hexdigest(),
            **items,
        }
        return _review(request, name, payload)


def _saved(s: ServerSite, name: str, actor: str, payload: dict[str, Any], p: Proposal) -> str:
    """Save one kept proposal through the record forms' save; '' when saved, else why not."""
    folder = s.folder(name)
    kind = KINDS[p.kind]
    before = cycle.fingerprint(folder)
    result = save(
        folder,
        s.scores.rules_dir,
        kind,
        p.key,
        p.values,
        file_hash(folder / kind.file),
        content_named=True,
    )
    if not result.ok:
        why = [*result.general, *(m for ms in result.fields.values() for m in ms)]
        if result.stale:
            why.append(tr("tệp vừa bị sửa ở nơi khác", "the file was changed elsewhere"))
        return f"{p.label}: " + "; ".join(why)
    after = cycle.fingerprint(folder)
    if after != before:
        detail = tr(
            f"từ báo cáo {payload['file']} (sha256 {payload['sha256'][:16]}), {p.where}",
            f"from report {payload['file']} (sha256 {payload['sha256'][:16]}), {p.where}",
        )
        with s.deployment.engine.begin() as conn:
            audit.append(
                conn,
                actor,
                "record.edit",
                f"{name} {p.kind} {p.key if p.key is not None else result.key}",
                before,
                after,
                detail[:200],
            )
            conn.execute(units.update().where(units.c.id == name).values(updated=now()))
    return ""


async def keep(request: Request) -> Response:
    """Write the ticked proposals, each through the record forms' save."""
    s = site(request)
    name = request.path_params["bundle"]
    user = user_of(request)
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), s.max_body)
        try:
            payload = _signer(s).loads(posted.values.get("payload", ""))
        except BadSignature:
            payload = None
        if not isinstance(payload, dict) or payload.get("unit") != name:
            return form_page(
                request,
                [
                    tr(
                        "Không đọc được các đề xuất; hãy tải báo cáo lên lại.",
                        "The proposals could not be read; upload the report again.",
                    )
                ],
                409,
            )
        if payload.get("bases") != _bases(s, name):
            return _review(
                request,
                name,
                payload,
                [
                    tr(
                        "Bộ minh chứng vừa thay đổi sau khi đọc báo cáo; chưa lưu gì. Hãy xem lại "
                        "các đề xuất dưới đây (đã so lại với bộ minh chứng hiện nay).",
                        "The bundle changed after the report was read; nothing was saved. Check "
                        "the proposals below again (compared anew with the bundle).",
                    )
                ],
                409,
            )
        folder = s.folder(name)
        unit = s.cycle.unit(folder)
        if unit.bundle is None:
            return form_page(request, [_broken()], 422)
        proposals = compare(payload, folder, unit_from_profile(unit.bundle.profile))
        kept = [p for p in proposals if p.actionable and posted.values.get(f"keep-{p.id}")]
        old = unit.draft_result
        refused = [why for p in kept if (why := _saved(s, name, user.login, payload, p))]
        saved = len(kept) - len(refused)
        if refused:
            return _review(
                request,
                name,
                payload,
                [
                    tr(
                        f"Đã lưu {saved} mục; {len(refused)} mục không lưu được:",
                        f"Saved {saved} item(s); {len(refused)} could not be saved:",
                    ),
                    *refused,
                ],
                422,
            )
        new = s.cycle.unit(folder).draft_result
        totals = (old.total, new.total) if old is not None and new is not None else None
        text = tr(
            f"Đã lưu {saved} mục từ báo cáo {payload['file']}.",
            f"Saved {saved} item(s) from the report {payload['file']}.",
        )
        key = s.flash(Flash(text, changes(old, new), totals))
        return RedirectResponse(f"/u/{name}/?m={key}", status_code=303)
