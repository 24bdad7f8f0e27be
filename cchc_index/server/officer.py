"""The unit's side of the cycle: submit, answer round 1, and its evidence files shown inline."""

from __future__ import annotations

import mimetypes
from pathlib import Path

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.i18n import tr, using
from cchc_index.server import audit, cycle
from cchc_index.server.db import now, reading
from cchc_index.server.gate import user_of
from cchc_index.server.schema import appraisal_entries, explanations, submissions, units, users
from cchc_index.server.states import DRAFT, EXPLAINED, ROUND1, SUBMITTED
from cchc_index.server.views import ServerSite, site
from cchc_index.text import safe_text
from cchc_index.web.edits import EVIDENCE_SUFFIXES
from cchc_index.web.forms import read_form
from cchc_index.web.site import Flash, NotFound, request_lang

INLINE = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp"}  # the browser shows these itself
MAX_TEXT = 4000


def redirect_to(s: ServerSite, name: str, text: str, to: str = "") -> Response:
    key = s.flash(Flash(text))
    return RedirectResponse(f"/u/{name}/{to}?m={key}", status_code=303)


def set_status(conn: sa.Connection, unit_id: str, before: str, after: str, actor: str) -> bool:
    """Move the unit from `before` to `after` (False when another request moved it first)."""
    done = conn.execute(
        units.update()
        .where(units.c.id == unit_id, units.c.status == before)
        .values(status=after, updated=now())
    ).rowcount
    if done:
        audit.append(conn, actor, "status", unit_id, before, after)
    return bool(done)


async def submit(request: Request) -> Response:
    s = site(request)
    user = user_of(request)
    name = request.path_params["bundle"]
    with using(request_lang(request)):
        await read_form(request, s.csrf(request), 64 * 1024)
        folder = s.folder(name)
        unit = s.cycle.unit(folder)
        if unit.result is None:
            return redirect_to(
                s,
                name,
                tr(
                    "Bộ minh chứng còn lỗi; sửa rồi mới nộp được.",
                    "The bundle has problems; fix them before submitting.",
                ),
            )
        deadline = s.deadline(name, unit)
        if not deadline.open:
            return redirect_to(
                s,
                name,
                deadline.words()
                + " "
                + tr(
                    "Không nộp được nữa trừ khi Sở Nội vụ mở lại.",
                    "Submitting is closed unless the Department reopens it.",
                ),
            )
        with s.deployment.engine.begin() as conn:
            count = conn.execute(
                sa.select(sa.func.count())
                .select_from(submissions)
                .where(submissions.c.unit_id == name)
            ).scalar_one()
            target = s.deployment.submissions_dir / name / f"{count + 1:03d}"
            digest = cycle.snapshot(folder, target)
            if not set_status(conn, name, DRAFT, SUBMITTED, user.login):
                return redirect_to(
                    s, name, tr("Đơn vị đã nộp rồi.", "The unit was already submitted.")
                )
            conn.execute(
                submissions.insert().values(
                    unit_id=name,
                    user_id=user.id,
                    at=now(),
                    bundle_hash=digest,
                    folder=str(target.relative_to(s.deployment.root)),
                )
            )
            audit.append(conn, user.login, "submit", name, "-", digest)
        return redirect_to(
            s, name, tr("Đã nộp bộ minh chứng để thẩm định.", "Submitted for appraisal.")
        )


def appraisal_rows(
    conn: sa.Connection, name: str
) -> tuple[list[sa.Row[tuple[object, ...]]], list[sa.Row[tuple[object, ...]]]]:
    found = conn.execute(
        sa.select(appraisal_entries, users.c.login)
        .join(users, users.c.id == appraisal_entries.c.user_id)
        .where(appraisal_entries.c.unit_id == name)
        .order_by(appraisal_entries.c.id)
    ).all()
    answers = conn.execute(
        sa.select(explanations, users.c.login)
        .join(users, users.c.id == explanations.c.user_id)
        .where(explanations.c.unit_id == name)
        .order_by(explanations.c.id)
    ).all()
    return list(found), list(answers)


def explanations_page(request: Request) -> Response:
    s = site(request)
    name = request.path_params["bundle"]
    unit = s.cycle.unit(s.folder(name))
    with reading(s.deployment.engine) as conn:
        entries, answers = appraisal_rows(conn, name)
    titles = {leaf.id: leaf.title for leaf in cycle.leaves(unit)}
    return s.page(
        request,
        "explanations.html",
        name=name,
        unit=unit,
        entries=entries,
        answers=answers,
        titles=titles,
        can_answer=user_of(request).role == "officer" and s.status(name) == ROUND1,
    )


async def explain(request: Request) -> Response:
    s = site(request)
    user = user_of(request)
    name = request.path_params["bundle"]
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), 256 * 1024)
        with s.deployment.engine.begin() as conn:
            asked = {
                r[0]
                for r in conn.execute(
                    sa.select(appraisal_entries.c.node).where(
                        appraisal_entries.c.unit_id == name, appraisal_entries.c.round == 1
                    )
                )
            }
            written = 0
            for node in sorted(asked):
                text = safe_text(posted.values.get(f"text-{node}", ""))[:MAX_TEXT]
                if text:
                    conn.execute(
                        explanations.insert().values(
                            unit_id=name, node=node, text=text, user_id=user.id, at=now()
                        )
                    )
                    audit.append(
                        conn, user.login, "explanation", f"{name} {node}", detail=text[:200]
                    )
                    written += 1
            if posted.values.get("send") == "1":
                set_status(conn, name, ROUND1, EXPLAINED, user.login)
            write_appraisal_of(s, conn, name)
        text = tr(f"Đã lưu {written} giải trình.", f"Saved {written} explanation(s).")
        if posted.values.get("send") == "1":
            text += " " + tr("Đã gửi giải trình cho hội đồng.", "Explanations sent to the council.")
        return redirect_to(s, name, text, "explanations")


def write_appraisal_of(s: ServerSite, conn: sa.Connection, name: str) -> None:
    entries, answers = appraisal_rows(conn, name)
    from decimal import Decimal

    cycle.write_appraisal(
        s.folder(name),
        [cycle.Entry(e.round, e.node, Decimal(e.points), e.reason, e.login, e.at) for e in entries],
        [cycle.Answer(a.node, a.text, a.at) for a in answers],
    )


def evidence_files(folder: Path) -> list[str]:
    """The bundle's evidence files (relative names), those a browser may be sent."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and not p.is_symlink()
        and p.suffix.lower() in EVIDENCE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def evidence_file(request: Request) -> Response:
    """One evidence file of the unit, by a name the listing gave (nothing else is served)."""
    s = site(request)
    name = request.path_params["bundle"]
    folder = s.folder(name)
    wanted = request.path_params["path"]
    if wanted not in evidence_files(folder):
        raise NotFound(wanted)
    path = folder / wanted
    if not path.resolve().is_relative_to(folder.resolve()):
        raise NotFound(wanted)
    suffix = path.suffix.lower()
    media = mimetypes.types_map.get(suffix, "application/octet-stream")
    disposition = "inline" if suffix in INLINE else "attachment"
    with s.deployment.engine.begin() as conn:
        audit.append(conn, user_of(request).login, "file.view", f"{name} {wanted}")
    return Response(
        path.read_bytes(),
        media_type=media,
        headers={
            "content-disposition": f'{disposition}; filename="{path.name}"',
            "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        },
    )


async def edit_record(request: Request) -> Response:
    """The local page's save (add, change, delete a record, with an upload), audited: one row
    with the bundle's hash before and after, and one per evidence file it added."""
    from cchc_index.web import records

    s = site(request)
    name = request.path_params["bundle"]
    folder = s.folder(name)
    before, files_before = cycle.fingerprint(folder), set(evidence_files(folder))
    response = await records.post_record(request)
    after = cycle.fingerprint(folder)
    if after != before:
        actor = user_of(request).login
        what = f"{name} {request.path_params['kind']} {request.path_params.get('key', '+')}"
        with s.deployment.engine.begin() as conn:
            for added in sorted(set(evidence_files(folder)) - files_before):
                audit.append(
                    conn,
                    actor,
                    "upload",
                    f"{name} {added}",
                    "-",
                    added.rsplit("/", 1)[-1].split(".")[0],
                )
            audit.append(conn, actor, "record.edit", what, before, after)
            conn.execute(units.update().where(units.c.id == name).values(updated=now()))
    return response
